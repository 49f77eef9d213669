"""Normalisation that keeps provenance.

The pipeline reads ``Normalized.text`` (NFC, ...) while every offset it reports must point into the
caller's original string; ``Normalized.to_original`` maps one to the other.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import List, Optional


@dataclass
class Normalized:
    text: str
    # offsets[i] is the index in the original of normalized character i; offsets[len(text)] is
    # len(original). None means the text is the original unchanged.
    offsets: Optional[List[int]] = None

    def to_original(self, index: int) -> int:
        return index if self.offsets is None else self.offsets[index]


def normalize(original: str) -> Normalized:
    if unicodedata.is_normalized("NFC", original):
        return Normalized(original)
    pieces: List[str] = []
    offsets: List[int] = []
    chunk_start = 0
    # compose cluster by cluster (a base character and the marks after it) to know where each
    # composed character came from
    for i in range(1, len(original) + 1):
        if i == len(original) or unicodedata.combining(original[i]) == 0:
            composed = unicodedata.normalize("NFC", original[chunk_start:i])
            pieces.append(composed)
            offsets.extend([chunk_start] * len(composed))
            chunk_start = i
    offsets.append(len(original))
    return Normalized("".join(pieces), offsets)

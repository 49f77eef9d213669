"""The one reader of the example corpora in tests/corpora/, for every dimension (dates, facts,
numbers, bylines, captions, layout).

One format for all: UTF-8, one example per line, cells separated by tabs; lines that start with
``#`` and blank lines are comments; a cell ``-`` means "none". Positive examples of a dimension
live in ``NAME.tsv``, negative ones (what must *not* be found) in ``NAME_not.tsv``. Each test file
says what its columns mean and turns the cells into a check; the reader only splits, pads and names
the cases ``FILE:LINE`` so that a failure points at its row.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import pytest

CORPORA = Path(__file__).resolve().parent / "corpora"
NONE = "-"


def rows(name: str, columns: Optional[int] = None) -> List:
    """The examples of ``tests/corpora/NAME`` as pytest params of their cells (str, or None for
    ``-``). With ``columns``, short rows are padded with None and longer rows are an error, so a
    malformed row fails loudly instead of testing less than it says."""
    path = CORPORA / name
    params = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [None if cell == NONE else cell for cell in line.split("\t")]
        if columns is not None:
            if len(cells) > columns:
                raise ValueError(f"{name}:{number}: {len(cells)} cells, the corpus has {columns} columns")
            cells += [None] * (columns - len(cells))
        params.append(pytest.param(*cells, id=f"{name}:{number}"))
    return params

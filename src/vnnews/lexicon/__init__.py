"""Vietnamese vocabulary as data: one JSON file per topic in this folder, loaded once on first use.

Code asks ``lexicon.load("numbers")`` and never spells Vietnamese words itself, so that the word
lists can be reviewed, extended and tested apart from the algorithms (as dateparser does).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import regex

_HERE = Path(__file__).parent


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed contents of ``lexicon/<name>.json``."""
    with open(_HERE / (name + ".json"), encoding="utf-8") as handle:
        return json.load(handle)


def alternation(words: Iterable[str]) -> str:
    """A word list as a regex alternation: longest first (so that ``Ảnh minh họa`` wins over
    ``Ảnh``), any run of white space where a word has a space."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))

"""Vietnamese vocabulary as data: one JSON file per topic in this folder, loaded once on first use.

Code asks ``lexicon.load("numbers")`` and never spells Vietnamese words itself, so that the word
lists can be reviewed, extended and tested apart from the algorithms (as dateparser does).
"""
from __future__ import annotations

import json
import re
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


def prefix_tree(words: Iterable[str]) -> str:
    """A word list as an alternation for the stdlib ``re``, with common prefixes shared and any run
    of white space where a word has a space: ``re`` searches it many times faster than the regex
    module a flat list. It prefers no word over another, so it only tells whether some word occurs."""
    tails: dict = {}
    for word in words:
        tails.setdefault(word[:1], set()).add(word[1:])
    branches = [(r"\s+" if head == " " else re.escape(head)) + prefix_tree(rest) for head, rest in sorted(tails.items()) if head]
    if "" in tails:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)

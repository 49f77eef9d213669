"""Vietnamese vocabulary as data: one JSON file per topic in this folder, loaded once on first use.

Code asks ``lexicon.load("numbers")`` and never spells Vietnamese words itself, so that the word
lists can be reviewed, extended and tested apart from the algorithms (as dateparser does).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional

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


def may_open(words: Iterable[str], flags: int = 0) -> Callable[[str], bool]:
    """A cheap first test for a pattern of ``words`` anchored at the start of a line: whether the
    line's first two characters begin one of them, and then whether its first word begins with the
    first word of one of them (``Thời gian đọc:`` lets ``Thời`` through, not ``Thủ tướng``). Dictionary
    look-ups where the pattern costs a regex call on every line; each new pair or word is put to the
    regex module once, with the pattern's flags, so the answer follows its case folding. (A word's
    first word matches no white space, so a line that the pattern opens holds it before its own
    first white space.) Only the first keys met are kept: text of random characters must not grow
    the dictionaries without end."""
    words = list(words)
    pairs = regex.compile(alternation(w[:2] for w in words), flags)
    firsts = {w.split()[0] for w in words}
    longest = max(map(len, firsts))
    first_words = regex.compile(alternation(firsts), flags)
    known: Dict[str, bool] = {}
    known_words: Dict[str, bool] = {}

    def may_open(text: str) -> bool:
        head = text[:2]
        answer = known.get(head)
        if answer is None:
            answer = _remember(known, head, pairs.match(head) is not None)
        if not answer:  # (most lines: the pair rules them out, without a call)
            return False
        head = text[:longest].split(None, 1)  # (no further than the longest first word: a line may hold no space)
        head = head[0] if head else ""
        answer = known_words.get(head)
        if answer is None:
            answer = _remember(known_words, head, first_words.match(head) is not None)
        return answer
    return may_open


def _remember(known: Dict[str, bool], key: str, answer: bool) -> bool:
    if len(known) < _MAX_KNOWN_OPENINGS:
        known[key] = answer
    return answer


_MAX_KNOWN_OPENINGS = 10_000


def prefix_tree(words: Iterable[str], space: str = r"\s+", specials: Optional[Dict[str, str]] = None,
                word_end: str = "") -> str:
    """A word list as an alternation with common prefixes shared (``t(?:r(?:iệu|ăm)|ỷ)``): ``re`` and
    the regex module try it many times faster than a flat list of hundreds of words. ``space`` is
    the pattern for a space in a word, ``specials`` maps a character to its own pattern, and
    ``word_end`` must follow a word that has no space. A longer word is preferred to its prefix."""
    return _tree(sorted(set(words)), space, specials or {}, word_end, True)


@lru_cache(maxsize=None)
def _escaped(char: str) -> str:
    return re.escape(char)


def _tree(words: List[str], space: str, specials: Dict[str, str], word_end: str, one_word: bool) -> str:
    """The tree of ``words``, sorted and distinct: the branches in the order of their first
    characters, a word that ends here last. Built on the first parse of every process (some 250
    trees), so a word left alone is written out in one step rather than a node a character."""
    def piece(char: str) -> str:
        return space if char == " " else specials.get(char) or _escaped(char)

    if len(words) == 1:
        word = words[0]
        plain = " " not in word and not any(map(specials.__contains__, word))
        return (re.escape(word) if plain else "".join(map(piece, word))) + (word_end if one_word and " " not in word else "")
    ends = words[0] == ""  # sorted: the empty word first
    branches = [piece(head) + _tree([word[1:] for word in group], space, specials, word_end, one_word and head != " ")
                for head, group in groupby(words[1:] if ends else words, key=itemgetter(0))]
    if ends:
        branches.append(word_end if one_word else "")
    return branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)

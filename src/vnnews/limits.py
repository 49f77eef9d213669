"""Limits on what one parse reads, and a cheap check that the text is Vietnamese at all.

``DEFAULT_MAX_CHARS`` is the default size limit; ``parse_article(text, max_chars=...)`` takes another.
A longer input is cut, not refused: the caller gets the first part and a ``truncated`` warning whose
``start``/``end`` cover what was left out.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from functools import lru_cache
from typing import List, Tuple

import regex

from .decode import vietnamese_counts, vietnamese_letters
from .model import ParseWarning

DEFAULT_MAX_CHARS = 2_000_000

_WINDOW = 8_000  # characters judged at the start, middle and end: a constant cost for any input
_MIN_WORDS = 12  # fewer words than this are too few to judge
# Vietnamese news prose: about 9 words in 10 are Vietnamese syllables and about a quarter of the
# letters carry Vietnamese marks; English, code and URL lists score far below on both. Text typed
# without marks still passes on syllables alone.
_MIN_SYLLABLE_SHARE = 0.5
_MIN_SYLLABLE_SHARE_WITHOUT_MARKS = 0.75
_MIN_MARKED_LETTER_SHARE = 0.03
# a sample where this share of all characters are Vietnamese marked letters is Vietnamese without
# further counting (prose has about one in five; English with a few Vietnamese names far fewer)
_QUICK_WINDOW = 1_000
_QUICK_MARKED_SHARE = 0.06
_MAX_LINK_SHARE = 0.5  # of the printed characters
_NOT_LETTERS = regex.compile(r"\P{L}+")
_SPACES = regex.compile(r"\s+")
# whole white-space-delimited words only: a match may start only where a word starts, so a long
# run without spaces is read once, not once per character
_LINKS = regex.compile(r"(?<!\S)(?:https?://|www\.|[^\s@]+@)\S*")


def truncate(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> Tuple[str, List[ParseWarning]]:
    """``text`` cut to at most ``max_chars`` characters, at the last line break if there is one in
    the second half of the allowance (else at the limit, not inside a character's marks), with a
    ``truncated`` warning; ``text`` unchanged and no warning when it is short enough."""
    if not isinstance(max_chars, int) or isinstance(max_chars, bool):
        raise TypeError("max_chars must be a whole number of characters, not %r" % (max_chars,))
    if max_chars < 0:  # a negative cut would slice from the end: keep most of the text, warn out of range
        raise ValueError("max_chars must be 0 or more, not %d" % max_chars)
    if len(text) <= max_chars:
        return text, []
    cut = max(text.rfind("\n", 0, max_chars + 1), text.rfind("\r", 0, max_chars + 1))
    if cut < max_chars // 2:
        cut = max_chars
        floor = max(0, cut - 32)  # a longer run of marks is junk: cut through it
        while cut > floor and unicodedata.combining(text[cut]):
            cut -= 1
    message = "input has %d characters, over the limit of %d: only the first %d were parsed" % (
        len(text), max_chars, cut)
    return text[:cut], [ParseWarning("truncated", message, cut, len(text))]


def check_text(function: str, value: object) -> None:
    """A public function that reads text says so when it is given something else (``None``, bytes),
    rather than failing deep inside with an error about an internal step."""
    if not isinstance(value, str):
        hint = "; decode bytes with vnnews.read_text()" if isinstance(value, (bytes, bytearray)) else ""
        raise TypeError("%s() takes the text as str, not %s%s" % (function, type(value).__name__, hint))


def check_flag(name: str, value: object) -> None:
    """A yes/no option must be True or False: ``tokenize='no'`` would read as yes."""
    if not isinstance(value, bool):
        raise TypeError("%s must be True or False, not %r" % (name, value))


def check_reference(reference: object) -> None:
    """A reference day is a date, an aware datetime, or None (no reference)."""
    if not isinstance(reference, (dt.date, type(None))):
        raise TypeError("reference must be a date, an aware datetime or None, not %s" % type(reference).__name__)
    if isinstance(reference, dt.datetime) and reference.utcoffset() is None:
        raise ValueError("reference must be an aware datetime (with tzinfo, e.g. vnnews.model.VIETNAM_TZ), "
                         "not a naive one: its moment would be ambiguous")


def language_warnings(text: str) -> List[ParseWarning]:
    """A ``not_vietnamese`` warning when ``text`` does not read as Vietnamese prose: English, code,
    a list of links. Too short a text is not judged; a long one by three windows of it."""
    quick = text if len(text) <= 3 * _QUICK_WINDOW else text[:_QUICK_WINDOW] + text[-_QUICK_WINDOW:]
    if _at_least_marked(math.ceil(_QUICK_MARKED_SHARE * len(quick))).match(quick):
        return []  # plainly Vietnamese: the common case, decided on a small sample
    if len(text) > 3 * _WINDOW:
        middle = len(text) // 2 - _WINDOW // 2
        text = "\n".join((text[:_WINDOW], text[middle:middle + _WINDOW], text[-_WINDOW:]))
    sample = unicodedata.normalize("NFC", text).lower()
    prose = _LINKS.sub(" ", sample)  # URL slugs are Vietnamese words without their marks
    printed = len(_SPACES.sub("", sample))
    if printed and len(_SPACES.sub("", prose)) < (1 - _MAX_LINK_SHARE) * printed:
        return [ParseWarning("not_vietnamese", "text is mostly links, not prose")]
    words, syllables = vietnamese_counts(prose)
    if words < _MIN_WORDS:
        return []
    letters = len(_NOT_LETTERS.sub("", prose))
    marked = len(_marked_letters().findall(prose))
    syllable_share, marked_share = syllables / words, marked / max(letters, 1)
    if syllable_share >= _MIN_SYLLABLE_SHARE_WITHOUT_MARKS or (
        syllable_share >= _MIN_SYLLABLE_SHARE and marked_share >= _MIN_MARKED_LETTER_SHARE
    ):
        return []
    message = ("text does not read as Vietnamese: %.0f%% of %d words are Vietnamese syllables and "
               "%.0f%% of the letters carry Vietnamese marks" % (100 * syllable_share, words,
                                                                 100 * marked_share))
    return [ParseWarning("not_vietnamese", message)]


@lru_cache(maxsize=None)
def _at_least_marked(count: int) -> re.Pattern:
    """Matches a text that holds at least ``count`` marked letters, of either case, and stops at the
    last one it needs: much cheaper than counting them all. The run before each letter is possessive,
    so a text that falls short costs one pass too (the run read once: a look-ahead and a
    back-reference read it twice)."""
    letters = re.escape(vietnamese_letters() + vietnamese_letters().upper())
    return re.compile(r"(?:[^%s]*+[%s]){%d}" % (letters, letters, count))


@lru_cache(maxsize=None)
def _marked_letters() -> regex.Pattern:
    return regex.compile("[%s]" % regex.escape(vietnamese_letters()))


"""Sentences and word tokens, with offsets.

With tokens, underthesea splits sentences and words (imported on first use: it takes a second to
load). Without, a regex splits sentences, so that a parse without tokens stays fast.
underthesea returns strings, not offsets: they are aligned back onto the text here.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_left
from functools import lru_cache
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

import regex

from . import lexicon
from .text import SPACES, is_space

Bounds = Tuple[int, int]
_WORD_OR_CHAR = regex.compile(r"[\p{L}\p{M}\p{N}]+|\S")


_STOPS = ".!?…"
_CLOSERS = "\"”’')]"  # closing quotes and brackets after a stop
_WHITE = "".join(regex.findall(r"\s", SPACES))  # the regex module's \s: str.isspace() bar \x1c-\x1f


# A sentence ends at a run of white space (``\s+``) that follows a stop and any closers after it and
# is followed by a capital, a digit, an opening quote or bracket; not after an abbreviation's dot
# (``TP. HCM``, ``PGS. TS``), nor after a withheld name's initial before the person's details in
# brackets (``Nguyễn Văn T. (SN 1990) đã ...``, ``P.Đ.B. (30 tuổi)``). Tested in Python, character by
# character, at the few places after a stop (and its closers) that str.find shows: a regex module
# pattern cost some 12,000 instructions a place, a stdlib scan for the places some 90 a character.

@lru_cache(maxsize=None)
def _abbreviations() -> Tuple[frozenset, Dict[str, Tuple[int, ...]]]:
    """The abbreviations, and by their last character the lengths of those that end in it."""
    words = frozenset(lexicon.load("sentences")["abbreviations"])
    lengths: Dict[str, set] = {}
    for word in words:
        lengths.setdefault(word[-1], set()).add(len(word))
    return words, {last: tuple(sorted(found)) for last, found in lengths.items()}


# classes of one character, in the regex module (its Unicode tables are newer than unicodedata's)
_OPENER = r"[\p{Lu}\"“‘'(\[\d]"  # what a sentence may start with
_IN_WORD = r"[\p{L}\p{M}]"
_IN_NAME = r"[\p{L}\p{M}\p{N}-]"  # what may stand before an initial within a name or word (P.Đ.B, Hà-T)
_CAPITAL = r"\p{Lu}"


@lru_cache(maxsize=4096)
def _is(char_class: str, char: str) -> bool:
    return regex.match(char_class, char) is not None


def _abbreviation_before(text: str, dot: int) -> bool:
    """Whether a whole abbreviation stands just before the dot at ``dot``."""
    words, lengths = _abbreviations()
    for length in lengths.get(text[dot - 1], ()) if dot else ():
        begin = dot - length
        if begin >= 0 and text[begin:dot] in words and (begin == 0 or not _is(_IN_WORD, text[begin - 1])):
            return True
    return False


def _initial_before(text: str, dot: int) -> bool:
    """Whether a lone capital (an initial) stands just before the dot at ``dot``."""
    return dot >= 1 and _is(_CAPITAL, text[dot - 1]) and (dot == 1 or not _is(_IN_NAME, text[dot - 2]))


def _sentence_end(text: str, space: int, end: int) -> Optional[int]:
    """Where the run of white space at ``space`` (after a stop and any closers) ends if a sentence
    ends there, looking no further than ``end``; else None."""
    after = space
    while after < end and text[after] in _WHITE:
        after += 1
    if after == space or after == end or not _is(_OPENER, text[after]):
        return None
    if text[space - 1] == "." and (_abbreviation_before(text, space - 1)
                                   or text[after] == "(" and _initial_before(text, space - 1)):
        return None
    return after


def _after_stops(text: str, start: int, end: int) -> List[int]:
    """The places in ``text[start:end]`` right after a stop and the closers that follow it (which
    may begin before ``start``), in order: where a sentence may end. A str.find per stop skips the
    text at C speed."""
    begin = max(start - 1, 0)
    while begin > 0 and text[begin] in _CLOSERS:
        begin -= 1
    found = []
    for stop in _STOPS:
        i = text.find(stop, begin, end)
        while i >= 0:
            i += 1
            while i < end and text[i] in _CLOSERS:
                i += 1
            if start <= i < end:
                found.append(i)
            i = text.find(stop, i, end)
    found.sort()
    return found


def split_sentences(text: str, start: int = 0, end: int = -1) -> List[Bounds]:
    """Sentence bounds in ``text[start:end]`` by punctuation and capitals."""
    end = len(text) if end < 0 else end
    return _split(text, start, end, _after_stops(text, start, end))


def split_pieces(text: str, starts: Sequence[int], ends: Sequence[int]) -> Iterator[List[Bounds]]:
    """``split_sentences`` of each ``text[starts[i]:ends[i]]`` (sorted by start), the places a
    sentence may end found once for all: the pieces of an article are a dozen."""
    if not starts:
        return
    spaces = _after_stops(text, starts[0], max(ends))
    for start, end in zip(starts, ends):
        low = bisect_left(spaces, start)
        high = bisect_left(spaces, end, low)
        yield _split(text, start, end, spaces[low:high]) if high > low else [(start, end)] if start < end else []


def _split(text: str, start: int, end: int, spaces: List[int]) -> List[Bounds]:
    bounds = []
    position = start
    for space in spaces:
        after = _sentence_end(text, space, end) if space >= position else None
        if after is not None:
            bounds.append((position, space))
            position = after
    if position < end:
        bounds.append((position, end))
    return bounds


_SURROGATE = re.compile("[\ud800-\udfff]")  # in a str only ever lone: they cannot be encoded
_REPLACEMENT = "\ufffd"


def encodable(text: str) -> Tuple[str, List[int]]:
    """``text`` with each lone surrogate replaced by U+FFFD (one character for one, so offsets
    hold), and where they stood; ``text`` itself when there is none."""
    where = [m.start() for m in _SURROGATE.finditer(text)]
    return (_SURROGATE.sub(_REPLACEMENT, text) if where else text), where


_loaded = None  # underthesea's (sent_tokenize, word_tokenize), once loaded and warmed up
_loading = threading.Lock()


def _underthesea():
    """underthesea, imported and its models loaded once, under a lock: it loads them lazily on first
    call without one, so threads that start together would each see a half-loaded model."""
    global _loaded
    if _loaded is None:
        with _loading:
            if _loaded is None:
                from underthesea import sent_tokenize, word_tokenize

                sent_tokenize("Xin chào.")  # loads the models now, inside the lock
                word_tokenize("Xin chào")
                _loaded = sent_tokenize, word_tokenize
    return _loaded


def _align(text: str, pieces: List[str], position: int, end: int, words: bool = True) -> List[Bounds]:
    """Where each piece stands in ``text[position:end]``, in order.

    underthesea may rewrite a piece (tone placement ``khoẻ``/``khỏe``, now and then a letter) but
    keeps the order: a word not found verbatim is the word or character that stands there, a
    sentence (which it returns as written) the same number of characters."""
    bounds = []
    for piece in pieces:
        while position < end and is_space(text[position]):
            position += 1
        if text.startswith(piece, position) or not words:
            stop = min(position + len(piece), end)
        else:  # rewritten: take the word (or the one character) that stands here in the text
            stop = _WORD_OR_CHAR.match(text, position, end).end() if position < end else end
        bounds.append((position, stop))
        position = stop
    return bounds


def tokenize_sentences(text: str, start: int, end: int) -> List[Tuple[Bounds, List[Bounds]]]:
    """underthesea's sentences of ``text[start:end]``, each with its word tokens' bounds.
    A multi-syllable word (``thông tin``) is one token spanning its syllables."""
    sent_tokenize, word_tokenize = _underthesea()
    result = []
    for s_start, s_end in _align(text, sent_tokenize(text[start:end]), start, end, words=False):
        if s_start >= s_end:
            continue
        tokens = []
        position = s_start
        for word in word_tokenize(text[s_start:s_end]):
            syllables = _align(text, word.split(), position, s_end)
            if syllables:
                tokens.append((syllables[0][0], syllables[-1][1]))
                position = syllables[-1][1]
        result.append(((s_start, s_end), tokens))
    return result

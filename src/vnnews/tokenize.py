"""Sentences and word tokens, with offsets.

With tokens, underthesea splits sentences and words (imported on first use: it takes a second to
load). Without, a regex splits sentences, so that a parse without tokens stays fast.
underthesea returns strings, not offsets: they are aligned back onto the text here.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import List, Tuple

import regex

from . import lexicon
from .text import is_space

Bounds = Tuple[int, int]
_WORD_OR_CHAR = regex.compile(r"[\p{L}\p{M}\p{N}]+|\S")


_STOPS = ".!?…"
_CLOSERS = "\"”’')]"  # closing quotes and brackets after a stop
# a sentence ends only at white space right after a stop or a closer: the stdlib finds those places
# far faster than the regex module tries the full pattern's lookbehinds at every character
_END_CANDIDATE = re.compile("[%s]\\s" % re.escape(_STOPS + _CLOSERS))


@lru_cache(maxsize=None)
def _sentence_end():
    # an abbreviation's dot (``TP. HCM``, ``PGS. TS``) does not end a sentence, nor a withheld name's
    # initial before the person's details in brackets (``Nguyễn Văn T. (SN 1990) đã ...``, ``P.Đ.B. (30 tuổi)``)
    abbreviations = "|".join(regex.escape(a) for a in lexicon.load("sentences")["abbreviations"])
    return regex.compile(
        r"(?<!(?<![\p{L}\p{M}])(?:%s)\.)(?!(?<=(?<![\p{L}\p{M}\p{N}-])\p{Lu}\.)\s+\()"
        r"(?<=[%s]+[%s]*)\s+(?=[\p{Lu}\"“‘'(\[\d])"
        % (abbreviations, regex.escape(_STOPS), regex.escape(_CLOSERS))
    )


def split_sentences(text: str, start: int = 0, end: int = -1) -> List[Bounds]:
    """Sentence bounds in ``text[start:end]`` by punctuation and capitals."""
    end = len(text) if end < 0 else end
    sentence_end = _sentence_end()
    bounds = []
    position = start
    # the stop may stand just before ``start``: the pattern's lookbehind sees it there too
    for candidate in _END_CANDIDATE.finditer(text, max(start - 1, 0), end):
        space = candidate.end() - 1
        m = sentence_end.match(text, space, end) if space >= position else None
        if m:
            bounds.append((position, m.start()))
            position = m.end()
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

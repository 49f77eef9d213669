"""Split a (normalized) text into lines with offsets, and fold white space for display."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Dict, List

import regex

from .settings import SHARED_TEXT_MAX_CHARS, SHARED_TEXTS_MAX

# every kind of white space that scrapers leave: NBSP, zero-width characters, BOM, tabs
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_SPACE_RUN = regex.compile("[\\s\u00a0%s]+" % _ZERO_WIDTH)
_LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
# one white space character that does not break the line, in the regex module's spelling (for the
# stdlib, see for_stdlib): dates and amounts never span lines. \p{Blank} (the tab and the space
# separators) is the regex module's \s without the line breaks, character for character (a test
# says so), and it compiles in a third less time than the class below at each of the hundreds of
# uses in the date and number patterns (their compiling is most of the first parse).
INLINE_SPACE = r"\p{Blank}"
# The same for the stdlib, in text that holds no U+2028 or U+2029 (its users see to it: the date scan
# reads them as \x0b, the stdlib patterns of facts are put only to text without them). Its \s also
# holds \x1c-\x1f. A class that holds characters past U+00FF in several runs makes re build a
# 64K-character bitmap at each of its hundreds of uses (twice the compile time); this one holds none.
STDLIB_INLINE_SPACE = r"[^\S\n\r\x0b\x0c\x85]"
WIDE_LINE_BREAKS = "\u2028\u2029"  # what STDLIB_INLINE_SPACE leaves to its users


def for_stdlib(pattern: str) -> str:
    """``pattern``, written for the regex module, as the stdlib ``re`` spells it (see STDLIB_INLINE_SPACE)."""
    return pattern.replace(INLINE_SPACE, STDLIB_INLINE_SPACE)


@dataclass(slots=True)
class Line:
    """One line of the text: ``start``/``end`` bound its content without the surrounding spaces and
    the markdown that wraps a whole line (``# ``, ``**...**``, ``*...*``)."""

    index: int  # position among the non-blank lines
    text: str  # the content, stripped of leading and trailing white space
    start: int
    end: int
    indent: str  # the white space before the content (NBSP-indented captions show here)
    blank_before: int  # how many blank lines separate it from the previous non-blank line


@lru_cache(maxsize=4)  # the article, and the date lines layout reads before it
def lowered(text: str) -> str:
    """``text.lower()``, kept for the last few texts: extract_facts and find_dates each read the whole
    article in lower case, which parse_article gives to both (a Vietnamese text lowers at some 60
    instructions a character, and the cache finds the article by its hash, computed once per string)."""
    return text.lower()


@lru_cache(maxsize=4)
def is_nfc(text: str) -> bool:
    """Whether ``text`` is composed (NFC), kept for the last few texts: normalize asks it of the
    input, and extract_facts of what normalize gave back, the same string unless it changed it."""
    return unicodedata.is_normalized("NFC", text)


def fold(text: str) -> str:
    """Every run of white space (NBSP and zero-width ones too) as one space, trimmed."""
    if text.isprintable() and "  " not in text:
        return text.strip()  # every white space character but the plain space is unprintable
    return _SPACE_RUN.sub(" ", text).strip()


# what str.isspace() holds for (no code point past U+3000), with the zero-width characters: as a
# string, for str.strip
SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + _ZERO_WIDTH


def is_space(char: str) -> bool:
    return char in SPACES


def strip_bounds(text: str, start: int, end: int) -> tuple:
    """Narrow ``start``/``end`` so that ``text[start:end]`` has no white space at either end."""
    if start >= end:
        return start, end
    piece = text[start:end]
    stripped = piece.lstrip(SPACES)
    start += len(piece) - len(stripped)
    return start, start + len(stripped.rstrip(SPACES))


def sharing() -> Callable[[str], str]:
    """A function that gives, for a text of at most SHARED_TEXT_MAX_CHARS, the first equal text it was
    given (among the first SHARED_TEXTS_MAX): the many equal short lines of a hostile text (a million
    ``Ảnh:``) then hold one string, not a copy each."""
    known: Dict[str, str] = {}

    def shared(text: str) -> str:
        if len(text) > SHARED_TEXT_MAX_CHARS:
            return text
        first = known.get(text)
        if first is None:
            first = text
            if len(known) < SHARED_TEXTS_MAX:
                known[text] = text
        return first
    return shared


# markdown that wraps a whole line, as scrapers that write markdown leave it: a heading's marks (and
# closing ones), or one emphasis around the content (a bold lead or byline, an italic caption or date)
# (emphasis by asterisks only: underscores wrap identifiers as often, __init__)
_MARKDOWN_LINE = regex.compile(r"(#{1,6}[ \t]+)(?=\S).*?(?P<close>[ \t]+#+)?|(?P<em>\*\*|\*)(?=[^\s*]).*(?<=[^\s*])(?P=em)")
_MARKDOWN_FIRST = frozenset("#*")


def _unwrapped(content: str) -> tuple:
    """How many characters of markdown open and close a line's content (0, 0: none)."""
    m = _MARKDOWN_LINE.fullmatch(content)
    if m is None:
        return 0, 0
    if m.group("em"):
        return len(m.group("em")), len(m.group("em"))
    return len(m.group(1)), len(m.group("close") or "")


def split_lines(text: str) -> List[Line]:
    lines: List[Line] = []
    shared = sharing()
    blank = 0
    start = 0  # where the current line starts
    position = 0
    # one pass over str.splitlines (C code, far quicker than a pattern), which also breaks at
    # \x1c-\x1e: a piece that ends in none of _LINE_BREAKS runs on into the next one
    for piece in text.splitlines(keepends=True):
        position += len(piece)
        if piece[-1] not in _LINE_BREAKS and position < len(text):
            continue
        # the piece is the line unless pieces ran on; the line breaks are white space too
        raw = (piece if start == position - len(piece) else text[start:position]).rstrip(SPACES)
        if raw:
            content = raw.lstrip(SPACES)
            indent, end = len(raw) - len(content), start + len(raw)
            opened = 0
            if content[0] in _MARKDOWN_FIRST:
                opened, closed = _unwrapped(content)
                if opened:
                    content, end = content[opened:len(content) - closed], end - closed
            if len(content) <= SHARED_TEXT_MAX_CHARS:  # the call only for the few short lines
                content = shared(content)
            lines.append(Line(len(lines), content, start + indent + opened, end, raw[:indent], blank))
            blank = 0
        else:
            blank += 1
        start = position
    return lines

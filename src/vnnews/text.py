"""Split a (normalized) text into lines with offsets, and fold white space for display."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Tuple

import regex

# every kind of white space that scrapers leave: NBSP, zero-width characters, BOM, tabs
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_SPACE_RUN = regex.compile("[\\s\u00a0%s]+" % _ZERO_WIDTH)
_LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"


@dataclass
class Line:
    """One line of the text: ``start``/``end`` bound its content without the surrounding spaces."""

    index: int  # position among the non-blank lines
    text: str  # the content, stripped of leading and trailing white space
    start: int
    end: int
    indent: str  # the white space before the content (NBSP-indented captions show here)
    blank_before: int  # how many blank lines separate it from the previous non-blank line


def fold(text: str) -> str:
    """Every run of white space (NBSP and zero-width ones too) as one space, trimmed."""
    return _SPACE_RUN.sub(" ", text).strip()


# what str.isspace() holds for (no code point past U+3000), with the zero-width characters: as a
# string, for str.strip
_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + _ZERO_WIDTH


def is_space(char: str) -> bool:
    return char in _SPACES


def strip_bounds(text: str, start: int, end: int) -> tuple:
    """Narrow ``start``/``end`` so that ``text[start:end]`` has no white space at either end."""
    if start >= end:
        return start, end
    piece = text[start:end]
    stripped = piece.lstrip(_SPACES)
    start += len(piece) - len(stripped)
    return start, start + len(stripped.rstrip(_SPACES))


def _line_breaks(text: str) -> List[Tuple[int, int]]:
    r"""``(start, end)`` of every line break: ``\n``, ``\r\n``, ``\r``, ``\v``, ``\f``, U+0085, U+2028, U+2029."""
    breaks = []
    end = 0
    for piece in text.splitlines(keepends=True):  # C code, far quicker than a pattern
        end += len(piece)
        if piece[-1] in _LINE_BREAKS:  # not the text's end, nor \x1c-\x1e, where splitlines breaks too
            breaks.append((end - 2 if piece.endswith("\r\n") else end - 1, end))
    return breaks


def split_lines(text: str) -> List[Line]:
    lines: List[Line] = []
    blank = 0
    position = 0
    for break_start, break_end in _line_breaks(text) + [(len(text), len(text))]:
        start, end = strip_bounds(text, position, break_start)
        if start == end:
            blank += 1
        else:
            lines.append(Line(len(lines), text[start:end], start, end, text[position:start], blank))
            blank = 0
        position = break_end
    return lines

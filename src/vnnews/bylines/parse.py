"""Reading a line, or the end of a paragraph, or the start of the lead, as a byline or source credit
with the rules of ``rules.RULES``."""
from __future__ import annotations

from typing import Optional, Tuple

import regex

from ..settings import BYLINE_MAX_CHARS, GLUED_BYLINE_WINDOW
from .rules import RULES, Byline, Reading
from .vocabulary import Piece, trim, vocabulary

_SENTENCE_END = regex.compile(r"[.!?…\"”]\s+")


def parse_byline(text: str, start: int = 0, end: Optional[int] = None) -> Optional[Byline]:
    """Read ``text[start:end]`` as a whole byline or source line; None when it is not one."""
    end = len(text) if end is None else end
    start, end = trim(text, start, end)[1:]
    if text.startswith("(", start - 1) and text.endswith(")", start, end) and "(" not in text[start:end]:
        end -= 1  # the whole line in brackets: ``(Theo Vietnamplus)``
    if start >= end or end - start > BYLINE_MAX_CHARS:
        return None
    reading = Reading(text, start, end, end)
    v = vocabulary()
    for rule in RULES:
        if not rule.lead(reading):
            continue
        match = None
        if rule.pattern is not None:
            pattern = getattr(v, rule.pattern)
            find = {"whole": pattern.fullmatch, "head": pattern.match, "tail": pattern.search}[rule.part]
            match = find(text, reading.start, reading.end)
            if match is None:
                continue
        verdict = rule.resolve(reading, match)
        if verdict == "remark":
            return reading.byline
        if verdict == "byline":
            return _finish(reading)
    return None


def _finish(reading: Reading) -> Optional[Byline]:
    """Give every author the line's role, and add the names glued to a cue and the translator named in the tail."""
    byline = reading.byline
    byline.authors = reading.glued + byline.authors
    byline.roles = [reading.role] * len(byline.authors)
    if reading.translator is not None:
        byline.authors.append(reading.translator[0])
        byline.roles.append(reading.translator[1])
    if not byline.authors and byline.source is None:
        return None
    return byline


def lead_source(text: str) -> Optional[Tuple[Piece, int]]:
    """An outlet credited at the start of the lead: ``(Tổ Quốc) - ...``, ``Dân trí Cách ...`` or an
    online edition's initials (``TTO - ``; all-caps place datelines such as ``HUẾ - `` are not outlets).
    Returns the outlet piece and where the paragraph proper starts."""
    m = vocabulary().lead_outlet.match(text)
    if not m:
        return None
    group = "paren" if m.group("paren") else "bare"
    return (m.group(group), m.start(group), m.end(group)), m.end()


def glued_byline_start(text: str) -> Optional[int]:
    """Where a byline glued to the end of the last paragraph starts (``... vụ việc. Thái Bình``)."""
    trimmed = text.rstrip()
    if trimmed.endswith((".", "!", "?", "…", '"', "”", ":")) and not trimmed.endswith("./."):
        return None  # a byline has no closing punctuation; this line ends with a sentence
    window = trimmed[-GLUED_BYLINE_WINDOW:]
    for m in _SENTENCE_END.finditer(window):
        candidate = len(trimmed) - len(window) + m.end()
        if parse_byline(trimmed, candidate) is not None:
            return candidate
    return None

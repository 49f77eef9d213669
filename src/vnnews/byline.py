"""Bylines and source credits: who wrote the article and which outlet it is credited to.

Handles ``Thanh Bình``, ``Tin, ảnh: Đỗ Trưởng (TTXVN)``, ``Hoàng Yến/VOV.VN``, ``Theo Lê Ánh``,
``Theo MỘC LAN (VTC News)``, ``Theo Đất Việt``, ``Nguồn: X``, ``Tất Định - Viết Tuân`` and a
leading ``(Tổ Quốc) -``. Every name comes back with its offsets in the text it was found in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import List, Optional, Tuple

import regex

from . import lexicon

Piece = Tuple[str, int, int]  # text, start, end


@dataclass
class Byline:
    authors: List[Piece] = field(default_factory=list)
    roles: List[Optional[str]] = field(default_factory=list)
    source: Optional[Piece] = None
    remark: bool = False  # a credit line that names nobody (``Nguồn: Internet``)


_INITIAL_END = regex.compile(r"(?:^|[\s.])\p{Lu}\.$")
_CLAUSE_PUNCTUATION = regex.compile(r"[,;?!:]")
_OUTLET_TAIL = regex.compile(r"(?:\(([^()]{2,40})\)|/\s*([^/\s][^/]{1,40}))\s*$")  # ``(TTXVN)``, ``/VOV.VN``
_DASH = regex.compile(r"\s+[-–—]\s+")
_SENTENCE_END = regex.compile(r"[.!?…\"”]\s+")


@lru_cache(maxsize=None)
def _patterns():
    words = lexicon.load("layout")
    outlets = words["outlets"] + words["outlet_words"]
    name_word = r"(?:\p{Lu}[\p{L}\p{M}]*\.?|\p{Lu}\.(?:\p{Lu}\.)*)"
    person = regex.compile(r"%s(?:[ \u00a0]+%s){0,4}" % (name_word, name_word))
    return {
        "role": regex.compile(r"(?P<role>%s)\s*:\s*" % lexicon.alternation(words["byline_roles"]), regex.IGNORECASE),
        "source_cue": regex.compile(r"(?P<cue>%s)\s*:?\s+(?=\S)" % lexicon.alternation(words["source_cues"])),
        "person": person,
        "desk": regex.compile(r"^(?:%s)$" % lexicon.alternation(words["desk_names"])),
        "outlet": regex.compile(
            r"(?<![\p{L}\p{M}])(?:%s)(?![\p{L}\p{M}])|\.(?:vn|com|net|org)\b" % lexicon.alternation(outlets)
        ),
        # an outlet's name anywhere, word bounds or not (and stdlib \s holds every regex \s): where
        # this finds none and there is no dot, the outlet pattern finds none either
        "outlet_hint": re.compile(lexicon.prefix_tree(outlets)),
        "known_outlet": regex.compile(r"^(?:%s)$" % lexicon.alternation(words["outlets"]), regex.IGNORECASE),
        "lead_outlet": regex.compile(
            r"^(?:\((?P<paren>[^()\n]{2,40})\)\s*[-–—]\s*|(?P<bare>%s|\p{Lu}{1,6}O(?=\s*[-–—]))\s*(?:[-–—]\s*)?(?=\p{Lu}))"
            % lexicon.alternation(words["outlets"])
        ),
        "notes": {w.lower() for w in words["byline_notes"]},
        # a name and what that person did to the text, in a tail: ``(Minh Anh dịch)``
        "noted_person": regex.compile(r"(?P<who>.+?)\s+(?P<note>%s)" % lexicon.alternation(words["byline_notes"]),
                                      regex.IGNORECASE),
        "joiner": regex.compile(r"\s+[-–—]\s+|\s*[,;]\s*|\s+(?:%s)\s+" % lexicon.alternation(words["name_joiners"])),
    }


def is_person(text: str) -> bool:
    """A name as bylines write it: one to five capitalised words, or a desk (``PV``)."""
    p = _patterns()
    text = text.strip()
    return bool(p["person"].fullmatch(text) or p["desk"].match(text)) and not is_outlet(text)


def is_outlet(text: str) -> bool:
    p = _patterns()
    if "." not in text and p["outlet_hint"].search(text) is None:
        return False  # most names: the stdlib rules them out far faster than the full pattern
    return p["outlet"].search(text) is not None


def _trim(text: str, start: int, end: int) -> Piece:
    while start < end and text[start] in " \u00a0\t.,;:-–—()":
        start += 1
    while end > start and text[end - 1] in " \u00a0\t,;:-–—(":
        end -= 1
    # a closing full stop belongs to the name only when it ends an initial (``N.K.``); the pattern
    # reads no more than the initial and the character before it, so a long line is not scanned
    if end > start and text[end - 1] == "." and not _INITIAL_END.search(text[max(start, end - 3):end]):
        end -= 1
    return text[start:end], start, end


def _looks_like_outlet_name(text: str) -> bool:
    """``Đất Việt``, ``Doanh nghiệp và Tiếp thị``: capitalised, short, no clause punctuation, unless it
    lists known outlets (``AFP, Reuters``)."""
    text = text.strip()
    if not text or not text[0].isupper() or len(text.split()) > 8:
        return False
    return not _CLAUSE_PUNCTUATION.search(text) or all(map(is_outlet, _patterns()["joiner"].split(text)))


def _names(text: str, start: int, end: int) -> Optional[List[Piece]]:
    """Split ``A - B``, ``A, B``, ``A và B`` into names; None unless every part is a name."""
    names = []
    position = start
    for m in list(_patterns()["joiner"].finditer(text, start, end)) + [None]:
        stop = m.start() if m else end
        piece = _trim(text, position, stop)
        if not piece[0] or not is_person(piece[0]):
            return None
        names.append(piece)
        position = m.end() if m else end
    return names


def parse_byline(text: str, start: int = 0, end: Optional[int] = None) -> Optional[Byline]:
    """Read ``text[start:end]`` as a whole byline or source line; None when it is not one."""
    end = len(text) if end is None else end
    p = _patterns()
    start, end = _trim(text, start, end)[1:]
    if text.startswith("(", start - 1) and text.endswith(")", start, end) and "(" not in text[start:end]:
        end -= 1  # the whole line in brackets: ``(Theo Vietnamplus)``
    if start >= end or end - start > 120:
        return None
    byline = Byline()
    if text[start:end].lower() in p["notes"]:
        byline.remark = True  # ``Tổng hợp``, ``(T/H)``: how the article was written, naming no one
        return byline
    role = translator = None
    # a role ends in a colon, an outlet tail holds a bracket or a slash: most names have neither,
    # and a substring test is far cheaper than the pattern
    m = p["role"].match(text, start, end) if ":" in text[start:end] else None
    if m:
        role = m.group("role")
        start = m.end()
    cue = p["source_cue"].match(text, start, end)
    # trailing ``(TTXVN)`` or ``/VOV.VN`` names the outlet
    piece = text[start:end]
    tail = _OUTLET_TAIL.search(piece) if "(" in piece or "/" in piece else None
    body_end = end
    if tail:
        group = 1 if tail.group(1) else 2
        source_start = start + tail.start(group)
        inner_cue = p["source_cue"].match(text[source_start:].capitalize())  # ``(theo Reuters)``
        source = _trim(text, source_start + (inner_cue.end() if inner_cue else 0), start + tail.end(group))
        if source[0].lower() in p["notes"]:
            body_end = start + tail.start()  # ``(tổng hợp)``: how it was written, not by whom
        elif (noted := p["noted_person"].fullmatch(source[0])) and is_person(noted.group("who")):
            # ``Theo Reuters (Minh Anh dịch)``: the translator
            who = noted.group("who")
            translator = ((who, source[1], source[1] + len(who)), noted.group("note"))
            body_end = start + tail.start()
        elif is_outlet(source[0]) or not is_person(source[0]) or tail.group(1):
            byline.source = source
            body_end = start + tail.start()
    if cue:
        start = cue.end()
        if text[start:body_end].strip().lower() in p["notes"]:
            byline.remark = True  # ``Nguồn: Tổng hợp``, ``Nguồn: Internet``: a source line naming no one
            return byline
        names = _names(text, start, body_end)
        if names and not (byline.source is None and is_outlet(text[start:body_end])):
            byline.authors = names
        elif not (_looks_like_outlet_name(text[start:body_end]) and _take_outlet(text, start, body_end, end, byline)):
            return None
    else:
        names = _names(text, start, body_end) if body_end > start else []
        if names is None:
            # ``Nam Thành - Thể thao Việt Nam``: a name, then the outlet
            parts = _DASH.split(text[start:body_end], maxsplit=1)
            if len(parts) == 2 and is_person(parts[0]) and is_outlet(parts[1]) and byline.source is None:
                names = [_trim(text, start, start + len(parts[0]))]
                byline.source = _trim(text, body_end - len(parts[1]), body_end)
            elif is_outlet(text[start:body_end]) and _looks_like_outlet_name(text[start:body_end]) \
                    and _take_outlet(text, start, body_end, end, byline):
                names = []  # an outlet line of its own (``Báo Tin tức`` under ``Theo Lê Ánh``)
            else:
                return None
        byline.authors = names
    byline.roles = [role] * len(byline.authors)
    if translator is not None:
        byline.authors.append(translator[0])
        byline.roles.append(translator[1])
    if not byline.authors and byline.source is None:
        return None
    return byline


def _take_outlet(text: str, start: int, body_end: int, end: int, byline: Byline) -> bool:
    """Credit ``text[start:body_end]``, which reads as an outlet's name, as the source, if it can be:
    when no outlet tail was read, or when the tail names an outlet too, credited together with it
    (an agency and the outlet that runs its story: ``TTXVN/Vietnam+``, up to ``end``)."""
    if byline.source is None:
        byline.source = _trim(text, start, body_end)
    elif is_outlet(text[start:body_end]) and is_outlet(byline.source[0]):
        byline.source = _trim(text, start, end)
    else:
        return False
    return True


def lead_source(text: str) -> Optional[Tuple[Piece, int]]:
    """An outlet credited at the start of the lead: ``(Tổ Quốc) - ...``, ``Dân trí Cách ...`` or an
    online edition's initials (``TTO - ``; all-caps place datelines such as ``HUẾ - `` are not outlets).
    Returns the outlet piece and where the paragraph proper starts."""
    m = _patterns()["lead_outlet"].match(text)
    if not m:
        return None
    group = "paren" if m.group("paren") else "bare"
    return (m.group(group), m.start(group), m.end(group)), m.end()


def glued_byline_start(text: str) -> Optional[int]:
    """Where a byline glued to the end of the last paragraph starts (``... vụ việc. Thái Bình``)."""
    trimmed = text.rstrip()
    if trimmed.endswith((".", "!", "?", "…", '"', "”", ":")) and not trimmed.endswith("./."):
        return None  # a byline has no closing punctuation; this line ends with a sentence
    for m in _SENTENCE_END.finditer(trimmed[-130:]):
        candidate = len(trimmed) - len(trimmed[-130:]) + m.end()
        if parse_byline(trimmed, candidate) is not None:
            return candidate
    return None


def is_known_outlet(text: str) -> bool:
    return _patterns()["known_outlet"].match(text.strip()) is not None

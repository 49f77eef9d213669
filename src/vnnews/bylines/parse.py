"""Reading a line, or the end of a paragraph, or the start of the lead, as a byline or source credit
with the rules of ``rules.RULES``."""
from __future__ import annotations

from typing import NamedTuple, Optional, Tuple

import regex

from ..dates import find_date_line
from ..model import DateValue
from ..settings import BYLINE_MAX_CHARS, GLUED_BYLINE_WINDOW, GLUED_CLAUSE_MIN_WORDS, OUTLET_MAX_CHARS
from .rules import RULES, Byline, Reading
from .vocabulary import BULLETS, Piece, is_outlet, is_place, trim, vocabulary

# how a rule's pattern is put to the unread part: the whole of it, its start, or up to its end
_FIND = {"whole": "fullmatch", "head": "match", "tail": "search"}
# where a glued byline may start: after a sentence's end, or after a colon (more is asked of that one)
# (a scraper may drop the space after a sentence's full stop: ``... trong tháng.Minh Anh``; a small letter
# before the stop tells it from an abbreviation, ``TP.Hà Nội``)
_SEAM = regex.compile(r"[.!?…\"”]\s+|(?<=\p{Ll}[.!?])(?=\p{Lu})|(?P<colon>:)\s+")
_BETWEEN_CREDITS = " \t\u00a0/|-–—,;"  # what separates two credits on one line
# a dateline footer's date after its bar, closing the paragraph: ``| 22:08 12/05/2017``
_FOOTER = regex.compile(r"\s*\|[\s|]*(?P<date>[^|]{6,40}?)\s*$")


def parse_byline(text: str, start: int = 0, end: Optional[int] = None) -> Optional[Byline]:
    """Read ``text[start:end]`` as a whole byline or source line; None when it is not one."""
    end = len(text) if end is None else end
    start, end = trim(text, start, end)[1:]
    # ``* Theo VnExpress``: a list mark names no one (its first character first: most lines have none)
    bullet = vocabulary().bullet.match(text, start, end) if start < end and text[start] in BULLETS else None
    if bullet is not None:
        start = bullet.end()
    if text.startswith("(", start - 1) and text.endswith(")", start, end) and "(" not in text[start:end]:
        end -= 1  # the whole line in brackets: ``(Theo Vietnamplus)``
    if start >= end or end - start > BYLINE_MAX_CHARS:
        return None
    # (searched from the first cue word that the stdlib finds, if any: most lines hold none, and the
    # pattern's look-behind costs a slow step at every character)
    hint = vocabulary().glued_cue_hint.search(text, start + 1, end)
    second = vocabulary().second_cue.search(text, hint.start(), end) if hint is not None else None
    if second is not None:
        return _two_credits(text, start, second.start(), end)
    reading = Reading(text, start, end, end)
    v = vocabulary()
    for rule in RULES:
        if not rule.lead(reading):
            continue
        match = None
        if rule.pattern is not None:
            find = getattr(getattr(v, rule.pattern), _FIND[rule.part])
            match = find(text, reading.start, reading.end)
            if match is None:
                continue
        verdict = rule.resolve(reading, match)
        if verdict == "remark":
            return reading.byline
        if verdict == "byline":
            return _finish(reading)
    return None


def _two_credits(text: str, start: int, seam: int, end: int) -> Optional[Byline]:
    """A line of two credits (``Minh Anh (theo Afamily) Nguồn Afamily``, ``Theo Bộ X Theo Bộ X``), each
    read alone: the first's names and source, the second's where the first has none. Neither read is
    none: the cue is a word of something else."""
    first_end = start + len(text[start:seam].rstrip(_BETWEEN_CREDITS))  # ``Minh Phương/ Theo X``
    first, then = parse_byline(text, start, first_end), parse_byline(text, seam, end)
    if first is None or then is None:
        return None
    if first.source is None:
        first.source = then.source
    known = {name for name, _, _ in first.authors}
    for author, role in zip(then.authors, then.roles):
        if author[0] not in known:
            first.authors.append(author)
            first.roles.append(role)
    return first


def _finish(reading: Reading) -> Optional[Byline]:
    """Give every author the line's role, and add the names glued to a cue and the translator named in the tail."""
    byline = reading.byline
    if len(byline.roles) != len(byline.authors):  # unless a rule gave each name its own role
        byline.roles = [reading.role] * len(byline.authors)
    byline.authors = reading.glued + byline.authors
    byline.roles = [reading.role] * len(reading.glued) + byline.roles
    if reading.translator is not None:
        byline.authors.append(reading.translator[0])
        byline.roles.append(reading.translator[1])
    if not byline.authors and byline.source is None:
        return None
    return byline


def signed_byline(text: str, start: int, end: int) -> Optional[Byline]:
    """A byline that says what it is, a role or an author cue opening it (``Tác giả: Minh Anh``,
    ``Bởi Lan Phương``): where a bare name may be something else (a place label under the title)."""
    v = vocabulary()
    if not ((":" in text[start:end] and v.role.match(text, start, end)) or v.author_cue_may_open(text[start:end])):
        return None  # most lines: no parse at all
    byline = parse_byline(text, start, end)
    return byline if byline is not None and any(byline.roles) else None


def bare_byline(text: str, start: int, end: int) -> Optional[Byline]:
    """A line of names alone, each of two words or more, no role, cue, outlet or place (``Minh Khoa``):
    what a page prints beside the date under its title, where a place label (``Bình Dương``) may stand too."""
    line = text[start:end]
    if not line[-1:].isalpha() or any(c.isdigit() for c in line):
        return None
    byline = parse_byline(text, start, end)
    if byline is None or not byline.authors or byline.source is not None or any(byline.roles):
        return None
    return byline if all(len(name.split()) >= 2 and not is_place(name) for name, _, _ in byline.authors) else None


def site_suffix(title: str) -> Optional[int]:
    """Where a site's name closes a headline after a bar or a dash (``... | VnExpress``, ``... - Báo
    Thanh Niên``), if it does: the name is an outlet's, not the headline's."""
    # (the bar or dash first: most headlines hold none, and the pattern scans the whole line)
    m = _SITE_SUFFIX.search(title) if any(map(title.__contains__, _SITE_SEPARATORS)) else None
    return m.start() if m is not None and is_outlet(m.group(1)) else None


_SITE_SEPARATORS = "|–—-"
_SITE_SUFFIX = regex.compile(r"\s+[%s]\s+([^%s]{2,%d})$" % (_SITE_SEPARATORS, _SITE_SEPARATORS, OUTLET_MAX_CHARS))


def lead_source(text: str) -> Optional[Tuple[Piece, int]]:
    """An outlet credited at the start of the lead: ``(Tổ Quốc) - ...``, ``Dân trí Cách ...`` or an
    online edition's initials (``TTO - ``; all-caps place datelines such as ``HUẾ - `` are not outlets).
    Returns the outlet piece and where the paragraph proper starts."""
    v = vocabulary()
    # no outlet of the list can open a text whose small letters the stdlib hint does not open
    m = (v.lead_outlet if v.outlet_hint.match(text.lower()) else v.lead_outlet_unnamed).match(text)
    if not m:
        return None
    group = "paren" if m.group("paren") else "bare"
    return (m.group(group), m.start(group), m.end(group)), m.end()


class GluedTail(NamedTuple):
    """A byline run into the end of the last paragraph: it spans ``start:end``; a dateline footer's date
    (``| 22:08 12/05/2017``) may follow it, up to the paragraph's end."""
    start: int
    end: int
    date: Optional[Tuple[DateValue, int, int]] = None  # value, start, end


def glued_tail(text: str) -> Optional[GluedTail]:
    """The byline (and dateline footer) glued to the end of ``text``, the last paragraph; None if none:
    ``... vụ việc. Thái Bình``, ``... như sau: D.Ngân``,
    ``... Bailly: NT - Thể Thao Việt Nam | 22:08 12/05/2017``."""
    trimmed = text.rstrip()
    date = None
    window_start = max(0, len(trimmed) - GLUED_BYLINE_WINDOW)
    footer = _FOOTER.search(trimmed, window_start) if "|" in trimmed[window_start:] else None
    if footer is not None and (found := find_date_line(footer.group("date"))) is not None \
            and found[1] == 0 and found[2] == len(footer.group("date")):
        value, start, end = found
        date = value, footer.start("date") + start, footer.start("date") + end
        trimmed = trimmed[:footer.start()]
    start = glued_byline_start(trimmed, footer=date is not None)
    if start is None:
        return None
    return GluedTail(start, len(trimmed), date)


def glued_byline_start(text: str, footer: bool = False) -> Optional[int]:
    """Where a byline glued to the end of ``text`` starts (``... vụ việc. Thái Bình``). It follows a
    sentence's end, or a colon that closes a clause of a few words (``được tính như sau: D.Ngân``), when
    it names one person only; before a dateline footer's date (``footer``), any byline may follow a colon."""
    trimmed = text.rstrip()
    if trimmed.endswith((".", "!", "?", "…", '"', "”", ":")) and not trimmed.endswith("./."):
        return None  # a byline has no closing punctuation; this line ends with a sentence
    window_start = max(0, len(trimmed) - GLUED_BYLINE_WINDOW)
    for m in _SEAM.finditer(trimmed, window_start):
        # after a colon, ``Chủ tịch: Lê Khánh Hải``, ``Ảnh: BBC``, ``đội hình: A, B``: a label and what it labels
        label = m.group("colon") and not footer
        if label and not _ends_a_clause(trimmed, m.start()):
            continue
        byline = parse_byline(trimmed, m.end())
        if byline is not None and not (label and not _one_name(byline)):
            return m.end()
    return None


def ends_with_label(text: str) -> bool:
    """``... ở Yemen. Ảnh:``: a line closed by a label's colon, whose value the next line holds (where a
    colon closes a clause, ``... được tính như sau:``, the next line may be a byline all the same)."""
    text = text.rstrip()
    return text.endswith(":") and not _ends_a_clause(text, len(text) - 1)


def _one_name(byline: Byline) -> bool:
    """One person, no role, no source: after a colon, several names are a list, an outlet a credit."""
    return len(byline.authors) == 1 and byline.source is None and not any(byline.roles)


def _ends_a_clause(text: str, colon: int) -> bool:
    """A colon after a clause's small-letter word, a few words after the last sentence's end."""
    clause = text[:colon]
    last_end = max(clause.rfind(". "), clause.rfind("! "), clause.rfind("? "))
    words = clause[last_end + 1:].split()
    return len(words) >= GLUED_CLAUSE_MIN_WORDS and words[-1][:1].islower()

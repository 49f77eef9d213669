"""The rules that read a byline or source line, as named records in one registry, ``RULES``.

A line is read from both ends towards its names: a *whole*-line rule may decide it at once; *head*
rules take what opens it (``Tin, ảnh:``, ``Theo``); *tail* rules take what closes it (``(TTXVN)``,
``/VOV.VN``); then the first *body* rule that reads what is left as names, an outlet or both makes it
a byline. A line no body rule reads is not a byline. Each rule has a cheap ``lead`` test that skips
it before any pattern runs; a head rule's pattern must match where the unread part starts, a tail
rule's anywhere up to the line's end (its pattern is anchored there).

A new form is one rule here, its words in ``lexicon/bylines.json`` and rows in
``tests/corpora/bylines.tsv`` (and ``bylines_not.tsv`` for what it must not take).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, List, Literal, NamedTuple, Optional, Tuple

import regex

from .vocabulary import (Piece, few_words_for_an_outlet, is_acronym, is_note, is_outlet, is_person, is_place,
                         is_single_name, is_site, looks_like_outlet_name, names, trim, vocabulary)

_DASH = regex.compile(r"\s+[-–—]\s+")


@dataclass
class Byline:
    authors: List[Piece] = field(default_factory=list)
    roles: List[Optional[str]] = field(default_factory=list)
    source: Optional[Piece] = None
    remark: bool = False  # a credit line that names nobody (``Nguồn: Internet``)


@dataclass
class Reading:
    """A line being read: ``text[start:body_end]`` is what is still to be read as names."""
    text: str
    start: int
    end: int
    body_end: int
    byline: Byline = field(default_factory=Byline)
    role: Optional[str] = None
    cued: bool = False  # a source cue (``Theo``) opened the line
    glued: List[Piece] = field(default_factory=list)  # names run into the cue: ``T.ThủyTheo SCMP``
    translator: Optional[Tuple[Piece, str]] = None  # ``(Minh Anh dịch)``: the name and what they did

    @property
    def unread(self) -> str:
        return self.text[self.start:self.end]

    @property
    def body(self) -> str:
        return self.text[self.start:self.body_end]


Part = Literal["whole", "head", "tail", "body"]
# ``byline``: a byline, to be finished (roles, translator); ``remark``: a line that names no one, as it
# stands; None: the rule took its part (or none) and the next rule reads on
Verdict = Optional[Literal["byline", "remark"]]


class Rule(NamedTuple):
    name: str
    part: Part
    lead: Callable[[Reading], bool]  # a cheap test: False skips the rule before its pattern runs
    pattern: Optional[str]  # the field of ``Vocabulary`` it matches with, if any
    resolve: Callable[[Reading, Optional[regex.Match]], Verdict]


# -- whole line ---------------------------------------------------------------------------------
def _remark(reading: Reading, _) -> Verdict:
    reading.byline.remark = True  # ``Tổng hợp``, ``(T/H)``: how the article was written, naming no one
    return "remark"


def _link(reading: Reading, _) -> Verdict:
    reading.byline.remark = True  # the page's address, left by the scraper: it names no one
    return "remark"


# -- head ---------------------------------------------------------------------------------------
def _cue_glued_to_a_word(reading: Reading) -> bool:
    """A source cue's first word right after a letter or a dot, past the line's start."""
    text = reading.text
    return any(text[m.start() - 1].isalpha() or text[m.start() - 1] == "."
               for m in vocabulary().glued_cue_hint.finditer(text, reading.start + 1, reading.end))


def _glued_cue(reading: Reading, m: regex.Match) -> Verdict:
    """``T.ThủyTheo SCMP/NDTV``: the author's name, then the source cue with no space between."""
    found = names(reading.text, reading.start, m.start("cue"))
    if found:
        reading.glued = found
        reading.start = m.start("cue")
    return None


def _role(reading: Reading, m: regex.Match) -> Verdict:
    reading.role = m.group("role")
    reading.start = m.end()
    return None


def _source_cue(reading: Reading, m: regex.Match) -> Verdict:
    reading.cued = True
    reading.start = m.end()
    return None


def _skip(reading: Reading, m: regex.Match) -> Verdict:
    reading.start = m.end()  # what opens the line but names no one: ``báo`` in ``Theo báo X``
    return None


# -- tail ---------------------------------------------------------------------------------------
def _outlet_tail(reading: Reading, tail: regex.Match) -> Verdict:
    """``(TTXVN)``, ``/VOV.VN``, ``/Báo Tin tức/TTXVN``, ``(theo Reuters)`` name the outlet; ``(tổng hợp)``
    says how the text was made; ``(Minh Anh dịch)`` names a translator."""
    text, byline = reading.text, reading.byline
    group = 1 if tail.group(1) else 2
    source_start, tail_start = tail.start(group), tail.start()
    if group == 2 and reading.cued:  # after ``Theo`` a chain is outlets read together (Theo Asia Weekly/ Sina/ Reuters):
        last = text.rfind("/", source_start, tail.end(group))  # its last part is the tail
        if last >= 0:
            source_start, tail_start = last + 1, last
    inner_cue = vocabulary().source_cue.match(text[source_start:].capitalize())  # ``(theo Reuters)``
    source = trim(text, source_start + (inner_cue.end() if inner_cue else 0), tail.end(group))
    if is_note(source[0]) or is_place(source[0]) or (
            tail.group(1) and source[0].startswith(vocabulary().affiliation_heads)):
        reading.body_end = tail_start  # ``(Hà Nội)``, ``(Viện Kinh tế)``: where the writer is, not the outlet
    elif (noted := vocabulary().noted_person.fullmatch(source[0])) and is_person(noted.group("who")):
        who = noted.group("who")
        reading.translator = ((who, source[1], source[1] + len(who)), noted.group("note"))
        reading.body_end = tail_start
    elif is_outlet(source[0]) or not is_person(source[0]) or tail.group(1) or is_acronym(source[0]):
        # ``Nguyễn Dũng/TTVH``: capitals after a slash are an outlet's initials
        byline.source = source
        reading.body_end = tail_start
    return None


def _email_tail(reading: Reading, tail: regex.Match) -> Verdict:
    reading.end = reading.body_end = tail.start()  # a contact address: the names stand before it
    return None


# -- body ---------------------------------------------------------------------------------------
def _take_outlet(reading: Reading) -> bool:
    """Credit the body, which reads as an outlet's name, as the source, if it can be: when no outlet
    tail was read, or when the tail names an outlet too, credited together with it (an agency and
    the outlet that runs its story: ``TTXVN/Vietnam+``, up to the line's end)."""
    byline, text = reading.byline, reading.text
    if byline.source is None:
        byline.source = trim(text, reading.start, reading.body_end)
    elif (is_outlet(reading.body) or reading.cued) and (is_outlet(byline.source[0]) or is_acronym(byline.source[0])):
        # (after ``Theo``, what is not a person and reads as outlets is one credit: ``Theo Asia Weekly/ Sina/ Reuters``)
        byline.source = trim(text, reading.start, reading.end)
    else:
        return False
    return True


def _cued_remark(reading: Reading, _) -> Verdict:
    reading.byline.remark = True  # ``Nguồn: Tổng hợp``, ``Nguồn: Internet``: a source naming no one
    return "remark"


def _cued_names(reading: Reading, _) -> Verdict:
    """``Theo Lê Ánh``: a source cue before a person's name credits the person (``Theo Slate``, one
    word, credits an outlet)."""
    found = names(reading.text, reading.start, reading.body_end)
    if found and not (len(found) == 1 and is_single_name(found[0][0])) \
            and not (reading.byline.source is None and is_outlet(reading.body)):
        reading.byline.authors = found
        return "byline"
    return None


def _cued_link(reading: Reading, _) -> Verdict:
    reading.byline.source = trim(reading.text, reading.start, reading.body_end)  # ``Nguồn: http://...``
    return "byline"


def _outlet(reading: Reading, _) -> Verdict:
    """``Theo Đất Việt``, or an outlet line of its own (``Báo Tin tức`` under ``Theo Lê Ánh``)."""
    return "byline" if looks_like_outlet_name(reading.body) and _take_outlet(reading) else None


def _names(reading: Reading, _) -> Verdict:
    """``Thanh Bình``, ``Tất Định - Viết Tuân``, or nothing before an outlet tail (``(TTXVN)``)."""
    found = names(reading.text, reading.start, reading.body_end) if reading.body_end > reading.start else []
    if found is None:
        return None
    reading.byline.authors = found
    return "byline"


def _role_segments(reading: Reading, _) -> Verdict:
    """``Bài: Thu Hà - Ảnh: Minh Đức``: the names of one role, then another role and its names. Those
    who only took the pictures or made the page (``Ảnh``, ``Thiết kế``) did not write it: no authors."""
    v, text = vocabulary(), reading.text
    seams = list(v.next_role.finditer(text, reading.start, reading.body_end))
    if not seams:
        return None
    authors, roles = [], []
    position, role = reading.start, reading.role
    for seam in seams + [None]:
        found = names(text, position, seam.start() if seam else reading.body_end)
        if not found:
            return None
        if role.lower() not in v.photo_roles:
            authors += found
            roles += [role] * len(found)
        if seam is not None:
            position, role = seam.end(), seam.group("role")
    reading.byline.authors, reading.byline.roles = authors, roles
    return "byline"


def _office(reading: Reading, _) -> Verdict:
    """``Tin, ảnh: Phòng Văn hóa - Thông tin huyện``: after a role, an office that wrote the article."""
    author = trim(reading.text, reading.start, reading.body_end)
    if vocabulary().office.fullmatch(author[0]) is None:
        return None
    reading.byline.authors = [author]
    return "byline"


def _name_then_outlet(reading: Reading, _) -> Verdict:
    """``Nam Thành - Thể thao Việt Nam``: a name, a dash, then the outlet."""
    parts = _DASH.split(reading.body, maxsplit=1)
    if len(parts) == 2 and is_person(parts[0]) and is_outlet(parts[1]) and reading.byline.source is None:
        reading.byline.authors = [trim(reading.text, reading.start, reading.start + len(parts[0]))]
        reading.byline.source = trim(reading.text, reading.body_end - len(parts[1]), reading.body_end)
        return "byline"
    return None


def _name_glued_to_outlet(reading: Reading, _) -> Verdict:
    """``Theo Khánh NguyênDân Việt``: a name, then an outlet with no space between (a small letter
    followed by a capital within a word is the seam)."""
    if reading.byline.source is not None or is_site(reading.body.strip()):
        return None  # (a domain's capitals are no seam: VnExpress.net)
    for seam in vocabulary().name_outlet_seam.finditer(reading.text, reading.start, reading.body_end):
        found = names(reading.text, reading.start, seam.start())
        outlet = reading.text[seam.start():reading.body_end]
        if found and is_outlet(outlet) and looks_like_outlet_name(outlet):
            reading.byline.authors = found
            reading.byline.source = trim(reading.text, seam.start(), reading.body_end)
            return "byline"
    return None


def _cued(reading: Reading) -> bool:
    return reading.cued


def _not_cued(reading: Reading) -> bool:
    return not reading.cued


RULES: Tuple[Rule, ...] = (
    Rule("remark", "whole", lambda r: is_note(r.unread), None, _remark),
    Rule("link", "whole", lambda r: "://" in r.unread or r.unread.startswith("www."), "link", _link),
    Rule("glued_cue", "head", _cue_glued_to_a_word, "glued_cue", _glued_cue),
    # a role ends in a colon: most lines have none, and a substring test is far cheaper than the pattern
    Rule("role", "head", lambda r: ":" in r.unread, "role", _role),
    Rule("author_cue", "head", lambda r: vocabulary().author_cue_may_open(r.unread), "author_cue", _role),
    Rule("honorific", "head", lambda r: vocabulary().honorific_may_open(r.unread), "honorific", _role),
    Rule("source_cue", "head", lambda r: vocabulary().cue_may_open(r.unread), "source_cue", _source_cue),
    Rule("outlet_kind", "head", lambda r: r.cued and r.unread[:1].islower(), "outlet_kind", _skip),
    Rule("email_tail", "tail", lambda r: "@" in r.unread, "email_tail", _email_tail),
    # the slashes of a web address close no outlet's name
    Rule("outlet_tail", "tail", lambda r: ("(" in r.unread or "/" in r.unread or "|" in r.unread) and "://" not in r.unread,
         "outlet_tail", _outlet_tail),
    Rule("cued_remark", "body", lambda r: r.cued and is_note(r.body.strip()), None, _cued_remark),
    Rule("cued_link", "body", lambda r: r.cued and vocabulary().link.fullmatch(r.body) is not None, None, _cued_link),
    # a name glued to its outlet, after a cue or not: a lower-case letter before a capital is rare elsewhere
    Rule("name_glued_to_outlet", "body", lambda r: vocabulary().name_outlet_seam.search(r.body) is not None, None,
         _name_glued_to_outlet),
    Rule("cued_names", "body", _cued, None, _cued_names),
    Rule("cued_outlet", "body", _cued, None, _outlet),
    Rule("role_segments", "body", lambda r: r.role is not None and ":" in r.body, None, _role_segments),
    # after a role, an office's name (its head word first: most names have none)
    Rule("office", "body", lambda r: r.role is not None and r.body.lstrip().startswith(vocabulary().office_heads),
         None, _office),
    Rule("names", "body", _not_cued, None, _names),
    Rule("name_then_outlet", "body", _not_cued, None, _name_then_outlet),
    # (its words counted first, as ``_outlet`` takes no more: a sentence costs the outlet pattern far more)
    Rule("outlet_line", "body", lambda r: not r.cued and few_words_for_an_outlet(r.body) and is_outlet(r.body), None,
         _outlet),
)

"""The byline words of ``lexicon/bylines.json`` compiled into patterns (once, on first use), and the
tests every rule asks of a piece of text: is it a person's name, an outlet's, a list of names."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Pattern, Tuple

import regex

from .. import lexicon
from ..settings import OUTLET_MAX_CHARS, OUTLET_NAME_MAX_WORDS, PERSON_MAX_CHARS, PERSON_MAX_WORDS

Piece = Tuple[str, int, int]  # text, start, end


class Vocabulary:
    """The byline patterns and word sets. A pattern is compiled on its first use (see _Later): a parse
    compiles only the patterns its lines call for, and most lines are ruled out by a cheap test first."""

    role: Pattern  # ``Tin, ảnh:`` before the names
    author_cue: Pattern  # ``Bởi``, ``By`` before the names, no colon
    author_cue_may_open: Callable[[str], bool]  # the cheap first test for ``author_cue``
    bullet: Pattern  # ``* Theo VnExpress``: a list mark before a byline
    outlet_kind: Pattern  # ``báo``, ``hãng tin`` after a source cue, before the outlet's name
    honorific: Pattern  # ``BS.``, ``PGS.TS``, ``Luật sư`` before a name: the author's title, kept as the role
    honorific_may_open: Callable[[str], bool]
    next_role: Pattern  # `` - Ảnh:`` after them, where another role's names follow
    photo_roles: FrozenSet[str]  # ``Ảnh``, ``Thiết kế``: roles of people who did not write
    source_cue: Pattern  # ``Theo``, ``Nguồn:`` before a source (or a name)
    cue_may_open: Callable[[str], bool]  # the cheap first test for ``source_cue``
    person: Pattern
    desk: Pattern  # ``PV``, ``Ban Thời sự``: a desk signs as a person does
    office: Pattern  # ``Phòng Văn hóa - Thông tin huyện``: an office's name, capitalised head then words
    office_heads: Tuple[str, ...]  # its first words followed by a space: the cheap first test
    outlet: Pattern
    outlet_names: FrozenSet[str]  # the known outlets, lower case: one may be written in small letters
    outlet_kinds: Tuple[str, ...]  # ``báo``, ``tạp chí điện tử`` before an outlet's name, lower case, longest first
    outlet_editions: Tuple[str, ...]  # ``online``, ``điện tử`` after it, lower case
    outlet_hint: re.Pattern  # an outlet's name in small letters, word bounds or not: the pre-test of ``outlet``
    outlet_tail: Pattern  # ``(TTXVN)``, ``/VOV.VN``, `` | Báo Tin tức`` closing the line
    lead_outlet: Pattern  # ``(Tổ Quốc) -``, ``TTO -`` opening the lead
    lead_outlet_unnamed: Pattern  # the same where no known outlet's name opens it (see outlet_hint)
    notes: FrozenSet[str]  # ``tổng hợp``: how the text was made, naming no one
    affiliation_heads: Tuple[str, ...]  # ``Viện ``, ``Bệnh viện ``: an office a writer works at, in brackets
    places: FrozenSet[str]  # provinces, cities, countries, lower case: a label or dateline, not a name
    noted_person: Pattern  # a name and what that person did to the text, in a tail: ``(Minh Anh dịch)``
    joiner: Pattern  # between two names: `` - ``, ``,``, `` và ``
    glued_cue_hint: re.Pattern  # a source cue's first word: the stdlib pre-test of ``glued_cue`` and ``second_cue``
    glued_cue: Pattern  # a source cue run into the name before it: ``T.ThủyTheo SCMP``
    second_cue: Pattern  # a source cue after a space within the line: where a second credit starts
    link: Pattern  # a web address: ``Nguồn: http://...`` credits the page
    email_tail: Pattern  # a contact address closing the line (``Minh Anh - minhanh@vnexpress.net``): it names no one new
    name_outlet_seam: Pattern  # a name run into the outlet after it: ``Khánh NguyênDân Việt``

    def __init__(self) -> None:
        words = lexicon.load("bylines")
        for name, build in _BUILD.items():
            setattr(self, name, _Later(self, name, build) if name in _LATER else build(words))


class _Later:
    """A pattern of Vocabulary until its first use, which compiles it and puts it in this stand-in's
    place: later uses find the pattern itself, a plain attribute."""

    __slots__ = ("vocabulary", "name", "build", "pattern")

    def __init__(self, vocabulary: Vocabulary, name: str, build: Callable[[dict], Any]):
        self.vocabulary, self.name, self.build, self.pattern = vocabulary, name, build, None

    def __getattr__(self, method: str) -> Any:  # match, search, ... of the pattern
        if self.pattern is None:
            self.pattern = self.build(lexicon.load("bylines"))
            setattr(self.vocabulary, self.name, self.pattern)
        return getattr(self.pattern, method)


@lru_cache(maxsize=None)
def vocabulary() -> Vocabulary:
    return Vocabulary()


# a word, initials run into it (``T.Thủy``, ``N.T.Hà``, ``Ng.Quang``), or initials alone (``N.K.``)
_NAME_WORD = r"(?:(?:\p{Lu}\p{Ll}?\.)*\p{Lu}[\p{L}\p{M}]*\.?|\p{Lu}\.(?:\p{Lu}\.)*)"


def _outlets(w: dict) -> list:
    return w["outlets"] + w["outlet_words"]


def _lead_outlet(w: dict, named: bool) -> Pattern:
    """``lead_outlet``; without the branch of the known outlets' names (``unnamed``) where none opens the
    lead, which is most leads: the long list is compiled only for a text that calls for it."""
    outlet = r"(?:%s)(?:\s+(?:%s))?(?![\p{L}\p{N}])|" % (
        lexicon.alternation(w["outlets"]), lexicon.alternation(w["outlet_editions"])) if named else ""
    return regex.compile(r"^(?:\((?P<paren>[^()\n]{2,%d})\)\s*[-–—]\s*"
                         r"|(?P<bare>%s\p{Lu}{1,6}O(?=\s*[-–—]))\s*(?:[-–—]\s*)?(?=\p{Lu}))" % (OUTLET_MAX_CHARS, outlet))


_BUILD: Dict[str, Callable[[dict], Any]] = {  # each field of Vocabulary from the byline words
    "role": lambda w: regex.compile(r"(?P<role>%s)\s*:\s*" % lexicon.alternation(w["byline_roles"]), regex.IGNORECASE),
    "author_cue": lambda w: regex.compile(r"(?P<role>%s)\s+(?=\p{Lu})" % lexicon.alternation(w["author_cues"])),
    "author_cue_may_open": lambda w: lexicon.may_open(w["author_cues"]),
    "bullet": lambda w: regex.compile(r"[%s]+\s*" % regex.escape(BULLETS)),
    "outlet_kind": lambda w: regex.compile(r"(?:%s)\s+(?=[\p{Lu}\d])" % lexicon.alternation(w["outlet_kinds"])),
    "honorific": lambda w: regex.compile(r"(?P<role>%s)\s*(?<=[.\s])(?=\p{Lu})" % lexicon.alternation(w["honorifics"])),
    "honorific_may_open": lambda w: lexicon.may_open(w["honorifics"]),
    "next_role": lambda w: regex.compile(r"\s*[-–—;,|]\s*(?P<role>%s)\s*:\s*"
                                         % lexicon.alternation(w["byline_roles"] + w["photo_roles"]), regex.IGNORECASE),
    "photo_roles": lambda w: frozenset(word.lower() for word in w["photo_roles"]),
    "source_cue": lambda w: regex.compile(r"(?P<cue>%s)\s*:?\s+(?=\S)" % lexicon.alternation(w["source_cues"])),
    "cue_may_open": lambda w: lexicon.may_open(w["source_cues"]),
    "person": lambda w: regex.compile(r"%s(?:[ \u00a0]+%s){0,%d}" % (_NAME_WORD, _NAME_WORD, PERSON_MAX_WORDS - 1)),
    # a desk, or a team of reporters named with its section (``Nhóm PV Kinh tế``)
    "desk": lambda w: regex.compile(r"^(?:%s)(?:\s+\p{Lu}[\p{Ll}\p{M}]*(?:\s+[\p{Ll}\p{M}]+){0,2})?$"
                                    % lexicon.alternation(w["desk_names"])),
    "office": lambda w: regex.compile(r"(?:%s)\s+\p{Lu}[^\n():;,.!?]*" % lexicon.alternation(w["office_heads"])),
    "office_heads": lambda w: tuple(head + " " for head in w["office_heads"]),
    "outlet": lambda w: regex.compile(
        r"(?<![\p{L}\p{M}])(?:%s)(?![\p{L}\p{M}])|\.(?:%s)\b" % (lexicon.alternation(_outlets(w)), _TLDS),
        regex.IGNORECASE,  # outlets are written in every case: ``Tri Thức Trẻ``, ``Tri thức trẻ``
    ),
    "outlet_names": lambda w: frozenset(name.lower() for name in w["outlets"]),
    "outlet_kinds": lambda w: tuple(sorted({k.lower() for k in w["outlet_kinds"]}, key=len, reverse=True)),
    "outlet_editions": lambda w: tuple(e.lower() for e in w["outlet_editions"]),
    # put to the text in small letters: an IGNORECASE tree is many times slower in the stdlib;
    # stdlib \s holds every regex \s: where this finds none and there is no dot, ``outlet`` finds none either
    "outlet_hint": lambda w: re.compile(lexicon.prefix_tree({word.lower() for word in _outlets(w)})),
    # a bar, like a slash, sets the outlet after the names (``Minh Anh | Báo Tin tức``); after a slash, a
    # chain of outlets (``Quốc Việt/Báo Tin tức/TTXVN``)
    "outlet_tail": lambda w: regex.compile(
        r"(?:\(([^()]{2,%d})\)|(?:/|\s\|)\s*([^/|\s][^/|]{1,%d}(?:/\s*[^/|\s][^/|]{1,%d})*))\s*$"
        % (OUTLET_MAX_CHARS, OUTLET_MAX_CHARS, OUTLET_MAX_CHARS)),
    "lead_outlet": lambda w: _lead_outlet(w, named=True),
    "lead_outlet_unnamed": lambda w: _lead_outlet(w, named=False),
    "notes": lambda w: frozenset(word.lower() for word in w["byline_notes"]),
    "affiliation_heads": lambda w: tuple(head + " " for head in w["affiliation_heads"]),
    "places": lambda w: frozenset(word.lower() for word in lexicon.load("places")["places"]),
    "noted_person": lambda w: regex.compile(r"(?P<who>.+?)\s+(?P<note>%s)" % lexicon.alternation(w["byline_notes"]),
                                            regex.IGNORECASE),
    "joiner": lambda w: regex.compile(r"\s+[-–—]\s+|\s*[,;]\s*|\s+(?:%s)\s+"
                                      % lexicon.alternation(w["name_joiners"])),
    "glued_cue_hint": lambda w: re.compile("|".join(sorted({re.escape(cue.split()[0]) for cue in w["source_cues"]}))),
    # the name ends in a small letter or an initial's dot and the capitalised cue follows at once
    "glued_cue": lambda w: regex.compile(r"[^\n]{1,%d}?[\p{Ll}\p{M}.](?P<cue>(?:%s)\s*:?\s+(?=\S))"
                                         % (PERSON_MAX_CHARS, lexicon.alternation(w["source_cues"]))),
    # the cue is capitalised (the pattern is case-sensitive): ``(theo Afamily)`` is the first credit's
    "second_cue": lambda w: regex.compile(r"(?<=\S\s+)(?:%s)\s*:?\s+(?=\S)" % lexicon.alternation(w["source_cues"])),
    "link": lambda w: regex.compile(r"(?:https?://|www\.)\S+"),
    "email_tail": lambda w: regex.compile(r"\s*(?:[-–—,;|]\s*)?[(<]?%s[)>]?\s*$" % EMAIL),
    "name_outlet_seam": lambda w: regex.compile(r"(?<=[\p{Ll}\p{M}])(?=\p{Lu})"),
}

_LATER = {name for name, kind in Vocabulary.__annotations__.items() if kind.endswith("Pattern")}  # compiled on first use


BULLETS = "*•·"  # the list marks that may open a byline line
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # a contact address, as bylines and page footers print it
_INITIAL_END = regex.compile(r"(?:^|[\s.])\p{Lu}\.$")
_TLDS = "vn|com|net|org"  # the ends of the sites' domains that a byline names
_DOMAIN = re.compile(r"\.(?:%s)\b" % _TLDS)  # the full pattern's other branch, for the stdlib pre-test
_ANY_CASE_DOMAIN = regex.compile(r"\.(?:%s)\b" % _TLDS, regex.IGNORECASE)  # that branch as the full pattern has it
# a site's domain alone (vnexpress.net, dantri.com.vn, Kenh14.vn): an outlet, written in any case
_SITE = re.compile(r"(?:[^\W_][\w-]*\.)+(?:%s)" % _TLDS, re.IGNORECASE)
_ACRONYM = regex.compile(r"\p{Lu}{2,8}")
_CLAUSE_PUNCTUATION = regex.compile(r"[,;?!:]")


def is_person(text: str) -> bool:
    """A name as bylines write it: one to five capitalised words, or a desk (``PV``)."""
    v = vocabulary()
    text = text.strip()
    return bool(v.person.fullmatch(text) or v.desk.match(text)) and not is_outlet(text)


def is_outlet(text: str) -> bool:
    v = vocabulary()
    low = text.lower()
    hint = v.outlet_hint.search(low)
    if hint is None and ("." not in text or _DOMAIN.search(text) is None):
        return False  # most names and lines: the stdlib rules them out far faster than the full pattern
    if hint is None or len(low) != len(text) or ("." in text and _ANY_CASE_DOMAIN.search(text) is not None):
        return v.outlet.search(text) is not None
    # an outlet's name starts where the hint finds one in small letters: the full pattern is tried at
    # those places only (searched, its look-behind and case folding cost a slow step at every character)
    while hint is not None:
        if v.outlet.match(text, hint.start()) is not None:
            return True
        hint = v.outlet_hint.search(low, hint.start() + 1)
    return False


def is_outlet_name(text: str) -> bool:
    """The whole of ``text`` names an outlet, with its kind and edition if any, or is a site's domain:
    ``Dân trí``, ``Báo Lao Động điện tử``, ``Tuổi Trẻ Online``, ``vnexpress.net`` (a site's name over its
    article)."""
    if is_site(text):
        return True
    v = vocabulary()
    name = text.lower()
    kind = next((k for k in v.outlet_kinds if name.startswith(k + " ")), None)  # the longest kind first
    if kind:
        name = name[len(kind) + 1:]
    edition = next((e for e in v.outlet_editions if name.endswith(" " + e)), None)
    if edition:
        name = name[:-len(edition) - 1]
    return name in v.outlet_names


def is_place(text: str) -> bool:
    """A province, city, region or country (``Quảng Bình``, ``TP.HCM``): a dateline, not a name."""
    return text.lower() in vocabulary().places


def is_acronym(text: str) -> bool:
    """``TTVH``, ``NDTV``: capitals only, and no desk (``PV``, ``CTV``) that signs as a person."""
    return _ACRONYM.fullmatch(text) is not None and not vocabulary().desk.match(text)


def is_single_name(piece: str) -> bool:
    """One word, no initials: ``Slate`` after ``Theo`` is an outlet, where ``Lê Ánh`` is a person."""
    return " " not in piece and "." not in piece and not vocabulary().desk.match(piece)


def is_note(text: str) -> bool:
    """``Tổng hợp``, ``T/H``: how the text was made, naming no one."""
    return text.lower() in vocabulary().notes


def is_site(text: str) -> bool:
    """A site's domain alone: ``vnexpress.net``, ``VnExpress.net``, ``dantri.com.vn``."""
    return _SITE.fullmatch(text) is not None


def few_words_for_an_outlet(text: str) -> bool:
    """No more words than an outlet's name has: more are a clause."""
    return len(text.split()) <= OUTLET_NAME_MAX_WORDS


def looks_like_outlet_name(text: str) -> bool:
    """``Đất Việt``, ``Doanh nghiệp và Tiếp thị``: capitalised, short, no clause punctuation, unless it
    lists known outlets (``AFP, Reuters``; not ``Link nhật báo X: https://...``, one part with a colon)."""
    text = text.strip()
    if not text or not few_words_for_an_outlet(text):
        return False
    if is_site(text):
        return True
    if not text[0].isupper() and text.lower() not in vocabulary().outlet_names:
        return False  # only a known outlet's name or a domain may be written in small letters (``infonet``)
    if not _CLAUSE_PUNCTUATION.search(text):
        return True
    parts = vocabulary().joiner.split(text)
    return len(parts) > 1 and all(map(is_outlet, parts))


def trim(text: str, start: int, end: int) -> Piece:
    """``text[start:end]`` without the spaces, brackets and dashes around a name."""
    while start < end and text[start] in " \u00a0\t.,;:-–—()|":
        start += 1
    while end > start and text[end - 1] in " \u00a0\t,;:-–—(|":
        end -= 1
    # a closing full stop belongs to the name only when it ends an initial (``N.K.``); the pattern
    # reads no more than the initial and the character before it, so a long line is not scanned
    if end > start and text[end - 1] == "." and not _INITIAL_END.search(text[max(start, end - 3):end]):
        end -= 1
    return text[start:end], start, end


def names(text: str, start: int, end: int) -> Optional[List[Piece]]:
    """Split ``A - B``, ``A, B``, ``A và B`` into names; None unless every part is a name."""
    found = []
    position = start
    # (the joiners one at a time: a sentence fails at its first part, before the rest is searched)
    for m in chain(vocabulary().joiner.finditer(text, start, end), [None]):
        stop = m.start() if m else end
        piece = trim(text, position, stop)
        if not piece[0] or not is_person(piece[0]):
            return None
        found.append(piece)
        position = m.end() if m else end
    return found

"""The rules that give a line its kind, as named records in the order they are tried.

``line_rules()`` judge a line by its own shape (and where it stands): the first rule whose cheap
``may_hold`` and then ``test`` pass gives the line its kind. The order matters where shapes overlap:
a file name or an end mark is never chrome, a related headline never a video caption, and a date
line is looked for last because its test is the dearest.

``context_rules()`` read a line still unclassified with its neighbours (after the title and the byline
tail are taken): the first that holds gives kinds to the line and, for an alt text and its caption,
to the next one. Most find captions; a run of indented headlines is a list of related articles.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Container, List, NamedTuple, Optional, Tuple

import regex

from .. import captions as cap
from .. import lexicon
from ..settings import (CAPTION_LINE_MAX_SENTENCES, CAPTION_MAX_CHARS, CAPTION_NEIGHBOUR_MIN_CHARS,
                        CAPTION_NEIGHBOUR_RATIO, CAPTION_NEIGHBOUR_RATIO_ON_A_CAPTIONED_PAGE, CREDIT_LINE_MAX_WORDS,
                        DATE_LINE_WINDOW, DATE_SECTION_MAX_WORDS, FOOTER_LINES, IMAGE_MARKER_MAX_CHARS, RELATED_MIN_WORDS,
                        SUB_HEADING_MAX_WORDS, TAIL_DATE_LINES, TITLE_MAX_CHARS)
from ..text import Line, strip_bounds
from . import seam
from .chrome import is_chrome, is_footer
from .kinds import LineKind


class Where:
    """Where a line stands: what the one-line rules may know beyond its text. One per article,
    moved from line to line (cheaper than a record per line)."""
    __slots__ = ("index", "count", "listing")

    def __init__(self, count: int):
        self.index = 0
        self.count = count  # lines in the article
        self.listing = False  # under a list of related headlines (``Tin liên quan:``)


class LineRule(NamedTuple):
    name: str
    kind: LineKind
    may_hold: Optional[Callable[[str, Where], bool]]  # a cheap first test: False where ``test`` cannot hold
    test: Callable[[str, Where], object]  # truthy when the line is of ``kind`` (a date line: its finding)


def is_title_shaped(text: str) -> bool:
    """A headline: short, one line, not closed by a full stop (``?`` and ``!`` are fine)."""
    if len(text) > TITLE_MAX_CHARS or len(text.split()) < 2:
        return False
    closing = text.rstrip("\"”’')»")
    return not closing.endswith((".", ":", ";", ",")) or closing.endswith("...")


def _is_related_pair(text: str) -> bool:
    """Two related-article headlines joined by `` / ``, neither closed by a full stop."""
    parts = text.split(" / ")
    return all(len(p.split()) >= 4 and is_title_shaped(p.strip()) for p in parts)


@lru_cache(maxsize=None)
def _related_cues() -> frozenset:
    return frozenset(w.lower() for w in lexicon.load("chrome")["related_cues"])


def opens_related_list(text: str) -> bool:
    """A related-article line that heads a list of headlines: it ends with a colon, or holds only its
    cue (``Tin liên quan``)."""
    return text.endswith(":") or text.lower() in _related_cues()


_DIGIT = re.compile(r"\d")


def date_line(text: str):
    """A publication-date line, or one with the page's section after a bar (``07-12-2026 - 08:05 AM |
    Tài chính - ngân hàng``): the section is a few words, no digit, and says nothing of the date."""
    found = seam.find_date_line(text)
    if found is None and "|" in text:
        head, _, section = text.partition("|")
        section = section.strip()
        if section and len(section.split()) <= DATE_SECTION_MAX_WORDS and section[-1].isalpha() \
                and _DIGIT.search(section) is None and head.strip():
            found = seam.find_date_line(head.rstrip())
    return found


def _image_pieces(words: dict) -> Callable[[str], Optional[List[Tuple[LineKind, int, int]]]]:
    """The test of an image's trace on a line: the line's pieces, ``("placeholder", start, end)`` and
    for a markdown image its alt text first, or None."""
    extensions = r"\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?)(?:[?#]\S{0,300})?"
    file = regex.compile(
        r"(?:(?:https?:)?//\S{1,400}?%s|[\w.-]{0,200}%s|img[_-]?\d{1,8}"
        r"|(?:data:image/\w{1,10};)?\w{0,10};?base64,[A-Za-z0-9+/=]{8,})" % (extensions, extensions),
        regex.IGNORECASE).fullmatch
    marker = regex.compile(r"\[(?:%s)\]|\((?:%s)\)|(?:%s)\s*\d{1,3}" % ((lexicon.alternation(words["image_markers"]),) * 3),
                           regex.IGNORECASE).fullmatch
    markdown = regex.compile(r"!\[(?P<alt>[^\]\n]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"\n]*\")?\)").fullmatch

    def pieces(t: str) -> Optional[List[Tuple[LineKind, int, int]]]:
        if (" " not in t and file(t)) or (len(t) <= IMAGE_MARKER_MAX_CHARS and marker(t)):
            return [("placeholder", 0, len(t))]
        m = markdown(t) if t.startswith("![") else None
        if m is None:
            return None
        alt = [("alt", *strip_bounds(t, *m.span("alt")))] if m.group("alt").strip() else []
        return alt + [("placeholder", *m.span("src"))]
    return pieces


@lru_cache(maxsize=None)
def line_rules() -> Tuple[LineRule, ...]:
    """The one-line rules in the order they are tried, their patterns compiled on first use."""
    words = lexicon.load("chrome")
    image_pieces = _image_pieces(words)
    email = regex.compile(r"[(<]?%s[)>]?" % seam.EMAIL).fullmatch
    end_marks = frozenset(words["end_marks"])
    longest_mark = max(map(len, end_marks))
    related_may_open = lexicon.may_open(words["related_cues"], regex.IGNORECASE)
    related = regex.compile(r"^(?:%s)" % lexicon.alternation(words["related_cues"]), regex.IGNORECASE).match
    video = cap.cue_rules()["video"].test
    return (
        # what stood where an image was: a file name, an image's address or data URI (no space in any), a
        # marker (``[Hình ảnh]``, ``Ảnh 1``) or a markdown image (``![alt](address)``); the pieces of the line
        LineRule("placeholder", "placeholder", lambda t, w: " " not in t or t.startswith("![") or len(t) <= IMAGE_MARKER_MAX_CHARS,
                 lambda t, w: image_pieces(t)),
        # (its length first: a set look-up hashes the whole line, and body lines are long)
        LineRule("end_mark", "end_mark", None, lambda t, w: len(t) <= longest_mark and t in end_marks),
        LineRule("chrome", "chrome", None, lambda t, w: is_chrome(t)),
        # a place alone with a colon over the lead (``Quảng Bình:``): the dateline, set on a line of its own
        LineRule("dateline_place", "chrome", lambda t, w: w.index < DATE_LINE_WINDOW and t[-1] == ":",
                 lambda t, w: seam.is_place(t[:-1].strip())),
        # the page's footer and the notices under the article, among the last lines, and the same
        # contacts and notices on the page's first line, over the headline (a body line may open with Địa chỉ:)
        LineRule("footer", "chrome", lambda t, w: w.index >= w.count - FOOTER_LINES or w.index == 0,
                 lambda t, w: is_footer(t)),
        # a contact address alone on a line, as page footers and bylines leave it
        LineRule("email", "chrome", lambda t, w: "@" in t and " " not in t, lambda t, w: email(t)),
        # a line without a letter or a digit (``<``, ``•``) says nothing: what markup left
        LineRule("no_words", "chrome", lambda t, w: not t[0].isalnum(), lambda t, w: not any(map(str.isalnum, t))),
        # Tin liên quan: ..., >> headline
        LineRule("related_cue", "related", lambda t, w: related_may_open(t), lambda t, w: related(t)),
        # two headlines joined by `` / ``
        LineRule("related_pair", "related", lambda t, w: " / " in t, lambda t, w: _is_related_pair(t)),
        # a headline listed under ``Tin liên quan:``; a byline under the list is none (``Minh Khôi``, ``Nguồn: Báo X``)
        LineRule("related_listed", "related", lambda t, w: w.listing,
                 lambda t, w: is_title_shaped(t) and seam.parse_byline(t, 0, len(t)) is None),
        # (a video's cue and its colon: most lines hold no colon, which is tested here before the cue's call)
        LineRule("video", "video", lambda t, w: len(t) <= CAPTION_MAX_CHARS and ":" in t, lambda t, w: video(t)),
        # date lines stand among the first lines or the last two, and are written in digits; a bar may
        # close a dateline footer (``Tên - Báo | 23:00 06/02/2017``) anywhere
        LineRule("date_line", "date", lambda t, w: (w.index < DATE_LINE_WINDOW or w.index >= w.count - TAIL_DATE_LINES or "|" in t)
                 and _DIGIT.search(t) is not None, lambda t, w: date_line(t)),
    )


class Neighbours(NamedTuple):
    """A line read with its neighbours: the lines, the kinds given so far, and the page's habits."""
    lines: List[Line]
    kinds: List[Optional[LineKind]]
    indents_mark_captions: bool  # some lines, but few, are NBSP-indented: an indent sets a caption apart
    indents_are_rare: bool  # some lines, but few, are indented at all: an indent sets a line apart
    has_placeholder: bool
    # the page sets sections apart with short unpunctuated sub-headings: a line without a full stop is
    # one more of them, not an uncredited caption
    sub_headed: bool

    def following(self, i: int) -> Optional[Line]:
        """The next line if it is still unclassified."""
        return self.lines[i + 1] if i + 1 < len(self.lines) and self.kinds[i + 1] is None else None


class ContextRule(NamedTuple):
    name: str
    # the lines where ``test`` may hold, found once per article by a cheap look at them all (None: any
    # line): most rules hold on few lines, and a call per line and rule costs more than the look
    may_hold: Optional[Callable[[Neighbours], Container[int]]]
    test: Callable[[Neighbours, int], bool]
    kinds: Tuple[LineKind, ...]  # the kinds of the line and of the lines after it
    # whether the rule can hold anywhere in the article (its habits): tried on its lines only if so
    applies: Optional[Callable[[Neighbours], bool]] = None
    # a rule that must have held on some line of the article first: such a rule is tried in a second
    # pass, on what the first left, and only where that rule held (a page that sets captions apart so)
    after: Optional[str] = None


@lru_cache(maxsize=None)
def lines_where(may_hold: Callable[[str], bool]) -> Callable[[Neighbours], Container[int]]:
    """The lines still unclassified whose text passes a cheap first test: one function per test, so
    that the rules that share a test share its lines (a line's kind is only ever given, never taken
    back, so a line unclassified when a rule is asked was so when its lines were found)."""
    def where(n: Neighbours) -> Container[int]:
        return {i for i, (line, kind) in enumerate(zip(n.lines, n.kinds)) if kind is None and may_hold(line.text)}
    return where


def is_short_caption(text: str) -> bool:
    # counting words first: a split is cheaper than a sentence split
    return len(text) <= CAPTION_MAX_CHARS and len(text.split()) >= 3 \
        and len(cap.sentence_starts(text)) <= CAPTION_LINE_MAX_SENTENCES


def _indented(line: Line) -> bool:
    return "\u00a0" in line.indent


def _nbsp_indents(n: Neighbours) -> bool:
    return n.indents_mark_captions


def _nbsp_indented_lines(n: Neighbours) -> Container[int]:
    return {i for i, line in enumerate(n.lines) if "\u00a0" in line.indent}


def _before_nbsp_indented(n: Neighbours) -> Container[int]:
    return {i - 1 for i, line in enumerate(n.lines) if i and "\u00a0" in line.indent}


def _after_placeholder(n: Neighbours) -> Container[int]:
    return {i + 1 for i, kind in enumerate(n.kinds) if kind == "placeholder"}


def _nbsp_pair(n: Neighbours, i: int) -> bool:
    following = n.following(i)
    return following is not None and _indented(following) \
        and not _indented(n.lines[i]) and is_short_caption(n.lines[i].text) and is_short_caption(following.text)


def _is_indented_headline(line: Line) -> bool:
    return len(line.indent) >= 2 and "\u00a0" not in line.indent and len(line.text.split()) >= RELATED_MIN_WORDS \
        and is_title_shaped(line.text)


def _indented_lines(n: Neighbours) -> Container[int]:
    return {i for i, line in enumerate(n.lines) if len(line.indent) >= 2}


def _in_headline_run(n: Neighbours, i: int) -> bool:
    """One of two or more indented headlines in a row (``Tin liên quan`` without its label)."""
    if not _is_indented_headline(n.lines[i]):
        return False
    return any(0 <= j < len(n.lines) and n.kinds[j] in (None, "related") and _is_indented_headline(n.lines[j])
               for j in (i - 1, i + 1))


_CLOSING = ".!?…:;,\"”"  # what closes a sentence or a quotation: no sub-heading ends with one


def _is_sub_heading(text: str) -> bool:
    return len(text.split()) <= SUB_HEADING_MAX_WORDS and text[-1] not in _CLOSING


def counts_sub_headings(lines: List[Line], kinds: List[Optional[LineKind]]) -> int:
    """The unclassified lines past the title that read as sub-headings over a paragraph (``Ra tay trong đêm``)."""
    # the last character first: most lines end with a full stop, and a split costs far more
    return sum(1 for i in range(1, len(lines) - 1) if kinds[i] is None and lines[i].text[-1] not in _CLOSING
               and len(lines[i + 1].text) >= CAPTION_NEIGHBOUR_MIN_CHARS and 2 <= len(lines[i].text.split())
               <= SUB_HEADING_MAX_WORDS)


def _neighbour_least(text: str, ratio: float = CAPTION_NEIGHBOUR_RATIO) -> float:
    """How long a paragraph beside an uncredited caption ``text`` is at least."""
    return max(CAPTION_NEIGHBOUR_MIN_CHARS, ratio * len(text))


def _far_shorter_than_the_line_before(n: Neighbours) -> Container[int]:
    lines = n.lines
    return {i for i in range(1, len(lines) - 1) if len(lines[i - 1].text) >= _neighbour_least(lines[i].text)}


def _between_paragraphs(n: Neighbours, i: int, ratio: float = CAPTION_NEIGHBOUR_RATIO) -> bool:
    """A line far shorter than the paragraphs on either side of it (``ratio`` times at least; a
    sub-heading after it aside), that reads as a caption."""
    if i == 0 or i + 1 >= len(n.lines) or n.kinds[i - 1] is not None:
        return False
    text = n.lines[i].text
    if n.sub_headed and text[-1] != ".":
        return False
    least = _neighbour_least(text, ratio)
    if len(n.lines[i - 1].text) < least:  # most lines: not far shorter than the line before
        return False
    after = i + 1
    if after + 1 < len(n.lines) and n.kinds[after] is None and len(n.lines[after].text) < least \
            and _is_sub_heading(n.lines[after].text):
        after += 1  # a caption stands at the end of a section as well
    return n.kinds[after] is None and len(n.lines[after].text) >= least and cap.reads_as_caption(text)


def _over_the_text(n: Neighbours, i: int) -> bool:
    """The first line of a text without a title, one sentence that reads as a caption and is far
    shorter than the paragraph after it: the caption of the image over the article (corpora that drop
    the headline keep it)."""
    if i != 0 or len(n.lines) < 3 or n.kinds[1] is not None:
        return False
    text = n.lines[0].text
    return text[-1] == "." and len(n.lines[1].text) >= _neighbour_least(text) and cap.reads_as_caption(text)


def _first_line(n: Neighbours) -> Container[int]:
    return (0,)


def _caption_under_placeholder(n: Neighbours, i: int) -> bool:
    """A short line under an image's file: its caption, unless the image is a markdown one that has its
    description already (``![alt](address)``)."""
    if i == 0 or n.kinds[i - 1] != "placeholder":
        return False
    above = n.lines[i - 1].text
    return not (above.startswith("![") and not above.startswith("![]")) and is_short_caption(n.lines[i].text)


def _before_a_credit_line(n: Neighbours) -> Container[int]:
    """A caption before its credit's line ends with the credit's colon, or with its full stop before a
    line as short as an agency's name."""
    lines, longest = n.lines, cap.agency_credit_max_chars()
    return {i for i in range(len(lines) - 1)
            if lines[i].text[-1] == ":" or (lines[i].text[-1] == "." and len(lines[i + 1].text) <= longest)}


def _credit_under_caption(n: Neighbours, i: int) -> bool:
    if i == 0 or n.kinds[i - 1] != "caption":
        return False
    text = n.lines[i].text
    if cap.is_agency_credit(text):
        return True
    credits = cap.find_credits(text)
    return len(credits) == 1 and credits[0].start == 0 and credits[0].end == len(text) \
        and credits[0].name is not None and not cap.find_credits(n.lines[i - 1].text)


def _same_as_next(n: Neighbours) -> Container[int]:
    lines = n.lines
    return {i for i in range(len(lines) - 1) if lines[i].text == lines[i + 1].text}


def _repeated_caption(n: Neighbours, i: int) -> bool:
    text = n.lines[i].text
    if i + 1 == len(n.lines) or n.lines[i + 1].text != text or n.kinds[i + 1] is not None \
            or not is_short_caption(text):
        return False
    credits = cap.find_credits(text)
    return bool(credits) and credits[0].start > 0


@lru_cache(maxsize=None)
def context_rules() -> Tuple[ContextRule, ...]:
    """The rules read with the neighbours, in the order they are tried, their cues bound on first use."""
    cues = cap.cue_rules()
    alt_text, image_caption, image_copyright, caption_opener = (
        cues[name].pattern for name in ("alt_text", "image_caption", "image_copyright", "caption_opener"))
    credit_colon_end = cues["credit_colon_end"].test
    opens_a_cue = lines_where(cues["caption_opener"].may_hold)  # shared by the three cues that open a line

    def credit_below(n: Neighbours, i: int) -> bool:
        """A caption whose credit stands on the next line: a name after its ``Ảnh:``, or an agency alone."""
        following, text = n.following(i), n.lines[i].text
        if following is None:
            return False
        below = following.text  # the cheap tests of the line below first: most lines have a sentence there
        if text[-1] == ":":
            found = below[-1] not in ".!?:;" and len(below.split()) <= CREDIT_LINE_MAX_WORDS and credit_colon_end(text)
        else:
            found = cap.is_agency_credit(below)
        return found and is_short_caption(text)

    return (
        # ``... hinh anh 1``, then the visible caption
        ContextRule("alt_text_then_caption", lines_where(cues["alt_text"].may_hold),
                    lambda n, i: alt_text.search(n.lines[i].text) is not None and n.following(i) is not None,
                    ("alt", "caption")),
        # a credited caption written twice in a row: the image's alt text, then its visible caption (a
        # sub-heading is written twice too, and a photographer's bare credit may stand under two images)
        ContextRule("repeated_caption", _same_as_next, _repeated_caption, ("alt", "caption")),
        # a short line, then a short NBSP-indented one: the alt text and the visible caption
        ContextRule("nbsp_indented_pair", _before_nbsp_indented, _nbsp_pair, ("alt", "caption"), _nbsp_indents),
        ContextRule("after_placeholder", _after_placeholder, _caption_under_placeholder, ("caption",),
                    lambda n: n.has_placeholder),
        ContextRule("nbsp_indented", _nbsp_indented_lines, lambda n, i: _indented(n.lines[i]) and is_short_caption(n.lines[i].text)
                    and i + 1 < len(n.lines), ("caption",), _nbsp_indents),
        # Image copyright Getty Images, then Image caption ...: one image, its credit above its caption
        ContextRule("image_copyright_then_caption", opens_a_cue,
                    lambda n, i: image_copyright.match(n.lines[i].text) is not None and n.following(i) is not None
                    and image_caption.match(n.following(i).text) is not None, ("credit", "caption")),
        ContextRule("image_markup", opens_a_cue, lambda n, i: image_caption.match(n.lines[i].text) is not None
                    or image_copyright.match(n.lines[i].text) is not None, ("caption",)),
        # ... Ảnh:\nAP, or a caption and a line holding only Reuters
        ContextRule("credit_below", _before_a_credit_line, credit_below, ("caption", "credit")),
        # a caption without a credit, then a line holding only one (an agency, ``Ảnh: CTV``, ``ẢNH: TRẦN
        # MAI``): the caption's credit, not a second image (the neighbour is tested first: most lines fail it)
        ContextRule("credit_under_caption", None, _credit_under_caption, ("credit",)),
        # Trong ảnh: ...
        ContextRule("caption_opener", opens_a_cue, lambda n, i: caption_opener.match(n.lines[i].text) is not None
                    and len(cap.sentence_starts(n.lines[i].text)) <= CAPTION_LINE_MAX_SENTENCES, ("caption",)),
        # two or more indented headlines in a row, after the sapo or at the end: related articles
        ContextRule("indented_headlines", _indented_lines, _in_headline_run, ("related",), lambda n: n.indents_are_rare),
        # Hiện trường vụ tai nạn. (between two paragraphs, no credit)
        ContextRule("uncredited_between_paragraphs", _far_shorter_than_the_line_before, _between_paragraphs, ("caption",)),
        # on a page that has set one uncredited caption apart so, a line that reads as one and is no longer
        # than either paragraph around it, though not far shorter, is one more (a second pass, on few pages)
        ContextRule("uncredited_on_a_captioned_page", None,
                    lambda n, i: _between_paragraphs(n, i, CAPTION_NEIGHBOUR_RATIO_ON_A_CAPTIONED_PAGE), ("caption",),
                    after="uncredited_between_paragraphs"),
        # Hiện trường vụ việc đau lòng. (the first line, no title above it, a long paragraph below)
        ContextRule("uncredited_over_the_text", _first_line, _over_the_text, ("caption",)),
    )

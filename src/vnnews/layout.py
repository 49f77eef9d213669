"""Classify the lines of an article into blocks: title, date, image traces, captions, byline, body.

Each line is judged by its own shape first (a file name, a credit, a date line), then by its
neighbours (the line after a placeholder is its caption; an NBSP-indented line after a short one is
the visible caption of that alt text; the last short name lines are the byline). Body lines that
carry a caption or a byline run into them are cut into pieces. Offsets are into the text given.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import List, Optional

import regex

from . import captions as cap
from . import lexicon
from .bylines import Byline, ends_with_label, glued_tail, lead_source, parse_byline, signed_byline
from .settings import MOVED_SAPO_GAP
from .dates import find_date_line
from .text import Line, split_lines, strip_bounds

_DIGIT = regex.compile(r"\d")
_BAR_BEFORE_DATE = regex.compile(r"(.*?)(\s*\|[\s|]*)$")
TITLE_MAX_CHARS = 250
CAPTION_MAX_CHARS = 320  # a line after an image placeholder longer than this is body text
DATE_LINE_WINDOW = 4  # date lines stand among the first few lines (or the last ones)
BYLINE_TAIL = 3
_CHROME_HINT_MAX_CHARS = 350  # a breadcrumb, a tweet with its link, a post's signature: none is longer
MAX_INDENTED_SHARE = 0.34  # at most this many byline/source lines close an article


@dataclass
class Block:
    kind: str  # title date placeholder alt caption video byline lead_source related end_mark chrome body
    start: int
    end: int
    line: int  # index of the line it comes from
    credit: Optional[str] = None  # caption: the photo credit's name
    value: object = None  # date: its value; byline: a Byline with offsets into the text
    guessed: bool = False  # found by a weak cue: reported as a warning


_BOUNDS = attrgetter("start", "end")  # blocks sort by start, then end


@lru_cache(maxsize=None)
def _patterns():
    words = lexicon.load("layout")
    chrome = {w.lower() for w in words["chrome_lines"]}
    return {
        "placeholder": regex.compile(
            r"(?:[\w.-]{0,200}\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?)|img[_-]?\d{1,8}|IMG[_-]?\d{1,8}"
            r"|(?:data:image/\w{1,10};)?\w{0,10};?base64,[A-Za-z0-9+/=]{8,})",
            regex.IGNORECASE,
        ),
        "related": regex.compile(r"^(?:%s)" % lexicon.alternation(words["related_cues"]), regex.IGNORECASE),
        "related_may_open": lexicon.may_open(words["related_cues"], regex.IGNORECASE),
        "end_mark": {w for w in words["end_marks"]},
        "chrome": chrome,
        "chrome_max_chars": max(map(len, chrome)),
        # a tag label and its colon (Tags:), or what an embedded post leaves (A post shared by)
        "chrome_opener": regex.compile(r"(?:%s)\s*:|%s" % (lexicon.alternation(words["chrome_labels"]),
                                                           lexicon.alternation(words["embed_openers"])), regex.IGNORECASE),
        "chrome_may_open": lexicon.may_open(words["chrome_labels"] + words["embed_openers"], regex.IGNORECASE),
        # the line that signs an embedded tweet: — Name (@handle) date
        "post_signature": regex.compile(r"[—–]\s?[^\n()]{1,60}\(@\w{1,15}\)"),
        # led by characters that body lines hold few of, so that the scan skips ahead in C
        "chrome_hint": re.compile("|".join(map(re.escape, [".twitter.com/", "(@"] + words["breadcrumb_separators"]))),
        # two to six sections, each a few words that open with a capital, no sentence
        "breadcrumb": regex.compile(r"\p{Lu}[^\n.!?,;:]{0,40}?(?:\s*(?:%s)\s*\p{Lu}[^\n.!?,;:]{0,40}?){1,5}"
                                    % "|".join(map(regex.escape, words["breadcrumb_separators"]))),
        "letters_only": regex.compile(r"\p{Lu}[+-]?(?:\s+\p{Lu}[+-]?){1,3}"),  # A A, A- A+
    }


def _fullmatch(pattern, text: str) -> bool:
    return pattern.fullmatch(text) is not None


def _is_title_shaped(text: str) -> bool:
    """A headline: short, one line, not closed by a full stop (``?`` and ``!`` are fine)."""
    if len(text) > TITLE_MAX_CHARS or len(text.split()) < 2:
        return False
    closing = text.rstrip("\"”’')»")
    return not closing.endswith((".", ":", ";", ",")) or closing.endswith("...")


def _is_related_pair(text: str) -> bool:
    """Two related-article headlines joined by `` / ``, neither closed by a full stop."""
    if " / " not in text:
        return False
    parts = text.split(" / ")
    return all(len(p.split()) >= 4 and _is_title_shaped(p.strip()) for p in parts)


class _Classifier:
    def __init__(self, text: str, lines: List[Line]):
        self.text = text
        self.lines = lines
        self.kinds: List[Optional[str]] = [None] * len(lines)
        self.blocks: List[Block] = []
        self.p = _patterns()

    def run(self) -> List[Block]:
        self._shapes()
        self._title()
        self._byline_head()
        self._byline_tail()
        self._captions_by_context()
        for line, kind in zip(self.lines, self.kinds):
            if kind in (None, "body"):
                self._body(line)
            elif kind not in ("date", "byline"):  # those two were emitted with their values
                self.blocks.append(Block(kind, line.start, line.end, line.index))
        self._glued_tail()
        self._lead_source()
        self.blocks.sort(key=_BOUNDS)
        return self.blocks

    # -- one line at a time ------------------------------------------------------------------
    def _shapes(self):
        n = len(self.lines)
        p = self.p
        listing = False  # inside a list of related headlines
        for i, line in enumerate(self.lines):
            t = line.text
            if listing and (line.blank_before or not _is_title_shaped(t)):
                listing = False  # a blank line or a sentence ends the list of headlines
            if " " not in t and _fullmatch(p["placeholder"], t):  # file names and data URIs hold no space
                self.kinds[i] = "placeholder"
            elif t in p["end_mark"]:
                self.kinds[i] = "end_mark"
            elif self._is_chrome(t):
                self.kinds[i] = "chrome"
            elif (p["related_may_open"](t) and p["related"].match(t)) or _is_related_pair(t) \
                    or (listing and _is_title_shaped(t)):
                self.kinds[i] = "related"  # a cue line, or a headline listed under ``Tin liên quan:``
                listing = listing or t.endswith(":")
            elif len(t) <= CAPTION_MAX_CHARS and cap.is_video_line(t):
                self.kinds[i] = "video"
            elif (i < DATE_LINE_WINDOW or i >= n - 2 or "|" in t) and _DIGIT.search(t):  # dates are written in digits;
                # a bar may close a dateline footer (``Tên - Báo | 23:00 06/02/2017``) anywhere
                found = find_date_line(t)
                if found is not None:
                    value, start, end = found
                    self.kinds[i] = "date"
                    self.blocks.append(Block("date", line.start + start, line.start + end, i, value=value))
                    self._dateline_byline(line, start)

    def _is_chrome(self, t: str) -> bool:
        """Page furniture: a menu or share label, a font-size control (``A A+``), a line of tags, a
        breadcrumb (``Thời sự > Giao thông``), what an embedded post leaves (``A post shared by``, a
        tweet's text up to its ``pic.twitter.com`` link and its signature ``— Name (@handle)``)."""
        p = self.p
        # str.lower() never shortens a string: a line longer than every chrome line is none of them
        if (len(t) <= p["chrome_max_chars"] and t.lower() in p["chrome"]) or (
                len(t) <= 12 and _fullmatch(p["letters_only"], t)):
            return True
        if p["chrome_may_open"](t) and p["chrome_opener"].match(t):
            return True
        # the rest are short, do not end a sentence as body lines do, and hold a sign that body lines
        # rarely do: one scan of the line for all of them
        if len(t) > _CHROME_HINT_MAX_CHARS or t[-1] in ".!?…":
            return False
        hint = p["chrome_hint"].search(t)
        return hint is not None and (hint[0] == ".twitter.com/" or p["post_signature"].match(t) is not None
                                     or _fullmatch(p["breadcrumb"], t))

    def _dateline_byline(self, line: Line, date_start: int):
        """A dateline footer names the author and outlet before the date (``Tên - Báo | 23:00 ...``)."""
        m = _BAR_BEFORE_DATE.match(line.text[:date_start])
        if m is None or not m.group(1):
            return  # only a bar separates a byline from the date; ``Thứ Ba, `` is part of the date
        prefix = m.group(1)
        byline = parse_byline(self.text, line.start, line.start + len(prefix))
        if byline is not None:
            self.blocks.append(Block("byline", line.start, line.start + len(prefix), line.index, value=byline))

    def _title(self):
        for i, line in enumerate(self.lines[:2]):
            if self.kinds[i] in ("date", "chrome"):
                continue
            if self.kinds[i] is None and i + 1 < len(self.lines) and _is_title_shaped(line.text) \
                    and not cap.find_credits(line.text) and not cap.is_caption_opener(line.text):
                self.kinds[i] = "title"
            return

    def _byline_head(self):
        """A byline among the first lines that says what it is (``Tác giả: Minh Anh``, ``Bởi Lan Phương``);
        a bare name there may be a place or section label (``Bình Dương``)."""
        for i, line in enumerate(self.lines[:DATE_LINE_WINDOW]):
            if self.kinds[i] is None and (byline := signed_byline(self.text, line.start, line.end)) is not None:
                self.kinds[i] = "byline"
                self.blocks.append(Block("byline", line.start, line.end, i, value=byline))

    def _byline_tail(self):
        taken = 0
        for i in range(len(self.lines) - 1, -1, -1):
            kind = self.kinds[i]
            if kind in ("end_mark", "chrome", "related"):
                continue
            if kind is not None or taken == BYLINE_TAIL:
                break
            line = self.lines[i]
            byline = parse_byline(self.text, line.start, line.end)
            if byline is None or cap.find_credits(line.text) or (i and ends_with_label(self.lines[i - 1].text)):
                # (a line that completes the label the line before ends with, ``Ảnh:``, is not a byline)
                if i == len(self.lines) - 1 and line.blank_before >= MOVED_SAPO_GAP:
                    continue  # a repository dump's sapo, moved to the end: the byline stands above it
                break
            self.kinds[i] = "byline"
            self.blocks.append(Block("byline", line.start, line.end, i, value=byline))
            taken += 1

    # -- lines read with their neighbours ------------------------------------------------------
    def _captions_by_context(self):
        lines, kinds = self.lines, self.kinds
        # an NBSP indent marks a caption only where most lines have none; some pages indent all
        indents = sum("\u00a0" in line.indent for line in lines) <= len(lines) * MAX_INDENTED_SHARE
        for i, line in enumerate(lines):
            if kinds[i] is not None:
                continue
            previous = kinds[i - 1] if i else None
            following = lines[i + 1] if i + 1 < len(lines) else None
            if cap.is_alt_text(line.text) and following is not None and kinds[i + 1] is None:
                kinds[i], kinds[i + 1] = "alt", "caption"
            elif indents and following is not None and kinds[i + 1] is None and "\u00a0" in following.indent \
                    and "\u00a0" not in line.indent and _is_short_caption(line.text) \
                    and _is_short_caption(following.text):
                kinds[i], kinds[i + 1] = "alt", "caption"
            elif previous == "placeholder" and _is_short_caption(line.text):
                kinds[i] = "caption"
            elif indents and "\u00a0" in line.indent and _is_short_caption(line.text) and i + 1 < len(lines):
                kinds[i] = "caption"
            elif cap.is_caption_opener(line.text) and len(cap.sentence_starts(line.text)) <= 3:
                kinds[i] = "caption"

    def _body(self, line: Line):
        """A body line, cut where captions run into it."""
        t = line.text
        credits = cap.find_credits(t)
        glued = cap.glued_caption_end(t) if not credits and len(t) > CAPTION_MAX_CHARS else None
        if not credits and not glued:  # most lines: the line is the block (its text is stripped)
            self.blocks.append(Block("body", line.start, line.end, line.index))
            return
        pieces = cap.split_credited(t, credits) if credits else [("caption", 0, glued, None), ("body", glued, len(t), None)]
        for kind, start, end, credit in pieces:
            start, end = strip_bounds(t, start, end)
            if start < end:
                guessed = kind == "caption" and not credit and not credits
                self.blocks.append(Block(kind, line.start + start, line.start + end, line.index, credit, guessed=guessed))

    def _glued_tail(self):
        """A byline run into the end of the last body line (``... vụ việc. Thái Bình``)."""
        body = [b for b in self.blocks if b.kind == "body"]
        if not body or any(b.kind in ("body", "caption") and b.start > body[-1].end for b in self.blocks):
            return
        last = body[-1]
        if last.start > self.lines[last.line].start:  # what a caption left of its line: the byline alone?
            byline = parse_byline(self.text, last.start, last.end)  # ``... Ảnh: Google Maps. Lê Trai``
            if byline is not None:
                last.kind, last.value = "byline", byline
                return
        glued = glued_tail(self.text[last.start:last.end])
        if glued is None:
            return
        start, end = last.start + glued.start, last.start + glued.end
        self.blocks.append(Block("byline", start, end, last.line, value=parse_byline(self.text, start, end)))
        if glued.date is not None:  # a dateline footer: ``NT - Thể Thao Việt Nam | 22:08 12/05/2017``
            value, date_start, date_end = glued.date
            self.blocks.append(Block("date", last.start + date_start, last.start + date_end, last.line, value=value))
        last.end = strip_bounds(self.text, last.start, start)[1]

    def _lead_source(self):
        """``(Tổ Quốc) - `` or ``Dân trí`` before the lead names the outlet."""
        body = next((b for b in self.blocks if b.kind == "body"), None)
        if body is None:
            return
        found = lead_source(self.text[body.start:body.end])
        if found is None or body.start + found[1] >= body.end:
            return  # no outlet, or nothing would be left of the paragraph
        (name, start, end), rest = found
        self.blocks.append(Block("lead_source", body.start + start, body.start + end, body.line,
                                 value=Byline(source=(name, body.start + start, body.start + end))))
        body.start = strip_bounds(self.text, body.start + rest, body.end)[0]


def _is_short_caption(text: str) -> bool:
    # counting words first: a split is cheaper than a sentence split
    return len(text) <= CAPTION_MAX_CHARS and len(text.split()) >= 3 and len(cap.sentence_starts(text)) <= 3


def classify(text: str, start: int = 0) -> List[Block]:
    """The blocks of ``text[start:]`` (after any header), in text order."""
    lines = split_lines(text)
    if start:  # the header's lines are left out, and the others counted again from 0
        lines = [line for line in lines if line.end > start]
        if lines and lines[0].start < start:  # the body starts within a line (``Content: Sáng nay, ...``)
            lines[0] = dataclasses.replace(lines[0], text=text[start:lines[0].end], start=start, indent="")
        for i, line in enumerate(lines):
            line.index = i
    return _Classifier(text, lines).run()

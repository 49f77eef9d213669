"""The classifier: the rules of ``rules.py`` applied to the lines of one article, in passes.

1. each line by its own shape (``line_rules()``, first that holds);
2. the title among the first two lines;
3. the byline tail: the last short name lines;
4. captions (and related headlines) read with their neighbours (``context_rules()``);
5. what is left is body, cut where captions run into it;
6. a byline run into the end of the last body line, and an outlet named before the lead.
"""
from __future__ import annotations

import dataclasses
from operator import attrgetter
from typing import List, Optional

import regex

from .. import captions as cap
from ..settings import (BYLINE_TAIL, DATE_LINE_WINDOW, MAX_INDENTED_SHARE, MOVED_SAPO_GAP, SUB_HEADED_PAGE_MIN,
                        TAIL_DATE_LINES, TITLE_WINDOW)
from ..text import Line, lowered, split_lines, strip_bounds
from . import seam
from .chrome import is_label
from .kinds import Block, LineKind
from .rules import (Neighbours, Where, context_rules, counts_sub_headings, date_line, is_title_shaped, line_rules,
                    opens_related_list)

_BEFORE_DATE = regex.compile(r"(.*?)(?P<bar>\s*\|[\s|]*)?(?P<dash>\s+[-–—]\s*)?$")
# blocks sort by start, then end: two stable sorts by one int each, as a key of both was a tuple per
# block at once (6 MB on a text of 100,000 one-letter lines)
_START, _END = attrgetter("start"), attrgetter("end")
_TAIL_FURNITURE = ("end_mark", "chrome", "related")  # what may follow the byline and the date line at the end


class _Classifier:
    def __init__(self, text: str, lines: List[Line]):
        self.text = text
        self.lines = lines
        self.kinds: List[Optional[LineKind]] = [None] * len(lines)
        self.blocks: List[Block] = []
        # the article in lower case, which facts and dates read too (``lowered`` keeps it for them): a
        # line's slice of it costs far less than lowering the line (unless lowering changed a length, ``İ``)
        low = lowered(text)
        self.low: Optional[str] = low if len(low) == len(text) else None

    def lower(self, line: Line) -> Optional[str]:
        """The line in lower case, if the article's lower case gives it."""
        return self.low[line.start:line.end] if self.low is not None else None

    def run(self) -> List[Block]:
        self._shapes()
        self._tail_date()
        self._title()
        self._byline_head()
        self._byline_tail()
        self._captions_by_context()
        for line, kind in zip(self.lines, self.kinds):
            if kind in (None, "body"):
                self._body(line)
            elif kind == "caption":
                self._caption(line)
            elif kind not in ("date", "byline", "credit", "title", "placeholder"):  # these were emitted already
                self.blocks.append(Block(kind, line.start, line.end, line.index))
        self._glued_tail()
        self._lead_source()
        self.blocks.sort(key=_END)
        self.blocks.sort(key=_START)
        return self.blocks

    # -- one line at a time ------------------------------------------------------------------
    def _shapes(self):
        # the rules as plain tuples: a NamedTuple's fields cost an attribute look-up each, on every line
        rules = [(rule.may_hold, rule.test, rule.kind) for rule in line_rules()]
        where = Where(len(self.lines))
        for i, line in enumerate(self.lines):
            t = line.text
            where.index = i
            if where.listing and (line.blank_before or not is_title_shaped(t)):
                where.listing = False  # a blank line or a sentence ends the list of headlines
            for may_hold, test, kind in rules:
                if may_hold is None or may_hold(t, where):
                    value = test(t, where)
                    if value:
                        break
            else:
                continue
            self.kinds[i] = kind
            if kind == "related":  # (the first line heads no list: a page's menu, ``Tin mới nhất``, over its headline)
                where.listing = where.listing or (i > 0 and opens_related_list(t))
            elif kind == "date":
                self._date_line(line, value)
            elif kind == "placeholder":  # the file, and a markdown image's alt text before it
                self.blocks.extend(Block(piece, line.start + start, line.start + end, i) for piece, start, end in value)

    def _tail_date(self):
        """A date line among the last two lines that are not page furniture: tags, share buttons and
        related headlines may follow the date line at an article's end."""
        kinds, seen = self.kinds, 0
        for i in range(len(self.lines) - 1, DATE_LINE_WINDOW - 1, -1):
            if kinds[i] in _TAIL_FURNITURE:
                continue
            if seen == TAIL_DATE_LINES:
                return
            seen += 1
            line = self.lines[i]
            if kinds[i] is None and i < len(self.lines) - TAIL_DATE_LINES and (found := date_line(line.text)):
                kinds[i] = "date"
                self._date_line(line, found)

    def _date_line(self, line: Line, found):
        """The blocks of a date line: its date, and a dateline footer's byline before it."""
        value, start, end = found
        self.blocks.append(Block("date", line.start + start, line.start + end, line.index, value=value))
        self._dateline_byline(line, start)

    def _dateline_byline(self, line: Line, date_start: int):
        """A dateline footer names the author and outlet before the date (``Tên - Báo | 23:00 ...``, ``Tên - 07/12/2026``)."""
        m = _BEFORE_DATE.match(line.text[:date_start])
        if m is None or not m.group(1) or not (m.group("bar") or m.group("dash")):
            return  # only a bar or a dash separates a byline from the date; ``Thứ Ba, `` is part of the date
        prefix = m.group(1)
        # after a bar, any byline (``Tên - Báo | 23:00 ...``); after a dash, names alone (``Minh Anh - 07/12/2026``)
        read = seam.parse_byline if m.group("bar") else seam.bare_byline
        byline = read(self.text, line.start, line.start + len(prefix))
        if byline is not None:
            self.blocks.append(Block("byline", line.start, line.start + len(prefix), line.index, value=byline))

    def _title(self):
        """The headline: the first line that is no label, site name, date line or page furniture, if it is
        among the first TITLE_WINDOW lines and shaped as one. A site's name after a bar or a dash is left
        out of it."""
        for i, line in enumerate(self.lines[:TITLE_WINDOW]):
            if self.kinds[i] is None and i + 1 < len(self.lines) and (is_label(line.text) or seam.is_outlet_name(line.text)):
                self.kinds[i] = "chrome"  # a section or place label, or the site's name, over the article
            if self.kinds[i] in ("date", "chrome", "related"):
                continue
            if self.kinds[i] is None and i + 1 < len(self.lines) and is_title_shaped(line.text) \
                    and not cap.find_credits(line.text, self.lower(line)) and not cap.is_caption_opener(line.text):
                self.kinds[i] = "title"
                site = seam.site_suffix(line.text)
                end = line.start + site if site is not None else line.end
                self.blocks.append(Block("title", line.start, end, i))
                if site is not None:
                    self.blocks.append(Block("chrome", end, line.end, i))
                self._title_repeats(i)
            return

    def _title_repeats(self, title: int):
        """The headline written again further down (a page's image alt text, a share box): not body."""
        headline = self.lines[title].text
        for i in range(title + 1, len(self.lines)):
            if self.kinds[i] is None and self.lines[i].text == headline:
                self.kinds[i] = "chrome"

    def _byline_head(self):
        """A byline among the first lines that says what it is (``Tác giả: Minh Anh``, ``Bởi Lan Phương``),
        or bare names right under the title or beside the date line under it (a place label may stand there too)."""
        kinds = self.kinds
        for i, line in enumerate(self.lines[:DATE_LINE_WINDOW]):
            if kinds[i] is not None:
                continue
            byline = seam.signed_byline(self.text, line.start, line.end)
            if byline is None and "title" in kinds[:i] and (kinds[i - 1] == "title" or "date" in kinds[i - 1:i + 2]):
                byline = seam.bare_byline(self.text, line.start, line.end)
            if byline is not None:
                kinds[i] = "byline"
                self.blocks.append(Block("byline", line.start, line.end, i, value=byline))

    def _byline_tail(self):
        taken = 0
        for i in range(len(self.lines) - 1, -1, -1):
            kind = self.kinds[i]
            if kind in _TAIL_FURNITURE or (kind == "date" and i >= len(self.lines) - BYLINE_TAIL - TAIL_DATE_LINES):
                continue  # (a date line at the end may stand under the byline)
            if kind is not None or taken == BYLINE_TAIL:
                break
            line = self.lines[i]
            byline = seam.parse_byline(self.text, line.start, line.end)
            if byline is None or (cap.find_credits(line.text, self.lower(line)) and not any(byline.roles)) \
                    or (i and seam.ends_with_label(self.lines[i - 1].text)):
                # (a photo credit makes a caption of the line, unless a byline role opens it: ``Bài: Thu Hà -
                # Ảnh: Minh Đức``; a line that completes the label the line before ends with, ``Ảnh:``, is
                # not a byline)
                if i == len(self.lines) - 1 and line.blank_before >= MOVED_SAPO_GAP:
                    continue  # a repository dump's sapo, moved to the end: the byline stands above it
                break
            self.kinds[i] = "byline"
            self.blocks.append(Block("byline", line.start, line.end, i, value=byline))
            taken += 1

    # -- lines read with their neighbours ------------------------------------------------------
    def _captions_by_context(self):
        lines, kinds = self.lines, self.kinds
        most = len(lines) * MAX_INDENTED_SHARE
        nbsp_indented = sum("\u00a0" in line.indent for line in lines)
        indented = sum(len(line.indent) >= 2 for line in lines)
        neighbours = Neighbours(lines, kinds, 0 < nbsp_indented <= most, 0 < indented <= most, "placeholder" in kinds,
                                counts_sub_headings(lines, kinds) >= SUB_HEADED_PAGE_MIN)
        applying = [rule for rule in context_rules() if rule.applies is None or rule.applies(neighbours)]
        held = self._context_pass(neighbours, [rule for rule in applying if rule.after is None])
        second = [rule for rule in applying if rule.after in held]  # most pages: none
        if second:
            self._context_pass(neighbours, second)

    def _context_pass(self, neighbours: Neighbours, rules) -> set:
        """One pass of ``rules`` over the lines not yet classified; the names of the rules that held."""
        kinds, held = self.kinds, set()
        tests, where = [], {}  # the lines where each first test holds: several rules share one
        for rule in rules:
            if rule.may_hold is not None and rule.may_hold not in where:
                where[rule.may_hold] = rule.may_hold(neighbours)
            tests.append((where.get(rule.may_hold), rule.test, rule.kinds, rule.name))
        for i in range(len(self.lines)):
            if kinds[i] is None:
                for may_hold, test, given, name in tests:
                    if (may_hold is None or i in may_hold) and test(neighbours, i):
                        kinds[i:i + len(given)] = given
                        held.add(name)
                        break
        return held

    def _caption(self, line: Line):
        """A caption line keeps the name of its credit: its own, or that of a credit line next to it. A
        credit line below is the caption's end (``... Ảnh:\nAP``); one above is a page's markup
        (``Image copyright X`` over ``Image caption ...``)."""
        i, kinds = line.index, self.kinds
        credits = cap.find_credits(line.text, self.lower(line))
        credit, end = (credits[-1].name if credits else cap.image_copyright_name(line.text)), line.end
        if i + 1 < len(kinds) and kinds[i + 1] == "credit":
            below = self.lines[i + 1]
            credit, end = credit or _credit_name(below.text), below.end
        elif i and kinds[i - 1] == "credit":
            credit = credit or _credit_name(self.lines[i - 1].text)
        self.blocks.append(Block("caption", line.start, end, i, credit))

    def _body(self, line: Line):
        """A body line, cut where captions run into it."""
        pieces = cap.caption_pieces(line.text, self.lower(line))
        if len(pieces) == 1 and pieces[0].kind == "body":  # most lines: the line is the block (its text is stripped)
            self.blocks.append(Block("body", line.start, line.end, line.index))
            return
        for kind, start, end, credit, guessed in pieces:
            self.blocks.append(Block(kind, line.start + start, line.start + end, line.index, credit, guessed=guessed))

    def _glued_tail(self):
        """A byline run into the end of the last body line (``... vụ việc. Thái Bình``)."""
        body = [b for b in self.blocks if b.kind == "body"]
        if not body or any(b.kind in ("body", "caption") and b.start > body[-1].end for b in self.blocks):
            return
        last = body[-1]
        if last.start > self.lines[last.line].start:  # what a caption left of its line: the byline alone?
            byline = seam.parse_byline(self.text, last.start, last.end)  # ``... Ảnh: Google Maps. Lê Trai``
            if byline is not None:
                last.kind, last.value = "byline", byline
                return
        glued = seam.glued_tail(self.text[last.start:last.end])
        if glued is None:
            return
        start, end = last.start + glued.start, last.start + glued.end
        self.blocks.append(Block("byline", start, end, last.line, value=seam.parse_byline(self.text, start, end)))
        if glued.date is not None:  # a dateline footer: ``NT - Thể Thao Việt Nam | 22:08 12/05/2017``
            value, date_start, date_end = glued.date
            self.blocks.append(Block("date", last.start + date_start, last.start + date_end, last.line, value=value))
        last.end = strip_bounds(self.text, last.start, start)[1]

    def _lead_source(self):
        """``(Tổ Quốc) - `` or ``Dân trí`` before the lead names the outlet."""
        body = next((b for b in self.blocks if b.kind == "body"), None)
        if body is None:
            return
        found = seam.lead_source(self.text[body.start:body.end])
        if found is None or body.start + found[1] >= body.end:
            return  # no outlet, or nothing would be left of the paragraph
        (name, start, end), rest = found
        self.blocks.append(Block("lead_source", body.start + start, body.start + end, body.line,
                                 value=seam.Byline(source=(name, body.start + start, body.start + end))))
        body.start = strip_bounds(self.text, body.start + rest, body.end)[0]


def _credit_name(text: str) -> str:
    """The name a credit line gives: its credit's (``Image copyright X``, ``Ảnh: X``), or the line (``AP``)."""
    credits = cap.find_credits(text)
    return (credits[0].name if credits else None) or cap.image_copyright_name(text) or text


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

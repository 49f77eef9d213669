"""parse_article: one article text in, one Article record out.

The stages, each in its own module: limits (size), normalize (NFC, entities... with an offset map
back to the input), header (metadata lines), layout (classify lines into blocks), byline, dates,
facts, tokenize. Every stage works on the normalized text; the record's offsets are mapped back
to the caller's string at the very end, so ``text[start:end]`` is always the input's own text.
"""
from __future__ import annotations

import dataclasses
import heapq
import typing
from bisect import bisect_right
from functools import lru_cache
from typing import List, NamedTuple, Optional, Tuple

from . import layout
from .bylines import parse_byline
from .dates import find_dates, parse_date
from .decode import DecodedText
from .facts import extract_facts
from .header import field_values, parse_header
from .limits import DEFAULT_MAX_CHARS, check_flag, check_reference, check_text, language_warnings, truncate
from .model import Article, Author, Caption, DateValue, Image, Paragraph, ParseWarning, Sentence, Span, Token
from .normalize import normalize
from .text import fold, sharing
from .tokenize import encodable, split_pieces, tokenize_sentences


def parse_article(text: str | DecodedText, *, tokenize: bool = True, max_chars: int = DEFAULT_MAX_CHARS,
                  reference: Optional[DateValue] = None) -> Article:
    """Parse one article: a ``str``, or what ``vnnews.read_text`` returns (its ``.text`` is parsed;
    offsets refer to it). ``tokenize=False`` skips underthesea (sentences by punctuation, no
    tokens); input over ``max_chars`` is cut at a line break, with a warning.

    Relative dates (``hôm qua``, ``20 phút sau``, ``28/7`` without a year) resolve against the
    publication date the text gives, else ``reference`` (a date, or an aware datetime); with
    neither they keep their text and grain but get no value, and an ``unresolved_dates`` warning
    says so. Nothing reads the clock: the same input and options give the same record anywhere."""
    if isinstance(text, DecodedText):
        text = text.text
    check_text("parse_article", text)
    check_flag("tokenize", tokenize)
    check_reference(reference)
    kept, warnings = truncate(text, max_chars)
    normalized = normalize(kept)
    article = _Builder(normalized.text, tokenize, reference).build()
    if normalized.offsets is not None:
        _map_offsets([article], normalized.span, text)
    article.warnings[:0] = warnings  # already in the caller's offsets
    return article


class _Builder:
    def __init__(self, text: str, tokenize: bool, reference: Optional[DateValue] = None):
        self.text = text
        self.tokenize = tokenize
        self.reference = reference
        self.article = Article()
        self.title_line: Optional[Tuple[int, int]] = None

    def span(self, start: int, end: int) -> Span:
        return Span(self.text[start:end], start, end)

    def warn(self, code: str, message: str, start: Optional[int] = None, end: Optional[int] = None):
        self.article.warnings.append(ParseWarning(code, message, start, end))

    def build(self) -> Article:
        a = self.article
        if not self.text.strip():
            self.warn("empty", "the input holds no text")
            return a
        header = parse_header(self.text)
        self._header(header)
        self._layout(header)
        if len(a.paragraphs) > 1 and a.lead is None:  # a one-paragraph text has a body, not a lead
            first = a.paragraphs[0]  # a copy: _map_offsets maps each object once
            a.lead = Paragraph(first.text, first.start, first.end,
                               first.parts and [Span(p.text, p.start, p.end) for p in first.parts])
        pieces = self._texts()
        foreign = language_warnings(self.text)  # decides what is extracted, so it comes first
        self._sentences(pieces)
        if foreign:  # the number and date grammar is Vietnamese: elsewhere it would read junk
            for warning in foreign:
                warning.message += "; facts and dates were not extracted"
        else:
            self._facts(pieces)
            self._dates(pieces)
        if not a.paragraphs:
            self.warn("no_body", "no body paragraph was found")
        a.warnings.extend(foreign)
        return a

    # -- metadata ---------------------------------------------------------------------------
    def _header(self, header):
        a = self.article
        a.meta = dict(header.meta)
        for name, key, value, bounds in field_values(header):
            span = self.span(*bounds) if bounds else None
            if name == "url" and a.url is None:
                a.url = value
            elif name == "published" and a.published is None:
                a.published = parse_date(value)
                a.published_span = span
                if a.published is None:
                    self.warn("bad_date", "header %s=%r is not a date" % (key, value), *(bounds or (None, None)))
            elif name == "title" and a.title is None:
                a.title, a.title_span = fold(value), span
            elif name == "source" and a.source is None:
                a.source, a.source_span = fold(value), span
            elif name == "lead" and bounds:  # a header record's summary: the sapo, not a body paragraph
                a.lead = Paragraph(self.text[bounds[0]:bounds[1]], *bounds)
            elif name == "authors" and bounds:
                byline = parse_byline(self.text, *bounds)
                if byline is not None:
                    self._byline(byline)
                else:
                    a.authors.append(Author(fold(value), *bounds))

    # -- blocks -----------------------------------------------------------------------------
    def _layout(self, header):
        """The blocks of the text into the record. A method of its own, so that the blocks are
        freed before sentences, facts and dates are read: on a text of a million short lines they
        are as large as the record."""
        blocks = layout.classify(self.text, header.end)
        if header.record and self.article.title is not None:  # a header record gave the title: what follows is body
            blocks = [dataclasses.replace(b, kind="body") if b.kind == "title" else b for b in blocks]
        self._blocks(blocks)
        self._guesses(blocks)

    def _blocks(self, blocks: List[layout.Block]):
        a = self.article
        image_open = False  # the last block was an image trace a caption may still join
        image_line = None  # and the line it stood on
        body_line = None  # the line of the last body block: a caption cut out of a line leaves it one paragraph
        shared = sharing()
        for block in blocks:
            kind, start, end = block.kind, block.start, block.end
            piece = shared(self.text[start:end])
            if kind == "title":
                # a title line wins over a header's title: it is what the reader sees
                a.title, a.title_span = fold(piece), self.span(start, end)
                self.title_line = (start, end)
            elif kind == "body":
                if block.line == body_line:
                    self._rejoin(a.paragraphs[-1], start, end)
                else:
                    a.paragraphs.append(Paragraph(piece, start, end))
                body_line = block.line
            elif kind == "date":
                if a.published is None:
                    a.published, a.published_span = block.value, self.span(start, end)
            elif kind in ("byline", "lead_source"):
                self._byline(block.value)
            elif kind == "related":
                a.related.append(self.span(start, end))
            elif kind == "placeholder":
                if image_open and block.line == image_line and a.images[-1].placeholder is None:
                    image = a.images[-1]  # a markdown image: its alt text, then its address
                    image.placeholder, image.placeholder_span, image.end = piece, self.span(start, end), end
                else:
                    a.images.append(Image(start, end, placeholder=piece, placeholder_span=self.span(start, end)))
            elif kind == "alt":
                a.images.append(Image(start, end, alt=fold(piece), alt_span=self.span(start, end)))
            elif kind == "caption":
                if not image_open or a.images[-1].caption is not None:
                    a.images.append(Image(start, end))
                image = a.images[-1]
                image.caption, image.caption_span, image.credit = fold(piece), self.span(start, end), block.credit
                image.end = end
                a.captions.append(Caption(piece, start, end, block.credit, len(a.images) - 1))
            elif kind == "video":
                a.captions.append(Caption(piece, start, end))
            image_open, image_line = kind in ("placeholder", "alt"), block.line

    def _rejoin(self, paragraph: Paragraph, start: int, end: int):
        """The rest of a paragraph's line after a caption cut out of it: one more part."""
        if paragraph.parts is None:
            paragraph.parts = [self.span(paragraph.start, paragraph.end)]
        paragraph.parts.append(self.span(start, end))
        paragraph.text, paragraph.end = paragraph.joined(), end

    def _byline(self, byline):
        a = self.article
        known = {author.name for author in a.authors}  # a header and a byline may name the same
        for (name, start, end), role in zip(byline.authors, byline.roles):
            if fold(name) not in known:
                a.authors.append(Author(fold(name), start, end, role))
        if byline.source is not None and a.source is None:
            name, start, end = byline.source
            a.source, a.source_span = fold(name), self.span(start, end)

    def _guesses(self, blocks):
        for block in blocks:
            if block.guessed:
                self.warn("caption_guessed", "an uncredited caption was cut from a body line", block.start, block.end)

    # -- sentences, facts, dates ----------------------------------------------------------------
    def _texts(self) -> "_Pieces":
        """The title, paragraphs and captions, in text order."""
        a = self.article
        others = [(c.start, c.end, None) for c in a.captions]
        if self.title_line is not None:
            others.append((*self.title_line, None))
        if a.lead is not None and not (a.paragraphs and a.lead.start == a.paragraphs[0].start):
            others.append((a.lead.start, a.lead.end, None))  # a header record's summary, no paragraph
        pieces = _Pieces([], [], [])
        # the paragraphs are in text order already: merged with the others one by one, they need
        # no tuple each at once
        # (a paragraph a caption was cut out of is read part by part: the caption between is read as one)
        paragraphs = ((part.start, part.end, i) for i, p in enumerate(a.paragraphs) for part in p.spans())
        for start, end, paragraph in heapq.merge(paragraphs, sorted(others)):
            pieces.starts.append(start)
            pieces.ends.append(end)
            pieces.paragraphs.append(paragraph)
        return pieces

    def _sentences(self, pieces):
        sentences = self.article.sentences
        if self.tokenize:
            # underthesea cannot take a lone surrogate: it reads a copy with each replaced in place,
            # so offsets and the record's texts stay the input's own
            safe, replaced = encodable(self.text)
            if replaced:
                self.warn("unencodable", "%d lone surrogate code point(s) (the first U+%04X) were given to the "
                          "tokenizer as U+FFFD; the record keeps them" % (len(replaced), ord(self.text[replaced[0]])),
                          replaced[0], replaced[-1] + 1)
            for start, end, paragraph in zip(*pieces):
                for (s, e), tokens in tokenize_sentences(safe, start, end):
                    sentences.append(Sentence(self.text[s:e], s, e, paragraph,
                                              [Token(self.text[ts:te], ts, te) for ts, te in tokens]))
            return
        # the pieces have no white space at either end and split_sentences cuts at white space, so
        # each sentence is already stripped and not empty
        paragraphs = self.article.paragraphs
        for start, end, paragraph, bounds in zip(*pieces, split_pieces(self.text, pieces.starts, pieces.ends)):
            for s, e in bounds:
                # a sentence that is its whole paragraph shares the paragraph's text
                whole = paragraph is not None and s == start and e == end and paragraphs[paragraph].parts is None
                sentences.append(Sentence(paragraphs[paragraph].text if whole else self.text[s:e], s, e, paragraph))

    def _facts(self, pieces):
        """Facts of the title, body and captions. One pass over the whole text costs far less than
        one per piece; what falls outside the pieces (header, file names, bylines) is dropped. The
        sentences lie within the pieces, so only a fact in no sentence (one that runs over a
        sentence end, or lies outside) needs a look-up in the pieces."""
        a = self.article
        starts = [s.start for s in a.sentences]
        ends = [s.end for s in a.sentences]
        inside = _inside(pieces.starts, pieces.ends)
        for fact in extract_facts(self.text):
            index = bisect_right(starts, fact.start) - 1
            if index >= 0 and fact.end <= ends[index]:
                fact.sentence = index
            elif inside(fact):
                fact.sentence = None
            else:
                continue
            a.facts.append(fact)

    def _dates(self, pieces):
        body = [k for k, paragraph in enumerate(pieces.paragraphs) if paragraph is not None]  # no caption between parts
        inside = _inside([pieces.starts[k] for k in body], [pieces.ends[k] for k in body])
        reference = self.article.published or self.reference
        found = find_dates(self.text, reference=reference)
        self.article.dates = [date for date in found if inside(date)]
        unresolved = sum(date.value is None for date in self.article.dates)
        if unresolved:
            self.warn("unresolved_dates", "%d date mention(s) need a reference day to get a value (relative, "
                      "or without a year) and the text has no publication date: pass reference= (vnnews "
                      "batch --reference) to resolve them" % unresolved)


class _Pieces(NamedTuple):
    """What sentences, facts and dates are read in: the starts, ends and paragraph indexes (None for
    the title and captions) of the pieces, in text order. Three lists rather than a tuple a piece:
    on a text of a million one-letter lines the tuples were 80 MB."""

    starts: List[int]
    ends: List[int]
    paragraphs: List[Optional[int]]


def _inside(starts: List[int], ends: List[int]):
    """A test of whether an item (with start/end) lies wholly within one of the sorted pieces
    ``starts[i]:ends[i]``."""

    def inside(item) -> bool:
        i = bisect_right(starts, item.start) - 1
        return i >= 0 and item.end <= ends[i]
    return inside


def _map_offsets(records: list, span, original: str):
    """Map every start/end in the records (all of one type) and in what they hold from the normalized
    text to the caller's string, and make each piece's text the caller's own characters (``span``
    leaves out dropped tags at the edges). A field is read across all the records at once, so a list
    of sixty facts costs one call, not sixty."""
    inner, has_offsets, has_text = _fields(type(records[0]))
    for name in inner:
        held = []
        for record in records:
            value = getattr(record, name)
            if isinstance(value, list):
                held += value
            elif value is not None:
                held.append(value)
        if held:
            _map_offsets(held, span, original)
    if has_offsets:
        for record in records:
            if record.start is not None:
                record.start, record.end = span(record.start, record.end)
                if has_text:
                    parts = getattr(record, "parts", None)  # a paragraph with captions cut out of it
                    record.text = record.joined() if parts else original[record.start:record.end]


@lru_cache(maxsize=None)
def _fields(record_type) -> Tuple[Tuple[str, ...], bool, bool]:
    """The fields of a record type declared to hold records (``Optional[Span]``, ``List[Token]``), and
    whether it has offsets and a text. Read from the declarations once, so that the walk skips the
    many scalar fields (a fact's kind, value, unit...) without looking at their values."""
    hints = typing.get_type_hints(record_type)
    names = [f.name for f in dataclasses.fields(record_type)]
    return tuple(n for n in names if _holds_records(hints[n])), "start" in names, "text" in names


def _holds_records(hint) -> bool:
    return dataclasses.is_dataclass(hint) or any(map(_holds_records, typing.get_args(hint)))

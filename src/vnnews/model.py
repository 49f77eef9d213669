"""The record types of vnnews: one family of dataclasses, each JSON-serialisable with dataclasses-json.

Every extracted piece carries ``start``/``end`` character offsets into the exact string that was
given to :func:`vnnews.parse_article`; for every object with offsets, ``input[start:end] == text``.
Display strings (``Article.title``, ``Image.caption``...) are the same text with white space folded.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import math
from dataclasses import dataclass, field
from typing import Dict, List, Literal, Optional, Union

from dataclasses_json import config, dataclass_json

VIETNAM_TZ = _dt.timezone(_dt.timedelta(hours=7))

DateValue = Union[_dt.date, _dt.datetime]


def encode_date(value: Optional[DateValue]) -> Optional[str]:
    """A date as ``2017-07-28``, a datetime as ``2017-07-28T10:30:00+07:00``."""
    return None if value is None else value.isoformat()


def decode_date(value: Optional[str]) -> Optional[DateValue]:
    if value is None or isinstance(value, (_dt.date, _dt.datetime)):
        return value
    if "T" in value:
        return _dt.datetime.fromisoformat(value)
    return _dt.date.fromisoformat(value)


def _date_field():
    return field(default=None, metadata=config(encoder=encode_date, decoder=decode_date))


@dataclass_json
@dataclass
class Span:
    """A piece of the input: ``input[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass_json
@dataclass
class Token:
    text: str
    start: int
    end: int


@dataclass_json
@dataclass
class Sentence:
    text: str
    start: int
    end: int
    paragraph: Optional[int] = None  # index into Article.paragraphs, None for captions and title
    tokens: List[Token] = field(default_factory=list)


@dataclass_json
@dataclass
class Paragraph:
    text: str
    start: int
    end: int


@dataclass_json
@dataclass
class Caption:
    text: str
    start: int
    end: int
    credit: Optional[str] = None  # the photo credit inside the caption (``Ảnh: Daily Mail``), name only
    image: Optional[int] = None  # index into Article.images


@dataclass_json
@dataclass
class Image:
    """One image the text shows traces of: a placeholder line, an alt text, a caption, or several."""

    start: int
    end: int
    placeholder: Optional[str] = None  # file name or data-URI tail left where the image stood
    alt: Optional[str] = None
    caption: Optional[str] = None
    credit: Optional[str] = None
    placeholder_span: Optional[Span] = None
    alt_span: Optional[Span] = None
    caption_span: Optional[Span] = None


@dataclass_json
@dataclass
class Author:
    name: str
    start: int
    end: int
    role: Optional[str] = None  # the role words written before the name (``Tin, ảnh``), if any


FactKind = Literal["money", "percent", "quantity", "rate"]


@dataclass_json
@dataclass
class Fact:
    """A numeric fact. ``unit``: an ISO 4217 code for money, ``%`` for a percent, the unit or counted
    noun as written (lower case) for a quantity, and for a rate the unit with what it is per
    (``km/h``, ``thuê bao/100 dân``). ``per``: what a price or a rate is per, for every kind alike
    (``62.000 đồng/kg`` is money in VND per ``kg``; ``50 km/h`` a rate per ``h``), else None."""

    text: str
    kind: FactKind
    value: Union[int, float]
    unit: Optional[str]
    start: int
    end: int
    qualifier: Optional[str] = None  # trên, gần, khoảng, hơn, ...
    sentence: Optional[int] = None  # index into Article.sentences
    per: Optional[str] = None  # kg of 62.000 đồng/kg


@dataclass_json
@dataclass
class DateMention:
    """A date or time written in the text, resolved against a reference (the publication date)."""

    text: str
    start: int
    end: int
    value: Optional[DateValue] = _date_field()
    grain: str = "day"  # time, day, week, month, quarter, year, decade, century
    relative: bool = False


@dataclass_json
@dataclass
class ParseWarning:
    """Something that looked wrong or was guessed: ``code`` is stable, ``message`` is for people."""

    code: str
    message: str
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass_json
@dataclass
class Article:
    title: Optional[str] = None
    title_span: Optional[Span] = None
    published: Optional[DateValue] = _date_field()
    published_span: Optional[Span] = None
    authors: List[Author] = field(default_factory=list)
    source: Optional[str] = None
    source_span: Optional[Span] = None
    lead: Optional[Paragraph] = None  # the sapo; it is also paragraphs[0]
    paragraphs: List[Paragraph] = field(default_factory=list)
    images: List[Image] = field(default_factory=list)
    captions: List[Caption] = field(default_factory=list)
    facts: List[Fact] = field(default_factory=list)
    dates: List[DateMention] = field(default_factory=list)
    sentences: List[Sentence] = field(default_factory=list)
    related: List[Span] = field(default_factory=list)  # related-article tails (``>> ...``)
    url: Optional[str] = None
    meta: Dict[str, str] = field(default_factory=dict)  # header / front-matter keys as written
    warnings: List[ParseWarning] = field(default_factory=list)

    def pieces(self):
        """Every object of the record that carries offsets (spans, paragraphs, facts, tokens...)."""
        stack = [self]
        while stack:
            obj = stack.pop()
            if isinstance(obj, (list, tuple)):
                stack.extend(reversed(obj))
            elif dataclasses.is_dataclass(obj):
                if obj is not self and getattr(obj, "start", None) is not None:
                    yield obj
                stack.extend(reversed([getattr(obj, name) for name in _field_names(type(obj))]))

    def offset_errors(self, text: str) -> List[str]:
        """What breaks the offset contract against the parsed ``text`` (empty when all is well):
        offsets out of range, a piece whose ``text`` is not ``text[start:end]``, a non-finite value."""
        errors = []
        for obj in self.pieces():
            start, end = obj.start, obj.end
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
                errors.append("%r: offsets %r..%r outside 0..%d" % (obj, start, end, len(text)))
            elif isinstance(getattr(obj, "text", None), str) and text[start:end] != obj.text:
                errors.append("%r: text[%d:%d] is %r" % (obj, start, end, text[start:end]))
            if isinstance(obj, Fact) and not math.isfinite(obj.value):
                errors.append("%r: value is not finite" % (obj,))
        return errors


_PLAIN_ATOMS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict = {}  # record type -> its field names, filled by _field_names


def _field_names(record_type) -> list:
    names = _FIELD_NAMES.get(record_type)
    if names is None:
        names = _FIELD_NAMES[record_type] = [f.name for f in dataclasses.fields(record_type)]
    return names


def _plain(value):
    """A record or any part of it as JSON-ready data: what dataclasses-json's ``to_dict`` gives
    (dates in ISO form), some thirty times faster, which matters at millions of articles."""
    kind = type(value)
    if kind in _PLAIN_ATOMS:
        return value
    if kind is list:
        return [_plain(item) for item in value]
    names = _FIELD_NAMES.get(kind)  # read here first: the call below is made once per record type
    if names is None and dataclasses.is_dataclass(value):
        names = _field_names(kind)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if kind is dict:
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, _dt.date):  # datetime too
        return encode_date(value)
    raise TypeError("cannot serialise %s" % kind.__name__)


def _to_dict(self, encode_json: bool = False) -> dict:
    return _plain(self)


# after @dataclass_json, which sets its own: to_json() goes through to_dict() too
for _record in (Span, Token, Sentence, Paragraph, Caption, Image, Author, Fact, DateMention, ParseWarning, Article):
    _record.to_dict = _to_dict

"""The record types of vnnews: one family of dataclasses, with one JSON serialiser of their own.

Every extracted piece carries ``start``/``end`` character offsets into the exact string that was
given to :func:`vnnews.parse_article`; for every object with offsets, ``input[start:end] == text``.
Display strings (``Article.title``, ``Image.caption``...) are the same text with white space folded.
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import gc
import json
import math
import typing
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List, Literal, Optional, Union

VIETNAM_TZ = _dt.timezone(_dt.timedelta(hours=7))  # the one definition of Vietnam's time zone (no DST)

DateValue = Union[_dt.date, _dt.datetime]
FactKind = Literal["money", "percent", "quantity", "rate"]
Grain = Literal["time", "day", "week", "month", "quarter", "year", "decade", "century"]


def encode_date(value: Optional[DateValue]) -> Optional[str]:
    """A date as ``2017-07-28``, a datetime as ``2017-07-28T10:30:00+07:00``."""
    return None if value is None else value.isoformat()


def decode_date(value: Optional[str]) -> Optional[DateValue]:
    if value is None or isinstance(value, (_dt.date, _dt.datetime)):
        return value
    if "T" in value:
        return _dt.datetime.fromisoformat(value)
    return _dt.date.fromisoformat(value)


class Record:
    """What every record type shares: its JSON form, by the one serialiser of this module
    (``to_dict``/``from_dict``; dates in ISO form), and back."""

    __slots__ = ()  # records are slotted dataclasses: a 2 MB article can hold a million of them

    def to_dict(self, encode_json: bool = False) -> Dict[str, Any]:
        """The record as JSON-ready data (``encode_json`` is accepted for compatibility; the data is
        always JSON-ready)."""
        return _plain(self)

    def to_json(self, **options: Any) -> str:
        """``json.dumps`` of ``to_dict()``; ``options`` go to ``json.dumps`` (``ensure_ascii``, ``indent``...)."""
        return json.dumps(_plain(self), **options)

    @classmethod
    def from_dict(cls, data: Dict[str, Any], *, infer_missing: bool = False):
        """The record from ``to_dict()`` data (keys it does not know are ignored; missing ones take
        their defaults, or raise TypeError when they have none)."""
        if not isinstance(data, dict):
            raise TypeError("%s.from_dict() takes a dict, not %s" % (cls.__name__, type(data).__name__))
        with _collector_paused():
            return _decoder(cls)(data)

    @classmethod
    def from_json(cls, text: Union[str, bytes], **options: Any):
        with _collector_paused():
            return cls.from_dict(json.loads(text, **options))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused: while a large record is read it would run again and
    again over the new objects, none of them garbage (three quarters of the time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(slots=True)
class Span(Record):
    """A piece of the input: ``input[start:end] == text``. The base of every record that is one
    piece of the text (tokens, paragraphs, sentences, captions, date mentions)."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Token(Span):
    """A word as underthesea cut it; a word of several syllables (``thông tin``) is one token."""


@dataclass(slots=True)
class Sentence(Span):
    paragraph: Optional[int] = None  # index into Article.paragraphs, None for captions and title
    tokens: List[Token] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph(Span):
    """One body line (the sapo is the first)."""


@dataclass(slots=True)
class Caption(Span):
    credit: Optional[str] = None  # the photo credit inside the caption (``Ảnh: Daily Mail``), name only
    image: Optional[int] = None  # index into Article.images


@dataclass(slots=True)
class Image(Record):
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


@dataclass(slots=True)
class Author(Record):
    name: str
    start: int
    end: int
    role: Optional[str] = None  # the role words written before the name (``Tin, ảnh``), if any


@dataclass(slots=True)
class Fact(Record):
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


@dataclass(slots=True)
class DateMention(Span):
    """A date or time written in the text, resolved against a reference (the publication date,
    else ``parse_article``'s ``reference``); ``value`` is None when it needed one and had none."""

    value: Optional[DateValue] = None
    grain: Grain = "day"
    relative: bool = False


@dataclass(slots=True)
class ParseWarning(Record):
    """Something that looked wrong or was guessed: ``code`` is stable, ``message`` is for people."""

    code: str
    message: str
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass(slots=True)
class Article(Record):
    title: Optional[str] = None
    title_span: Optional[Span] = None
    published: Optional[DateValue] = None
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
    """A record or any part of it as JSON-ready data (dates in ISO form), by a walk that reads each
    record type's field names once: millions of articles go through here."""
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


_DECODERS: Dict[type, Callable] = {}  # record type -> its decoder, built by _decoder once


def _decoder(record_type) -> Callable[[Dict[str, Any]], Any]:
    """A function from ``to_dict()`` data to a ``record_type``, built from its declarations once:
    only the fields that hold dates or records get a conversion, the rest are taken as they are."""
    decode = _DECODERS.get(record_type)
    if decode is not None:
        return decode
    hints = typing.get_type_hints(record_type)
    names = _field_names(record_type)
    conversions = [(name, _conversion(hints[name])) for name in names]
    conversions = [(name, convert) for name, convert in conversions if convert is not None]
    known = frozenset(names)

    def decode(data: Dict[str, Any]):
        if conversions:
            data = dict(data)
            for name, convert in conversions:
                if name in data:
                    data[name] = convert(data[name])
        if len(data) == len(known) and known == data.keys():
            return record_type(**data)
        return record_type(**{name: value for name, value in data.items() if name in known})

    _DECODERS[record_type] = decode
    return decode


def _conversion(hint) -> Optional[Callable[[Any], Any]]:
    """How a field declared ``hint`` is read back from JSON data; None when it is taken as is."""
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if typing.get_origin(hint) is Union and _dt.date in args:
        return decode_date
    if typing.get_origin(hint) is Union and len(args) == 1:  # Optional[X]
        inner = _conversion(args[0])
        return None if inner is None else (lambda value: None if value is None else inner(value))
    if typing.get_origin(hint) in (list, List):
        inner = _conversion(args[0])
        return None if inner is None else (lambda values: list(map(inner, values)))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decoder(hint)
    return None

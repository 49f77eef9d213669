"""The record types of vnnews: one family of dataclasses, to and from JSON with dataclasses-json.

Every extracted piece carries ``start``/``end`` character offsets into the exact string that was
given to :func:`vnnews.parse_article`; for every object with offsets, ``input[start:end] == text``,
but for a paragraph that captions were cut out of: its ``parts`` keep the contract, its text joins them.
Display strings (``Article.title``, ``Image.caption``...) are the same text with white space folded.
"""
import dataclasses
import datetime as _dt
import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Literal, Optional, Sequence, Union

VIETNAM_TZ = _dt.timezone(_dt.timedelta(hours=7))  # the one definition of Vietnam's time zone (no DST)

DateValue = Union[_dt.date, _dt.datetime]
FactKind = Literal["money", "percent", "quantity", "rate"]
Grain = Literal["time", "day", "week", "month", "quarter", "year", "decade", "century"]
RangePart = Literal["start", "end"]


def encode_date(value: Optional[DateValue]) -> Optional[str]:
    """A date as ``2017-07-28``, a datetime as ``2017-07-28T10:30:00+07:00``."""
    return None if value is None else value.isoformat()


def decode_date(value: Optional[str]) -> Optional[DateValue]:
    if value is None or isinstance(value, (_dt.date, _dt.datetime)):
        return value
    if "T" in value:
        return _dt.datetime.fromisoformat(value)
    return _dt.date.fromisoformat(value)


def _codec(encoder, decoder) -> dict:
    """A field's own codec for dataclasses-json, in its metadata as ``config(encoder, decoder)``
    spells it, without importing the library."""
    return {"dataclasses_json": {"encoder": encoder, "decoder": decoder}}


def _date_field():
    return field(default=None, metadata=_codec(encode_date, decode_date))


def _encode_tokens(tokens: List["Span"]) -> List[Dict[str, Any]]:
    return [{"text": t.text, "start": t.start, "end": t.end} for t in tokens]


def _decode_tokens(items: List[Dict[str, Any]], span_type=None) -> List["Span"]:
    span_type = span_type or Token
    return [span_type(item["text"], item["start"], item["end"]) for item in items]


def _encode_parts(parts: Optional[List["Span"]]) -> Optional[List[Dict[str, Any]]]:
    return None if parts is None else _encode_tokens(parts)


def _decode_parts(items: Optional[List[Dict[str, Any]]]) -> Optional[List["Span"]]:
    return None if items is None else _decode_tokens(items, Span)


def _encode_sentences(sentences: List["Sentence"]) -> List[Dict[str, Any]]:
    return [{"text": s.text, "start": s.start, "end": s.end, "paragraph": s.paragraph,
             "tokens": _encode_tokens(s.tokens)} for s in sentences]


def _decode_sentences(items: List[Dict[str, Any]]) -> List["Sentence"]:
    return [Sentence(item["text"], item["start"], item["end"], item.get("paragraph"),
                     _decode_tokens(item.get("tokens", ()))) for item in items]


def _bulk_field(encode, decode):
    """A list that may hold thousands of records (sentences and their tokens, most of a record's
    objects; facts, dates, paragraphs...): dataclasses-json reads and writes it by the field's own
    codec rather than its generic walk, which costs 70-350 µs an object (a 2 M-character record
    with tokens: 33 s to read by the walk)."""
    return field(default_factory=list, metadata=_codec(encode, decode))


def _flat_codec(record_type) -> tuple:
    """The codec of a list of flat records (facts, dates, paragraphs...: every field a JSON value,
    or one with a codec of its own, a date mention's value): each record written and read field by
    field, as dataclasses-json's walk does at 70-350 µs a record. Like the walk, reading ignores
    unknown keys, fills in defaults and raises KeyError for a missing field that has none."""
    fields = dataclasses.fields(record_type)
    encoders = [(f.name, f.metadata.get("dataclasses_json", {}).get("encoder")) for f in fields]
    decoders = [(f.name, f.metadata.get("dataclasses_json", {}).get("decoder")) for f in fields]
    required = [f.name for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]

    def encode(records: list) -> List[Dict[str, Any]]:
        return [{name: getattr(record, name) if encoder is None else encoder(getattr(record, name))
                 for name, encoder in encoders} for record in records]

    def decode(items: List[Dict[str, Any]]) -> list:
        records = []
        for item in items:
            missing = next((name for name in required if name not in item), None)
            if missing is not None:
                raise KeyError(missing)
            records.append(record_type(**{name: item[name] if decoder is None else decoder(item[name])
                                          for name, decoder in decoders if name in item}))
        return records
    return encode, decode


def _on_first_use(name: str, kind=lambda method: method):
    """A stand-in for dataclasses-json's method ``name``: its first call imports the library (with
    marshmallow, a third of the time ``import vnnews.article`` took, paid by every fresh process
    whether it serialised a record or not), gives every record type its methods, and calls the
    real one."""
    def first_use(self_or_type, *args, **kwargs):
        from dataclasses_json import dataclass_json

        for record_type in _RECORD_TYPES:
            dataclass_json(record_type)
        return getattr(self_or_type, name)(*args, **kwargs)
    first_use.__name__ = name
    return kind(first_use)


def _json_methods(record_type):
    """The JSON methods of dataclasses-json (``@dataclass_json``) on a record type, the library loaded
    when one is first called (see _on_first_use). Set on the class itself, as the library's decorator
    does: the record types keep their bases."""
    for name in ("to_json", "to_dict"):
        setattr(record_type, name, _on_first_use(name))
    for name in ("from_json", "from_dict", "schema"):
        setattr(record_type, name, _on_first_use(name, classmethod))
    return record_type


@_json_methods
@dataclass(slots=True)
class Span:
    """A piece of the input: ``input[start:end] == text``. The base of every record that is one
    piece of the text (tokens, paragraphs, sentences, captions, date mentions)."""

    text: str
    start: int
    end: int


@_json_methods
@dataclass(slots=True)
class Token(Span):
    """A word as underthesea cut it; a word of several syllables (``thông tin``) is one token."""


@_json_methods
@dataclass(slots=True)
class Sentence(Span):
    paragraph: Optional[int] = None  # index into Article.paragraphs, None for captions and title
    tokens: List[Token] = _bulk_field(_encode_tokens, _decode_tokens)


@_json_methods
@dataclass(slots=True)
class Paragraph(Span):
    """One body line (the sapo is the first). Where captions were cut out of the line, ``parts`` are
    the pieces of body left, ``text`` is their texts joined by one space, and ``start``/``end`` span
    them all (the captions between them included)."""

    parts: Optional[List[Span]] = field(default=None, metadata=_codec(_encode_parts, _decode_parts))

    def joined(self) -> str:
        """The text of the parts joined by one space: the paragraph's text where it has parts."""
        return " ".join(part.text for part in self.parts)

    def spans(self) -> Sequence[Span]:
        """The pieces of the input the paragraph holds: its parts, or the paragraph itself."""
        return self.parts or (self,)


@_json_methods
@dataclass(slots=True)
class Caption(Span):
    credit: Optional[str] = None  # the photo credit inside the caption (``Ảnh: Daily Mail``), name only
    image: Optional[int] = None  # index into Article.images


@_json_methods
@dataclass(slots=True)
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


@_json_methods
@dataclass(slots=True)
class Author:
    name: str
    start: int
    end: int
    role: Optional[str] = None  # the role words written before the name (``Tin, ảnh``), if any


@_json_methods
@dataclass(slots=True)
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


@_json_methods
@dataclass(slots=True)
class DateMention(Span):
    """A date or time written in the text, resolved against a reference (the publication date,
    else ``parse_article``'s ``reference``); ``value`` is None when it needed one and had none.
    The two ends of a range (``từ 20/5 đến 15/6``, ``28-30/7``, ``08:30-11:00``) are two mentions, one
    after the other, with ``range_part`` ``"start"`` and ``"end"``."""

    value: Optional[DateValue] = _date_field()
    grain: Grain = "day"
    relative: bool = False
    range_part: Optional[RangePart] = None


@_json_methods
@dataclass(slots=True)
class ParseWarning:
    """Something that looked wrong or was guessed: ``code`` is stable, ``message`` is for people."""

    code: str
    message: str
    start: Optional[int] = None
    end: Optional[int] = None


@_json_methods
@dataclass(slots=True)
class Article:
    title: Optional[str] = None
    title_span: Optional[Span] = None
    published: Optional[DateValue] = _date_field()
    published_span: Optional[Span] = None
    authors: List[Author] = _bulk_field(*_flat_codec(Author))
    source: Optional[str] = None
    source_span: Optional[Span] = None
    lead: Optional[Paragraph] = None  # the sapo; it is also paragraphs[0]
    paragraphs: List[Paragraph] = _bulk_field(*_flat_codec(Paragraph))
    images: List[Image] = field(default_factory=list)
    captions: List[Caption] = _bulk_field(*_flat_codec(Caption))
    facts: List[Fact] = _bulk_field(*_flat_codec(Fact))
    dates: List[DateMention] = _bulk_field(*_flat_codec(DateMention))
    sentences: List[Sentence] = _bulk_field(_encode_sentences, _decode_sentences)
    related: List[Span] = _bulk_field(*_flat_codec(Span))  # related-article tails (``>> ...``)
    url: Optional[str] = None
    meta: Dict[str, str] = field(default_factory=dict)  # header / front-matter keys as written
    warnings: List[ParseWarning] = _bulk_field(*_flat_codec(ParseWarning))

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
            elif getattr(obj, "parts", None):
                if obj.text != obj.joined():
                    errors.append("%r: text is not its parts joined" % (obj,))
            elif isinstance(getattr(obj, "text", None), str) and text[start:end] != obj.text:
                errors.append("%r: text[%d:%d] is %r" % (obj, start, end, text[start:end]))
            if isinstance(obj, Fact) and not math.isfinite(obj.value):
                errors.append("%r: value is not finite" % (obj,))
        return errors


_RECORD_TYPES = (Span, Token, Sentence, Paragraph, Caption, Image, Author, Fact, DateMention, ParseWarning, Article)
_FIELD_NAMES: dict = {}  # record type -> its field names, filled by _field_names


def _field_names(record_type) -> list:
    names = _FIELD_NAMES.get(record_type)
    if names is None:
        names = _FIELD_NAMES[record_type] = [f.name for f in dataclasses.fields(record_type)]
    return names

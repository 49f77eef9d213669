"""Metadata before the article: ``# key = value`` comment lines, JSON or YAML front matter, and the header
records of research corpora (``Title: ...``, ``Link: ...``, ``Tiêu đề: ...`` lines). Keys are data:
``lexicon/header.json``."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, FrozenSet, NamedTuple, Optional, Tuple

import regex

from . import lexicon
from .settings import HEADER_RECORD_MIN_KEYS

_COMMENT = regex.compile(r"[ \t\u00a0]*#[ \t]*(?P<key>[\w.-]{1,40})[ \t]*[=:][ \t]*(?P<value>[^\n]*?)[ \t]*(?:\r?\n|$)")
_YAML_FENCE = regex.compile(r"[ \t]*---[ \t]*\r?\n")
_YAML_LINE = regex.compile(r"[ \t]*(?P<key>[\w.-]{1,40})[ \t]*:[ \t]*(?P<value>[^\n]*?)[ \t]*(?:\r?\n|$)")
_YAML_END = regex.compile(r"[ \t]*(?:---|\.\.\.)[ \t]*(?:\r?\n|$)")
_JSON_STRING = regex.compile(r'"(?P<key>[^"\\]{1,40})"\s*:\s*"(?P<value>(?:[^"\\]|\\.)*)"')

# a header record's line: ``Title: ...``, ``Published Date: ...``, ``Tiêu đề: ...`` (CRLF too)
_RECORD_LINE = regex.compile(r"[ \t\u00a0]*(?P<key>\p{L}[\p{L}\p{M} _]{0,30}?)[ \t]*:[ \t]*"
                             r"(?P<value>[^\r\n]*?)[ \t\u00a0]*(?:\r?\n|$)")
_SPACE = regex.compile(r"\s+")


class HeaderKeys(NamedTuple):
    fields: Dict[str, str]  # key, lower case -> the record field it feeds
    record: FrozenSet[str]  # every key a header record may hold
    content: FrozenSet[str]  # the keys after which the article proper starts


@lru_cache(maxsize=None)
def header_keys() -> HeaderKeys:
    words = lexicon.load("header")
    fields = {key: name for name, keys in words["fields"].items() for key in keys}
    content = frozenset(words["content"])
    return HeaderKeys(fields, frozenset(fields) | frozenset(words["record_meta"]) | content, content)


@dataclass
class Header:
    meta: Dict[str, str] = field(default_factory=dict)
    spans: Dict[str, Tuple[int, int]] = field(default_factory=dict)  # key -> value offsets
    end: int = 0  # where the article proper starts
    record: bool = False  # ``Title: ...`` lines: the text after them is the body, without a title line


def _line_end(text: str, position: int) -> int:
    """Where the line at ``position`` ends, its line break included. Every header pattern reads one
    line, and is given no more: the regex module looks for a pattern's required characters (``#``,
    ``---``, ``:``) through all the text it is given before it tries to match, some 7 instructions a
    character of the whole article for each line tried."""
    found = text.find("\n", position)
    return len(text) if found < 0 else found + 1


def _strip_quotes(value: str, start: int) -> Tuple[str, int]:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1], start + 1
    return value, start


def parse_header(text: str) -> Header:
    header = Header()
    stripped = len(text) - len(text.lstrip())
    if text.startswith("{", stripped):
        try:
            obj, end = json.JSONDecoder().raw_decode(text, stripped)
        except ValueError:
            obj = None
        if isinstance(obj, dict):
            header.meta = {str(k): v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for k, v in obj.items()}
            for m in _JSON_STRING.finditer(text, stripped, end):
                if obj.get(m.group("key")) == m.group("value"):  # only spans that are the value verbatim
                    header.spans[m.group("key")] = m.span("value")
            header.end = end
            return header
    fence = _YAML_FENCE.match(text, stripped, _line_end(text, stripped))
    if fence:
        position = fence.end()
        meta, spans = {}, {}
        while True:
            closing = _YAML_END.match(text, position, _line_end(text, position))
            if closing:
                header.meta, header.spans, header.end = meta, spans, closing.end()
                return header
            line = _YAML_LINE.match(text, position, _line_end(text, position))
            if not line or line.end() == position:
                break  # not front matter after all
            value, start = _strip_quotes(line.group("value"), line.start("value"))
            meta[line.group("key")] = value
            spans[line.group("key")] = (start, start + len(value))
            position = line.end()
    record = _record(text)
    if record is not None:
        return record
    position = 0
    while True:
        m = _COMMENT.match(text, position, _line_end(text, position))
        if not m or m.end() == position:
            break
        header.meta[m.group("key")] = m.group("value")
        header.spans[m.group("key")] = m.span("value")
        position = m.end()
        # blank lines between comment lines are part of the header
        while position < len(text) and text[position] in "\r\n":
            position += 1
    header.end = position
    return header


def _record(text: str) -> Optional[Header]:
    """A header record: ``Key: value`` lines of known keys (``Title:``, ``Source:``, ``Link:``, ``Tiêu đề:``)
    opening the text, at least a few of them; a ``Content:`` key ends it, its value opening the body."""
    header = Header(record=True)
    keys = header_keys()
    position = 0
    while True:
        while position < len(text) and text[position] in "\r\n":
            position += 1  # blank lines between the record's lines are part of it
        m = _RECORD_LINE.match(text, position, _line_end(text, position))
        key = _SPACE.sub(" ", m.group("key")).strip().lower() if m else None
        if key not in keys.record:
            break
        if key in keys.content:  # the body starts with its value, or on the next line
            header.end = m.start("value") if m.group("value") else m.end()
            return header if len(header.meta) + 1 >= HEADER_RECORD_MIN_KEYS else None
        header.meta[m.group("key").strip()] = m.group("value")
        header.spans[m.group("key").strip()] = m.span("value")
        position = m.end()
    header.end = position
    return header if len(header.meta) >= HEADER_RECORD_MIN_KEYS else None


def field_values(header: Header):
    """``(field, key, value, (start, end))`` for every header key that feeds a record field."""
    fields = header_keys().fields
    for key, value in header.meta.items():
        name = fields.get(_SPACE.sub(" ", key).lower())
        if name and value:
            yield name, key, value, header.spans.get(key)

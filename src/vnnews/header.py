"""Metadata before the article: ``# key = value`` comment lines, JSON or YAML front matter."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Dict, Tuple

import regex

_COMMENT = regex.compile(r"[ \t\u00a0]*#[ \t]*(?P<key>[\w.-]{1,40})[ \t]*[=:][ \t]*(?P<value>[^\n]*?)[ \t]*(?:\r?\n|$)")
_YAML_FENCE = regex.compile(r"[ \t]*---[ \t]*\r?\n")
_YAML_LINE = regex.compile(r"[ \t]*(?P<key>[\w.-]{1,40})[ \t]*:[ \t]*(?P<value>[^\n]*?)[ \t]*(?:\r?\n|$)")
_YAML_END = regex.compile(r"[ \t]*(?:---|\.\.\.)[ \t]*(?:\r?\n|$)")
_JSON_STRING = regex.compile(r'"(?P<key>[^"\\]{1,40})"\s*:\s*"(?P<value>(?:[^"\\]|\\.)*)"')

# header keys, lower case, and the record field they feed
KEY_FIELDS = {
    "url": "url", "link": "url", "source_url": "url", "canonical": "url",
    "date": "published", "published": "published", "publish_date": "published", "pubdate": "published",
    "published_at": "published", "datetime": "published", "time": "published", "created": "published",
    "title": "title", "headline": "title",
    "author": "authors", "authors": "authors", "byline": "authors",
    "source": "source", "outlet": "source", "publisher": "source", "site": "source",
}


@dataclass
class Header:
    meta: Dict[str, str] = field(default_factory=dict)
    spans: Dict[str, Tuple[int, int]] = field(default_factory=dict)  # key -> value offsets
    end: int = 0  # where the article proper starts


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
    fence = _YAML_FENCE.match(text, stripped)
    if fence:
        position = fence.end()
        meta, spans = {}, {}
        while True:
            closing = _YAML_END.match(text, position)
            if closing:
                header.meta, header.spans, header.end = meta, spans, closing.end()
                return header
            line = _YAML_LINE.match(text, position)
            if not line or line.end() == position:
                break  # not front matter after all
            value, start = _strip_quotes(line.group("value"), line.start("value"))
            meta[line.group("key")] = value
            spans[line.group("key")] = (start, start + len(value))
            position = line.end()
    position = 0
    while True:
        m = _COMMENT.match(text, position)
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


def field_values(header: Header):
    """``(field, key, value, (start, end))`` for every header key that feeds a record field."""
    for key, value in header.meta.items():
        name = KEY_FIELDS.get(key.lower())
        if name and value:
            yield name, key, value, header.spans.get(key)

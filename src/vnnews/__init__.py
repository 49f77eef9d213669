"""vnnews: raw Vietnamese news article text in, structured records with character offsets out.

    >>> import vnnews
    >>> article = vnnews.parse_article(text)
    >>> article.to_json()

The public names are imported on first use so that ``import vnnews`` stays fast; underthesea is
loaded only when a tokenized parse first needs it.
"""
from __future__ import annotations

import importlib

__version__ = "1.0.0"

# public name -> module that defines it
_EXPORTS = {
    "parse_article": "article",
    "parse_number": "numbers",
    "extract_facts": "facts",
    "parse_date": "dates",
    "find_dates": "dates",
    "read_text": "decode",
    "DecodeError": "decode",
    "parse_many": "batch",
    "Article": "model",
    "Author": "model",
    "Caption": "model",
    "DateMention": "model",
    "Fact": "model",
    "Image": "model",
    "Paragraph": "model",
    "ParseWarning": "model",
    "Sentence": "model",
    "Span": "model",
    "Token": "model",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError("module 'vnnews' has no attribute %r" % name)
    value = getattr(importlib.import_module("vnnews." + module), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))

"""parse_article: the pipeline that turns one article text into an Article record (provisional)."""
from __future__ import annotations

from .model import Article


def parse_article(text: str, *, tokenize: bool = True) -> Article:
    if not isinstance(text, str):
        raise TypeError("parse_article() takes str, not %s" % type(text).__name__)
    return Article()

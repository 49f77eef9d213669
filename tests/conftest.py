"""Shared helpers for the record tests: the fixtures on disk, white space folding, a generic walk
over a record's spans, and a view of a record shaped like the hand-made expected files."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCORED = ("money", "percent", "quantity", "rate")
_SPACE = re.compile("[\\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+")


def parse(text: str, tokenize: bool = False):
    from vnnews import parse_article  # imported late: a broken parser fails tests, not collection

    return parse_article(text, tokenize=tokenize)


def fold(text):
    """NFC, every run of white space (NBSP, zero-width too) as one space, trimmed; None stays None."""
    return None if text is None else _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fixture_names():
    """Every fixtures/NAME.txt that has a NAME.expected.json beside it."""
    return sorted(p.name[: -len(".expected.json")] for p in FIXTURES.glob("*.expected.json")
                  if (FIXTURES / (p.name[: -len(".expected.json")] + ".txt")).exists())


def load_fixture(name: str):
    """(text, expected) of a fixture; the text exactly as on disk (no newline translation)."""
    text = (FIXTURES / (name + ".txt")).read_bytes().decode("utf-8")
    return text, json.loads((FIXTURES / (name + ".expected.json")).read_text(encoding="utf-8"))


def number(value):
    """A value compared across int/float: 99.6 and 99.60000000000001 are the same, 51.0 is 51."""
    value = round(float(value), 6)
    return int(value) if value.is_integer() else value


def fact_view(fact) -> dict:
    get = (lambda k: fact.get(k)) if isinstance(fact, dict) else (lambda k: getattr(fact, k))
    return {"text": fold(get("text")), "kind": get("kind"), "value": number(get("value")),
            "unit": get("unit"), "qualifier": get("qualifier")}


def scored_facts(article):
    return [fact_view(f) for f in article.facts if f.kind in SCORED]


def _texts(items, key="text"):
    return [fold(i if isinstance(i, str) else i[key] if isinstance(i, dict) else getattr(i, key)) for i in items]


def view(article) -> dict:
    """The record in the shape of the expected files (display strings folded)."""
    published = article.published.isoformat() if article.published is not None else None
    return {
        "title": fold(article.title), "published": published,
        "authors": _texts(article.authors, "name"), "source": fold(article.source), "url": article.url,
        "images": [{"placeholder": i.placeholder, "alt": fold(i.alt), "caption": fold(i.caption)} for i in article.images],
        "captions": _texts(article.captions), "paragraphs": _texts(article.paragraphs),
        "facts": scored_facts(article),
    }


def expected_view(expected: dict) -> dict:
    """An expected file in the same shape (it may give strings or objects with offsets)."""
    out = {k: fold(expected.get(k)) for k in ("title", "source")}
    out.update(published=expected.get("published"), url=expected.get("url"),
               authors=_texts(expected["authors"], "name"), captions=_texts(expected["captions"]),
               paragraphs=_texts(expected["paragraphs"]))
    out["images"] = [{k: (i.get(k) if k == "placeholder" else fold(i.get(k))) for k in ("placeholder", "alt", "caption")}
                     for i in expected["images"]]
    out["facts"] = [dict(fact_view(f), **({} if "qualifier" in f else {"qualifier": ...})) for f in expected["facts"]]
    return out


def match_facts(got: list, expected: list) -> list:
    """``got`` with the loose parts of ``expected`` filled in, to compare with ``==``: an expected fact
    without a ``qualifier`` key is a range end (qualifier not checked, and its text may be the whole
    range or only the part that holds the number)."""
    out = []
    for g, e in zip(got, expected):
        g = dict(g)
        if e["qualifier"] is ...:
            g["qualifier"] = ...
            if g["text"] and g["text"] in e["text"]:
                g["text"] = e["text"]
        out.append(g)
    return out + got[len(expected):]


def check_spans(text: str, article) -> int:
    """Assert the offset contract on every object with start/end; returns how many were checked.
    ``text``-bearing objects give back their text exactly (Article.offset_errors); ``name``-bearing
    ones (display strings) give it back up to white space folding and NFC."""
    errors = article.offset_errors(text)
    assert not errors, errors[:3]
    pieces = list(article.pieces())
    for obj in pieces:
        if not isinstance(getattr(obj, "text", None), str) and isinstance(getattr(obj, "name", None), str):
            assert fold(text[obj.start:obj.end]) == fold(obj.name), obj
    return len(pieces)

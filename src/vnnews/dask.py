"""Parse texts on a Dask cluster: ``parse_bag`` for a ``dask.bag``, ``parse_dataframe`` for a
``dask.dataframe``. Needs the ``dask`` extra (``pip install 'vnnews[dask]'``); dask is imported only
when these functions run, so ``import vnnews.dask`` itself never fails.

A text the parser fails on gives, like :func:`vnnews.parse_many`, an empty record whose only
warning has code ``"parse_error"``: no row is dropped.
"""
from __future__ import annotations

import json
from typing import Optional

from .batch import parse_safely
from .model import DateValue

# the flattened columns parse_dataframe adds, besides "article" (the whole record as JSON)
FLAT_COLUMNS = ("title", "published", "authors", "source", "lead", "warnings")


def _require_dask():
    try:
        import dask.bag  # noqa: F401
        import dask.dataframe  # noqa: F401
    except ImportError as error:
        raise ImportError(
            "vnnews.dask needs dask: pip install 'vnnews[dask]' (dask[bag,dataframe] and distributed)"
        ) from error


def parse_text(text, tokenize: bool = True, reference: Optional[DateValue] = None) -> dict:
    """One text to the JSON-ready dict of its Article (what ``Article.to_dict()`` gives);
    ``reference`` as in :func:`vnnews.parse_article`."""
    return parse_safely(text, tokenize, reference).to_dict()


def parse_bag(bag, tokenize: bool = True, reference: Optional[DateValue] = None):
    """A ``dask.bag.Bag`` of texts to a Bag of article dicts, in the same order."""
    _require_dask()
    return bag.map(parse_text, tokenize=tokenize, reference=reference)


def _flat(record: dict) -> dict:
    lead = record["lead"]
    return {
        "title": record["title"],
        "published": record["published"],  # ISO 8601 string
        "authors": "; ".join(author["name"] for author in record["authors"]) or None,
        "source": record["source"],
        "lead": lead["text"] if lead else None,
        "warnings": " ".join(warning["code"] for warning in record["warnings"]) or None,
    }


def _parse_partition(frame, text_column: str, tokenize: bool, reference: Optional[DateValue] = None):
    import pandas

    records = [parse_text(text, tokenize, reference) for text in frame[text_column]]
    flats = [_flat(record) for record in records]
    columns = {name: [flat[name] for flat in flats] for name in FLAT_COLUMNS}
    columns["article"] = [json.dumps(record, ensure_ascii=False) for record in records]
    added = pandas.DataFrame(columns, index=frame.index, dtype=object)
    return pandas.concat([frame, added], axis=1)


def parse_dataframe(ddf, text_column: str = "text", tokenize: bool = True, reference: Optional[DateValue] = None):
    """``ddf`` with the parsed article of ``text_column`` added as columns.

    Added columns (Python strings or None): ``title``, ``published`` (ISO 8601), ``authors``
    (names joined by ``"; "``), ``source``, ``lead`` (the sapo text), ``warnings`` (codes joined by
    spaces) and ``article``: the whole record as JSON, for ``Article.from_json``. Raises
    ValueError if ``ddf`` already has a column of one of those names.
    """
    _require_dask()
    clash = sorted(set(FLAT_COLUMNS + ("article",)) & set(ddf.columns))
    if clash:
        raise ValueError("parse_dataframe would overwrite columns %s: rename them first" % clash)
    return ddf.map_partitions(_parse_partition, text_column, tokenize, reference,
                              meta=_parse_partition(ddf._meta, text_column, tokenize, reference))

"""Atheris fuzz target: bytes -> read_text (DecodeError allowed), and str -> parse_article(tokenize=False)
with the offset contract checked on the record. See fuzz/README.md."""
import dataclasses
import math
import sys

import atheris

with atheris.instrument_imports():
    import vnnews
    from vnnews import decode, normalize  # noqa: F401  (instrumented for coverage)


def walk(obj):
    if dataclasses.is_dataclass(obj):
        yield obj
        for field in dataclasses.fields(obj):
            yield from walk(getattr(obj, field.name))
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from walk(item)


def check(text):
    article = vnnews.parse_article(text, tokenize=False)
    for obj in walk(article):
        start, end = getattr(obj, "start", None), getattr(obj, "end", None)
        if start is None and end is None:
            continue
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text), obj
        if isinstance(getattr(obj, "text", None), str):
            assert text[start:end] == obj.text, (obj, text[start:end])
        if isinstance(obj, vnnews.Fact):
            assert math.isfinite(obj.value), obj
    assert vnnews.Article.from_json(article.to_json()) == article


def test_one_input(data: bytes):
    provider = atheris.FuzzedDataProvider(data)
    if provider.ConsumeBool():  # the bytes path: decode, then parse what came out
        try:
            text = vnnews.read_text(provider.ConsumeBytes(provider.remaining_bytes())).text
        except vnnews.DecodeError:
            return
    else:
        text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
    check(text)


def main():
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Atheris fuzz target: bytes -> read_text (DecodeError allowed) and str -> parse_article(tokenize=False),
with the offset contract, finite values and the JSON round trip checked on the record. See fuzz/README.md."""
import re
import sys

import atheris

with atheris.instrument_imports():  # the whole pipeline, imported here so that coverage guides the fuzzer
    import vnnews
    import vnnews.article  # noqa: F401
    import vnnews.decode  # noqa: F401
    import vnnews.normalize


_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def check(text):
    article = vnnews.parse_article(text, tokenize=False)
    errors = article.offset_errors(text)
    assert not errors, errors[:3]
    # JSON cannot tell a high and a low surrogate side by side from the astral character they pair
    # into: such a str (not valid Unicode; no decoder makes one) reads back as that character. The
    # display strings come from the normalized text, where dropping a zero-width character between
    # two surrogates puts them side by side
    if not (_SURROGATE_PAIR.search(text) or _SURROGATE_PAIR.search(vnnews.normalize.normalize(text).text)):
        assert vnnews.Article.from_json(article.to_json()) == article


def test_one_input(data: bytes):
    # the first byte picks the path, so that seeds are plain files with one byte in front
    mode, rest = (data[0] % 3, data[1:]) if data else (0, b"")
    if mode == 0:  # bytes: decode, then parse what came out
        try:
            text = vnnews.read_text(rest).text
        except vnnews.DecodeError:
            return
    elif mode == 1:  # UTF-8, so that mutations of Vietnamese seeds stay Vietnamese-like
        text = rest.decode("utf-8", "replace")
    else:  # any str, lone surrogates included
        text = atheris.FuzzedDataProvider(rest).ConsumeUnicode(len(rest))
    check(text)


def main():
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

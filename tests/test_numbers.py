"""parse_number: one case per row of tests/corpora/numbers.tsv and numbers_not.tsv, plus the properties
of the result and the schema of the lexicon it reads."""
from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import rows
from vnnews import lexicon, parse_number


@pytest.mark.parametrize("phrase,expected", rows("numbers.tsv", 2))
def test_corpus(phrase, expected):
    expected = (float if "." in expected or "e" in expected else int)(expected)
    got = parse_number(phrase)
    assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize("phrase", rows("numbers_not.tsv", 1) + [""])
def test_not_a_number(phrase):
    assert parse_number(phrase) is None


# every key of numbers.json the code reads, with its type (maps: word -> value)
_NUMBER_KEYS = {
    "digits": int, "after_tens_only": int, "scales": int, "digit_suffixes": str,
    **dict.fromkeys(["spoken_tens", "not_last_digit", "not_after_ten", "ten", "tens_marker", "zero_tens",
                     "not_scales", "fact_scales", "money_scales", "digit_only_scales", "half", "half_alone",
                     "decimal_point", "decimal_point_leads", "fraction", "minus", "minus_number_only", "plus"], list),
}


@pytest.mark.parametrize("key,kind", _NUMBER_KEYS.items())
def test_numbers_lexicon(key, kind):
    """numbers.json: each key with its type; words lower case (but the scale letters), NFC, trimmed."""
    value = lexicon.load("numbers")[key]
    if kind is list:
        assert isinstance(value, list)
        words = value
    else:
        assert isinstance(value, dict) and all(type(v) is kind for v in value.values())
        words = list(value)
    assert words and all(isinstance(w, str) and w and w == w.strip() for w in words)
    assert all(unicodedata.is_normalized("NFC", w) for w in words)
    assert key == "digit_suffixes" or all(w == w.lower() for w in words)


def test_numbers_lexicon_keys():
    """No key the code does not read; the keys that start with ``_`` are comments (strings)."""
    numbers = lexicon.load("numbers")
    assert {k for k in numbers if not k.startswith("_")} == set(_NUMBER_KEYS)
    assert all(isinstance(numbers[k], str) for k in numbers if k.startswith("_"))


def test_exact_arithmetic():
    """No floating error: scale words multiply exactly, integral values come back as int."""
    assert parse_number("1,2 nghìn tỷ") == 1_200_000_000_000
    assert parse_number("0,1 tỷ") == 100_000_000
    assert isinstance(parse_number("2,5 triệu"), int)
    assert parse_number("99,6") == 99.6


@pytest.mark.parametrize("value", [None, 5, 3.2, b"5", ["5"]])
def test_not_a_string(value):
    assert parse_number(value) is None


def _vietnamese(number: int) -> str:
    """1234567 as Vietnamese writes it: 1.234.567."""
    return "{:,}".format(number).replace(",", ".")


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10 ** 15), st.integers(0, 99))
def test_digits_round_trip(whole, cents):
    assert parse_number(_vietnamese(whole)) == whole
    assert parse_number("%s,%02d" % (_vietnamese(whole), cents)) == (float(Decimal("%d.%02d" % (whole, cents))) if cents else whole)
    assert parse_number("%s tỷ" % _vietnamese(whole)) == whole * 10 ** 9


_ALPHABET = "0123456789.,%$ -/:abcđkmtrnghìnàtỷỉệuiămươmườilinhlẻrưỡiphẩy"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40) | st.text(max_size=30))
def test_never_raises(text):
    got = parse_number(text)
    assert got is None or isinstance(got, (int, float))


def test_long_input_is_not_a_number():
    """A megabyte of digits and separators is rejected (its timing is in the benchmarks)."""
    for text in ("1." * 500_000, "1" * 1_000_000, "một " * 250_000, "một nghìn " * 100_000, "1 tỷ " * 100_000):
        assert parse_number(text) is None

@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10 ** 35), st.lists(st.sampled_from(["chục", "trăm", "nghìn", "triệu", "tỷ"]), max_size=3))
def test_whole_amounts_read_as_in_decimal(whole, scales):
    """Whole digits with scale words are read in int arithmetic: the same value as in Decimal, also
    past Decimal's 28 digits, where the Decimal product is rounded."""
    from vnnews import numbers

    expected = Decimal(whole)
    for scale in scales:
        expected *= Decimal(numbers.words().scales[scale])
    got = parse_number(" ".join([str(whole)] + scales))
    assert got == numbers.plain(expected) and type(got) is int

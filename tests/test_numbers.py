"""parse_number: one case per row of tests/corpora/numbers.tsv, plus the properties of the result."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnnews import parse_number

CORPUS = Path(__file__).parent / "corpora" / "numbers.tsv"


def _rows():
    for number, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        phrase, expected = line.split("\t")
        yield pytest.param(phrase, None if expected == "None" else eval(expected), id="%d:%s" % (number, phrase))


@pytest.mark.parametrize("phrase,expected", list(_rows()))
def test_corpus(phrase, expected):
    got = parse_number(phrase)
    assert got == expected and type(got) is type(expected)


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

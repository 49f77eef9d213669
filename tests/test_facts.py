"""extract_facts: one case per row of tests/corpora/facts.tsv, plus offsets, order and speed."""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnnews import extract_facts

CORPUS = Path(__file__).parent / "corpora" / "facts.tsv"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# kind value unit [~qualifier] [[text]]
_FACT = re.compile(r"(\w+) (\S+) (.+?)(?: ~(.+?))?(?: \[(.+)\])?$")


def _expected(cell: str):
    if cell == "-":
        return []
    facts = []
    for part in cell.split(" | "):
        kind, value, unit, qualifier, text = _FACT.match(part).groups()
        facts.append((kind, float(value), unit, qualifier, text))
    return facts


def _rows():
    for number, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        text, expected = line.split("\t")
        yield pytest.param(text, _expected(expected), id="%d:%s" % (number, text[:40]))


def _check_spans(text, facts):
    for fact in facts:
        assert text[fact.start:fact.end] == fact.text
        assert fact.sentence is None
    assert [f.start for f in facts] == sorted(f.start for f in facts)


@pytest.mark.parametrize("text,expected", list(_rows()))
def test_corpus(text, expected):
    facts = extract_facts(text)
    _check_spans(text, facts)
    got = [(f.kind, float(f.value), f.unit, f.qualifier, f.text) for f in facts]
    # the text is checked only where the corpus row gives it
    got = [g if e[4] is not None else g[:4] + (None,) for g, e in zip(got, expected)] + got[len(expected):]
    assert got == expected


def test_seed_article():
    text = (FIXTURES / "seed-cualo-2017.txt").read_bytes().decode("utf-8")
    facts = extract_facts(text)
    _check_spans(text, facts)
    assert [(f.kind, f.value, f.unit, f.qualifier, f.text) for f in facts] == [
        ("money", 1839000000000, "VND", "trên", "1.839 tỷ đồng"),
        ("percent", 51, "%", None, "51 %"),
        ("money", 3679000000000, "VND", None, "3.679 tỷ đồng"),
        ("rate", 99.6, "thuê bao/100 dân", None, "99,6 thuê bao/100 dân"),
        ("percent", 100, "%", None, "100%"),
    ]
    assert facts[0].start == 1257 and facts[0].end == 1270


def test_value_types():
    facts = extract_facts("tăng 9,6% lên 1,2 nghìn tỷ đồng")
    assert facts[0].value == 9.6 and isinstance(facts[0].value, float)
    assert facts[1].value == 1_200_000_000_000 and isinstance(facts[1].value, int)


def test_offsets_point_into_decomposed_input():
    """NFD input (some scrapers, Windows-1258 conversions) reads the same, offsets into the input."""
    text = unicodedata.normalize("NFD", "Hiện ngán có giá bán từ 300.000 đồng - 500.000 đồng/kg tùy loại")
    facts = extract_facts(text)
    assert [(f.kind, f.value, f.unit) for f in facts] == [("money", 300000, "VND"), ("money", 500000, "VND")]
    _check_spans(text, facts)
    assert unicodedata.normalize("NFC", facts[1].text) == "500.000 đồng/kg"


def test_does_not_import_underthesea():
    import subprocess

    code = "import vnnews.facts, sys; assert 'underthesea' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


_LETTERS = "0123456789 .,-/:%$đồngtỷriệuhàmươiứạnđếbkmgiá\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=80) | st.text(max_size=60))
def test_spans_hold_on_any_text(text):
    _check_spans(text, extract_facts(text))


@pytest.mark.parametrize("text", ["1." * 100_000, "1" * 200_000, "1-" * 100_000, "năm " * 50_000,
                                  "1 " * 100_000, "a1" * 100_000, " 1 triệu" * 20_000, "hai mươi " * 20_000,
                                  "một nghìn " * 20_000, "5 triệu người, " * 10_000])
def test_hostile_input(text):
    """200 KB of digits, separators or number words: facts with valid spans (how long it takes is
    measured in benchmarks/bench_linearity.py, not here)."""
    _check_spans(text, extract_facts(text))


@pytest.mark.parametrize("text,expected", list(_rows()))
def test_search_engines_agree(text, expected):
    """Latin and Vietnamese text is searched with re; one character outside those scripts (here a
    CJK one) sends the text to regex. Both find the same facts."""
    assert extract_facts(text + " 中") == extract_facts(text)

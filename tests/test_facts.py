"""extract_facts: one case per row of tests/corpora/facts.tsv and facts_not.tsv, plus offsets, order,
the engines' agreement and the schema of the lexicon it reads."""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import rows
from vnnews import extract_facts, lexicon
from vnnews.facts.grammar import grammar

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# kind value unit [~qualifier] [[text]]
_FACT = re.compile(r"(\w+) (\S+) (.+?)(?: ~(.+?))?(?: \[(.+)\])?$")


def _expected(cell: str):
    facts = []
    for part in cell.split(" | "):
        kind, value, unit, qualifier, text = _FACT.match(part).groups()
        facts.append((kind, float(value), unit, qualifier, text))
    return facts


POSITIVE = rows("facts.tsv", 2)
NEGATIVE = rows("facts_not.tsv", 1)


def _check_spans(text, facts):
    for fact in facts:
        assert text[fact.start:fact.end] == fact.text
        assert fact.sentence is None
    assert [f.start for f in facts] == sorted(f.start for f in facts)


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_corpus(text, expected):
    expected = _expected(expected)
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


@pytest.mark.parametrize("text,per", [
    ("Giá thịt lợn hơi 62.000 đồng/kg", "kg"), ("xuất khẩu 3 USD/thùng", "thùng"), ("lãi 5%/năm", "năm"),
    ("cấp 3 triệu đồng/em/tháng", "em/tháng"), ("đạt 99,6 thuê bao/100 dân", "100 dân"), ("chạy 50 km/h", "h"),
    ("giá 62.000 đồng", None), ("có 50 km", None),
])
def test_per(text, per):
    """One design for every kind: the unit stays what the kind has (VND for money, km/h for a rate),
    and ``per`` says what the amount is per."""
    assert [f.per for f in extract_facts(text)] == [per]


@pytest.mark.parametrize("text", [
    "Giá 300.000 - 500.000 đồng/kg", "Giá 300.000đ-500.000đ/kg", "Giá 300.000đ/kg-500.000đ/kg", "Giá 300.000đ/kg-500.000đ",
    "Giá từ 300.000đ đến 500.000đ/kg", "Giá 300.000 đồng - 500.000 đồng/kg",
])
def test_per_is_shared_by_the_ends_of_a_range(text):
    facts = extract_facts(text)
    assert [(f.value, f.unit, f.per) for f in facts] == [(300000, "VND", "kg"), (500000, "VND", "kg")]


@pytest.mark.parametrize("text", ["Giá 300.000 đồng và 500.000 đồng/kg", "Giá mất 300.000 đồng xuống 500.000 đồng/kg"])
def test_per_is_not_shared_across_a_list_or_a_change(text):
    """và lists two prices; xuống without từ joins a change and the price it leads to."""
    assert [(f.value, f.per) for f in extract_facts(text)] == [(300000, None), (500000, "kg")]


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


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_fact(text):
    assert extract_facts(text) == []


@pytest.mark.parametrize("text", [p.values[0] for p in POSITIVE + NEGATIVE])
def test_search_engines_agree(text):
    """Latin and Vietnamese text is searched with re; one character outside those scripts (here a
    CJK one) sends the text to regex. Both find the same facts."""
    assert extract_facts(text + " 中") == extract_facts(text)


# every key of units.json the code reads, with its shape: ISO code -> spellings, spelling -> ISO code, or words
_UNIT_KEYS = {
    "currencies": "codes", "currency_prefixes": "codes", "currency_subunits": "code_map", "money_after_scale": "code_map",
    "money_after_thousands": "words", "glued_place_units": "words", "multiple_marks": "word_map",
    "spoken_cents": "code_list",
    **dict.fromkeys([
        "small_count_currencies", "subunit_joiners", "percent", "measures", "time_units", "qualifiers",
        "vague_qualifiers", "ordinal_before", "score_before", "date_before", "date_prepositions", "range_words",
        "money_verbs", "money_abbreviations", "spoken_cents_leads", "noun_modifiers", "rate_units", "per_words", "per_time_words", "range_openers", "opened_range_words", "list_range_words", "stop_after", "counted_nouns", "not_ordinal_before", "comparatives",
        "multiples", "capital_ordinals", "units_before", "money_links", "multiple_cues"], "words"),
}


@pytest.mark.parametrize("key,shape", _UNIT_KEYS.items())
def test_units_lexicon(key, shape):
    """units.json: each key with its type; words non-empty strings, NFC, without stray spaces;
    currencies keyed by ISO 4217 codes, and lists of codes of those currencies."""
    value = lexicon.load("units")[key]
    if shape == "codes":
        assert isinstance(value, dict) and all(re.fullmatch("[A-Z]{3}", code) for code in value)
        words = [w for names in value.values() for w in names]
    elif shape == "code_map":
        assert isinstance(value, dict) and all(re.fullmatch("[A-Z]{3}", code) for code in value.values())
        words = list(value)
    elif shape == "word_map":
        assert isinstance(value, dict) and all(isinstance(unit, str) and unit for unit in value.values())
        words = list(value)
    elif shape == "code_list":
        assert isinstance(value, list) and all(code in lexicon.load("units")["currencies"] for code in value)
        words = value
    else:
        assert isinstance(value, list)
        words = value
    assert words and all(isinstance(w, str) and w and w == w.strip() and "  " not in w for w in words)
    assert all(unicodedata.is_normalized("NFC", w) for w in words)


def test_units_lexicon_keys():
    """No key the code does not read; the keys that start with ``_`` are comments (strings)."""
    units = lexicon.load("units")
    assert {k for k in units if not k.startswith("_")} == set(_UNIT_KEYS)
    assert all(isinstance(units[k], str) for k in units if k.startswith("_"))


def test_a_wide_line_break_parts_an_amount_as_any_line_break_does():
    # text with U+2028/U+2029 is read by the regex module's patterns (see text.STDLIB_INLINE_SPACE)
    text = "Ngày 5\u2028tháng 7 có 1,5\u2028triệu USD và 30\u2028%; 7 tấn\u2029thép 45 triệu đồng\u2028"
    found = [(f.text, f.start, f.value, f.unit) for f in extract_facts(text)]
    assert found == [("7 tấn", 41, 7, "tấn"), ("45 triệu đồng", 52, 45000000, "VND")]
    assert found == [(f.text, f.start, f.value, f.unit) for f in extract_facts(text.replace("\u2028", "\n").replace("\u2029", "\n"))]



@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["tỷ", "Tỷ", "TRIỆU", "trăm", "phần trăm", "điểm phần trăm", "đô", "đô la", "đô-la",
                                 "đôla", "chấm", "mươi", "Bảng Anh", "ngàn", "hai", "x", "5", " ", "  ", "\n", "-", "_"]),
                max_size=12).map("".join))
def test_lead_keys_find_every_lead_word(text):
    """_word_starts looks for the lead words that hold no other (Grammar.lead_keys, with their offsets
    in the others) rather than searching the trie through the text: every position where the trie
    matches is a start the keys give."""
    g = grammar()
    low = text.lower()
    trie = {i for i in range(len(low)) if g.leads.match(low, i)}
    starts = {k - offset for key, offsets in g.lead_keys for k in range(len(low)) if low.startswith(key, k) for offset in offsets}
    assert trie <= starts
    assert all(any(key in anchor for key, _ in g.lead_keys) for anchor in g.anchors)

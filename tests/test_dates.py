"""vnnews.dates: one pytest case per row of the corpora tests/corpora/dates*.tsv and date_lines*.tsv
(read by tests/corpus.py), the contract without a reference, and the lexicon's shape."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from corpus import rows
from vnnews import lexicon
from vnnews.dates import find_date_line, find_dates, parse_date
from vnnews.model import VIETNAM_TZ, decode_date


def value_of(cell):
    return None if cell is None else decode_date(cell)


def assert_same(value, expected):
    """Same type (a date is not a datetime), same instant, and a datetime is in +07:00."""
    assert type(value) is type(expected), (value, expected)
    assert value == expected
    if isinstance(value, dt.datetime):
        assert value.utcoffset() == dt.timedelta(hours=7)


@pytest.mark.parametrize("phrase, reference, expected, prefer", rows("dates.tsv", 4))
def test_parse_date(phrase, reference, expected, prefer):
    assert_same(parse_date(phrase, value_of(reference), prefer=prefer), value_of(expected))


@pytest.mark.parametrize("phrase", ["từ 20/5 đến 45/6", "08:30-25:00", "giai đoạn 2021-2525"])
def test_a_range_needs_both_ends(phrase):
    """parse_date gives a range's first end only where the last one is a date too."""
    assert parse_date(phrase, dt.date(2017, 7, 28)) is None


def test_prefer_is_checked():
    with pytest.raises(ValueError):
        parse_date("28/7", dt.date(2017, 7, 28), prefer="later")
    with pytest.raises(ValueError):
        find_dates("28/7", dt.date(2017, 7, 28), prefer="Past")


@pytest.mark.parametrize("phrase, reference", rows("dates_not.tsv", 2))
def test_not_a_date(phrase, reference):
    phrase = phrase or ""  # a phrase of none: the empty string
    assert parse_date(phrase, value_of(reference)) is None
    assert find_dates(phrase, value_of(reference)) == []


def _find_rows():
    """dates_find.tsv: text, reference, then one cell per mention (``text=ISO value``; the first end of
    a range ends in ``..``, its last end starts with ``..``)."""
    return [pytest.param(p.values[0], p.values[1], p.values[2:], id=p.id) for p in rows("dates_find.tsv")]


def _mention(cell: str):
    """(text, ISO value, range part) of a mention cell."""
    part = "start" if cell.endswith("..") else "end" if cell.startswith("..") else None
    text, value = cell.removesuffix("..").removeprefix("..").rsplit("=", 1)
    return text, value, part


@pytest.mark.parametrize("text, reference, expected", _find_rows())
def test_find_dates(text, reference, expected):
    mentions = find_dates(text, value_of(reference))
    for m in mentions:
        assert text[m.start:m.end] == m.text
    expected = [_mention(cell) for cell in expected]
    assert [(m.text, m.range_part) for m in mentions] == [(text, part) for text, _, part in expected]
    for m, (_, value, _) in zip(mentions, expected):
        assert_same(m.value, value_of(value))


@pytest.mark.parametrize("line, expected, span", rows("date_lines.tsv", 3) + [
    pytest.param("# date = 20201001", "2020-10-01", "20201001", id="a line that the corpus would read as a comment")])
def test_date_line(line, expected, span):
    value, start, end = find_date_line(line)
    assert_same(value, value_of(expected))
    assert line[start:end] == span


@pytest.mark.parametrize("line", rows("date_lines_not.tsv", 1))
def test_not_a_date_line(line):
    assert find_date_line(line) is None


# the shape of every entry of lexicon/dates.json: "words" a list of lower-case strings, "word" one,
# "map:T" an object from lower-case keys to values of shape T ("int", "word", "pair": [int, int],
# "nth_weekday": [which 1-5, weekday 0-6, month 1-12], "period": [unit, int], "units": {unit: int}, "part": a part of day's rule)
_UNITS = {"day", "week", "month", "quarter", "year"}
_LEXICON_SHAPES = {
    "day_words": "words", "week_word": "word", "month_word": "word", "month_word_abbreviations": "words", "quarter_word": "word", "quarter_letter": "word",
    "year_word": "word", "month_letter": "word", "decade_words": "words", "century_words": "words", "century_ordinals": "words",
    "relative_centuries": "map:int", "decade_not_before": "words", "decade_links": "words", "weekday_word": "word",
    "hour_words": "words", "minute_words": "words", "second_words": "words", "half_hour_words": "words", "to_the_hour_words": "words",
    "weekdays": "map:int", "sundays": "words", "weekday_abbreviations": "map:int", "months": "map:int", "glued_parts_of_day": "words", "english_months": "map:int", "ordinal_suffixes": "words",
    "parts_of_day": "map:part", "relative_days": "map:int", "short_relative_days": "map:int",
    "lone_relative_days": "words", "same_day": "words", "relative_periods": "map:period", "shift_units": "map:word",
    "clock_shift_units": "map:word", "shift_directions": "map:int", "shift_ago": "words", "shift_later": "words",
    "shift_blockers": "words", "span_cues": "words", "coming_directions": "words", "shift_later_tails": "words",
    "shift_half_counts": "words", "shift_half_tails": "words", "small_numbers": "map:int", "count_words": "words", "period_parts": "map:units",
    "unit_compounds": "words", "anaphoric_tails": "words", "directions": "map:int", "holidays": "map:pair",
    "weekday_holidays": "map:nth_weekday", "named_days": "map:pair",
    "named_day_prefixes": "words", "lunar_markers": "words", "leap_month_words": "words", "lunar_new_year": "words",
    "lunar_new_year_day_words": "words", "lunar_new_year_eve": "words", "solar_new_year_words": "words",
    "full_moon": "map:int", "lunar_year_stems": "map:int", "lunar_year_branches": "map:int",
    "lunar_holidays": "map:pair", "connectors": "words", "now_words": "words", "period_links": "words", "quarter_names": "map:int", "quarter_name_blockers": "words",
    "nth_units": "map:word", "nth_positions": "map:int", "range_links": "words", "range_openers": "words", "later_clock_units": "words", "year_range_words": "words", "cues": "words", "day_cues": "words",
    "number_cues": "words", "timezones": "words",
}


def _word(value):
    return isinstance(value, str) and value == value.lower() and value == " ".join(value.split()) and value


def _has_shape(value, shape):
    if shape == "word":
        return bool(_word(value))
    if shape == "words":
        return isinstance(value, list) and bool(value) and all(map(_word, value)) and len(set(value)) == len(value)
    if shape == "int":
        return type(value) is int
    if shape == "pair":
        return isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)
    if shape == "nth_weekday":
        return isinstance(value, list) and len(value) == 3 and all(type(v) is int for v in value) \
            and 1 <= value[0] <= 5 and 0 <= value[1] <= 6 and 1 <= value[2] <= 12
    if shape == "period":
        return isinstance(value, list) and len(value) == 2 and value[0] in _UNITS and type(value[1]) is int
    if shape == "units":
        return isinstance(value, dict) and set(value) <= _UNITS and all(type(v) is int for v in value.values())
    if shape == "part":
        return isinstance(value, dict) and set(value) <= {"pm", "midnight", "at", "twelve"} and "pm" in value
    kind, _, of = shape.partition(":")
    return kind == "map" and isinstance(value, dict) and bool(value) and \
        all(_word(k) and _has_shape(v, of) for k, v in value.items())


def test_lexicon_shape():
    """Every entry of lexicon/dates.json has its shape; a ``_name`` entry documents an entry that exists."""
    lex = lexicon.load("dates")
    entries = {k for k in lex if not k.startswith("_")}
    assert entries == set(_LEXICON_SHAPES)
    for name in entries:
        assert _has_shape(lex[name], _LEXICON_SHAPES[name]), name
    for note in (k for k in lex if k.startswith("_") and k != "_about"):
        assert isinstance(lex[note], str) and any(k.startswith(note[1:].rstrip("s")) for k in entries), note


@pytest.mark.parametrize("text, grain, relative", [
    ("28/7/2017", "day", False), ("10:30 28/7/2017", "time", False), ("tuần này", "week", True),
    ("tháng 10/2017", "month", False), ("tháng 7", "month", True), ("quý 3/2017", "quarter", False),
    ("năm 2017", "year", False), ("năm ngoái", "year", True), ("vào 28/7", "day", True), ("lúc 21h", "time", True),
    ("3 tuần sau", "day", True), ("Q3/2017", "quarter", False), ("thập niên 90", "decade", True),
    ("thập niên 1990", "decade", False), ("thế kỷ 21", "century", False), ("thế kỷ trước", "century", True),
])
def test_grain_and_relative(text, grain, relative):
    (mention,) = find_dates(text, dt.date(2017, 7, 28))
    assert (mention.grain, mention.relative) == (grain, relative)


@pytest.mark.parametrize("phrase", ["hôm nay", "hôm qua", "20 phút sau", "28/7", "ngày 15", "quý 3", "tháng 7",
                                    "thứ Hai", "Giáng sinh", "năm ngoái", "3 tuần sau", "thập niên 90", "21h",
                                    "rằm tháng Giêng", "đầu tháng 7"])
def test_no_reference_no_value(phrase):
    """Nothing reads the clock: what needs a reference has no value without one."""
    assert parse_date(phrase) is None
    (mention,) = find_dates(phrase)
    assert mention.value is None and mention.relative
    assert mention.grain == find_dates(phrase, dt.datetime(2017, 7, 28, 9, 0))[0].grain


def test_no_reference_keeps_absolute_dates():
    text = ("Hôm qua ông A đến. Ngày 20/5/2017 có mưa, đến 21h cùng ngày thì tạnh; 20 phút sau trời sáng. "
            "Sáng 28/7 họp, 9h tan; quý 3/2016 lãi, năm 2015 lỗ.")
    found = [(m.text, m.value, m.grain) for m in find_dates(text)]
    assert found == [
        ("Hôm qua", None, "day"), ("Ngày 20/5/2017", dt.date(2017, 5, 20), "day"),
        ("21h cùng ngày", dt.datetime(2017, 5, 20, 21, 0, tzinfo=VIETNAM_TZ), "time"),
        ("20 phút sau", None, "time"), ("Sáng 28/7", None, "day"), ("9h", None, "time"),  # the day before it is unknown
        ("quý 3/2016", dt.date(2016, 7, 1), "quarter"), ("năm 2015", dt.date(2015, 1, 1), "year")]
    assert parse_date("28/7/2017") == dt.date(2017, 7, 28)


@pytest.mark.parametrize("phrase", ["31/2", "ngày 30/2", "tháng 13", "ngày 32"])
def test_no_reference_still_checks_the_calendar(phrase):
    """A day or month that exists in no year is no date, with or without a reference."""
    assert find_dates(phrase + ".") == find_dates(phrase + ".", dt.date(2017, 7, 28)) == []


def test_bad_reference_type():
    with pytest.raises(TypeError):
        parse_date("hôm nay", "2017-07-28")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789/-.:, hgTZ+()ngàyháứôqubmaisờ", max_size=60) | st.text(max_size=60))
def test_never_raises_and_offsets_hold(text):
    parse_date(text, dt.date(2017, 7, 28))
    find_date_line(text)
    for m in find_dates(text, dt.date(2017, 7, 28)):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("unit", ["1/2/", "12/12/2012 ", "ngày 1 tháng thứ Hai tuần ", "1 "])
def test_megabyte_scan(unit):
    """A megabyte of digits, slashes or date words is scanned (its timing is in the benchmarks)."""
    text = unit * (1_000_000 // len(unit))
    for m in find_dates(text):
        assert text[m.start:m.end] == m.text

def test_a_wide_line_break_parts_a_date_as_any_line_break_does():
    # the scan reads U+2028/U+2029 as \x0b (see scanner._SCAN_INLINE_SPACE): no date spans one
    text = "Sáng 5\u2028tháng 7 năm 2024, sau 3\u2029ngày, lúc 8\u2028giờ 30 ngày 28/7/2024\u2028Thứ Ba, 17/09/2024"
    found = [(d.text, d.start) for d in find_dates(text)]
    assert found == [("ngày 28/7/2024", 50), ("Thứ Ba, 17/09/2024", 65)]
    assert found == [(d.text, d.start) for d in find_dates(text.replace("\u2028", "\n").replace("\u2029", "\n"))]

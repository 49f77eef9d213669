"""vnnews.dates: one pytest case per row of the corpora in tests/corpora/dates_*.tsv and date_lines.tsv."""
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from vnnews.dates import find_date_line, find_dates, parse_date
from vnnews.model import VIETNAM_TZ, decode_date

CORPORA = Path(__file__).parent / "corpora"


def rows(name):
    """The tab-separated rows of a corpus, as pytest params named file:line; lines without a tab are
    comments."""
    params = []
    for number, line in enumerate((CORPORA / name).read_text(encoding="utf-8").splitlines(), 1):
        if "\t" in line:
            cells = line.split("\t")
            params.append(pytest.param(*cells[:2], cells[2:], id="%s:%d" % (name, number)))
    return params


def value_of(cell):
    return None if cell in ("", "None") else decode_date(cell)


def assert_same(value, expected):
    """Same type (a date is not a datetime), same instant, and a datetime is in +07:00."""
    assert type(value) is type(expected), (value, expected)
    assert value == expected
    if isinstance(value, dt.datetime):
        assert value.utcoffset() == dt.timedelta(hours=7)


@pytest.mark.parametrize("phrase, reference, expected", rows("dates_absolute.tsv") + rows("dates_relative.tsv"))
def test_parse_date(phrase, reference, expected):
    assert_same(parse_date(phrase, value_of(reference)), value_of(expected[0]))


@pytest.mark.parametrize("phrase, reference, _", rows("dates_not.tsv"))
def test_not_a_date(phrase, reference, _):
    assert parse_date(phrase, value_of(reference)) is None
    assert find_dates(phrase, value_of(reference)) == []


@pytest.mark.parametrize("text, reference, expected", rows("dates_find.tsv"))
def test_find_dates(text, reference, expected):
    mentions = find_dates(text, value_of(reference))
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert [m.text for m in mentions] == [cell.rsplit("=", 1)[0] for cell in expected]
    for m, cell in zip(mentions, expected):
        assert_same(m.value, value_of(cell.rsplit("=", 1)[1]))


@pytest.mark.parametrize("line, expected, span", rows("date_lines.tsv"))
def test_date_line(line, expected, span):
    found = find_date_line(line)
    if expected == "None":
        assert found is None
    else:
        value, start, end = found
        assert_same(value, value_of(expected))
        assert line[start:end] == span[0]


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
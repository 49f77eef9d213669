"""Dates and times in Vietnamese news text: :func:`parse_date`, :func:`find_dates`, :func:`find_date_line`.

Values: a date gives ``datetime.date``; a date with a clock time gives an aware ``datetime`` in
``VIETNAM_TZ`` (+07:00). A time with ``Z`` or another offset (ISO, ``GMT+0``) is converted to +07:00;
a time without a zone is Vietnam time. Out-of-range pieces (31/2, month 13, hour 25) give None;
``24 giờ`` and ``12 giờ đêm`` are the midnight that ends the day (0:00 the day after), and so is
``nửa đêm`` (midnight) before a day: ``nửa đêm 20/7`` is 0:00 on 21 July; alone, as any part of day
alone, it is no date.

Resolution is against ``reference`` (a date, or a datetime taken in Vietnam time). Nothing reads
the clock: without a reference, a mention that needs one (``hôm qua``, ``20 phút sau``, ``28/7`` or
``quý 3`` without a year, a weekday, ``Giáng sinh``) keeps its text, grain and ``relative`` with
``value=None``, and :func:`parse_date` returns None for it; a date with its year resolves, and so
does a time after a day named before it in the same text (``ngày 20/5/2017 ... lúc 21h``). The rules:

- week, month, quarter and year expressions give their first day, a week starting on Monday
  (``tuần này``, ``tháng 10/2017``, ``quý 3``, ``năm ngoái``); a quarter is also written ``Q3/2020``,
  ``Q1 2021``, ``Q4-2019`` or ``Q2.2022``, in upper case and with a four-digit year only, as ``Q3``,
  ``Q.3`` and ``Q1, TP HCM`` are a district (Quận);
- a decade (``thập niên 1990``, ``thập kỷ 80``, ``những năm 90``) gives 1 January of its year that
  ends in 0 (the 1990s are 1990 to 1999), and a century (``thế kỷ 21``, ``thế kỷ XXI``, ``thế kỷ thứ
  20``) its first day by the formal count, century N from 1 January of year 100N - 99 (``thế kỷ 21``
  is 2001 to 2100); ``thế kỷ trước``/``này``/``tới`` is the one before, of or after the reference's.
  A decade's two digits are in the century named after it (``những năm 20 của thế kỷ trước`` is
  1920 in 2024), or else in the latest century where the decade does not start after the
  reference's decade (``thập niên 90`` is 1990 and ``thập niên 20`` 2020 in 2024). ``thế kỷ`` alone
  (``kỷ lục thế kỷ``) and a count (``hai thế kỷ trước``, ``trong nhiều thập niên``) are no date;
- a count shifts the reference by whole units and keeps the day: ``3 tuần sau`` is 21 days later,
  ``2 tháng trước`` the same day two months earlier; ``sau 3 ngày`` is 3 days later, but only before
  a stop (``sau 3 tháng thi công`` counts from another event); a count without ``trước``/``sau``/``nữa``
  is a duration (``3 tuần``, ``17 năm qua``, ``6 tháng đầu năm``), not a date, and so is the span of
  the coming days (``3 ngày tới``, as ``3 ngày qua``) while ``3 ngày nữa`` is the day 3 days later;
- hours and minutes shift the reference's time (``2 giờ trước``, ``30 phút trước``), so they resolve
  only against a reference that has one (a datetime), never against a bare date;
- ``đầu``/``giữa``/``cuối`` give the first day of the first, middle or last part: of a month the 1st,
  11th and 21st (as ``thượng``/``trung``/``hạ tuần``), of a year 1 January, 1 May and 1 September, of
  a quarter its first, second and third month, of a week Monday, Wednesday and Saturday; ``nửa
  đầu``/``nửa cuối`` (``nửa sau``) the first day of each half (``nửa cuối năm 2020`` is 1 July, of a
  month the 16th), while ``nửa`` before a unit counts (``nửa tháng trước`` is a duration);
- a bare weekday, month or quarter (``thứ Hai``, ``tháng 7``, ``quý 3``) is the latest one that starts
  on or before the reference, since news report the recent past; ``tới``/``sắp tới`` after it picks
  the next one, ``này`` the one in the reference's week or year, ``vừa qua`` the latest one;
- a day without a month (``ngày 15``) is that day in the reference's month or the month before or
  after, whichever is nearest the reference; in running text only before a stop (``Ngày 15, ...``);
- a day and month without a year (``28/7``, ``ngày 10-12``, ``Giáng sinh``) is the occurrence nearest
  the reference: its year, unless that is more than half a year away (``28/12`` read on 3 January is
  last December);
- a lunar (âm lịch) day is the solar day it falls on (:mod:`vnnews.lunar`, Vietnamese calendar): a
  day and month followed by ``âm lịch``, ``(âm lịch)``, ``ÂL`` or the leap word ``nhuận`` (``15/8 âm
  lịch``, ``mùng 1 tháng 2 nhuận năm 2023``), ``mùng 3 Tết`` and ``ngày 2 Tết``, ``rằm tháng Giêng``
  and the lunar holidays (``Tết Nguyên đán``, ``Giỗ Tổ Hùng Vương``, ``Trung thu``); a year is the
  lunar year, also one named in the 60-year cycle after ``năm`` after a lunar date or after ``Tết``
  (``rằm tháng Giêng năm Giáp Thìn``, ``Tết Giáp Thìn``: of the years of that name the one nearest
  the reference's, or the one written with it: ``Tết Mậu Thân 1968``); without a year a lunar day is
  the occurrence nearest the reference, as for ``28/7``; a lunar day that does not exist
  (day 30 of a 29-day month, a month that is not leap) is no date, and never the solar one. ``Tết``
  alone is no date, as it names the season more often than the day (``ăn Tết``, ``Tết này``), nor is
  a lunar month alone (``tháng 8 âm lịch``), which is no solar period. ``giao thừa`` (``đêm giao
  thừa``) is the last day of the lunar year, the day before Tết, whose year it takes (``giao thừa Tết
  Giáp Thìn`` is 9 February 2024); before a number, a year not named in the cycle or ``Dương lịch``
  (``giao thừa 31/12``, ``giao thừa năm 2023``) it may be or is the eve of 1 January, no lunar date;
- a time without a day (``21h``, ``lúc 13g15``) is on the reference day; in :func:`find_dates` it is on
  the day last named before it in the same text, as are ``cùng ngày`` and ``hôm đó``;
- a two-digit year below 50 is in the 2000s, from 50 in the 1900s (``31/10/74`` is 1974); in running
  text it is read only after slashes (``20/4/17``), never after dashes (``10-12-14`` is a score);
- ``bây giờ`` (now) is the reference day, as ``hôm nay`` is;
- a day, a year, an hour or a minute may be written in words, as transcripts and normalised text
  write them, and is read by :mod:`vnnews.numbers`: ``ngày mười lăm tháng tám năm hai nghìn không
  trăm hai mươi``, ``mùng một Tết``, ``hai mươi giờ ba mươi phút``; a day in words only after a day
  word and before ``tháng`` (``hai ngày`` is a count), a year only after ``năm`` and from 1800 to 2199
  (``một nghìn chín trăm bảy mươi lăm``), not after a count (``mỗi năm hai nghìn lượt khách``); a
  number in words is read whole or not at all (``năm hai nghìn tỷ``), and a month name after a day
  or before a year in words may be in lower case (``ngày một tháng năm``);
- ``relative`` on a mention says that its value depends on the reference.

A bare ``d/m`` is ambiguous with a fraction. :func:`parse_date` is told that its string is a date,
so it reads ``1/2`` as 1 February; :func:`find_dates` takes a bare ``d/m`` only after a cue word
(``vào``, ``từ``, ``đến``, ``sáng``...) or before a comma, full stop or bracket, so ``6/10 vị trí``
is no date. In running text day-months with ``-`` or ``.`` need ``ngày`` (``ngày 6.5``), so scores
(``2-1``) and decimals (``12.5``) stay out; parse_date, told that its string is a date, reads ``30-4``
and ``1.5`` alone as 30 April and 1 May. In running text, weekday and month names must be capitalised
(``thứ Hai``, ``tháng Bảy``), since ``thứ hai`` is also "second", unless a part of day stands before
the weekday or a week after it (``sáng thứ hai``, ``thứ ba tuần trước``); parse_date ignores case.

Every pattern is built from ``lexicon/dates.json`` out of bounded pieces and tried only at words
that can start a date, so a scan is linear in the text. Text is expected in NFC, as
:func:`vnnews.parse_article` provides it.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

import regex

from . import lexicon, numbers
from .lunar import lunar_to_solar, sexagenary_year
from .model import VIETNAM_TZ, DateMention, DateValue

_LEX = lexicon.load("dates")
_MAX_STRING = 200  # parse_date reads one expression; longer strings are not one
_MAX_DATE_LINE = 120
_MAX_LINE_PREFIX_WORDS = 12  # a dateline footer names an author and an outlet, not a sentence

H = r"[^\S\r\n\x0b\x0c\x85\u2028\u2029]"  # white space within a line: a date never spans lines
SP = H + "{1,3}"
OSP = H + "{0,3}"
CENTURIES = "(?:1[89]|2[01])"  # the first two digits of a year a date may name: 1800 to 2199 (see _year)
YEAR = r"(?P<y>%s\d\d)" % CENTURIES
TWO_DIGIT_PIVOT = 50  # 28/7/17 is 2017, 31/10/74 is 1974
_ANY_LEAP_YEAR = 2000  # without a reference, a day and month are checked in a year where 29/2 exists
DIGIT = "#"  # a number in a lead phrase: "#/" is a number before a slash
STOP = "$"  # at the end of a lead phrase: a stop follows (sau 3 ngày, ...)
STOP_AHEAD = r"(?=%s(?:[.;:)\n]|,(?!%s\d)|$))" % (OSP, OSP)  # a comma before a number may be in a list: 2, 3 chuyến
UNITS = {"week": 7, "month": 1, "quarter": 3, "year": 12}  # days for a week, months for the rest
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}  # of a quarter (quý III) or a century (thế kỷ XXI)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _words(words, capital: bool = False) -> str:
    """A lexicon word list as a regex alternation, a longer word before its prefix, any white space
    between words: a prefix tree, which the regex module tries faster than a flat list. With
    ``capital`` the first letter must be upper case while the rest ignores case."""
    words = {" ".join(word.split()) for word in words}
    if not capital:
        return "(?:%s)" % lexicon.prefix_tree(words, space=SP)
    rests: Dict[str, set] = {}
    for word in words:
        rests.setdefault(word[0], set()).add(word[1:])
    return "(?:%s)" % "|".join("(?-i:%s)%s" % (regex.escape(first.upper()), lexicon.prefix_tree(rest, space=SP))
                               for first, rest in sorted(rests.items()))


def _not_before(words) -> str:
    """A negative lookahead: not followed by one of ``words`` as a whole word."""
    return r"(?!%s%s(?![\p{L}]))" % (SP, _words(words))


@lru_cache(maxsize=None)
def _number_words() -> Dict[str, List[str]]:
    """The words of numbers written in words, from the number lexicon (numbers.value reads them):
    ``small`` ones make a day, an hour or a minute (hai mươi mốt), ``first`` ones may start a day;
    a year from 1800 to 2199 starts with a ``year_first`` word and a ``thousand`` and goes on with
    ``year`` words (hai nghìn không trăm linh năm); ``all`` number words, none of which may follow a
    number, so that one is read whole or not at all (not năm hai nghìn of năm hai nghìn tỷ)."""
    nw = numbers.words()
    first = [w for w, digit in nw.digits.items() if digit] + sorted(nw.ten)
    small = list(nw.digits) + list(nw.after_tens) + sorted(nw.ten | nw.tens)
    scales = [w for w in nw.scales if w not in nw.digit_only]
    return {"first": first, "small": small,
            "year_first": [w for w, digit in nw.digits.items() if digit in (1, 2)],
            "thousand": [w for w in scales if nw.scales[w] == 1000],
            "year": small + sorted(nw.zero_tens) + [w for w in scales if nw.scales[w] == 100],
            "all": small + sorted(nw.zero_tens) + scales}


@lru_cache(maxsize=None)
def _kinds(strict: bool) -> Dict[str, Tuple[str, set]]:
    """The pattern of every kind of date piece ("atom"), in order of preference, with the lead
    phrases it can start with: lexicon words, or a word and the one that must follow it where that
    word alone is common (đầu tháng, not đầu tư), or a number (DIGIT) and what must follow it. ``strict`` is for running
    text, the lenient form for a string known to be a date (parse_date, date lines)."""
    L = _LEX
    year_words = [k for k, (unit, _) in L["relative_periods"].items() if unit == "year"]
    unit_words = [L["week_word"], L["month_word"], L["quarter_word"], L["year_word"]]
    day_words = _words(L["day_words"])
    part = "(?P<part>%s)" % _words(L["parts_of_day"])
    prefix = "(?:%s%s)?(?:(?P<dayword>%s)%s)?" % (part, SP, day_words, SP)
    month_name = _words(L["months"], capital=strict)
    year_word = _words([L["year_word"]])
    # lunar: a marker or a leap month word after a day and month makes them lunar (15/8 âm lịch is
    # never 15 August); a month before one is no date (not_lunar)
    lunar_word = _words(L["lunar_markers"])
    leap = "%s(?P<leap>%s)" % (SP, _words(L["leap_month_words"]))
    lunar_mark = "(?:%s(?P<lunar>%s)|%s\\(%s(?P<lunar>%s)%s\\))" % (SP, lunar_word, OSP, OSP, lunar_word, OSP)
    lunar_tail = "(?:%s%s?|%s)" % (leap, lunar_mark, lunar_mark)
    lunar_after = r"(?:%s|%s\(%s)%s(?![\p{L}])" % (
        SP, OSP, OSP, _words(list(L["lunar_markers"]) + L["leap_month_words"]))
    # at the month, so that dropping a year does not get past it: not tháng 8 năm 2017 âm lịch
    not_lunar = r"(?!(?:,?%s%s%s%s\d\d)?%s)" % (SP, year_word, SP, CENTURIES, lunar_after)

    def year_in(year: str) -> str:  # năm and a year
        return ",?%s%s%s%s" % (SP, year_word, SP, year)

    # numbers in words (ngày mười lăm tháng tám năm hai nghìn không trăm hai mươi), as transcripts and
    # normalised text write them: bounded runs of number words, read whole by numbers.value
    nw = _number_words()

    def number_word(key: str) -> str:
        return r"%s(?![\p{L}])" % _words(nw[key])

    not_number = _not_before(nw["all"])
    spelled = "%s(?:%s%s){0,2}%s" % (number_word("small"), SP, number_word("small"), not_number)
    spelled_year = "%s%s%s(?:%s%s){0,5}%s" % (
        number_word("year_first"), SP, number_word("thousand"), SP, number_word("year"), not_number)
    named_year = "(?:%s|(?P<y>%s))" % (YEAR, spelled_year)
    year_after = year_in(named_year)
    # Giáp Thìn: a year of the 60-year cycle, read only after năm after a lunar date or after Tết, as
    # its words are also given names (Mậu Thân)
    stem_branch = r"(?P<stem>%s)%s(?P<branch>%s)(?![\p{L}])" % (
        _words(L["lunar_year_stems"]), SP, _words(L["lunar_year_branches"]))
    cycle_year = "%s(?:%s%s)?" % (stem_branch, SP, YEAR)  # Giáp Thìn (2024)
    lunar_year = year_in("(?:%s|%s)" % (YEAR, cycle_year))  # one năm for both: no second try after a failed marker
    # ngày 10 tháng 3 năm 2017 (âm lịch), ngày 10 tháng 3 âm lịch năm Giáp Thìn
    lunar_day = "(?:%s)?%s(?:%s)?" % (lunar_year, lunar_tail, year_in(cycle_year))
    def month_of(names: str) -> str:  # tháng năm 2017 is a month without its number, not May
        return r"(?P<m>\d{1,2}|(?!%s%s(?:\d|%s))%s)" % (regex.escape(L["year_word"]), SP, spelled_year, names)

    month = month_of(month_name)
    # after a day or before a year in words, a month name in any case: transcripts have no capitals,
    # and the number says that tháng is no count (ngày mười lăm tháng tám)
    month_any = month_of(_words(L["months"]))
    yrel = "(?P<yrel>%s)" % _words(year_words)
    month_word = _words([L["month_word"]])
    direction = "(?:%s(?P<dir>%s)(?!%s(?:\\d|%s|%s|%s|%s)))?" % (
        SP, _words(L["directions"]), SP, _words(unit_words), day_words, _words([L["weekday_word"]]),
        _words(L["sundays"]))
    dm_tail = "(?:%s%s%s%s|%s%s)?" % (SP, year_word, SP, YEAR, SP, yrel)
    bare_year = "" if strict else "|%s%s" % (SP, YEAR)  # 3 tháng 11 2016, in a string known to be a date
    words_tail = "(?:%s|%s,%s%s|%s%s%s)?" % (year_after, OSP, OSP, YEAR, SP, yrel, bare_year)
    month_tail = "(?:%s[/-]%s%s|%s|%s,%s%s|%s%s%s)?" % (
        OSP, OSP, YEAR, year_after, OSP, OSP, YEAR, SP, yrel, bare_year)
    shift_units = list(L["shift_units"]) + list(L["clock_shift_units"])
    count, shift_unit = r"\d{1,3}|%s" % _words(L["small_numbers"]), _words(shift_units)
    day_range = r"(?:(?P<d0>\d{1,2})%s[-–]%s)?" % (OSP, OSP)  # 28-30/7: a range gives its first day
    weekday_names, weekday_any = _words(L["weekdays"], capital=strict), _words(L["weekdays"])
    weekday = "(?:%s%s(?P<wd>%%s|[2-7])|(?P<sun>%s))" % (_words([L["weekday_word"]]), SP, _words(L["sundays"]))
    week_rel = _words(k for k, (unit, _) in L["relative_periods"].items() if unit == "week")
    week_tail = "(?:%s(?P<wrel>%s)|%s)" % (SP, week_rel, direction)
    lunar_month = r"(?P<m>\d{1,2}|%s)" % _words(L["months"])  # any case: rằm tháng says it is a month
    tet = "(?P<tet>%s)" % _words(L["lunar_new_year"])
    lunar = "(?:%s)(?:%s|%s%s|%s%s)?%s" % ("|".join([
        # mùng 3 Tết (Giáp Thìn), ngày 2 Tết, mùng một Tết; ngày 29 Tết and ngày 30 Tết are the last days
        # before it, in month 12
        "(?P<dayword>%s)%s(?P<d>10|0?[1-9]|%s%s)%s%s(?:%s%s)?" % (
            _words(L["lunar_new_year_day_words"]), SP, number_word("first"), not_number, SP, tet, SP, stem_branch),
        "%s%s%s" % (tet, SP, stem_branch),  # Tết Giáp Thìn; Tết alone is no date
        # giao thừa (Tết Giáp Thìn), the eve of Tết; not before a year or a solar word, as giao thừa năm
        # 2023, giao thừa 31/12 and giao thừa Tết Dương lịch may be or are the eve of 1 January
        r"(?P<eve>%s)(?!,?%s(?:%s(?![\p{L}])|%s%s(?!%s))|%s\(?%s\d)(?:%s%s)?(?:%s%s)?" % (
            _words(L["lunar_new_year_eve"]), SP, _words(L["solar_new_year_words"]), year_word, SP,
            _words(L["lunar_year_stems"]), OSP, OSP, SP, tet, SP, stem_branch),
        "(?P<full>%s)%s%s%s%s(?:%s)?" % (_words(L["full_moon"]), SP, month_word, SP, lunar_month, lunar_tail),
        # Trung thu, Tết Trung thu (15/8 âm lịch): the date in brackets is the holiday's own
        r"(?:(?:%s)%s)?(?P<lhol>%s)(?:(?:%s|%s\(%s)\d{1,2}/\d{1,2}(?:%s%s)?(?:%s\))?)?" % (
            _words(L["named_day_prefixes"]), SP, _words(L["lunar_holidays"]), SP, OSP, OSP, SP, lunar_word, OSP),
    ]), lunar_year, SP, YEAR, SP, yrel, direction)
    clock = r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"  # 7:30, 13:25:42
    clock_letter = r"(?P<h>\d{1,2})[hg](?P<mi>\d{2})?p?"  # 7h30, 21h, 13g15
    clock_words = r"(?P<h>\d{1,2}|%s)%s(?P<hw>%s)(?:%s(?:(?P<to>%s)%s)?(?P<mi>\d{1,2}|%s)(?:%s%s)?|%s(?P<half>%s))?" % (
        spelled, SP, _words(L["hour_words"]), SP, _words(L["to_the_hour_words"]), SP, spelled, SP,
        _words(L["minute_words"]),
        SP, _words(L["half_hour_words"]))  # 3 giờ, 8 giờ 15 phút, 3 giờ kém 15, 8 giờ rưỡi
    # thế kỷ 21, thế kỷ thứ XXI (I to XXIX, upper case), thế kỷ trước (not thế kỷ trước đó, before another time)
    century = r"%s%s(?:(?:%s%s)?(?P<cn>\d{1,2}|(?-i:(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})))|(?P<crel>%s)%s)" % (
        _words(L["century_words"]), SP, _words(L["century_ordinals"]), SP, _words(L["relative_centuries"]),
        _not_before(L["shift_blockers"]))
    kinds = {
        "iso": r"%s(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?:(?:T|\s{1,2})(?P<h>\d{1,2}):(?P<mi>\d{2})"
               r"(?::(?P<s>\d{2})(?:[.,]\d{1,6})?)?(?P<z>Z|[+-]\d{2}:?\d{2})?)?" % YEAR,
        "compact": None if strict else r"(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)",
        "dmy": r"%s%s(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?:%s|%s(?P<yy>\d\d))%s?" % (
            prefix, day_range, YEAR, "(?<=/\\d{1,2}/)" if strict else "", lunar_tail),
        "words": (r"(?:%s%s)?(?P<dayword>%s)%s(?:(?P<d>\d{1,2})%s%s%s%s|(?P<d>%s)%s%s%s%s)(?:%s)?%s" % (
                      part, SP, day_words, SP, SP, month_word, SP, month, spelled, SP, month_word, SP, month_any,
                      lunar_day, words_tail)
                  + r"|(?P<d>\d{1,2})%s%s%s%s" % (SP, month_word, SP, month)
                  # in running text a year or a lunar marker must follow: 6 tháng 8 may be a count
                  + ("(?:%s(?:%s)?|%s)" % (lunar_day, year_after, year_after) if strict
                     else "(?:%s)?%s" % (lunar_day, words_tail))),
        "dm": (r"%s%s(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:%s)?%s%s" % (prefix, day_range, lunar_day, dm_tail, direction)
               # ngày 6.5; alone (30-4, 1.5) only in a string known to be a date, as 2-1 is a score
               + r"|(?:(?:%s%s)?(?P<dayword>%s)%s)%s(?P<d>\d{1,2})[.-](?P<m>\d{1,2})(?:%s)?%s%s" % (
                   part, SP, day_words, SP, "" if strict else "?", lunar_day, dm_tail, direction)),
        "lunar": lunar,  # before monthday, as mùng 3 Tết goes on from mùng 3
        # ngày 15: the 15th of the reference's month or the one next to it; in running text only
        # before a stop (Ngày 15, ...), as mỗi ngày 2 lần and mỗi ngày 2, 3 chuyến are no dates
        "monthday": r"(?:%s%s)?(?P<dayword>%s)%s(?P<d>\d{1,2})%s" % (
            part, SP, day_words, SP, STOP_AHEAD if strict else ""),
        "holiday": r"(?:%s%s)??(?:(?:%s)%s(?P<named>%s)|(?:(?:%s)%s)?(?P<hol>%s))(?:%s\d{1,2}/\d{1,2})?%s%s" % (
            part, SP, _words(L["named_day_prefixes"]), SP, _words(L["named_days"]),
            _words(L["named_day_prefixes"]), SP, _words(L["holidays"]), SP,
            "(?:%s/%s%s|%s%s%s%s|%s%s|%s%s)?" % (OSP, OSP, YEAR, SP, year_word, SP, YEAR, SP, YEAR, SP, yrel),
            direction),
        "month": r"%s%s%s%s%s%s|%s%s%s%s|(?P<m>\d{1,2})/%s" % (
            month_word, SP, month, not_lunar, month_tail, direction, month_word, SP, month_any,
            year_in("(?P<y>%s)" % spelled_year), YEAR),
        "quarter": r"%s%s(?P<q>[1-4]|(?-i:IV|I{1,3}))(?:%s/%s%s|%s%s%s%s|%s%s)?%s" % (
            _words([L["quarter_word"]]), SP, OSP, OSP, YEAR, SP, year_word, SP, YEAR, SP, yrel, direction)
        # Q3/2020, Q1 2021: upper case and with a year, as Q3 and q3 alone are a district (Quận 3)
        + r"|%s(?P<q>[1-4])(?:%s[/\-–]%s|\.|%s)%s" % (
            _words([L["quarter_letter"]], capital=True), OSP, OSP, SP, YEAR),
        "century": century,
        # the 1990s: a decade's first year or its two digits (in the century after it, if one follows),
        # not the first year of a range of years (những năm 2010 - 2015), nor an age (những năm 20 tuổi)
        "decade": r"%s%s(?P<dec>%s?\d0)(?!%s[-–]%s\d)%s(?:%s(?:%s%s)?%s)?" % (
            _words(L["decade_words"]), SP, CENTURIES, OSP, OSP, _not_before(L["decade_not_before"]), SP,
            _words(L["decade_links"]), SP, century),
        "year": r"%s%s(?:%s(?:%s[-–]%s%s\d\d)?|(?P<y>%s))" % (
            year_word, SP, YEAR, OSP, OSP, CENTURIES, spelled_year),
        "bareyear": None if strict else YEAR,
        # sau 3 ngày only before a stop, even in a string known to be a date: sau 3 tháng thi công and
        # sau 3 ngày kể từ khi count from another event; calendar units only, as sau 2 giờ is as often
        # after two o'clock
        "shift": r"(?P<n>%s)%s(?P<unit>%s)%s(?P<sdir>%s)%s|(?P<ago>%s)%s(?P<n>%s)%s(?P<unit>%s)" % (
            count, SP, shift_unit, SP, _words(L["shift_directions"]), _not_before(L["shift_blockers"]),
            _words(L["shift_ago"]), SP, count, SP, shift_unit)
        + r"|(?P<later>%s)%s(?P<n>%s)%s(?P<unit>%s)%s" % (
            _words(L["shift_later"]), SP, count, SP, _words(L["shift_units"]), STOP_AHEAD),
        "relperiod": "(?P<rper>%s)" % _words(L["relative_periods"]),
        "ppart": r"(?P<pp>%s)(?=%s%s(?![\p{L}]))" % (_words(L["period_parts"]), SP, _words(unit_words)),
        # đầu tháng, not đầu tháng 8 âm lịch, a lunar month (see not_lunar)
        "unit": r"(?<=%s%s)(?P<unit>%s)%s(?!%s(?:\d{1,2}|%s)%s)" % (
            _words(L["period_parts"]), SP, _words(unit_words), _not_before(L["unit_compounds"]), SP,
            _words(L["months"]), lunar_after),
        "time": r"(?:%s|%s|%s)(?:%s%s%s)?" % (
            clock, clock_letter, clock_words, SP, part, _not_before(L["short_relative_days"])),
        "weekday": r"%s%s%s" % (prefix, weekday % weekday_names, week_tail) + (
            # lower case only after a part of day or before a week: sáng thứ hai, thứ ba tuần trước
            r"|%s%s(?:%s%s)?%s%s|%s%s(?P<wrel>%s)" % (
                part, SP, day_words, SP, weekday % weekday_any, week_tail, weekday % weekday_any, SP, week_rel)
            if strict else ""),
        "wdabbr": r"(?P<abbr>%s)(?=%s[,\-–]?%s\d)" % (_words(L["weekday_abbreviations"], capital=strict), OSP, OSP),
        "relday": r"(?:%s%s)?(?P<rel>%s)|%s%s(?P<srel>%s)(?![\p{L}])" % (
            part, SP, _words(L["relative_days"]), part, SP, _words(L["short_relative_days"]))
        + ("" if strict else "|(?P<srel>%s)" % _words(L["lone_relative_days"])),
        "same": "(?P<same>%s)" % _words(L["same_day"]),
        "tz": r"\(?%s(?:%s)%s(?P<tzs>[+-])%s(?P<tzh>\d{1,2})(?::?(?P<tzm>\d{2}))?%s\)?" % (
            OSP, _words(L["timezones"]), OSP, OSP, OSP),
    }
    parts = set(L["parts_of_day"])
    days = _phrases(L["day_words"], [DIGIT])  # ngày 15: a day word alone is common (ngày tới)
    day_month = {"#/", "#-", "#–", "# -", "# –"}  # 28/7, and a range: 28-30/7, 28 – 30/7
    leads = {
        "iso": {"#-", "#/"}, "compact": {DIGIT}, "dmy": day_month | {"#.#."} | parts | days,
        # specific words only, not a part of day (sáng mùng 3 Tết is mùng 3 Tết) nor a day and a number
        # before anything but Tết (ngày 15 is common), so that the scan stays fast
        "lunar": _phrases(_phrases(L["lunar_new_year_day_words"], [DIGIT] + nw["first"]), L["lunar_new_year"])
        | _phrases(L["full_moon"], [L["month_word"]])
        | _phrases(L["lunar_new_year"], L["lunar_year_stems"]) | set(L["lunar_new_year_eve"])
        | set(L["lunar_holidays"]) | _phrases(L["named_day_prefixes"], L["lunar_holidays"]),
        "words": _phrases([DIGIT + " " + L["month_word"]], [DIGIT] + list(L["months"])) | parts | days
        | _phrases(L["day_words"], nw["first"]),  # ngày mười lăm
        "dm": day_month | parts | days | (set() if strict else {"#."}),
        "monthday": parts | days,
        "holiday": parts | _phrases(L["named_day_prefixes"], list(L["named_days"]) + list(L["holidays"]))
        | set(L["holidays"]),
        # q#: the scan is on lower-cased text, the pattern asks for the capital Q
        "month": {"#/", L["month_word"]}, "quarter": {L["quarter_word"], L["quarter_letter"] + DIGIT},
        "century": set(L["century_words"]), "decade": _phrases(L["decade_words"], [DIGIT]),
        "year": {L["year_word"]}, "bareyear": {DIGIT},
        # after a number in digits the direction too, as 6 tháng đầu năm is common (a longer trie of
        # words would slow the first parse)
        "shift": set(L["shift_ago"]) | _phrases(L["small_numbers"], shift_units)
        | _phrases(_phrases([DIGIT], shift_units), L["shift_directions"])
        # after sau a count, a unit and the stop, as sau 3 tháng thi công is common
        | {phrase + STOP for phrase in _phrases(_phrases(L["shift_later"], [DIGIT] + list(L["small_numbers"])),
                                                L["shift_units"])},
        "relperiod": set(L["relative_periods"]),
        "ppart": _phrases(L["period_parts"], unit_words), "unit": set(unit_words),
        # an hour in words: one number word before giờ, or two that start a longer number (hai mươi
        # giờ), which are rare elsewhere; the pattern reads the rest
        "time": {"#:", "#h", "#g"} | _phrases([DIGIT] + nw["small"], L["hour_words"]) | _phrases(nw["small"], nw["small"]),
        "weekday": parts | _phrases(L["day_words"], [L["weekday_word"]] + list(L["sundays"])) | {L["weekday_word"]}
        | set(L["sundays"]),
        "wdabbr": set(L["weekday_abbreviations"]),
        "relday": parts | set(L["relative_days"]) | (set() if strict else set(L["lone_relative_days"])),
        "same": set(L["same_day"]),
        "tz": set(L["timezones"]) | {"(" + zone for zone in L["timezones"]} | _phrases(["("], L["timezones"]),
    }
    return {kind: (p, leads[kind]) for kind, p in kinds.items() if p is not None}


def _phrases(firsts, seconds) -> set:
    return {"%s %s" % (first, second) for first in firsts for second in seconds}


# An atom stands apart from the numbers and names around it: not 1/2020 in 15/1/2020/NĐ-CP, not 34
# in Su-34. A dash may join two times or two days (8h-17h, 28/7-2/8), not two years (2015-2020).
_RANGE_KINDS = {"time", "dm", "dmy"}
_BOUNDS = {
    False: r"(?<![\p{L}\p{N}_]|\p{N}[/.,:\-–]|\p{L}[/\-])(?:%s)(?![\p{L}\p{N}_]|[/.,:\-–]\p{N}|[/\-]\p{L})",
    True: r"(?<![\p{L}\p{N}_]|\p{N}[/.,:]|\p{L}/)(?:%s)(?![\p{L}\p{N}_]|[/.,:]\p{N}|/\p{L})",
}


def _trie(phrases, word_end: str = r"(?!\w)", digits: str = r"\d{1,2}") -> str:
    """An ``re`` alternation of lower-case ``phrases`` (see lexicon.prefix_tree); DIGIT inside a
    phrase is a number of ``digits``, STOP a look-ahead for a stop."""
    return lexicon.prefix_tree(phrases, space=SP, specials={DIGIT: digits, STOP: STOP_AHEAD}, word_end=word_end)


@lru_cache(maxsize=None)
def _scanner(strict: bool) -> re.Pattern:
    """The scan for where an atom may start, run on the lower-cased text: a number or a lead phrase of
    some kind."""
    kinds = _kinds(strict)
    leads = set().union(*(leads for _, leads in kinds.values()))
    numbers = {lead[len(DIGIT):] for lead in leads if lead.startswith(DIGIT)}
    # In running text a number can start a date only before what a lead has after it, and not inside
    # 1/2/3 or 1.839 (the bounds of every kind say so too): most numbers are skipped. The look-behinds
    # come after the first digit and look back over it, so that re gives up at once where no digit
    # follows. In a string known to be a date any number may start one (a bare year), and what
    # follows it still picks the pattern to try.
    inside = r"(?<![^\W_]/\d)(?<!\d[.,:]\d)" if strict else ""
    number = r"\d%s\d{0,3}(?P<after>%s)" % (inside, _trie(numbers, word_end=""))
    # The non-word character before the start is the match, run on the text behind one: re skips in
    # C to a character that can begin a match. The rest is zero-width, so that a lead phrase hides
    # no start inside it.
    words = _trie((lead for lead in leads if not lead.startswith(DIGIT)), digits=r"\d{1,3}")  # sau 100 ngày
    return re.compile(r"\W(?=%s|(?P<word>%s))" % (number, words))


@lru_cache(maxsize=4096)  # bounded: a phrase may be spelled with any white space
def _lead_pattern(strict: bool, after: Optional[str], words: Optional[str]) -> Tuple[
        regex.Pattern, Tuple[Tuple[str, int], ...], Dict[str, int]]:
    """The pattern of _dispatch for a lead that the scanner found: a number with ``after`` after
    it, or a lead phrase of ``words``."""
    return _dispatch(strict, _dispatch_key(DIGIT + after if words is None else words))


@lru_cache(maxsize=None)
def _dispatch(strict: bool, key: str) -> Tuple[regex.Pattern, Tuple[Tuple[str, int], ...], Dict[str, int]]:
    """For a key of a lead (see _dispatch_key), the _merged pattern of the kinds that can start there:
    those with a lead of that key, of a phrase that the key's phrase goes on from (năm for năm nay),
    or a bare number (DIGIT) before a number's key."""
    def fits(lead: str) -> bool:
        lead_key = _dispatch_key(lead)
        return key == lead_key or key.startswith(lead_key + " ") or (lead == DIGIT and key.startswith(DIGIT))

    return _merged(strict, tuple(kind for kind, (_, leads) in _kinds(strict).items() if any(map(fits, leads))))


@lru_cache(maxsize=None)
def _merged(strict: bool, kinds: Tuple[str, ...]) -> Tuple[regex.Pattern, Tuple[Tuple[str, int], ...], Dict[str, int]]:
    """One pattern of ``kinds`` in order of preference, each in a group named ``is_<kind>``: one match
    call costs less than one per kind, though the regex module is slow to try a big alternation at
    every position of a text. With it come its kinds with the place of their group in
    ``match.groups()``, and that place for every group name. Compiled on first use: there are
    dozens, and most texts need a few."""
    patterns = _kinds(strict)
    pattern = "|".join("(?P<is_%s>%s)" % (kind, _BOUNDS[kind in _RANGE_KINDS] % patterns[kind][0]) for kind in kinds)
    compiled = regex.compile(pattern, regex.IGNORECASE)
    index = {name: number - 1 for name, number in compiled.groupindex.items()}
    return compiled, tuple((kind, index["is_" + kind]) for kind in kinds), index


def _dispatch_key(lead: str) -> str:
    """What picks the pattern to try at a lead phrase: the phrase, a number in it as DIGIT; for a
    number, DIGIT and the first sign or letter after it (after ``:`` only a time can follow)."""
    if lead.startswith(DIGIT):
        return DIGIT + lead[len(DIGIT):].lstrip()[:1]
    return re.sub(r"\d+", DIGIT, " ".join(lead.rstrip(STOP).split()))  # q3 as q#


def _lower(text: str) -> str:
    """``text`` in lower case, letter for letter: a rare letter whose lower case is longer (İ) stays."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(c if len(c.lower()) > 1 else c.lower() for c in text)


def _atoms(text: str, strict: bool):
    """Every atom, left to right, not overlapping."""
    scan = _scanner(strict)
    end = 0
    for lead in scan.finditer(" " + _lower(text)):  # the start in text is the match's start here
        start = lead.start()
        if start < end:
            continue
        pattern, kinds, index = _lead_pattern(strict, *lead.groups())
        m = pattern.match(text, start)
        if m:
            end = m.end()
            values = m.groups()  # one call: the regex module is slow to look up a group by name
            for kind, place in kinds:
                if values[place] is not None:
                    yield _Atom(kind, m, values, index)
                    break


# what each kind of atom contributes to a date: a day (abs wins over rel), a clock time, a zone;
# every other kind is a period that stands alone (or after a period part: đầu tháng 7)
_ROLES = {kind: frozenset([role]) for kind, role in (
    ("iso", "abs"), ("compact", "abs"), ("dmy", "abs"), ("words", "abs"), ("dm", "abs"), ("holiday", "abs"),
    ("lunar", "abs"), ("monthday", "rel"),
    ("weekday", "rel"), ("wdabbr", "rel"), ("relday", "rel"), ("same", "rel"), ("time", "time"), ("tz", "tz"))}
_PERIOD, _TZ, _DAY = frozenset(["period"]), frozenset(["tz"]), frozenset(["abs", "rel"])
_DAY_AND_TIME = frozenset(["abs", "time"])  # an ISO time; also what a zone may follow
_PART_TARGETS = {"month", "quarter", "year", "bareyear", "relperiod", "unit"}
_GAP = regex.compile(r"%s[,\-–|]?%s(?:%s%s)?\(?%s" % (OSP, OSP, _words(_LEX["connectors"]), SP, OSP), regex.I)
_CLOSE = regex.compile(OSP + r"\)")
_CUES = regex.compile(r"[^\p{L}\p{N}]*(?:%s(?![\p{L}])[^\p{L}\p{N}]*){0,4}" % _words(_LEX["cues"]), regex.I)
_PUNCT = regex.compile(r"[^\p{L}\p{N}]*")
# what stands just before a candidate, searched backwards from its end: forwards, the regex module
# would try the pattern at every position of the window
_COUNT_BEFORE = regex.compile(r"(?:\d+|%s|%s)\s{1,3}(?:%s\s{1,3})?$" % (
    _words(_LEX["small_numbers"]), _words(_LEX["count_words"]), _words(_LEX["shift_units"])), regex.I | regex.REVERSE)
_DAY_CUE_BEFORE = regex.compile(r"(?:(?<![\p{L}])%s\s{1,3}|\(\s{0,2})$" % _words(_LEX["day_cues"]),
                                regex.I | regex.REVERSE)
_NUMBER_CUE_BEFORE = regex.compile(r"(?<![\p{L}])%s\.?\s{0,3}$" % _words(_LEX["number_cues"]), regex.I | regex.REVERSE)
_CLOCK_CUE_BEFORE = regex.compile(r"(?<![\p{L}])%s\s{1,3}$" % _words(_LEX["connectors"]), regex.I | regex.REVERSE)
_STOP_AFTER = regex.compile(r"\s{0,2}(?:[,.;:)]|$)")
_DATELINE_PREFIX = regex.compile(r"(?P<who>\S.*?)\s{0,3}[|\-–—,·]\s{0,3}")
_WINDOW = 30  # characters looked at before a candidate: enough for the cue words, keeps scans linear
# a date line names a day that is not relative, so it writes a year in digits: four (YEAR, 20170728)
# or two after a day and a month (31/10/74); most lines that find_date_line is asked about have none
_YEAR_DIGITS = re.compile(r"\d{4}|\d[/.-]\d\d?[/.-]\d\d")


class _Atom:
    """A match of one kind of date piece; ``atom[name]`` is its group ``name``, None when it has none."""

    __slots__ = ("kind", "m", "roles", "_values", "_index")

    def __init__(self, kind: str, m: regex.Match, values: Tuple[Optional[str], ...], index: Dict[str, int]):
        self.kind, self.m, self._values, self._index = kind, m, values, index
        self.roles = _DAY_AND_TIME if kind == "iso" and self["h"] else _ROLES.get(kind, _PERIOD)

    def __getitem__(self, name: str) -> Optional[str]:
        place = self._index.get(name)
        return None if place is None else self._values[place]


class _Group:
    """Atoms written together as one date: ``Thứ Ba, 17/09/2024 - 13:25`` is weekday, day, time."""

    __slots__ = ("atoms", "start", "end", "roles")

    def __init__(self, atom: _Atom):
        self.atoms, self.roles = [atom], set(atom.roles)
        self.start, self.end = atom.m.span()

    def joins(self, atom: _Atom, gap: str) -> bool:
        if self.atoms[-1].kind == "ppart":
            return atom.kind in _PART_TARGETS and not gap.strip()
        if "period" in self.roles or "period" in atom.roles or "tz" in self.roles or not _GAP.fullmatch(gap):
            return False
        if atom.roles == _TZ:
            return not self.roles.isdisjoint(_DAY_AND_TIME)
        return self.roles.isdisjoint(atom.roles)


def _groups(text: str, strict: bool) -> List[_Group]:
    groups: List[_Group] = []
    last = None
    for atom in _atoms(text, strict):
        start, end = atom.m.span()
        gap = text[last.end:start] if last else ""
        if last is not None and last.joins(atom, gap):
            last.atoms.append(atom)
            last.roles |= atom.roles
            last.end = end
            if "(" in gap:  # Thứ Hai (20/4): take the closing bracket too
                close = _CLOSE.match(text, end)
                last.end = close.end() if close else end
        else:
            last = _Group(atom)
            groups.append(last)
    return groups


# -- resolution -----------------------------------------------------------------------------------
class _NoReference(Exception):
    """Raised where a mention needs the reference and none was given: it keeps no value."""


def _need(ref):
    """``ref``, which the resolution needs: no clock stands in for a missing one."""
    if ref is None:
        raise _NoReference
    return ref


def _reference(reference) -> Tuple[Optional[dt.date], Optional[dt.datetime]]:
    """The reference's day, and its time in Vietnam when it has one; (None, None) without one."""
    if reference is None:
        return None, None
    if isinstance(reference, dt.datetime):
        if not reference.tzinfo:
            moment = reference.replace(tzinfo=VIETNAM_TZ)
        else:
            try:
                moment = reference.astimezone(VIETNAM_TZ)
            except OverflowError:  # hours from the calendar's ends, Vietnam time is past them: the end it passed
                moment = (dt.datetime.max if reference.year > 1 else dt.datetime.min).replace(tzinfo=VIETNAM_TZ)
        return moment.date(), moment
    if isinstance(reference, dt.date):
        return reference, None
    raise TypeError("reference must be a date, a datetime or None, not %s" % type(reference).__name__)


def _period_start(day: dt.date, unit: str, offset: int = 0) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday() - 7 * offset)
    size = UNITS[unit]
    index = day.year * 12 + (day.month - 1) // size * size + offset * size
    return dt.date(index // 12, index % 12 + 1, 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _choose(make, ref: dt.date, direction: Optional[int], nearest: bool) -> dt.date:
    """``make(year)`` for the year the rules pick: see the module docstring."""
    if ref is None:
        raise _NoReference
    if direction == 0:
        return make(ref.year)
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(make(year))
        except ValueError:  # 29/2 outside leap years
            pass
    if direction == 1:
        return min(day for day in candidates if day > ref)
    if nearest and direction is None:
        return min(candidates, key=lambda day: abs((day - ref).days))
    return max(day for day in candidates if day <= ref)


def _direction(atom: _Atom) -> Optional[int]:
    return _LEX["directions"][_key(atom["dir"])] if atom["dir"] else None


def _number(text: str) -> int:
    """A whole number in digits or in words (hai mươi mốt), read by vnnews.numbers."""
    if text.isdigit():
        return int(text)
    number = numbers.value(numbers.tokens(text))
    if number is None or number != int(number):
        raise ValueError("no whole number: %s" % text)
    return int(number)


def _year(text: str) -> int:
    """A year of YEAR's range, in digits or in words (hai nghìn không trăm hai mươi)."""
    year = _number(text)
    if not 1800 <= year < 2200:
        raise ValueError("no year: %s" % text)
    return year


def _year_of(atom: _Atom, ref: dt.date) -> Optional[int]:
    year = _year(atom["y"]) if atom["y"] else \
        _need(ref).year + _LEX["relative_periods"][_key(atom["yrel"])][1] if atom["yrel"] else None
    if atom["stem"]:  # Giáp Thìn: the one nearest the year written with it (which it must be) or the reference's
        named = sexagenary_year(_LEX["lunar_year_stems"][_key(atom["stem"])],
                                _LEX["lunar_year_branches"][_key(atom["branch"])], _need(ref).year if year is None else year)
        if year is not None and named != year:
            raise ValueError("%s %s is not %d" % (atom["stem"], atom["branch"], year))
        return named
    return year


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else _LEX["months"][_key(text)]


def _is_lunar(atom: _Atom) -> bool:
    return atom.kind == "lunar" or bool(atom["lunar"] or atom["leap"])


def _day_maker(atom: _Atom, day: int, month: int):
    """The date of ``day`` and ``month`` in a given year, solar or lunar as ``atom`` says."""
    if _is_lunar(atom):
        leap = bool(atom["leap"])
        return lambda year: lunar_to_solar(day, month, year, leap)
    return lambda year: dt.date(year, month, day)


def _day_month(atom: _Atom, ref: dt.date, day: int, month: int) -> Tuple[dt.date, bool]:
    """A day and month in the year that ``atom`` names, or the nearest one."""
    make = _day_maker(atom, day, month)
    year = _year_of(atom, ref)
    if year is None and ref is None and not _is_lunar(atom):
        make(_ANY_LEAP_YEAR)  # 31/2 is no date, with or without a reference
    if year is not None:
        return make(year), not atom["y"]
    return _choose(make, ref, _direction(atom), nearest=True), True


def _nearest_month_day(ref: dt.date, day: int) -> dt.date:
    """Day ``day`` of the reference's month, the month before or the one after, whichever is
    nearest the reference (the earlier one on a tie)."""
    if not 1 <= day <= 31:
        raise ValueError("no day of a month: %d" % day)
    candidates = []
    for offset in (-1, 0, 1):
        month = _add_months(_need(ref).replace(day=1), offset)
        if day <= calendar.monthrange(month.year, month.month)[1]:
            candidates.append(month.replace(day=day))
    return min(candidates, key=lambda candidate: (abs((candidate - ref).days), candidate > ref))


def _weekday(atom: _Atom) -> int:
    if atom["abbr"]:
        return _LEX["weekday_abbreviations"][_key(atom["abbr"])]
    if atom["sun"]:
        return 6
    wd = atom["wd"]
    return int(wd) - 2 if wd.isdigit() else _LEX["weekdays"][_key(wd)]


def _day(atom: _Atom, ref: dt.date, context: dt.date) -> Tuple[dt.date, bool]:
    """The day an abs or rel atom names, and whether it depends on the reference."""
    kind = atom.kind
    if kind in ("iso", "compact", "dmy"):
        year = int(atom["y"]) if atom["y"] else int(atom["yy"]) + (2000 if int(atom["yy"]) < TWO_DIGIT_PIVOT else 1900)
        return _day_maker(atom, int(atom["d0"] or atom["d"]), int(atom["m"]))(year), False
    if kind in ("words", "dm"):
        return _day_month(atom, ref, _number(atom["d0"] or atom["d"]), _month_number(atom["m"]))
    if kind == "holiday":
        table = _LEX["named_days"] if atom["named"] else _LEX["holidays"]
        day, month = table[_key(atom["named"] or atom["hol"])]
        return _day_month(atom, ref, day, month)
    if kind == "lunar":
        if atom["lhol"]:
            day, month = _LEX["lunar_holidays"][_key(atom["lhol"])]
        elif atom["full"]:
            day, month = _LEX["full_moon"][_key(atom["full"])], _month_number(atom["m"])
        else:  # mùng 3 Tết; Tết Giáp Thìn and giao thừa go by its first day
            day, month = _number(atom["d"] or "1"), 1
        value, relative = _day_month(atom, ref, day, month)
        # giao thừa: the day before Tết, the last of month 12, which has 29 or 30 days
        return (value - dt.timedelta(days=1) if atom["eve"] else value), relative
    if kind == "monthday":
        return _nearest_month_day(ref, int(atom["d"])), True
    if kind == "relday":
        table = _LEX["relative_days"] if atom["rel"] else _LEX["short_relative_days"]
        return _need(ref) + dt.timedelta(days=table[_key(atom["rel"] or atom["srel"])]), True
    if kind == "same":
        return _need(context), True
    weekday = _weekday(atom)
    _need(ref)
    if atom["wrel"]:
        return _period_start(ref, "week", _LEX["relative_periods"][_key(atom["wrel"])][1]) + \
            dt.timedelta(days=weekday), True
    direction = None if kind == "wdabbr" else _direction(atom)
    if direction == 0:
        return _period_start(ref, "week") + dt.timedelta(days=weekday), True
    back = (ref.weekday() - weekday) % 7
    if direction == 1:
        return ref + dt.timedelta(days=(7 - back) or 7), True
    return ref - dt.timedelta(days=back), True


def _period(atom: _Atom, ref: dt.date) -> Tuple[dt.date, str, bool]:
    """The first day of the period a period atom names, its unit, and whether it is relative."""
    kind = atom.kind
    if kind in ("year", "bareyear"):
        return dt.date(_year(atom["y"]), 1, 1), "year", False
    if kind == "month":
        month, year = _month_number(atom["m"]), _year_of(atom, ref)
        if year is not None:
            return dt.date(year, month, 1), "month", not atom["y"]
        dt.date(_ANY_LEAP_YEAR, month, 1)  # tháng 13 is no month, with or without a reference
        return _choose(lambda y: dt.date(y, month, 1), ref, _direction(atom), nearest=False), "month", True
    if kind == "quarter":
        q = atom["q"]
        month, year = 3 * (int(q) if q.isdigit() else _roman(q)) - 2, _year_of(atom, ref)
        if year is not None:
            return dt.date(year, month, 1), "quarter", not atom["y"]
        return _choose(lambda y: dt.date(y, month, 1), ref, _direction(atom), nearest=False), "quarter", True
    if kind == "century":
        number, relative = _century(atom, ref)
        return dt.date(100 * number - 99, 1, 1), "century", relative
    if kind == "decade":
        year, relative = _decade(atom, ref)
        return dt.date(year, 1, 1), "decade", relative
    if kind == "relperiod":
        unit, offset = _LEX["relative_periods"][_key(atom["rper"])]
        return _period_start(_need(ref), unit, offset), unit, True
    if kind == "unit":  # đầu năm: this year
        unit = _LEX["shift_units"][_key(atom["unit"])]
        return _period_start(_need(ref), unit), unit, True
    # shift: 3 tuần sau
    n = _shift_count(atom)
    unit = _LEX["shift_units"][_key(atom["unit"])]
    _need(ref)
    if unit in ("day", "week"):
        return ref + dt.timedelta(days=n * (7 if unit == "week" else 1)), "day", True
    return _add_months(ref, n * UNITS[unit]), "day", True


def _roman(text: str) -> int:
    """A number in Roman digits, as the patterns allow them (quý III, thế kỷ XIX)."""
    values = [_ROMAN_DIGITS[c] for c in text]
    return sum(-v if v < after else v for v, after in zip(values, values[1:] + [0]))  # XIX: the I counts -1


def _century(atom: _Atom, ref: dt.date) -> Tuple[int, bool]:
    """The number of the century an atom names (21 for 2001 to 2100), and whether it is relative."""
    if atom["crel"]:
        return (_need(ref).year - 1) // 100 + 1 + _LEX["relative_centuries"][_key(atom["crel"])], True
    cn = atom["cn"]
    return int(cn) if cn.isdigit() else _roman(cn), False


def _decade(atom: _Atom, ref: dt.date) -> Tuple[int, bool]:
    """The first year of a decade, and whether it is relative: 1990 of thập niên 1990; of thập niên 90
    the 90s of the century named after it, or else the latest that does not start after the
    reference's decade."""
    dec = atom["dec"]
    if len(dec) == 4:
        return int(dec), False
    if atom["cn"] or atom["crel"]:
        number, relative = _century(atom, ref)
        return 100 * (number - 1) + int(dec), relative
    year = _need(ref).year // 100 * 100 + int(dec)
    return (year - 100 if year > ref.year // 10 * 10 else year), True


def _shift_count(atom: _Atom) -> int:
    """The signed count of a shift: 3 for 3 tuần sau and sau 3 tuần, -3 for 3 ngày trước and cách đây
    3 ngày."""
    n = int(atom["n"]) if atom["n"].isdigit() else _LEX["small_numbers"][_key(atom["n"])]
    return n * (_LEX["shift_directions"][_key(atom["sdir"])] if atom["sdir"] else 1 if atom["later"] else -1)


def _clock_shift(atom: _Atom, ref: Optional[dt.date],
                 moment: Optional[dt.datetime]) -> Optional[Tuple[DateValue, str, bool]]:
    """2 giờ trước: the reference's time moved by hours or minutes; None against a bare date."""
    if moment is None:
        _need(ref)  # a reference without a time: no time to move
        return None
    unit = _LEX["clock_shift_units"][_key(atom["unit"])]
    return moment + dt.timedelta(**{unit: _shift_count(atom)}), "time", True


def _part_of(pp: _Atom, target: _Atom, ref: Optional[dt.date]) -> Tuple[dt.date, str, bool]:
    unit = _period_unit(target)
    offset = _LEX["period_parts"][_key(pp["pp"])][unit]  # KeyError: thượng tuần năm is no date
    start, unit, relative = _period(target, ref)
    if unit == "week":
        return start + dt.timedelta(days=offset), unit, relative
    if unit == "month":
        return start.replace(day=offset), unit, relative
    if unit == "quarter":
        return start.replace(month=start.month + offset - 1), unit, relative
    return start.replace(month=offset), unit, relative


def _part_rule(part: Optional[str]) -> dict:
    return _LEX["parts_of_day"][_key(part)] if part else {}


def _clock(atom: Optional[_Atom], part: Optional[str]) -> Tuple[dt.time, int]:
    """The clock time of a time atom, read in ``part`` of the day unless it names its own, or
    without one the hour that ``part`` names (nửa đêm is 12 giờ đêm), and the days it moves the date
    by: 12 giờ đêm and 24 giờ are the midnight that ends the day, 0:00 the day after."""
    if atom is None:
        hour, minute, second, to = _part_rule(part)["at"], 0, 0, None
    else:
        hour, minute = _number(atom["h"]), _number(atom["mi"] or "0") + (30 if atom["half"] else 0)
        second, to, part = int(atom["s"] or 0), atom["to"], atom["part"] or part
    rule = _part_rule(part)
    pm = rule.get("pm")
    if pm and pm[0] <= hour <= pm[1]:
        hour += 12
    elif hour == 12 and rule.get("midnight"):
        hour = 24  # 12 giờ đêm: the midnight that ends the day, as 24 giờ is
    elif hour > 24 or hour == 24 and minute:
        raise ValueError("no clock time: %d:%02d" % (hour, minute))
    if to:  # 3 giờ kém 15 is 2:45
        hour, minute = hour - 1, 60 - minute
    days, hour = divmod(hour, 24)
    return dt.time(hour, minute, second), days


def _zone(text: Optional[str], sign=None, hours=None, minutes=None) -> dt.tzinfo:
    if text in ("Z", "z"):
        return dt.timezone.utc
    if text:
        sign, hours, minutes = text[0], text[1:3], text[-2:]
    if hours is None:
        return VIETNAM_TZ
    offset = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
    return dt.timezone(-offset if sign == "-" else offset)


def _period_unit(atom: _Atom) -> str:
    """The grain of a period atom, known before it is resolved."""
    if atom.kind in ("relperiod", "unit", "shift"):
        unit = _LEX["relative_periods"][_key(atom["rper"])][0] if atom.kind == "relperiod" else \
            _LEX["shift_units"][_key(atom["unit"])]
        return "day" if atom.kind == "shift" else unit
    return "year" if atom.kind == "bareyear" else atom.kind


def _resolve(group: _Group, ref: Optional[dt.date], context: Optional[dt.date],
             moment: Optional[dt.datetime] = None) -> Optional[Tuple[Optional[DateValue], str, bool]]:
    """(value, grain, relative) of a group, or None when it names no valid date; ``moment`` is the
    reference's time, if known. Without a reference (and a day named before it, for a time alone)
    a mention that needs one keeps its grain with no value."""
    atoms = group.atoms
    grain = "day"
    try:
        if "period" in group.roles:
            if len(atoms) == 2:
                grain = _period_unit(atoms[1])
                return _part_of(atoms[0], atoms[1], ref)
            if atoms[0].kind in ("ppart", "unit"):
                return None
            if atoms[0].kind == "shift" and _key(atoms[0]["unit"]) in _LEX["clock_shift_units"]:
                grain = "time"
                return _clock_shift(atoms[0], ref, moment)
            grain = _period_unit(atoms[0])
            return _period(atoms[0], ref)
        by_role = {role: atom for atom in atoms for role in atom.roles}  # one of each: see _Group.joins
        main, timed, zone = by_role.get("abs") or by_role.get("rel"), by_role.get("time"), by_role.get("tz")
        if main is None and timed is None:  # a zone alone
            return None
        part = main["part"] if main and main.kind != "iso" else None
        if timed is not None or "at" in _part_rule(part):  # đêm 20/7 is a day, nửa đêm 20/7 a time
            grain = "time"
            clock, days = _clock(timed, part)
        day, relative = _day(main, ref, context) if main else (_need(context), True)
        if grain == "day":
            return day, "day", relative
        tz = _zone(timed["z"]) if timed is not None and timed.kind == "iso" else \
            _zone(None, zone["tzs"], zone["tzh"], zone["tzm"]) if zone else VIETNAM_TZ
        value = dt.datetime.combine(day + dt.timedelta(days=days), clock, tzinfo=tz).astimezone(VIETNAM_TZ)
        return value, "time", relative
    except _NoReference:
        return None, grain, True
    except (ValueError, KeyError, OverflowError):
        return None


def _bare_hours(group: _Group) -> bool:
    """``3 giờ`` alone: as often a duration as a clock time, a time only after ``lúc``/``vào``."""
    first = group.atoms[0]
    return len(group.atoms) == 1 and first.kind == "time" and bool(first["hw"]) and \
        not (first["part"] or first["mi"] or first["half"])


def _in_running_text(text: str, group: _Group) -> bool:
    """False for groups that running text shows to be no date (durations, fractions, ordinals)."""
    before = text[max(0, group.start - _WINDOW):group.start]
    first = group.atoms[0]
    spelled_year = first.kind == "year" and not first["y"].isdigit()  # a count may go on in words
    if (first.kind in ("relperiod", "ppart", "month", "quarter", "century") or spelled_year) and \
            _COUNT_BEFORE.search(before):
        return False  # 17 năm qua, 6 tháng đầu năm, mỗi tháng 3 triệu, mỗi năm hai nghìn lượt khách, 2 thế kỷ trước
    if _bare_hours(group):
        return bool(_CLOCK_CUE_BEFORE.search(before))  # mất 3 giờ
    if len(group.atoms) > 1:
        return True
    bare = not (first["part"] or first["dayword"])
    if first.kind in ("dm", "month") and first.m.group(0)[0].isdigit() and _NUMBER_CUE_BEFORE.search(before):
        return False  # Quyết định số 1/2020
    if first.kind == "dm" and bare and not any(first[name] for name in ("y", "yrel", "dir", "lunar", "leap")):
        return bool(_DAY_CUE_BEFORE.search(before) or _STOP_AFTER.match(text, group.end))  # 6/10 vị trí
    if first.kind == "weekday" and bare and (first["wd"] or "").isdigit() and not (first["wrel"] or first["dir"]):
        return bool(_DAY_CUE_BEFORE.search(before))  # đứng thứ 2
    return True


# -- public -----------------------------------------------------------------------------------------
def find_dates(text: str, reference: dt.date | dt.datetime | None = None) -> List[DateMention]:
    """Every date or time mention in ``text``, in order, resolved against ``reference``."""
    ref, moment = _reference(reference)
    context = ref  # the day last named: bare times and cùng ngày fall on it
    mentions: List[DateMention] = []
    for group in _groups(text, strict=True):
        if not _in_running_text(text, group):
            continue
        resolved = _resolve(group, ref, context, moment)
        if resolved is None:
            continue
        value, grain, relative = resolved
        if not group.roles.isdisjoint(_DAY):  # a day that needed the missing reference is unknown
            context = value.date() if isinstance(value, dt.datetime) else value
        mentions.append(DateMention(text[group.start:group.end], group.start, group.end, value, grain, relative))
    return mentions


def _whole(s: str, groups: List[_Group], ref: dt.date,
           moment: Optional[dt.datetime] = None) -> Optional[Tuple[_Group, Tuple[DateValue, str, bool]]]:
    """The one group, of the lenient ``groups`` of ``s``, that makes up ``s`` but for cue words before
    and punctuation after."""
    if len(groups) != 1:
        return None
    group = groups[0]
    if not (_CUES.fullmatch(s, 0, group.start) and _PUNCT.fullmatch(s, group.end)):
        return None
    if _bare_hours(group) and not _CLOCK_CUE_BEFORE.search(s, 0, group.start):
        return None
    resolved = _resolve(group, ref, ref, moment)
    return None if resolved is None else (group, resolved)


def parse_date(s: str, reference: dt.date | dt.datetime | None = None) -> Optional[DateValue]:
    """The date or time that the whole of ``s`` expresses, or None; never raises on a string."""
    if not isinstance(s, str) or len(s) > _MAX_STRING:
        return None
    found = _whole(s, _groups(s, strict=False), *_reference(reference))
    return None if found is None else found[1][0]


def find_date_line(line: str) -> Optional[Tuple[DateValue, int, int]]:
    """``(value, start, end)`` when ``line`` is a publication-date line, with the span of the date in it.

    A date line names an absolute day, alone or with cue words (``Đăng ngày 28/07/2017``,
    ``Thứ Ba, 17/09/2024 - 13:25``, ``# date = 20201001``), or ends a dateline footer, a short byline
    and a separator before the date (``Nam Thành - Thể thao Việt Nam | 23:00 06/02/2017``). A body
    sentence that holds a date is not one, nor is a relative date (``Hôm nay``) or a bare year."""
    if not isinstance(line, str) or len(line) > _MAX_DATE_LINE or not _YEAR_DIGITS.search(line):
        return None
    ref = None  # a date line names an absolute day
    groups = _groups(line, strict=False)
    found = _whole(line, groups, ref)
    if found is None:
        if not groups or not _PUNCT.fullmatch(line, groups[-1].end):
            return None
        prefix = _DATELINE_PREFIX.fullmatch(line, 0, groups[-1].start)
        if prefix is None or len(prefix.group("who").split()) > _MAX_LINE_PREFIX_WORDS:
            return None
        resolved = _resolve(groups[-1], ref, ref)
        found = None if resolved is None else (groups[-1], resolved)
    if found is None:
        return None
    group, (value, grain, relative) = found
    if relative or grain not in ("day", "time"):
        return None
    first = group.atoms[0]
    # Đăng ngày 28/07/2017: the day word belongs to the cue, the date is 28/07/2017
    trim = first["dayword"] and first["d"] and not first["part"]
    start = first.m.start("d0" if first["d0"] else "d") if trim else group.start
    return value, start, group.end

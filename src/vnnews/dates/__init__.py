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
  (``tuần này``, ``tháng 10/2017``, ``thg 10``, ``quý 3``, ``năm ngoái``); a quarter is also written
  ``Q3/2020``, ``Q1 2021``, ``Q4-2019`` or ``Q2.2022``, in upper case and in running text with a
  four-digit year only, as ``Q3``, ``Q.3`` and ``Q1, TP HCM`` are a district (Quận) there; ``Q4`` alone
  is the quarter only in a string known to be a date (:func:`parse_date`);
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
  is a duration (``3 tuần``, ``17 năm qua``, ``6 tháng đầu năm``), not a date; ``3 ngày tới``, ``3
  ngày nữa`` and ``sau 3 ngày nữa`` are the day 3 days later, but ``trong 3 ngày tới`` is the span of
  the coming days, no date;
- hours and minutes shift the reference's time (``2 giờ trước``, ``30 phút trước``), so they resolve
  only against a reference that has one (a datetime), never against a bare date;
- ``đầu``/``giữa``/``cuối`` give the first day of the first, middle or last part: of a month the 1st,
  11th and 21st (as ``thượng``/``trung``/``hạ tuần``), of a year 1 January, 1 May and 1 September, of
  a quarter its first, second and third month, of a week Monday, Wednesday and Saturday; ``nửa
  đầu``/``nửa cuối`` (``nửa sau``) the first day of each half (``nửa cuối năm 2020`` is 1 July, of a
  month the 16th), while ``nửa`` before a unit counts (``nửa tháng trước`` is a duration);
- a date without its year (``28/7``, ``ngày 10-12``, ``Giáng sinh``, ``mùng 3 Tết``, ``tháng 7``,
  ``quý 3``) is in the reference's year, the common reading in Vietnamese news, where the coming
  months of the year are named as often as the past ones (in ``../shared/corpus``: a bank plans a
  sale ``trong quý III`` in an article of April 2021, a singer's shows ``của tháng 11`` in one of
  September 2024, a course ``vào tháng 10`` in one of July 2018: the same year each time, where the
  latest past one was wrong). Across New Year the adjacent year wins within 45 days of the reference
  (settings.DATE_YEAR_EDGE_DAYS: ``28/12`` read on 3 January is last December, ``Tết Dương lịch``
  read on 1 December the coming one). A lunar day takes the year in which it falls as a solar day
  (``ông Táo``, 23 of lunar month 12, read in January is the one of that January). ``prefer=``
  ``"past"`` (the latest on or before the reference), ``"future"`` (the first that is not over by
  it: ``tháng 2`` read on 12 February is this February) or ``"nearest"`` changes this for texts that
  need it, and moves a time without a day to the day before or after the reference's (``3 giờ
  sáng`` read at 04:30 is tomorrow's with future); ``tới``/``sắp tới`` after a date always picks
  the next one, ``này`` the one in the reference's week or year, ``vừa qua`` the latest one;
- a day without a month (``ngày 15``) is that day of the reference's month (with ``prefer``, of the
  month before, that one or the one after); in running text only before a stop (``Ngày 15, ...``);
- a bare weekday (``thứ Hai``) is the latest one on or before the reference, since news report the
  recent past (``prefer`` future: the first on or after it; nearest: the nearer of the two);
- a lunar (âm lịch) day is the solar day it falls on (:mod:`vnnews.dates.lunar`, Vietnamese calendar): a
  day and month followed by ``âm lịch``, ``(âm lịch)``, ``ÂL`` or the leap word ``nhuận`` (``15/8 âm
  lịch``, ``mùng 1 tháng 2 nhuận năm 2023``), ``mùng 3 Tết`` and ``ngày 2 Tết``, ``rằm tháng Giêng``
  and the lunar holidays (``Tết Nguyên đán``, ``Giỗ Tổ Hùng Vương``, ``Trung thu``); a year is the
  lunar year, also one named in the 60-year cycle after ``năm`` after a lunar date or after ``Tết``
  (``rằm tháng Giêng năm Giáp Thìn``, ``Tết Giáp Thìn``: of the years of that name the one nearest
  the reference's, or the one written with it: ``Tết Mậu Thân 1968``); without a year a lunar day
  follows the policy for ``28/7`` above; a lunar day that does not exist
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
and ``1.5`` alone as 30 April and 1 May, and a bare hour alone (``3 giờ``, ``15 giờ``; not ``24 giờ``, as
often a day) as a clock time, as well as a range of hours with a part of day (``3-4 giờ chiều``: its
start), while running text takes bare hours only after ``lúc``/``vào`` (``kéo dài 3 giờ`` and
``mất 3 giờ`` are durations). In running text, weekday and month names must be capitalised
(``thứ Hai``, ``tháng Bảy``), since ``thứ hai`` is also "second", unless a part of day stands before
the weekday or a week after it (``sáng thứ hai``, ``thứ ba tuần trước``); parse_date ignores case.

The package: :mod:`.rules` holds the rules, one named record per form (pattern, lead phrases,
resolver), built from the pieces of :mod:`.grammar` and the words of ``lexicon/dates.json``;
:mod:`.scanner` finds where a rule may start and gathers atoms into groups; :mod:`.resolvers` and
:mod:`.resolve` give values, with the arithmetic of :mod:`.calendar` and :mod:`.lunar`. Every
pattern is bounded and tried only at words that can start a date, so a scan is linear in the text.
Text is expected in NFC, as :func:`vnnews.parse_article` provides it.
"""
from __future__ import annotations

import datetime as dt
from typing import List, Optional, Tuple

import regex

from ..limits import check_text
from ..model import DateMention, DateValue
from ..settings import DATE_LINE_MAX_CHARS, DATE_LINE_MAX_PREFIX_WORDS, DATE_MAX_STRING
from .calendar import PREFERENCES, Prefer, reference as _reference
from .grammar import LEX, SP, words
from .resolve import PUNCT, RANGE_LINK, YEAR_DIGITS, in_running_text, resolve, whole
from .scanner import groups

__all__ = ["find_dates", "parse_date", "find_date_line"]

_DAY_ROLES = frozenset(["abs", "rel"])


def _check(prefer) -> None:
    if prefer not in PREFERENCES:
        raise ValueError("prefer must be one of %s, not %r" % (", ".join(map(str, PREFERENCES)), prefer))
# between the two ends of a range: từ 20/5 đến 15/6, 20/5 - 15/6, từ ngày 3 đến ngày 7/8; most mentions
# stand further apart than the longest such gap, which a subtraction tells
_RANGE_GAP = regex.compile(r"%s(?:%s%s)?" % (RANGE_LINK, words(LEX["day_words"]), SP), regex.I)
_RANGE_GAP_MAX = 3 * 3 + max(map(len, LEX["range_links"])) + max(map(len, LEX["day_words"]))  # three spaces a space
_DATELINE_PREFIX = regex.compile(r"(?P<who>\S.*?)\s{0,3}[|\-–—,·]\s{0,3}")


def find_dates(text: str, reference: dt.date | dt.datetime | None = None, prefer: Prefer = None) -> List[DateMention]:
    """Every date or time mention in ``text``, in order, resolved against ``reference``; ``prefer``
    (past, future, nearest) picks the occurrence of a date written without its year (or month, or
    week), by default the reference's own."""
    check_text("find_dates", text)
    ref, moment = _reference(reference)
    _check(prefer)
    context = ref  # the day last named: bare times and cùng ngày fall on it
    mentions: List[DateMention] = []
    for group in groups(text, strict=True):
        if not in_running_text(text, group):
            continue
        resolved = resolve(group, ref, context, moment, prefer)
        if resolved is None:
            continue
        value, grain, relative = resolved
        ends = _range_ends(group)
        part = None
        if ends is not None:  # 28-30/7: a mention of each end, the first as resolved
            first = group.atoms[0]
            split, end = first.m.end(ends[0]), first.m.start(ends[1])
            mentions.append(DateMention(text[group.start:split], group.start, split, value, grain, relative))
            last = resolve(group.replaced(first.without(ends[0])), ref, context, moment, prefer)
            if last is None:
                continue
            value, grain, relative = last
            group = _span(group, end)
            mentions[-1].range_part, part = "start", "end"
        elif mentions and mentions[-1].range_part is None and group.start - mentions[-1].end <= _RANGE_GAP_MAX \
                and _RANGE_GAP.fullmatch(text, mentions[-1].end, group.start):
            start = mentions[-1]  # từ 20/5 đến 15/6: the end of a range falls after its start
            start.range_part, part = "start", "end"
            if _before(value, start.value):  # từ thứ Hai đến thứ Sáu, từ 20/12 đến 5/1
                day = _day(start.value)
                later = resolve(group, day, day, moment, "future")
                if later is not None and not _before(later[0], start.value):
                    value, grain, relative = later
                elif grain == "time" and group.roles.isdisjoint(_DAY_ROLES):  # từ 22h đến 2h sáng: the next day
                    value += dt.timedelta(days=1)
        if not group.roles.isdisjoint(_DAY_ROLES):  # a day that needed the missing reference is unknown
            context = _day(value)
        mentions.append(DateMention(text[group.start:group.end], group.start, group.end, value, grain, relative, part))
    return mentions


def _day(value: Optional[DateValue]) -> Optional[dt.date]:
    return value.date() if isinstance(value, dt.datetime) else value


def _before(value: Optional[DateValue], other: Optional[DateValue]) -> bool:
    """Whether ``value`` falls before ``other`` (a day before a time on a later day; a time before
    another on the same day), both known."""
    if value is None or other is None:
        return False
    if isinstance(value, dt.datetime) and isinstance(other, dt.datetime):
        return value < other
    return _day(value) < _day(other)


def _range_ends(group) -> Optional[Tuple[str, str]]:
    """The names of the groups of a range's first end and of its last, when the group's first atom
    is a range."""
    first = group.atoms[0]
    ends = first.rule.range_ends
    return ends if ends is not None and first[ends[0]] else None


def _span(group, start: int):
    """The group from ``start`` on: the last end of a range."""
    last = group.replaced(group.atoms[0])
    last.start = start
    return last


def parse_date(s: str, reference: dt.date | dt.datetime | None = None, prefer: Prefer = None) -> Optional[DateValue]:
    """The date or time that the whole of ``s`` expresses, or None; never raises on a string.
    ``prefer`` as for find_dates; a range gives its start."""
    _check(prefer)
    if not isinstance(s, str) or len(s) > DATE_MAX_STRING:
        return None
    found = whole(s, list(groups(s, strict=False)), *_reference(reference), prefer)
    return None if found is None else found[1][0]


def find_date_line(line: str) -> Optional[Tuple[DateValue, int, int]]:
    """``(value, start, end)`` when ``line`` is a publication-date line, with the span of the date in it.

    A date line names an absolute day, alone or with cue words (``Đăng ngày 28/07/2017``,
    ``Thứ Ba, 17/09/2024 - 13:25``, ``# date = 20201001``), or ends a dateline footer, a short byline
    and a separator before the date (``Nam Thành - Thể thao Việt Nam | 23:00 06/02/2017``). A body
    sentence that holds a date is not one, nor is a relative date (``Hôm nay``) or a bare year."""
    if not isinstance(line, str) or len(line) > DATE_LINE_MAX_CHARS or not YEAR_DIGITS.search(line):
        return None
    found_groups = list(groups(line, strict=False))
    found = whole(line, found_groups, None)  # a date line names an absolute day: no reference
    if found is None:
        if not found_groups or not PUNCT.fullmatch(line, found_groups[-1].end):
            return None
        prefix = _DATELINE_PREFIX.fullmatch(line, 0, found_groups[-1].start)
        if prefix is None or len(prefix.group("who").split()) > DATE_LINE_MAX_PREFIX_WORDS:
            return None
        resolved = resolve(found_groups[-1], None, None)
        found = None if resolved is None else (found_groups[-1], resolved)
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

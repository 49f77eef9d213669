"""Calendar arithmetic for the date rules: the reference, the start of a period, a shift by months,
and which year a date without one falls in. No clock is read: a resolution that needs the
reference where there is none raises :class:`NoReference`."""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Callable, Literal, Optional, Tuple

from ..model import VIETNAM_TZ
from ..settings import DATE_YEAR_EDGE_DAYS

Prefer = Optional[Literal["past", "future", "nearest"]]  # which occurrence of a date written without its year
PREFERENCES = (None, "past", "future", "nearest")
UNITS = {"week": 7, "month": 1, "quarter": 3, "year": 12}  # days for a week, months for the rest
ANY_LEAP_YEAR = 2000  # without a reference, a day and month are checked in a year where 29/2 exists
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10}  # of a quarter (quý III) or a century (thế kỷ XXI)


class NoReference(Exception):
    """Raised where a mention needs the reference and none was given: it keeps no value."""


def need(ref):
    """``ref``, which the resolution needs: no clock stands in for a missing one."""
    if ref is None:
        raise NoReference
    return ref


def reference(value) -> Tuple[Optional[dt.date], Optional[dt.datetime]]:
    """The reference's day, and its time in Vietnam when it has one; (None, None) without one."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        if not value.tzinfo:
            moment = value.replace(tzinfo=VIETNAM_TZ)
        else:
            try:
                moment = value.astimezone(VIETNAM_TZ)
            except OverflowError:  # hours from the calendar's ends, Vietnam time is past them: the end it passed
                moment = (dt.datetime.max if value.year > 1 else dt.datetime.min).replace(tzinfo=VIETNAM_TZ)
        return moment.date(), moment
    if isinstance(value, dt.date):
        return value, None
    raise TypeError("reference must be a date, a datetime or None, not %s" % type(value).__name__)


def period_start(day: dt.date, unit: str, offset: int = 0) -> dt.date:
    """The first day of the week, month, quarter or year ``offset`` of them after the one of ``day``."""
    if unit == "week":
        return day - dt.timedelta(days=day.weekday() - 7 * offset)
    size = UNITS[unit]
    index = day.year * 12 + (day.month - 1) // size * size + offset * size
    return dt.date(index // 12, index % 12 + 1, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ``weekday`` (0 Monday) of a month: Mother's Day is the second Sunday of May."""
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def choose(make: Callable[[int], dt.date], ref: Optional[dt.date], direction: Optional[int],
           prefer: Prefer = None, unit: Optional[str] = None) -> dt.date:
    """``make(year)`` for the year the rules pick for a date written without one (the first day of a
    ``unit``, a month or a quarter, or a day): the next occurrence after the reference with
    ``direction`` 1 (tới), the latest on or before it with -1 (vừa qua), the one in the reference's
    year with 0 (này); else as ``prefer`` says: the latest on or before the reference (past), the
    first that is not over by it (future: tháng 2 read on 12 February is this February), the
    nearest; by default the one in the reference's year (a lunar
    day of the lunar year before may fall in it: ông Táo, 23 of month 12), unless one across New
    Year is within DATE_YEAR_EDGE_DAYS of the reference (28/12 read on 3 January, Tết Dương lịch
    read on 1 December)."""
    if ref is None:
        raise NoReference
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(make(year))
        except ValueError:  # 29/2 outside leap years
            pass
    if direction == 0:
        return min(day for day in candidates if day.year == ref.year)
    if direction == 1:
        return min(day for day in candidates if day > ref)
    def last_day(start: dt.date) -> dt.date:  # of the day or period
        return start if unit is None else add_months(start, UNITS[unit]) - dt.timedelta(days=1)

    if direction is None and prefer == "future":
        return min(day for day in candidates if last_day(day) >= ref)

    def distance(start: dt.date) -> int:  # days from the reference to the day or period
        return max((start - ref).days, (ref - last_day(start)).days, 0)

    if direction is None and prefer == "nearest":
        return min(candidates, key=distance)
    if direction is None and prefer is None:
        edge = [day for day in candidates if day.year != ref.year and distance(day) <= DATE_YEAR_EDGE_DAYS]
        return min(edge or [day for day in candidates if day.year == ref.year], key=distance)
    return max(day for day in candidates if day <= ref)


def month_day_in(ref: Optional[dt.date], day: int, prefer: Prefer) -> dt.date:
    """Day ``day`` of a month without its number: of the reference's month by default, else of the
    month before, that one or the one after, as ``prefer`` says (nearest: the earlier on a tie)."""
    if not 1 <= day <= 31:
        raise ValueError("no day of a month: %d" % day)
    candidates = []
    for offset in (-1, 0, 1) if prefer else (0,):
        month = add_months(need(ref).replace(day=1), offset)
        if day <= calendar.monthrange(month.year, month.month)[1]:
            candidates.append(month.replace(day=day))
    return by_preference(candidates, ref, prefer)


def by_preference(candidates: list, ref, prefer: Prefer):
    """Of ``candidates`` (days, or times), the latest on or before ``ref`` (past), the first on or after
    it (future), else the nearest (the earlier on a tie)."""
    if prefer == "past":
        return max(candidate for candidate in candidates if candidate <= ref)
    if prefer == "future":
        return min(candidate for candidate in candidates if candidate >= ref)
    return min(candidates, key=lambda candidate: (abs(candidate - ref), candidate > ref))


def roman(text: str) -> int:
    """A number in Roman digits, as the patterns allow them (quý III, thế kỷ XIX)."""
    values = [_ROMAN_DIGITS[c] for c in text]
    return sum(-v if v < after else v for v, after in zip(values, values[1:] + [0]))  # XIX: the I counts -1

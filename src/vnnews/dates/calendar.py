"""Calendar arithmetic for the date rules: the reference, the start of a period, a shift by months,
and which year a date without one falls in. No clock is read: a resolution that needs the
reference where there is none raises :class:`NoReference`."""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Callable, Optional, Tuple

from ..model import VIETNAM_TZ

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


def choose(make: Callable[[int], dt.date], ref: Optional[dt.date], direction: Optional[int],
           nearest: bool) -> dt.date:
    """``make(year)`` for the year the rules pick for a date written without one: the reference's
    year with ``direction`` 0 (này), the next occurrence after the reference with 1 (tới), the latest
    on or before it with -1 or, without ``nearest``, by default; else the nearest one."""
    if ref is None:
        raise NoReference
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


def nearest_month_day(ref: Optional[dt.date], day: int) -> dt.date:
    """Day ``day`` of the reference's month, the month before or the one after, whichever is
    nearest the reference (the earlier one on a tie)."""
    if not 1 <= day <= 31:
        raise ValueError("no day of a month: %d" % day)
    candidates = []
    for offset in (-1, 0, 1):
        month = add_months(need(ref).replace(day=1), offset)
        if day <= calendar.monthrange(month.year, month.month)[1]:
            candidates.append(month.replace(day=day))
    return min(candidates, key=lambda candidate: (abs((candidate - ref).days), candidate > ref))


def roman(text: str) -> int:
    """A number in Roman digits, as the patterns allow them (quý III, thế kỷ XIX)."""
    values = [_ROMAN_DIGITS[c] for c in text]
    return sum(-v if v < after else v for v, after in zip(values, values[1:] + [0]))  # XIX: the I counts -1

"""What the atom of each rule means: a day (with whether it depends on the reference), or the first
day of a period with its grain. Each rule in :mod:`.rules` names its resolver from here; the rules
of resolution are in the package docstring."""
from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import TYPE_CHECKING, Optional, Tuple

from .. import numbers
from ..settings import DATE_TWO_DIGIT_PIVOT
from .calendar import (ANY_LEAP_YEAR, UNITS, Prefer, add_months, choose, month_day_in, need, nth_weekday, period_start,
                       roman)
from .grammar import LEX, YEARS, key
from .lunar import lunar_to_solar, sexagenary_year

if TYPE_CHECKING:
    from .rules import Atom

Day = Tuple[dt.date, bool]  # a day, and whether it depends on the reference
Period = Tuple[dt.date, str, bool]  # the first day of a period, its grain, and whether it is relative


# -- reading the pieces of an atom ------------------------------------------------------------------
def number(text: str) -> int:
    """A whole number in digits or in words (hai mươi mốt), read by vnnews.numbers."""
    if text.isdigit():
        return int(text)
    value = numbers.value(numbers.tokens(text))
    if value is None or value != int(value):
        raise ValueError("no whole number: %s" % text)
    return int(value)


def year(text: str) -> int:
    """A year of YEARS, in digits or in words (hai nghìn không trăm hai mươi)."""
    value = number(text)
    if value not in YEARS:
        raise ValueError("no year: %s" % text)
    return value


def year_of(atom: Atom, ref: Optional[dt.date]) -> Optional[int]:
    """The year an atom names, by number, by năm nay and the like, or in the 60-year cycle."""
    value = year(atom["y"]) if atom["y"] else \
        need(ref).year + LEX["relative_periods"][key(atom["yrel"])][1] if atom["yrel"] else None
    if atom["stem"]:  # Giáp Thìn: the one nearest the year written with it (which it must be) or the reference's
        named = sexagenary_year(LEX["lunar_year_stems"][key(atom["stem"])],
                                LEX["lunar_year_branches"][key(atom["branch"])],
                                need(ref).year if value is None else value)
        if value is not None and named != value:
            raise ValueError("%s %s is not %d" % (atom["stem"], atom["branch"], value))
        return named
    return value


def month_number(text: str) -> int:
    return int(text) if text.isdigit() else LEX["months"][key(text)]


def direction(atom: Atom) -> Optional[int]:
    return LEX["directions"][key(atom["dir"])] if atom["dir"] else None


def is_lunar(atom: Atom) -> bool:
    return atom.rule.name == "lunar" or bool(atom["lunar"] or atom["leap"])


def day_maker(atom: Atom, day: int, month: int):
    """The date of ``day`` and ``month`` in a given year, solar or lunar as ``atom`` says."""
    if is_lunar(atom):
        leap = bool(atom["leap"])
        return lambda in_year: lunar_to_solar(day, month, in_year, leap)
    return lambda in_year: dt.date(in_year, month, day)


def day_month(atom: Atom, ref: Optional[dt.date], day: int, month: int, prefer: Prefer) -> Day:
    """A day and month in the year that ``atom`` names, or else in the year that the direction or
    ``prefer`` picks, by default the reference's (for a lunar day, the lunar year of that number)."""
    return in_a_year(atom, ref, day_maker(atom, day, month), prefer, check=not is_lunar(atom))


def in_a_year(atom: Atom, ref: Optional[dt.date], make, prefer: Prefer, check: bool = True) -> Day:
    """``make(year)`` for the year that ``atom`` names, or else the year that the direction or
    ``prefer`` picks; ``check``: whether a day that exists in no year is no date without a reference too."""
    in_year = year_of(atom, ref)
    if in_year is not None:
        return make(in_year), not atom["y"]
    if ref is None and check:
        make(ANY_LEAP_YEAR)  # 31/2 is no date, with or without a reference
    return choose(make, ref, direction(atom), prefer), True


def shift_count(atom: Atom) -> Fraction:
    """The signed count of a shift: 3 for 3 tuần sau and sau 3 tuần, -3 for 3 ngày trước and cách đây
    3 ngày, 1/2 for nửa tiếng nữa, 5/2 for hai tiếng rưỡi nữa."""
    if atom["nhalf"]:
        n = Fraction(1, 2)
    else:
        n = int(atom["n"]) if atom["n"].isdigit() else LEX["small_numbers"][key(atom["n"])]
        n += Fraction(1, 2) if atom["half"] else 0
    return n * (LEX["shift_directions"][key(atom["sdir"])] if atom["sdir"] else 1 if atom["later"] else -1)


def _whole(count: Fraction) -> int:
    """A count of months or days that must be whole: nửa tháng is no date."""
    if count.denominator != 1:
        raise ValueError("no whole count: %s" % count)
    return int(count)


def century_number(atom: Atom, ref: Optional[dt.date]) -> Tuple[int, bool]:
    """The number of the century an atom names (21 for 2001 to 2100), and whether it is relative."""
    if atom["crel"]:
        return (need(ref).year - 1) // 100 + 1 + LEX["relative_centuries"][key(atom["crel"])], True
    cn = atom["cn"]
    return int(cn) if cn.isdigit() else roman(cn), False


# -- days: (atom, reference, the day last named) -> (day, relative) ----------------------------------
def numeric_day(atom: Atom, ref: Optional[dt.date], context: Optional[dt.date], prefer: Prefer) -> Day:
    """28/7/2017, 2017-07-28, 20170728: a two-digit year below the pivot is in the 2000s."""
    yy = atom["yy"]
    in_year = int(atom["y"]) if atom["y"] else int(yy) + (2000 if int(yy) < DATE_TWO_DIGIT_PIVOT else 1900)
    return day_maker(atom, int(atom["d0"] or atom["d"]), int(atom["m"]))(in_year), False


def day_and_month(atom: Atom, ref: Optional[dt.date], context: Optional[dt.date], prefer: Prefer) -> Day:
    """ngày 28 tháng 7 (năm 2017), 28/7: the year written, or the nearest."""
    return day_month(atom, ref, number(atom["d0"] or atom["d"]), month_number(atom["m"]), prefer)


def english_day(atom: Atom, ref: Optional[dt.date], context: Optional[dt.date], prefer: Prefer) -> Day:
    """Nov 23, 2016"""
    return dt.date(year(atom["y"]), LEX["english_months"][key(atom["em"])], int(atom["d"])), False


def holiday(atom: Atom, ref: Optional[dt.date], context: Optional[dt.date], prefer: Prefer) -> Day:
    name = key(atom["named"] or atom["hol"])
    if name in LEX["weekday_holidays"]:  # Ngày của Mẹ: the second Sunday of May
        nth, weekday, month = LEX["weekday_holidays"][name]
        return in_a_year(atom, ref, lambda in_year: nth_weekday(in_year, month, weekday, nth), prefer)
    day, month = (LEX["named_days"] if atom["named"] else LEX["holidays"])[name]
    return day_month(atom, ref, day, month, prefer)


def lunar_day(atom: Atom, ref: Optional[dt.date], context: Optional[dt.date], prefer: Prefer) -> Day:
    if atom["lhol"]:
        day, month = LEX["lunar_holidays"][key(atom["lhol"])]
    elif atom["full"]:
        day, month = LEX["full_moon"][key(atom["full"])], month_number(atom["m"])
    else:  # mùng 3 Tết; Tết Giáp Thìn and giao thừa go by its first day
        day, month = number(atom["d"] or "1"), 1
    value, relative = day_month(atom, ref, day, month, prefer)
    # giao thừa: the day before Tết, the last of month 12, which has 29 or 30 days
    return (value - dt.timedelta(days=1) if atom["eve"] else value), relative


def month_day(atom: Atom, ref: Optional[dt.date], context: Optional[dt.date], prefer: Prefer) -> Day:
    """ngày 15: in the reference's month or the one next to it; ngày 15 tháng sau: in the month named."""
    if atom["mrel"]:
        return period_start(need(ref), "month", LEX["relative_periods"][key(atom["mrel"])][1]).replace(day=int(atom["d"])), True
    return month_day_in(ref, int(atom["d"]), prefer), True


def relative_day(atom: Atom, ref: Optional[dt.date], context: Optional[dt.date], prefer: Prefer) -> Day:
    table = LEX["relative_days"] if atom["rel"] else LEX["short_relative_days"]
    return need(ref) + dt.timedelta(days=table[key(atom["rel"] or atom["srel"])]), True


def same_day(atom: Atom, ref: Optional[dt.date], context: Optional[dt.date], prefer: Prefer) -> Day:
    """cùng ngày, hôm đó: the day last named."""
    return need(context), True


def _weekday_number(wd: Optional[str], sunday: Optional[str]) -> int:
    """0 for Monday: thứ Hai, thứ 2 (its number is the day's from Sunday, 1), chủ nhật."""
    if sunday:
        return 6
    return int(wd) - 2 if wd.isdigit() else LEX["weekdays"][key(wd)]


def weekday(atom: Atom, ref: Optional[dt.date], context: Optional[dt.date], prefer: Prefer) -> Day:
    """thứ Hai (tuần trước/này/tới): by default the latest one on or before the reference."""
    number_of_day = LEX["weekday_abbreviations"][key(atom["abbr"])] if atom["abbr"] else _weekday_number(atom["wd"], atom["sun"])
    ref = need(ref)
    if atom["wrel"]:
        return period_start(ref, "week", LEX["relative_periods"][key(atom["wrel"])][1]) + \
            dt.timedelta(days=number_of_day), True
    towards = None if atom.rule.name == "wdabbr" else direction(atom)
    if towards == 0:
        return period_start(ref, "week") + dt.timedelta(days=number_of_day), True
    back = (ref.weekday() - number_of_day) % 7
    if towards == 1:
        return ref + dt.timedelta(days=(7 - back) or 7), True
    ahead = (number_of_day - ref.weekday()) % 7
    if towards is None and (prefer == "future" or prefer == "nearest" and ahead < back):
        return ref + dt.timedelta(days=ahead), True
    return ref - dt.timedelta(days=back), True


# -- periods: (atom, reference, its time) -> (first day, grain, relative) -----------------------------
def year_period(atom: Atom, ref: Optional[dt.date], moment: Optional[dt.datetime], prefer: Prefer) -> Period:
    if atom["yd"]:  # một chín bảy lăm: a digit a word
        digits = numbers.words()
        text = "".join(str({**digits.digits, **digits.after_tens}[key(word)]) for word in atom["yd"].split())
        return dt.date(year(text), 1, 1), "year", False
    return dt.date(year(atom["y0"] or atom["y"]), 1, 1), "year", False


def now(atom: Atom, ref: Optional[dt.date], moment: Optional[dt.datetime], prefer: Prefer) -> Optional[Tuple]:
    """ngay lúc này: the reference's moment, which a reference without a time does not give."""
    if moment is None:
        need(ref)
        return None
    return moment, "time", True


def month_period(atom: Atom, ref: Optional[dt.date], moment: Optional[dt.datetime], prefer: Prefer) -> Period:
    month, in_year = month_number(atom["m"]), year_of(atom, ref)
    if in_year is not None:
        return dt.date(in_year, month, 1), "month", not atom["y"]
    dt.date(ANY_LEAP_YEAR, month, 1)  # tháng 13 is no month, with or without a reference
    return choose(lambda y: dt.date(y, month, 1), ref, direction(atom), prefer, "month"), "month", True


def quarter_period(atom: Atom, ref: Optional[dt.date], moment: Optional[dt.datetime], prefer: Prefer) -> Period:
    q = atom["q"]
    number_of_quarter = int(q) if q.isdigit() else LEX["quarter_names"].get(key(q)) or roman(q)
    month, in_year = 3 * number_of_quarter - 2, year_of(atom, ref)
    if in_year is not None:
        return dt.date(in_year, month, 1), "quarter", not atom["y"]
    return choose(lambda y: dt.date(y, month, 1), ref, direction(atom), prefer, "quarter"), "quarter", True


def century_period(atom: Atom, ref: Optional[dt.date], moment: Optional[dt.datetime], prefer: Prefer) -> Period:
    number_of_century, relative = century_number(atom, ref)
    return dt.date(100 * number_of_century - 99, 1, 1), "century", relative


def decade_period(atom: Atom, ref: Optional[dt.date], moment: Optional[dt.datetime], prefer: Prefer) -> Period:
    """1990 of thập niên 1990; of thập niên 90 the 90s of the century named after it, or else the
    latest that does not start after the reference's decade."""
    dec = atom["dec"]
    if len(dec) == 4:
        return dt.date(int(dec), 1, 1), "decade", False
    if atom["cn"] or atom["crel"]:
        number_of_century, relative = century_number(atom, ref)
        return dt.date(100 * (number_of_century - 1) + int(dec), 1, 1), "decade", relative
    first = need(ref).year // 100 * 100 + int(dec)
    return dt.date(first - 100 if first > ref.year // 10 * 10 else first, 1, 1), "decade", True


def relative_period(atom: Atom, ref: Optional[dt.date], moment: Optional[dt.datetime], prefer: Prefer) -> Period:
    unit, offset = LEX["relative_periods"][key(atom["rper"])]
    return period_start(need(ref), unit, offset), unit, True


def relative_period_grain(atom: Atom) -> str:
    return LEX["relative_periods"][key(atom["rper"])][0]


def unit_period(atom: Atom, ref: Optional[dt.date], moment: Optional[dt.datetime], prefer: Prefer) -> Period:
    """đầu năm: the unit after a period part is the reference's."""
    unit = unit_grain(atom)
    return period_start(need(ref), unit), unit, True


def unit_grain(atom: Atom) -> str:
    return LEX["shift_units"][key(atom["unit"])]


def shift(atom: Atom, ref: Optional[dt.date], moment: Optional[dt.datetime], prefer: Prefer) -> Optional[Tuple]:
    """3 tuần sau: whole units from the reference, keeping the day; 2 giờ trước: the reference's time
    moved, which needs a reference with a time."""
    n = shift_count(atom)
    if shift_grain(atom) == "time":
        if moment is None:
            need(ref)  # a reference without a time: no time to move
            return None
        return moment + dt.timedelta(**{LEX["clock_shift_units"][key(atom["unit"])]: float(n)}), "time", True
    unit = unit_grain(atom)
    ref = need(ref)
    if unit in ("day", "week"):
        return ref + dt.timedelta(days=_whole(n * (7 if unit == "week" else 1))), "day", True
    return add_months(ref, _whole(n * UNITS[unit])), "day", True


def shift_grain(atom: Atom) -> str:
    return "time" if key(atom["unit"]) in LEX["clock_shift_units"] else "day"


# -- parts of a period: (part, the period after it, reference) -> (first day, grain, relative) --------
def period_part(pp: Atom, target: Atom, ref: Optional[dt.date], prefer: Prefer) -> Period:
    """đầu tháng 7, giữa năm, cuối quý 3: the first day of the first, middle or last part."""
    unit = target.rule.grain_of(target)
    offset = LEX["period_parts"][key(pp["pp"])][unit]  # KeyError: thượng tuần năm is no date
    start, unit, relative = target.rule.resolve(target, ref, None, prefer)
    if unit == "week":
        return start + dt.timedelta(days=offset), unit, relative
    if unit == "month":
        return start.replace(day=offset), unit, relative
    if unit == "quarter":
        return start.replace(month=start.month + offset - 1), unit, relative
    return start.replace(month=offset), unit, relative


def nth_of(nth: Atom, target: Atom, ref: Optional[dt.date], prefer: Prefer) -> Period:
    """ngày đầu tiên của tháng 5 (1 May), tuần cuối cùng của năm 2017 (the Monday of the week that
    holds 31 December), chủ nhật cuối cùng của tháng 3 (its last Sunday): the first or last day of the
    period, the week that holds it, or the first or last of a weekday in it."""
    start, unit, relative = target.rule.resolve(target, ref, None, prefer)
    first = LEX["nth_positions"][key(nth["nth"])] == 1
    day = start if first else \
        start + dt.timedelta(days=6) if unit == "week" else add_months(start, UNITS[unit]) - dt.timedelta(days=1)
    grain = nth_grain(nth)
    if nth["nthunit"] is None:  # a weekday: the first on or after the period's start, the last on or before its end
        wanted = _weekday_number(nth["nthwd"], nth["nthsun"])
        return day + dt.timedelta(days=(wanted - day.weekday()) % 7 if first else -((day.weekday() - wanted) % 7)), grain, relative
    return (day - dt.timedelta(days=day.weekday()) if grain == "week" else day), grain, relative


def nth_grain(atom: Atom) -> str:
    return "day" if atom["nthunit"] is None else LEX["nth_units"][key(atom["nthunit"])]

"""Vietnamese lunar (âm lịch) dates as Gregorian dates: :func:`lunar_to_solar`; years named in the
60-year cycle (Can Chi: Giáp Thìn is 2024): :func:`sexagenary_year`.

Hồ Ngọc Đức's public-domain astronomical algorithm: new moons and the sun's longitude after Meeus,
"Astronomical Algorithms" (1998). A lunar month starts on the day of its new moon; month 11 is the
one that holds the winter solstice; a lunar year with 13 months repeats the first month that holds
no major solar term (that month is the leap month, ``nhuận``). Days are counted in Vietnam time
(UTC+7), so a new moon just after 16:00 UTC falls a day later than in China (UTC+8) and a month or a
Tết may differ: Tết 1985 was 21 January in Vietnam, 20 February in China.
"""
from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

from ..model import VIETNAM_TZ

# the part of a day that Vietnam time is ahead of UTC: the Vietnamese calendar counts its days in it
_ZONE_DAYS = VIETNAM_TZ.utcoffset(None) / dt.timedelta(days=1)
SYNODIC_MONTH = 29.530588853  # mean days from one new moon to the next
NEW_MOON_1900 = 2415021.076998695  # Julian day of the new moon of 1 January 1900, new moon number 0
_ORDINAL_TO_JULIAN_DAY = 1721425  # date.toordinal() + this is the Julian day number (proleptic Gregorian)
CYCLE_START = 1984  # a Giáp Tý year, the first of a 60-year cycle


def _julian_day(day: dt.date) -> int:
    return day.toordinal() + _ORDINAL_TO_JULIAN_DAY


def _new_moon(k: int) -> float:
    """The Julian day (UTC, with fraction) of the ``k``-th new moon after that of 1 January 1900."""
    t = k / 1236.85  # Julian centuries from 1900
    t2, t3 = t * t, t * t * t
    rad = math.pi / 180
    mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    mean += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * rad)
    sun_anomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    moon_anomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    latitude = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    # the periodic terms that move the true new moon away from the mean one
    correction = ((0.1734 - 0.000393 * t) * math.sin(sun_anomaly * rad) + 0.0021 * math.sin(2 * rad * sun_anomaly)
                  - 0.4068 * math.sin(moon_anomaly * rad) + 0.0161 * math.sin(2 * rad * moon_anomaly)
                  - 0.0004 * math.sin(3 * rad * moon_anomaly)
                  + 0.0104 * math.sin(2 * rad * latitude) - 0.0051 * math.sin(rad * (sun_anomaly + moon_anomaly))
                  - 0.0074 * math.sin(rad * (sun_anomaly - moon_anomaly))
                  + 0.0004 * math.sin(rad * (2 * latitude + sun_anomaly))
                  - 0.0004 * math.sin(rad * (2 * latitude - sun_anomaly))
                  - 0.0006 * math.sin(rad * (2 * latitude + moon_anomaly))
                  + 0.0010 * math.sin(rad * (2 * latitude - moon_anomaly))
                  + 0.0005 * math.sin(rad * (2 * moon_anomaly + sun_anomaly)))
    # ΔT: the new moon above is in dynamical time, days are counted in universal time
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return mean + correction - delta_t


def _new_moon_day(k: int) -> int:
    """The Julian day number of the day, in Vietnam, of the ``k``-th new moon."""
    return math.floor(_new_moon(k) + 0.5 + _ZONE_DAYS)


def _sun_longitude_sector(julian_day: int) -> int:
    """Which twelfth of the ecliptic (0 to 11, 30° each from the vernal equinox) the sun is in at
    the start of the Vietnamese day ``julian_day``: a month with no change of sector holds no major
    solar term."""
    t = (julian_day - 0.5 - _ZONE_DAYS - 2451545.0) / 36525  # Julian centuries from J2000
    t2 = t * t
    rad = math.pi / 180
    mean_anomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    mean_longitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    centre = ((1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(rad * mean_anomaly)
              + (0.019993 - 0.000101 * t) * math.sin(rad * 2 * mean_anomaly)
              + 0.000290 * math.sin(rad * 3 * mean_anomaly))
    longitude = ((mean_longitude + centre) * rad) % (2 * math.pi)
    return math.floor(longitude / math.pi * 6)


def _month_11_start(year: int) -> int:
    """The Julian day on which lunar month 11 of ``year`` starts: the month that holds the winter
    solstice, the last new moon before the sun reaches 270° (sector 9) by the end of the year."""
    k = math.floor((_julian_day(dt.date(year, 12, 31)) - 2415021) / SYNODIC_MONTH)
    start = _new_moon_day(k)
    if _sun_longitude_sector(start) >= 9:  # that new moon is past the solstice: month 11 began one before
        start = _new_moon_day(k - 1)
    return start


def _leap_month_offset(month_11_start: int) -> int:
    """In a 13-month year from ``month_11_start``, how many months after month 11 the leap month
    comes: the first month in which the sun stays in one sector (no major solar term)."""
    k = math.floor((month_11_start - NEW_MOON_1900) / SYNODIC_MONTH + 0.5)
    offset = 1
    sector = _sun_longitude_sector(_new_moon_day(k + offset))
    while offset < 14:
        offset += 1
        previous, sector = sector, _sun_longitude_sector(_new_moon_day(k + offset))
        if sector == previous:
            break
    return offset - 1


@lru_cache(maxsize=4096)  # each call computes a dozen new moons; news name the same few days again and again
def lunar_to_solar(day: int, month: int, year: int, leap: bool = False) -> dt.date:
    """The Gregorian date of day ``day`` of lunar month ``month`` (the leap one with ``leap``) of
    lunar year ``year``; ValueError when there is no such day (day 30 of a 29-day month, a leap flag
    on a month that is not leap that year)."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise ValueError("no lunar date %d/%d/%d" % (day, month, year))
    # months 11 and 12 of a lunar year come after its month 11; the others after the one of the year before
    first = year if month >= 11 else year - 1
    start, next_start = _month_11_start(first), _month_11_start(first + 1)
    k = math.floor((start - NEW_MOON_1900) / SYNODIC_MONTH + 0.5)
    offset = (month - 11) % 12  # months after month 11
    if next_start - start > 365:  # 13 new moons between the two months 11: one month is leap
        leap_offset = _leap_month_offset(start)
        if leap and month != (leap_offset - 2) % 12:  # the leap month repeats the one before it
            raise ValueError("lunar month %d of %d is not leap" % (month, year))
        if leap or offset >= leap_offset:
            offset += 1
    elif leap:
        raise ValueError("lunar year %d has no leap month" % year)
    month_start = _new_moon_day(k + offset)
    if day > _new_moon_day(k + offset + 1) - month_start:
        raise ValueError("lunar month %d of %d has fewer than %d days" % (month, year, day))
    return dt.date.fromordinal(month_start + day - 1 - _ORDINAL_TO_JULIAN_DAY)


def sexagenary_year(stem: int, branch: int, near: int) -> int:
    """The year of the 60-year cycle named by its heavenly stem (0 Giáp to 9 Quý) and earthly branch
    (0 Tý to 11 Hợi) nearest the year ``near``, the earlier on a tie; ValueError for a stem and a
    branch that never name a year together (one even, the other odd)."""
    if (stem - branch) % 2:
        raise ValueError("stem %d and branch %d name no year" % (stem, branch))
    place = (6 * stem - 5 * branch) % 60  # the year in the cycle whose place is stem modulo 10 and branch modulo 12
    year = near - (near - CYCLE_START - place) % 60  # the latest on or before near
    return year + 60 if year + 60 - near < near - year else year

"""From groups of atoms to values: the day and clock time of a group, and the tests that running text
gives for a group that is no date (a duration, a fraction, an ordinal)."""
from __future__ import annotations

import datetime as dt
import re
from typing import List, Optional, Tuple

import regex

from ..model import VIETNAM_TZ, DateValue
from ..settings import DATE_CUE_WINDOW
from .calendar import NoReference, Prefer, by_preference, need
from .grammar import LEX, OSP, key, words
from .resolvers import number
from .rules import Atom
from .scanner import Group

Resolved = Tuple[Optional[DateValue], str, bool]  # value (None: it needs the missing reference), grain, relative

CUES = regex.compile(r"[^\p{L}\p{N}]*(?:%s(?![\p{L}])[^\p{L}\p{N}]*){0,4}" % words(LEX["cues"]), regex.I)
PUNCT = regex.compile(r"[^\p{L}\p{N}]*")
# what stands just before a candidate, searched backwards from its end: forwards, the regex module
# would try the pattern at every position of the window
_COUNT_BEFORE = regex.compile(r"(?:\d+|%s|%s)\s{1,3}(?:%s\s{1,3})?$" % (
    words(LEX["small_numbers"]), words(LEX["count_words"]), words(LEX["shift_units"])), regex.I | regex.REVERSE)
_DAY_CUE_BEFORE = regex.compile(r"(?:(?<![\p{L}])%s\s{1,3}|\(\s{0,2})$" % words(LEX["day_cues"]),
                                regex.I | regex.REVERSE)
_NUMBER_CUE_BEFORE = regex.compile(r"(?<![\p{L}])%s\.?\s{0,3}$" % words(LEX["number_cues"]), regex.I | regex.REVERSE)
CLOCK_CUE_BEFORE = regex.compile(r"(?<![\p{L}])%s\s{1,3}$" % words(LEX["connectors"]), regex.I | regex.REVERSE)
RANGE_LINK = r"%s(?:[-–~]|%s)%s" % (OSP, words(LEX["range_links"]), OSP)  # between a range's ends: -, đến, tới
_RANGE_LINK = regex.compile(RANGE_LINK, regex.I)
_SPAN_CUE_BEFORE = regex.compile(r"(?<![\p{L}])%s\s{1,3}$" % words(LEX["span_cues"]), regex.I | regex.REVERSE)
_RANGE_OPENER_BEFORE = regex.compile(r"(?<![\p{L}])%s\s{1,3}$" % words(LEX["range_openers"]), regex.I | regex.REVERSE)
_STOP_AFTER = regex.compile(r"\s{0,2}(?:[,.;:)]|$)")
# a date line names a day that is not relative, so it writes a year in digits: four (YEAR, 20170728)
# or two after a day and a month (31/10/74); most lines that find_date_line is asked about have none
YEAR_DIGITS = re.compile(r"\d{4}|\d[/.-]\d\d?[/.-]\d\d")


def _part_rule(part: Optional[str]) -> dict:
    return LEX["parts_of_day"][key(part)] if part else {}


def _clock(atom: Optional[Atom], part: Optional[str]) -> Tuple[dt.time, int]:
    """The clock time of a time atom, read in ``part`` of the day unless it names its own, or
    without one the hour that ``part`` names (nửa đêm is 12 giờ đêm), and the days it moves the date
    by: 12 giờ đêm and 24 giờ are the midnight that ends the day, 0:00 the day after."""
    if atom is None:
        hour, minute, second, to = _part_rule(part)["at"], 0, 0, None
    else:
        if atom["h0"]:  # the first end of 3-4h30 chiều: 15:00
            hour, minute, second, to = number(atom["h0"]), 0, 0, None
        else:
            hour, minute = number(atom["h"]), number(atom["mi"] or "0") + (30 if atom["half"] else 0)
            second, to = number(atom["s"] or "0"), atom["to"]
        part = atom["part"] or part
    rule = _part_rule(part)
    pm = rule.get("pm")
    if pm and pm[0] <= hour <= pm[1]:
        hour += 12
    elif hour == 12 and "twelve" in rule:
        hour = rule["twelve"]  # 12:30 AM is 0:30
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


def resolve(group: Group, ref: Optional[dt.date], context: Optional[dt.date],
            moment: Optional[dt.datetime] = None, prefer: Prefer = None) -> Optional[Resolved]:
    """(value, grain, relative) of a group, or None when it names no valid date; ``moment`` is the
    reference's time, if known. Without a reference (and a day named before it, for a time alone)
    a mention that needs one keeps its grain with no value."""
    atoms = group.atoms
    grain = "day"
    try:
        if "period" in group.roles:
            if len(atoms) == 2:  # đầu tháng 7, ngày đầu tiên của tháng 5: a part of the period after it
                part, target = atoms
                grain = part.rule.grain_of(part) or target.rule.grain_of(target)
                return part.rule.resolve(part, target, ref, prefer)
            period = atoms[0]
            if not period.rule.alone:
                return None
            grain = period.rule.grain_of(period)
            return period.rule.resolve(period, ref, moment, prefer)
        by_role = {role: atom for atom in atoms for role in atom.roles}  # one of each: see Group.joins
        main, timed, zone = by_role.get("abs") or by_role.get("rel"), by_role.get("time"), by_role.get("tz")
        if main is None and timed is None:  # a zone alone
            return None
        part = main["part"] if main else None
        if timed is not None or "at" in _part_rule(part):  # đêm 20/7 is a day, nửa đêm 20/7 a time
            grain = "time"
            clock, days = _clock(timed, part)
        day, relative = main.rule.resolve(main, ref, context, prefer) if main else (need(context), True)
        if grain == "day":
            return day, "day", relative
        tz = _zone(timed["z"]) if timed is not None and timed.rule.clock_inside else \
            _zone(None, zone["tzs"], zone["tzh"], zone["tzm"]) if zone else VIETNAM_TZ
        value = dt.datetime.combine(day + dt.timedelta(days=days), clock, tzinfo=tz).astimezone(VIETNAM_TZ)
        if main is None and prefer is not None and moment is not None and context == ref:
            value = _clock_day(value, moment, prefer)
        return value, "time", relative
    except NoReference:
        return None, grain, True
    except (ValueError, KeyError, OverflowError):
        return None


def _clock_day(value: dt.datetime, moment: dt.datetime, prefer: Prefer) -> dt.datetime:
    """A time without a day, on the reference's day or the day before or after, as ``prefer`` says: 3
    giờ sáng read at 04:30 is tomorrow's with future, 15 giờ yesterday's with past."""
    return by_preference([value + dt.timedelta(days=n) for n in (-1, 0, 1)], moment, prefer)


def bare_hours(group: Group) -> bool:
    """``3 giờ`` alone, or a range of hours (``3-4 giờ``, ``3-4h``): as often a duration as a clock time,
    a time only after ``lúc``/``vào`` (``từ`` before a range: từ 3 đến 5 giờ)."""
    first = group.atoms[0]
    return len(group.atoms) == 1 and first.rule.name == "time" and bool(first["hw"] or first["h0"]) and \
        not (first["part"] or first["mi"] or first["half"])


def _an_hour_of_the_clock(atom: Atom) -> bool:
    """3 giờ, 15 giờ, hai mươi ba giờ: one hour from 0 to 23, which a string known to be a date means
    as a time (trong 3 giờ, mất 3 giờ and sau 3 giờ are no such string); not 24 giờ, as often a day
    (24 giờ qua), nor a range without từ (3-4 giờ, as often a duration)."""
    if atom["h0"]:
        return False
    try:
        return number(atom["h"]) < 24
    except ValueError:
        return False


def clock_cue_before(text: str, group: Group) -> bool:
    """Whether a cue before ``group`` makes bare hours a clock time."""
    before = text[max(0, group.start - DATE_CUE_WINDOW):group.start]
    # a range of bare hours only after từ: khoảng 2-3 giờ is a duration
    cue = _RANGE_OPENER_BEFORE if group.atoms[0]["h0"] else CLOCK_CUE_BEFORE
    return bool(cue.search(before))


def in_running_text(text: str, group: Group) -> bool:
    """False for groups that running text shows to be no date (durations, fractions, ordinals)."""
    before = text[max(0, group.start - DATE_CUE_WINDOW):group.start]
    first = group.atoms[0]
    name = first.rule.name
    if first.rule.after_count_is_duration and _COUNT_BEFORE.search(before):
        return False  # 17 năm qua, 6 tháng đầu năm, mỗi tháng 3 triệu, mỗi năm hai nghìn lượt khách, 2 thế kỷ trước
    if name == "shift" and first["sdir"] and key(first["sdir"]) in LEX["coming_directions"] \
            and _SPAN_CUE_BEFORE.search(before):
        return False  # trong 3 ngày tới: the coming days
    if bare_hours(group):
        return clock_cue_before(text, group)  # mất 3 giờ
    if len(group.atoms) > 1:
        return True
    bare = not (first["part"] or first["dayword"])
    if name in ("dm", "month") and first.m.group(0)[0].isdigit() and _NUMBER_CUE_BEFORE.search(before):
        return False  # Quyết định số 1/2020
    if name == "dm" and bare and not any(first[group_name] for group_name in ("y", "yrel", "dir", "lunar", "leap")):
        return bool(_DAY_CUE_BEFORE.search(before) or _STOP_AFTER.match(text, group.end))  # 6/10 vị trí
    if name == "weekday" and bare and (first["wd"] or "").isdigit() and not (first["wrel"] or first["dir"]):
        return bool(_DAY_CUE_BEFORE.search(before))  # đứng thứ 2
    return True


def whole(s: str, found: List[Group], ref: Optional[dt.date],
          moment: Optional[dt.datetime] = None, prefer: Prefer = None) -> Optional[Tuple[Group, Resolved]]:
    """The one group, of the lenient groups ``found`` in ``s``, that makes up ``s`` but for cue words
    before and punctuation after; of a range of two (từ 20/5 đến 15/6, 08:30-11:00), the first."""
    last_end = found[-1].end if found else 0
    if len(found) == 2 and _RANGE_LINK.fullmatch(s, found[0].end, found[1].start):
        if resolve(found[1], ref, ref, moment, prefer) is None:
            return None  # từ 20/5 đến 45/6 is no range
        found = found[:1]
    if len(found) != 1:
        return None
    group = found[0]
    if not (CUES.fullmatch(s, 0, group.start) and PUNCT.fullmatch(s, last_end)):
        return None
    if bare_hours(group) and not clock_cue_before(s, group) and not _an_hour_of_the_clock(group.atoms[0]):
        return None
    resolved = resolve(group, ref, ref, moment, prefer)
    return None if resolved is None else (group, resolved)

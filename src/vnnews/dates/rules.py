"""The date rules: one named record per form of date piece ("atom"), in order of preference.

A rule is a name, a role, a builder that gives its pattern and its lead phrases from the shared
:class:`~.grammar.Grammar` (for running text, ``strict``, or for a string known to be a date), and
a resolver from :mod:`.resolvers`. The lead phrases are where the rule's pattern can start: lexicon
words, a word and the one that must follow it where that word alone is common (đầu tháng, not đầu
tư), or a number (DIGIT) and what must follow it; the scanner tries a rule only at its leads.

Roles say what an atom contributes when atoms written together make one date (``Thứ Ba, 17/09/2024
- 13:25``): a day (``abs``, which wins over ``rel``), a clock time (``time``) or a zone (``tz``);
a ``period`` (a month, a year, a shift) stands alone, or after a period part (đầu tháng 7).

To add a form: one rule here (or a branch of one), its words in ``lexicon/dates.json``, and rows in
``tests/corpora/dates*.tsv``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, FrozenSet, Literal, NamedTuple, Optional, Set, Tuple, Union

import regex

from . import resolvers as r
from .grammar import (CENTURIES, DIGIT, LEX, OSP, SP, STOP, STOP_AHEAD, WORD_END, YEAR, Grammar, not_before, number_word,
                      number_words, phrases, words, year_in)

Role = Literal["abs", "rel", "time", "tz", "period"]


class Form(NamedTuple):
    """What a rule's builder gives: its pattern (None: not in this mode) and its lead phrases."""

    pattern: Optional[str]
    leads: Set[str]


@dataclass(frozen=True)
class Rule:
    name: str
    role: Role
    build: Callable[[Grammar], Form]
    resolve: Optional[Callable] = None  # a day, a period or a part resolver of .resolvers
    alone: bool = True  # a date by itself; else only after a period part (đầu tháng) or as a part of one
    grain: Union[str, Callable[["Atom"], str], None] = None  # of a period, known before it resolves
    ranged: bool = False  # a dash may join two of them (8h-17h, 28/7-2/8), so a dash may bound it
    part_target: bool = False  # may follow a period part: đầu tháng 7, cuối năm nay
    takes_target: bool = False  # a part of the period that follows it (đầu, ngày đầu tiên của), with it one date
    after_count_is_duration: bool = False  # 17 năm qua, 6 tháng đầu năm, mỗi tháng 3 triệu
    clock_inside: bool = False  # may carry its own clock time (2020-09-07T03:56): then it is a day and a time
    range_ends: Optional[Tuple[str, str]] = None  # its groups of a range's first end and last one (28-30/7)

    def grain_of(self, atom: "Atom") -> str:
        return self.grain(atom) if callable(self.grain) else self.grain


RULES: Dict[str, Rule] = {}  # in order of preference: at a lead, the first rule that matches wins


def rule(name: str, role: Role, **options) -> Callable[[Callable[[Grammar], Form]], Callable[[Grammar], Form]]:
    """Register the decorated builder as the rule ``name``."""
    def register(build: Callable[[Grammar], Form]) -> Callable[[Grammar], Form]:
        RULES[name] = Rule(name, role, build, **options)
        return build
    return register


class Atom:
    """A match of one rule; ``atom[name]`` is its group ``name``, None when it has none."""

    __slots__ = ("rule", "m", "roles", "_values", "_index")

    def __init__(self, rule: Rule, m: regex.Match, index: Dict[str, int]):
        self.rule, self.m, self._values, self._index = rule, m, m.groups(), index  # groups(): one call
        self.roles = DAY_AND_TIME if rule.clock_inside and self["h"] else ROLES[rule.role]

    def __getitem__(self, name: str) -> Optional[str]:
        place = self._index.get(name)
        return None if place is None else self._values[place]

    def without(self, name: str) -> "Atom":
        """The same match with its group ``name`` taken as unmatched: a range without its start."""
        return Atom(self.rule, self.m, {group: place for group, place in self._index.items() if group != name})


ROLES: Dict[str, FrozenSet[str]] = {role: frozenset([role]) for role in ("abs", "rel", "time", "tz", "period")}
DAY_AND_TIME = frozenset(["abs", "time"])  # an ISO time; also what a zone may follow


# -- days in digits ---------------------------------------------------------------------------------
@rule("iso", "abs", resolve=r.numeric_day, clock_inside=True)
def _iso(g: Grammar) -> Form:
    """2017-07-28, 2024.12.01, 2020-09-07T03:56:00.000Z"""
    return Form(r"%s(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?:(?:T|\s{1,2})(?P<h>\d{1,2}):(?P<mi>\d{2})"
                r"(?::(?P<s>\d{2})(?:[.,]\d{1,6})?)?(?P<z>Z|[+-]\d{2}:?\d{2})?)?" % YEAR, {"#-#-", "#/#/", "#.#."})


@rule("compact", "abs", resolve=r.numeric_day)
def _compact(g: Grammar) -> Form:
    """20201001, in a string known to be a date (# date = 20201001)."""
    return Form(None if g.strict else r"(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)", {DIGIT})


@rule("mdy", "abs", resolve=r.numeric_day)
def _mdy(g: Grammar) -> Form:
    """11/23/16, 11/23/2016: month first, as English-language CMSs print it, read only in a string
    known to be a date and only where the second number cannot be a month."""
    return Form(None if g.strict else r"(?P<m>0?[1-9]|1[0-2])/(?P<d>1[3-9]|2\d|3[01])/(?:%s|(?P<yy>\d\d))" % YEAR,
                {"#/#"})


@rule("dmy", "abs", resolve=r.numeric_day, ranged=True, range_ends=("d0", "d"))
def _dmy(g: Grammar) -> Form:
    """28/7/2017, 28-30/7/2017, 24 - 7 - 2002, 15/8/2024 âm lịch; 20/4/17 after slashes only (10-12-14
    is a score)."""
    return Form(r"%s%s(?P<d>\d{1,2})(?:(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?:%s|%s(?P<yy>\d\d))"
                r"|%s(?P<sep>[/-])%s(?P<m>\d{1,2})%s(?P=sep)%s%s)%s?" % (
        g.prefix, g.day_range, YEAR, "(?<=/\\d{1,2}/)" if g.strict else "", SP, SP, SP, SP, YEAR, g.lunar_tail),
        g.with_part(g.day_month_year | g.day_month_year_after_day))


# -- days and months in words -----------------------------------------------------------------------
@rule("words", "abs", resolve=r.day_and_month)
def _words(g: Grammar) -> Form:
    """ngày 28 tháng 7 năm 2017, ngày 13 thg 11 năm 2018, ngày mười lăm tháng tám; in running text a year or a lunar marker
    must follow a day and month without ngày, as 6 tháng 8 may be a count."""
    after_day_word = r"(?:%s%s)?(?P<dayword>%s)%s(?:(?P<d>\d{1,2})%s%s|(?P<d>%s)%s%s%s%s)" % (
        g.part, SP, g.day_words, SP, SP, g.named_month, g.spelled, SP, g.month_word, SP, g.month_any)
    bare = r"(?P<d>\d{1,2})%s%s" % (SP, g.named_month)
    tail = "(?:%s)?%s" % (g.lunar_day, g.words_tail)
    # where both forms take the same tail, it is written once after them (the same matches, a third
    # fewer characters to compile on the first parse)
    pattern = ("%s%s|%s(?:%s(?:%s)?|%s)" % (after_day_word, tail, bare, g.lunar_day, g.year_after, g.year_after)
               if g.strict else "(?:%s|%s)%s" % (after_day_word, bare, tail))
    leads = phrases([DIGIT + " " + LEX["month_word"]], [DIGIT] + list(LEX["months"])) \
        | phrases(phrases([DIGIT], LEX["month_word_abbreviations"]), [DIGIT]) \
        | g.with_part(phrases(g.days, [LEX["month_word"]] + LEX["month_word_abbreviations"])
                      | phrases(LEX["day_words"], number_words()["first"]))  # ngày mười lăm
    return Form(pattern, leads)


@rule("dm", "abs", resolve=r.day_and_month, ranged=True, range_ends=("d0", "d"))
def _dm(g: Grammar) -> Form:
    """28/7, ngày 6.5; alone (30-4, 1.5) only in a string known to be a date, as 2-1 is a score, and
    not before an hour word (3-4 giờ chiều is a range of hours)."""
    # the tail written once after both forms: the same matches, a third fewer characters to compile
    return Form(r"(?:%s%s(?P<d>\d{1,2})/(?P<m>\d{1,2})|(?:(?:%s%s)?(?P<dayword>%s)%s)%s(?P<d>\d{1,2})[.-](?P<m>\d{1,2})%s)"
                r"(?:%s)?%s%s" % (
                    g.prefix, g.day_range, g.part, SP, g.day_words, SP, "" if g.strict else "?",
                    not_before(LEX["hour_words"]), g.lunar_day, g.dm_tail, g.direction),
                g.with_part(g.day_month | g.day_month_after_day | (set() if g.strict else {"#.", "#-#"})))


@rule("month_first", "abs", resolve=r.day_and_month)
def _month_first(g: Grammar) -> Form:
    """Tháng Mười Hai 29, 2013: month, day, a comma and the year, as English-language CMSs print a
    date in Vietnamese."""
    return Form(r"%s%s%s%s(?P<d>\d{1,2}),%s%s" % (g.month_word, SP, g.month, SP, OSP, YEAR),
                phrases(g.month_leads, [DIGIT]))


@rule("english", "abs", resolve=r.english_day)
def _english(g: Grammar) -> Form:
    """Nov 23, 2016; November 23rd 2016; 23 Nov 2016: an English month name, a day and a year, in a
    string known to be a date (date lines of English-language CMSs); Vietnamese running text has
    them too rarely to pay for the scan."""
    L = LEX
    name = r"(?P<em>%s)\.?" % words(L["english_months"])
    day = r"(?P<d>\d{1,2})(?:%s)?" % words(L["ordinal_suffixes"])
    return Form(None if g.strict else r"%s%s%s,?%s%s|%s%s%s,?%s%s" % (name, SP, day, OSP, YEAR, day, SP, name, SP, YEAR),
                phrases(list(L["english_months"]) + [name + "." for name in L["english_months"]], [DIGIT])
                | {lead + WORD_END for lead in phrases([DIGIT], L["english_months"])})


@rule("lunar", "abs", resolve=r.lunar_day)
def _lunar(g: Grammar) -> Form:
    """mùng 3 Tết, Tết Giáp Thìn, giao thừa, rằm tháng Giêng, Trung thu: before monthday, as mùng 3
    Tết goes on from mùng 3. Leads: specific words only, not a part of day (sáng mùng 3 Tết is mùng 3
    Tết) nor a day and a number before anything but Tết (ngày 15 is common), so that the scan stays
    fast."""
    L = LEX
    lunar_month = r"(?P<m>\d{1,2}|%s)" % words(L["months"])  # any case: rằm tháng says it is a month
    tet = "(?P<tet>%s)" % words(L["lunar_new_year"])
    pattern = "(?:%s)(?:%s|%s%s|%s%s)?%s" % ("|".join([
        # mùng 3 Tết (Giáp Thìn), ngày 2 Tết, mùng một Tết; ngày 29 Tết and ngày 30 Tết are the last days
        # before it, in month 12
        "(?P<dayword>%s)%s(?P<d>10|0?[1-9]|%s%s)%s%s(?:%s%s)?" % (
            words(L["lunar_new_year_day_words"]), SP, number_word("first"), g.not_number, SP, tet, SP, g.stem_branch),
        "%s%s%s" % (tet, SP, g.stem_branch),  # Tết Giáp Thìn; Tết alone is no date
        # giao thừa (Tết Giáp Thìn), the eve of Tết; not before a year or a solar word, as giao thừa năm
        # 2023, giao thừa 31/12 and giao thừa Tết Dương lịch may be or are the eve of 1 January
        r"(?P<eve>%s)(?!,?%s(?:%s(?![\p{L}])|%s%s(?!%s))|%s\(?%s\d)(?:%s%s)?(?:%s%s)?" % (
            words(L["lunar_new_year_eve"]), SP, words(L["solar_new_year_words"]), g.year_word, SP,
            words(L["lunar_year_stems"]), OSP, OSP, SP, tet, SP, g.stem_branch),
        "(?P<full>%s)%s%s%s%s(?:%s)?" % (words(L["full_moon"]), SP, g.month_word, SP, lunar_month, g.lunar_tail),
        # Trung thu, Tết Trung thu (15/8 âm lịch): the date in brackets is the holiday's own
        r"(?:(?:%s)%s)?(?P<lhol>%s)(?:(?:%s|%s\(%s)\d{1,2}/\d{1,2}(?:%s%s)?(?:%s\))?)?" % (
            words(L["named_day_prefixes"]), SP, words(L["lunar_holidays"]), SP, OSP, OSP, SP, g.lunar_word, OSP),
    ]), g.lunar_year, SP, YEAR, SP, g.yrel, g.direction)
    leads = phrases(phrases(L["lunar_new_year_day_words"], [DIGIT] + number_words()["first"]), L["lunar_new_year"]) \
        | phrases(L["full_moon"], [L["month_word"]]) \
        | phrases(L["lunar_new_year"], L["lunar_year_stems"]) | set(L["lunar_new_year_eve"]) \
        | set(L["lunar_holidays"]) | phrases(L["named_day_prefixes"], L["lunar_holidays"])
    return Form(pattern, leads)


@rule("monthday", "rel", resolve=r.month_day)
def _monthday(g: Grammar) -> Form:
    """ngày 15: the 15th of the reference's month or the one next to it; in running text only before
    a stop (Ngày 15, ...), as mỗi ngày 2 lần and mỗi ngày 2, 3 chuyến are no dates. ngày 15 tháng sau:
    of the month that a relative month names (a date wherever it stands)."""
    months = words(p for p, (unit, _) in LEX["relative_periods"].items() if unit == "month")
    return Form(r"(?:%s%s)?(?P<dayword>%s)%s(?P<d>\d{1,2})(?:%s(?P<mrel>%s)(?![\p{L}])%s%s)" % (
        g.part, SP, g.day_words, SP, SP, months, not_before(LEX["anaphoric_tails"]), "|" + STOP_AHEAD if g.strict else "|"),
        g.with_part(g.days))


@rule("holiday", "abs", resolve=r.holiday)
def _holiday(g: Grammar) -> Form:
    """Giáng sinh, ngày Quốc khánh (2/9), Tết Dương lịch 2024, Ngày của Mẹ (the second Sunday of May; in running
    text capitalised, as một ngày của mẹ is a day of someone's mother)."""
    L = LEX
    return Form(r"(?:%s%s)??(?:(?:%s)%s(?P<named>%s)|(?:(?:%s)%s)?(?P<hol>%s))(?:%s\d{1,2}/\d{1,2})?%s%s" % (
        g.part, SP, words(L["named_day_prefixes"]), SP, words(L["named_days"]),
        words(L["named_day_prefixes"]), SP, "%s|%s" % (words(L["holidays"]), words(L["weekday_holidays"], capital=g.strict)),
        SP,
        "(?:%s/%s%s|%s%s%s%s|%s%s|%s%s)?" % (OSP, OSP, YEAR, SP, g.year_word, SP, YEAR, SP, YEAR, SP, g.yrel),
        g.direction),
        g.with_part(phrases(L["named_day_prefixes"], list(L["named_days"]) + list(L["holidays"])) | set(L["holidays"])
                    | set(L["weekday_holidays"])))


# -- periods ----------------------------------------------------------------------------------------
@rule("month", "period", resolve=r.month_period, grain="month", part_target=True, after_count_is_duration=True)
def _month(g: Grammar) -> Form:
    """tháng 7, tháng Bảy năm 2017, tháng 10/2017, thg 11, 2018, 10/2017, 11-2025, T12/2024 (upper case: T3
    alone is a weekday), 2026/7; not a lunar month (tháng 8 âm lịch)."""
    month_number = r"(?P<m>0?[1-9]|1[0-2])"
    return Form(r"%s%s%s%s|%s%s%s%s|(?:%s)?(?P<m>\d{1,2})[/-]%s|%s/%s" % (
        g.named_month, g.not_lunar, g.month_tail, g.direction, g.month_word, SP, g.month_any,
        year_in("(?P<y>%s)" % g.spelled_year), words([LEX["month_letter"]], capital=g.strict), YEAR, YEAR, month_number),
        {"#/#", "#-#", LEX["month_letter"] + DIGIT} | g.month_leads | set(LEX["month_word_abbreviations"]))


@rule("quarter", "period", resolve=r.quarter_period, grain="quarter", part_target=True,
      after_count_is_duration=True)
def _quarter(g: Grammar) -> Form:
    """quý 3, quý III/2017, quý ba, quý 4 của năm 2018; Q3/2020, Q1 2021: upper case and in running text with
    a year, as Q3 and q3 alone are mostly a district there (Quận 3, Q3, TP HCM); Q4 alone in a string known
    to be a date. The scan is on lower-cased text: the lead q# stands for Q3."""
    return Form(r"%s%s(?P<q>[1-4]|(?-i:IV|I{1,3})|%s(?![\p{L}])%s)(?:%s/%s%s|%s(?:%s%s)?%s%s%s|%s%s)?%s" % (
                    words([LEX["quarter_word"]]), SP, words(LEX["quarter_names"]), not_before(LEX["quarter_name_blockers"]),
                    OSP, OSP, YEAR, SP,
                    words(LEX["period_links"]), SP, g.year_word, SP, YEAR, SP, g.yrel, g.direction)
                + r"|%s(?P<q>[1-4])(?:(?:%s[/\-–]%s|\.|%s)%s)%s" % (
                    words([LEX["quarter_letter"]], capital=True), OSP, OSP, SP, YEAR, "" if g.strict else "?"),
                {LEX["quarter_word"], LEX["quarter_letter"] + DIGIT})


def _century_pattern() -> str:
    """thế kỷ 21, thế kỷ thứ XXI (I to XXIX, upper case), thế kỷ trước (not thế kỷ trước đó, before
    another time)."""
    L = LEX
    return r"%s%s(?:(?:%s%s)?(?P<cn>\d{1,2}|(?-i:(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})))|(?P<crel>%s)%s)" % (
        words(L["century_words"]), SP, words(L["century_ordinals"]), SP, words(L["relative_centuries"]),
        not_before(L["shift_blockers"]))


@rule("century", "period", resolve=r.century_period, grain="century", after_count_is_duration=True)
def _century(g: Grammar) -> Form:
    return Form(_century_pattern(), set(LEX["century_words"]))


@rule("decade", "period", resolve=r.decade_period, grain="decade")
def _decade(g: Grammar) -> Form:
    """the 1990s: a decade's first year or its two digits (in the century after it, if one follows),
    not the first year of a range of years (những năm 2010 - 2015), nor an age (những năm 20 tuổi)."""
    L = LEX
    return Form(r"%s%s(?P<dec>%s?\d0)(?!%s[-–]%s\d)%s(?:%s(?:%s%s)?%s)?" % (
        words(L["decade_words"]), SP, CENTURIES, OSP, OSP, not_before(L["decade_not_before"]), SP,
        words(L["decade_links"]), SP, _century_pattern()), phrases(L["decade_words"], [DIGIT]))


@rule("year", "period", resolve=r.year_period, grain="year", part_target=True, range_ends=("y0", "y"))
def _year(g: Grammar) -> Form:
    """năm 2017; năm 2015-2020 and giai đoạn 2021-2025, a range of years whose first is y0."""
    first = r"(?P<y0>%s\d\d)%s[-–]%s" % (CENTURIES, OSP, OSP)
    return Form(r"%s%s(?:%s)?%s|%s%s%s%s" % (
        g.year_word, SP, first, YEAR, words(LEX["year_range_words"]), SP, first, YEAR),
        phrases([LEX["year_word"]] + LEX["year_range_words"], [DIGIT]))


@rule("year_words", "period", resolve=r.year_period, grain="year", part_target=True, after_count_is_duration=True)
def _year_words(g: Grammar) -> Form:
    """năm một nghìn chín trăm bảy mươi lăm, năm một chín bảy lăm (digit by digit); not after a count
    (mỗi năm hai nghìn lượt khách)."""
    digit = number_word("digits")
    return Form(r"%s%s(?:(?P<y>%s)|(?P<yd>%s(?:%s%s){3})%s)" % (
        g.year_word, SP, g.spelled_year, number_word("year_first"), SP, digit, g.not_number),
        phrases([LEX["year_word"]], number_words()["year_first"]))


@rule("bareyear", "period", resolve=r.year_period, grain="year", part_target=True)
def _bareyear(g: Grammar) -> Form:
    """2017 alone, in a string known to be a date."""
    return Form(None if g.strict else YEAR, {DIGIT})


@rule("shift", "period", resolve=r.shift, grain=r.shift_grain)
def _shift(g: Grammar) -> Form:
    """3 tuần sau, 3 ngày tới, cách đây 3 ngày, 2 giờ trước, 2 giây nữa, sau 2 tiếng, nửa tiếng nữa, hai
    tiếng rưỡi nữa, một năm rưỡi nữa; sau 3 ngày (nữa) only before a stop, even in a string known to be
    a date: sau 3 tháng thi công and sau 3 ngày kể từ khi count from another event; calendar units only
    after sau, as sau 2 giờ is as often after two o'clock."""
    L = LEX
    shift_units = list(L["shift_units"]) + list(L["clock_shift_units"])
    # sau 10 phút in running text counts from an event of the story, not from the reference
    later_units = list(L["shift_units"]) + ([] if g.strict else L["later_clock_units"])
    half = r"(?:%s(?P<half>%s))?" % (SP, words(L["shift_half_tails"]))

    def counted(units: str) -> str:  # a count and a unit: 3 ngày, hai tiếng rưỡi, nửa tiếng
        return r"(?:(?P<n>\d{1,3}|%s)%s(?P<unit>%s)%s|(?P<nhalf>%s)%s(?P<unit>%s))" % (
            words(L["small_numbers"]), SP, units, half, words(L["shift_half_counts"]), SP, units)

    pattern = r"%s%s(?P<sdir>%s)%s|(?P<ago>%s)%s%s" % (
        counted(words(shift_units)), SP, words(L["shift_directions"]), not_before(L["shift_blockers"]),
        words(L["shift_ago"]), SP, counted(words(shift_units))) \
        + r"|(?P<later>%s)%s%s(?:%s(?P<sdir>%s))?%s" % (
            words(L["shift_later"]), SP, counted(words(later_units)), SP, words(L["shift_later_tails"]), STOP_AHEAD)
    # after a number in digits the direction too, as 6 tháng đầu năm is common (a longer trie of
    # words would slow the first parse); after sau a count, a unit and the stop, as sau 3 tháng thi
    # công is common
    counts = [DIGIT] + list(L["small_numbers"])
    later = phrases(phrases(L["shift_later"], counts), later_units)
    later = later | phrases(later, L["shift_half_tails"]) | phrases(phrases(L["shift_later"], L["shift_half_counts"]), later_units)
    digit_units = phrases([DIGIT], shift_units)
    leads = set(L["shift_ago"]) | phrases(L["small_numbers"], shift_units) | phrases(L["shift_half_counts"], shift_units) \
        | phrases(digit_units | phrases(digit_units, L["shift_half_tails"]), L["shift_directions"]) \
        | {lead + STOP for lead in later} | phrases(later, L["shift_later_tails"])
    return Form(pattern, leads)


@rule("relperiod", "period", resolve=r.relative_period, grain=r.relative_period_grain, part_target=True,
      after_count_is_duration=True)
def _relperiod(g: Grammar) -> Form:
    """tuần này, tháng trước, năm ngoái (not tháng sau đó, which counts from the story's time)."""
    return Form(r"(?P<rper>%s)(?![\p{L}])%s" % (words(LEX["relative_periods"]), not_before(LEX["anaphoric_tails"])),
                set(LEX["relative_periods"]))


@rule("now", "period", resolve=r.now, grain="time")
def _now(g: Grammar) -> Form:
    """ngay lúc này: the reference's moment."""
    return Form("(?P<now>%s)" % words(LEX["now_words"]), set(LEX["now_words"]))


@rule("nth", "period", resolve=r.nth_of, grain=r.nth_grain, alone=False, takes_target=True)
def _nth(g: Grammar) -> Form:
    """ngày đầu tiên của, tuần cuối cùng của, chủ nhật cuối cùng của: the first or last day, week or
    weekday of the period after it."""
    L = LEX
    weekday = r"%s%s(?P<nthwd>%s|[2-7])|(?P<nthsun>%s)" % (
        words([L["weekday_word"]]), SP, words(L["weekdays"]), words(L["sundays"]))
    return Form(r"(?:(?P<nthunit>%s)|%s)%s(?P<nth>%s)(?:%s%s)?(?=%s%s(?![\p{L}]))" % (
        words(L["nth_units"]), weekday, SP, words(L["nth_positions"]), SP, words(L["period_links"]), SP, words(g.unit_words)),
        phrases(L["nth_units"], L["nth_positions"]) | g.weekdays)


@rule("ppart", "period", resolve=r.period_part, alone=False, takes_target=True, after_count_is_duration=True)
def _ppart(g: Grammar) -> Form:
    """đầu, giữa, cuối, nửa đầu before a unit: a period part, a date only with the period after it."""
    L = LEX
    return Form(r"(?P<pp>%s)(?=%s%s(?![\p{L}]))" % (words(L["period_parts"]), SP, words(g.unit_words)),
                phrases(L["period_parts"], g.unit_words))


@rule("unit", "period", resolve=r.unit_period, grain=r.unit_grain, alone=False, part_target=True)
def _unit(g: Grammar) -> Form:
    """The unit after a period part (đầu tháng: this month), not đầu tháng 8 âm lịch, a lunar month."""
    L = LEX
    return Form(r"(?<=%s%s)(?P<unit>%s)%s(?!%s(?:\d{1,2}|%s)%s)" % (
        words(L["period_parts"]), SP, words(g.unit_words), not_before(L["unit_compounds"]), SP,
        words(L["months"]), g.lunar_after), set(g.unit_words))


# -- times, weekdays, relative days, zones ----------------------------------------------------------
@rule("time", "time", ranged=True, range_ends=("h0", "h"))
def _time(g: Grammar) -> Form:
    """7:30, 13:25:42, 09:30PM, 9 PM, 7h30, 21h, 13g15, 9h5m30s, 3 giờ, 8 giờ 15 phút (30 giây), 3 giờ kém 15, 8 giờ rưỡi,
    hai mươi giờ;
    an hour in words only after one number word before giờ or two that start a longer number, which
    are rare elsewhere."""
    L, nw = LEX, number_words()
    clock = r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    clock_letter = r"(?P<h>\d{1,2})[hg](?:(?P<mi>\d{2})p?|(?P<mi>\d{1,2})(?:ph|p|m)(?:(?P<s>\d{1,2})s)?)?"
    seconds = r"(?:%s(?P<s>\d{1,2}|%s)%s%s)?" % (SP, g.spelled, SP, words(L["second_words"]))
    # 3-4 giờ chiều, 3-4h chiều, từ 3 đến 5 giờ: a range of hours, h0 its first
    hour_range = r"(?:(?P<h0>\d{1,2})(?:%s[-–]%s|%s%s%s))?" % (OSP, OSP, SP, words(L["range_links"]), SP)
    clock_words = hour_range + r"(?P<h>\d{1,2}|%s)%s(?P<hw>%s)(?:%s(?:(?P<to>%s)%s)?(?P<mi>\d{1,2}|%s)(?:%s%s%s)?|%s(?P<half>%s))?" % (
        g.spelled, SP, words(L["hour_words"]), SP, words(L["to_the_hour_words"]), SP, g.spelled, SP,
        words(L["minute_words"]), seconds, SP, words(L["half_hour_words"]))
    glued = words(L["glued_parts_of_day"])
    hour_of_day = r"(?P<h>\d{1,2})%s(?P<part>%s)(?![\p{L}])" % (OSP, glued)  # 9 PM
    return Form(r"(?:(?:%s|%s%s)(?:(?P<part>%s)(?![\p{L}]))?|%s|%s)(?:%s%s%s)?" % (
        clock, hour_range, clock_letter, glued, clock_words, hour_of_day, SP, g.part, not_before(L["short_relative_days"])),
        {"#:", "#h", "#g"} | phrases([DIGIT] + nw["small"], L["hour_words"]) | phrases(nw["small"], nw["small"])
        | {DIGIT + link + DIGIT + hour for link in ["-", "–", " - ", " – "] + [" %s " % w for w in L["range_links"]]
           for hour in ["h", "g"] + [" " + word for word in L["hour_words"]]}
        | {DIGIT + part + WORD_END for part in L["glued_parts_of_day"]}
        | {lead + WORD_END for lead in phrases([DIGIT], L["glued_parts_of_day"])})


@rule("weekday", "rel", resolve=r.weekday)
def _weekday(g: Grammar) -> Form:
    """thứ Hai, thứ 2, chủ nhật (tuần trước), thứ năm của tuần tới; in running text lower case only after a part of day or
    before a week (sáng thứ hai, thứ ba tuần trước), as thứ hai is also "second"."""
    L = LEX
    weekday = "(?:%s%s(?P<wd>%%s|[2-7])|(?P<sun>%s))" % (words([L["weekday_word"]]), SP, words(L["sundays"]))
    week_tail = "(?:%s(?:%s%s)?(?P<wrel>%s)|%s)" % (SP, words(L["period_links"]), SP, g.week_rel, g.direction)
    weekday_any = words(L["weekdays"])
    pattern = r"%s%s%s" % (g.prefix, weekday % words(L["weekdays"], capital=g.strict), week_tail)
    if g.strict:
        pattern += r"|%s%s(?:%s%s)?%s%s|%s%s(?:%s%s)?(?P<wrel>%s)" % (
            g.part, SP, g.day_words, SP, weekday % weekday_any, week_tail, weekday % weekday_any, SP,
            words(L["period_links"]), SP, g.week_rel)
    return Form(pattern, g.with_part(phrases(L["day_words"], g.weekdays) | g.weekdays))


@rule("wdabbr", "rel", resolve=r.weekday)
def _wdabbr(g: Grammar) -> Form:
    """T2, CN: only right before a numeric date (T2, 17/09/2024)."""
    return Form(r"(?P<abbr>%s)(?=%s[,\-–]?%s\d)" % (words(LEX["weekday_abbreviations"], capital=g.strict), OSP, OSP),
                set(LEX["weekday_abbreviations"]))


@rule("relday", "rel", resolve=r.relative_day)
def _relday(g: Grammar) -> Form:
    """hôm nay, hôm qua, sáng nay, tối qua; nay alone in a string known to be a date."""
    L = LEX
    return Form(r"(?:%s%s)?(?P<rel>%s)|%s%s(?P<srel>%s)(?![\p{L}])" % (
                    g.part, SP, words(L["relative_days"]), g.part, SP, words(L["short_relative_days"]))
                + ("" if g.strict else "|(?P<srel>%s)" % words(L["lone_relative_days"])),
                g.with_part(L["relative_days"]) | phrases(L["parts_of_day"], L["short_relative_days"])
                | (set() if g.strict else set(L["lone_relative_days"])))


@rule("same", "rel", resolve=r.same_day)
def _same(g: Grammar) -> Form:
    """cùng ngày, hôm đó: the day last named."""
    return Form("(?P<same>%s)" % words(LEX["same_day"]), set(LEX["same_day"]))


@rule("tz", "tz")
def _tz(g: Grammar) -> Form:
    """(GMT+7), UTC+07:00"""
    L = LEX
    return Form(r"\(?%s(?:%s)%s(?P<tzs>[+-])%s(?P<tzh>\d{1,2})(?::?(?P<tzm>\d{2}))?%s\)?" % (
        OSP, words(L["timezones"]), OSP, OSP, OSP),
        set(L["timezones"]) | {"(" + zone for zone in L["timezones"]} | phrases(["("], L["timezones"]))

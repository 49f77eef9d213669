"""The pieces that the date rules are built from: white space, years, numbers in words, month and
weekday names, parts of day, lunar markers. Every word comes from ``lexicon/dates.json`` (and the
number words from ``lexicon/numbers.json``); this module only turns word lists into bounded
patterns. Lead phrases, which let the scanner skip text cheaply, are written with two markers:
DIGIT for a number, STOP at the end for a stop that must follow."""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Iterable, List

import regex

from .. import lexicon, numbers
from ..text import INLINE_SPACE

LEX = lexicon.load("dates")

SP = INLINE_SPACE + "{1,3}"  # a date never spans lines
OSP = INLINE_SPACE + "{0,3}"
CENTURIES = "(?:1[89]|2[01])"  # the first two digits of a year a date may name: 1800 to 2199 (see YEARS)
YEARS = range(1800, 2200)
YEAR = r"(?P<y>%s\d\d)" % CENTURIES
DIGIT = "#"  # a number in a lead phrase: "#/" is a number before a slash
STOP = "$"  # at the end of a lead phrase: a stop follows (sau 3 ngày, ...)
WORD_END = "!"  # at the end of a lead phrase after a number: the word ends there (9 pm, not 9 pmx)
STOP_AHEAD = r"(?=%s(?:[.;:)\n]|,(?!%s\d)|$))" % (OSP, OSP)  # a comma before a number may be in a list: 2, 3 chuyến


def key(text: str) -> str:
    """A matched word as a lexicon key: lower case, single spaces."""
    return " ".join(text.lower().split())


def words(entries: Iterable[str], capital: bool = False) -> str:
    """A lexicon word list as a regex alternation, a longer word before its prefix, any white space
    between words: a prefix tree, which the regex module tries faster than a flat list. With
    ``capital`` the first letter must be upper case while the rest ignores case."""
    return _words(frozenset(" ".join(word.split()) for word in entries), capital)


@lru_cache(maxsize=None)  # the rules of both modes ask for the same lists many times on the first parse
def _words(entries: frozenset, capital: bool) -> str:
    if not capital:
        return "(?:%s)" % lexicon.prefix_tree(entries, space=SP)
    rests: Dict[str, set] = {}
    for word in entries:
        rests.setdefault(word[0], set()).add(word[1:])
    return "(?:%s)" % "|".join("(?-i:%s)%s" % (regex.escape(first.upper()), lexicon.prefix_tree(rest, space=SP))
                               for first, rest in sorted(rests.items()))


def not_before(entries: Iterable[str]) -> str:
    """A negative lookahead: not followed by one of ``entries`` as a whole word."""
    return r"(?!%s%s(?![\p{L}]))" % (SP, words(entries))


def phrases(firsts: Iterable[str], seconds: Iterable[str]) -> set:
    """Every lead phrase of a first word and a second one."""
    seconds = list(seconds)
    return {"%s %s" % (first, second) for first in firsts for second in seconds}


def year_in(year: str) -> str:
    """``năm`` and a year (the pattern ``year``)."""
    return ",?%s%s%s%s" % (SP, words([LEX["year_word"]]), SP, year)


@lru_cache(maxsize=None)
def number_words() -> Dict[str, List[str]]:
    """The words of numbers written in words, from the number lexicon (numbers.value reads them):
    ``small`` ones make a day, an hour or a minute (hai mươi mốt), ``first`` ones may start a day,
    ``digits`` are read one by one (năm một chín bảy lăm);
    a year from 1800 to 2199 starts with a ``year_first`` word and a ``thousand`` and goes on with
    ``year`` words (hai nghìn không trăm linh năm); ``all`` number words, none of which may follow a
    number, so that one is read whole or not at all (not năm hai nghìn of năm hai nghìn tỷ)."""
    nw = numbers.words()
    first = [w for w, digit in nw.digits.items() if digit] + sorted(nw.ten)
    small = list(nw.digits) + list(nw.after_tens) + sorted(nw.ten | nw.tens)
    scales = [w for w in nw.scales if w not in nw.digit_only]
    return {"first": first, "small": small, "digits": list(nw.digits) + list(nw.after_tens),
            "year_first": [w for w, digit in nw.digits.items() if digit in (1, 2)],
            "thousand": [w for w in scales if nw.scales[w] == 1000],
            "year": small + sorted(nw.zero_tens) + [w for w in scales if nw.scales[w] == 100],
            "all": small + sorted(nw.zero_tens) + scales}


def number_word(kind: str) -> str:
    """One number word of the ``kind`` of number_words, as a whole word."""
    return r"%s(?![\p{L}])" % words(number_words()[kind])


class Grammar:
    """The shared pieces of the rules' patterns, for running text (``strict``) or for a string known
    to be a date (parse_date, date lines), where case is free and a bare number may be a year."""

    def __init__(self, strict: bool):
        L, nw = LEX, number_words()
        self.strict = strict
        self.year_word = words([L["year_word"]])
        self.month_word = words([L["month_word"]])
        self.day_words = words(L["day_words"])
        self.unit_words = [L["week_word"], L["month_word"], L["quarter_word"], L["year_word"]]
        self.part = "(?P<part>%s)" % words(L["parts_of_day"])
        self.prefix = "(?:%s%s)?(?:(?P<dayword>%s)%s)?" % (self.part, SP, self.day_words, SP)  # sáng ngày
        # lunar: a marker or a leap month word after a day and month makes them lunar (15/8 âm lịch is
        # never 15 August); a month before one is no date (not_lunar)
        self.lunar_word = words(L["lunar_markers"])
        leap = "%s(?P<leap>%s)" % (SP, words(L["leap_month_words"]))
        lunar_mark = "(?:%s(?P<lunar>%s)|%s\\(%s(?P<lunar>%s)%s\\))" % (
            SP, self.lunar_word, OSP, OSP, self.lunar_word, OSP)
        self.lunar_tail = "(?:%s%s?|%s)" % (leap, lunar_mark, lunar_mark)
        self.lunar_after = r"(?:%s|%s\(%s)%s(?![\p{L}])" % (
            SP, OSP, OSP, words(list(L["lunar_markers"]) + L["leap_month_words"]))
        # at the month, so that dropping a year does not get past it: not tháng 8 năm 2017 âm lịch
        self.not_lunar = r"(?!(?:,?%s%s%s%s\d\d)?%s)" % (SP, self.year_word, SP, CENTURIES, self.lunar_after)
        # numbers in words (ngày mười lăm tháng tám năm hai nghìn không trăm hai mươi), as transcripts and
        # normalised text write them: bounded runs of number words, read whole by numbers.value
        self.not_number = not_before(nw["all"])
        self.definitions: Dict[str, str] = {}
        # a number in words is written in place (a call of it in the time rule's three places costs
        # more matching than it saves compiling), a year in words defined once (see defined)
        self.spelled = "%s(?:%s%s){0,2}%s" % (number_word("small"), SP, number_word("small"), self.not_number)
        self.spelled_year = self.defined("spelled_year", "%s%s%s(?:%s%s){0,5}%s" % (
            number_word("year_first"), SP, number_word("thousand"), SP, number_word("year"), self.not_number))
        self.year_after = year_in("(?:%s|(?P<y>%s))" % (YEAR, self.spelled_year))
        # Giáp Thìn: a year of the 60-year cycle, read only after năm after a lunar date or after Tết, as
        # its words are also given names (Mậu Thân)
        self.stem_branch = r"(?P<stem>%s)%s(?P<branch>%s)(?![\p{L}])" % (
            words(L["lunar_year_stems"]), SP, words(L["lunar_year_branches"]))
        cycle_year = "%s(?:%s%s)?" % (self.stem_branch, SP, YEAR)  # Giáp Thìn (2024)
        self.lunar_year = year_in("(?:%s|%s)" % (YEAR, cycle_year))  # one năm for both: no second try after a failed marker
        # ngày 10 tháng 3 năm 2017 (âm lịch), ngày 10 tháng 3 âm lịch năm Giáp Thìn
        self.lunar_day = "(?:%s)?%s(?:%s)?" % (self.lunar_year, self.lunar_tail, year_in(cycle_year))
        self.month = self.month_of(words(L["months"], capital=strict))
        # tháng 11, tháng Mười Một, thg 11: a month after tháng, or its number after its abbreviation
        self.named_month = r"(?:%s%s%s|%s%s(?P<m>\d{1,2}))" % (
            self.month_word, SP, self.month, words(L["month_word_abbreviations"]), SP)
        # after a day or before a year in words, a month name in any case: transcripts have no capitals,
        # and the number says that tháng is no count (ngày mười lăm tháng tám)
        self.month_any = self.month_of(words(L["months"]))
        self.yrel = "(?P<yrel>%s)" % words(k for k, (unit, _) in L["relative_periods"].items() if unit == "year")
        self.direction = "(?:%s(?P<dir>%s)(?!%s(?:\\d|%s|%s|%s|%s)))?" % (
            SP, words(L["directions"]), SP, words(self.unit_words), self.day_words, words([L["weekday_word"]]),
            words(L["sundays"]))
        self.dm_tail = "(?:%s%s%s%s|%s%s)?" % (SP, self.year_word, SP, YEAR, SP, self.yrel)
        bare_year = "" if strict else "|%s%s" % (SP, YEAR)  # 3 tháng 11 2016, in a string known to be a date
        self.words_tail = "(?:%s|%s,%s%s|%s%s%s)?" % (self.year_after, OSP, OSP, YEAR, SP, self.yrel, bare_year)
        self.month_tail = "(?:%s[/-]%s%s|%s|%s,%s%s|%s%s%s)?" % (
            OSP, OSP, YEAR, self.year_after, OSP, OSP, YEAR, SP, self.yrel, bare_year)
        # 28-30/7, 3 đến 7/8, ngày 3 đến ngày 7/8: a range of days in one month, d0 its first day
        self.day_range = r"(?:(?P<d0>\d{1,2})(?:%s[-–]%s|%s%s%s(?:%s%s)?))?" % (
            OSP, OSP, SP, words(L["range_links"]), SP, self.day_words, SP)
        self.week_rel = words(k for k, (unit, _) in L["relative_periods"].items() if unit == "week")
        # lead phrases that several rules share
        self.days = phrases(L["day_words"], [DIGIT])  # ngày 15: a day word alone is common (ngày tới)
        self.month_leads = phrases([L["month_word"]], [DIGIT] + list(L["months"]))  # tháng 7, tháng Bảy
        # the first day of a range before the second (28-30/7, 28 – 30/7, 3 đến 7/8, 3 đến ngày 7/8, but not
        # 3 đến 5 người); a number follows each sign: 5-a, COVID-19 and 2015-2020 are passed over in the scan
        dashes = {DIGIT + before + dash + after for dash in "-–" for before in ("", " ") for after in ("", " ")}
        links = phrases([DIGIT], L["range_links"])
        ranges = phrases(links, ["#/", "#-", "#."] + sorted(self.days))
        # 28/7/2017, 24 - 7 - 2002, 28-30/7/2017, 3 đến 7/8/2017: a day, month and year, the first day of
        # a range before them; after a day word, as far as the first sign (ngày 28/7/2017, ngày 28-30/7)
        full = {"#/#/", "#.#.", "#-#-", "# / # /", "# - # -"}
        self.day_month_year = full | {dash + "#" + sign for dash in dashes for sign in "/.-"} | ranges
        self.day_month_year_after_day = phrases(L["day_words"], full | dashes | links)
        # 28/7, 28-30/7, 3 đến 7/8; after a day word also ngày 6.5, ngày 30-4
        self.day_month = {"#/#"} | {dash + "#/" for dash in dashes} | ranges
        self.day_month_after_day = phrases(L["day_words"], {"#/", "#."} | dashes | links)
        # thứ Hai, thứ 2, chủ nhật: not thứ alone (thứ tự, thứ trưởng)
        self.weekdays = phrases([L["weekday_word"]], list(L["weekdays"]) + [DIGIT]) | set(L["sundays"])

    def defined(self, name: str, piece: str) -> str:
        """A call of ``piece`` by ``name``, which with_definitions defines once in the pattern that
        calls it: a piece written in several places of a rule (a year in words: tháng năm hai nghìn,
        năm hai nghìn) is compiled once, and the rule's pattern compiles in some 30% less time on the
        first parse. The regex module matches a call as the piece written in its place, backtracking
        into it too; a piece holds no capture group, whose value a call would not keep."""
        self.definitions[name] = piece
        return "(?&%s)" % name

    def with_definitions(self, pattern: str) -> str:
        """``pattern`` with the pieces it calls (see ``defined``; none calls another): defined once
        where it calls one twice or more, written in the place of a single call."""
        called = []
        for name, piece in self.definitions.items():
            call = "(?&%s)" % name
            if pattern.count(call) == 1:
                pattern = pattern.replace(call, piece)
            elif call in pattern:
                called.append("(?P<%s>%s)" % (name, piece))
        return pattern + "(?(DEFINE)%s)" % "".join(called) if called else pattern

    def with_part(self, leads: Iterable[str]) -> set:
        """``leads`` and the first word of each (a number as DIGIT) after a part of day, for a rule
        whose pattern may start with one (sáng ngày 15, chiều 28/7): a part alone is no lead, as
        sáng and tối are common words (sáng tạo). The first word only, so that the scan holds a
        short list after each part rather than every lead again."""
        leads = set(leads)
        return leads | phrases(LEX["parts_of_day"], {DIGIT if lead.startswith(DIGIT) else lead.split()[0] for lead in leads})

    def month_of(self, names: str) -> str:
        """A month by number or by ``names``: tháng năm 2017 is a month without its number, not May."""
        return r"(?P<m>\d{1,2}|(?!%s%s(?:\d|%s))%s)" % (regex.escape(LEX["year_word"]), SP, self.spelled_year, names)


@lru_cache(maxsize=None)
def grammar(strict: bool) -> Grammar:
    return Grammar(strict)

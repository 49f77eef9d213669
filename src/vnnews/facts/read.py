"""Reading one amount match into facts (offsets into the text searched): its unit (units.resolve)
decides the kind; the words before it (context) give the qualifier or show a position, a date, a
score or a code, which are not facts; a range gives one fact per end. The Python work is per amount
found, never per character.
"""
from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from functools import lru_cache
from itertools import chain
from typing import List, NamedTuple, Optional, Tuple

import regex

from .. import numbers
from ..model import Fact, FactKind
from ..settings import (FACT_COMPARED_REACH, FACT_CONTEXT_WINDOW, FACT_MAX_AMOUNT, FACT_MAX_CHAIN, FACT_PREFIX_REACH,
                        FACT_RANGE_SCALE_SPREAD, FACT_YEAR_LIKE)
from .context import Context, chunks_before, context, follows, opens_range
from .grammar import GROUPS, Grammar, fold, grammar
from .units import UNIT_NAMES, Unit, resolve, set_unit

_COMPARED = regex.compile(r"[^.;!?\n]{0,%d}?\bso\s+với\b" % FACT_COMPARED_REACH)  # what a comparative hơn compares to
_UNIT = slice(2, 2 + len(UNIT_NAMES))  # the unit groups among GROUPS
_NO_UNIT_NONES = len(UNIT_NAMES) + 1  # the unset groups of a match of digits_plain with no unit and no half
_SAME_UNIT_PER = re.compile(r"(\d+(?:[.,]\d+)?)\s?([^\W\d_][\w²³]*)")  # the 256GB of 12GB/256GB
# 50.000đ, 3kg, 50.000đ/kg: digits, then the unit glued, then what a price is per
_GLUED_FACT = re.compile(r"(\d+(?:[.,]\d+)*)([^\W\d_][\w²³]*)((?:/[^\W\d_][\w²³]*)*)")
RANGE_DASHES = "-–"
_GLUED_END = re.compile(r"[%s](\d+(?:[.,]\d+)*)" % RANGE_DASHES)  # the second end of 3kg-6kg
_GLUED_PER = re.compile(r"(?:/[^\W\d_][\w²³]*)*")  # the /kg of 100.000đ/kg, or nothing
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")  # 20.000: an amount written in thousands


class Groups(NamedTuple("Groups", [(name, Optional[str]) for name in GROUPS])):
    """The groups of an amount match by name (``amt`` holds the text of the last end of a range)."""


class Amount(NamedTuple):
    """An amount match: its bounds, the spans of its amounts (one, or the ends of a range), its groups."""

    start: int
    end: int
    spans: List[Tuple[int, int]]
    groups: Groups

    @classmethod
    def of(cls, m) -> "Amount":
        return cls(m.start(), m.end(), m.spans("amt"), Groups._make(m.groups()))


def read_amount(t: str, m, g: Grammar, floor: int) -> List[Fact]:
    """The facts of a match of ``Grammar.words`` or ``Grammar.digits`` (the regex module: a range has
    the span of each end); ``floor``: where the amount before it ended (its currency is not also this
    one's prefix)."""
    return _read(t, Amount.of(m), g, floor)


def _read(t: str, m: Amount, g: Grammar, floor: int) -> List[Fact]:
    first, last, spans, d = m
    if len(spans) > FACT_MAX_CHAIN or last - first > FACT_MAX_AMOUNT and any(e - s > FACT_MAX_AMOUNT for s, e in spans):
        return []
    prefix = None
    if _may_follow_prefix(t, first, g):
        prefix = g.prefix.search(t, max(floor, first - FACT_PREFIX_REACH), first)
        if prefix:
            first = prefix.start()
    kind, unit, factor, measure = unit_of(d[_UNIT], prefix and fold(prefix[0]))
    single = len(spans) == 1
    toks = [numbers.tokens(d.amt)] if single else [numbers.tokens(t[s:e]) for s, e in spans]
    if kind is None and t[last:last + 1] in g.glued_starts and single and len(toks[0]) == 1 and toks[0][0].isdecimal() \
            and (glued := _glued_to_number(t, first, last, toks[0][0], g)):
        return [glued]
    if kind is None and g.money_scales.isdisjoint(toks[-1]):  # a bare number, a date, a time, a duration
        return _unit_before(t, first, spans[0][1], toks[0][0], g) if single and len(toks[0]) == 1 and not prefix else []
    if not single and not _joined(t, spans, toks, g):
        spans, toks, single = spans[-1:], toks[-1:], True  # năm 2005 xuống 24,8%: the last end alone
        first = spans[0][0]
    if unit in g.money_after_scale:
        kind, unit = _money_after_scale(kind, unit, toks[-1], g)
    cents = _spoken_cents(t, last, kind, unit, d[_UNIT], d.per or d.half or d.sub, single, g)
    words_only = not t[spans[0][0]].isdecimal() if single else True not in [t[s].isdecimal() for s, _ in spans]
    scaled = not g.scales.isdisjoint(toks[0] if single else chain.from_iterable(toks))
    if words_only:
        if not (scaled or d.pct or d.cur or d.msr or d.sub):
            return []  # a small count in words (hai bên): the common case of number words, decided fast
        if len(toks[-1]) > 1 and toks[-1][-1] in g.time and toks[-1][-2] in g.scales:
            return []  # hai nghìn năm: a duration, năm after a scale word is the year
    before = _context_before(t, first, kind, measure)
    if before.minus and single:
        first = t.rfind(before.minus.lstrip(), 0, first)
    qualifier = _qualifier(t, last, before, kind, unit, g)
    end = last
    if kind is None or prefix and not d.cur:
        end = spans[-1][1] + len(d.den) if d.den else spans[-1][1]  # the fraction bar follows the amount
    if kind is None:
        # ủng hộ 50 triệu: an amount with a money scale after a money verb is money in đồng, as is 50k
        if g.money_abbreviations.isdisjoint(toks[-1]) and not before.money_verb:
            return []
        kind, unit = "money", "VND"
    elif d.per and kind == "quantity":
        kind, unit = "rate", fold(unit + d.per).lower()
    if not single and before.score:
        return []  # thắng 2-1
    if kind in ("quantity", "rate") and not scaled:
        if _not_a_count(toks, before, qualifier, measure, d.den):
            return []
    elif d.den:
        return []
    values = [numbers.value(ts, decimal_context=kind == "percent" or "," in ts[0] and _comma_is_decimal(ts[0], t)) for ts in toks]
    # regex's \d knows digits newer than Python's Unicode tables, which int() cannot read
    if None in values or d.den and (not d.den[1:].isdecimal() or values[-1] > int(d.den[1:])):
        return []  # 20/5 is a date; 6/10 vị trí is six of ten
    if words_only and kind != "percent" and not _words_count(toks, qualifier, g):
        unit_word = d.cur or d.msr or d.sub
        if not (unit_word and toks[0][0] not in g.num.scales
                and (values[-1] >= 10 or cents or d.half and d.cur or fold(unit_word).lower() in g.small_count_currencies
                     or d.cur and _subunit_follows(t, last, unit, g))):
            return []  # hai bên; but ba trăm đô la, hai trăm mét, bốn mươi xu, chín bảng Anh, hai đô 25, hai đô rưỡi and
            # ba đô năm mươi xu are facts
    if len(values) > 1:
        _share_scale(values, toks, g)
    if d.half and not scaled:
        values[-1] += numbers.HALF  # 2 tấn rưỡi
    if factor is not None:
        values = [number * factor for number in values]
    if cents:
        values[0] += cents[1]
        end = cents[0].end()
    per = _per(d.per) if d.per else None
    if single:
        return [Fact(t[first:end], kind, numbers.plain(-values[0] if before.minus else values[0]), unit, first, end, qualifier,
                     per=per)]
    starts = [first] + [s for s, _ in spans[1:]]
    stops = [e for _, e in spans[:-1]] + [end]
    qualifiers = [qualifier] + [None] * (len(spans) - 1)
    return [Fact(t[start:stop], kind, numbers.plain(value), unit, start, stop, qualifier, per=per)
            for value, start, stop, qualifier in zip(values, starts, stops, qualifiers)]


def read_digits(t: str, m, g: Grammar, floor: int) -> List[Fact]:
    """The facts of a match of ``Grammar.digits_plain``, as read_words gives them. Most are one group
    of digits, with or without scale words, and its unit (``64.959 ha``, ``4.231 tỷ đồng``, ``7%``):
    they are read here from the groups of the match, by the steps of _read that apply to them. A
    range, a fraction, a half, a subunit, a currency sign before or money with no unit go to _read.
    Matches of ``Grammar.digits`` (text outside the plain script) are read by read_amount."""
    groups = m.groups()  # amt, number, tail, the unit groups (UNIT_NAMES), per, half
    amt, number, tail, per, half = groups[0], groups[1], groups[2], groups[-2], groups[-1]
    first, last = m.start(), m.end()
    if half or len(amt) > FACT_MAX_AMOUNT or _may_follow_prefix(t, first, g):
        return _read(t, _digit_amount(t, g, m), g, floor)
    if (amt is number or amt == number) and groups.count(None) == _NO_UNIT_NONES and tail[:1] in ("", "/"):
        # no scale word and no unit (every unit group and half unset): a bare number, the most common
        # match, or a bare fraction, mostly a date (7/2), which _read reads the same way: its number
        # alone, as far as a unit before it goes
        if t[last:last + 1] in g.glued_starts and number.isdecimal() and (glued := _glued_to_number(t, first, last, number, g)):
            return [glued]
        return _unit_before(t, first, first + len(number) if tail else last, number, g)
    if tail:
        return _read(t, _digit_amount(t, g, m), g, floor)
    kind, unit, factor, measure = unit_of(groups[3:-2], None)
    if factor is not None:
        return _read(t, _digit_amount(t, g, m), g, floor)  # a part of a unit (43 xu): read, then joined
    if kind is None and amt == number:  # a word after the number that is no unit (6 năm, năm 2005 ở)
        return _unit_before(t, first, first + len(number), number, g)
    toks = [number, *amt[len(number):].lower().split()]  # 64.959, 4.231 tỷ
    if len(toks) > 1 and not "".join(toks[1:]).isalpha():
        toks = numbers.tokens(amt)  # 1tr5, 3 tỷ 500 triệu
    if kind is None:  # scale words, then a word that is no unit
        return [] if g.money_scales.isdisjoint(toks) else _read(t, _digit_amount(t, g, m), g, floor)
    if unit in g.money_after_scale:
        kind, unit = _money_after_scale(kind, unit, toks, g)
    if unit in g.spoken_cents and _spoken_cents(t, last, kind, unit, groups[3:-2], per, True, g):
        return _read(t, _digit_amount(t, g, m), g, floor)
    before = _context_before(t, first, kind, measure)
    if before.minus:
        first = t.rfind(before.minus.lstrip(), 0, first)
    qualifier = _qualifier(t, last, before, kind, unit, g)
    if per and kind == "quantity":
        kind, unit = "rate", fold(unit + per).lower()
    if kind in ("quantity", "rate") and g.scales.isdisjoint(toks) and _not_a_count([toks], before, qualifier, measure, None):
        return []
    value = numbers.value(toks, decimal_context=kind == "percent" or "," in number and _comma_is_decimal(number, t))
    if value is None:
        return []
    return [Fact(t[first:last], kind, numbers.plain(-value if before.minus else value), unit, first, last, qualifier,
                 per=_per(per) if per else None)]


def _spoken_cents(t: str, end: int, kind: Optional[str], unit: Optional[str], unit_groups: Tuple[Optional[str], ...],
                  more: Optional[str], single: bool, g: Grammar) -> Optional[Tuple[regex.Match, Decimal]]:
    """The cents read out after whole units of a currency of spoken_cents written as a word, before a
    stop, and their value: hai đô 25 (0.25), hai đô năm (0.5: one place is the tenths, as in hai
    triệu năm), hai đô hai mươi lăm; none after a code (10 USD 20), a range, a per part, a half or a
    subunit (``more``)."""
    if kind != "money" or unit not in g.spoken_cents or more or not single or t[end:end + 1] not in " \t\u00a0":
        return None
    name, word = set_unit(unit_groups) or (None, "")
    if name != "cur" or word.isupper() or not word.replace(" ", "").replace("-", "").isalpha():
        return None
    m = g.cents_after.match(t, end)
    if m is None:
        return None
    cents = m["cents"]
    if cents.isdecimal():
        return m, Decimal(cents) / 10 ** len(cents)
    toks = numbers.tokens(cents)
    value = numbers.value(toks)
    if value is None or not 0 < value < 100 or value != int(value):
        return None  # hai đô không; hai đô hai hai, no one number
    return m, Decimal(value) / (10 if len(toks) == 1 and toks[0] in g.num.digits else 100)


def _subunit_follows(t: str, end: int, unit: Optional[str], g: Grammar) -> bool:
    """Whether cents of the currency ``unit`` follow whole units ending at ``end`` (ba đô năm mươi xu, hai
    đô và 40 xu): the whole units are then money, however few (scan joins the two)."""
    m = g.subunit_after.match(t, end)
    return m is not None and g.subunits.get(m["sub"].lower()) == unit


def _per(per: str) -> str:
    """What a price or a rate is per, from the per group after its unit: ``/kg`` -> kg,
    ``/em/tháng`` -> em/tháng, ``/100 dân`` -> 100 dân, `` mỗi lượt`` -> lượt."""
    per = fold(per).lower()
    return per.lstrip("/ ") if per[0] == "/" else per.split(" ", 1)[-1]


def split_unit_pair(t: str, fact: Fact) -> List[Fact]:
    """A rate per an amount of its own unit is two quantities: 12GB/256GB is 12 GB and 256 GB (the
    memory and storage of a phone), not 12 GB per 256 GB."""
    pair = fact.kind == "rate" and _SAME_UNIT_PER.fullmatch(fact.per or "")
    if not pair or fact.unit.rsplit("/", 1)[0].rstrip() != pair[2]:
        return [fact]
    slash = fact.text.rindex("/")
    second_start = fact.start + slash + 1 + (len(fact.text) - slash - 1 - len(fact.text[slash + 1:].lstrip()))
    first_end = fact.start + len(fact.text[:slash].rstrip())
    value = numbers.value(numbers.tokens(pair[1]))
    if value is None:
        return [fact]
    unit = pair[2]
    return [Fact(t[fact.start:first_end], "quantity", fact.value, unit, fact.start, first_end, fact.qualifier),
            Fact(t[second_start:fact.end], "quantity", numbers.plain(value), unit, second_start, fact.end)]


def _glued_to_number(t: str, first: int, end: int, whole: str, g: Grammar) -> Optional[Fact]:
    """What is written against whole digits ending at ``end``: a measure of glued_place_units and the
    next places of the number (1m75 = 1,75 m), or the mark of a multiple after its cue (zoom 3x; not 4x4,
    a size, nor cô gái 9x, a generation)."""
    m = g.glued_places.match(t, end)
    if m is not None:
        return Fact(t[first:m.end()], "quantity", numbers.plain(Decimal(whole + "." + m[2])), m[1].lower(), first, m.end())
    mark = g.multiple_marks.get(t[end])
    if mark is not None and not t[end + 1:end + 2].isalnum() and follows(t, first, g.multiple_cues):
        return Fact(t[first:end + 1], "quantity", int(whole), mark, first, end + 1)
    return None


def _unit_before(t: str, first: int, end: int, number: str, g: Grammar) -> List[Fact]:
    """ở tuổi 62: a bare number right after a unit written before it (units_before) counts that unit;
    the fact's text runs from the unit word."""
    if not number.isdecimal() or not t[first - 1:first].isspace():
        return []
    window = max(0, first - FACT_CONTEXT_WINDOW)
    before = t[window:first].rstrip()
    word = before.rsplit(None, 1)[-1] if before else ""
    if word.lower() not in g.units_before:
        return []
    start = window + len(before) - len(word)
    return [Fact(t[start:end], "quantity", int(number), word.lower(), start, end)]


def glued_range_end(t: str, fact: Fact) -> Optional[Tuple[Fact, Fact]]:
    """The two ends of a range whose ends both carry the unit glued (50.000đ-100.000đ, 3kg-6kg), the
    first end being ``fact``: the dash and a code-like tail (A-320) keep the second out of the search.
    What one end is per is the other's too (50.000đ-100.000đ/kg: both VND per kg)."""
    first = _GLUED_FACT.fullmatch(fact.text)
    second = first and _GLUED_END.match(t, fact.end)
    if not second or not t.startswith(first[2], second.end()):
        return None
    per = _GLUED_PER.match(t, second.end() + len(first[2]))
    end = per.end()
    if t[end:end + 1].isalnum() or first[3] and per[0] and first[3].lower() != per[0].lower():
        return None
    number = second[1]
    value = numbers.value([number], decimal_context=fact.kind == "percent" or _comma_is_decimal(number, t))
    if value is None:
        return None
    shared = _per(first[3] or per[0]) if first[3] or per[0] else None
    kind, unit = fact.kind, fact.unit
    if shared and kind == "quantity":  # 3kg-6kg/ngày: a rate, as 6kg/ngày alone is
        kind, unit = "rate", fold(f"{unit}/{shared}").lower()
    return (dataclasses.replace(fact, kind=kind, unit=unit, per=shared),
            Fact(t[second.start(1):end], kind, numbers.plain(value), unit, second.start(1), end, per=shared))


def _joined(t: str, spans: List[Tuple[int, int]], toks: List[List[str]], g: Grammar) -> bool:
    """Whether the ends of a range are one range: always when joined by a dash, đến or tới, or after
    an opener (từ 38 xuống còn 31 chữ); lên and xuống need the opener (năm 2005 xuống 24,8%), và
    needs first ends that are no years (200 và 500 rupee; năm 2005 và 24,8%)."""
    junctions = {fold(t[end:start]).lower() for (_, end), (start, _) in zip(spans, spans[1:])}
    opened = g.opened_range_words & junctions
    listed = g.list_range_words & junctions
    if not (opened or listed) or opens_range(t, spans[0][0]):
        return True
    return not opened and True not in map(_is_year, toks[:-1])


def _context_before(t: str, first: int, kind: Optional[FactKind], measure) -> Context:
    """What stands before an amount; a dash glued to it at a line's start is a minus (-5%, -3 độ C), but
    a bullet before a count (-5 người bị thương), which is never below zero."""
    before = context(chunks_before(t, first))
    if before.minus and kind == "quantity" and not measure and (first < 2 or t[first - 2] in "\r\n"):
        return before._replace(minus=None)
    return before


def _money_after_scale(kind: FactKind, unit: str, toks: List[str], g: Grammar) -> Tuple[FactKind, str]:
    """1,5 tỷ đồng tiền mặt, 2,9 triệu bảng: a unit of money_after_scale is money after a money scale
    word, some after thousands too (20.000 bảng); 2 đồng tiền xu stay two coins, 9 bảng nine boards."""
    if not g.money_scales.isdisjoint(toks) or unit in g.money_after_thousands and _THOUSANDS.fullmatch(toks[0]):
        return "money", g.money_after_scale[unit]
    return kind, unit


def _comma_is_decimal(number: str, t: str) -> bool:
    """Whether the comma of ``number`` (1,234) is a decimal mark: in a text that writes its other
    figures the Vietnamese way (numbers.comma_is_decimal); callers add the percent, where it always is
    (1,500% = 1,5%)."""
    return numbers.ambiguous_comma(number) and numbers.comma_is_decimal(t)


def _digit_amount(t: str, g: Grammar, m) -> Amount:
    """The amount of a match of ``digits_plain``."""
    found = m.groups()
    amt, tail, per, half = found[0], found[2], found[-2], found[-1]
    start = m.start()
    spans = [(start, start + len(amt))]
    den = tail if tail[:1] == "/" else None
    if tail and not den:  # a range or a chain: the span of each end, up to one more than _read takes
        while spans[-1][1] < spans[0][1] + len(tail) and len(spans) <= FACT_MAX_CHAIN:
            spans.append(g.range_end_plain.match(t, spans[-1][1]).span("amt"))
        amt = t[spans[-1][0]:spans[-1][1]]  # as in the groups of Grammar.digits: the text of the last end
    return Amount(start, m.end(), spans, Groups(amt, den, *found[3:-2], per, half))


def _may_follow_prefix(t: str, first: int, g: Grammar) -> bool:
    """Whether a currency sign may end just before ``first`` (the start of an amount), after at most
    one space: its last one or two characters stand there (``$``; ``s.`` of ``Rs.``, not any full stop)."""
    if first == 0:
        return False
    end = first  # where the sign would end
    if t[first - 1] not in g.prefix_last:
        if not (t[first - 1].isspace() and t[first - 2:first - 1] in g.prefix_last):
            return False  # the common case, decided by one character
        end = first - 1
    return t[end - 1] in g.prefix_ends or end > 1 and t[end - 2:end] in g.prefix_ends


def _qualifier(t: str, end: int, before: Context, kind: Optional[str], unit: Optional[str], g: Grammar) -> Optional[str]:
    """The qualifier of an amount ending at ``end``: the one of the words before it, but none for
    a difference (thấp hơn 7% so với is "lower by"; cao hơn 1.000 m so với is "over")."""
    if before.comparative and (kind == "percent" or unit in g.multiples) and _COMPARED.match(t, end):
        return None
    return before.qualifier


def _not_a_count(toks: List[List[str]], before: Context, qualifier: Optional[str], measure, den) -> bool:
    """Whether an amount in digits with no scale word and a noun or measure after it is rather a
    position, a date or a year (tầng 3, ngày 10-12, bão số 9, từ 1/7 người lao động, năm 2020
    doanh nghiệp, Euro 2020 đội tuyển; but khoảng 2000 người). A measure is never a position
    (quãng đường 50 km); a counted noun may be (tầng 3 nhà)."""
    if not measure and before.positional or den and before.date_preposition:
        return True
    return not qualifier and True in map(_is_year, toks)


@lru_cache(maxsize=1024)
def unit_of(unit_groups: Tuple[Optional[str], ...], prefix: Optional[str]) -> Unit:
    """The unit of an amount from its unit groups and the currency sign before it (a currency after
    the amount wins). Memoised: the unit words are few."""
    g = grammar()
    unit = set_unit(unit_groups)
    if prefix and (unit is None or unit[0] != "cur"):
        return Unit("money", g.iso[prefix])
    return resolve(unit, g)


def _is_year(toks: List[str]) -> bool:
    return len(toks) == 1 and toks[0].isdecimal() and int(toks[0]) in FACT_YEAR_LIKE


def _words_count(toks: List[List[str]], qualifier: Optional[str], g: Grammar) -> bool:
    """Number words count as a fact with a scale word (năm triệu người) or a decimal point word (hai
    phẩy năm đô), not as a small count (hai bên); after ``hàng`` the first scale word is vague (hàng trăm, hàng tỷ) and a second
    one is needed (hàng trăm triệu đồng)."""
    first = toks[0][0]
    scales = [tok for ts in toks for tok in ts if tok in g.num.scales]
    if qualifier in g.vague and first in g.num.scales:
        return len(scales) >= 2
    opens = first in g.num.digits or first in g.num.ten or first in g.num.half_alone
    # a spoken decimal (hai phẩy năm) is never a small count
    return opens and (any(s in g.num.fact_scales for s in scales) or not g.num.point.isdisjoint(toks[-1]))


def _share_scale(values: List[Decimal], toks: List[List[str]], g: Grammar) -> None:
    """The first ends of a range take the scale words of the last: từ 2 đến 3 triệu = 2 and 3
    million, unless that puts an end far above the last (500 - 1 triệu stays 500)."""
    factor = Decimal(1)
    for tok in reversed(toks[-1]):
        if tok not in g.num.scales:
            break
        factor *= g.num.scales[tok]
    if factor == 1:
        return
    for i, ts in enumerate(toks[:-1]):
        if not any(tok in g.num.scales for tok in ts) and values[i] * factor <= values[-1] * FACT_RANGE_SCALE_SPREAD:
            values[i] *= factor

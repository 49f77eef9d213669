"""extract_facts: the numeric facts of a text (money, percent, rate, quantity), with offsets.

One pattern, compiled from the lexicon on first use, finds each amount: digits or number words with
their scale words, a fraction ``6/10``, or a range or chain of amounts (``5-7``, ``từ 2 đến 3``).
The words around it are then read with anchored patterns and word sets from ``lexicon/units.json``:
the unit after it decides the kind; the words before it give the qualifier (``trên``, ``hàng``) or
show a position, a date or a code (``tầng 3``, ``ngày 10-12``, ``bão số 9``), which are not facts.
Every pattern is linear (atomic groups, no nested quantifiers over the same characters) and the
Python work is per amount found, never per character.

Durations, dates, times, positions and identifiers give nothing: they are not amounts.
"""
from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from types import SimpleNamespace
from typing import List, Optional

import regex

from . import lexicon, numbers
from .model import Fact
from .normalize import normalize

_SPACE = r"[^\S\n\r\x0b\x0c\x85\u2028\u2029]"  # white space within a line
_DIGITS = r"(?>\d+(?:[.,]\d+)*)"
_MAX_AMOUNT = 80  # characters; a longer run of digits or number words is not one amount
_MAX_CHAIN = 4  # ``85-65-95 cm``; longer chains are lists or codes
_WINDOW = 60  # characters read before an amount for its qualifier and context
_YEARS = range(1900, 2100)


def _alt(spellings) -> str:
    """A regex alternation of spellings, longest first; a space matches any white space in a line."""
    ordered = sorted(set(spellings), key=len, reverse=True)
    return "|".join(regex.escape(s).replace("\\ ", _SPACE + "+") for s in ordered)


def _fold(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=None)
def _grammar() -> SimpleNamespace:
    num = numbers.words()
    units = lexicon.load("units")
    scale = r"(?i:%s)(?!\w)" % _alt(num.scales)
    word = r"(?i:%s)(?!\w)" % _alt(
        [w for w in list(num.scales) + list(num.digits) + list(num.after_tens) if w not in num.digit_only]
        + list(num.ten | num.tens | num.zero_tens | num.half | num.half_alone | num.point)
    )
    half = r"(?:%s)(?!\w)" % _alt(num.half)
    by_digits = rf"{_DIGITS}(?:{_SPACE}*{scale})*(?:{_SPACE}+{_DIGITS}{_SPACE}*{scale}(?:{_SPACE}*{scale})*)*(?:{_SPACE}+{half})?"
    by_words = rf"(?>{word}(?:{_SPACE}+{word})*)"
    amount = rf"(?P<amt>{by_digits}|{by_words})"
    sep = rf"(?:{_SPACE}*[-–—]{_SPACE}*|{_SPACE}+(?i:{_alt(units['range_words'])}){_SPACE}+)"
    prefixes = [s for names in units["currency_prefixes"].values() for s in names]
    amounts = regex.compile(
        r"(?<![\w.,/:+=#@&\\])(?<!\w[-–])(?<!\d%s)" % _SPACE
        + rf"(?:(?P<pre>{_alt(prefixes)}){_SPACE}?)?{amount}"
        + rf"(?:(?P<den>/\d{{1,4}})(?![\d/])|(?:{sep}{amount})*)"
    )
    currencies = [s for names in units["currencies"].values() for s in names]
    unit = regex.compile(
        rf"(?:(?P<pct>{_SPACE}*(?:{_alt(units['percent'])}))(?!\w)"
        rf"|(?P<clock>(?:{_alt(units['clock_suffixes'])})(?:\d{{1,2}})?(?!\w)|:\d\d(?!\d))"
        rf"|{_SPACE}+(?P<noun>{_alt(units['counted_nouns'])})(?!\w)"
        rf"|{_SPACE}*(?P<cur>{_alt(currencies)})(?!\w)"
        rf"|{_SPACE}+(?P<sub>{_alt(units['currency_subunits'])})(?!\w)"
        rf"|{_SPACE}*(?P<msr>{_alt(units['measures'])})(?![\w²³])"
        rf"|{_SPACE}+(?P<time>{_alt(units['time_units'])})(?!\w)"
        rf"|{_SPACE}+(?P<word>\p{{Ll}}\w*))"
        rf"(?P<per>(?:{_SPACE}?/{_SPACE}?(?:\d+(?:[.,]\d+)?{_SPACE}?)?[^\W\d_][\w²³]*)*)"
        rf"(?P<half>{_SPACE}+{half})?"
    )
    iso = {_fold(s): code for code, names in units["currencies"].items() for s in names}
    iso.update({_fold(s): code for code, names in units["currency_prefixes"].items() for s in names})
    lower = lambda key: {_fold(w.lower()) for w in units[key]}
    return SimpleNamespace(
        amounts=amounts,
        unit=unit,
        percent_after=regex.compile(rf"{_SPACE}*(?:{_alt(units['percent'])})(?!\w)"),
        iso=iso,
        subunits=units["currency_subunits"],
        stop=lower("stop_after"),
        qualifiers=lower("qualifiers"),
        ordinal=lower("ordinal_before") | lower("date_before"),
        not_ordinal=lower("not_ordinal_before"),
        money_verbs=lower("money_verbs"),
        num=num,
    )


def _words_before(text: str, start: int) -> List[str]:
    """The lower-cased words that run up to ``start`` separated only by spaces (at most 4)."""
    if start == 0 or not text[start - 1].isspace():
        return []
    found: List[str] = []
    for part in reversed(text[max(0, start - _WINDOW):start].split()):
        if not part.isalpha() or len(found) == 4:
            break
        found.insert(0, part.lower())
    return found


def _phrase(words: List[str], vocabulary: set) -> Optional[str]:
    """The longest phrase of ``vocabulary`` that ends ``words``."""
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[-n:]) in vocabulary:
            return " ".join(words[-n:])
    return None


class _Amount:
    """One number of a match: its span, tokens and exact value."""

    def __init__(self, text: str, start: int, end: int, g: SimpleNamespace):
        self.start, self.end = start, end
        self.tokens = numbers.tokens(text[start:end])
        self.words_only = not any(t[0].isdigit() for t in self.tokens)
        self.scales = [t for t in self.tokens if t in g.num.scales]
        self.value: Optional[Fraction] = None

    def scale_factor(self, g) -> Fraction:
        """The product of the scale words that close the amount: ``1,2 nghìn tỷ`` -> 10**12."""
        factor = Fraction(1)
        for tok in reversed(self.tokens):
            if tok not in g.num.scales:
                break
            factor *= g.num.scales[tok]
        return factor

    def is_year(self) -> bool:
        return len(self.tokens) == 1 and self.tokens[0].isdigit() and int(self.tokens[0]) in _YEARS


def extract_facts(text: str) -> List[Fact]:
    """All numeric facts of ``text`` in text order; ``text[f.start:f.end] == f.text`` for each.

    >>> [(f.kind, f.value, f.unit, f.qualifier) for f in extract_facts("đạt trên 1.839 tỷ đồng")]
    [('money', 1839000000000, 'VND', 'trên')]
    """
    norm = normalize(text)
    t, g = norm.text, _grammar()
    facts: List[Fact] = []
    pos = 0
    while True:
        m = g.amounts.search(t, pos)
        if m is None:
            break
        pos = m.end()
        found = _read(t, m, g)
        if found:
            pos = max(pos, found[-1][2])
            for kind, value, start, end, unit, qualifier in found:
                start, end = norm.to_original(start), norm.to_original(end)
                facts.append(Fact(text[start:end], kind, value, unit, start, end, qualifier))
    return facts


def _read(t: str, m, g) -> list:
    """The facts of one amount match, as (kind, value, start, end, unit, qualifier) tuples."""
    spans = m.spans("amt")
    if len(spans) > _MAX_CHAIN or any(e - s > _MAX_AMOUNT for s, e in spans):
        return []
    amounts = [_Amount(t, s, e, g) for s, e in spans]
    last = amounts[-1]
    words_only = all(a.words_only for a in amounts)
    if words_only and not any(a.scales for a in amounts) and not g.percent_after.match(t, last.end):
        return []  # a small count in words (hai bên), the common case for number words: decide fast
    # ``hai nghìn năm``: năm after a scale word is the unit year, not a fifth digit
    if last.words_only and len(last.tokens) > 1 and last.tokens[-1] == "năm" and last.tokens[-2] in g.num.scales:
        last.end = last.start + len(t[last.start:last.end - len("năm")].rstrip())
        last.tokens = last.tokens[:-1]
        last.scales = [s for s in last.tokens if s in g.num.scales]
    end = m.end("den") if m.group("den") else last.end
    u = g.unit.match(t, end)
    kind, unit, factor, consumed = _kind(u, m.group("pre"), g)
    if consumed:
        end = u.end()
    words = _words_before(t, m.start())
    qualifier = _phrase(words, g.qualifiers)
    blocked = _phrase(words, g.ordinal) and not _phrase(words, g.not_ordinal)
    if kind is None:
        # ``ủng hộ 50 triệu``: an amount with a money scale after a money verb is money in đồng
        before = words[: len(words) - len(qualifier.split())] if qualifier else words
        if not (set(last.tokens) & g.num.money_scales and _phrase(before, g.money_verbs)):
            return []
        kind, unit, factor, end = "money", "VND", Fraction(1), last.end
    if kind in ("quantity", "rate") and (blocked or any(a.is_year() for a in amounts)) and not any(a.scales for a in amounts):
        return []  # tầng 3, ngày 10-12, bão số 9, năm 2020 doanh nghiệp
    if words_only and kind != "percent" and not _words_count(amounts, qualifier, g):
        return []
    if m.group("den"):
        if kind not in ("quantity", "rate") or blocked or last.words_only:
            return []
    for a in amounts:
        a.value = numbers.value(a.tokens, decimal_context=kind == "percent")
        if a.value is None:
            return []
    if m.group("den") and last.value > int(m.group("den")[1:]):
        return []  # 20/5 is a date; 6/10 vị trí is six of ten
    _share_scale(amounts, g)
    if u is not None and u.group("half") and not last.scales:
        last.value += Fraction(1, 2)  # 4 năm rưỡi
    out = []
    for i, a in enumerate(amounts):
        start = m.start() if i == 0 else a.start
        stop = end if a is last else a.end
        out.append((kind, numbers.plain(a.value * factor), start, stop, unit, qualifier if i == 0 else None))
    return out


def _kind(u, prefix: Optional[str], g):
    """(kind, unit, factor, whether the unit words belong to the fact) from the unit match after
    an amount and the currency sign before it."""
    if u is not None and u.group("cur"):
        return "money", g.iso[_fold(u.group("cur"))], Fraction(1), True
    if prefix:
        return "money", g.iso[_fold(prefix)], Fraction(1), False
    if u is None or u.group("clock"):
        return None, None, None, False
    if u.group("pct"):
        return "percent", "%", Fraction(1), True
    if u.group("sub"):
        return "money", g.subunits[u.group("sub")], Fraction(1, 100), True
    if u.group("time"):
        return None, None, None, False  # 6 tháng, 17 năm qua: a duration or a period
    noun = u.group("noun") or u.group("msr") or u.group("word")
    if u.group("word") and noun.lower() in g.stop:
        return None, None, None, False
    per = u.group("per")
    return ("rate" if per else "quantity"), _fold(noun + per).lower(), Fraction(1), True


def _words_count(amounts, qualifier: Optional[str], g) -> bool:
    """Number words count as a fact with a scale word (năm triệu người), not as a small count
    (hai bên); after ``hàng`` the first scale word is vague (hàng trăm, hàng tỷ) and a second
    one is needed (hàng trăm triệu đồng)."""
    first = amounts[0].tokens[0]
    scales = [s for a in amounts for s in a.scales]
    if qualifier == "hàng" and first in g.num.scales:
        return len(scales) >= 2
    starts_with_digit = first in g.num.digits or first in g.num.ten or first in g.num.half_alone
    return starts_with_digit and any(s in g.num.fact_scales for s in scales)


def _share_scale(amounts, g) -> None:
    """The first ends of a range take the scale of the last: từ 2 đến 3 triệu = 2 and 3 million,
    unless that would put an end far above the last (500 - 1 triệu stays 500)."""
    last = amounts[-1]
    factor = last.scale_factor(g)
    if factor == 1:
        return
    for a in amounts[:-1]:
        if not a.scales and a.value * factor <= last.value * 10:
            a.value *= factor

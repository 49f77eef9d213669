"""extract_facts: the numeric facts of a text (money, percent, rate, quantity), with offsets.

An amount is digits or number words with their scale words, a fraction ``6/10``, or a range or chain
of amounts (``5-7``, ``từ 2 đến 3``); a minus or ``âm`` before a single amount makes it negative.
Amounts in digits are found by one search pattern (run in the stdlib re, which is faster, when the
text is in the scripts where re and regex class every character alike, each end of a range then
matched again on its own; regex otherwise). Amounts in words count only with a scale word, a percent
or a currency (``năm triệu người``, ``hai mươi lăm phần trăm``, ``ba trăm đô la``; ``hai bên`` is a
small count), so they are found from a few anchor words that all of them contain (mười, mươi, trăm,
the scale and percent words). The words around an amount are then read with anchored patterns and
word sets from ``lexicon/units.json``: the unit after it decides the kind; the words before it give
the qualifier (``trên``, ``hàng``) or show a position, a date or a code (``tầng 3``, ``ngày 10-12``,
``bão số 9``), which are not facts, and neither are durations, times and identifiers. All patterns
are compiled once, on first use, and are linear (atomic groups, no nested quantifiers over the same
characters); the Python work is per amount found, never per character, and the common amount, one
group of digits (with its scale words) before its unit, is read straight from the groups of its
match. What a unit and the words before an amount say is memoised by their text: a few spellings
recur before and after most amounts.
"""
from __future__ import annotations

import unicodedata
from collections import namedtuple
from itertools import chain, islice, repeat
from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace
from typing import Iterator, List, Optional, Tuple

import re

import regex

from . import lexicon, numbers
from .model import Fact
from .normalize import normalize

_SPACE = r"[^\S\n\r\x0b\x0c\x85\u2028\u2029]"  # white space within a line
_DIGITS = r"(?>%s|\d+(?:[.,]\d+)*)" % numbers.SPACED_NUMBER
_BOUNDARY_BEHIND = (r"[\w.,/:+=#@&\\]", r"\w[-–]", r"\d" + _SPACE)  # not inside a code, a date or a digit group
_BOUNDARY = "".join(r"(?<!%s)" % behind for behind in _BOUNDARY_BEHIND)
_MAX_CHAIN = 4  # ``85-65-95 cm``; longer chains are lists or codes
_MAX_AMOUNT = 80  # characters of one amount; longer runs of digits or number words are noise
_COMPARED = regex.compile(r"[^.;!?\n]{0,30}?\bso\s+với\b")  # what a comparative hơn compares to
_WINDOW = 60  # characters read before an amount for its qualifier and context
_BEFORE_SIGN = " \t\u00a0("  # what a minus sign glued to an amount stands after
_GLUED = " "  # marks a sign glued to the amount among the runs of _chunks_before
_SEARCH_BATCH = 64  # amounts in digits searched at a time before they are read: an article's worth
_YEARS = range(1900, 2100)
_HALF = Decimal("0.5")
_CENT = Decimal("0.01")
# the groups of an amount match, in pattern order (time is matched so that a time word is never a unit)
_Groups = namedtuple("_Groups", "amt den pct noun cur sub msr time word per half")
_UNIT = slice(2, 9)  # the groups of the unit after an amount, pct to word: at most one is set


def _alt(spellings) -> str:
    """A regex matching any of ``spellings``, the longest it can; a space matches any white space
    in a line. Written as a trie (``t(?:r(?:iệu|ăm)|ỷ)``): a flat alternation of hundreds of words
    would be tried word by word at every amount."""
    return lexicon.prefix_tree(spellings, space=_SPACE + "+")


def _fold(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=None)
def _grammar() -> SimpleNamespace:
    num = numbers.words()
    units = lexicon.load("units")
    not_scale = r"(?!(?i:%s)(?!\w))" % _alt(num.not_scales)  # tỷ lệ, tỷ phú
    scale = r"%s(?i:%s)(?!\w)" % (not_scale, _alt(num.scales))
    half = r"(?:%s)(?!\w)" % _alt(num.half)
    vocabulary = [w for w in list(num.scales) + list(num.digits) + list(num.after_tens) if w not in num.digit_only]
    vocabulary += num.ten | num.tens | num.zero_tens | num.half | num.half_alone | num.point
    word = r"%s(?i:%s)(?!\w)" % (not_scale, _alt(vocabulary))
    scaled = (
        rf"(?:{_SPACE}*{scale})*(?:(?i:{_alt(num.digit_only)})\d{{1,3}}(?!\w))?"
        rf"(?:{_SPACE}+{_DIGITS}{_SPACE}*{scale}(?:{_SPACE}*{scale})*)*(?:{_SPACE}+{half})?"
    )  # 5 triệu, 1,2 nghìn tỷ, 1tr5, 3 tỷ 500 triệu, 2 triệu rưỡi
    by_digits = _DIGITS + scaled
    by_words = rf"(?>{word}(?:{_SPACE}+{word})*)"
    ranges = _alt(units["range_words"])
    sep = rf"(?:{_SPACE}*[-–—]{_SPACE}*|{_SPACE}+(?i:{ranges}){_SPACE}+)"
    prefixes = [s for names in units["currency_prefixes"].values() for s in names]

    def tail(capture: bool) -> str:
        den, amt = ("(?P<den>", "(?P<amt>") if capture else ("(?:", "(?:")
        return rf"(?:{den}/\d{{1,4}})(?![\d/])|(?:{sep}{amt}{by_digits}|{by_words}))*)"

    cur = _alt(s for names in units["currencies"].values() for s in names)
    msr = _alt(units["measures"])

    def unit(lower: str, glued: str) -> str:
        return (
            rf"(?:(?P<pct>{_SPACE}*(?:{_alt(units['percent'])}))(?!\w)"
            rf"|{_SPACE}+(?:(?P<noun>{_alt(units['counted_nouns'])})(?!\w)|(?P<cur>{cur})(?!\w)"
            rf"|(?P<sub>{_alt(units['currency_subunits'])})(?!\w)|(?P<msr>{msr})(?![\w²³])"
            rf"|(?P<time>{_alt(units['time_units'])})(?!\w)|(?P<word>{lower}\w*))"
            rf"|(?P<cur{glued}>{cur})(?!\w)|(?P<msr{glued}>{msr})(?![\w²³]))?"  # glued: 50.000đ, 1km
            # 500.000 đồng/kg, 99,6 thuê bao/100 dân, 2 tấn rưỡi
            rf"(?P<per>(?:{_SPACE}?/{_SPACE}?(?:\d+(?:[.,]\d+)?{_SPACE}?)?[^\W\d_][\w²³]*)*)"
            rf"(?P<half>{_SPACE}+{half})?"
        )

    # an ISO code may be glued to the amount it prefixes (USD1.23, EUR29.99), though a letter
    # before digits is otherwise a code (A320)
    codes = "|".join(s for names in units["currency_prefixes"].values() for s in names if re.fullmatch("[A-Z]{3}", s))
    iso_before = rf"(?<!\w)(?:{codes})"
    ending = tail(True) + unit(r"\p{Ll}", "")
    # tried only where number words start, just before an anchor word
    amount = _with_groups(regex.compile(rf"{_BOUNDARY}(?P<amt>{by_digits}|{by_words}){ending}"))
    # The same search in the stdlib re, about twice as fast, for text in the scripts where both
    # engines class every character alike. re has no captures of a repeated group: each end of a
    # range after the first is matched again (range_end_plain), the tail of a fraction is its
    # denominator.
    plain = _plain_script(list(num.scales) + num.not_scales + vocabulary + units["range_words"])
    lower = "".join(re.escape(c) for c in plain if regex.match(r"\p{Ll}", c))
    # the pattern opens with a bare digit, the boundary checked after it: re then skips to the next
    # digit in C, much faster (it does not look into an atomic group or a lookbehind for that); the
    # digits of the plain script as a set, which re tests faster than the Unicode class \d
    digit = "[%s]" % "".join(c for c in plain if c.isdecimal())
    boundary = "".join(r"(?<!%s\d)" % behind for behind in _BOUNDARY_BEHIND) + rf"|(?<={iso_before}\d)"
    digits_plain = re.compile(rf"(?P<amt>(?P<number>{digit}(?>(?:{boundary})(?:{numbers.SPACED_AFTER_FIRST}|\d*(?:[.,]\d+)*))){scaled})(?P<tail>{tail(False)})"
                              + unit(f"[{lower}]", "_glued"))
    return SimpleNamespace(
        # searched through text outside the plain script: see _digits
        digits_source=rf"(?:{_BOUNDARY}|(?<={iso_before}))(?P<amt>{by_digits}){ending}",
        amount=amount,
        # each end after the first of a range or a chain matched by digits_plain, for its span
        range_end_plain=re.compile(rf"{sep}(?P<amt>{by_digits}|{by_words})"),
        plain_script=re.compile("[%s]*" % "".join(re.escape(c) for c in plain)),
        digits_plain=digits_plain,
        # $10, US$ 5 triệu: read before an amount rather than searched, which would slow the search
        prefix=regex.compile(rf"(?:{_alt(prefixes)}){_SPACE}?\Z"),
        prefix_ends={s[-1] for s in prefixes},
        # words found in every number in words of ten or more, percent words and the currencies
        # that make a smaller number money (chín bảng Anh): a small count in words (hai bên) is
        # never a fact otherwise, so these few words are enough to find the others
        anchors=sorted((num.ten | num.tens | set(num.scales) - num.digit_only)
                       | {w for w in units["percent"] if w.replace(" ", "").isalpha()}
                       | _shortest(w.lower() for w in units["small_count_currencies"])),
        small_count_currencies=_lower(units["small_count_currencies"]),
        run_before=regex.compile(rf"(?r)(?:(?<!\w){word}(?:{sep})?{_SPACE}*)+"),
        iso={_fold(s): code for key in ("currencies", "currency_prefixes")
             for code, names in units[key].items() for s in names},
        subunits=units["currency_subunits"],
        subunit_joiners=_lower(units["subunit_joiners"] + [""]),  # "": side by side
        stop=_lower(units["stop_after"]) | {w.lower() for w in vocabulary},  # 1tr5 một chiếc
        qualifiers=_lower(units["qualifiers"]),
        vague=_lower(units["vague_qualifiers"]),
        comparatives=_lower(units["comparatives"]),
        multiples=_lower(units["multiples"]),
        time=_lower(units["time_units"]),
        ordinal=_lower(units["ordinal_before"] + units["date_before"]),
        score=_lower(units["score_before"]),
        date_prepositions=_lower(units["date_prepositions"]),
        not_ordinal=_lower(units["not_ordinal_before"]),
        capital_ordinals=_lower(units["capital_ordinals"]),
        money_verbs=_lower(units["money_verbs"]),
        money_abbreviations=_lower(units["money_abbreviations"]),
        # a minus word (âm) or, as _chunks_before marks it, a sign glued to the amount
        minus={w if w.isalpha() else _GLUED + w for w in num.minus},
        scales=num.scales.keys(),
        money_scales=num.money_scales,
        num=num,
    )


@lru_cache(maxsize=None)
def _digits() -> regex.Pattern:
    """The search for amounts in digits in text outside the plain script (the first character of a
    match is a digit). Compiled on first use: most texts are in the plain script, and the pattern
    is slow to compile."""
    return _with_groups(regex.compile(_grammar().digits_source))


def _with_groups(pattern: regex.Pattern) -> regex.Pattern:
    """``pattern``, whose groups _Groups reads from ``m.groups()`` by position."""
    assert sorted(pattern.groupindex, key=pattern.groupindex.get) == list(_Groups._fields)
    return pattern


def _shortest(phrases) -> set:
    """The phrases that do not extend another by more words (đô la, not đô la Mỹ): finding the
    shorter one finds both."""
    phrases = set(phrases)
    return {p for p in phrases if not any(p.startswith(q + " ") for q in phrases)}


def _plain_script(case_blind_words) -> List[str]:
    """The characters of Latin and Vietnamese text, punctuation and currency signs that re and regex
    class alike (\\w, \\d, \\s, letters, and case for the letters of ``case_blind_words``)."""
    letters = "".join(sorted({c for w in case_blind_words for c in w if c.isalpha()}))
    classes = [r"\w", r"\d", r"\s", r"[^\W\d_]", "(?i:[%s])" % letters]

    def alike(char: str) -> bool:
        return all(bool(re.fullmatch(c, char)) == bool(regex.fullmatch(c, char)) for c in classes)

    return [c for c in map(chr, chain(range(0x250), range(0x1E00, 0x1F00), range(0x2000, 0x20D0))) if alike(c)]


def _lower(words) -> "_Phrases":
    return _Phrases(_fold(w.lower()) for w in words)


class _Phrases(frozenset):
    """Lower-cased phrases, with the set of their last words: most lookups stop at the last word."""

    def __init__(self, phrases):
        super().__init__()
        self.last_words = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in self)


def extract_facts(text: str) -> List[Fact]:
    """All numeric facts of ``text`` in text order; ``text[f.start:f.end] == f.text`` for each.

    >>> [(f.kind, f.value, f.unit, f.qualifier) for f in extract_facts("đạt trên 1.839 tỷ đồng")]
    [('money', 1839000000000, 'VND', 'trên')]
    """
    # the pipeline hands in normalized text; anything else is composed first (NFD, old encodings)
    norm = None if unicodedata.is_normalized("NFC", text) else normalize(text)
    t, g = text if norm is None else norm.text, _grammar()
    word_starts = _word_starts(t, g)
    plain = g.plain_script.fullmatch(t) is not None
    matches = _batched(_digit_matches(t, 0, g, plain))
    previous, found = None, next(matches, None)  # each amount in digits found from the end of the one before
    facts: List[Fact] = []
    pos = k = 0
    while True:
        while k < len(word_starts) and word_starts[k] < pos:
            k += 1
        while found is not None and found.start() < pos:
            previous, found = found, next(matches, None)
        # found is the first amount from pos, unless an amount in words ended inside the previous
        # one: then search from there
        m = next(_digit_matches(t, pos, g, plain), None) if previous is not None and previous.end() > pos else found
        if k < len(word_starts) and (m is None or word_starts[k] < m.start()):
            m = g.amount.match(t, word_starts[k])
            k += 1
            if m is None:
                continue
        elif m is None:
            break
        floor, pos = pos, m.end()
        read = _read_digits(t, m, g, floor) if m.re is g.digits_plain else _read(t, _Amount.of(m), g, floor)
        for kind, value, start, end, unit, qualifier in read:
            if norm is not None:
                start, end = norm.to_original(start), norm.to_original(end)
            facts.append(Fact(text[start:end], kind, value, unit, start, end, qualifier))
    return _join_cents(text, facts, g)


def _join_cents(text: str, facts: List[Fact], g) -> List[Fact]:
    """Whole units followed by the cents of the same currency are one amount: ``20 đô 43 xu``,
    ``hai mươi đô và 43 xu`` = 20.43 USD (each part alone is read as its own fact first)."""
    joined: List[Fact] = []
    for fact in facts:
        whole = joined[-1] if joined and 0 < fact.value < 1 else None  # the test that fails first, mostly
        if (whole is not None and fact.kind == whole.kind == "money" and fact.unit == whole.unit
                and isinstance(whole.value, int) and fact.qualifier is None
                and fact.text.rsplit(None, 1)[-1].lower() in g.subunits
                and _fold(text[whole.end:fact.start]).lower() in g.subunit_joiners):
            cents = Decimal(str(fact.value))
            joined[-1] = Fact(text[whole.start:fact.end], "money", numbers.plain(whole.value + cents), whole.unit,
                              whole.start, fact.end, whole.qualifier)
        else:
            joined.append(fact)
    return joined


class _Amount(namedtuple("_Amount", "start end spans groups")):
    """An amount match: its bounds, the spans of its amounts (one, or the ends of a range), its groups."""

    @classmethod
    def of(cls, m) -> "_Amount":
        return cls(m.start(), m.end(), m.spans("amt"), _Groups._make(m.groups()))


def _digit_matches(t: str, pos: int, g, plain: bool) -> Iterator:
    """The matches of amounts in digits from ``pos``, each searched from the end of the one before:
    of ``digits_plain`` in ``plain`` text, of _digits otherwise."""
    return (g.digits_plain if plain else _digits()).finditer(t, pos)


def _batched(matches: Iterator) -> Iterator:
    """``matches`` searched a batch at a time: interleaved with the reading of each amount, both run
    slower."""
    while True:
        batch = list(islice(matches, _SEARCH_BATCH))
        if not batch:
            return
        yield from batch


def _digit_amount(t: str, g, m) -> _Amount:
    """The amount of a match of ``digits_plain``."""
    amt, _, tail, pct, noun, cur, sub, msr, time, word, cur_glued, msr_glued, per, half = m.groups()
    start = m.start()
    spans = [(start, start + len(amt))]
    den = tail if tail[:1] == "/" else None
    if tail and not den:  # a range or a chain: the span of each end
        while spans[-1][1] < spans[0][1] + len(tail):
            spans.append(g.range_end_plain.match(t, spans[-1][1]).span("amt"))
        amt = t[spans[-1][0]:spans[-1][1]]  # as in _Groups of digits: the text of the last end
    groups = _Groups(amt, den, pct, noun, cur or cur_glued, sub, msr or msr_glued, time, word, per, half)
    return _Amount(start, m.end(), spans, groups)


def _word_starts(t: str, g) -> List[int]:
    """Where number words start that reach one of the anchor words."""
    starts = set()
    low = t.replace("\u0130", "i").lower()  # İ is the one letter whose lower case is longer
    for anchor in g.anchors:
        i = low.find(anchor)
        while i >= 0:
            j = i + len(anchor)
            if (i == 0 or not t[i - 1].isalnum()) and (j == len(t) or not t[j].isalnum()):
                before = i
                while before and t[before - 1] == " ":
                    before -= 1
                # after digits (3 tỷ) no number word runs up to the anchor: skip the costlier pattern
                run = None if before and t[before - 1].isdecimal() else g.run_before.match(t, max(0, i - _MAX_AMOUNT), i)
                starts.add(run.start() if run else i)  # hàng trăm triệu đồng starts at trăm
            i = low.find(anchor, j)
    return sorted(starts)


def _read(t: str, m: _Amount, g, floor: int) -> list:
    """The facts of one amount match, as (kind, value, start, end, unit, qualifier) tuples;
    ``floor``: where the amount before it ended (its currency is not also this one's prefix)."""
    first, last, spans, d = m
    if len(spans) > _MAX_CHAIN or last - first > _MAX_AMOUNT and any(e - s > _MAX_AMOUNT for s, e in spans):
        return []
    prefix = None
    if _may_follow_prefix(t, first, g):
        prefix = g.prefix.search(t, max(floor, first - 4), first)
        if prefix:
            first = prefix.start()
    kind, unit, factor = _kind(d[_UNIT], prefix and _fold(prefix[0]))
    single = len(spans) == 1
    # the amt group holds the text of the last end
    toks = [numbers.tokens(d.amt)] if single else [numbers.tokens(t[s:e]) for s, e in spans]
    if kind is None and g.money_scales.isdisjoint(toks[-1]):
        return []  # a bare number, a date, a time, a duration
    words_only = not t[spans[0][0]].isdecimal() if single else True not in [t[s].isdecimal() for s, _ in spans]
    scaled = not g.scales.isdisjoint(toks[0] if single else chain.from_iterable(toks))
    if words_only:
        if not (scaled or d.pct or d.cur):
            return []  # a small count in words (hai bên): the common case of number words, decided fast
        if len(toks[-1]) > 1 and toks[-1][-1] in g.time and toks[-1][-2] in g.scales:
            return []  # hai nghìn năm: a duration, năm after a scale word is the year
    before = _context(_chunks_before(t, first))
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
        kind, unit = "rate", _fold(unit + d.per).lower()
    if not single and before.score:
        return []  # thắng 2-1
    if kind in ("quantity", "rate") and not scaled:
        if _not_a_count(toks, before, qualifier, d.msr, d.den):
            return []
    elif d.den:
        return []
    values = [numbers.value(ts, decimal_context=kind == "percent") for ts in toks]
    # regex's \d knows digits newer than Python's Unicode tables, which int() cannot read
    if None in values or d.den and (not d.den[1:].isdecimal() or values[-1] > int(d.den[1:])):
        return []  # 20/5 is a date; 6/10 vị trí is six of ten
    if words_only and kind != "percent" and not _words_count(toks, qualifier, g):
        if not (d.cur and toks[0][0] not in g.num.scales
                and (values[-1] >= 10 or _fold(d.cur).lower() in g.small_count_currencies)):
            return []  # hai bên; but ba trăm đô la and chín bảng Anh are money
    if len(values) > 1:
        _share_scale(values, toks, g)
    if d.half and not scaled:
        values[-1] += _HALF  # 2 tấn rưỡi
    if factor is not None:
        values = [number * factor for number in values]
    if single:
        return [(kind, numbers.plain(-values[0] if before.minus else values[0]), first, end, unit, qualifier)]
    starts = [first] + [s for s, _ in spans[1:]]
    stops = [e for _, e in spans[:-1]] + [end]
    qualifiers = [qualifier] + [None] * (len(spans) - 1)
    return list(zip(repeat(kind), map(numbers.plain, values), starts, stops, repeat(unit), qualifiers))


def _read_digits(t: str, m, g, floor: int) -> list:
    """The facts of a match of ``digits_plain``, as _read gives them. Most are one group of digits,
    with or without scale words, and its unit (``64.959 ha``, ``4.231 tỷ đồng``, ``7%``): they are
    read here from the groups of the match, by the steps of _read that apply to them. A range, a
    fraction, a half, a subunit, a currency sign before or money with no unit go to _read."""
    amt, number, tail, pct, noun, cur, sub, msr, time, word, cur_glued, msr_glued, per, half = m.groups()
    first, last = m.start(), m.end()
    if tail or half or sub or len(amt) > _MAX_AMOUNT or _may_follow_prefix(t, first, g):
        return _read(t, _digit_amount(t, g, m), g, floor)
    kind, unit, _ = _kind((pct, noun, cur or cur_glued, sub, msr or msr_glued, time, word), None)
    toks = [number, *amt[len(number):].lower().split()]  # 64.959, 4.231 tỷ
    if len(toks) > 1 and not "".join(toks[1:]).isalpha():
        toks = numbers.tokens(amt)  # 1tr5, 3 tỷ 500 triệu
    if kind is None:
        return [] if g.money_scales.isdisjoint(toks) else _read(t, _digit_amount(t, g, m), g, floor)
    before = _context(_chunks_before(t, first))
    if before.minus:
        first = t.rfind(before.minus.lstrip(), 0, first)
    qualifier = _qualifier(t, last, before, kind, unit, g)
    if per and kind == "quantity":
        kind, unit = "rate", _fold(unit + per).lower()
    if kind in ("quantity", "rate") and g.scales.isdisjoint(toks) and _not_a_count([toks], before, qualifier, msr or msr_glued, None):
        return []
    value = numbers.value(toks, decimal_context=kind == "percent")
    if value is None:
        return []
    return [(kind, numbers.plain(-value if before.minus else value), first, last, unit, qualifier)]


def _may_follow_prefix(t: str, first: int, g) -> bool:
    """Whether a currency sign may end just before ``first`` (the start of an amount)."""
    return first > 0 and (t[first - 1] in g.prefix_ends or t[first - 1].isspace() and t[first - 2:first - 1] in g.prefix_ends)


def _qualifier(t: str, end: int, before: "_Context", kind: str, unit: str, g) -> Optional[str]:
    """The qualifier of an amount ending at ``end``: the one of the words before it, but none for
    a difference (thấp hơn 7% so với is "lower by"; cao hơn 1.000 m so với is "over")."""
    if before.comparative and (kind == "percent" or unit in g.multiples) and _COMPARED.match(t, end):
        return None
    return before.qualifier


def _not_a_count(toks: List[List[str]], before: "_Context", qualifier: Optional[str], measure, den) -> bool:
    """Whether an amount in digits with no scale word and a noun or measure after it is rather a
    position, a date or a year (tầng 3, ngày 10-12, bão số 9, từ 1/7 người lao động, năm 2020
    doanh nghiệp, Euro 2020 đội tuyển; but khoảng 2000 người). A measure is never a position
    (quãng đường 50 km); a counted noun may be (tầng 3 nhà)."""
    if not measure and before.positional or den and before.date_preposition:
        return True
    return not qualifier and True in map(_is_year, toks)


@lru_cache(maxsize=1024)
def _kind(unit_groups: tuple, prefix: Optional[str]):
    """(kind, unit, factor of the value) from the unit groups after an amount (``_UNIT`` of its
    groups) and the currency sign before it; kind None when the amount is not a fact by itself.
    Memoised: the unit words are few."""
    pct, noun, cur, sub, msr, _time, word = unit_groups
    g = _grammar()
    if cur:
        return "money", g.iso.get(cur) or g.iso[_fold(cur)], None  # mostly written with single spaces
    if prefix:
        return "money", g.iso[prefix], None
    if pct:
        return "percent", "%", None
    if sub:
        return "money", g.subunits[sub], _CENT
    noun = noun or msr or word
    if noun is None or word and noun.lower() in g.stop:
        return None, None, None  # 6 tháng, 17 năm qua: durations and periods; 7h30, 13:25: times
    return "quantity", _fold(noun).lower(), None


# what the words before an amount say about it (see _context)
_Context = namedtuple("_Context", "qualifier comparative money_verb score positional date_preposition minus")


@lru_cache(maxsize=4096)
def _context(chunks: Tuple[str, ...]) -> _Context:
    """What the last words before an amount (``chunks``, as written, split at white space, at
    most 4) say about it: its qualifier (trên), whether a comparative comes before that qualifier
    (thấp hơn) or a money verb (ủng hộ), a word before a score (thắng), a position or a date
    (tầng 3, ngày 10) unless a count follows anyway (con số 200), a preposition before a date (từ),
    and the minus before it as written (âm 2%; −3 độ C, see _chunks_before), if any.
    Memoised: a few words recur before most amounts."""
    g = _grammar()
    minus = chunks[-1] if chunks and chunks[-1].lower() in g.minus else None
    if minus:
        chunks = chunks[:-1]
    words = _words(chunks)
    qualifier = _phrase(words, g.qualifiers)
    rest = words[: len(words) - len(qualifier.split())] if qualifier else words
    ordinal = _phrase(words, g.ordinal)
    if ordinal in g.capital_ordinals and not chunks[-1][:1].isupper():
        ordinal = None  # Điều 5 is an article of a law; điều 10 xe is "sent ten vehicles"
    return _Context(
        qualifier,
        comparative=bool(qualifier and _phrase(rest, g.comparatives)),
        money_verb=bool(_phrase(rest, g.money_verbs)),
        score=bool(_phrase(words, g.score)),
        positional=bool(ordinal and not _phrase(words, g.not_ordinal)),
        date_preposition=bool(_phrase(words, g.date_prepositions)),
        minus=minus,
    )


def _chunks_before(text: str, start: int) -> Tuple[str, ...]:
    """The last 4 runs of non-space characters before ``start`` if a space precedes it. A minus
    sign glued to the amount after a space or a bracket (−3 độ C; at a line start a dash is a
    bullet) comes last, marked by _GLUED, which no run holds."""
    if start == 0:
        return ()
    if text[start - 1].isspace():
        return tuple(text[max(0, start - _WINDOW):start].rsplit(None, 4)[-4:])
    if _GLUED + text[start - 1] in _grammar().minus and start > 1 and text[start - 2] in _BEFORE_SIGN:
        return _chunks_before(text, start - 1) + (_GLUED + text[start - 1],)
    return ()


def _words(chunks: Tuple[str, ...]) -> Tuple[str, ...]:
    """The lower-cased words that end ``chunks``: the run stops at punctuation or digits."""
    parts = tuple(chunk.lower() for chunk in chunks)
    if "".join(parts).isalpha():
        return parts
    for i in range(len(parts) - 1, -1, -1):
        if not parts[i].isalpha():
            return parts[i + 1:]
    return parts


def _phrase(words: Tuple[str, ...], vocabulary: _Phrases) -> Optional[str]:
    """The longest phrase of ``vocabulary`` that ends ``words``."""
    if not words or words[-1] not in vocabulary.last_words:
        return None
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[-n:]) in vocabulary:
            return " ".join(words[-n:])
    return None


def _is_year(toks: List[str]) -> bool:
    return len(toks) == 1 and toks[0].isdecimal() and int(toks[0]) in _YEARS


def _words_count(toks: List[List[str]], qualifier: Optional[str], g) -> bool:
    """Number words count as a fact with a scale word (năm triệu người), not as a small count
    (hai bên); after ``hàng`` the first scale word is vague (hàng trăm, hàng tỷ) and a second
    one is needed (hàng trăm triệu đồng)."""
    first = toks[0][0]
    scales = [tok for ts in toks for tok in ts if tok in g.num.scales]
    if qualifier in g.vague and first in g.num.scales:
        return len(scales) >= 2
    opens = first in g.num.digits or first in g.num.ten or first in g.num.half_alone
    return opens and any(s in g.num.fact_scales for s in scales)


def _share_scale(values: List[Decimal], toks: List[List[str]], g) -> None:
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
        if not any(tok in g.num.scales for tok in ts) and values[i] * factor <= values[-1] * 10:
            values[i] *= factor

"""parse_number: a Vietnamese number written in digits, in words, or in both.

Digits follow the Vietnamese convention: ``.`` groups thousands and ``,`` marks decimals
(``1.839`` = 1839, ``99,6`` = 99.6, ``4.123,2`` = 4123.2). English groupings are read where they
cannot be misread (``1,234,567``, ``1,234.5``). One comma followed by exactly three digits is the
ambiguous case: before a scale word it is a decimal, as news write it (``7,043 tỷ`` = 7 043 000 000),
otherwise a thousands separator (``1,839`` = 1839), unless the text around it settles it: extract_facts
reads it as a decimal in a text whose other figures are written the Vietnamese way (``99,6``,
``1.234.567``) and none the English way (:func:`comma_is_decimal`). A single dot followed by other than three digits
is a decimal point (``2.5``), as is a point no digit stands before (``.77``). Groups of three digits
may be spaced apart (``1 000 000``), and an upper-case ``M`` or ``G`` glued to digits is a scale word
(``1.2M`` = 1 200 000, ``.0012G`` = 1 200 000), as ``k`` and ``tr`` are.

Words are read the standard way (``một trăm linh năm`` = 105, ``hai nghìn không trăm hai mươi``
= 2020) and in the spoken short form where one digit after a scale word stands for the next place
down (``hai nghìn ba`` = 2300, ``3 triệu 2`` = 3 200 000, ``hai triệu rưỡi`` = 2 500 000), and two
bare digits after ``trăm`` are its tens and units (``một trăm bẩy ba`` = 173). A decimal point is
read out as ``phẩy`` or ``chấm`` (``một chấm một`` = 1.1, ``hai phẩy bảy trăm mười tám`` = 2.718), and
``tá`` is a dozen. ``âm``, ``trừ`` and ``-`` make a number negative, ``dương`` and ``+`` keep it positive.
Arithmetic is decimal (Decimal, exact at news sizes), so ``1,2 nghìn tỷ`` is exactly 1 200 000 000 000;
whole numbers of digits and scale words, the common case, are read in int arithmetic, which gives the
same values faster.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache
from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Tuple, Union

import regex

from . import lexicon
from .settings import MAX_NUMBER_DIGITS, MAX_NUMBER_TOKENS, MAX_NUMBER_UNIT, NUMBER_POINT_SCALE

Number = Union[int, float]

# one digit group, the usual token (re's \d is a subset of regex's)
_DIGIT_GROUP = re.compile(r"\d+(?:[.,]\d+)*")
# digit tokens are read with stdlib re, cheaper per call than regex
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")
# the figures that show how a text writes decimals: 99,6 / 1.234.567 / 4.123,2 the Vietnamese way,
# 1,234,567 / 1,234.5 the English way (a lone 1,234 or 1.5 shows neither: 6.5 may be a date)
_VIETNAMESE_FIGURE = re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d,])|\d\.\d{3}\.\d{3}(?!\d)|\d\.\d{3},\d")
_ENGLISH_FIGURE = re.compile(r"\d,\d{3},\d{3}(?!\d)|\d,\d{3}\.\d")
_AMBIGUOUS_COMMA = re.compile(r"[1-9]\d{0,2},\d{3}")
_LEADING_POINT = re.compile(r"(?<![\w.,])[.,](?=\d)")  # .77, ,77: a point no digit stands before is decimal
# 1 000 000, 10 000, 1 234,5: a space between groups of three digits, the first not 0 (0912 345 678
# is a phone); the pattern from the second digit on serves patterns that match the first one apart
SPACED_AFTER_FIRST = r"(?<=[1-9])\d{0,2}+(?:[ \u00a0\u202f]\d{3})+(?!\d|\.\d)(?:,\d+)?"
SPACED_NUMBER = r"(?<![\d.,])\d" + SPACED_AFTER_FIRST
_SPACED_NUMBER = re.compile(SPACED_NUMBER)
_TOKEN = regex.compile(SPACED_NUMBER + r"|\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
HALF = Decimal("0.5")  # rưỡi, nửa
_HUNDRED = 100
_EXACT_DIGITS = 28  # Decimal's precision: ints of no more digits multiply by scale words to the same value


@dataclass(frozen=True)
class NumberWords:
    """The number vocabulary of ``lexicon/numbers.json`` (and the currency and percent spellings of
    ``units.json`` that parse_number peels off), as sets and maps; shared with facts and dates."""

    digits: Dict[str, int]
    after_tens: Dict[str, int]  # mốt, lăm: a digit only as the last of a tens group
    spoken_tens: FrozenSet[str]
    not_last: FrozenSet[str]
    not_after_ten: FrozenSet[str]
    ten: FrozenSet[str]
    tens: FrozenSet[str]
    zero_tens: FrozenSet[str]
    scales: Dict[str, int]  # ints: a Decimal times a scale stays a Decimal
    digit_only: FrozenSet[str]
    not_scales: List[str]
    fact_scales: FrozenSet[str]
    money_scales: FrozenSet[str]
    half: FrozenSet[str]
    half_alone: FrozenSet[str]
    point: FrozenSet[str]
    point_leads: FrozenSet[str]  # the decimal point words extract_facts searches for (phẩy)
    fraction: FrozenSet[str]
    minus: FrozenSet[str]  # in running text too (âm 0,5%)
    minus_number_only: FrozenSet[str]  # trừ: a sign only in a number phrase
    plus: FrozenSet[str]
    suffix_scales: Dict[str, str]
    suffix_scale: re.Pattern  # 3M, .0012G: an upper-case scale letter glued to digits


# the fields of NumberWords that are one word list of numbers.json each
_WORD_SETS = {
    "spoken_tens": "spoken_tens", "not_last": "not_last_digit", "not_after_ten": "not_after_ten", "ten": "ten",
    "tens": "tens_marker", "zero_tens": "zero_tens", "digit_only": "digit_only_scales", "fact_scales": "fact_scales",
    "money_scales": "money_scales", "half": "half", "half_alone": "half_alone", "point": "decimal_point",
    "point_leads": "decimal_point_leads",
    "fraction": "fraction", "minus": "minus", "plus": "plus",
    "minus_number_only": "minus_number_only",
}


@lru_cache(maxsize=None)
def words() -> NumberWords:
    """The number vocabulary, loaded once."""
    lex = lexicon.load("numbers")
    return NumberWords(
        digits=lex["digits"],
        after_tens=lex["after_tens_only"],
        scales=lex["scales"],
        not_scales=lex["not_scales"],
        **{field: frozenset(lex[key]) for field, key in _WORD_SETS.items()},
        suffix_scales=lex["digit_suffixes"],
        suffix_scale=re.compile(r"(?<![\w.,])(\d++(?:[.,]\d++)*+)(%s)(?!\w)" % lexicon.alternation(lex["digit_suffixes"])),
    )


@lru_cache(maxsize=None)
def _affixes() -> Tuple[regex.Pattern, regex.Pattern]:
    """The currency written before a number, and the currency or percent (group ``percent``) written
    after it, which parse_number peels off: compiled at its first call, as parse_article and
    extract_facts never need them (some 12 ms of a fresh process's first parse)."""
    units = lexicon.load("units")
    currencies = [s.lower() for names in units["currencies"].values() for s in names]
    currencies += units["currency_subunits"]
    prefixes = [s.lower() for names in units["currency_prefixes"].values() for s in names]
    return (regex.compile(r"(?:%s)\s*" % lexicon.alternation(prefixes)),
            regex.compile(r"\s*(?:(?P<percent>%s)|%s)$" % (lexicon.alternation(units["percent"]), lexicon.alternation(currencies))))


def tokens(text: str) -> List[str]:
    """Digit groups, words and single symbols of a lower-cased number phrase."""
    return [text] if text.isdecimal() or _DIGIT_GROUP.fullmatch(text) else _TOKEN.findall(text.lower())


@lru_cache(maxsize=1)
def comma_is_decimal(text: str) -> bool:
    """Whether ``1,234`` in ``text`` is 1.234: when its other figures are written the Vietnamese way
    (99,6; 1.234.567) and none the English way (1,234,567; 1,234.5). Otherwise a lone comma before
    three digits groups thousands (1,839 = 1839), the reading of figures copied from English."""
    return _VIETNAMESE_FIGURE.search(text) is not None and _ENGLISH_FIGURE.search(text) is None


def ambiguous_comma(token: str) -> bool:
    """``1,234``: one comma before three digits, the token whose reading depends on the text."""
    return _AMBIGUOUS_COMMA.fullmatch(token) is not None


def _plain_digits(token: str, decimal_context: bool) -> Optional[str]:
    """A digit group written the plain way, digits and at most a decimal point: 1.839 -> 1839,
    99,6 -> 99.6; None if it is not one number."""
    if len(token) > MAX_NUMBER_DIGITS:
        return None
    if token.isdecimal():
        return token
    if _THOUSANDS_DOT.fullmatch(token):
        return token.replace(".", "").replace(",", ".")
    if _THOUSANDS_COMMA.fullmatch(token) and (
        token.count(",") > 1 or "." in token or (not decimal_context and token[0] != "0")
    ):
        return token.replace(",", "")
    if _PLAIN.fullmatch(token):
        return token.replace(",", ".")
    if _SPACED_NUMBER.fullmatch(token):
        return "".join(token.split()).replace(",", ".")
    return None


def _digits(token: str, decimal_context: bool) -> Optional[Decimal]:
    plain_token = _plain_digits(token, decimal_context)
    return None if plain_token is None else Decimal(plain_token)


def value(toks: List[str], decimal_context: bool = False) -> Optional[Union[int, Decimal]]:
    """The exact value of number tokens (see :func:`tokens`), or None if they are not one number:
    an int for a whole number in digits with its scale words, a Decimal otherwise.

    ``decimal_context``: a unit that takes decimals follows (``%``), so ``1,500`` is 1.5.
    """
    if len(toks) == 1 and toks[0].isdecimal() and len(toks[0]) <= _EXACT_DIGITS:
        return int(toks[0])  # the most common number, read first
    lex = words()
    if toks and toks[0][0].isdecimal() and (len(toks) == 1 or lex.scales.keys() >= set(toks[1:])):
        return _scaled(toks, decimal_context, lex)  # the common 1.839 tỷ, read the short way
    if len(toks) > MAX_NUMBER_TOKENS:
        return None
    sign = 1
    if toks and (toks[0] in lex.minus or toks[0] in lex.minus_number_only):
        sign, toks = -1, toks[1:]
    elif toks and toks[0] in lex.plus:
        toks = toks[1:]
    items: list = []
    for i, tok in enumerate(toks):
        if tok[0].isdecimal():
            after = toks[i + 1] if i + 1 < len(toks) else None
            number = _digits(tok, decimal_context or after in lex.scales)
            if number is None:
                return None
            items.append(number)
        else:
            items.append(tok)
    over = next((i for i, it in enumerate(items) if isinstance(it, str) and it in lex.fraction), None)
    if over is not None:  # một phần ba
        top, bottom = _with_point(items[:over], lex), _with_point(items[over + 1:], lex)
        result = top / bottom if top is not None and bottom else None
    else:
        result = _with_point(items, lex) if items else None
    return None if result is None else sign * result


def _scaled(toks: List[str], decimal_context: bool, lex: NumberWords) -> Optional[Union[int, Decimal]]:
    """Digits followed only by scale words: 5, 1.839 tỷ, 1,2 nghìn tỷ, 10k."""
    plain_token = _plain_digits(toks[0], decimal_context or len(toks) > 1)
    if plain_token is None or len(toks) > MAX_NUMBER_TOKENS:
        return None
    whole = plain_token.isdecimal() and len(plain_token) <= _EXACT_DIGITS
    number = int(plain_token) if whole else Decimal(plain_token)
    for tok in toks[1:]:
        number *= lex.scales[tok]
    return number


def _with_point(items: list, lex: NumberWords) -> Optional[Decimal]:
    """``ba phẩy năm triệu``: fold the decimal word into one number, then read the scales."""
    point = next((i for i, it in enumerate(items) if isinstance(it, str) and it in lex.point), None)
    if point is None:
        return _value(items, lex)
    # the fraction runs to the first scale word that scales the whole number: trăm and chục belong to it
    # (hai phẩy bảy trăm mười tám = 2,718), nghìn and up do not (ba phẩy năm triệu = 3 500 000)
    end = next((j for j in range(point + 1, len(items)) if lex.scales.get(items[j], 0) >= NUMBER_POINT_SCALE), len(items))
    whole, fraction = _value(items[:point], lex), items[point + 1:end]
    if whole is None or not _integral(whole) or not fraction:
        return None
    if all(isinstance(w, str) and w in lex.digits for w in fraction):
        digits = "".join(str(lex.digits[w]) for w in fraction)  # phẩy không năm = ,05
    else:
        number = _value(fraction, lex)
        if number is None or not _integral(number):
            return None
        digits = str(int(number))
    return _value([whole + Decimal("0." + digits)] + items[end:], lex)


def _value(items: list, lex: NumberWords, pair: bool = False, inner: bool = False) -> Optional[Decimal]:
    """Split at the first occurrence of the largest run of scale words (a run multiplies:
    ``nghìn tỷ`` = 10**12, so ``một nghìn tỷ tám trăm tỷ`` reads too): left x scale + right.

    Two bare digits are one number (tens and units) only where no other reading fits: after
    ``trăm`` (``pair``: một trăm bẩy ba = 173) and before a scale word inside the remainder of a
    higher one (``inner``: ba triệu năm sáu nghìn = 3 056 000). Alone, ``năm sáu nghìn`` is
    "five or six thousand", not a number."""
    best = None  # (scale, first index, index after the run)
    i = 0
    while i < len(items):
        j, scale = i, Decimal(1)
        while j < len(items) and isinstance(items[j], str) and items[j] in lex.scales:
            scale *= lex.scales[items[j]]
            j += 1
        if j > i and (best is None or scale > best[0]):
            best = (scale, i, j)
        i = max(j, i + 1)
    if best is None:
        return _small(items, lex, pair)
    scale, top, stop = best
    left, right = items[:top], items[stop:]
    if items[top] in lex.digit_only and not (left and isinstance(left[-1], Decimal)):
        return None
    multiplier = _value(left, lex, pair=inner) if left else Decimal(1)  # a bare ``trăm``, ``nghìn tỷ``
    if multiplier is None:
        return None
    if not right:
        return multiplier * scale
    if len(right) == 1 and right[0] in lex.half:
        return (multiplier + HALF) * scale
    short = _short_form(right, scale, lex)
    rest = short if short is not None else _value(right, lex, pair=scale == _HUNDRED, inner=True)
    if rest is None or rest >= scale:
        return None
    return multiplier * scale + rest


def _short_form(right: list, scale: Decimal, lex: NumberWords) -> Optional[Decimal]:
    """One bare digit group after a scale word names the next places: hai nghìn ba = 2300."""
    if len(right) != 1 or scale < 100:
        return None
    item = right[0]
    if isinstance(item, Decimal):
        if not _integral(item) or item <= 0:
            return None
        return item * scale / 10 ** len(str(int(item)))
    digit = lex.digits.get(item) or lex.after_tens.get(item)
    return digit * scale / 10 if digit else None


def _small(items: list, lex: NumberWords, pair: bool = False) -> Optional[Decimal]:
    """A number below the smallest scale word: 7, mười bốn, ba mươi mốt, linh năm, hai lăm; with
    ``pair``, two bare digits too (bẩy ba = 73)."""
    if not items:
        return None
    if items[-1] in lex.half and len(items) > 1:  # hai rưỡi, mười rưỡi
        base = _small(items[:-1], lex)
        return None if base is None else base + HALF
    first, n = items[0], len(items)
    if isinstance(first, Decimal):
        return first if n == 1 else None
    if n == 1:
        if first in lex.digits:
            return Decimal(lex.digits[first])
        if first in lex.ten:
            return Decimal(10)
        return HALF if first in lex.half_alone else None
    if first in lex.zero_tens:  # linh năm; hai nghìn lẻ hai mươi (no hundreds)
        rest = _small(items[1:], lex)
        if rest is None and n == 2 and items[1] not in lex.not_after_ten:  # linh lăm, not linh mốt
            rest = Decimal(lex.after_tens.get(items[1], 0))
        return rest if rest and rest < 100 else None
    if n == 2 and first in lex.ten:  # mười bốn, mười lăm
        last = _last_digit(items[1], lex, after_ten=True)
        return None if last is None else 10 + last
    tens = lex.digits.get(first)
    if not tens or tens < 2:
        return None
    if items[1] in lex.tens:  # hai mươi, hai mươi mốt
        if n == 2:
            return Decimal(10 * tens)
        last = _last_digit(items[2], lex) if n == 3 else None
        return None if last is None else 10 * tens + last
    if n == 2 and (items[1] in lex.spoken_tens or pair):  # hai lăm = 25, ba tư = 34; một trăm bẩy ba
        last = _last_digit(items[1], lex)
        return None if last is None else 10 * tens + last
    return None


def _last_digit(item, lex: NumberWords, after_ten: bool = False) -> Optional[Decimal]:
    """The digit closing a tens group (hai mươi mốt); ``hai mươi năm`` is twenty years."""
    if not isinstance(item, str) or item in lex.not_last or (after_ten and item in lex.not_after_ten):
        return None
    digit = lex.digits.get(item) or lex.after_tens.get(item)
    return Decimal(digit) if digit else None


def _integral(number: Decimal) -> bool:
    return number == number.to_integral_value()


def plain(number: Union[int, Decimal]) -> Number:
    """int when integral, float otherwise."""
    if isinstance(number, int):
        return number
    return int(number) if _integral(number) else float(number)


def _usual_digits(text: str, lex: NumberWords) -> str:
    """Other ways of writing digits, spelled the usual way: .77 and ,77 -> 0,77, 1 000 000 -> 1000000,
    3M -> 3 triệu (before lower-casing: the case of a scale letter matters)."""
    text = _LEADING_POINT.sub("0,", text)
    text = _SPACED_NUMBER.sub(lambda m: "".join(m[0].split()), text)
    return lex.suffix_scale.sub(lambda m: "%s %s" % (m[1], lex.suffix_scales[m[2]]), text)


def parse_number(s: str) -> Optional[Number]:
    """The value of a Vietnamese number phrase, or None if ``s`` is not one number.

    >>> parse_number("1.839"), parse_number("99,6"), parse_number("hai triệu rưỡi")
    (1839, 99.6, 2500000)
    >>> parse_number("một nghìn tám trăm ba mươi chín tỷ")
    1839000000000

    A currency or percent written around the number is allowed and ignored
    (``5 triệu đồng`` = 5000000, ``25%`` = 25, ``hai mươi lăm phần trăm`` = 25).
    """
    if not isinstance(s, str):
        return None
    lex = words()
    text = _usual_digits(unicodedata.normalize("NFC", s).strip(), lex).lower()
    prefix, suffix = _affixes()
    head = prefix.match(text)
    if head:
        text = text[head.end():]
    tail = suffix.search(text[-MAX_NUMBER_UNIT:])  # read the end only: the input may be long
    percent = tail is not None and tail.group("percent") is not None
    if tail:
        text = text[: len(text) - len(tail[0])]
    number = value(tokens(text), decimal_context=percent) if text else None
    return None if number is None else plain(number)

"""The units an amount may have after it, as named rules: each says which words of
``lexicon/units.json`` it matches, what may not follow them, how they stand against the amount, and
what kind of fact they make. The search patterns (``grammar``) are built from this registry in its
order (a rule asks for the trie of a units.json list by its key), and ``resolve`` reads the one unit
a match found. A new kind of unit is one rule here, one list in the lexicon (with its key in the
lexicon test of tests/test_facts.py) and corpus rows.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Callable, Literal, Mapping, NamedTuple, Optional, Tuple

from ..model import FactKind
from ..text import INLINE_SPACE

if TYPE_CHECKING:
    from .grammar import Grammar

UnitName = Literal["pct", "noun", "cur", "sub", "msr", "rate", "time", "word"]
_CENT = Decimal("0.01")


class Unit(NamedTuple):
    """What a unit makes of an amount: its kind (None: no fact by itself), unit, the factor of its
    value (a cent is 0.01 of its currency), and whether it is a measure (never a position: quãng
    đường 50 km, where tầng 3 nhà may be one)."""

    kind: Optional[FactKind]
    unit: Optional[str]
    factor: Optional[Decimal] = None
    measure: bool = False


NO_UNIT = Unit(None, None)


def _money(text: str, g: "Grammar") -> Unit:
    return Unit("money", g.iso.get(text) or g.iso[g.fold(text)])  # mostly written with single spaces


def _percent(text: str, g: "Grammar") -> Unit:
    return Unit("percent", "%")


def _cents(text: str, g: "Grammar") -> Unit:
    return Unit("money", g.subunits[text], _CENT)


def _counted(text: str, g: "Grammar") -> Unit:
    return Unit("quantity", g.fold(text).lower())


def _measure(text: str, g: "Grammar") -> Unit:
    return Unit("quantity", g.fold(text).lower(), None, True)


def _rate(text: str, g: "Grammar") -> Unit:
    return Unit("rate", text.lower())


def _any_word(text: str, g: "Grammar") -> Unit:
    """Any lower-case word counts (200 lính), but not the words that close a duration, a period or
    a time (6 tháng, 17 năm qua, 7h30)."""
    return NO_UNIT if text.lower() in g.stop else _counted(text, g)


def _not_a_unit(text: str, g: "Grammar") -> Unit:
    return NO_UNIT  # matched so that a time word is never read as a counted word


class UnitRule(NamedTuple):
    name: UnitName  # the group of the search patterns that holds it
    spellings: Callable[[Mapping[str, str]], str]  # its pattern, from the tries of units.json lists by key, ``lower``, ``half``
    not_after: str  # what may not follow it
    space: Literal["optional", "required"]  # white space between amount and unit (25%, 25 %)
    glued: bool  # also written against the amount when it takes a space otherwise (50.000đ, 1km)
    resolve: Callable[[str, "Grammar"], Unit]


UNIT_RULES: Tuple[UnitRule, ...] = (
    UnitRule("pct", lambda tries: tries["percent"], r"(?!\w)", "optional", False, _percent),
    UnitRule("noun", lambda tries: rf"(?:{tries['noun_modifiers']}{INLINE_SPACE}++)?{tries['counted_nouns']}", r"(?!\w)",
             "required", False, _counted),  # 300 nữ công nhân: the modifier is part of the noun
    UnitRule("cur", lambda tries: tries["currencies"], r"(?!\w)", "required", True, _money),
    UnitRule("sub", lambda tries: tries["currency_subunits"], r"(?![\w-])", "required", False, _cents),  # not xen-ti-mét
    UnitRule("msr", lambda tries: tries["measures"], r"(?![\w²³])", "required", True, _measure),
    UnitRule("rate", lambda tries: tries["rate_units"], r"(?!\w)", "required", True, _rate),  # 18mph
    UnitRule("time", lambda tries: tries["time_units"], r"(?!\w)", "required", False, _not_a_unit),
    # a word of syllables joined by hyphens is one word (36 tua-bin, 2 xe tải-container)
    UnitRule("word", lambda tries: tries["lower"] + r"\w*(?:-\w+)*", "", "required", False, _any_word),
)
# the rules in the order of their groups in a search pattern: the optional-space ones, then the others
_SPACED_ORDER = [r for r in UNIT_RULES if r.space == "optional"] + [r for r in UNIT_RULES if r.space == "required"]
UNIT_NAMES: Tuple[UnitName, ...] = tuple(rule.name for rule in _SPACED_ORDER)
_BY_NAME = {rule.name: rule for rule in UNIT_RULES}


def unit_pattern(tries: Mapping[str, str]) -> str:
    """The optional unit after an amount, one group per rule, then the ``per`` part of a rate or a
    price (500.000 đồng/kg, 99,6 thuê bao/100 dân, 6,9 hành khách mỗi lượt, 30 km một giờ) and a
    ``half`` (2 tấn rưỡi)."""
    # a run of white space is never given back (++, *+, ?+): no unit, per part or half starts with one
    space = INLINE_SPACE
    optional = [rf"(?P<{r.name}>{space}*+(?:{r.spellings(tries)})){r.not_after}" for r in _SPACED_ORDER if r.space == "optional"]
    # the other rules in order after white space; the glued ones also right after the amount or a
    # hyphen (50.000đ, 6,52-inch), the others asking for the white space behind them (an amount never
    # ends with one): each trie is written once (compiled once), not again for the glued spelling
    required = [rf"{'' if r.glued else f'(?<={space})'}(?P<{r.name}>{r.spellings(tries)}){r.not_after}"
                for r in _SPACED_ORDER if r.space == "required"]
    return (
        "(?:%s)?" % "|".join(optional + [rf"(?:{space}++|-?)(?:{'|'.join(required)})"])
        + rf"(?P<per>(?:{space}?+/{space}?+(?:\d+(?:[.,]\d+)?{space}?+)?[^\W\d_][\w²³]*"
          rf"|{space}++(?:{tries['per_words']}{space}++{tries['lower']}\w*|{tries['per_time_words']}{space}++{tries['time_units']}(?!\w)))*)"
        + rf"(?P<half>{space}++{tries['half']})?"
    )


def set_unit(unit_groups: Tuple[Optional[str], ...]) -> Optional[Tuple[UnitName, str]]:
    """The one unit group set (name, text), in UNIT_NAMES order; None if none is."""
    return next(((name, text) for name, text in zip(UNIT_NAMES, unit_groups) if text is not None), None)


def resolve(unit: Optional[Tuple[UnitName, str]], g: "Grammar") -> Unit:
    """What the unit found after an amount (see set_unit) makes of it."""
    return NO_UNIT if unit is None else _BY_NAME[unit[0]].resolve(unit[1], g)

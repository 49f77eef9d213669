"""The rules that find amounts, as named records: the lead words that let the scanner skip text
cheaply, the pattern, and the resolver that reads a match into facts. The units after an amount
are rules of their own (``units.UNIT_RULES``); the words of both are data in ``lexicon/``.
"""
from __future__ import annotations

from typing import Callable, List, Literal, NamedTuple, Optional, Union

import re

import regex

from .grammar import Grammar
from ..model import Fact
from .read import read_amount, read_digits


class AmountRule(NamedTuple):
    name: Literal["digits", "words"]
    leads: Callable[[Grammar], Optional[re.Pattern]]  # the search for the words every match holds (None: a digit,
    # which the pattern itself skips to in C)
    pattern: Callable[[Grammar, bool], Union[re.Pattern, regex.Pattern]]  # for text in the plain script or not
    resolve: Callable[[str, "re.Match", Grammar, int], List[Fact]]  # (text, match, grammar, where the amount before ended)


# 1.839 tỷ đồng, 25%, 5-7 km, 6/10: searched through the text, the stdlib re where the text allows it
# (read_digits reads the groups of digits_plain; a match of digits, outside the plain script, goes to read_amount)
DIGITS = AmountRule("digits", lambda g: None, lambda g, plain: g.digits_plain if plain else g.digits, read_digits)
# hai nghìn tỷ đồng, năm triệu người, ba mươi phần trăm: tried only where number words run up to a
# lead word (mười, mươi, the scale and percent words, a few currencies)
WORDS = AmountRule("words", lambda g: g.leads, lambda g, plain: g.words, read_amount)
AMOUNT_RULES = (DIGITS, WORDS)

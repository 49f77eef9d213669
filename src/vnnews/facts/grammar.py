"""The vocabulary of facts (``lexicon/numbers.json`` and ``units.json``) as word sets, and the search
patterns built from it and from the unit rules (``units.UNIT_RULES``), in one ``Grammar`` made once,
on first use. Patterns are linear (atomic groups, no nested quantifiers over the same characters);
word lists are tries (``t(?:r(?:iệu|ăm)|ỷ)``), which both engines try many times faster than a flat
alternation of hundreds of words. A pattern used only for some texts is compiled when first needed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain
from typing import Dict, FrozenSet, Iterable, List, Mapping, Tuple

import regex

from .. import lexicon, numbers
from ..text import INLINE_SPACE, WIDE_LINE_BREAKS, for_stdlib
from .units import UNIT_NAMES, unit_pattern

_SPACE = INLINE_SPACE
# a run of white space that is never given back: in these patterns what follows a run never starts
# with white space, so backtracking into it only fails again (re tries each shorter run: ~15% of
# the search for amounts in digits)
_RUN, _GAP = _SPACE + "++", _SPACE + "*+"
_DIGITS = r"(?>%s|\d+(?:[.,]\d+)*)" % numbers.SPACED_NUMBER
# what may not stand before an amount: it would be inside a code, a date or a digit group
BOUNDARY_BEHIND = (r"[\w.,/:+=#@&\\]", r"\w[-–]", r"\d" + _SPACE)
_BOUNDARY = "".join(r"(?<!%s)" % behind for behind in BOUNDARY_BEHIND)
# the groups of an amount match, in pattern order: the amount (the last end of a range), a fraction's
# denominator, the unit groups, per and half
GROUPS = ("amt", "den") + UNIT_NAMES + ("per", "half")


def fold(text: str) -> str:
    """White space runs as one space."""
    return " ".join(text.split())


def _alt(spellings: Iterable[str]) -> str:
    """A trie of ``spellings``, the longest first; a space matches any white space in a line."""
    return lexicon.prefix_tree(spellings, space=_RUN)


class Phrases(frozenset):
    """Lower-cased phrases, with the set of their last words: most lookups stop at the last word."""

    last_words: FrozenSet[str]

    def __init__(self, phrases):
        super().__init__()
        self.last_words = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in self)


class _Tries(dict):
    """The trie of each list of units.json, built when a unit rule first asks for it by its key (a new
    rule names its list; nothing else changes). A map of ISO code -> spellings gives the spellings,
    a map of spelling -> ISO code the spellings too."""

    def __init__(self, units: dict, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.units = units

    def __missing__(self, key: str) -> str:
        words = self.units[key]
        if isinstance(words, dict):
            lists = all(isinstance(value, list) for value in words.values())
            words = [s for names in words.values() for s in names] if lists else list(words)
        trie = self[key] = _alt(words)
        return trie


def _lower(words: Iterable[str]) -> Phrases:
    return Phrases(fold(w.lower()) for w in words)


def _shortest(phrases: Iterable[str]) -> set:
    """The phrases that do not extend another by more words (đô la, not đô la Mỹ): finding the
    shorter one finds both."""
    phrases = set(phrases)
    return {p for p in phrases if not any(p.startswith(q + " ") for q in phrases)}


def _keys(words: List[str]) -> Tuple[Tuple[str, Tuple[int, ...]], ...]:
    """The words that hold no other word (đô, not đô la; trăm, not phần trăm), each with the offsets
    at which it stands in the words (trăm: 0, 5 in phần trăm, 10 in điểm phần trăm): finding these
    finds the start of every word."""
    keys = [k for k in words if not any(w != k and w in k for w in words)]
    return tuple((k, tuple(sorted({i for w in words for i in range(len(w)) if w.startswith(k, i)}))) for k in keys)


def _plain_script(case_blind_words: Iterable[str]) -> List[str]:
    """The characters of Latin and Vietnamese text, punctuation and currency signs that re and regex
    class alike (\\w, \\d, \\s, letters, and case for the letters of ``case_blind_words``), less U+2028
    and U+2029, which the stdlib's space within a line leaves out (text.STDLIB_INLINE_SPACE)."""
    letters = "".join(sorted({c for w in case_blind_words for c in w if c.isalpha()}))
    candidates = "".join(map(chr, chain(range(0x250), range(0x1E00, 0x1F00), range(0x2000, 0x20D0))))
    differ: set = set()
    for cls in (r"\w", r"\d", r"\s", r"[^\W\d_]", "(?i:[%s])" % letters):
        differ |= set(re.findall(cls, candidates)) ^ set(regex.findall(cls, candidates))
    return [c for c in candidates if c not in differ and c not in WIDE_LINE_BREAKS]


def _compiled(key: str, engine, doc: str) -> cached_property:
    """A pattern of ``Grammar.sources`` compiled on first use (by ``engine``, re or regex); the search
    patterns of amounts are checked to hold the groups read.Groups reads by position."""

    def compile_source(self: "Grammar"):
        source = self.sources[key]
        pattern = engine.compile(for_stdlib(source) if engine is re else source)
        if "amt" in pattern.groupindex and engine is regex:
            assert sorted(pattern.groupindex, key=pattern.groupindex.get) == list(GROUPS)
        return pattern

    compile_source.__doc__ = doc
    return cached_property(compile_source)


@dataclass
class Grammar:
    """Word sets and search patterns of facts. The phrase sets are lower-cased and folded."""

    num: numbers.NumberWords
    iso: Dict[str, str]  # a currency spelling (folded) -> its ISO code
    subunits: Dict[str, str]  # xu, cent -> the ISO code of the currency
    spoken_cents: FrozenSet[str]  # the ISO codes whose cents may follow as a bare number (hai đô 25)
    money_after_scale: Dict[str, str]  # đồng tiền -> VND after a money scale word
    money_after_thousands: FrozenSet[str]  # bảng: money after an amount in thousands too (20.000 bảng)
    subunit_joiners: Phrases  # between whole units and cents: 20 đô (và) 43 xu
    small_count_currencies: Phrases  # make a number in words under ten money (chín bảng Anh)
    stop: Phrases  # words that are no counted unit (durations, periods, number words)
    qualifiers: Phrases
    vague: Phrases  # hàng, vài: the first scale word after them is vague
    comparatives: Phrases
    multiples: Phrases
    units_before: Phrases  # tuổi in ở tuổi 62: a unit before its number
    money_links: Phrases  # là, đạt: between a money verb and its amount
    time: Phrases
    ordinal: Phrases  # positions and dates (tầng 3, ngày 10)
    score: Phrases
    date_prepositions: Phrases
    not_ordinal: Phrases
    capital_ordinals: Phrases
    money_verbs: Phrases
    money_abbreviations: Phrases
    range_openers: Phrases  # từ, giữa: any range word joins the ends after them
    opened_range_words: Phrases  # lên, xuống: a range only after an opener
    list_range_words: Phrases  # và: a range unless the first end is a year
    range_links: Phrases  # between the ends of a range by themselves: the dashes, đến, tới
    minus: FrozenSet[str]  # a minus word (âm) or, as context.chunks_before marks it, a sign glued to the amount
    anchors: List[str]  # words every fact in words holds: where the search for them starts
    lead_keys: Tuple[Tuple[str, Tuple[int, ...]], ...]  # the anchors that hold no other, each with where it stands in the anchors
    after_numbers: FrozenSet[str]  # anchors that lead only after a digit word (hai chấm năm, hai đô 25)
    prefix_ends: FrozenSet[str]  # the last two characters (or the one) of currency signs written before an amount
    prefix_last: FrozenSet[str]  # their last characters: a first test
    glued_starts: FrozenSet[str]  # what may be glued to a bare number (glued_place_units, multiple marks), first characters
    multiple_marks: Dict[str, str]  # 3x: a mark -> the unit of a multiple
    multiple_cues: Phrases  # zoom, gấp: what a multiple stands after (cô gái 9x is a generation)
    sources: Mapping[str, str]  # the source of each search pattern, compiled on first use below

    fold = staticmethod(fold)

    def __post_init__(self) -> None:
        self.scales = self.num.scales.keys()  # read per amount: attributes, not properties
        self.money_scales = self.num.money_scales

    # the search patterns, each compiled on first use (most texts need only some of them)
    digits_plain = _compiled("digits_plain", re, "Amounts in digits in text of the plain script (re: about twice as fast).")
    digits = _compiled("digits", regex, "Amounts in digits in text outside the plain script.")
    words = _compiled("words", regex, "Amounts in words, tried where number words run up to a lead word.")
    range_end_plain = _compiled("range_end_plain", re, "Each end after the first of a range found by digits_plain.")
    plain_script = _compiled("plain_script", re, "Text whose every character re and regex class alike.")
    run_before = _compiled("run_before", regex, "The number words before a lead word (hàng trăm triệu: from trăm).")
    glued_places = _compiled("glued_places", re, "1m75: a measure, then the next places of the number.")
    leads = _compiled("leads", re, "The lead words of amounts in words, in lower-cased text: one trie.")
    prefix = _compiled("prefix", regex, "$10, US$ 5 triệu: a sign read before an amount, not searched.")
    cents_after = _compiled("cents_after", regex, "hai đô 25: the cents read out after whole units, before a stop.")
    subunit_after = _compiled("subunit_after", regex, "ba đô (và) năm mươi xu: cents in a subunit after whole units.")


# the fields of Grammar that are one list of units.json each
_PHRASES = {
    "qualifiers": "qualifiers", "vague": "vague_qualifiers", "comparatives": "comparatives", "multiples": "multiples",
    "time": "time_units", "score": "score_before", "date_prepositions": "date_prepositions",
    "not_ordinal": "not_ordinal_before", "capital_ordinals": "capital_ordinals", "money_verbs": "money_verbs",
    "money_abbreviations": "money_abbreviations", "range_openers": "range_openers",
    "opened_range_words": "opened_range_words", "list_range_words": "list_range_words", "units_before": "units_before",
    "money_links": "money_links", "multiple_cues": "multiple_cues",
}


@lru_cache(maxsize=None)
def grammar() -> Grammar:
    num = numbers.words()
    units = lexicon.load("units")
    not_scale = r"(?!(?i:%s)(?!\w))" % _alt(num.not_scales)  # tỷ lệ, tỷ phú
    scale = r"%s(?i:%s)(?!\w)" % (not_scale, _alt(num.scales))
    half = r"(?:%s)(?!\w)" % _alt(num.half)
    vocabulary = [w for w in list(num.scales) + list(num.digits) + list(num.after_tens) if w not in num.digit_only]
    vocabulary += num.ten | num.tens | num.zero_tens | num.half | num.half_alone | num.point
    word = r"%s(?i:%s)(?!\w)" % (not_scale, _alt(vocabulary))
    # the next places of the number after its last scale word, before a stop, as speech writes them: 1
    # triệu 2 is 1,2 triệu, 3 triệu 500 3,5 triệu (after a letter, so only after a scale word)
    places = rf"(?:(?<=[^\W\d_]){_RUN}\d{{1,3}}(?=[ \t]*+(?:[;:!?)\]\n]|[.,](?!\d)|\Z)))?"
    scaled = (
        rf"(?:{_GAP}{scale})*(?:(?i:{_alt(num.digit_only)})\d{{1,3}}(?!\w))?"
        rf"(?:{_RUN}{_DIGITS}(?:{_GAP}{scale})+)*{places}(?:{_RUN}{half})?"
    )  # 5 triệu, 1,2 nghìn tỷ, 1tr5, 3 tỷ 500 triệu, 1 triệu 2, 2 triệu rưỡi (each scale pattern written once less: compiled faster)
    # 2 chấm 25 đô la, 3 phẩy 5 triệu: digits with a spoken decimal point
    spoken_point = rf"(?:{_RUN}(?i:{_alt(num.point)}){_RUN}\d+(?![\w.,]))?"
    by_digits = _DIGITS + spoken_point + scaled
    by_words = rf"(?>{word}(?:{_RUN}{word})*)"
    small = rf"(?i:{_alt(list(num.digits) + list(num.after_tens) + sorted(num.ten | num.tens))})(?!\w)"  # below a hundred
    sep = rf"(?:{_GAP}[-–—]{_GAP}|{_RUN}(?i:{_alt(units['range_words'])}){_RUN})"
    prefixes = [s for names in units["currency_prefixes"].values() for s in names]

    def tail(capture: bool) -> str:
        """A fraction's denominator, or the other ends of a range or a chain. The chain is possessive:
        all that may follow it is optional, so it never gives back an end, and re keeps no
        backtracking state per end (a 1-1-1-... chain of a million ends took 1.1 GB)."""
        den, amt = ("(?P<den>", "(?P<amt>") if capture else ("(?:", "(?:")
        return rf"(?:{den}/\d{{1,4}})(?![\d/])|(?:{sep}{amt}{by_digits}|{by_words}))*+)"

    tries = _Tries(units, half=half)

    # an ISO code or a letter code may be glued to the amount it prefixes (USD1.23, EUR29.99, Rs20), though a letter
    # before digits is otherwise a code (A320)
    codes = [s for names in units["currency_prefixes"].values() for s in names if re.fullmatch("[A-Z][A-Za-z]{1,2}", s)]
    # one lookbehind per length of code (re's are of a fixed width), after a first test for a letter
    iso_before = "(?<=[A-Za-z]{digit})(?:%s)" % "|".join(
        rf"(?<=(?<!\w)(?:{'|'.join(c for c in codes if len(c) == n)}){{digit}})" for n in sorted({len(c) for c in codes}, reverse=True))
    tries = _Tries(units, tries, lower=r"\p{Ll}")
    ending = tail(True) + unit_pattern(tries)
    # re has no captures of a repeated group: each end of a range after the first is matched again
    # (range_end_plain), the tail of a fraction is its denominator
    plain = _plain_script(list(num.scales) + num.not_scales + vocabulary + units["range_words"])
    lower = "".join(map(re.escape, regex.findall(r"\p{Ll}", "".join(plain))))  # one search, not one per character
    # the pattern opens with a bare digit, the boundary checked after it: re then skips to the next
    # digit in C, much faster (it does not look into an atomic group or a lookbehind for that); the
    # digits of the plain script as a set, which re tests faster than the Unicode class \d
    digit = "[%s]" % "".join(c for c in plain if c.isdecimal())
    boundary = "".join(r"(?<!%s\d)" % behind for behind in BOUNDARY_BEHIND) + "|" + iso_before.format(digit=r"\d")
    # the number's groups are possessive (nothing in the atomic group follows them): re keeps a
    # backtracking state per group of a plain repeat, 20 MB for a run of 100,000 (1.1.1...)
    sources = {
        "digits_plain": rf"(?P<amt>(?P<number>{digit}(?>(?:{boundary})(?:{numbers.SPACED_AFTER_FIRST}|\d*+(?:[.,]\d++)*+))){spoken_point}{scaled})"
                        rf"(?P<tail>{tail(False)})" + unit_pattern(_Tries(units, tries, lower=f"[{lower}]")),
        "digits": rf"(?:{_BOUNDARY}|{iso_before.format(digit='')})(?P<amt>{by_digits}){ending}",
        # hai phẩy 23 đô: digits after a decimal point word
        "words": rf"{_BOUNDARY}(?P<amt>{by_digits}|{by_words}(?:(?<=(?i:{_alt(num.point)})){_RUN}\d{{1,3}}(?![\w.,]))?){ending}",
        "range_end_plain": rf"{sep}(?P<amt>{by_digits}|{by_words})",
        "plain_script": "[%s]*" % "".join(re.escape(c) for c in plain),
        "run_before": rf"(?r)(?:(?<!\w){word}(?:{sep})?{_SPACE}*)+",
        "prefix": rf"(?:{_alt(prefixes)}){_SPACE}?\Z",
        "glued_places": rf"({_alt(units['glued_place_units'])})(\d{{1,2}})(?!\w|[.,]\d)",
        "cents_after": rf"{_SPACE}+(?P<cents>\d{{1,2}}|{small}(?:{_SPACE}+{small}){{0,2}})(?={_SPACE}*(?:[;:!?)\]\n]|[.,](?!\d)|\Z))",
        "subunit_after": rf"{_SPACE}+(?:(?:{_alt(units['subunit_joiners'])}){_SPACE}+)?(?:\d{{1,2}}|{small}(?:{_SPACE}+{small}){{0,2}})"
                         rf"{_SPACE}+(?P<sub>{_alt(units['currency_subunits'])})(?![\w-])",
    }
    # words found in every number in words of ten or more or with a decimal point word that leads
    # (hai phẩy năm), percent words and the currencies that make a smaller number money (chín bảng
    # Anh): a small count in words (hai bên) is never a fact otherwise, so these few words are enough
    # to find the others; and, only after a digit word (_word_starts), the other decimal point words
    # (hai chấm năm; mostly chấm dứt or dấu chấm) and the currency words whose cents may follow (hai đô 25)
    after_numbers = (num.point - num.point_leads) | set(units["spoken_cents_leads"])
    anchors = sorted((num.ten | num.tens | num.point_leads | set(num.scales) - num.digit_only)
                     | {w for w in units["percent"] if w.replace(" ", "").isalpha()}
                     | _shortest(w.lower() for w in units["small_count_currencies"]) | after_numbers)
    # each anchor a whole word, so that the search does not stop at every đông for đô
    sources["leads"] = lexicon.prefix_tree(anchors, space=" ", word_end=r"(?!\w)")
    return Grammar(
        num=num,
        iso={fold(s): code for key in ("currencies", "currency_prefixes") for code, names in units[key].items() for s in names},
        subunits=units["currency_subunits"],
        range_links=_lower(["-", "–", "—"] + [w for w in units["range_words"]
                                              if w not in units["list_range_words"] + units["opened_range_words"]]),
        spoken_cents=frozenset(units["spoken_cents"]),
        money_after_scale=units["money_after_scale"],
        money_after_thousands=frozenset(units["money_after_thousands"]),
        subunit_joiners=_lower(units["subunit_joiners"] + [""]),  # "": side by side
        small_count_currencies=_lower(units["small_count_currencies"]),
        stop=_lower(units["stop_after"]) | {w.lower() for w in vocabulary},  # 1tr5 một chiếc
        ordinal=_lower(units["ordinal_before"] + units["date_before"]),
        **{field: _lower(units[key]) for field, key in _PHRASES.items()},
        minus=frozenset(w if w.isalpha() else GLUED + w for w in num.minus),
        anchors=anchors,
        lead_keys=_keys(anchors),
        after_numbers=frozenset(after_numbers),
        prefix_ends=frozenset(s[-2:] for s in prefixes),
        prefix_last=frozenset(s[-1] for s in prefixes),
        glued_starts=frozenset([s[0] for s in units["glued_place_units"]] + list(units["multiple_marks"])),
        multiple_marks=units["multiple_marks"],
        sources=sources,
    )


GLUED = " "  # marks a sign glued to the amount among the chunks before it, which no chunk holds

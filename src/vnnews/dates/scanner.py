"""The scan: where a rule may start (its lead phrases), which rules to try there, the atoms they
match, and the groups of atoms written together as one date.

Cheap first: one ``re`` pattern finds a number or a lead phrase (``re`` skips in C to a character
that can begin a match), and the phrase says which rules to try there. Each rule's pattern is
compiled on first use, so a text compiles only the rules its words call for.
Every pattern is bounded, so a scan is linear in the text."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, Iterator, Optional, Tuple

import regex

from .grammar import DIGIT, LEX, OSP, SP, STOP, STOP_AHEAD, WORD_END, grammar, number_words, words
from .rules import RULES, Atom, Rule
from .. import lexicon
from ..text import WIDE_LINE_BREAKS, for_stdlib, lowered as _lowered

# An atom stands apart from the numbers and names around it: not 1/2020 in 15/1/2020/NĐ-CP, not 34
# in Su-34. A dash may join two times or two days (8h-17h, 28/7-2/8), not two years (2015-2020).
_BOUNDS = {
    False: r"(?<![\p{L}\p{N}_]|\p{N}[/.,:\-–]|\p{L}[/\-])(?:%s)(?![\p{L}\p{N}_]|[/.,:\-–]\p{N}|[/\-]\p{L})",
    True: r"(?<![\p{L}\p{N}_]|\p{N}[/.,:]|\p{L}/)(?:%s)(?![\p{L}\p{N}_]|[/.,:]\p{N}|/\p{L})",
}
_GAP = regex.compile(r"%s[,\-–|]?%s(?:%s%s)?\(?%s" % (OSP, OSP, words(LEX["connectors"]), SP, OSP), regex.I)
_CLOSE = regex.compile(OSP + r"\)")


# The scan runs on the text with U+2028/U+2029 as \x0b, another line break that nothing in the scan
# tells from them, for the stdlib's spelling of a space within a line (see text.STDLIB_INLINE_SPACE).
_WIDE_LINE_BREAKS = str.maketrans(WIDE_LINE_BREAKS, "\x0b" * len(WIDE_LINE_BREAKS))


_NUMBER_WORD = "~"  # in a lead phrase for the scan: any number word (hai mươi, sau hai tháng, ngày mười lăm)


# The spaces between the words of a lead phrase in the scan: any white space, line breaks too, as \s
# compiles in a fraction of the time of the class of SP at each of its 600 uses (the scan's pattern
# compiles a sixth faster). A lead found across a line break adds no atom: a rule it picks starts
# with a lead of its own, which a line holds, and which the scan finds there as before (a longer
# phrase picks the rules of its start too: see _dispatch).
_SCAN_SPACE = r"\s{1,3}"


def _trie(phrases, word_end: str = r"(?!\w)", digits: str = r"\d{1,2}") -> str:
    """An ``re`` alternation of lower-case ``phrases`` (see lexicon.prefix_tree); DIGIT inside a
    phrase is a number of ``digits``, STOP a look-ahead for a stop, _NUMBER_WORD a number word."""
    return lexicon.prefix_tree(phrases, space=_SCAN_SPACE, word_end=word_end, specials={
        DIGIT: digits, STOP: STOP_AHEAD, WORD_END: r"(?!\w)",
        _NUMBER_WORD: "(?:%s)" % lexicon.prefix_tree(_number_words(), space=_SCAN_SPACE)})


@lru_cache(maxsize=None)
def _number_words() -> frozenset:
    return frozenset(number_words()["all"]) | frozenset(LEX["small_numbers"])


def _scan_form(lead: str) -> str:
    """A lead phrase as the scan looks for it: a number word after the first word as any number word.
    The leads of numbers in words are products of word lists (hai mươi, ba giờ, ngày mười lăm): as
    phrases, hundreds that cost a tenth of a second to compile; as a class, a few dozen. Where the
    class lets through a phrase that no rule leads with, the rules of its first words are tried, as
    they would have been: the phrases found are the same."""
    first, *rest = lead.split()
    return " ".join([first] + [_NUMBER_WORD if word in _number_words() else word for word in rest])


@lru_cache(maxsize=None)
def _forms(strict: bool) -> Dict[str, Tuple[Rule, str, frozenset]]:
    """Every rule that has a pattern in this mode, with its pattern and its lead phrases."""
    g = grammar(strict)
    forms = {}
    for name, one in RULES.items():
        form = one.build(g)
        if form.pattern is not None:
            forms[name] = (one, form.pattern, frozenset(form.leads))
    return forms


def _leads(strict: bool) -> set:
    """The lead phrases of every rule of a mode."""
    return set().union(*(leads for _, _, leads in _forms(strict).values()))


def _after_digit(leads: set) -> str:
    """The rest of a number after its first digit and what follows it in one of ``leads`` (its group
    ``after``): possessive, as no lead goes on from a number with a digit."""
    return r"\d{0,3}+(?P<after>%s)" % _trie({lead[len(DIGIT):] for lead in leads if lead.startswith(DIGIT)}, word_end="")


def _words_scan(phrases: set) -> str:
    """The part of a scan that finds one of the lead ``phrases`` of words (its group ``word``)."""
    return "(?P<word>%s)" % _trie({_scan_form(lead) for lead in phrases if not lead.startswith(DIGIT)}, digits=r"\d{1,3}")  # sau 100 ngày


@lru_cache(maxsize=None)
def _scanner() -> re.Pattern:
    """The scan for where an atom may start in running text: a number or a lead phrase of some rule.
    A string known to be a date is scanned with it too (see _known_leads): compiling it is a good
    part of a first parse."""
    # In running text a number can start a date only before what a lead has after it, and not inside
    # 1/2/3 or 1.839 (the bounds of every rule say so too): most numbers are skipped. The look-behinds
    # come after the first digit and look back over it, so that re gives up at once where no digit
    # follows.
    numbers = r"\d(?<![^\W_]/\d)(?<!\d[.,:]\d)" + _after_digit(_leads(True))
    # The non-word character before the start is the match, run on the text behind one: re skips in
    # C to a character that can begin a match. The rest is zero-width, so that a lead phrase hides
    # no start inside it.
    return re.compile(for_stdlib(r"\W(?=%s|%s)" % (numbers, _words_scan(_leads(True)))))


@lru_cache(maxsize=None)
def _known_numbers() -> re.Pattern:
    """The numbers of a string known to be a date, where any number may start one (a bare year),
    inside 1/2/3 too, and what follows it picks the rules to try: the match is the first digit, after
    a non-word character (re skips in C to a digit); the rest is zero-width, as in _scanner."""
    return re.compile(for_stdlib(r"\d(?<=\W\d)(?=%s)" % _after_digit(_leads(False))))


@lru_cache(maxsize=None)
def _known_words() -> re.Pattern:
    """The lead phrases of words that only a string known to be a date has (English month names)."""
    return re.compile(for_stdlib(r"\W(?=%s)" % _words_scan(_leads(False) - _leads(True))))


@lru_cache(maxsize=None)
def _compiled(strict: bool, name: str) -> Tuple[Rule, regex.Pattern, Dict[str, int]]:
    """A rule's pattern within its bounds, compiled on first use, with the place of every group in
    ``match.groups()``: the regex module is slow to look up a group by name."""
    one, pattern, _ = _forms(strict)[name]
    compiled = regex.compile(grammar(strict).with_definitions(_BOUNDS[one.ranged] % pattern), regex.IGNORECASE)
    return one, compiled, {group: number - 1 for group, number in compiled.groupindex.items()}


@lru_cache(maxsize=None)
def _dispatch(strict: bool, key: str) -> Tuple[str, ...]:
    """For a key of a lead (see _dispatch_key), the rules that can start there, in order of
    preference: those with a lead of that key, of a phrase that the key's phrase goes on from (năm
    for năm nay), or of one that ends in a number or a sign that the key goes on from (#-# giờ for
    #-#, sáng #/# for sáng #, DIGIT for all)."""
    names, by_key = _lead_keys(strict)
    # the lead keys that fit are prefixes of the key: looked up one by one, not each rule's keys tried
    found = set()
    for end in range(1, len(key) + 1):
        if end == len(key) or key[end] == " " or not key[end - 1].isalpha():
            found.update(by_key.get(key[:end], ()))
    return tuple(names[i] for i in sorted(found))


@lru_cache(maxsize=None)
def _lead_keys(strict: bool) -> Tuple[Tuple[str, ...], Dict[str, Tuple[int, ...]]]:
    """The rules in order of preference, and for the key of each lead phrase, the places of the rules
    that lead with it."""
    names = tuple(_forms(strict))
    by_key: Dict[str, set] = {}
    for i, (_, _, leads) in enumerate(_forms(strict).values()):
        for lead in leads:
            by_key.setdefault(_dispatch_key(lead), set()).add(i)
    return names, {key: tuple(places) for key, places in by_key.items()}


def _dispatch_key(lead: str) -> str:
    """What picks the rules to try at a lead phrase: the phrase with single spaces, a number in it as
    DIGIT (q3 as q#, 28/7 as #/#)."""
    return re.sub(r"\d+", DIGIT, " ".join(lead.rstrip(STOP + WORD_END).split()))


class _Candidate:
    """A rule to try at a lead, its pattern compiled when it is first tried: where an earlier rule
    matches, a later one is never tried, and the first parse compiles fewer patterns."""

    __slots__ = ("strict", "name", "rule", "match", "index")

    def __init__(self, strict: bool, name: str):
        self.strict, self.name = strict, name

    def __getattr__(self, attribute: str):  # the first use of rule, match or index
        if attribute not in ("rule", "match", "index"):
            raise AttributeError(attribute)
        self.rule, pattern, self.index = _compiled(self.strict, self.name)
        self.match = pattern.match  # from now on the pattern's own method, without this step
        return getattr(self, attribute)


@lru_cache(maxsize=None)
def _candidate(strict: bool, name: str) -> _Candidate:
    return _Candidate(strict, name)


@lru_cache(maxsize=4096)  # bounded: a phrase may be spelled with any white space
def _rules_at(strict: bool, lead: str) -> Tuple[_Candidate, ...]:
    """The rules to try at a lead phrase, in order of preference."""
    return tuple(_candidate(strict, name) for name in _dispatch(strict, _dispatch_key(lead)))


def _lower(text: str) -> str:
    """``text`` in lower case, letter for letter: a rare letter whose lower case is longer (İ) stays."""
    lowered = _lowered(text)
    return lowered if len(lowered) == len(text) else "".join(c if len(c.lower()) > 1 else c.lower() for c in text)


def _running_leads(lowered: str) -> Iterator[Tuple[int, Tuple[_Candidate, ...]]]:
    """Where an atom may start in running text, and the rules to try there."""
    for lead in _scanner().finditer(lowered):
        after, phrase = lead.groups()
        yield lead.start(), _rules_at(True, DIGIT + after if phrase is None else phrase)


def _known_leads(lowered: str) -> Iterator[Tuple[int, Tuple[_Candidate, ...]]]:
    """Where an atom may start in a string known to be a date (short: DATE_MAX_STRING), and the
    rules to try there: every number, and the lead phrases of words of running text and of such
    strings, the longer where both find one (the phrase that one scan of them all would find). A
    phrase of words never starts with a digit."""
    found = {lead.start() - 1: DIGIT + lead["after"] for lead in _known_numbers().finditer(lowered)}
    for scan in (_scanner(), _known_words()):
        for lead in scan.finditer(lowered):
            phrase = lead["word"]
            if phrase is not None and len(phrase) > len(found.get(lead.start(), "")):
                found[lead.start()] = phrase
    return ((start, _rules_at(False, found[start])) for start in sorted(found))


def atoms(text: str, strict: bool) -> Iterator[Atom]:
    """Every atom, left to right, not overlapping."""
    lowered = " " + _lower(text)  # the start in text is the match's start here
    if any(map(lowered.__contains__, WIDE_LINE_BREAKS)):
        lowered = lowered.translate(_WIDE_LINE_BREAKS)
    end = 0
    for start, candidates in (_running_leads if strict else _known_leads)(lowered):
        if start < end:
            continue
        for candidate in candidates:
            m = candidate.match(text, start)
            if m:
                end = m.end()
                yield Atom(candidate.rule, m, candidate.index)
                break


class Group:
    """Atoms written together as one date: ``Thứ Ba, 17/09/2024 - 13:25`` is weekday, day, time."""

    __slots__ = ("atoms", "start", "end", "roles")

    def __init__(self, atom: Atom):
        self.atoms, self.roles = [atom], set(atom.roles)
        self.start, self.end = atom.m.span()

    def replaced(self, atom: Atom) -> "Group":
        """This group with ``atom`` in place of its first atom."""
        other = Group(atom)
        other.atoms, other.roles, other.start, other.end = [atom] + self.atoms[1:], self.roles, self.start, self.end
        return other

    def joins(self, atom: Atom, gap: str) -> bool:
        if self.atoms[-1].rule.takes_target:
            return atom.rule.part_target and not gap.strip()
        if "period" in self.roles or "period" in atom.roles or "tz" in self.roles or not _GAP.fullmatch(gap):
            return False
        if atom.roles == _TZ:
            return not self.roles.isdisjoint(_DAY_AND_TIME)
        return self.roles.isdisjoint(atom.roles)


_TZ = frozenset(["tz"])
_DAY_AND_TIME = frozenset(["abs", "time"])  # what a zone may follow


def groups(text: str, strict: bool) -> Iterator[Group]:
    """The atoms of ``text`` gathered into groups, each given once complete: streamed, since a text
    of hundreds of thousands of dates (28/7 28/7 ...) held them all at once in 0.5 GB of matches."""
    last: Optional[Group] = None
    for atom in atoms(text, strict):
        start, end = atom.m.span()
        gap = text[last.end:start] if last else ""
        if last is not None and last.joins(atom, gap):
            last.atoms.append(atom)
            last.roles |= atom.roles
            last.end = end
            if "(" in gap:  # Thứ Hai (20/4): take the closing bracket too
                close = _CLOSE.match(text, end)
                last.end = close.end() if close else end
        else:
            if last is not None:
                yield last
            last = Group(atom)
    if last is not None:
        yield last

"""Photo credits in a line: ``Ảnh: X`` (a cue and a colon), ``Ảnh minh họa`` (a credit standing
alone) and ``Ảnh do X cung cấp`` (who gave the photo), with the name each credits."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, List, NamedTuple, Optional, Tuple

import regex

from .. import lexicon
from ..settings import CREDIT_NAME_MAX_CHARS, CREDIT_ROLE_LOOKBACK, RUN_ON_NAME_MIN_WORDS

# where a credit's name stops: a closing bracket (round or square), the end, or a full stop that starts a sentence
_NAME_STOP = r"(?=\s*(?:[)\]]|$|\.\s*$|\.\s+[\p{Lu}\"“‘(]))"


# a name run into the sentence after it without punctuation (``Ảnh: Võ Hải Ban đầu tổ chức ...``):
# an agency's capitals (EPA, EP/AFP, THX/TTXVN) before any capitalised word, or a few capitalised words
# before a capitalised word that a small letter or a digit follows; more words follow before any
# sentence end, and the sentence opens at that capitalised word. Case counts (?-i).
_ACRONYM = r"[\p{Lu}\p{N}](?:[\p{Lu}\p{N}/&-]|\.(?=\p{Lu}))+"
_CAPITALISED = r"[\p{Lu}\p{N}](?:[\p{L}\p{M}\p{N}/&'-]|\.(?=[\p{L}\p{N}]))*"  # a full stop only within (Zing.vn)
_SENTENCE_GOES_ON = r"[^\s.!?]*(?:[ \t][^\s.!?]+){2}"
_RUN_ON_NAME = (r"(?-i:(?P<runon>%s(?:[ \t]%s)*(?=[ \t]\p{Lu}[\p{Ll}\p{M}]+[ \t]%s)"
                r"|%s(?:[ \t]%s){0,3}(?=[ \t]\p{Lu}[\p{Ll}\p{M}]+[ \t][\p{Ll}\p{N}]%s)))"
                % (_ACRONYM, _ACRONYM, _SENTENCE_GOES_ON, _CAPITALISED, _CAPITALISED, _SENTENCE_GOES_ON))


class _CreditPatterns(NamedTuple):
    credit: regex.Pattern  # the forms of a credit, one alternation of named groups
    run_on_name: regex.Pattern  # a name run into the next sentence, tried where a name is long
    role_head: regex.Pattern  # ``Tin, `` before ``ảnh:``: a byline role, not a credit
    lowercase_names: frozenset  # the names a credit may write with a small letter
    # the credits written without a colon, lower case, any run of white space between their words
    # (as str.split() has it: ``re``'s \s is the same class), put to the line in lower case
    standalone: re.Pattern
    standalone_firsts: Tuple[str, ...]  # their first words, where one of them must start
    cue_words: Tuple[str, ...]  # the first words of every cue, lower case, none that begins another


@lru_cache(maxsize=None)
def _patterns() -> _CreditPatterns:
    words = lexicon.load("captions")
    name = r"(?P<name>[^\n():\[\]]{1,%d}?)" % CREDIT_NAME_MAX_CHARS + _NAME_STOP
    provided = words["photo_credit_provided"]
    # Ảnh do gia đình cung cấp: the name, lower case or not, is the one between by and the verb
    provided_credit = r"(?:%s)\s+(?:%s)\s+(?P<pname>[^\n():.]{1,%d}?)\s+(?:%s)%s" % (
        lexicon.alternation(provided["heads"]), lexicon.alternation(provided["by"]), CREDIT_NAME_MAX_CHARS,
        lexicon.alternation(provided["verbs"]), _NAME_STOP)
    # starts at the cue word itself so that the engine skips ahead to cue letters; the brackets
    # around a credit are added by find_credits
    cues = lexicon.alternation(words["photo_credit_cues"])
    credit = regex.compile(
        r"(?<![\p{L}\p{M}\p{N}])(?:(?P<standalone>%s)(?:\s*:\s*%s)?|(?P<cue>%s)\s*:\s*%s|%s|(?:%s)\s*:\s*%s)"
        % (lexicon.alternation(words["photo_credit_standalone"]), name.replace("name", "sname"),
           cues, name, provided_credit, cues, _RUN_ON_NAME),
        regex.IGNORECASE,
    )
    role_head = regex.compile(r"(?<![\p{L}\p{M}])(?:%s)\s*(?:[,\-/]|%s)\s*$" % (
        lexicon.alternation(words["photo_role_heads"]),
        lexicon.alternation(lexicon.load("bylines")["name_joiners"])), regex.IGNORECASE)
    # the credits written without a colon (``Ảnh minh họa``, and ``Ảnh do`` of ``Ảnh do X cung
    # cấp``), lower case: any other needs one; and their first words, far fewer, which a line must
    # hold before it can hold a cue
    standalone = tuple(c.lower() for c in words["photo_credit_standalone"]) + tuple(
        "%s %s" % (head.lower(), by) for head in provided["heads"] for by in provided["by"])
    firsts = {c.split()[0] for c in standalone}
    # the places in a lower-cased line where a credit can start: the first words of the cues
    # (``ảnh``, ``photo``). str.find finds them far faster than the credit pattern, whose
    # look-behind and case folding cost it a slow step at every character (and than an alternation
    # of them, which stops at every c, h, n or p). A word found inside another is skipped, but a
    # letter stands before it, and no credit starts after a letter. A word that another begins is
    # left out: where the longer stands, the shorter does too.
    heads = {c.split()[0].lower() for c in words["photo_credit_cues"] + words["photo_credit_standalone"]
             + provided["heads"]}
    return _CreditPatterns(credit, regex.compile(_RUN_ON_NAME), role_head, frozenset(words["credit_lowercase_names"]),
                           re.compile("|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(standalone, key=len, reverse=True))),
                           tuple(sorted(firsts)),
                           tuple(w for w in heads if not any(o != w and w.startswith(o) for o in heads)))


@dataclass
class Credit:
    start: int
    end: int  # after the closing bracket and a final full stop, if any
    name: Optional[str]  # ``Daily Mail``; None for a bare ``Ảnh minh họa``


def find_credits(text: str, lowered: Optional[str] = None) -> List[Credit]:
    """The credits in ``text``; ``lowered`` is ``text.lower()`` where the caller has it already (a slice
    of the article's, which facts and dates lower too: a line lowers at some 60 instructions a character)."""
    p = _patterns()
    if lowered is None:
        lowered = text.lower()
    if ":" not in text and not _holds_a_standalone(lowered, p):
        return []  # most lines: substring tests are far cheaper than the credit pattern
    if len(lowered) == len(text):  # the same offsets (``İ`` lower-cases to two characters)
        matches = _leftmost_matches(p.credit, text, _cue_starts(lowered, p.cue_words))
    else:
        matches = p.credit.finditer(text)
    found = []
    for m in matches:
        name = m.group("name") or m.group("sname") or m.group("runon")
        start, end = m.start(), m.end()
        if m.group("name") and len(name.split()) >= RUN_ON_NAME_MIN_WORDS:
            # a long name may run into the next sentence (``Ảnh: EPA Vỏ kim loại ... ánh đèn. Ảnh``)
            run_on = p.run_on_name.match(text, m.start("name"))
            if run_on is not None:
                name, end = run_on.group("runon"), run_on.end()
        if p.role_head.search(text, max(0, start - CREDIT_ROLE_LOOKBACK), start):
            continue  # ``Tin, ảnh: X`` is a byline role, not a photo credit
        opening = _BEFORE_OPEN.search(text, max(0, start - 3), start)
        closing = _CLOSE_AFTER.match(text, end)
        if opening is not None and closing is None and m.group("standalone") and not m.group("sname"):
            named = _NAME_BEFORE_CLOSE.match(text, end)  # ``(Ảnh minh họa IT)``: a name without a colon
            if named is not None:
                name, end = named.group("name"), named.end()
                closing = _CLOSE_AFTER.match(text, end)
        bracketed = opening is not None and closing is not None and closing.group().lstrip()[:1] in ")]"
        if m.group("standalone") and not m.group("sname") and not bracketed and text[start].islower() \
                and _SMALL_WORD_AFTER.match(text, end):
            continue  # ``nhờ bức ảnh tư liệu quý giá``: the words of a sentence that goes on, not a credit
        if m.group("pname"):
            name = m.group("pname")  # whoever gave the photo, as written (gia đình)
        elif name and not (bracketed or name.strip()[:1].isupper() or name.strip()[:1].isdigit()
                           or name.strip().lower() in p.lowercase_names):
            # ``Hình ảnh: những ngôi nhà...`` opens a sentence; a credit names someone (in brackets,
            # as a handle may be written: ``(Ảnh: travelade)``)
            continue
        if opening and closing:
            start, end = opening.start(), closing.end()
        elif closing is None or closing.group()[:1] not in ")]":
            dot = _DOT_AFTER.match(text, end)
            end = dot.end() if dot else end
        found.append(Credit(start, end, name.strip() if name else None))
    return found


def _holds_a_standalone(lowered: str, p: _CreditPatterns) -> bool:
    """Whether a credit written without a colon stands in ``lowered``: tried only where one of their
    first words stands (str.find skips to it far faster than the pattern's search, which stops at
    every c and h)."""
    for word in p.standalone_firsts:
        at = lowered.find(word)
        while at >= 0:
            if p.standalone.match(lowered, at) is not None:
                return True
            at = lowered.find(word, at + 1)
    return False


def _cue_starts(lowered: str, cue_words: Tuple[str, ...]) -> List[int]:
    """Where the cue words stand in ``lowered``, left to right, none inside the one before."""
    found = []
    for word in cue_words:
        at = lowered.find(word)
        while at >= 0:
            found.append((at, at + len(word)))
            at = lowered.find(word, at + 1)
    starts, end = [], 0
    for start, stop in sorted(found):
        if start >= end:
            starts.append(start)
            end = stop
    return starts


def _leftmost_matches(pattern: regex.Pattern, text: str, starts: Iterable[int]) -> Iterator[regex.Match]:
    """What ``pattern.finditer(text)`` finds, tried only at ``starts`` (ascending), the only places
    where a match can start."""
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m:
                end = m.end()
                yield m


_BEFORE_OPEN = regex.compile(r"[(\[]\s*$")  # a credit in brackets, round or square
_CLOSE_AFTER = regex.compile(r"\s*[)\]]\.?")
_DOT_AFTER = regex.compile(r"\.")
_NAME_BEFORE_CLOSE = regex.compile(r"[ \t]+(?P<name>[^\s():][^():\n]{0,%d}?)(?=\s*\))" % CREDIT_NAME_MAX_CHARS)
_SMALL_WORD_AFTER = regex.compile(r"[ \t\u00a0]+\p{Ll}")

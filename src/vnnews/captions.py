"""Photo credits and captions: find ``Ảnh: X`` credits and cut captions out of body lines.

A caption in a scraped text is either a line of its own or a run of sentences glued into a body
line that ends at its credit (``... giảm còn 44,9 triệu đơn vị - Ảnh: CNBC. Thị phần ...``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, List, Optional, Tuple

import regex

from . import lexicon
from .text import strip_bounds
from .tokenize import split_sentences

# where a credit's name stops: a closing bracket, the end, or a full stop that starts a sentence
_NAME_STOP = r"(?=\s*(?:\)|$|\.\s*$|\.\s+[\p{Lu}\"“‘(]))"


@lru_cache(maxsize=None)
def _patterns():
    words = lexicon.load("layout")
    cue = lexicon.alternation(words["photo_credit_cues"])
    standalone = lexicon.alternation(words["photo_credit_standalone"])
    name = r"(?P<name>[^\n():]{1,60}?)" + _NAME_STOP
    provided = words["photo_credit_provided"]
    # Ảnh do gia đình cung cấp: the name, lower case or not, is the one between by and the verb
    provided_credit = r"(?:%s)\s+(?:%s)\s+(?P<pname>[^\n():.]{1,60}?)\s+(?:%s)%s" % (
        lexicon.alternation(provided["heads"]), lexicon.alternation(provided["by"]),
        lexicon.alternation(provided["verbs"]), _NAME_STOP)
    # starts at the cue word itself so that the engine skips ahead to cue letters; the brackets
    # around a credit are added by find_credits
    credit = regex.compile(
        r"(?<![\p{L}\p{M}\p{N}])(?:(?P<standalone>%s)(?:\s*:\s*%s)?|(?P<cue>%s)\s*:\s*%s|%s)"
        % (standalone, name.replace("name", "sname"), cue, name, provided_credit),
        regex.IGNORECASE,
    )
    opener = regex.compile(r"^(?:%s)\b" % lexicon.alternation(words["caption_openers"]), regex.IGNORECASE)
    video = regex.compile(r"(?<![\p{L}\p{M}])(?:%s)\s*:\s*\p{Lu}" % lexicon.alternation(words["video_cues"]))
    alt_tail = regex.compile(r"\b%s\s*$" % words["alt_text_tail"], regex.IGNORECASE)
    role_head = regex.compile(r"(?<![\p{L}\p{M}])(?:%s)\s*(?:[,\-/]|%s)\s*$" % (
        lexicon.alternation(words["photo_role_heads"]),
        lexicon.alternation(lexicon.load("bylines")["name_joiners"])), regex.IGNORECASE)
    opener_may_open = lexicon.may_open(words["caption_openers"], regex.IGNORECASE)
    return credit, opener, video, alt_tail, role_head, opener_may_open


@lru_cache(maxsize=None)
def _lowercase_names():
    return frozenset(lexicon.load("layout")["credit_lowercase_names"])


@lru_cache(maxsize=None)
def _standalone_cues():
    """The credits written without a colon (``Ảnh minh họa``, and ``Ảnh do`` of ``Ảnh do X cung
    cấp``), lower case: any other needs one; and their first words, far fewer, which a line must hold
    before it can hold a cue (less the words that hold another one: ``ảnh:`` is found where ``ảnh`` is)."""
    words = lexicon.load("layout")
    provided = words["photo_credit_provided"]
    cues = tuple(c.lower() for c in words["photo_credit_standalone"]) + tuple(
        "%s %s" % (head.lower(), by) for head in provided["heads"] for by in provided["by"])
    firsts = {c.split()[0] for c in cues}
    return cues, tuple(w for w in firsts if not any(o != w and o in w for o in firsts))


@lru_cache(maxsize=None)
def _cue_starts() -> re.Pattern:
    """The places in a lower-cased line where a credit can start: the first words of the cues
    (``ảnh``, ``photo``). The stdlib finds them far faster than the credit pattern, whose look-behind
    and case folding cost it a slow step at every character. A word found inside another is skipped,
    but a letter stands before it, and no credit starts after a letter."""
    words = lexicon.load("layout")
    heads = {c.split()[0].lower() for c in words["photo_credit_cues"] + words["photo_credit_standalone"]
             + words["photo_credit_provided"]["heads"]}
    return re.compile("|".join(map(re.escape, sorted(heads))))


@dataclass
class Credit:
    start: int
    end: int  # after the closing bracket and a final full stop, if any
    name: Optional[str]  # ``Daily Mail``; None for a bare ``Ảnh minh họa``


def find_credits(text: str) -> List[Credit]:
    credit, (standalone, heads) = _patterns()[0], _standalone_cues()
    lowered = text.lower()
    if ":" not in text:  # most lines: substring tests are far cheaper than the credit pattern
        if not any(map(lowered.__contains__, heads)):
            return []
        spaced = " ".join(lowered.split())  # a cue's words may stand apart by any white space
        if not any(map(spaced.__contains__, standalone)):
            return []
    if len(lowered) == len(text):  # the same offsets (``İ`` lower-cases to two characters)
        matches = _leftmost_matches(credit, text, (m.start() for m in _cue_starts().finditer(lowered)))
    else:
        matches = credit.finditer(text)
    found = []
    for m in matches:
        name = m.group("name") or m.group("sname")
        start, end = m.start(), m.end()
        if _patterns()[4].search(text, max(0, start - 12), start):
            continue  # ``Tin, ảnh: X`` is a byline role, not a photo credit
        if m.group("pname"):
            name = m.group("pname")  # whoever gave the photo, as written (gia đình)
        elif name and not (name.strip()[:1].isupper() or name.strip()[:1].isdigit() or name.strip().lower() in _lowercase_names()):
            continue  # ``Hình ảnh: những ngôi nhà...`` opens a sentence; a credit names someone
        opening = _BEFORE_OPEN.search(text, max(0, start - 3), start)
        closing = _CLOSE_AFTER.match(text, end)
        if opening and closing:
            start, end = opening.start(), closing.end()
        elif closing is None or not closing.group().startswith(")"):
            dot = _DOT_AFTER.match(text, end)
            end = dot.end() if dot else end
        found.append(Credit(start, end, name.strip() if name else None))
    return found


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


_BEFORE_OPEN = regex.compile(r"\(\s*$")
_CLOSE_AFTER = regex.compile(r"\s*\)\.?")
_DOT_AFTER = regex.compile(r"\.")


def sentence_starts(text: str, start: int = 0, end: Optional[int] = None) -> List[int]:
    """The offsets where sentences begin in ``text[start:end]`` (the first is ``start``)."""
    return [s for s, _ in split_sentences(text, start, len(text) if end is None else end)] or [start]


def is_caption_opener(text: str) -> bool:
    patterns = _patterns()
    return patterns[5](text) and patterns[1].match(text) is not None


def is_video_line(text: str) -> bool:
    return ":" in text and _patterns()[2].search(text) is not None  # ``Video: ...``: most lines hold no colon


def is_alt_text(text: str) -> bool:
    """Alt texts that some sites leave unaccented and numbered (``... hinh anh 1``)."""
    last = text.rstrip()[-1:]
    if last.isascii() and not last.isdigit():
        return False  # most lines: the pattern needs a digit at the end, and only 0-9 are ASCII digits
    return _patterns()[3].search(text) is not None


# A run into a body line is taken whole back to the previous boundary when it is this short;
# a longer run is a paragraph that ends with a one-sentence caption.
MAX_CAPTION_SENTENCES = 2


def split_credited(text: str, credits: List[Credit]) -> List[Tuple[str, int, int, Optional[str]]]:
    """Cut a line with credits into ``(kind, start, end, credit)`` pieces, kind caption or body,
    each without surrounding white space.

    A line of several captions and nothing after the last (a flattened photo gallery) is all
    captions, each from the previous credit to its own; otherwise a caption is the sentences
    before its credit back to the previous boundary, or only the last one when there are more.
    """
    pieces = []
    gallery = len(credits) > 1 and not text[credits[-1].end:].strip()
    boundary = 0
    for credit in credits:
        starts = sentence_starts(text, boundary, credit.start)
        caption_start = boundary
        if not gallery and len(starts) > MAX_CAPTION_SENTENCES:
            caption_start = starts[-1]
        if caption_start > boundary:
            pieces.append(("body", boundary, caption_start, None))
        pieces.append(("caption", caption_start, credit.end, credit.name))
        boundary = credit.end
    if boundary < len(text):
        pieces.append(("body", boundary, len(text), None))
    trimmed = [(kind, *strip_bounds(text, start, end), name) for kind, start, end, name in pieces]
    return [piece for piece in trimmed if piece[1] < piece[2]]


_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
# a lower-case word, one space, a capital; led by the space, which the engine skips ahead to
_CASE_TURN = regex.compile(r" (?=\p{Lu})(?<=\p{Ll} )")


def glued_caption_end(text: str, window: int = 200) -> Optional[int]:
    """Where an uncredited caption glued to the next sentence ends, if the sentence starts by
    repeating the caption's last words capitalised (``... tại cơ quan điều tra Cơ quan điều tra
    Công an tỉnh ...``): the tell-tale of a caption run into the body without punctuation."""
    for turn in _CASE_TURN.finditer(text, 0, window):
        capitalised = _WORD.match(text, turn.end(), turn.end() + 60).group()
        # most turns: the word is nowhere before, which a substring test tells first (words equal in
        # lower case are equal casefolded, and casefold, unlike lower, folds each character alone)
        if capitalised.casefold() not in text[max(0, turn.start() - 60):turn.start()].casefold():
            continue
        # the last four words before the turn: a repeat is at most four words long
        before = [w.lower() for w in _WORD.findall(text, max(0, turn.start() - 60), turn.start())[-4:]]
        if capitalised.lower() not in before[:-1]:
            continue  # the capitalised word repeats none of the words that a repeat could start at
        after = [w.lower() for w in _WORD.findall(text, turn.end(), turn.end() + 60)]
        for size in (4, 3, 2):
            if len(before) >= size and before[-size:] == after[:size]:
                return turn.start()
    return None

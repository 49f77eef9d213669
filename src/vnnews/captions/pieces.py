"""A line cut into caption and body pieces: at its credits, and where an uncredited caption runs
into the next sentence without punctuation (in a line with credits or without)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, List, Literal, NamedTuple, Optional, Tuple

import regex

from .. import lexicon
from ..settings import (CAPTION_LINE_MAX_SENTENCES, CAPTION_MAX_CHARS, GLUED_CAPTION_MAX_SENTENCES, GLUED_CAPTION_WINDOW,
                        RUN_ON_CAPTION_WORDS)
from ..text import strip_bounds
from ..tokenize import split_sentences
from .credits import Credit, find_credits
from .cues import reads_as_caption


class Piece(NamedTuple):
    kind: Literal["caption", "body"]
    start: int
    end: int
    credit: Optional[str] = None  # a caption's credit name
    guessed: bool = False  # an uncredited caption, told by its shape and a seam: a weak cue


def sentence_starts(text: str, start: int = 0, end: Optional[int] = None) -> List[int]:
    """The offsets where sentences begin in ``text[start:end]`` (the first is ``start``)."""
    return [s for s, _ in split_sentences(text, start, len(text) if end is None else end)] or [start]


def split_credited(text: str, credits: List[Credit]) -> List[Tuple[str, int, int, Optional[str]]]:
    """Cut a line with credits into ``(kind, start, end, credit)`` pieces, kind caption or body,
    each without surrounding white space.

    A line of several captions and nothing after the last (a flattened photo gallery) is all
    captions, each from the previous credit to its own, unless more sentences than a caption line
    holds stand before a credit; otherwise a caption is the sentences before its credit back to the
    previous boundary, or only the last one when there are more. A caption never swallows the body:
    where too many sentences stand before its credit, it is the last of them.
    """
    pieces = []
    gallery = len(credits) > 1 and not text[credits[-1].end:].strip()
    boundary = 0
    for credit in credits:
        starts = sentence_starts(text, boundary, credit.start)
        caption_start = boundary
        if len(starts) > (CAPTION_LINE_MAX_SENTENCES if gallery else GLUED_CAPTION_MAX_SENTENCES):
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


class _Cases(NamedTuple):
    """The Latin letters (Vietnamese ones too), told apart once by the regex module's own classes."""
    known: frozenset  # the characters of the Latin blocks
    small: frozenset  # those that are \p{Ll}
    capitals: frozenset  # those that are \p{Lu}
    before_a_capital: re.Pattern  # a space, then a capital or a character of no Latin block


@lru_cache(maxsize=None)
def _cases() -> _Cases:
    """Built on first use (some 700 regex module calls)."""
    known = frozenset(map(chr, [*range(0x250), *range(0x1E00, 0x1F00)]))
    capitals = frozenset(c for c in known if regex.match(r"\p{Lu}", c))
    return _Cases(known, frozenset(c for c in known if regex.match(r"\p{Ll}", c)), capitals,
                  re.compile(" [^%s]" % re.escape("".join(sorted(known - capitals)))))


def _case_turns(text: str, end: int) -> Iterator[int]:
    """Where ``_CASE_TURN`` matches in ``text[:end]``. The regex module takes some 200 instructions a
    character to find them; the stdlib finds the spaces before a capital far quicker (most are
    followed by a small letter), and the letters on either side are looked up, the regex module asked
    only of a character outside the Latin blocks."""
    cases = _cases()
    for candidate in cases.before_a_capital.finditer(text, 1, end):
        space = candidate.start()
        before, after = text[space - 1], text[space + 1]
        if before in cases.known and after in cases.known:
            if before in cases.small:  # (after is a capital: the pattern took no other Latin letter)
                yield space
        elif _CASE_TURN.match(text, space, end) is not None:
            yield space


def glued_caption_end(text: str, window: int = GLUED_CAPTION_WINDOW) -> Optional[int]:
    """Where an uncredited caption glued to the next sentence ends, if the sentence starts by
    repeating the caption's last words capitalised (``... tại cơ quan điều tra Cơ quan điều tra
    Công an tỉnh ...``) or by restating the caption's subject right after a name (``Liverpool đã
    tiếp xúc với Van Dijk Liverpool đã chính thức ...``): the tell-tale of a caption run into the
    body without punctuation."""
    opening = _WORD.match(text)
    for turn in _case_turns(text, window):
        capitalised = _WORD.match(text, turn + 1, turn + 61).group()
        if opening is not None and capitalised == opening.group() and _restates_subject(text, turn):
            return turn
        # most turns: the word is nowhere before, which a substring test tells first (words equal in
        # lower case are equal casefolded, and casefold, unlike lower, folds each character alone)
        if capitalised.casefold() not in text[max(0, turn - 60):turn].casefold():
            continue
        # the last four words before the turn: a repeat is at most four words long
        before = [w.lower() for w in _WORD.findall(text, max(0, turn - 60), turn)[-4:]]
        if capitalised.lower() not in before[:-1]:
            continue  # the capitalised word repeats none of the words that a repeat could start at
        after = [w.lower() for w in _WORD.findall(text, turn + 1, turn + 61)]
        for size in (4, 3, 2):
            if len(before) >= size and before[-size:] == after[:size]:
                return turn
    return None


def _restates_subject(text: str, turn: int) -> bool:
    """Whether the sentence at ``turn`` opens with the text's first two words, after a capitalised word
    and no sentence end: a subject that a sentence's own clause repeats follows a small word
    (``... mà Quốc hội trao cho``), a restated one the name that ends a caption."""
    if not text[text.rfind(" ", 0, turn) + 1].isupper() or _SENTENCE_END.search(text, 0, turn) is not None:
        return False
    return [w.lower() for w in _WORD.findall(text, 0, turn)[:2]] == \
        [w.lower() for w in _WORD.findall(text, turn + 1, turn + 61)[:2]]


@lru_cache(maxsize=None)
def _seam() -> Tuple[re.Pattern, regex.Pattern]:
    """A space before a seam opener's first word (the stdlib skips ahead to spaces and tries the few
    words there far quicker than the full pattern; their first letters first, in one class, as most
    spaces are followed by none of them), and a seam opener with a small letter after it."""
    openers = lexicon.load("captions")["seam_openers"]
    heads = sorted({w.split()[0] for w in openers}, key=len, reverse=True)
    firsts = "".join(sorted({re.escape(w[0]) for w in heads}))
    return (re.compile(" (?=[%s])(?=%s)" % (firsts, "|".join(map(re.escape, heads)))),
            regex.compile(r"(?:%s)(?=[\s,]+\p{Ll})" % lexicon.alternation(openers)))


def _seams(text: str, start: int, end: int) -> List[int]:
    """Where a seam opener follows a small letter and one space in ``text[start:end]``, left to right."""
    head, opener = _seam()
    return [at for at in map(re.Match.start, head.finditer(text, start, end))
            if at > start and text[at - 1].islower() and opener.match(text, at + 1, end)]


_SENTENCE_END = regex.compile(r"[.!?…”\"]\s", regex.REVERSE)
_NOT_IN_A_CAPTION_RUN = set(",;:()“”\"")


def run_on_caption(text: str, start: int = 0, end: Optional[int] = None) -> Optional[Tuple[int, int]]:
    """Where an uncredited caption runs into the next sentence without punctuation in ``text[start:end]``,
    the seam shown by a word that only opens sentences (``... vợ của Minh. Hiện trường vụ việc Theo điều
    tra ban đầu, ...``): its start and end, if the run from the sentence's start is a few words that
    read as a caption."""
    fewest, most = RUN_ON_CAPTION_WORDS
    end = len(text) if end is None else end
    for seam in _seams(text, start, end):
        before = _SENTENCE_END.search(text, start, seam)
        run_start = before.end() if before else start
        run = text[run_start:seam]
        if run[:1].isupper() and fewest <= len(run.split()) <= most and not _NOT_IN_A_CAPTION_RUN.intersection(run) \
                and reads_as_caption(run, run_on=True):
            return run_start, seam
    return None


def caption_pieces(text: str, lowered: Optional[str] = None) -> List[Piece]:
    """A line cut into caption and body pieces: at its credits, then, in each body piece too long to be
    a caption, where uncredited captions are glued to its start or run into the next sentence
    (``lowered``: the line in lower case, if the caller has it)."""
    credits = find_credits(text, lowered)
    pieces = [Piece(*piece) for piece in split_credited(text, credits)] if credits else [Piece("body", 0, len(text))]
    if all(piece.kind == "caption" or piece.end - piece.start <= CAPTION_MAX_CHARS for piece in pieces):
        return pieces  # most lines: no body piece long enough to hide an uncredited caption
    cut = []
    for piece in pieces:
        if piece.kind == "body" and piece.end - piece.start > CAPTION_MAX_CHARS:
            for kind, start, end, credit, guessed in _uncredited(text, piece.start, piece.end):
                start, end = strip_bounds(text, start, end)
                if start < end:
                    cut.append(Piece(kind, start, end, credit, guessed))
        else:
            cut.append(piece)
    return cut


def _uncredited(text: str, start: int, end: int) -> List[Piece]:
    """A body piece cut where uncredited captions stand in it: one glued to its start, then each run
    into the next sentence, left to right."""
    pieces = []
    glued = glued_caption_end(text[start:end])
    found = (start, start + glued) if glued and reads_as_caption(text[start:start + glued], run_on=True) \
        else run_on_caption(text, start, end)
    while found is not None:
        if found[0] > start:
            pieces.append(Piece("body", start, found[0]))
        pieces.append(Piece("caption", *found, guessed=True))
        start = found[1]
        found = run_on_caption(text, start, end)
    pieces.append(Piece("body", start, end))
    return pieces

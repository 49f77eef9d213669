"""What the words before an amount say about it: its qualifier (trên, hàng), a comparison, a money
verb, a score, a position or a date, a minus sign. Read from the last few words as written and
memoised by them: a few spellings recur before most amounts.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional, Tuple

from ..settings import FACT_CONTEXT_CHUNKS, FACT_CONTEXT_WINDOW
from .grammar import GLUED, Phrases, grammar

_BEFORE_SIGN = " \t\u00a0(\n\r"  # what a minus sign glued to an amount stands after (or the text's start)


class Context(NamedTuple):
    qualifier: Optional[str]  # trên, khoảng, hàng
    comparative: bool  # thấp hơn: a comparative before the qualifier
    money_verb: bool  # ủng hộ 50 triệu: money in đồng
    score: bool  # thắng 2-1
    positional: bool  # tầng 3, ngày 10, unless a count follows anyway (con số 200)
    date_preposition: bool  # từ 1/7
    minus: Optional[str]  # âm 2%; −3 độ C, as written (see chunks_before)


@lru_cache(maxsize=4096)
def context(chunks: Tuple[str, ...]) -> Context:
    """The context of an amount from ``chunks``, the runs of non-space characters before it."""
    g = grammar()
    minus = chunks[-1] if chunks and chunks[-1].lower() in g.minus else None
    if minus:
        chunks = chunks[:-1]
    words = _words(chunks)
    qualifier = _phrase(words, g.qualifiers)
    rest = words[: len(words) - len(qualifier.split())] if qualifier else words
    ordinal = _phrase(words, g.ordinal)
    if ordinal in g.capital_ordinals and not chunks[-1][:1].isupper():
        ordinal = None  # Điều 5 is an article of a law; điều 10 xe is "sent ten vehicles"
    return Context(
        qualifier,
        # thấp hơn; ít hơn, a qualifier of its own (less than), is one too before so với
        comparative=bool(qualifier and (_phrase(rest, g.comparatives) or qualifier.split()[0] in g.comparatives)),
        money_verb=bool(_phrase(_unlinked(rest, g), g.money_verbs)),
        score=bool(_phrase(words, g.score)),
        positional=bool(ordinal and not _phrase(words, g.not_ordinal)),
        date_preposition=bool(_phrase(words, g.date_prepositions)),
        minus=minus,
    )


def opens_range(text: str, start: int) -> bool:
    """Whether the words before ``start`` open a range (từ, giữa)."""
    return follows(text, start, grammar().range_openers)


def follows(text: str, start: int, vocabulary: Phrases) -> bool:
    """Whether the words just before ``start`` end with a phrase of ``vocabulary``."""
    return _phrase(_words(chunks_before(text, start)), vocabulary) is not None


def chunks_before(text: str, start: int) -> Tuple[str, ...]:
    """The last runs of non-space characters before ``start`` if a space precedes it. A minus
    sign glued to the amount after a space, a bracket or at a line's start (−3 độ C, -5%; a bullet
    stands apart, ``- 5%``) comes last, marked by GLUED, which no run holds."""
    if start == 0:
        return ()
    if text[start - 1].isspace():
        return tuple(text[max(0, start - FACT_CONTEXT_WINDOW):start].rsplit(None, FACT_CONTEXT_CHUNKS)[-FACT_CONTEXT_CHUNKS:])
    if GLUED + text[start - 1] in grammar().minus and (start == 1 or text[start - 2] in _BEFORE_SIGN):
        return chunks_before(text, start - 1) + (GLUED + text[start - 1],)
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


def _unlinked(words: Tuple[str, ...], g) -> Tuple[str, ...]:
    """``words`` without the link that may end them before an amount (giá vé là, doanh thu đạt)."""
    link = _phrase(words, g.money_links)
    return words[: len(words) - len(link.split())] if link else words


def _phrase(words: Tuple[str, ...], vocabulary: Phrases) -> Optional[str]:
    """The longest phrase of ``vocabulary`` that ends ``words``."""
    if not words or words[-1] not in vocabulary.last_words:
        return None
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[-n:]) in vocabulary:
            return " ".join(words[-n:])
    return None

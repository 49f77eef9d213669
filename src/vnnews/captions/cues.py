"""The cues that mark a whole line as a caption, a video's caption or an alt text: named records,
each with a cheap first test that most lines fail before the pattern is tried."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Dict, NamedTuple, Optional, Tuple

import regex

from .. import lexicon
from ..settings import (ADVERBIAL_MAX_WORDS, CREDIT_NAME_MAX_CHARS, QUOTED_TERM_MAX_WORDS, UNCREDITED_CAPTION_MAX_WORDS, UNCREDITED_CAPTION_MIN_WORDS,
                        UNPUNCTUATED_CAPTION_MIN_WORDS)
from ..tokenize import split_sentences


class CueRule(NamedTuple):
    name: str
    may_hold: Callable[[str], bool]  # False where the pattern cannot match: most lines stop here
    pattern: regex.Pattern
    anchored: bool  # the cue opens the line (match), or stands anywhere in it (search)

    def test(self, text: str) -> bool:
        if not self.may_hold(text):
            return False
        return (self.pattern.match if self.anchored else self.pattern.search)(text) is not None


def _opens_with(phrases) -> Callable[[str], bool]:
    """A first test for phrases of two words or more that open a line: whether its first two words
    (lower case, a colon or comma after them aside) are those of one of them."""
    heads = frozenset(" ".join(p.lower().split()[:2]) for p in phrases)
    size = min(2, *(len(head.split()[0]) for head in heads))  # the first letters of the first words
    firsts = frozenset(head[:size] for head in heads)

    def opens(text: str) -> bool:
        # its first two letters first: most lines open with two that open no phrase (one letter lets
        # through a line in three: ``Theo``, ``Các``), and lowering two characters costs far less than
        # lowering forty
        if text[:size].lower()[:size] not in firsts and not text[:1].isspace():
            return False
        first = text[:40].lower().split(None, 2)
        return len(first) > 1 and "%s %s" % (first[0], first[1].rstrip(":,.")) in heads
    return opens


def _ends_in_a_digit(text: str) -> bool:
    last = text[-1:]
    if last != "." and not last.isspace():  # most lines: their last character tells, nothing to strip
        return last.isdigit()
    return text.rstrip().rstrip(".")[-1:].isdigit()  # any digit the pattern's \d takes (and a few more)


@lru_cache(maxsize=None)
def cue_rules() -> Dict[str, CueRule]:
    """The cue rules by name, compiled on first use."""
    words = lexicon.load("captions")
    # one first test for the cues that open a line, all of two words or more: the line's first two
    # words (``Chiều nay`` and ``Trong khi`` share their first letters with ``Chú thích``, ``Trong ảnh``)
    opens_with = _opens_with(words["caption_openers"] + words["image_caption_labels"] + words["image_copyright_labels"])
    opens_a_figure = lexicon.may_open(words["figure_labels"] + words["chart_labels"], regex.IGNORECASE)

    def opens_a_cue(text: str) -> bool:
        return opens_with(text) or opens_a_figure(text)
    rules = [
        # Trong ảnh: ..., Ảnh trên: ..., Ảnh 1: ..., Biểu đồ: ...
        CueRule("caption_opener", opens_a_cue,
                regex.compile(r"^(?:(?:%s)\b|(?:%s)\s+\d{1,3}\s*[:.]\s+(?-i:\p{Lu})|(?:%s)(?:\s+\d{1,3})?\s*:\s+(?-i:\p{Lu}))"
                              % (lexicon.alternation(words["caption_openers"]), lexicon.alternation(words["figure_labels"]),
                                 lexicon.alternation(words["chart_labels"])), regex.IGNORECASE), True),
        # Video: Cảnh sát phong tỏa hiện trường (most lines hold no colon)
        CueRule("video", lambda text: ":" in text,
                regex.compile(r"(?<![\p{L}\p{M}])(?:%s)\s*:\s*\p{Lu}" % lexicon.alternation(words["video_cues"])),
                False),
        # Image caption ..., Image copyright ...: a page's words for an image's caption and credit
        CueRule("image_caption", opens_a_cue,
                regex.compile(r"(?:%s)\s" % lexicon.alternation(words["image_caption_labels"]), regex.IGNORECASE), True),
        # the name runs to an image caption label or the end of the line
        CueRule("image_copyright", opens_a_cue, regex.compile(
            r"(?:%s)\s+(?P<name>[^\n]{1,%d}?)(?=\s+(?:%s)|\s*$)" % (
                lexicon.alternation(words["image_copyright_labels"]), CREDIT_NAME_MAX_CHARS,
                lexicon.alternation(words["image_caption_labels"])), regex.IGNORECASE), True),
        # a caption line that ends at its credit's colon, the name on the next line (... Ảnh:\nAP)
        CueRule("credit_colon_end", lambda text: text[-1] == ":",
                regex.compile(r"(?<![\p{L}\p{M}])(?:%s)\s*:$" % lexicon.alternation(words["photo_credit_cues"]),
                              regex.IGNORECASE), False),
        # the numbered alt texts some sites leave (... hinh anh 1, ... - Ảnh 1.)
        CueRule("alt_text", _ends_in_a_digit, regex.compile(
            r"(?<!\S)(?:%s)\s+\d+\.?\s*$" % lexicon.alternation(words["alt_text_tails"]), regex.IGNORECASE), False),
    ]
    return {rule.name: rule for rule in rules}


def is_caption_opener(text: str) -> bool:
    return cue_rules()["caption_opener"].test(text)


def is_video_line(text: str) -> bool:
    return cue_rules()["video"].test(text)


def is_alt_text(text: str) -> bool:
    return cue_rules()["alt_text"].test(text)


def image_copyright_name(text: str) -> Optional[str]:
    """The name a page's image copyright line credits (``Image copyright Getty Images``), if it is one."""
    rule = cue_rules()["image_copyright"]
    m = rule.pattern.match(text) if rule.may_hold(text) else None
    return m.group("name") if m else None


@lru_cache(maxsize=None)
def _agency_credits() -> Tuple[frozenset, int]:
    """The agencies' names, case folded, and the longest name's length."""
    names = frozenset(name.casefold() for name in lexicon.load("captions")["agency_credits"])
    return names, max(map(len, names))


def agency_credit_max_chars() -> int:
    """The length of the longest agency's name: no longer line is one."""
    return _agency_credits()[1]


def is_agency_credit(text: str) -> bool:
    """A line holding only an agency's name, as a credit after a caption (``Reuters``, ``REUTERS``)."""
    names, longest = _agency_credits()
    return len(text) <= longest and text.casefold() in names  # most lines: ruled out by their length


_QUOTES = "“”\"«»"
# a quoted term of a few words (``“Tiên cảnh” thác Kawasan``) is a name or an emphasis; longer, speech
_QUOTED = regex.compile(r"[“\"«]([^”\"»]*)[”\"»]")


def _quotes_speech(text: str) -> bool:
    """Whether the line quotes what someone said: a quotation mark that is not around a short term."""
    if not any(q in text for q in _QUOTES):
        return False
    terms = _QUOTED.findall(text)
    return not terms or any(len(term.split()) > QUOTED_TERM_MAX_WORDS for term in terms) \
        or sum(text.count(q) for q in _QUOTES) != 2 * len(terms)


@lru_cache(maxsize=None)
def _quoted_sign() -> regex.Pattern:
    """A line that quotes a written sign whole after a colon (``Trạm xăng treo băng rôn: “...”.``):
    the words before the colon, which end with the sign's name."""
    return regex.compile(r"(?P<head>[^:]+?(?<![\p{L}\p{M}])(?:%s))\s*:\s*[“\"«][^“”\"«»]+[”\"»]\s*\.?"
                         % lexicon.alternation(lexicon.load("captions")["quoted_sign_words"]), regex.IGNORECASE)


_LIST_MARKS = "-–—•+*"  # a line opened by one is a list item or a line of dialogue


@lru_cache(maxsize=None)
def _story_cues() -> Tuple[Tuple[str, ...], Tuple[str, ...], Tuple[str, ...]]:
    """The story openers, story words and caption heads, lower case, each with a space at either end."""
    words = lexicon.load("captions")
    return tuple(tuple(" %s " % w.lower() for w in words[key]) for key in ("story_openers", "story_words", "caption_heads"))


def reads_as_caption(text: str, run_on: bool = False) -> bool:
    """Whether a line reads as an uncredited caption: one descriptive sentence of a few words, with
    no quotation, colon, reporting verb or pointer back into the story, and not opened by a
    connective, a time or a short adverbial clause (``Dĩ nhiên, ...``), which continue the story.
    Where it stands (between two far longer paragraphs) is for the caller to judge. A caption
    ``run_on`` into the next sentence has no closing punctuation: its length is the caller's to judge."""
    words = text.split()
    if not run_on:
        if not UNCREDITED_CAPTION_MIN_WORDS <= len(words) <= UNCREDITED_CAPTION_MAX_WORDS:
            return False
        last = text[-1]
        if last in "?!…:;," or (last != "." and len(words) < UNPUNCTUATED_CAPTION_MIN_WORDS):
            return False
    if ":" in text:
        sign = _quoted_sign().fullmatch(text)
        if sign is None:
            return False
        text = sign.group("head")  # the sign's own words are not the caption's
    if text[0].isdigit() or text[0] in _LIST_MARKS or _quotes_speech(text):
        return False
    spaced = " %s " % " ".join(text.lower().replace(",", " , ").split())
    openers, story_words, caption_heads = _story_cues()
    if (spaced.startswith(openers) and not spaced.startswith(caption_heads)) or any(map(spaced.__contains__, story_words)):
        return False
    head = text.split(",", 1)[0].split()
    if len(head) < len(words) and len(head) <= ADVERBIAL_MAX_WORDS and all(w[:1].islower() for w in head[1:]):
        return False
    return len(split_sentences(text, 0, len(text))) == 1

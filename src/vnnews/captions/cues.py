"""The cues that mark a whole line as a caption, a video's caption or an alt text: named records,
each with a cheap first test that most lines fail before the pattern is tried."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Dict, NamedTuple

import regex

from .. import lexicon


class CueRule(NamedTuple):
    name: str
    may_hold: Callable[[str], bool]  # False where the pattern cannot match: most lines stop here
    pattern: regex.Pattern
    anchored: bool  # the cue opens the line (match), or stands anywhere in it (search)

    def test(self, text: str) -> bool:
        if not self.may_hold(text):
            return False
        return (self.pattern.match if self.anchored else self.pattern.search)(text) is not None


def _ends_in_a_digit(text: str) -> bool:
    last = text.rstrip()[-1:]
    return not last.isascii() or last.isdigit()  # only 0-9 are ASCII digits


@lru_cache(maxsize=None)
def cue_rules() -> Dict[str, CueRule]:
    """The cue rules by name, compiled on first use."""
    words = lexicon.load("captions")
    rules = [
        # Trong ảnh: ..., Ảnh trên: ...
        CueRule("caption_opener", lexicon.may_open(words["caption_openers"], regex.IGNORECASE),
                regex.compile(r"^(?:%s)\b" % lexicon.alternation(words["caption_openers"]), regex.IGNORECASE), True),
        # Video: Cảnh sát phong tỏa hiện trường (most lines hold no colon)
        CueRule("video", lambda text: ":" in text,
                regex.compile(r"(?<![\p{L}\p{M}])(?:%s)\s*:\s*\p{Lu}" % lexicon.alternation(words["video_cues"])),
                False),
        # the unaccented, numbered alt texts some sites leave (... hinh anh 1)
        CueRule("alt_text", _ends_in_a_digit,
                regex.compile(r"\b%s\s*$" % words["alt_text_tail"], regex.IGNORECASE), False),
    ]
    return {rule.name: rule for rule in rules}


def is_caption_opener(text: str) -> bool:
    return cue_rules()["caption_opener"].test(text)


def is_video_line(text: str) -> bool:
    return cue_rules()["video"].test(text)


def is_alt_text(text: str) -> bool:
    return cue_rules()["alt_text"].test(text)

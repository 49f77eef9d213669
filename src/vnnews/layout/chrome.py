"""Page furniture: a menu or share label, a font-size control (``A A+``), a line of tags, a
breadcrumb (``Thời sự > Giao thông``), what an embedded post leaves (``A post shared by``, a tweet's
text up to its ``pic.twitter.com`` link and its signature ``— Name (@handle)``). Words are data in
``lexicon/chrome.json``."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, FrozenSet, NamedTuple

import regex

from .. import lexicon
from ..settings import CHROME_HINT_MAX_CHARS, LABEL_MAX_WORDS, LETTERS_ONLY_MAX_CHARS, MENU_MIN_SECTIONS


class _ChromePatterns(NamedTuple):
    lines: FrozenSet[str]  # whole chrome lines, lower case
    section_labels: FrozenSet[str]  # lower case
    lines_max_chars: int
    letters_only: regex.Pattern  # A A, A- A+
    opener: regex.Pattern  # a tag label and its colon (Tags:), what an embedded post or an audio widget leaves
    opener_may_open: Callable[[str], bool]
    post_signature: regex.Pattern  # the line that signs an embedded tweet: — Name (@handle) date
    hint: re.Pattern  # characters that body lines hold few of, so that the scan skips ahead in C
    weather: regex.Pattern  # a weather widget: a place and a temperature (Hà Nội 25°C, 18-25 °C)
    breadcrumb: regex.Pattern  # two to six sections, each a few words that open with a capital
    footer: regex.Pattern  # what opens a line of the page's footer (© 2026 ..., Giấy phép số ..., Hotline: ...)
    footer_may_open: Callable[[str], bool]


@lru_cache(maxsize=None)
def _patterns() -> _ChromePatterns:
    words = lexicon.load("chrome")
    lines = frozenset(w.lower() for w in words["chrome_lines"])
    separators = words["breadcrumb_separators"]
    return _ChromePatterns(
        lines, frozenset(w.lower() for w in words["section_labels"]), max(map(len, lines)),
        regex.compile(r"\p{Lu}[+-]?(?:\s+\p{Lu}[+-]?){1,3}"),
        regex.compile(r"(?:%s)\s*:|%s" % (lexicon.alternation(words["chrome_labels"]),
                                           lexicon.alternation(words["embed_openers"] + words["widget_openers"])),
                      regex.IGNORECASE),
        lexicon.may_open(words["chrome_labels"] + words["embed_openers"] + words["widget_openers"], regex.IGNORECASE),
        regex.compile(r"[—–]\s?[^\n()]{1,60}\(@\w{1,15}\)"),
        re.compile("|".join(map(re.escape, [".twitter.com/", "(@", "°"] + _ITEM_SEPARATORS + separators))),
        regex.compile(r"(?:\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3}\s*:?\s*)?-?\d{1,2}(?:\s*[-–]\s*-?\d{1,2})?\s*°\s*[CF]?"),
        regex.compile(r"\p{Lu}[^\n.!?,;:]{0,40}?(?:\s*(?:%s)\s*\p{Lu}[^\n.!?,;:]{0,40}?){1,5}"
                      % "|".join(map(regex.escape, separators))),
        regex.compile(lexicon.alternation(words["footer_openers"]), regex.IGNORECASE),
        lexicon.may_open(words["footer_openers"], regex.IGNORECASE),
    )


def is_footer(t: str) -> bool:
    """A line of the page's footer or of the notices under an article: copyright, licence, masthead,
    contacts, a call to follow the site. The caller asks only of the last lines."""
    p = _patterns()
    return p.footer_may_open(t) and p.footer.match(t) is not None


def is_chrome(t: str) -> bool:
    p = _patterns()
    # str.lower() never shortens a string: a line longer than every chrome line is none of them
    if (len(t) <= p.lines_max_chars and t.lower() in p.lines) or (
            len(t) <= LETTERS_ONLY_MAX_CHARS and p.letters_only.fullmatch(t) is not None):
        return True
    if p.opener_may_open(t) and p.opener.match(t):
        return True
    # the rest are short, do not end a sentence as body lines do, and hold a sign that body lines
    # rarely do: one scan of the line for all of them
    if len(t) > CHROME_HINT_MAX_CHARS or t[-1] in ".!?…":
        return False
    hint = p.hint.search(t)
    if hint is None:
        return False
    if hint[0] in _ITEM_SEPARATORS:  # a row of page buttons (Đăng nhập | Đăng ký)
        return all(part.lower() in p.lines for part in _ITEMS.split(t))
    if hint[0] == "°":
        return p.weather.fullmatch(t) is not None
    return hint[0] == ".twitter.com/" or p.post_signature.match(t) is not None or p.breadcrumb.fullmatch(t) is not None


_ITEM_SEPARATORS = ["|", "·", "•"]
_ITEMS = regex.compile(r"\s*[|·•/]\s*")


def is_label(t: str) -> bool:
    """A section or place label over an article (``Thể thao``, ``Bình Dương``): a few words, a
    section's name or all capitalised, no digit and no punctuation at the end; or a path of sections
    (``Trang chủ / Kinh tế / Thị trường``, ``Kinh tế - Thị trường``), or a menu of them in a row
    (``Thời sự Thế giới Kinh doanh Giải trí``)."""
    if not t[-1].isalpha() or any(map(str.isdigit, t)):
        return False
    words = t.split()
    sections = _patterns().section_labels
    if len(words) <= LABEL_MAX_WORDS and (t.lower() in sections or all(w[:1].isupper() for w in words)):
        return True
    # (a path only where a separator stands: most lines hold none, and the pattern scans the line)
    parts = [part.strip().lower() for part in _SECTION_PATH.split(t)] if _PATH_SEPARATORS.search(t) else ()
    return (len(parts) > 1 and all(part in sections for part in parts)) or _is_menu(words, sections)


_PATH_SEPARATORS = re.compile("[/|–—-]")
_SECTION_PATH = regex.compile(r"\s+[%s]\s+" % _PATH_SEPARATORS.pattern[1:-1])


def _is_menu(words, sections) -> bool:
    """Section names in a row, at least MENU_MIN_SECTIONS of them and nothing else (a site's menu bar)."""
    i, count = 0, 0
    while i < len(words):
        for size in range(min(4, len(words) - i), 0, -1):  # the longest section name first
            if " ".join(words[i:i + size]).lower() in sections:
                i, count = i + size, count + 1
                break
        else:
            return False
    return count >= MENU_MIN_SECTIONS

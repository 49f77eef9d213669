"""The kinds of block a line of an article can be, declared once for layout, article and render."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional, get_args

LineKind = Literal[
    "title",  # the headline
    "date",  # a publication date line (value: the date)
    "placeholder",  # an image's file name or data URI
    "alt",  # an image's alt text
    "caption",  # an image's caption (credit: its photo credit's name)
    "credit",  # a photo credit on a line of its own: its name goes to the caption beside it, no block
    "video",  # a video's caption
    "byline",  # the authors and source (value: a Byline)
    "lead_source",  # the outlet named before the lead, ``(Tổ Quốc) -`` (value: a Byline)
    "related",  # a line pointing to other articles
    "end_mark",  # ``./.``, ``(Còn nữa)``: closes an article or a part
    "chrome",  # page furniture: menus, share buttons, tags, breadcrumbs, embedded posts
    "body",  # a paragraph of the article
]
LINE_KINDS = frozenset(get_args(LineKind))


@dataclass(slots=True)
class Block:
    kind: LineKind
    start: int
    end: int
    line: int  # index of the line it comes from
    credit: Optional[str] = None  # caption: the photo credit's name
    value: object = None  # date: its value; byline and lead_source: a Byline with offsets into the text
    guessed: bool = False  # found by a weak cue: reported as a warning

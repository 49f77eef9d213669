"""An HTML view of a parsed article: the input text with every extracted part highlighted, and
beside it a table of the facts, dates, authors and captions, each row linked to its place.

The page is built from the offsets alone: each part becomes ``<span class="vn-KIND" data-...>``
around ``text[start:end]``. Parts that cross (neither contains the other) are split into pieces
that nest, each piece keeping the part's attributes and its ``data-span`` number, so the text of
all pieces with one number is exactly the part's text; the first piece has the id ``vn-N`` that
the table links to. One tooltip per part (its ``title``). The page is self-contained (inline CSS).
"""
from __future__ import annotations

import html
from collections import Counter
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

from .model import Article

# kind, legend label, CSS. The order is also the nesting order of parts with the same extent:
# earlier kinds go outside.
KINDS = [
    ("paragraph", "paragraph", "background: rgba(0, 0, 0, .035)"),
    ("related", "related articles", "color: #777; background: #f1f1f1"),
    ("image", "image (all its traces)", "outline: 1px dashed #8d6e63; outline-offset: 1px"),
    ("caption", "caption", "background: #fff0d9; font-style: italic"),
    ("placeholder", "image placeholder", "background: #e0e0e0; color: #444"),
    ("alt", "image alt text", "background: #eadcf3"),
    ("title", "title", "background: #ffe08a; font-weight: 600"),
    ("published", "publication date", "background: #b9e6ff"),
    ("source", "source", "background: #d7c4ff"),
    ("author", "author", "background: #c8f2c5; text-decoration: underline"),
    ("date", "date mention", "border-bottom: 2px solid #0277bd"),
    ("fact", "fact", "background: #ffc9cf; border-radius: 3px"),
    ("warning", "warning", "text-decoration: underline wavy #d32f2f"),
]
_RANK = {kind: rank for rank, (kind, _, _) in enumerate(KINDS)}
# the parts listed in the table beside the text: kind, heading, column names (the last column, the
# text as written, links to the part)
TABLES = [
    ("fact", "Facts", ("kind", "value", "unit", "qualifier", "text")),
    ("date", "Dates", ("value", "grain", "text")),
    ("author", "Authors", ("name", "role", "text")),
    ("caption", "Captions", ("credit", "image", "text")),
]
_GROUP_SEPARATOR = "\u202f"  # a narrow no-break space groups digits: neither a Vietnamese nor an English decimal point

_CSS = """
body { font: 16px/1.6 system-ui, sans-serif; margin: 2em; color: #222; }
.vn-page { display: grid; grid-template-columns: minmax(20em, 52em) minmax(18em, 1fr); gap: 2em; align-items: start; }
.vn-table { position: sticky; top: 1em; max-height: calc(100vh - 2em); overflow: auto; font-size: .85em; }
.vn-table table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
.vn-table th, .vn-table td { border-bottom: 1px solid #e0e0e0; padding: .15em .4em; text-align: left; vertical-align: top; }
.vn-table td.vn-number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.vn-table h2 { font-size: 1em; margin: .5em 0 .2em; }
:target { outline: 2px solid #ff6f00; }
header { border-bottom: 1px solid #ddd; margin-bottom: 1em; }
h1 { font-size: 1.3em; margin: 0 0 .3em; }
.vn-legend { display: flex; flex-wrap: wrap; gap: .4em 1em; list-style: none; padding: 0; font-size: .85em; }
.vn-warnings { font-size: .85em; color: #b71c1c; }
.vn-text { white-space: pre-wrap; overflow-wrap: anywhere; }
"""


class Mark(NamedTuple):
    start: int
    end: int
    kind: str
    attrs: Dict[str, str]  # data-* attributes, without the prefix
    tip: Optional[str] = None  # hover text (the title attribute)
    cells: Tuple[str, ...] = ()  # its row in the table beside the text, but for the text cell


def _text(value) -> Optional[str]:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def grouped(value) -> str:
    """A number with its digits grouped in threes (``1 839 000 000 000``, ``12 345.5``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _text(value) or ""
    return format(value, ",").replace(",", _GROUP_SEPARATOR)


def _join(*parts) -> str:
    return " ".join(str(part) for part in parts if part not in (None, ""))


def marks(article: Article) -> List[Mark]:
    """Every extracted part of ``article`` that has offsets, as a Mark."""
    found: List[Mark] = []

    def add(kind, span, tip=None, cells=(), /, **attrs):
        if span is not None:
            clean = {key: _text(value) for key, value in attrs.items()
                     if value is not None and value is not False}  # keeps 0, which == False
            found.append(Mark(span.start, span.end, kind, clean, tip, tuple(cell or "" for cell in cells)))

    lead = article.lead
    for index, paragraph in enumerate(article.paragraphs):
        is_lead = lead is not None and (paragraph.start, paragraph.end) == (lead.start, lead.end)
        for part in paragraph.spans():  # a caption cut out of a paragraph stands between its parts
            add("paragraph", part, index=index, lead=is_lead)
    for span in article.related:
        add("related", span)
    for index, image in enumerate(article.images):
        add("image", image, _join("image", image.placeholder), index=index, placeholder=image.placeholder)
        add("placeholder", image.placeholder_span, image=index)
        add("alt", image.alt_span, image=index)
    for caption in article.captions:
        image = article.images[caption.image] if caption.image is not None else None
        shown = image and (image.placeholder or image.alt)
        pictured = "image %d%s" % (caption.image, " (%s)" % shown if shown else "") if image else None
        add("caption", caption, _join("caption;", "credit: %s" % (caption.credit or "none") + ";",
                                      pictured or "no image"),
            (caption.credit, pictured), credit=caption.credit, image=caption.image)
    add("title", article.title_span)
    add("published", article.published_span, _join("published", _text(article.published)),
        value=article.published)
    add("source", article.source_span, value=article.source)
    for author in article.authors:
        add("author", author, _join("author:", author.name, author.role and "(%s)" % author.role),
            (author.name, author.role), name=author.name, role=author.role)
    for date in article.dates:
        grain = "%s%s" % (date.grain, ", relative" * date.relative)
        value = _text(date.value) or "no value"
        add("date", date, _join("date:", value, "(%s)" % grain), (value, grain),
            value=date.value, grain=date.grain, relative=date.relative)
    for fact in article.facts:
        add("fact", fact, _join(fact.kind + ":", fact.qualifier, grouped(fact.value), fact.unit),
            (fact.kind, grouped(fact.value), fact.unit, fact.qualifier),
            kind=fact.kind, value=fact.value, unit=fact.unit, qualifier=fact.qualifier)
    for warning in article.warnings:
        if warning.start is not None and warning.end is not None:
            found.append(Mark(warning.start, warning.end, "warning", {"code": warning.code},
                              "%s: %s" % (warning.code, warning.message)))
    return found


def _open_tag(mark: Mark, number: int, first: bool = True) -> str:
    attrs = ['class="vn-%s"' % mark.kind, 'data-span="%d"' % number] + ['id="vn-%d"' % number] * first
    attrs += ['data-%s="%s"' % (key, html.escape(value)) for key, value in mark.attrs.items()]
    if mark.tip:
        attrs.append('title="%s"' % html.escape(mark.tip))
    return "<span %s>" % " ".join(attrs)


def _valid(text: str, found: Sequence[Mark]) -> List[Mark]:
    """The marks whose offsets lie within ``text`` and hold something; their index is their number."""
    return [m for m in found if 0 <= m.start < m.end <= len(text)]


def highlight(text: str, found: List[Mark]) -> str:
    """``text`` HTML-escaped with every mark wrapped in properly nested spans."""
    valid = _valid(text, found)
    order = sorted(range(len(valid)), key=lambda i: (valid[i].start, -valid[i].end, _RANK[valid[i].kind]))
    starting: Dict[int, List[int]] = {}
    for number in order:
        starting.setdefault(valid[number].start, []).append(number)
    bounds = sorted({m.start for m in valid} | {m.end for m in valid} | {len(text)})
    out: List[str] = []
    stack: List[int] = []  # numbers of the open marks, outermost first
    position = 0
    for bound in bounds:
        out.append(html.escape(text[position:bound], quote=False))
        position = bound
        # close what ends here; marks opened inside one of them that go on are split: closed now,
        # opened again right after
        reopen: List[int] = []
        while any(valid[n].end == bound for n in stack):
            number = stack.pop()
            out.append("</span>")
            if valid[number].end != bound:
                reopen.append(number)
        for number in reversed(reopen):
            stack.append(number)
            out.append(_open_tag(valid[number], number, first=False))
        for number in starting.get(bound, ()):
            stack.append(number)
            out.append(_open_tag(valid[number], number))
    return "".join(out)


def table(text: str, found: List[Mark]) -> str:
    """The tables of facts, dates, authors and captions: one row per part, in text order, its
    value and the text it came from, linked to its place in the text."""
    valid = _valid(text, found)
    sections = []
    for kind, heading, columns in TABLES:
        rows = []
        for number, mark in sorted(enumerate(valid), key=lambda pair: pair[1].start):
            if mark.kind != kind:
                continue
            cells = "".join('<td class="vn-number">%s</td>' % html.escape(cell) if column == "value" and kind == "fact"
                            else "<td>%s</td>" % html.escape(cell) for column, cell in zip(columns, mark.cells))
            rows.append('<tr data-span="%d">%s<td><a href="#vn-%d">%s</a></td></tr>' % (
                number, cells, number, html.escape(text[mark.start:mark.end])))
        head = "".join("<th>%s</th>" % name for name in columns)
        sections.append('<h2>%s (%d)</h2>\n<table class="vn-rows-%s"><thead><tr>%s</tr></thead><tbody>%s</tbody></table>'
                        % (heading, len(rows), kind, head, "".join(rows)))
    return '<aside class="vn-table">\n%s\n</aside>' % "\n".join(sections)


def render_html(text: str, article: Article) -> str:
    """A self-contained HTML page showing ``text`` with the parts of ``article`` highlighted, and
    the table of facts, dates, authors and captions beside it."""
    found = _valid(text, marks(article))
    counts = Counter(mark.kind for mark in found)
    css = _CSS + "".join(".vn-%s, .vn-key-%s { %s; }\n" % (kind, kind, style) for kind, _, style in KINDS)
    legend = "".join('<li><span class="vn-key-%s">%s</span> %d</li>' % (kind, label, counts[kind])
                     for kind, label, _ in KINDS)
    warnings = "".join("<li>%s: %s</li>" % (html.escape(w.code), html.escape(w.message))
                       for w in article.warnings)
    title = html.escape(article.title or "vnnews article")
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n"
        '<header>\n<h1>%s</h1>\n<ul class="vn-legend">%s</ul>\n<ul class="vn-warnings">%s</ul>\n</header>\n'
        '<div class="vn-page">\n<main><div class="vn-text" id="vn-text">%s</div></main>\n%s\n</div>\n'
        "</body>\n</html>\n"
    ) % (title, css, title, legend, warnings, highlight(text, found), table(text, found))

"""The HTML view: spans built from offsets, split where parts cross, checked in the HTML and in
headless Chromium (screenshot saved to artifacts/render.png)."""
import shutil
import subprocess
import sys
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

from vnnews import parse_article
from vnnews.model import Article, Author, Caption, DateMention, Fact, Image, Paragraph, ParseWarning, Span
from vnnews.render import grouped, marks, render_html

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed-cualo-2017.txt"
TEXT = ("Giá <xăng> & dầu giảm\n\nNgày 12/3/2024\n\nGiá xăng giảm 500 đồng/lít, còn 24.100 đồng.\n\n"
        "img_01\n\n  Cây xăng ở Hà Nội. Ảnh: Minh Anh\n\n        Minh Anh")


def span(piece, after=0):
    start = TEXT.index(piece, after)
    return Span(piece, start, start + len(piece))


def built_article():
    """An article over TEXT with every kind of part, and a warning that crosses two parts."""
    title, published, body = span("Giá <xăng> & dầu giảm"), span("Ngày 12/3/2024"), span("Giá xăng giảm 500")
    body = Span(TEXT[body.start:TEXT.index("đồng.") + 5], body.start, TEXT.index("đồng.") + 5)
    placeholder, caption = span("img_01"), span("Cây xăng ở Hà Nội. Ảnh: Minh Anh")
    author = span("Minh Anh", caption.end)
    money, price, date = span("500 đồng/lít"), span("24.100 đồng"), span("12/3/2024")
    crossing = Span(TEXT[price.start:placeholder.start + 3], price.start, placeholder.start + 3)
    return Article(
        title=title.text, title_span=title, published_span=published, lead=Paragraph(body.text, body.start, body.end),
        paragraphs=[Paragraph(body.text, body.start, body.end)],
        images=[Image(placeholder.start, caption.end, placeholder="img_01", placeholder_span=placeholder,
                      caption=caption.text, caption_span=caption)],
        captions=[Caption(caption.text, caption.start, caption.end, credit="Minh Anh", image=0)],
        authors=[Author("Minh Anh", author.start, author.end)],
        facts=[Fact(money.text, "money", 500, "VND/lít", money.start, money.end, sentence=0),
               Fact(price.text, "money", 24100, "VND", price.start, price.end, sentence=0)],
        dates=[DateMention(date.text, date.start, date.end)],
        warnings=[ParseWarning("test_crossing", "crosses a paragraph and an image", crossing.start, crossing.end),
                  ParseWarning("no_offsets", "a warning without offsets")],
    )


class Page(HTMLParser):
    """The text of #vn-text, and for each data-span number its pieces' attributes and joined text."""

    def __init__(self, html):
        super().__init__()
        self.inside, self.stack, self.text = False, [], []
        self.pieces = defaultdict(list)  # number -> attribute dicts, one per piece
        self.texts = defaultdict(str)  # number -> text of all its pieces
        self.feed(html)
        self.text = "".join(self.text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == "vn-text":
            self.inside = True
        if self.inside and tag == "span":
            self.stack.append(attrs["data-span"])
            self.pieces[attrs["data-span"]].append(attrs)

    def handle_endtag(self, tag):
        if tag == "div":
            self.inside = False
        elif self.inside and tag == "span":
            self.stack.pop()

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)
            for number in self.stack:
                self.texts[number] += data


def check_page(page, text, article):
    """Every mark of ``article`` is on the page with its exact text; the text is intact."""
    assert page.text == text
    expected = sorted((m.kind, m.start, m.end) for m in marks(article))
    found = []
    for number, pieces in page.pieces.items():
        kind = pieces[0]["class"][len("vn-"):]
        found.append((kind, page.texts[number]))
        assert all(p["class"] == pieces[0]["class"] for p in pieces)
    assert sorted(found) == sorted((kind, text[start:end]) for kind, start, end in expected)
    return found


def test_marks_nest_split_and_escape():
    article = built_article()
    html = render_html(TEXT, article)
    page = Page(html)
    check_page(page, TEXT, article)
    assert "&lt;xăng&gt; &amp; dầu" in html
    assert html.count("<span") == html.count("</span>")
    by_kind = {pieces[0]["class"]: pieces for pieces in page.pieces.values()}
    # the warning leaves the paragraph (split there), and ends inside the image and its placeholder
    # (which are split there); whole parts stay whole
    split = {kind: len(pieces) for kind, pieces in by_kind.items() if len(pieces) > 1}
    assert split == {"vn-warning": 2, "vn-image": 2, "vn-placeholder": 2}
    fact = page.pieces[next(n for n, p in page.pieces.items() if p[0].get("data-unit") == "VND/lít")][0]
    assert (fact["data-kind"], fact["data-value"]) == ("money", "500")
    assert fact["title"] == "money: 500 VND/lít" and "data-tip" not in fact  # one tooltip, not two
    assert by_kind["vn-paragraph"][0]["data-lead"] == "True"
    assert by_kind["vn-caption"][0]["data-credit"] == "Minh Anh"
    assert "no_offsets: a warning without offsets" in html
    assert "white-space: pre-wrap" in html
    assert not any(external in html for external in ("<link", "<script", "src=", "url("))  # self-contained


def test_bad_offsets_are_skipped():
    article = Article(facts=[Fact("x", "money", 1, None, 5, 500), Fact("y", "money", 1, None, 3, 3)])
    assert Page(render_html("short text", article)).pieces == {}


def vnnews_render(source, target):
    subprocess.run([sys.executable, "-m", "vnnews.cli", "render", str(source), "-o", str(target), "--no-tokens"],
                   check=True, timeout=120)


def test_render_command(tmp_path):
    vnnews_render(SEED, tmp_path / "seed.html")
    text = SEED.read_text(encoding="utf-8")
    check_page(Page((tmp_path / "seed.html").read_text(encoding="utf-8")), text, parse_article(text, tokenize=False))


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(profile, *args):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--user-data-dir=%s" % profile]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=90, check=True).stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_render_in_chromium(tmp_path):
    artifacts = ROOT / "artifacts"
    artifacts.mkdir(exist_ok=True)
    page, screenshot = artifacts / "render.html", artifacts / "render.png"
    vnnews_render(SEED, page)
    screenshot.unlink(missing_ok=True)
    chromium(tmp_path / "profile", "--window-size=1400,1000", "--screenshot=%s" % screenshot, page.as_uri())
    assert screenshot.stat().st_size > 10_000  # not a blank page
    dom = chromium(tmp_path / "profile", "--dump-dom", page.as_uri())
    text = SEED.read_text(encoding="utf-8")
    article = parse_article(text, tokenize=False)
    found = check_page(Page(dom), text, article)
    assert {"title", "paragraph"} <= {kind for kind, _ in found}
    rows = Rows(dom)
    assert len(rows.cells["fact"]) == len(article.facts) > 0 and len(rows.cells["date"]) == len(article.dates)
    assert ["money", "1\u202f839\u202f000\u202f000\u202f000", "VND", "trên", "1.839 tỷ đồng"] in rows.cells["fact"]
    # the table is drawn: the same page without it gives another picture
    bare = artifacts / "render-without-table.html"
    page_html = page.read_text(encoding="utf-8")
    bare.write_text(page_html[:page_html.index("<aside")] + page_html[page_html.index("</aside>") + 8:], encoding="utf-8")
    without = tmp_path / "without.png"
    chromium(tmp_path / "profile", "--window-size=1400,1000", "--screenshot=%s" % without, bare.as_uri())
    assert without.read_bytes() != screenshot.read_bytes()


class Rows(HTMLParser):
    """The cells of each table beside the text, by kind (``vn-rows-KIND``), row by row."""

    def __init__(self, html):
        super().__init__()
        self.cells, self.kind, self.row, self.cell = defaultdict(list), None, None, None
        self.links = []  # (data-span of the row, href of its link)
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("class", "").startswith("vn-rows-"):
            self.kind = attrs["class"][len("vn-rows-"):]
        elif tag == "tr" and self.kind and "data-span" in attrs:
            self.row = []
            self.cells[self.kind].append(self.row)
            self.span = attrs["data-span"]
        elif tag == "td" and self.row is not None:
            self.cell = ""
        elif tag == "a" and self.row is not None:
            self.links.append((self.span, attrs["href"]))

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.row.append(self.cell)
            self.cell = None
        elif tag == "tr":
            self.row = None
        elif tag == "table":
            self.kind = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_table_beside_the_text_lists_parts_with_values_and_links():
    article = built_article()
    page_html = render_html(TEXT, article)
    rows = Rows(page_html)
    assert rows.cells["fact"] == [["money", "500", "VND/lít", "", "500 đồng/lít"],
                                  ["money", "24\u202f100", "VND", "", "24.100 đồng"]]
    assert rows.cells["date"] == [["no value", "day", "12/3/2024"]]
    assert rows.cells["author"] == [["Minh Anh", "", "Minh Anh"]]
    assert rows.cells["caption"] == [["Minh Anh", "image 0 (img_01)", "Cây xăng ở Hà Nội. Ảnh: Minh Anh"]]
    # each link goes to the first piece of its part, which carries the id
    page = Page(page_html)
    for number, href in rows.links:
        assert href == "#vn-" + number and page_html.count('id="vn-%s"' % number) == 1
        assert page.pieces[number][0]["id"] == "vn-" + number


def test_every_caption_has_a_tooltip_with_or_without_credit():
    article = built_article()
    article.captions[0].credit = None
    (caption,) = [m for m in marks(article) if m.kind == "caption"]
    assert caption.tip == "caption; credit: none; image 0 (img_01)"


@pytest.mark.parametrize("value, shown", [(1839000000000, "1\u202f839\u202f000\u202f000\u202f000"), (99.6, "99.6"),
                                          (12345.5, "12\u202f345.5"), (-1500, "-1\u202f500"), (7, "7")])
def test_values_are_digit_grouped(value, shown):
    assert grouped(value) == shown

"""Broken and hostile input, each case through parse_article (bytes through read_text first): a record
or a typed error, never a crash, and offsets that still point into the input as given."""
import unicodedata

import pytest

import vnnews
from test_decode import as_tcvn3, to_cp1258, to_tcvn3, to_vni

ARTICLE = """Hà Nội khởi công cầu vượt sông Hồng thứ sáu

Thứ Hai, 12/3/2018 - 10:30

Sáng nay, UBND thành phố Hà Nội tổ chức lễ khởi công cây cầu mới bắc qua sông Hồng với tổng vốn đầu tư khoảng 8.000 tỷ đồng.

Theo ban quản lý dự án, cầu dài 4,2 km, rộng 33 m, dự kiến hoàn thành sau 36 tháng. Khi đi vào hoạt động, cầu sẽ giảm tải khoảng 30% lưu lượng xe cho các cầu hiện có.

Phối cảnh cây cầu mới. Ảnh: Ban quản lý dự án

Ông Trần Văn Bình, Phó chủ tịch UBND thành phố, cho biết người dân hai bên bờ sông rất đồng tình và ủng hộ dự án.

Minh Anh
"""
TITLE = "Hà Nội khởi công cầu vượt sông Hồng thứ sáu"
SCORED = ("money", "percent", "quantity", "rate")


def check(text, article):
    """The record's offsets give back the input's own text; values are finite; JSON round-trips."""
    errors = article.offset_errors(text)
    assert not errors, errors[:3]
    assert vnnews.Article.from_json(article.to_json()) == article
    return article


def parse(text):
    return vnnews.parse_article(text, tokenize=False)


def parsed(text):
    return check(text, parse(text))


def codes(article):
    return {w.code for w in article.warnings}


@pytest.fixture(scope="module")
def reference():
    return parse(ARTICLE)


def same_shape(article, reference):
    """The same reading as the clean article: title, date, authors, paragraphs and facts, by value."""
    assert unicodedata.normalize("NFC", article.title) == reference.title
    assert article.published == reference.published
    assert [a.name for a in article.authors] == [a.name for a in reference.authors]
    assert len(article.paragraphs) == len(reference.paragraphs)
    assert [(f.kind, f.value) for f in article.facts] == [(f.kind, f.value) for f in reference.facts]


def test_reference_article_reads(reference):
    assert reference.title == TITLE and len(reference.paragraphs) >= 3
    assert {"money", "percent"} <= {f.kind for f in reference.facts}


def test_nfd(reference):
    text = unicodedata.normalize("NFD", ARTICLE)
    article = parsed(text)
    same_shape(article, reference)
    assert article.title_span.text == unicodedata.normalize("NFD", TITLE)


def test_html_entities(reference):
    text = ARTICLE.replace("ô", "&ocirc;").replace("ộ", "&#7897;").replace("đ", "&#x111;").replace(" ", " &nbsp;", 3)
    article = parsed(text)
    same_shape(article, reference)
    assert "&ocirc;" in article.title_span.text


def test_html_fragment(reference):
    blocks = [b for b in ARTICLE.split("\n\n") if b.strip()]
    text = ('<!DOCTYPE html><html><head><script>var a = "<p>x</p>";</script></head><body>'
            "<h1>%s</h1>\n<div class=\"date\">%s</div>%s<p>%s</p></body></html>"
            % (blocks[0], blocks[1], "".join("<p>%s</p>" % b for b in blocks[2:-1]), blocks[-1].strip()))
    article = parsed(text)
    assert article.title == TITLE
    assert [(f.kind, f.value) for f in article.facts] == [(f.kind, f.value) for f in reference.facts]
    assert not any("<" in p.text.strip("<>") and "</" in p.text for p in article.paragraphs[1:-1])


def test_html_img_and_br_become_line_breaks():
    text = ARTICLE.replace("\n\nPhối cảnh", '\n\n<img src="cau.jpg" alt="Cầu"><br>Phối cảnh')
    article = parsed(text)
    assert article.title == TITLE


@pytest.mark.parametrize("encode, encoding", [(to_cp1258, "cp1258"), (to_vni, "vni"), (to_tcvn3, "tcvn3")])
def test_legacy_encodings_through_read_text(encode, encoding, reference):
    decoded = vnnews.read_text(encode(ARTICLE))
    assert decoded.encoding == encoding
    article = parsed(decoded.text)
    assert decoded.text == (ARTICLE if encoding != "tcvn3" else as_tcvn3(ARTICLE))
    assert [(f.kind, f.value) for f in article.facts] == [(f.kind, f.value) for f in reference.facts]


def test_utf16_and_bom_through_read_text(reference):
    for data in (ARTICLE.encode("utf-16"), b"\xef\xbb\xbf" + ARTICLE.encode()):
        same_shape(parsed(vnnews.read_text(data).text), reference)


def test_bom_inside_str(reference):
    same_shape(parsed("\ufeff" + ARTICLE), reference)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr(newline, reference):
    same_shape(parsed(ARTICLE.replace("\n", newline)), reference)


def test_control_characters(reference):
    text = ARTICLE.replace("Sáng nay", "Sáng\x07 nay\x00").replace("tháng.", "tháng.\x1b\x7f\x9b")
    same_shape(parsed(text), reference)


def test_zero_width_characters(reference):
    text = ARTICLE.replace(" sông", "\u200b sông").replace("Hà Nội", "Hà\u200c Nội\u2060").replace("cầu", "c\u00adầu")
    article = parsed(text)
    same_shape(article, reference)
    assert "\u200c" in article.title_span.text


def test_old_tone_placement(reference):
    text = ARTICLE.replace("thành", "thành phố hoà bình").replace("Theo", "Theo thuỷ lợi")
    assert parsed(text).title == TITLE


def test_navigation_junk_of_5_mb_is_truncated_with_a_warning():
    nav = "Trang chủ | Thời sự | Thế giới | Kinh doanh | Giải trí | Thể thao | Pháp luật | Giáo dục\n"
    text = nav * 3000 + ARTICLE + nav * (5_000_000 // len(nav))
    article = parsed(text)
    assert "truncated" in codes(article)
    warning = next(w for w in article.warnings if w.code == "truncated")
    assert 0 < warning.start <= vnnews.limits.DEFAULT_MAX_CHARS and warning.end == len(text)


def test_over_the_limit_and_normalized():
    text = ARTICLE.replace("\n", "\r\n") * 3
    article = check(text, vnnews.parse_article(text, tokenize=False, max_chars=len(ARTICLE) + 50))
    assert article.title == TITLE and "truncated" in codes(article)


def test_a_limit_of_zero_parses_nothing_and_a_negative_one_is_refused():
    article = check("a\nb", vnnews.parse_article("a\nb", tokenize=False, max_chars=0))
    assert [(w.code, w.start, w.end) for w in article.warnings if w.code == "truncated"] == [("truncated", 0, 3)]
    with pytest.raises(ValueError):
        vnnews.parse_article("a\nb", tokenize=False, max_chars=-5)


def test_one_huge_line():
    text = ARTICLE + "Dòng " + "rất dài " * 200_000 + "\n"
    parsed(text)


def test_binary_with_a_txt_name(tmp_path):
    path = tmp_path / "bai-viet.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)
    with pytest.raises(vnnews.DecodeError):
        vnnews.read_text(path)


def test_binary_decoded_anyway_as_latin1():
    text = bytes(range(256)).decode("latin-1") * 20  # someone decoded a binary before calling us
    parsed(text)


ENGLISH = """City council approves new transport budget

The city council voted on Tuesday to approve a new budget for public transport. Officials said the plan
would cost about 2 billion dollars over five years, and that ticket prices would not rise before next
spring. Critics argued that the money should go to schools and hospitals instead, and asked for a review
of the contracts signed in 2019.
"""
CODE = '''import os

def main(argv):
    port = int(os.environ.get("PORT", 8080))
    for i in range(1000):
        if i % 3 == 0:
            print(f"{i}: {port / 2:.2f}%")
    return {"status": 200, "ratio": 0.75, "version": "1.2.3"}
'''
LINKS = "\n".join("https://vnexpress.net/thoi-su/giao-thong-ha-noi-ngay-%d-4%06d.html" % (i, i) for i in range(60))


@pytest.mark.parametrize("text", [ENGLISH, CODE, LINKS], ids=["english", "code", "links"])
def test_not_vietnamese_gets_a_warning_and_no_scored_facts_from_identifiers(text):
    assert vnnews.limits.language_warnings(text)[0].code == "not_vietnamese"
    article = parsed(text)
    assert "not_vietnamese" in codes(article)
    if text is not ENGLISH:  # code and links hold numbers only inside identifiers
        assert [f.text for f in article.facts if f.kind in SCORED] == []


def test_vietnamese_without_marks_is_not_flagged():
    text = ("Sang nay so thong tin va truyen thong tinh Nghe An to chuc hoi nghi giao ban truc tuyen "
            "so ket cong tac 6 thang dau nam va trien khai nhiem vu 6 thang cuoi nam.")
    assert vnnews.limits.language_warnings(text) == []


def test_quick_marked_letter_check_counts_as_the_lowercased_text_does():
    from vnnews.decode import vietnamese_letters
    letters = set(vietnamese_letters())
    either_case = {chr(i) for i in range(0x110000) if any(c in letters for c in chr(i).lower())}
    assert either_case == letters | {c.upper() for c in letters}  # what the quick pattern's class holds
    for text in ["", "abc", "ĐẶNG Ngọc Dung", "Hà Nội " * 5, "tiếng Việt và English text, mostly English"]:
        marked = sum(c in letters for c in text.lower())
        for count in range(marked + 2):
            assert bool(vnnews.limits._at_least_marked(count).match(text)) == (marked >= count)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\u00a0\u200b\ufeff", "\x00", "<p></p>", "&nbsp;", "\r\n"])
def test_empty_and_blank(text):
    parsed(text)


@pytest.mark.parametrize("value", [None, b"bytes", 12, ["a"], bytearray(b"x")])
def test_non_str_is_a_type_error(value):
    with pytest.raises(TypeError):
        vnnews.parse_article(value)


@pytest.mark.parametrize("text", [
    "1." * 100_000, "9" * 200_000, "1.000.000," * 20_000, "\n" * 100_000, "Ảnh:" * 50_000,
    "Ảnh: \n" * 30_000, "<" * 100_000, "&#" * 50_000, "(" * 50_000 + ")" * 50_000, ">> " * 50_000,
    "\u0301" * 100_000, "A" * 100_000, "- " * 100_000, "Theo " * 50_000,
], ids=lambda t: repr(t[:12]))
def test_adversarial_runs(text):
    parsed(text)


def test_english_news_gives_no_facts_and_a_warning():
    text = ("Apple reports record quarter\n\nApple said on Thursday that revenue rose 8% to 119.6 billion "
            "dollars, beating forecasts. CEO Tim Cook said iPhone sales grew 6% in China.\n\n"
            "The company sold 80 million iPhones. Shares rose 3.5% in after-hours trading.\n")
    article = check(text, vnnews.parse_article(text, tokenize=False))
    assert article.facts == [] and article.dates == []
    assert "not_vietnamese" in codes(article)

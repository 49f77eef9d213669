"""The offset contract: every object of a record with start/end gives back its own text,
``text[start:end] == obj.text``, with 0 <= start <= end <= len(text); on every fixture and on
generated article-like texts (title and date lines, placeholders, captions, NBSP indents, bylines,
Vietnamese numbers, odd white space and decomposed accents)."""
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import check_spans, fixture_names, load_fixture, parse

NB = "\u00a0"


@pytest.mark.parametrize("name", fixture_names())
def test_fixture_spans(name):
    text = load_fixture(name)[0]
    assert check_spans(text, parse(text)) > 0


def test_seed_spans_with_tokens():
    text = load_fixture("seed-cualo-2017")[0]
    article = parse(text, tokenize=True)
    assert any(s.tokens for s in article.sentences)
    assert check_spans(text, article) > 0


# -- generated texts -------------------------------------------------------------------------------

names = st.sampled_from(["Thanh Bình", "Minh Anh", "Đỗ Trưởng", "Hoàng Yến", "Lê Ánh", "N.K.", "Nhóm PV"])
outlets = st.sampled_from(["TTXVN", "VOV.VN", "Vov.vn", "Tổ Quốc", "Báo Tin tức", "Thể thao Việt Nam"])
words = st.sampled_from("Sở thông tin truyền thông tỉnh tổ chức hội nghị doanh thu đạt người dân "
                        "xã huyện giá vàng tăng giảm cầu đường trường học khách du lịch".split())
units = st.sampled_from(["tỷ đồng", "triệu đồng", "đồng/kg", "%", " %", "người", "ha", "tấn", "km",
                         "thuê bao/100 dân", "triệu USD", "nghìn tấn", "phần trăm", "tuổi", ""])
qualifiers = st.sampled_from(["", "trên ", "gần ", "khoảng ", "hơn ", "từ ", "chưa đầy "])


@st.composite
def numbers(draw):
    n = draw(st.integers(0, 9_999_999))
    digits = "{:,}".format(n).replace(",", ".") if draw(st.booleans()) else str(n)
    if draw(st.booleans()):
        digits += "," + str(draw(st.integers(0, 99)))
    if draw(st.booleans()):
        digits += draw(st.sampled_from(["-", " - ", " đến "])) + str(draw(st.integers(0, 999)))
    return draw(qualifiers) + digits + (" " if draw(st.booleans()) else "") + draw(units)


@st.composite
def sentences(draw):
    parts = draw(st.lists(st.one_of(words, numbers(), st.sampled_from(["28/7/2017", "6 tháng đầu năm", "tầng 3",
                                                                        "Điều 5", "15/2020/NĐ-CP", "hai bên"])),
                          min_size=2, max_size=8))
    sentence = " ".join(parts)
    return sentence[0].upper() + sentence[1:] + draw(st.sampled_from([".", ".", "!", "?", "…", "./.", ""]))


@st.composite
def dates(draw):
    d, m, y, h, mi = (draw(st.integers(1, 28)), draw(st.integers(1, 12)), draw(st.integers(2000, 2030)),
                      draw(st.integers(0, 23)), draw(st.integers(0, 59)))
    return draw(st.sampled_from([
        "Đăng ngày %02d/%02d/%d" % (d, m, y), "Thứ Ba, %02d/%02d/%d - %02d:%02d" % (d, m, y, h, mi),
        "Cập nhật: %d:%02d %d/%d/%d (GMT+7)" % (h, mi, d, m, y), "Ngày %d tháng %d năm %d" % (d, m, y),
        "%d-%02d-%02dT%02d:%02d:00.000Z" % (y, m, d, h, mi), "# date = %d%02d%02d" % (y, m, d),
    ]))


@st.composite
def lines(draw):
    kind = draw(st.sampled_from(["body", "body", "body", "date", "placeholder", "caption", "alt", "byline",
                                 "glued", "gallery", "related", "lead_source", "mark"]))
    if kind == "date":
        return draw(dates())
    if kind == "placeholder":
        return draw(st.sampled_from(["img_%d" % draw(st.integers(1, 9999)), "GD%d.jpg" % draw(st.integers(1, 9)),
                                     "IMG_1234.JPG", "gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"]))
    if kind == "caption":
        return draw(sentences()) + draw(st.sampled_from([" Ảnh: ", " - Ảnh: ", " (Ảnh: "])) + draw(names) + \
            draw(st.sampled_from(["", ".", ")", ")."]))
    if kind == "alt":
        return draw(sentences()).rstrip(".!?…/") + "\n" + (NB + " ") * draw(st.integers(1, 20)) + draw(sentences())
    if kind == "byline":
        return draw(st.sampled_from(["", NB * 30])) + draw(st.sampled_from([
            "{n}", "Theo {n}", "Tin, ảnh: {n} ({o})", "{n}/{o}", "{n} - {n}", "Theo {o}", "{n} - {o} | 23:00 06/02/2017",
        ])).format(n=draw(names), o=draw(outlets))
    if kind == "glued":
        return draw(sentences()) + " " + draw(st.sampled_from(["{n} ", "Theo {o} "])).format(n=draw(names), o=draw(outlets))
    if kind == "gallery":
        return " ".join(draw(sentences()) + " Ảnh: " + draw(names) + "." for _ in range(draw(st.integers(1, 3))))
    if kind == "related":
        return draw(st.sampled_from([">> ", "Tin liên quan: ", "Xem thêm: "])) + draw(sentences())
    if kind == "lead_source":
        return "(" + draw(outlets) + ") - " + draw(sentences())
    if kind == "mark":
        return draw(st.sampled_from(["./.", "(Ảnh minh họa)", "Ảnh minh họa.", "A A", "&nbsp;", "&amp; <b>x</b>"]))
    return " ".join(draw(st.lists(sentences(), min_size=1, max_size=4)))


@st.composite
def articles(draw):
    body = draw(st.lists(lines(), min_size=1, max_size=10))
    if draw(st.booleans()):  # a title line
        body.insert(0, " ".join(draw(st.lists(words, min_size=2, max_size=10))).capitalize())
    text = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n \t\n", "\n" + NB + "\n"])).join(body)
    if draw(st.booleans()):  # decomposed accents, as some scrapers leave them
        text = unicodedata.normalize("NFD", text)
    if draw(st.booleans()):
        text = text.replace(" ", draw(st.sampled_from([NB, "  ", "\u200b ", "\t"])), draw(st.integers(1, 5)))
    return text + draw(st.sampled_from(["", "\n", " ", NB]))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_article_spans(text):
    check_spans(text, parse(text))

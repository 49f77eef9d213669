"""Bylines and source lines: the rows of tests/corpora/bylines*.tsv, the rules' registry, the lexicon."""
import re

import pytest
from corpus import rows

from vnnews import lexicon
import vnnews
from vnnews.bylines import RULES, glued_byline_start, glued_tail, is_outlet, lead_source, parse_byline


@pytest.mark.parametrize("line,authors,source", rows("bylines.tsv", 3))
def test_byline(line, authors, source):
    byline = parse_byline(line)
    assert byline is not None
    assert [a[0] for a in byline.authors] == ([] if authors is None else authors.split(" | "))
    assert (byline.source[0] if byline.source else None) == source
    for text, start, end in byline.authors + ([byline.source] if byline.source else []):
        assert line[start:end] == text


@pytest.mark.parametrize("line", rows("bylines_not.tsv", 1))
def test_not_a_byline(line):
    assert parse_byline(line) is None


def test_the_lexicon_has_every_key_with_its_type():
    words = lexicon.load("bylines")
    lists = {"source_cues", "byline_roles", "author_cues", "photo_roles", "desk_names", "name_joiners", "byline_notes", "outlets",
             "outlet_words", "office_heads", "outlet_editions", "honorifics", "outlet_kinds", "affiliation_heads"}
    assert set(k for k in words if not k.startswith("_")) == lists
    for key in lists:
        assert isinstance(words["_" + key], str), key  # each list says what it is for
        values = words[key]
        assert values and all(isinstance(w, str) and w == w.strip() and w for w in values), key
        assert len(set(values)) == len(values), key
    assert not lists & (set(lexicon.load("captions")) | set(lexicon.load("chrome"))), "byline words live in bylines.json only"
    folded = [w.lower() for w in words["outlet_words"]]
    assert len(set(folded)) == len(folded), "outlet words match in any case: one entry each"


def test_rules_are_named_once_and_read_the_line_in_order():
    assert len({rule.name for rule in RULES}) == len(RULES)
    order = ["whole", "head", "tail", "body"]
    parts = [order.index(rule.part) for rule in RULES]
    assert parts == sorted(parts)


@pytest.mark.parametrize("paragraph,byline", [
    ("Báo Hải quan sẽ tiếp tục cập nhật thông tin về vụ việc. Thái Bình ", "Thái Bình"),
    ("Quảng Bình giảm 12,4%; Nam Định cùng có mức giảm 5,3%. Theo Vov.vn ", "Theo Vov.vn"),
    ("Tổ chức triển khai mô hình thí điểm một cửa liên thông. Tin, ảnh: Đỗ Trưởng (TTXVN)", "Tin, ảnh: Đỗ Trưởng (TTXVN)"),
    # the space after the full stop lost by the scraper
    ("Đây là lần giảm thứ ba liên tiếp trong tháng.Minh Anh", "Minh Anh"),
])
def test_byline_glued_to_the_last_paragraph(paragraph, byline):
    start = glued_byline_start(paragraph)
    assert start is not None and paragraph[start:].strip() == byline


@pytest.mark.parametrize("paragraph,byline,date", [
    ("Từ tháng sau, mức phí mới của các hộ gia đình được tính như sau: T.Hà ", "T.Hà", None),
    ("Đội khách ghi bàn ở phút cuối. Video bàn thắng của đội khách: HT - Thể Thao Việt Nam | 21:05 03/04/2018 ",
     "HT - Thể Thao Việt Nam", "21:05 03/04/2018"),
    ("Trận đấu kết thúc với tỷ số hòa. Lan Phương - Thể thao Việt Nam | 09:15 11/10/2019", "Lan Phương - Thể thao Việt Nam",
     "09:15 11/10/2019"),
])
def test_byline_and_dateline_footer_glued_to_the_last_paragraph(paragraph, byline, date):
    glued = glued_tail(paragraph)
    assert paragraph[glued.start:glued.end] == byline
    assert (paragraph[glued.date[1]:glued.date[2]] if glued.date else None) == date


@pytest.mark.parametrize("paragraph", [
    "Ban chấp hành mới gồm các ông. Chủ tịch: Lê Văn Hải",  # a label and the name it labels
    "Các nhà nghiên cứu đã công bố một bức hình: Ảnh: BBC",  # a credit, not a person
    "Danh sách đội hình xuất phát của đội chủ nhà: Văn Toàn, Quốc Hưng",  # a list after a colon ends nothing
    "Người hâm mộ chờ ở sân | 21:05 03/04/2018",  # a bar and a date after a sentence that names no one
])
def test_no_glued_byline_after_a_label(paragraph):
    assert glued_tail(paragraph) is None


@pytest.mark.parametrize("paragraph", [
    "Tổ chức triển khai một số mô hình thí điểm một cửa liên thông đến cấp xã./.",
    "Ông Thành nói rằng công trình sẽ xong trong tháng 9. Theo ông Thành",
    "Các nhà khoa học đã đến Hà Nội.",
    "Đây là lần giảm thứ ba liên tiếp tại TP.Hà Nội",  # an abbreviation's dot, no sentence's end
])
def test_no_glued_byline(paragraph):
    assert glued_byline_start(paragraph) is None


@pytest.mark.parametrize("paragraph,outlet,rest", [
    ("(Tổ Quốc) - Sáng nay, Quốc hội khai mạc", "Tổ Quốc", "Sáng nay"),
    ("(Dân trí) - Cách phố cổ Hội An khoảng 5 km", "Dân trí", "Cách phố"),
    ("Dân trí Cách phố cổ Hội An khoảng 5 km", "Dân trí", "Cách phố"),
    ("TTO - Sáng 5-7, trời mưa lớn", "TTO", "Sáng 5-7"),
    # an outlet's name that another outlet's name begins with is read whole (SGGP, SGGPO)
    ("SGGPO - Cơ quan điều tra vừa khởi tố vụ án", "SGGPO", "Cơ quan"),
    ("VOV.VN - Chiều nay, đoàn công tác", "VOV.VN", "Chiều nay"),
])
def test_outlet_before_the_lead(paragraph, outlet, rest):
    (name, start, end), body = lead_source(paragraph)
    assert name == outlet == paragraph[start:end]
    assert paragraph[body:].startswith(rest)


@pytest.mark.parametrize("paragraph", ["UBND tỉnh đã họp", "Theo kế hoạch, công trình", "Hà Nội - Sáng nay"])
def test_no_outlet_before_the_lead(paragraph):
    assert lead_source(paragraph) is None


def test_place_dateline_is_not_an_outlet():
    assert lead_source("HUẾ - Sáng nay, mưa lớn") is None
    assert lead_source("NLĐO - Sáng nay, mưa lớn")[0][0] == "NLĐO"


@pytest.mark.parametrize("text,expected", [
    ("Đặng Ngọc Dung", False),
    ("Thể thao Việt Nam", True),
    ("Hoàng Yến/VOV.VN", True),
    ("Báo\u00a0\u00a0Tuổi Trẻ", True),  # any white space inside a multi-word name
    ("Hoàng Dân trítuệ", False),  # an outlet's name inside a word is none
    ("Một trang.net khác", True),  # a domain: the dot lets the full pattern judge
])
def test_is_outlet(text, expected):
    assert is_outlet(text) is expected


def test_prefix_tree_matches_every_word():
    words = ["Dân trí", "Dân Việt", "VOV", "VOV.VN", "V"]
    pattern = re.compile(lexicon.prefix_tree(words))
    assert all(pattern.fullmatch(word) for word in words)
    assert pattern.fullmatch("Dân \u00a0trí") and not pattern.fullmatch("Dân") and not pattern.fullmatch("VOVVN")


def test_translator_in_a_tail_is_an_author_with_that_role():
    line = "Theo Reuters (Minh Anh lược dịch)"
    byline = parse_byline(line)
    assert byline.roles == ["lược dịch"] and byline.source[0] == "Reuters"
    name, start, end = byline.authors[0]
    assert name == "Minh Anh" and line[start:end] == name


@pytest.mark.parametrize("line", ["Nguồn: Internet", "Tổng hợp", "(Tổng hợp)", "T/H",
                                  "https://example.vn/tin-tuc/bai-viet-123.html"])
def test_a_line_that_says_how_the_text_was_made_is_a_remark(line):
    byline = parse_byline(line)
    assert byline.remark and byline.authors == [] and byline.source is None


BODY = ("Sáng nay, đoàn công tác của tỉnh đã đến thăm các hộ dân trong vùng bị ảnh hưởng bởi mưa lũ.\n"
        "Theo báo cáo của xã, nước đã rút nhưng nhiều tuyến đường vẫn bị sạt lở nghiêm trọng.\n")


def test_byline_above_a_sapo_moved_to_the_end():
    """Repository dumps put the sapo last, after blank lines: the byline is the line above the gap."""
    text = "Đoàn công tác thăm vùng lũ\n" + BODY + "Minh Châu\n\n\n\nĐoàn công tác đã trao quà cho người dân.\n"
    article = vnnews.parse_article(text, tokenize=False)
    assert [a.name for a in article.authors] == ["Minh Châu"]
    assert "Minh Châu" not in [p.text for p in article.paragraphs]


def test_a_gap_before_a_last_line_that_is_a_byline_keeps_it():
    text = "Đoàn công tác thăm vùng lũ\n" + BODY + "\n\n\nTheo Báo Tin tức\n"
    assert vnnews.parse_article(text, tokenize=False).source == "Báo Tin tức"


def test_a_line_completing_a_credit_label_is_not_a_byline():
    text = "Đoàn công tác thăm vùng lũ\n" + BODY + "Người dân dọn dẹp sau lũ. Ảnh:\nAFP\n\n\nĐoàn công tác đã trao quà.\n"
    assert vnnews.parse_article(text, tokenize=False).source is None


def test_byline_left_after_a_caption_cut_from_the_last_line():
    text = ("Đoàn công tác thăm vùng lũ\n" + BODY.rstrip("\n") +
            " Một đoạn đường bị sạt lở ở xã. Ảnh: Hoàng Nam. Quốc Bảo\n")
    article = vnnews.parse_article(text, tokenize=False)
    assert [a.name for a in article.authors] == ["Quốc Bảo"]
    assert not article.paragraphs[-1].text.endswith("Quốc Bảo")


def test_dateline_footer_line_between_the_body_and_a_related_list():
    text = ("Đoàn công tác thăm vùng lũ\n" + BODY + "Hải Nam - Thể thao Việt Nam | 20:40 01/03/2018\n"
            "Các tin khác trong ngày\nTuyển Việt Nam tập trung chuẩn bị cho vòng loại\n"
            "Một cầu thủ trẻ được gọi lên đội một\n\n\nĐoàn công tác đã trao quà cho người dân.\n")
    article = vnnews.parse_article(text, tokenize=False)
    assert [a.name for a in article.authors] == ["Hải Nam"] and article.source == "Thể thao Việt Nam"
    assert article.published.isoformat() == "2018-03-01T20:40:00+07:00"


def test_a_bar_in_a_body_sentence_is_no_dateline():
    text = "Đoàn công tác thăm vùng lũ\n" + BODY + "Tỷ số chung cuộc 2 | 1 nghiêng về đội khách trong ngày 01/03/2018.\n" + BODY
    article = vnnews.parse_article(text, tokenize=False)
    assert article.published is None and article.authors == []


def test_each_name_keeps_its_own_role():
    byline = parse_byline("Bài: Thu Hà - Biên tập: Lê Minh - Ảnh: Quốc Tuấn")
    assert [(a[0], role) for a, role in zip(byline.authors, byline.roles)] == [("Thu Hà", "Bài"), ("Lê Minh", "Biên tập")]


@pytest.mark.parametrize("line", ["Tác giả: Minh Châu", "Bởi Minh Châu", "Bài và ảnh: Minh Châu"])
def test_byline_under_the_title_that_says_what_it_is(line):
    text = "Giá lúa tăng mạnh ở miền Tây\n" + line + "\n" + BODY
    article = vnnews.parse_article(text, tokenize=False)
    assert [a.name for a in article.authors] == ["Minh Châu"] and len(article.paragraphs) == 2


def test_a_bare_name_under_the_title_is_no_byline():
    text = "Giá lúa tăng mạnh ở miền Tây\nBình Dương\n" + BODY
    assert vnnews.parse_article(text, tokenize=False).authors == []


@pytest.mark.parametrize("glue", ["\n", " "])  # a line of its own, or run into the last paragraph
@pytest.mark.parametrize("tail,authors,source", [
    ("Lan Phương   |  ", ["Lan Phương"], None),
    ("Lan Phương\u00a0\u00a0|\u00a0\u00a0", ["Lan Phương"], None),
    ("Hải Yến(Theo CNN)", ["Hải Yến"], "CNN"),
    ("Theo Slate", [], "Slate"),
])
def test_byline_at_the_end_of_an_article(glue, tail, authors, source):
    text = "Đoàn công tác thăm vùng lũ\n" + BODY.rstrip("\n") + glue + tail + "\n"
    article = vnnews.parse_article(text, tokenize=False)
    assert [a.name for a in article.authors] == authors and article.source == source
    assert article.paragraphs[-1].text.endswith("sạt lở nghiêm trọng.")


def test_a_byline_under_a_clause_closed_by_a_colon_is_read():
    text = "Đoàn công tác thăm vùng lũ\n" + BODY + "Mức hỗ trợ cho từng hộ dân được tính như sau:\nT.Hà\n"
    assert [a.name for a in vnnews.parse_article(text, tokenize=False).authors] == ["T.Hà"]

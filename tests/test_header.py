"""Metadata before the article: comment headers, JSON and YAML front matter."""
import datetime as dt

import vnnews
from vnnews.header import parse_header

BODY = "Tiêu đề bài viết hôm nay\nĐoạn thân bài thứ nhất có nội dung dài hơn một chút.\nĐoạn thứ hai.\n"


def test_comment_header():
    text = "# doc_id = news_01\n# url = https://example.vn/a.htm\n# date = 20201001\n" + BODY
    header = parse_header(text)
    assert header.meta == {"doc_id": "news_01", "url": "https://example.vn/a.htm", "date": "20201001"}
    start, end = header.spans["date"]
    assert text[start:end] == "20201001"
    assert text[header.end:].startswith("Tiêu đề")


def test_json_front_matter():
    text = '{"url": "https://example.vn/b.htm", "date": "2017-07-28", "tags": ["a", "b"]}\n' + BODY
    header = parse_header(text)
    assert header.meta["url"] == "https://example.vn/b.htm" and header.meta["tags"] == '["a", "b"]'
    assert text[slice(*header.spans["url"])] == "https://example.vn/b.htm"
    assert text[header.end:].lstrip().startswith("Tiêu đề")


def test_yaml_front_matter():
    text = '---\ntitle: "Tiêu đề bài viết hôm nay"\ndate: 2017-07-28\nurl: https://example.vn/c.htm\n---\n' + BODY
    header = parse_header(text)
    assert header.meta == {"title": "Tiêu đề bài viết hôm nay", "date": "2017-07-28", "url": "https://example.vn/c.htm"}
    assert text[slice(*header.spans["title"])] == "Tiêu đề bài viết hôm nay"


def test_no_header():
    assert parse_header(BODY).end == 0 and parse_header("---\nkhông phải front matter\n").meta == {}
    assert parse_header("{không phải JSON").end == 0


def test_header_feeds_the_record():
    text = "# url = https://example.vn/a.htm\n# date = 20201001\n" + BODY
    article = vnnews.parse_article(text, tokenize=False)
    assert article.url == "https://example.vn/a.htm"
    assert article.published == dt.date(2020, 10, 1)
    assert article.title == "Tiêu đề bài viết hôm nay"
    assert text[article.published_span.start:article.published_span.end] == "20201001"


def test_front_matter_authors_are_split_and_not_repeated_by_the_byline():
    text = ("---\nauthor: Minh Anh, Thu Hà\ndate: 2020-01-02\n---\n" + BODY + "Minh Anh\n")
    article = vnnews.parse_article(text, tokenize=False)
    assert [a.name for a in article.authors] == ["Minh Anh", "Thu Hà"]
    assert all(text[a.start:a.end] == a.name for a in article.authors)


# -- header records of research corpora: ``Title: ...`` lines ---------------------------------------
RECORD = ("Title: Thành phố mở thêm tuyến xe buýt\r\nSource: Cổng thông tin giao thông\r\n"
          "Link: https://giaothong.example.vn/xe-buyt-moi.html\r\nPublished Date: 2022-08-15 07:30:00\r\n"
          "Tags: giao thông, xe buýt\r\nContent: Từ tuần sau, hành khách có thể đi thẳng giữa hai bến xe.\r\n"
          "Giá vé lượt là 7.000 đồng.\r\n")


def test_header_record_lines_are_metadata_and_content_opens_the_body():
    header = parse_header(RECORD)
    assert header.record and header.meta["Tags"] == "giao thông, xe buýt" and "Content" not in header.meta
    assert RECORD[slice(*header.spans["Link"])] == "https://giaothong.example.vn/xe-buyt-moi.html"
    assert RECORD[header.end:].startswith("Từ tuần sau")  # the value of Content: is the first paragraph


def test_header_record_feeds_the_record_and_none_of_it_is_a_paragraph():
    article = vnnews.parse_article(RECORD, tokenize=False)
    assert article.title == "Thành phố mở thêm tuyến xe buýt" and article.source == "Cổng thông tin giao thông"
    assert article.url == "https://giaothong.example.vn/xe-buyt-moi.html"
    assert article.published.isoformat() == "2022-08-15T07:30:00+07:00"
    assert [p.text for p in article.paragraphs] == ["Từ tuần sau, hành khách có thể đi thẳng giữa hai bến xe.",
                                                    "Giá vé lượt là 7.000 đồng."]
    assert article.offset_errors(RECORD) == []


def test_vietnamese_header_record_summary_is_the_lead():
    text = ("Tiêu đề: Mở tuyến xe buýt mới\nTác giả: Lan Phương\nTóm tắt: Tuyến mới dài 24 km.\nNội dung:\n"
            "Từ tuần sau, hành khách đi thẳng giữa hai bến xe.\nGiá vé lượt là 7.000 đồng.\n")
    article = vnnews.parse_article(text, tokenize=False)
    assert article.title == "Mở tuyến xe buýt mới" and [a.name for a in article.authors] == ["Lan Phương"]
    assert article.lead.text == "Tuyến mới dài 24 km." == text[article.lead.start:article.lead.end]
    assert article.lead.text not in [p.text for p in article.paragraphs]
    assert [f.text for f in article.facts] == ["24 km", "7.000 đồng"]  # the summary is read for facts too


def test_header_record_fixtures_keep_summary_and_tags():
    from conftest import load_fixture

    article = vnnews.parse_article(load_fixture("header-record-crlf")[0], tokenize=False)
    assert article.lead.text.startswith("Giá lúa tươi") and article.meta["Tags"] == "nông nghiệp, giá lúa, miền Tây"
    assert vnnews.parse_article(load_fixture("header-record-vi")[0], tokenize=False).lead.text.startswith("Tuyến xe")


def test_one_key_line_or_an_unknown_key_is_no_header_record():
    assert not parse_header("Nguồn: Báo Nông Thôn\n" + BODY).record  # an article's own line
    assert parse_header("Hà Nội: Sáng nay mưa lớn\nTác giả: Lan Phương\n" + BODY).end == 0
    assert vnnews.parse_article("Tác giả: Lan Phương\n" + BODY, tokenize=False).meta == {}


def test_the_header_lexicon_has_every_key_with_its_type():
    from vnnews import lexicon

    words = lexicon.load("header")
    assert set(k for k in words if not k.startswith("_")) == {"fields", "record_meta", "content"}
    assert set(words["fields"]) == {"url", "published", "title", "authors", "source", "lead"}
    keys = [key for group in words["fields"].values() for key in group] + words["record_meta"] + words["content"]
    assert all(isinstance(k, str) and k == k.strip().lower() and k for k in keys)
    assert len(set(keys)) == len(keys), "a key feeds one field"


def test_header_record_with_blank_lines_and_no_content_key():
    text = ("ID: 4521\n\nTitle: Mở tuyến xe buýt mới\nDescription: Tuyến mới dài 24 km.\nCategory: Giao thông\n\n"
            "Từ tuần sau, hành khách đi thẳng giữa hai bến xe.\nGiá vé lượt là 7.000 đồng.\n")
    article = vnnews.parse_article(text, tokenize=False)
    assert article.title == "Mở tuyến xe buýt mới" and article.lead.text == "Tuyến mới dài 24 km."
    assert article.meta["ID"] == "4521" and article.meta["Category"] == "Giao thông"
    assert [p.text for p in article.paragraphs] == ["Từ tuần sau, hành khách đi thẳng giữa hai bến xe.",
                                                    "Giá vé lượt là 7.000 đồng."]

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

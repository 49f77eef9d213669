"""The record types: JSON form and round trips."""
import datetime as dt
from pathlib import Path

from dataclasses_json import DataClassJsonMixin

import vnnews
from vnnews.model import (VIETNAM_TZ, Article, Author, Caption, DateMention, Fact, Image, Paragraph,
                          ParseWarning, Sentence, Span, Token)

ARTICLE = Article(
    title="Tiêu đề", title_span=Span("Tiêu đề", 0, 7), published=dt.date(2017, 7, 28),
    authors=[Author("Thanh Bình", 90, 100, role="Tin, ảnh")], lead=Paragraph("Sapo", 20, 24),
    paragraphs=[Paragraph("Sapo", 20, 24)],
    images=[Image(30, 40, placeholder="img_1", placeholder_span=Span("img_1", 30, 35))],
    captions=[Caption("Ảnh: X", 36, 42, credit="X", image=0)],
    facts=[Fact("1.839 tỷ đồng", "money", 1839000000000, "VND", 50, 63, qualifier="trên", sentence=0),
           Fact("99,6%", "percent", 99.6, "%", 64, 69)],
    dates=[DateMention("sáng nay", 10, 18, dt.datetime(2017, 7, 28, 8, tzinfo=VIETNAM_TZ), "time", True)],
    sentences=[Sentence("Sapo", 20, 24, 0, [Token("Sapo", 20, 24)])],
    meta={"url": "x"}, warnings=[ParseWarning("w", "m", 1, 2)],
)


def test_to_dict_is_what_dataclasses_json_gives():
    assert ARTICLE.to_dict() == DataClassJsonMixin.to_dict(ARTICLE)
    assert ARTICLE.facts[0].to_dict() == DataClassJsonMixin.to_dict(ARTICLE.facts[0])


def test_round_trips():
    assert Article.from_dict(ARTICLE.to_dict()) == ARTICLE
    assert Article.from_json(ARTICLE.to_json()) == ARTICLE
    assert ARTICLE.to_dict()["published"] == "2017-07-28"
    assert ARTICLE.to_dict()["dates"][0]["value"] == "2017-07-28T08:00:00+07:00"


def test_parsed_seed_round_trips_with_tokens():
    text = (Path(__file__).parent.parent / "fixtures" / "seed-cualo-2017.txt").read_text(encoding="utf-8")
    article = vnnews.parse_article(text)
    assert article.to_dict() == DataClassJsonMixin.to_dict(article)
    assert Article.from_json(article.to_json()) == article
    assert not article.offset_errors(text)

"""The record types: JSON form and round trips."""
import datetime as dt
import json
from pathlib import Path

import pytest

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


def test_to_dict_is_plain_json_data_in_declaration_order():
    data = ARTICLE.to_dict()
    assert list(data) == ["title", "title_span", "published", "published_span", "authors", "source", "source_span",
                          "lead", "paragraphs", "images", "captions", "facts", "dates", "sentences", "related", "url",
                          "meta", "warnings"]
    assert data["title_span"] == {"text": "Tiêu đề", "start": 0, "end": 7}
    assert data["authors"] == [{"name": "Thanh Bình", "start": 90, "end": 100, "role": "Tin, ảnh"}]
    assert data["facts"][0] == {"text": "1.839 tỷ đồng", "kind": "money", "value": 1839000000000, "unit": "VND",
                                "start": 50, "end": 63, "qualifier": "trên", "sentence": 0, "per": None}
    assert data["sentences"] == [{"text": "Sapo", "start": 20, "end": 24, "paragraph": 0,
                                  "tokens": [{"text": "Sapo", "start": 20, "end": 24}]}]
    assert data["images"][0]["placeholder_span"] == {"text": "img_1", "start": 30, "end": 35}
    assert json.loads(json.dumps(data)) == data  # JSON-ready as it is
    assert ARTICLE.facts[0].to_dict() == data["facts"][0]


def test_from_dict_ignores_unknown_keys_and_fills_defaults():
    assert Span.from_dict({"text": "a", "start": 0, "end": 1, "extra": 5}) == Span("a", 0, 1)
    assert Sentence.from_dict({"text": "a", "start": 0, "end": 1}) == Sentence("a", 0, 1)
    assert Article.from_dict({}) == Article()
    with pytest.raises(KeyError):  # dataclasses-json: a field without a default must be given
        Span.from_dict({"text": "a"})


def test_one_span_shape():
    for piece in (Token, Paragraph, Sentence, Caption, DateMention):
        assert issubclass(piece, Span)
    assert Token("a", 0, 1) != Span("a", 0, 1)  # the same shape, still told apart
    assert type(Sentence.from_dict(Sentence("a", 0, 1, tokens=[Token("a", 0, 1)]).to_dict()).tokens[0]) is Token


def test_the_flat_list_codecs_write_what_the_walk_writes():
    """Facts, dates, paragraphs, captions, authors, related and warnings have a codec on their list
    (for speed): each record is written as its own dataclasses-json walk writes it, comes back
    equal, and a missing field without a default is a KeyError, as from the walk."""
    article = Article(related=[Span(">> Tin", 70, 76)], **{name: getattr(ARTICLE, name) for name in (
        "authors", "paragraphs", "captions", "facts", "dates", "warnings")})
    data = article.to_dict()
    for name in ("authors", "paragraphs", "captions", "facts", "dates", "related", "warnings"):
        assert data[name] == [record.to_dict() for record in getattr(article, name)], name
    assert Article.from_dict(json.loads(json.dumps(data))) == article
    assert Article.from_dict({"facts": [{"text": "5%", "kind": "percent", "value": 5, "unit": "%", "start": 0,
                                         "end": 2, "extra": 1}]}).facts == [Fact("5%", "percent", 5, "%", 0, 2)]
    with pytest.raises(KeyError):
        Article.from_dict({"dates": [{"text": "hôm nay", "start": 0}]})


def test_package_is_typed():
    assert (Path(vnnews.__file__).parent / "py.typed").exists()


def test_round_trips():
    assert Article.from_dict(ARTICLE.to_dict()) == ARTICLE
    assert Article.from_json(ARTICLE.to_json()) == ARTICLE
    assert ARTICLE.to_dict()["published"] == "2017-07-28"
    assert ARTICLE.to_dict()["dates"][0]["value"] == "2017-07-28T08:00:00+07:00"


def test_parsed_seed_round_trips_with_tokens():
    text = (Path(__file__).parent.parent / "fixtures" / "seed-cualo-2017.txt").read_text(encoding="utf-8")
    article = vnnews.parse_article(text)
    assert Article.from_json(article.to_json()) == article
    assert not article.offset_errors(text)


def test_the_bulk_codecs_write_every_field():
    """Sentences and tokens have codecs of their own on their fields (for speed): a field added to
    either must reach JSON and come back, as dataclasses-json's walk would take it."""
    import dataclasses

    sentence = Sentence("Giá tăng.", 0, 9, paragraph=2, tokens=[Token("Giá", 0, 3), Token("tăng", 4, 8)])
    written = Article(sentences=[sentence]).to_dict()["sentences"][0]
    assert list(written) == [f.name for f in dataclasses.fields(Sentence)]
    assert list(written["tokens"][0]) == [f.name for f in dataclasses.fields(Token)]
    assert Article.from_dict(Article(sentences=[sentence]).to_dict()).sentences == [sentence]

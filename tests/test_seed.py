"""The founding example: fixtures/seed-cualo-2017.txt parses to exactly the record in
fixtures/seed-cualo-2017.expected.json (values of the gold record, offsets found by hand)."""
import pytest

from conftest import fact_view, load_fixture, parse

TEXT, EXPECTED = load_fixture("seed-cualo-2017")


@pytest.fixture(scope="module")
def seed():
    return parse(TEXT)


def spans(items, *keys):
    return [{k: getattr(i, k) for k in keys} for i in items]


def test_the_offsets_of_the_expected_file_are_right():
    """The expected file is checked against the text itself, so that a wrong hand-made offset is not
    blamed on the parser."""
    for piece in [EXPECTED["title_span"], EXPECTED["published_span"], EXPECTED["lead"], *EXPECTED["paragraphs"],
                  *EXPECTED["captions"], *EXPECTED["facts"]]:
        assert TEXT[piece["start"]:piece["end"]] == piece["text"]
    for author in EXPECTED["authors"]:
        assert TEXT[author["start"]:author["end"]] == author["name"]


def test_title(seed):
    assert seed.title == EXPECTED["title"]
    assert spans([seed.title_span], "text", "start", "end") == [EXPECTED["title_span"]]


def test_published(seed):
    assert seed.published.isoformat() == EXPECTED["published"]
    line, got = EXPECTED["published_span"], seed.published_span
    assert line["start"] <= got.start < got.end <= line["end"] and "28/07/2017" in got.text


def test_authors_and_source(seed):
    assert spans(seed.authors, "name", "start", "end") == EXPECTED["authors"]
    assert seed.authors[0].role is None
    assert (seed.source, seed.source_span) == (EXPECTED["source"], None)


def test_images(seed):
    keys = ("placeholder", "alt", "caption", "start", "end")
    assert spans(seed.images, *keys) == [{k: i[k] for k in keys} for i in EXPECTED["images"]]
    for got, expected in zip(seed.images, EXPECTED["images"]):
        for key in ("placeholder_span", "alt_span", "caption_span"):
            span = getattr(got, key)
            assert (span and spans([span], "text", "start", "end")[0]) == (expected[key] or None), key


def test_captions(seed):
    assert spans(seed.captions, "text", "start", "end", "image", "credit") == EXPECTED["captions"]


def test_paragraphs_and_lead(seed):
    assert spans(seed.paragraphs, "text", "start", "end") == EXPECTED["paragraphs"]
    assert spans([seed.lead], "text", "start", "end") == [EXPECTED["lead"]]


def test_facts(seed):
    scored = [f for f in seed.facts if f.kind in ("money", "percent", "quantity", "rate")]
    assert [dict(fact_view(f), start=f.start, end=f.end) for f in scored] == \
        [dict(fact_view(f), start=f["start"], end=f["end"]) for f in EXPECTED["facts"]]


def test_facts_stand_in_their_sentences(seed):
    for fact in seed.facts:
        sentence = seed.sentences[fact.sentence]
        assert sentence.start <= fact.start < fact.end <= sentence.end


def test_metadata(seed):
    assert (seed.url, seed.meta, seed.related) == (EXPECTED["url"], EXPECTED["meta"], EXPECTED["related"])


def test_json_round_trip(seed):
    from vnnews import Article

    assert Article.from_json(seed.to_json()) == seed
    assert seed.to_dict()["published"] == "2017-07-28"

"""The batch engine: order, laziness, crash handling, serialisation, resume bookkeeping."""
import io
import itertools
import json
import os

import pytest

import vnnews
from vnnews import batch

TEXTS = [
    "Giá xăng giảm 500 đồng/lít\n\nNgày 12/3/2024\n\nTừ 15h chiều nay, giá xăng RON 95 giảm 500 đồng.",
    "Đà Nẵng đón 1,2 triệu lượt khách\n\nLượng khách tăng 15% so với cùng kỳ năm trước.",
    "Mưa lớn ở miền Trung\n\nLượng mưa phổ biến 100-200 mm, có nơi trên 300 mm.",
]


def upper_or_die(text):
    """A picklable task that kills its worker process on the word 'poison'."""
    if text == "poison":
        os._exit(3)
    return text.upper()


def dead(item, error):
    return "DEAD:" + item


def test_json_line_survives_lone_surrogates():
    assert json.loads(batch.json_line({"text": "a\ud800b"})) == {"text": "a\ud800b"}
    assert batch.json_line({"text": "đ"}) == '{"text": "đ"}\n'.encode("utf-8")


@pytest.mark.parametrize("workers", [1, 2])
def test_ordered_map_keeps_order(workers):
    texts = ["t%d" % i for i in range(50)]
    assert list(batch.ordered_map(str.upper, texts, dead, workers, chunksize=3)) == [t.upper() for t in texts]


def test_ordered_map_is_lazy_and_bounded():
    pulled = itertools.count()

    def endless():
        for number in itertools.count():
            next(pulled)
            yield "t%d" % number

    results = batch.ordered_map(str.upper, endless(), dead, workers=2, chunksize=4)
    assert list(itertools.islice(results, 10)) == ["T%d" % i for i in range(10)]
    results.close()
    # at most 4 chunks a worker in flight, plus the chunk being read
    assert next(pulled) <= 4 * 2 * 4 + 4 + 10


def test_worker_death_costs_one_item_only():
    texts = ["a", "b", "poison", "c", "d", "e", "f", "g", "h"]
    results = list(batch.ordered_map(upper_or_die, texts, dead, workers=2, chunksize=2))
    assert results == ["A", "B", "DEAD:poison", "C", "D", "E", "F", "G", "H"]


def test_parse_many_in_order_and_failures_marked():
    inputs = [TEXTS[0], None, TEXTS[1]]
    articles = list(vnnews.parse_many(iter(inputs), workers=2, tokenize=False, chunksize=1))
    assert len(articles) == 3
    assert articles[0] == vnnews.parse_article(TEXTS[0], tokenize=False)
    assert articles[2] == vnnews.parse_article(TEXTS[1], tokenize=False)
    assert [w.code for w in articles[1].warnings] == ["parse_error"]
    assert "TypeError" in articles[1].warnings[0].message


def test_parse_many_in_process_matches_parse_article():
    assert list(vnnews.parse_many(TEXTS, tokenize=False)) == [vnnews.parse_article(t, tokenize=False) for t in TEXTS]


def test_recorded_ids_drops_truncated_last_line(tmp_path):
    out = tmp_path / "out.jsonl"
    whole = batch.json_line({"id": "a", "article": {}}) + batch.json_line({"id": 7, "article": {}})
    out.write_bytes(whole + b'{"id": "c", "artic')
    assert batch.recorded_ids(out) == {batch.id_key("a"), batch.id_key(7)}
    assert out.read_bytes() == whole
    out.write_bytes(b'{"id": "only-partial')
    assert batch.recorded_ids(out) == set() and out.read_bytes() == b""
    assert batch.recorded_ids(tmp_path / "missing.jsonl") == set()


def test_default_errors_path(tmp_path):
    assert batch.default_errors_path(tmp_path / "out.jsonl") == tmp_path / "out.errors.jsonl"
    assert batch.default_errors_path(tmp_path / "out") == tmp_path / "out.errors.jsonl"


def test_progress_only_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    quiet, terminal = io.StringIO(), Terminal()
    for stream in (quiet, terminal):
        progress = batch.Progress(total=10, stream=stream)
        progress.update(4, 1, force=True)
        progress.close()
    assert quiet.getvalue() == ""
    assert "4 done, 1 failed" in terminal.getvalue() and "ETA" in terminal.getvalue()

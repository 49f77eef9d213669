"""The batch engine: order, laziness, crash handling, serialisation, resume bookkeeping."""
import collections
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
    mapped = batch.ordered_map(str.upper, texts, dead, workers, chunksize=3, items_per_worker=1)
    assert list(mapped) == [t.upper() for t in texts]


def test_ordered_map_is_lazy_and_bounded():
    pulled = itertools.count()

    def endless():
        for number in itertools.count():
            next(pulled)
            yield "t%d" % number

    results = batch.ordered_map(str.upper, endless(), dead, workers=2, chunksize=4, items_per_worker=1)
    assert list(itertools.islice(results, 10)) == ["T%d" % i for i in range(10)]
    results.close()
    # at most 4 chunks a worker in flight, plus the chunk being read, plus the two read ahead to count
    assert next(pulled) <= 4 * 2 * 4 + 4 + 10 + 2


def test_worker_death_costs_one_item_only():
    texts = ["a", "b", "poison", "c", "d", "e", "f", "g", "h"]
    results = list(batch.ordered_map(upper_or_die, texts, dead, workers=2, chunksize=2, items_per_worker=1))
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


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_only_on_a_terminal():
    quiet, terminal = io.StringIO(), Terminal()
    for stream in (quiet, terminal):
        progress = batch.Progress(total=10, stream=stream)
        progress.start()
        progress.update(4, 1, force=True)
        progress.close()
    assert quiet.getvalue() == ""
    assert "starting" in terminal.getvalue() and "4 done, 1 failed" in terminal.getvalue()


def test_progress_shows_at_once_and_counts_rate_and_eta_from_the_first_result(monkeypatch):
    clock = iter([100.0, 102.0])  # the first result after a long start-up, then 2 items a second
    monkeypatch.setattr(batch.time, "monotonic", lambda: next(clock))
    terminal = Terminal()
    progress = batch.Progress(total=104, stream=terminal)
    progress.start()
    assert "starting" in terminal.getvalue()
    progress.update(0, 0, force=True)  # the first result: no rate yet, and none skewed by start-up
    assert "articles/s" not in terminal.getvalue().split("\r")[-1]
    progress.update(4, 0, force=True)
    assert terminal.getvalue().split("\r")[-1].endswith("4 done, 0 failed, 2.0 articles/s, ETA 0:50")


def test_summary_rate_counts_parsed_articles_only():
    assert "articles/s" not in batch.BatchResult(done=0, failed=500, seconds=0.02).summary()
    result = batch.BatchResult(done=10, failed=5, seconds=2.0, reasons=collections.Counter(missing_field=5))
    assert result.summary().endswith("in 2.0 s, 5.0 articles/s (failed: 5 missing_field)")
    result.interrupted = True
    assert "--resume" in result.summary()


def test_workers_never_more_than_the_work_needs(monkeypatch):
    pools = []
    monkeypatch.setattr(batch, "_pool_map", lambda fn, items, on_death, workers, chunksize: pools.append(workers) or map(fn, items))
    assert list(batch.ordered_map(str.upper, ["a"] * 5, dead, workers=8, items_per_worker=2)) == ["A"] * 5
    assert pools == [2]  # 5 items, at least 2 a worker
    assert list(batch.ordered_map(str.upper, ["a"] * 3, dead, workers=8, items_per_worker=2)) == ["A"] * 3
    assert pools == [2]  # 3 items: not enough for a second worker, parsed in this process
    list(batch.ordered_map(str.upper, ["a"] * 100, dead, workers=2, items_per_worker=2))
    assert pools == [2, 2]


def test_json_type_names():
    assert [batch.json_type(v) for v in (None, 1, 1.5, True, "x", [], {})] == [
        "null", "number", "number", "boolean", "string", "array", "object"]


def test_parse_many_passes_the_reference():
    import datetime as dt

    undated = "Người dân đổ về trung tâm\n\nHôm qua, 300 khách đã vào hội chợ."
    (article,) = vnnews.parse_many([undated], tokenize=False, reference=dt.date(2024, 3, 12))
    assert article.dates[0].value == dt.date(2024, 3, 11)


def test_run_batch_with_worker_processes(tmp_path, monkeypatch):
    monkeypatch.setattr(batch.settings, "MIN_ITEMS_PER_WORKER", 2)  # so that 6 items get 2 workers
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": TEXTS[i % 3]}, ensure_ascii=False) + "\n"
                              for i in range(6)), encoding="utf-8")
    result = batch.run_batch([source], tmp_path / "out.jsonl", workers=2, tokenize=False, chunksize=1)
    assert (result.done, result.failed, result.interrupted) == (6, 0, False)
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == list(range(6))
    assert vnnews.Article.from_dict(lines[4]["article"]) == vnnews.parse_article(TEXTS[1], tokenize=False)

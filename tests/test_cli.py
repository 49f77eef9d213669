"""The vnnews command end to end, in a subprocess as a user runs it."""
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from vnnews import Article, parse_article

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Giá xăng giảm 500 đồng/lít\n\nNgày 12/3/2024\n\nTừ 15h chiều nay, giá xăng RON 95 giảm 500 đồng.\n"


def vnnews(*args, stdin=None, check=True):
    result = subprocess.run([sys.executable, "-m", "vnnews.cli", *map(str, args)], input=stdin,
                            capture_output=True, timeout=120)
    if check:
        assert result.returncode == 0, result.stderr.decode()
    return result


def read_jsonl(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def test_parse_file_stdin_and_pretty(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    record = json.loads(vnnews("parse", path, "--no-tokens").stdout)
    assert Article.from_dict(record) == parse_article(TEXT, tokenize=False)
    assert json.loads(vnnews("parse", "-", "--no-tokens", stdin=TEXT.encode()).stdout) == record
    pretty = vnnews("parse", path, "--no-tokens", "--pretty").stdout.decode()
    assert pretty.startswith("{\n  ") and json.loads(pretty) == record


def test_parse_missing_file_fails_cleanly(tmp_path):
    result = vnnews("parse", tmp_path / "nope.txt", check=False)
    assert result.returncode == 1
    assert b"nope.txt" in result.stderr and b"Traceback" not in result.stderr


def write_inputs(tmp_path):
    """A folder of .txt files and a JSONL with every kind of bad line; returns (inputs, expected)
    where expected is the (id, reason or None) of every item in input order."""
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(TEXT, encoding="utf-8")
    (folder / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")  # binary
    (folder / "sub" / "c.txt").write_text(TEXT.replace("500", "700"), encoding="utf-8")
    (folder / "empty.txt").write_text(" \n\n", encoding="utf-8")
    (folder / "notes.md").write_text("not an input", encoding="utf-8")
    lines = [
        json.dumps({"id": "good-1", "text": TEXT}, ensure_ascii=False),
        '{"id": "broken", "text": ',
        json.dumps({"id": "no-text", "body": TEXT}),
        json.dumps({"id": 42, "text": ["not", "a", "string"]}),
        json.dumps({"text": "   "}),
        json.dumps({"id": "huge", "text": "Một câu rất dài. " * 400}, ensure_ascii=False),
        "",
        json.dumps(["an", "array"]),
        json.dumps({"text": TEXT}, ensure_ascii=False),
    ]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_bytes("\n".join(lines).encode("utf-8") + b"\n" + b'{"id": "latin1", "text": "\xe0"}\n')
    expected = [
        (str(folder / "a.txt"), "binary"),
        (str(folder / "b.txt"), None),
        (str(folder / "empty.txt"), "empty"),
        (str(folder / "sub" / "c.txt"), None),
        ("good-1", None),
        ("%s:2" % jsonl, "invalid_json"),
        ("no-text", "missing_field"),
        (42, "not_string"),
        ("%s:5" % jsonl, "empty"),
        ("huge", "too_large"),
        ("%s:8" % jsonl, "not_object"),
        ("%s:9" % jsonl, None),
        ("%s:10" % jsonl, "encoding"),
    ]
    return [folder, jsonl], expected


def test_batch_accounts_for_every_input_in_order(tmp_path):
    inputs, expected = write_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    result = vnnews("batch", *inputs, "-o", out, "--workers", "2", "--no-tokens", "--max-chars", "5000")
    output, errors = read_jsonl(out), read_jsonl(tmp_path / "out.errors.jsonl")
    assert [r["id"] for r in output] == [i for i, reason in expected if reason is None]
    assert [(r["id"], r["reason"]) for r in errors] == [(i, reason) for i, reason in expected if reason]
    assert all(r["error"] for r in errors)
    assert Article.from_dict(output[0]["article"]) == parse_article(TEXT, tokenize=False)
    assert result.stdout == b""
    assert b"4 done, 9 failed" in result.stderr and b"articles/s" in result.stderr
    assert b"\r" not in result.stderr  # no progress bar when stderr is not a terminal


def test_batch_gzip_jsonl_custom_fields_and_errors_path(tmp_path):
    source = tmp_path / "in.jsonl.gz"
    with gzip.open(source, "wt", encoding="utf-8") as f:
        for number in range(3):
            f.write(json.dumps({"key": "k%d" % number, "body": TEXT}, ensure_ascii=False) + "\n")
    out, errors = tmp_path / "out.jsonl", tmp_path / "bad.jsonl"
    vnnews("batch", source, "-o", out, "--errors", errors, "--text-field", "body", "--id-field", "key",
           "--workers", "1", "--no-tokens")
    assert [r["id"] for r in read_jsonl(out)] == ["k0", "k1", "k2"]
    assert errors.read_text() == ""


def test_batch_with_tokens(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 1, "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    vnnews("batch", source, "-o", tmp_path / "out.jsonl", "--workers", "1")
    (record,) = read_jsonl(tmp_path / "out.jsonl")
    assert Article.from_dict(record["article"]) == parse_article(TEXT)


def test_resume_after_a_kill(tmp_path):
    inputs, expected = write_inputs(tmp_path)
    full, out = tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    args = ["--workers", "1", "--no-tokens", "--max-chars", "5000"]
    vnnews("batch", *inputs, "-o", full, *args)
    complete = full.read_bytes().splitlines(keepends=True)
    errors = (tmp_path / "full.errors.jsonl").read_bytes().splitlines(keepends=True)
    # a run killed while writing its fourth record: three whole lines and half of the next one
    out.write_bytes(b"".join(complete[:3]) + complete[3][:25])
    (tmp_path / "out.errors.jsonl").write_bytes(b"".join(errors[:2]))
    result = vnnews("batch", *inputs, "-o", out, "--resume", *args)
    assert out.read_bytes() == full.read_bytes()
    assert (tmp_path / "out.errors.jsonl").read_bytes() == b"".join(errors)
    assert b"skipped" in result.stderr
    again = vnnews("batch", *inputs, "-o", out, "--resume", *args)  # nothing left to do
    assert out.read_bytes() == full.read_bytes()
    assert b"0 done, 0 failed, 13 skipped" in again.stderr


def test_batch_missing_input_is_a_usage_error(tmp_path):
    result = vnnews("batch", tmp_path / "nope", "-o", tmp_path / "out.jsonl", check=False)
    assert result.returncode == 1 and b"nope" in result.stderr


@pytest.mark.parametrize("bad", [["--workers", "0"], ["--max-chars", "x"]])
def test_batch_rejects_bad_options(tmp_path, bad):
    assert vnnews("batch", tmp_path, "-o", tmp_path / "o.jsonl", *bad, check=False).returncode == 2


def test_batch_reads_jsonl_from_stdin(tmp_path):
    lines = [json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False), "not json",
             json.dumps({"text": TEXT.replace("500", "700")}, ensure_ascii=False)]
    out = tmp_path / "out.jsonl"
    vnnews("batch", "-", "-o", out, "--workers", "1", "--no-tokens", stdin="\n".join(lines).encode())
    assert [r["id"] for r in read_jsonl(out)] == ["a", "-:3"]
    assert [(r["id"], r["reason"]) for r in read_jsonl(tmp_path / "out.errors.jsonl")] == [("-:2", "invalid_json")]
    twice = vnnews("batch", "-", "-", "-o", out, stdin=b"", check=False)
    assert twice.returncode == 1 and b"only once" in twice.stderr and b"Traceback" not in twice.stderr

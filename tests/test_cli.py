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


# -- outputs never destroy inputs or each other --------------------------------------------------

def jsonl_input(tmp_path, name="in.jsonl", count=2):
    path = tmp_path / name
    path.write_text("".join(json.dumps({"id": i, "text": TEXT}, ensure_ascii=False) + "\n" for i in range(count)),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("clash", ["out-is-input", "errors-is-input", "out-is-errors", "link-to-input"])
def test_batch_refuses_outputs_that_would_overwrite_an_input(tmp_path, clash):
    source = jsonl_input(tmp_path)
    before = source.read_bytes()
    other = tmp_path / "other.jsonl"
    (tmp_path / "link.jsonl").symlink_to(source)
    out, errors = {
        "out-is-input": (source, other),
        "errors-is-input": (other, tmp_path / "." / "in.jsonl"),
        "out-is-errors": (other, tmp_path / "sub" / ".." / "other.jsonl"),
        "link-to-input": (tmp_path / "link.jsonl", other),
    }[clash]
    (tmp_path / "sub").mkdir()
    other.write_bytes(b"kept\n")
    result = vnnews("batch", source, "-o", out, "--errors", errors, "--no-tokens", check=False)
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert b"same file" in result.stderr or b"also an input" in result.stderr
    assert source.read_bytes() == before and other.read_bytes() == b"kept\n"


def test_batch_checks_both_outputs_before_emptying_either(tmp_path):
    source, out = jsonl_input(tmp_path), tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "earlier", "article": {}}\n')
    result = vnnews("batch", source, "-o", out, "--errors", tmp_path / "missing" / "err.jsonl", check=False)
    assert result.returncode == 1 and b"err.jsonl" in result.stderr
    assert out.read_bytes() == b'{"id": "earlier", "article": {}}\n'  # the old output is still there
    fresh = tmp_path / "fresh.jsonl"
    vnnews("batch", source, "-o", fresh, "--errors", tmp_path / "missing" / "err.jsonl", check=False)
    assert not fresh.exists()  # nothing left behind by the failed start


# -- inputs and messages -------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["in.ndjson", "in.json"])
def test_batch_reads_json_lines_files_of_every_usual_name(tmp_path, name):
    out = tmp_path / "out.jsonl"
    vnnews("batch", jsonl_input(tmp_path, name, 3), "-o", out, "--workers", "1", "--no-tokens")
    assert [r["id"] for r in read_jsonl(out)] == [0, 1, 2]


@pytest.mark.parametrize("name", ["in.json", "in.json.gz"])
def test_batch_reads_a_json_array_document(tmp_path, name):
    document = json.dumps([{"id": i, "text": TEXT} for i in range(3)], ensure_ascii=False, indent=2).encode()
    source, out = tmp_path / name, tmp_path / "out.jsonl"
    source.write_bytes(gzip.compress(document) if name.endswith(".gz") else document)
    vnnews("batch", source, "-o", out, "--workers", "1", "--no-tokens")
    assert [r["id"] for r in read_jsonl(out)] == [0, 1, 2]


def test_batch_reads_one_object_written_over_several_lines(tmp_path):
    source, out = tmp_path / "one.json", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"text": TEXT}, ensure_ascii=False, indent=2), encoding="utf-8")
    vnnews("batch", source, "-o", out, "--workers", "1", "--no-tokens")
    assert [r["id"] for r in read_jsonl(out)] == ["%s:1" % source]


def test_a_json_array_of_other_values_reports_each(tmp_path):
    source, out = tmp_path / "in.json", tmp_path / "out.jsonl"
    source.write_text(json.dumps([{"id": "a", "text": TEXT}, "not an object", {"id": "c", "body": TEXT}]), encoding="utf-8")
    vnnews("batch", source, "-o", out, "--workers", "1", "--no-tokens")
    errors = read_jsonl(tmp_path / "out.errors.jsonl")
    assert [r["id"] for r in read_jsonl(out)] == ["a"]
    assert [(e["id"], e["reason"]) for e in errors] == [("%s:2" % source, "not_object"), ("c", "missing_field")]


def test_missing_text_field_names_the_keys_lines_have(tmp_path):
    source, out = jsonl_input(tmp_path), tmp_path / "out.jsonl"
    result = vnnews("batch", source, "-o", out, "--text-field", "body", "--workers", "1", "--no-tokens")
    (first, _) = read_jsonl(tmp_path / "out.errors.jsonl")
    assert first["reason"] == "missing_field" and "'id', 'text'" in first["error"] and "--text-field" in first["error"]
    assert b"0 done, 2 failed" in result.stderr and b"articles/s" not in result.stderr
    assert b"2 missing_field" in result.stderr


def test_json_errors_name_json_types(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text('null\n{"text": null}\n{"text": 5}\n', encoding="utf-8")
    vnnews("batch", source, "-o", out, "--workers", "1", "--no-tokens")
    errors = [r["error"] for r in read_jsonl(tmp_path / "out.errors.jsonl")]
    assert errors == ["a JSON null, not an object", "'text' is a JSON null, not a string",
                      "'text' is a JSON number, not a string"]


def test_version_and_plain_messages(tmp_path):
    assert vnnews("--version").stdout.decode().strip() == "vnnews " + vnnews_version()
    bad = vnnews("batch", tmp_path, "-o", tmp_path / "o.jsonl", "--workers", "abc", check=False)
    assert bad.returncode == 2 and b"'abc' is not a whole number" in bad.stderr and b"_positive" not in bad.stderr
    folder = vnnews("parse", tmp_path, check=False)
    assert folder.returncode == 1 and b"is a folder" in folder.stderr and b"vnnews batch" in folder.stderr
    packed = tmp_path / "a.txt.gz"
    packed.write_bytes(gzip.compress(TEXT.encode("utf-8")))
    gz = vnnews("parse", packed, check=False)
    assert gz.returncode == 1 and b"gzip" in gz.stderr and b"NUL" not in gz.stderr
    assert b"is not an ISO date" in vnnews("parse", packed, "--reference", "hôm qua", check=False).stderr
    naive = vnnews("parse", packed, "--reference", "2024-03-12T08:00", check=False)
    assert naive.returncode == 2 and b"with its offset" in naive.stderr


def vnnews_version():
    import vnnews as package

    return package.__version__


def test_parse_with_no_argument_on_a_terminal_says_it_reads_stdin():
    # a pseudo-terminal as stdin, so that isatty() is true; the hint comes before any input is read
    import os
    import pty
    import select

    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "vnnews.cli", "parse", "--no-tokens"], stdin=terminal,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.close(terminal)
    try:
        ready, _, _ = select.select([process.stderr], [], [], 60)
        assert ready and b"standard input" in process.stderr.readline()
        os.write(controller, TEXT.encode("utf-8") + b"\x04")
        assert json.loads(process.communicate(timeout=60)[0])["title"]
    finally:
        process.kill()
        os.close(controller)


# -- reproducibility -----------------------------------------------------------------------------

UNDATED = "Người dân đổ về trung tâm\n\nHôm qua, 20 phút sau khi mở cửa, 300 khách đã vào hội chợ.\n"


def test_batch_reference_resolves_undated_articles(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps({"id": "u", "text": UNDATED}, ensure_ascii=False) + "\n", encoding="utf-8")
    vnnews("batch", source, "-o", out, "--workers", "1", "--no-tokens", "--reference", "2024-03-12")
    (record,) = read_jsonl(out)
    assert record["article"]["dates"][0]["text"] == "Hôm qua"
    assert record["article"]["dates"][0]["value"] == "2024-03-11"
    assert "unresolved_dates" not in [w["code"] for w in record["article"]["warnings"]]


def test_killed_and_resumed_batch_is_byte_identical_with_an_undated_article(tmp_path):
    texts = [TEXT, UNDATED, TEXT.replace("500", "800"), UNDATED.replace("300", "400")]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(texts)), encoding="utf-8")
    full, out = tmp_path / "full.jsonl", tmp_path / "out.jsonl"
    vnnews("batch", source, "-o", full, "--workers", "1", "--no-tokens")
    lines = full.read_bytes().splitlines(keepends=True)
    out.write_bytes(lines[0] + lines[1][:40])  # killed while writing the undated article
    vnnews("batch", source, "-o", out, "--workers", "1", "--no-tokens", "--resume")
    assert out.read_bytes() == full.read_bytes()


def test_ctrl_c_leaves_whole_lines_and_a_summary(tmp_path):
    import signal
    import time

    # far more items than a loaded machine parses between the first line and the signal
    source, out = jsonl_input(tmp_path, count=30000), tmp_path / "out.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "vnnews.cli", "batch", str(source), "-o", str(out),
                                "--workers", "1", "--no-tokens"], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, (stderr[-600:], out.stat().st_size)
    assert b"interrupted" in stderr and b"--resume" in stderr and b"Traceback" not in stderr
    assert out.read_bytes().endswith(b"\n") and len(read_jsonl(out)) < 30000

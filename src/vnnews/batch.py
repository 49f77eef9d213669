"""Parse many articles: the ordered, bounded, crash-proof engine behind ``vnnews.parse_many`` and
``vnnews batch``.

Work goes to ``spawn`` worker processes in chunks; at most a few chunks per worker are in flight, so
memory stays flat however long the input is, and results come back in input order.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import gzip
import itertools
import json
import multiprocessing
import os
import sys
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, List, NamedTuple, Optional, Sequence

from .article import parse_article
from .decode import DecodeError, read_text
from .limits import DEFAULT_MAX_CHARS
from .model import Article, ParseWarning

DEFAULT_CHUNKSIZE = 16
STDIN = Path("-")  # an input named - is JSONL read from standard input (zcat x.jsonl.gz | vnnews batch -)
PARSE_ERROR = "parse_error"  # ParseWarning code and error reason of a text the parser failed on

# ---------------------------------------------------------------------------------------------
# Serialisation (the records' own to_dict() in model.py is the fast one)


def json_line(value: Any) -> bytes:
    """One JSON line as UTF-8; a lone surrogate (possible in JSON input) is escaped, not fatal."""
    try:
        return (json.dumps(value, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(value) + "\n").encode("ascii")


# ---------------------------------------------------------------------------------------------
# The engine


def ordered_map(fn: Callable, items: Iterable, on_death: Callable, workers: int = 1,
                chunksize: int = DEFAULT_CHUNKSIZE) -> Iterator:
    """``fn`` over ``items``, lazily and in order; ``workers > 1`` runs it in spawn processes.

    ``fn`` must be picklable (a module-level function or a partial of one) and should not raise.
    If a worker process dies (killed, out of memory, a crash in C code), the items in flight are
    run again one at a time, and an item that kills its worker on its own yields
    ``on_death(item, error)`` in its place.
    """
    if workers <= 1:
        return map(fn, items)
    return _pool_map(fn, iter(items), on_death, workers, max(1, chunksize))


def _map_chunk(fn: Callable, chunk: list) -> list:
    return [fn(item) for item in chunk]


def _new_pool(workers: int) -> ProcessPoolExecutor:
    # spawn, not fork: forking a process that has loaded underthesea's native libraries and their
    # threads can deadlock, and spawn behaves the same on every platform
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def _pool_map(fn, items: Iterator, on_death, workers: int, chunksize: int) -> Iterator:
    chunks = iter(lambda: list(itertools.islice(items, chunksize)), [])
    pool = _new_pool(workers)
    window: deque = deque()
    try:
        while True:
            while len(window) < 4 * workers:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                window.append((chunk, pool.submit(_map_chunk, fn, chunk)))
            if not window:
                return
            chunk, future = window.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # every chunk in flight died with the pool, and any of them may hold the culprit
                suspects = chunk + [item for pending, _ in window for item in pending]
                window.clear()
                pool.shutdown(wait=True)
                results = _isolate(fn, suspects, on_death)
                pool = _new_pool(workers)
            yield from results
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _isolate(fn, suspects: list, on_death) -> list:
    """Run ``suspects`` one at a time, so that a worker death has a single culprit."""
    results = []
    pool = _new_pool(1)
    try:
        for item in suspects:
            try:
                results.append(pool.submit(fn, item).result())
            except BrokenProcessPool as error:
                pool.shutdown(wait=True)
                pool = _new_pool(1)
                try:  # a worker that cannot even run a no-op means no item is to blame
                    pool.submit(int).result()
                except BrokenProcessPool:
                    raise RuntimeError("vnnews worker processes die on start; with spawn, the main "
                                       "module must be importable (a file, guarded by "
                                       "if __name__ == '__main__')") from error
                results.append(on_death(item, error))
    finally:
        pool.shutdown(wait=True)
    return results


# ---------------------------------------------------------------------------------------------
# parse_many


def _failed_article(message: str) -> Article:
    return Article(warnings=[ParseWarning(PARSE_ERROR, message)])


def parse_safely(text, tokenize: bool = True) -> Article:
    """parse_article, except that an error gives an empty Article with a ``parse_error`` warning."""
    try:
        return parse_article(text, tokenize=tokenize)
    except Exception as error:  # one bad text must not end the run: it becomes a marked record
        return _failed_article("%s: %s" % (type(error).__name__, error))


def _died_article(text, error) -> Article:
    return _failed_article("worker process died: %s" % error)


def parse_many(
    texts: Iterable[str],
    workers: int = 1,
    tokenize: bool = True,
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> Iterator[Article]:
    """Parse ``texts`` (any iterable, consumed lazily) and yield one Article per text, in order.

    ``workers > 1`` parses in that many processes with bounded memory: a 100,000-text generator is
    never materialised. Nothing is dropped: a text that makes the parser raise (or kills its
    worker) yields an empty Article whose only warning has code ``"parse_error"`` and the error as
    message, so results stay aligned with inputs.
    """
    parse = functools.partial(parse_safely, tokenize=tokenize)
    return ordered_map(parse, texts, _died_article, workers, chunksize)


# ---------------------------------------------------------------------------------------------
# Batch inputs: every input item becomes exactly one Item, good or failed


class Item(NamedTuple):
    id: Any
    text: Optional[str] = None
    reason: Optional[str] = None  # set when the item failed before parsing
    error: Optional[str] = None


def _checked(item_id, text: str, max_chars: int) -> Item:
    if not text.strip():
        return Item(item_id, reason="empty", error="no text")
    if len(text) > max_chars:
        return Item(item_id, reason="too_large", error="%d characters > %d" % (len(text), max_chars))
    return Item(item_id, text)


class InputError(ValueError):
    """The batch inputs, as given, cannot be read (a usage error, before any item is parsed)."""


def _is_jsonl(path: Path) -> bool:
    return path == STDIN or path.name.endswith((".jsonl", ".jsonl.gz"))


def expand_inputs(inputs: Sequence) -> List[Path]:
    """Input paths with folders replaced by their ``*.txt`` files (recursive, sorted); ``-`` stays,
    for standard input."""
    paths: List[Path] = []
    for name in inputs:
        path = Path(name)
        if path == STDIN:
            if STDIN in paths:
                raise InputError("standard input (-) can be read only once")
            paths.append(path)
        elif path.is_dir():
            paths.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        elif path.exists():
            paths.append(path)
        else:
            raise FileNotFoundError("no such file or folder: %s" % name)
    return paths


def _read_txt(path: Path, max_chars: int) -> Item:
    item_id = str(path)
    try:
        size = path.stat().st_size
        if size > 4 * max_chars:  # UTF-8 needs at most 4 bytes a character: too large unread
            return Item(item_id, reason="too_large", error="%d bytes > %d characters" % (size, max_chars))
        data = path.read_bytes()
    except OSError as error:
        return Item(item_id, reason="unreadable", error=str(error))
    try:
        text = read_text(data).text
    except DecodeError as error:
        return Item(item_id, reason=error.reason, error=str(error))
    return _checked(item_id, text, max_chars)


def _jsonl_item(raw: bytes, default_id: str, text_field: str, id_field: str, max_chars: int) -> Item:
    try:
        record = json.loads(raw)
    except UnicodeDecodeError as error:
        return Item(default_id, reason="encoding", error=str(error))
    except ValueError as error:
        return Item(default_id, reason="invalid_json", error=str(error))
    if not isinstance(record, dict):
        return Item(default_id, reason="not_object", error="a JSON %s, not an object" % type(record).__name__)
    item_id = record.get(id_field)
    if item_id is None:
        item_id = default_id
    if text_field not in record:
        return Item(item_id, reason="missing_field", error="no %r field" % text_field)
    text = record[text_field]
    if not isinstance(text, str):
        return Item(item_id, reason="not_string", error="%r is a JSON %s" % (text_field, type(text).__name__))
    return _checked(item_id, text, max_chars)


def _open_jsonl(path: Path):
    if path == STDIN:
        return contextlib.nullcontext(sys.stdin.buffer)  # not ours to close
    return (gzip.open if path.suffix == ".gz" else open)(path, "rb")


def _read_jsonl(path: Path, text_field: str, id_field: str, max_chars: int) -> Iterator[Item]:
    number = 0
    try:
        with _open_jsonl(path) as lines:
            for number, raw in enumerate(lines, 1):
                if raw.strip():  # blank lines hold no item
                    yield _jsonl_item(raw, "%s:%d" % (path, number), text_field, id_field, max_chars)
    except (OSError, EOFError) as error:  # unreadable or corrupt (gzip) file: the rest is lost
        yield Item("%s:%d" % (path, number + 1), reason="unreadable", error=str(error))


def iter_items(
    paths: Iterable[Path],
    text_field: str = "text",
    id_field: str = "id",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    for path in paths:
        if _is_jsonl(path):
            yield from _read_jsonl(path, text_field, id_field, max_chars)
        else:
            yield _read_txt(path, max_chars)


# ---------------------------------------------------------------------------------------------
# Batch output: whole lines, flushed one by one, so a kill leaves at most one truncated last line


def id_key(item_id: Any) -> str:
    return json.dumps(item_id, sort_keys=True)


def error_record(item_id, reason: str, error: str) -> dict:
    return {"id": item_id, "reason": reason, "error": error}


def _batch_line(item: Item, tokenize: bool) -> tuple:
    """``(True, output line)`` or ``(False, errors line)``, serialised in the worker."""
    if item.reason is not None:
        return False, json_line(error_record(item.id, item.reason, item.error))
    try:
        article = parse_article(item.text, tokenize=tokenize)
        # the id goes first so that resume can read it without decoding the whole record
        return True, json_line({"id": item.id, "article": article.to_dict()})
    except Exception as error:
        return False, json_line(error_record(item.id, PARSE_ERROR, "%s: %s" % (type(error).__name__, error)))


def _died_line(item: Item, error) -> tuple:
    return False, json_line(error_record(item.id, PARSE_ERROR, "worker process died: %s" % error))


def recorded_ids(path: Path) -> set:
    """Ids already written to a JSONL output, after cutting a truncated last line off the file."""
    if not path.exists():
        return set()
    with open(path, "r+b") as handle:
        data_end = handle.seek(0, os.SEEK_END)
        end = data_end
        while end > 0:  # find the last newline, reading backwards in blocks
            block = min(end, 1 << 16)
            handle.seek(end - block)
            newline = handle.read(block).rfind(b"\n")
            if newline >= 0:
                end = end - block + newline + 1
                break
            end -= block
        if end < data_end:
            handle.truncate(end)
    ids = set()
    decoder = json.JSONDecoder()
    prefix = '{"id": '
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.startswith(prefix):
                ids.add(id_key(decoder.raw_decode(line, len(prefix))[0]))
            elif line.strip():
                ids.add(id_key(json.loads(line)["id"]))
    return ids


class Progress:
    """A one-line progress report on stderr, only when stderr is a terminal."""

    def __init__(self, total: Optional[int], stream=None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.total = total
        self.started = time.monotonic()
        self.shown = 0.0

    def update(self, done: int, failed: int, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.shown < 0.2):
            return
        self.shown = now
        count = done + failed
        rate = count / max(now - self.started, 1e-9)
        line = "%d done, %d failed, %.1f articles/s" % (done, failed, rate)
        if self.total:
            eta = (self.total - count) / rate if rate else 0
            line = "[%3d%%] %s, ETA %d:%02d" % (100 * count // self.total, line, eta // 60, eta % 60)
        self.stream.write("\r\033[K" + line)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")


@dataclasses.dataclass
class BatchResult:
    done: int = 0
    failed: int = 0
    skipped: int = 0  # already recorded by an earlier run (--resume)
    seconds: float = 0.0

    def summary(self) -> str:
        rate = (self.done + self.failed) / max(self.seconds, 1e-9)
        return ("vnnews batch: %d done, %d failed, %d skipped (already recorded) in %.1f s, %.1f articles/s"
                % (self.done, self.failed, self.skipped, self.seconds, rate))


def default_errors_path(out: Path) -> Path:
    base = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(base + ".errors.jsonl")


def run_batch(
    inputs: Sequence,
    out,
    errors=None,
    workers: int = 1,
    text_field: str = "text",
    id_field: str = "id",
    tokenize: bool = True,
    resume: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    chunksize: int = DEFAULT_CHUNKSIZE,
    progress_stream=None,
) -> BatchResult:
    """Parse every item of ``inputs`` into ``out`` (JSONL) or ``errors`` (JSONL), in input order."""
    out = Path(out)
    errors = Path(errors) if errors else default_errors_path(out)
    paths = expand_inputs(inputs)
    total = None if any(_is_jsonl(p) for p in paths) else len(paths)
    done_ids = recorded_ids(out) | recorded_ids(errors) if resume else set()
    result = BatchResult()

    def pending() -> Iterator[Item]:
        for item in iter_items(paths, text_field, id_field, max_chars):
            if done_ids and id_key(item.id) in done_ids:
                result.skipped += 1
            else:
                yield item

    mode = "ab" if resume else "wb"
    started = time.monotonic()
    progress = Progress(None if total is None else max(0, total - len(done_ids)), progress_stream)
    task = functools.partial(_batch_line, tokenize=tokenize)
    lines = ordered_map(task, pending(), _died_line, workers, chunksize)
    with open(out, mode) as out_file, open(errors, mode) as errors_file:
        for ok, line in lines:
            target = out_file if ok else errors_file
            target.write(line)
            target.flush()
            if ok:
                result.done += 1
            else:
                result.failed += 1
            progress.update(result.done, result.failed)
    progress.update(result.done, result.failed, force=True)
    progress.close()
    result.seconds = time.monotonic() - started
    return result

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
import signal
import sys
import threading
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple

from . import settings
from .article import parse_article
from .decode import DecodeError, InputError, read_text
from .limits import DEFAULT_MAX_CHARS
from .model import Article, DateValue, ParseWarning

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
                chunksize: int = DEFAULT_CHUNKSIZE,
                items_per_worker: Optional[int] = None) -> Iterator:
    """``fn`` over ``items``, lazily and in order; ``workers > 1`` runs it in spawn processes, but
    only as many as have ``items_per_worker`` items each (by default ``MIN_ITEMS_PER_WORKER`` of
    settings; the first are read ahead to count).

    ``fn`` must be picklable (a module-level function or a partial of one) and should not raise.
    If a worker process dies (killed, out of memory, a crash in C code), the items in flight are
    run again one at a time, and an item that kills its worker on its own yields
    ``on_death(item, error)`` in its place.
    """
    items = iter(items)
    if workers > 1:
        items_per_worker = items_per_worker or settings.MIN_ITEMS_PER_WORKER
        head = list(itertools.islice(items, items_per_worker * workers))
        workers = max(1, min(workers, len(head) // items_per_worker))
        items = itertools.chain(head, items)
    if workers <= 1:
        return map(fn, items)
    return _pool_map(fn, items, on_death, workers, max(1, chunksize))


def _map_chunk(fn: Callable, chunk: list) -> list:
    return [fn(item) for item in chunk]


def _new_pool(workers: int) -> ProcessPoolExecutor:
    # spawn, not fork: forking a process that has loaded underthesea's native libraries and their
    # threads can deadlock, and spawn behaves the same on every platform
    # workers ignore Ctrl-C: the main process stops them, and they print no tracebacks
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=signal.signal, initargs=(signal.SIGINT, signal.SIG_IGN))


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


def parse_safely(text, tokenize: bool = True, reference: Optional[DateValue] = None) -> Article:
    """parse_article, except that an error gives an empty Article with a ``parse_error`` warning."""
    try:
        return parse_article(text, tokenize=tokenize, reference=reference)
    except Exception as error:  # one bad text must not end the run: it becomes a marked record
        return _failed_article("%s: %s" % (type(error).__name__, error))


def _died_article(text, error) -> Article:
    return _failed_article("worker process died: %s" % error)


def parse_many(
    texts: Iterable[str],
    workers: int = 1,
    tokenize: bool = True,
    chunksize: int = DEFAULT_CHUNKSIZE,
    reference: Optional[DateValue] = None,
) -> Iterator[Article]:
    """Parse ``texts`` (any iterable, consumed lazily) and yield one Article per text, in order;
    ``reference`` resolves relative dates in texts without a publication date (see parse_article).

    ``workers > 1`` parses in that many processes with bounded memory: a 100,000-text generator is
    never materialised. Nothing is dropped: a text that makes the parser raise (or kills its
    worker) yields an empty Article whose only warning has code ``"parse_error"`` and the error as
    message, so results stay aligned with inputs.
    """
    parse = functools.partial(parse_safely, tokenize=tokenize, reference=reference)
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


# files of JSON objects, one a line; ``.json`` too, since dumps of JSON lines are often named so
JSONL_SUFFIXES = tuple(base + gz for base in (".jsonl", ".ndjson", ".json") for gz in ("", ".gz"))


def _is_jsonl(path: Path) -> bool:
    return path == STDIN or path.name.endswith(JSONL_SUFFIXES)


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


def _decoded(raw: bytes, default_id: str) -> Tuple[Any, Optional[Item]]:
    """``(value, None)`` for JSON bytes, ``(None, failed item)`` for bytes that are not."""
    try:
        return json.loads(raw), None
    except UnicodeDecodeError as error:
        return None, Item(default_id, reason="encoding", error=str(error))
    except ValueError as error:
        return None, Item(default_id, reason="invalid_json", error=str(error))


def _jsonl_item(raw: bytes, default_id: str, text_field: str, id_field: str, max_chars: int) -> Item:
    record, failed = _decoded(raw, default_id)
    return failed or _record_item(record, default_id, text_field, id_field, max_chars)


def _record_item(record: Any, default_id: str, text_field: str, id_field: str, max_chars: int) -> Item:
    """The item of one decoded JSON value: an object holding the text in ``text_field``."""
    if not isinstance(record, dict):
        return Item(default_id, reason="not_object", error="a JSON %s, not an object" % json_type(record))
    item_id = record.get(id_field)
    if item_id is None:
        item_id = default_id
    if text_field not in record:
        keys = ", ".join(map(repr, itertools.islice(record, _KEYS_SHOWN))) or "none"
        return Item(item_id, reason="missing_field",
                    error="no %r field (the object's keys: %s; choose one with --text-field)" % (text_field, keys))
    text = record[text_field]
    if not isinstance(text, str):
        return Item(item_id, reason="not_string", error="%r is a JSON %s, not a string" % (text_field, json_type(text)))
    return _checked(item_id, text, max_chars)


_KEYS_SHOWN = 12  # of a line without the text field: enough to spot the right one
_JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number",
               bool: "boolean", type(None): "null"}


def json_type(value: Any) -> str:
    """The JSON name of a decoded value's type (``null``, not ``NoneType``)."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


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


def _is_json_document(path: Path) -> bool:
    """Whether a ``.json`` file holds one JSON document (an array of objects, or one object written
    over several lines) rather than JSON lines: its first character opens an array, or its first
    line is not a whole JSON value."""
    if not path.name.endswith((".json", ".json.gz")):
        return False
    try:
        with _open_jsonl(path) as handle:
            first = handle.readline()
            while first and not first.strip():
                first = handle.readline()
    except (OSError, EOFError):
        return False  # read as lines, which reports the file as unreadable
    if first.lstrip().startswith(b"["):
        return True
    try:
        json.loads(first)
    except ValueError:
        return first.lstrip().startswith(b"{")
    return False


def _read_json_document(path: Path, text_field: str, id_field: str, max_chars: int) -> Iterator[Item]:
    """The items of a file holding one JSON document: each object of an array (ids ``PATH:N``,
    from 1), or the one object (id ``PATH:1``). Such a file is read whole, as JSON cannot be read
    in parts; dumps of millions of articles come as JSON lines."""
    try:
        with _open_jsonl(path) as handle:
            raw = handle.read()
    except (OSError, EOFError) as error:
        yield Item("%s:1" % path, reason="unreadable", error=str(error))
        return
    document, failed = _decoded(raw, "%s:1" % path)
    if failed:
        yield failed
        return
    for number, record in enumerate(document if isinstance(document, list) else [document], 1):
        yield _record_item(record, "%s:%d" % (path, number), text_field, id_field, max_chars)


def iter_items(
    paths: Iterable[Path],
    text_field: str = "text",
    id_field: str = "id",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    for path in paths:
        if _is_json_document(path):
            yield from _read_json_document(path, text_field, id_field, max_chars)
        elif _is_jsonl(path):
            yield from _read_jsonl(path, text_field, id_field, max_chars)
        else:
            yield _read_txt(path, max_chars)


# ---------------------------------------------------------------------------------------------
# Batch output: whole lines, flushed one by one, so a kill leaves at most one truncated last line


def id_key(item_id: Any) -> str:
    return json.dumps(item_id, sort_keys=True)


def error_record(item_id, reason: str, error: str) -> dict:
    return {"id": item_id, "reason": reason, "error": error}


def _batch_line(item: Item, tokenize: bool, reference: Optional[DateValue] = None) -> Tuple[Optional[str], bytes]:
    """``(None, output line)`` or ``(reason, errors line)``, serialised in the worker."""
    if item.reason is not None:
        return item.reason, json_line(error_record(item.id, item.reason, item.error))
    try:
        article = parse_article(item.text, tokenize=tokenize, reference=reference)
        # the id goes first so that resume can read it without decoding the whole record
        return None, json_line({"id": item.id, "article": article.to_dict()})
    except Exception as error:
        return PARSE_ERROR, json_line(error_record(item.id, PARSE_ERROR, "%s: %s" % (type(error).__name__, error)))


def _died_line(item: Item, error) -> Tuple[Optional[str], bytes]:
    return PARSE_ERROR, json_line(error_record(item.id, PARSE_ERROR, "worker process died: %s" % error))


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
    """A one-line progress report on stderr, only when stderr is a terminal. It shows from the start
    (workers can take seconds to load), and its rate and ETA count from the first result, so that
    start-up does not skew them."""

    def __init__(self, total: Optional[int], stream=None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.total = total
        self.shown = 0.0
        self.first: Optional[Tuple[float, int]] = None  # (time, count) of the first result

    def start(self) -> None:
        self._write("0 done, 0 failed, starting...")

    def update(self, done: int, failed: int, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.shown < 0.2):
            return
        self.shown = now
        count = done + failed
        if self.first is None:
            self.first = (now, count)
        line = "%d done, %d failed" % (done, failed)
        since, counted = now - self.first[0], count - self.first[1]
        rate = counted / since if since > 0 and counted > 0 else None
        if rate:
            line += ", %.1f articles/s" % rate
        if self.total:
            line = "[%3d%%] %s" % (100 * count // self.total, line)
            if rate:
                eta = (self.total - count) / rate
                line += ", ETA %d:%02d" % (eta // 60, eta % 60)
        self._write(line)

    def _write(self, line: str) -> None:
        if self.enabled:
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
    interrupted: bool = False  # stopped by Ctrl-C: what is written is whole, --resume goes on
    reasons: Counter = dataclasses.field(default_factory=Counter)  # failed items per reason

    def summary(self) -> str:
        # the rate of parsed articles only: failures cost next to nothing and would inflate it
        rate = ", %.1f articles/s" % (self.done / self.seconds) if self.done and self.seconds > 0 else ""
        line = "vnnews batch: %d done, %d failed, %d skipped (already recorded) in %.1f s%s" % (
            self.done, self.failed, self.skipped, self.seconds, rate)
        if self.reasons:
            line += " (failed: %s)" % ", ".join("%d %s" % (n, r) for r, n in self.reasons.most_common())
        if self.interrupted:
            line += "; interrupted: run again with --resume to go on"
        return line


def default_errors_path(out: Path) -> Path:
    base = out.name[: -len(".jsonl")] if out.name.endswith(".jsonl") else out.name
    return out.with_name(base + ".errors.jsonl")


def _identity(path: Path):
    """What makes two names one file: device and inode where it exists, else the resolved path."""
    try:
        status = path.stat()
        return status.st_dev, status.st_ino
    except OSError:
        return path.resolve()


def check_outputs(paths: Sequence[Path], out: Path, errors: Path) -> None:
    """Refuse, before any file is touched, outputs that would destroy an input or each other."""
    out_id, errors_id = _identity(out), _identity(errors)
    if out_id == errors_id:
        raise InputError("-o and --errors name the same file (%s): give two files" % out)
    if isinstance(out_id, Path) and isinstance(errors_id, Path):
        return  # neither exists yet, so neither is an input
    for path in paths:
        if path != STDIN and _identity(path) in (out_id, errors_id):
            flag = "-o" if _identity(path) == out_id else "--errors"
            raise InputError("%s %s is also an input: writing it would destroy it" % (flag, path))


@contextlib.contextmanager
def _open_outputs(out: Path, errors: Path, resume: bool):
    """Both outputs, opened for appending so that a failure to open the second leaves the first as
    it was; only then, without ``resume``, both are emptied."""
    created = [path for path in (out, errors) if not path.exists()]
    with contextlib.ExitStack() as stack:
        try:
            files = [stack.enter_context(open(path, "ab")) for path in (out, errors)]
        except OSError:
            stack.close()
            for path in created:  # ours, and empty: leave no trace
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
        if not resume:
            for handle in files:
                handle.truncate(0)
        yield files


def _until_interrupted(lines: Iterator, result: "BatchResult") -> Iterator:
    """``lines`` until a Ctrl-C. A KeyboardInterrupt raised where Python swallows exceptions (a
    ``__del__`` run by the garbage collector: the regex module's objects have one) would be lost and
    the batch would run to its end, so the signal also sets ``result.interrupted``, read after each line."""
    def interrupt(signum, frame):
        result.interrupted = True
        raise KeyboardInterrupt

    # only the main thread receives signals; a run started with Ctrl-C ignored stays so
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        yield from lines
        return
    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        for line in lines:
            yield line
            if result.interrupted:
                return
    finally:
        signal.signal(signal.SIGINT, previous)


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
    reference: Optional[DateValue] = None,
) -> BatchResult:
    """Parse every item of ``inputs`` into ``out`` (JSONL) or ``errors`` (JSONL), in input order.
    A Ctrl-C stops it with every written line whole and ``interrupted`` set in the result."""
    out = Path(out)
    errors = Path(errors) if errors else default_errors_path(out)
    paths = expand_inputs(inputs)
    check_outputs(paths, out, errors)
    total = None if any(_is_jsonl(p) for p in paths) else len(paths)
    result = BatchResult()
    started = time.monotonic()
    with _open_outputs(out, errors, resume) as (out_file, errors_file):
        done_ids = recorded_ids(out) | recorded_ids(errors) if resume else set()

        def pending() -> Iterator[Item]:
            for item in iter_items(paths, text_field, id_field, max_chars):
                if done_ids and id_key(item.id) in done_ids:
                    result.skipped += 1
                else:
                    yield item

        progress = Progress(None if total is None else max(0, total - len(done_ids)), progress_stream)
        progress.start()
        task = functools.partial(_batch_line, tokenize=tokenize, reference=reference)
        lines: Iterator = iter(())
        try:
            lines = ordered_map(task, pending(), _died_line, workers, chunksize)  # reads ahead: inside
            for reason, line in _until_interrupted(lines, result):
                target = errors_file if reason else out_file
                target.write(line)
                target.flush()
                if reason:
                    result.failed += 1
                    result.reasons[reason] += 1
                else:
                    result.done += 1
                progress.update(result.done, result.failed)
        except KeyboardInterrupt:
            result.interrupted = True
        finally:
            if hasattr(lines, "close"):
                lines.close()  # stops the worker pool
        progress.update(result.done, result.failed, force=True)
        progress.close()
    result.seconds = time.monotonic() - started
    return result

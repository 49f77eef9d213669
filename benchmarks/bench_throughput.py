"""Throughput and memory of vnnews on generated ~3 KB articles, in one run.

    python benchmarks/bench_throughput.py                 # 2000 articles (a few minutes)
    python benchmarks/bench_throughput.py --articles 500  # quicker
    python benchmarks/bench_throughput.py --large 100000  # also: memory over a long batch run

Targets are reported, never asserted: parse_article(tokenize=False) >= 1000 articles/s on one core;
parse_article(tokenize=True) at most 1.25x the time of underthesea's own sentence + word
tokenization; batch with 2 workers >= 1.7x one worker; memory flat over a 100,000-article run.
"""
from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

import vnnews  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def rate_line(label: str, count: int, seconds: float, note: str = "") -> float:
    rate = count / seconds
    print("%-52s %9.1f articles/s  %s" % (label, rate, note))
    return rate


def timed(fn, texts) -> float:
    started = time.perf_counter()
    for text in texts:
        fn(text)
    return time.perf_counter() - started


def underthesea_alone(text: str) -> None:
    from underthesea import sent_tokenize, word_tokenize

    for sentence in sent_tokenize(text):
        word_tokenize(sentence)


def write_jsonl(path: Path, texts) -> None:
    with (gzip.open(path, "wt", encoding="utf-8", compresslevel=1) if path.suffix == ".gz" else open(path, "w")) as f:
        for number, text in enumerate(texts):
            f.write(json.dumps({"id": number, "text": text}, ensure_ascii=False) + "\n")


def cli(*args) -> list:
    return [sys.executable, "-m", "vnnews.cli", *map(str, args)]


def spin(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def machine_scaling(count: int = 10_000_000, repeats: int = 3) -> float:
    """How much faster two processes do twice the pure-Python work of one, right now (best of
    ``repeats``): the ceiling for the batch ratio on this machine, which other work lowers."""
    def best(run) -> float:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        return min(times)

    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(spin, [1, 1]))  # start the workers first
        two = best(lambda: list(pool.map(spin, [count, count])))
    return 2 * best(lambda: spin(count)) / two


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_batch(jsonl: Path, out: Path, workers: int, tokenize: bool) -> tuple:
    """Wall time of the whole `vnnews batch` command (start-up and the pool's spawn included), the
    CPU time of its processes, and how many items it put in the errors file."""
    command = cli("batch", jsonl, "-o", out, "--workers", workers) + ([] if tokenize else ["--no-tokens"])
    started, cpu = time.perf_counter(), children_cpu()
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    seconds, cpu = time.perf_counter() - started, children_cpu() - cpu
    with open(out.with_name(out.stem + ".errors.jsonl"), "rb") as errors:
        return seconds, cpu, sum(1 for _ in errors)


def mb(kilobytes: float) -> str:
    return "%.0f MB" % (kilobytes / 1024)


def describe(name: str, texts: list) -> None:
    facts = sum(len(vnnews.extract_facts(text)) for text in texts)
    print("%s: %d articles, mean %.0f bytes of UTF-8 (%.0f characters), %.1f facts per 1000 characters"
          % (name, len(texts), statistics.mean(len(t.encode("utf-8")) for t in texts),
             statistics.mean(len(t) for t in texts), 1000 * facts / sum(map(len, texts))))


def main_run(count: int, tmp: Path) -> None:
    texts = list(corpus.generate(count))
    fixture_texts = list(corpus.from_fixtures(count))
    describe("corpus: generated from templates (used below)", texts)
    describe("second corpus: from the fixtures' paragraphs", fixture_texts)
    print("machine: %d cores, Python %s, load average %.2f (other work skews the numbers)\n"
          % (os.cpu_count(), sys.version.split()[0], os.getloadavg()[0]))

    vnnews.parse_article(texts[0], tokenize=True)  # load underthesea and the lexicons first
    for text in texts[:20] + fixture_texts[:20]:  # and compile the patterns that are compiled on first use
        vnnews.parse_article(text, tokenize=False)
    for label, corpus_texts in (("parse_article(tokenize=False), 1 core", texts),
                                ("  the same on the articles from the fixtures", fixture_texts)):
        plain = rate_line(label, count,
                          timed(lambda t: vnnews.parse_article(t, tokenize=False), corpus_texts))
        print("%52s target >= 1000: %s" % ("", "met" if plain >= 1000 else "NOT met"))
    with_tokens = timed(lambda t: vnnews.parse_article(t, tokenize=True), texts)
    rate_line("parse_article(tokenize=True), 1 core", count, with_tokens)
    alone = timed(underthesea_alone, texts)
    rate_line("underthesea sent_tokenize + word_tokenize alone", count, alone)
    ratio = with_tokens / alone
    print("%-52s %9.2fx  target <= 1.25x: %s" % ("time of parse(tokens) / underthesea alone", ratio,
                                                  "met" if ratio <= 1.25 else "NOT met"))
    for label, corpus_texts in (("extract_facts(text)", texts), ("  the same on the articles from the fixtures", fixture_texts)):
        print("%-52s %9.3f ms/article" % (label, timed(vnnews.extract_facts, corpus_texts) / count * 1000))
    print("%-52s %9s" % ("peak RSS of this process so far", mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))

    print("\nbatch: `vnnews batch corpus.jsonl -o out.jsonl`, whole command timed (start-up included);")
    print("net of start-up: the same minus the time of a one-article batch, i.e. the rate once running")
    print("%-52s %9.2fx" % ("  ceiling: pure-Python work, 2 processes / 1", machine_scaling()))
    one_article = tmp / "one.jsonl"
    write_jsonl(one_article, texts[:1])
    # without tokens an article costs a few ms, so a longer run keeps the fixed start-up (imports,
    # spawning workers, compiling patterns: about a second) from hiding the scaling
    for tokenize, size in ((True, count), (False, 5 * count)):
        label = "tokens" if tokenize else "--no-tokens"
        jsonl = tmp / "corpus.jsonl"
        write_jsonl(jsonl, texts if size == count else corpus.generate(size))
        print("  %s, %d articles" % (label, size))
        whole, net = [], []
        for workers in (1, 2):
            startup = run_batch(one_article, tmp / "out.jsonl", workers, tokenize)[0]
            seconds, cpu, failed = run_batch(jsonl, tmp / "out.jsonl", workers, tokenize)
            note = "CPU %.2f ms/article, start-up %.2f s" % (cpu / size * 1000, startup)
            whole.append(rate_line("    --workers %d" % workers, size, seconds,
                                   note + (" (%d of them failed!)" % failed if failed else "")))
            net.append(size / max(seconds - startup, 1e-9))
        for name, (one, two) in (("whole command", whole), ("net of start-up", net)):
            print("%-52s %9.2fx  target >= 1.7x: %s" % ("    2 workers / 1 worker, %s" % name, two / one,
                                                         "met" if two / one >= 1.7 else "NOT met"))
    print("%-52s %9s" % ("peak RSS of one batch process (main or worker)",
                         mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)))
    print("load average at the end: %.2f" % os.getloadavg()[0])


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:  # the process is gone
        return b""


def batch_rss(root: int) -> list:
    """RSS in bytes of the batch process ``root`` and of each of its worker processes."""
    parents = {}
    for entry in os.listdir("/proc"):
        stat = _read("/proc/%s/stat" % entry) if entry.isdigit() else b""
        if stat:
            parents[int(entry)] = int(stat.rsplit(b")", 1)[1].split()[1])
    tree = [root]
    for pid in tree:
        tree.extend(child for child, parent in parents.items() if parent == pid)
    # the pool's workers, not multiprocessing's resource tracker
    workers = [pid for pid in tree[1:] if b"spawn_main" in _read("/proc/%d/cmdline" % pid)]
    return [int((_read("/proc/%d/statm" % pid) or b"0 0").split()[1]) * PAGE for pid in [root] + workers]


def large_run(count: int, tmp: Path, workers: int, tokenize: bool, every: float) -> None:
    jsonl = tmp / "large.jsonl.gz"
    print("\nlarge run: writing %d articles to %s ..." % (count, jsonl.name), flush=True)
    write_jsonl(jsonl, corpus.generate(count, seed=1))
    out = tmp / "large.out.jsonl"
    command = cli("batch", jsonl, "-o", out, "--workers", workers) + ([] if tokenize else ["--no-tokens"])
    print("$ vnnews %s" % " ".join(command[3:]))
    print("%8s %9s %12s %10s %s" % ("seconds", "done", "articles/s", "main RSS", "RSS of each worker"))
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    done, read = 0, 0
    while process.poll() is None:
        time.sleep(every)
        if not out.exists():
            continue
        with open(out, "rb") as output:  # count the finished lines written since the last look
            output.seek(read)
            chunk = output.read()
        read += len(chunk)
        done += chunk.count(b"\n")
        rss = batch_rss(process.pid)
        if not rss or not rss[0]:
            continue
        elapsed = time.perf_counter() - started
        print("%8.0f %9d %12.1f %10s %s" % (elapsed, done, done / elapsed, mb(rss[0] / 1024),
                                            " ".join(mb(r / 1024) for r in rss[1:])), flush=True)
    print(process.stderr.read().strip())
    out.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="articles for the main run (default 2000)")
    parser.add_argument("--large", type=int, default=0, metavar="N", help="also stream N articles through batch")
    parser.add_argument("--large-workers", type=int, default=2)
    parser.add_argument("--large-no-tokens", action="store_true", help="parse the large run without tokens")
    parser.add_argument("--every", type=float, default=15.0, help="seconds between memory samples (large run)")
    parser.add_argument("--skip-main", action="store_true", help="only the large run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnnews-bench-") as tmp:
        if not args.skip_main:
            main_run(args.articles, Path(tmp))
        if args.large:
            large_run(args.large, Path(tmp), args.large_workers, not args.large_no_tokens, args.every)


if __name__ == "__main__":
    main()

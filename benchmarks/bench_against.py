"""The working tree against a baseline revision, on real text, in the same run.

    python benchmarks/bench_against.py               # against main
    python benchmarks/bench_against.py --base e78b9eb --rounds 5

Both trees are timed on the same texts (``../shared/corpus`` and ``../shared/eval/dev``, else ``fixtures/``)
by alternating child processes, so machine load falls on both alike; each figure is the best round, in
microseconds of process time per article, and the ratio is tree / base (below 1.0: faster). The baseline
is checked out with ``git worktree`` into a temporary folder and removed afterwards.

Measured per article: ``parse_article(tokenize=False)``, ``extract_facts`` and ``find_dates`` on the
whole text, ``parse_article(tokenize=True)`` on a fixed subset (every fifth text, at most 40: underthesea
takes most of its time, so what it shows is whether the work around the tokenizer, sentence and token
records and their offsets, costs more), and the first parse in a fresh process (cold start: import and
pattern compiling included).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Run in a child process with the tree's src first on sys.path; prints one JSON object.
_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
paths = sys.argv[2:]
texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
start = time.process_time()
import vnnews
vnnews.parse_article(texts[0], tokenize=False)
cold = time.process_time() - start
from vnnews import extract_facts, find_dates
tokenized = texts[::5][:40]
stages = {
    "parse_article(tokenize=False)": (lambda t: vnnews.parse_article(t, tokenize=False), texts),
    "extract_facts": (extract_facts, texts),
    "find_dates": (lambda t: find_dates(t, reference=None), texts),
    "parse_article(tokenize=True)": (lambda t: vnnews.parse_article(t, tokenize=True), tokenized),
}
for run, some in stages.values():  # warm: every pattern the texts need is compiled (and underthesea loaded) before timing
    for text in some:
        run(text)
out = {"cold start (first parse, s)": cold}
for name, (run, some) in stages.items():
    start = time.process_time()
    for text in some:
        run(text)
    out[name] = (time.process_time() - start) / len(some) * 1e6
print(json.dumps(out))
"""


def corpus_paths() -> list:
    folders = [SHARED / "corpus", SHARED / "eval" / "dev"]
    paths = sorted(str(p) for folder in folders if folder.is_dir() for p in folder.glob("*.txt"))
    return paths or sorted(str(p) for p in (ROOT / "fixtures").glob("*.txt"))


def measure(src: Path, paths: list) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(src), *paths], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="baseline revision (default: main)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the best of each is kept")
    args = parser.parse_args()
    paths = corpus_paths()
    with tempfile.TemporaryDirectory() as tmp:
        base_tree = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base_tree), args.base], check=True)
        try:
            best = {"base": {}, "tree": {}}
            for _ in range(args.rounds):
                for label, src in (("base", base_tree / "src"), ("tree", ROOT / "src")):
                    for key, value in measure(src, paths).items():
                        best[label][key] = min(value, best[label].get(key, value))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base_tree)], check=True)
    print(f"{len(paths)} articles (tokenize=True: {len(paths[::5][:40])} of them); base {args.base}; best of "
          f"{args.rounds} alternating rounds; µs per article")
    print(f"{'':32} {'base':>10} {'tree':>10} {'tree/base':>10}")
    for key in best["base"]:
        base, tree = best["base"][key], best["tree"][key]
        print(f"{key:32} {base:10.3f} {tree:10.3f} {tree / base:10.2f}" if "cold" in key else
              f"{key:32} {base:10.0f} {tree:10.0f} {tree / base:10.2f}")


if __name__ == "__main__":
    main()

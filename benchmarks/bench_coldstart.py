"""Cold start: what a fresh process pays before its parses run at full speed.

Prints, each measured in a fresh process (best of ``--repeat``):
- ``import vnnews`` and the first ``parse_article(tokenize=False)`` of a fixture article;
- the whole of ``../shared/corpus`` parsed once from a fresh process, then again in the same
  process: the difference is what first use cost (patterns compiled as each rule first fires);
- the wall time of ``vnnews parse FILE --no-tokens``.

Targets (issue 13): first parse <= 0.3 s; ``vnnews parse`` <= 0.8 s wall. Measured with ``src``
byte-compiled first (``compileall``, as scripts/demo and scripts/test do, and as a regular install
does): with PYTHONDONTWRITEBYTECODE set nothing else writes the .pyc files, and compiling the
sources adds about a third of a second to every fresh process. The first parse's CPU time is shown
beside its wall time, which a loaded machine inflates.

    python benchmarks/bench_coldstart.py [--repeat 3] [--corpus ../shared/corpus]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "seed-cualo-2017.txt"

FIRST_PARSE = """
import json, sys, time
started, cpu = time.perf_counter(), time.process_time()
import vnnews
imported = time.perf_counter()
vnnews.parse_article(open(sys.argv[1], encoding="utf-8").read(), tokenize=False)
parsed = time.perf_counter()
print(json.dumps({"import": imported - started, "first parse": parsed - imported, "cpu": time.process_time() - cpu}))
"""

CORPUS = """
import json, sys, time
from pathlib import Path
import vnnews
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
times = []
for _ in range(2):
    started = time.perf_counter()
    for text in texts:
        vnnews.parse_article(text, tokenize=False)
    times.append(time.perf_counter() - started)
print(json.dumps({"articles": len(texts), "cold pass": times[0], "warm pass": times[1]}))
"""


def fresh(script: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def best(runs: list) -> dict:
    return {key: min(run[key] for run in runs) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    print("(src byte-compiled: .pyc files present)")

    first = best([fresh(FIRST_PARSE, str(FIXTURE)) for _ in range(args.repeat)])
    print("import vnnews                          %6.3f s" % first["import"])
    print("first parse_article (no tokens)        %6.3f s   target <= 0.3 s (CPU, import included: %.3f s)"
          % (first["first parse"], first["cpu"]))

    if args.corpus.is_dir():
        corpus = best([fresh(CORPUS, str(args.corpus)) for _ in range(args.repeat)])
        print("corpus, %3d articles, cold pass        %6.3f s" % (corpus["articles"], corpus["cold pass"]))
        print("corpus, same articles, warm pass       %6.3f s   first use cost %.3f s"
              % (corpus["warm pass"], corpus["cold pass"] - corpus["warm pass"]))
    else:
        print("corpus: %s is absent, skipped" % args.corpus)

    walls = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "vnnews.cli", "parse", str(FIXTURE), "--no-tokens"],
                       capture_output=True, check=True)
        walls.append(time.perf_counter() - started)
    print("vnnews parse FILE --no-tokens (wall)   %6.3f s   target <= 0.8 s" % min(walls))


if __name__ == "__main__":
    main()

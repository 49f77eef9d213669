"""Does parse_article(tokenize=False) take time linear in its input, and memory bounded? Times
normal and adversarial texts at 10 KB, 100 KB, 1 MB and 2 MB (characters) and prints milliseconds
per KB; the ratio column is the per-KB time at the largest size over the one at the smallest: about
1 when linear (target <= 1.3), 10 or more when quadratic.

``--memory`` adds, for each case at the largest size, the peak memory of one parse in a fresh
process over that of ``normal`` (a real article's text repeated; target <= 3), and the time of
``Article.from_json`` of the normal record with tokens.

    python benchmarks/bench_linearity.py [--sizes 10000,100000] [--cases normal,blank-lines] [--memory]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import unicodedata

import vnnews

ARTICLE = """Hà Nội khởi công cầu vượt sông Hồng thứ sáu

Thứ Hai, 12/3/2018 - 10:30

Sáng nay, UBND thành phố Hà Nội tổ chức lễ khởi công cây cầu mới bắc qua sông Hồng với tổng vốn đầu tư khoảng 8.000 tỷ đồng.

Theo ban quản lý dự án, cầu dài 4,2 km, rộng 33 m, dự kiến hoàn thành sau 36 tháng. Khi đi vào hoạt động, cầu sẽ giảm tải khoảng 30% lưu lượng xe cho các cầu hiện có; giá vé qua cầu chưa được công bố.

Phối cảnh cây cầu mới. Ảnh: Ban quản lý dự án

Ông Trần Văn Bình, Phó chủ tịch UBND thành phố, cho biết người dân hai bên bờ sông rất đồng tình. Năm 2017, thành phố đón hơn 23,7 triệu lượt khách, tăng 12% so với năm trước.

Minh Anh

"""


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


CASES = {
    "normal": lambda n: repeat(ARTICLE, n),
    "nfd": lambda n: repeat(unicodedata.normalize("NFD", ARTICLE), n),  # every mark a separate character
    "html-crlf": lambda n: repeat(ARTICLE.replace("\n\n", "</p>\r\n<p>").replace("ộ", "&#7897;"), n),
    "digit-dot-run": lambda n: repeat("1.", n),  # one run of 1.1.1.1... with no space
    "digit-run": lambda n: repeat("1234567890", n),
    "blank-lines": lambda n: repeat("\n", n),  # 100,000 blank lines at 100 KB
    "one-line": lambda n: repeat("Dòng rất dài, không xuống dòng 12,5% ", n),  # one 1 MB line at 1 MB
    "anh-colon": lambda n: repeat("Ảnh:", n),  # 500,000 Ảnh: at 2 MB
    "anh-lines": lambda n: repeat("Ảnh:\n", n),
    # once quadratic in normalize (a replacement of several characters, inserted one by one)
    "marks-stack": lambda n: repeat("a\u0301\u0323", n),  # composes to two characters each
    "fjlig": lambda n: repeat("&fjlig; ", n),  # an entity of two characters
    "nfd-doubled": lambda n: repeat(unicodedata.normalize("NFD", ARTICLE).replace("\u0300", "\u0300\u0300"), n),
    # once 7-17x the memory of a real article (normal: 67 MB at 2 MB): digit-dash 1152 MB (facts: re's
    # backtracking state per end of a chain), day-month 506 MB (dates: every group held at once), both
    # ~3 MB since; letter-lines 580 MB, a million paragraphs and sentences: the record is most of it,
    # about 300 bytes a line however it is built (351 MB, 8.2x, with lists of ints and shared strings
    # around it: see the README)
    "digit-dash": lambda n: repeat("1-", n),
    "day-month": lambda n: repeat("28/7 ", n),
    "letter-lines": lambda n: repeat("a\n", n),
}

PEAK = """
import json, sys
sys.path.insert(0, %r)
from bench_linearity import CASES
import vnnews


def high_water_mb():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent through fork and exec
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024


text = CASES[sys.argv[1]](int(sys.argv[2]))
vnnews.parse_article("Hà Nội. Giá tăng 5%%.", tokenize=False)
before = high_water_mb()
vnnews.parse_article(text, tokenize=False)
print(json.dumps(high_water_mb() - before))
"""


def peak_mb(name: str, size: int) -> float:
    """The memory one parse adds to a fresh process's peak (MB), the text itself excluded."""
    script = PEAK % str(__import__("pathlib").Path(__file__).resolve().parent)
    result = subprocess.run([sys.executable, "-c", script, name, str(size)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def from_json_seconds(size: int) -> float:
    record = vnnews.parse_article(CASES["normal"](size)).to_json()
    started = time.perf_counter()
    vnnews.Article.from_json(record)
    return time.perf_counter() - started


def measure(text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        vnnews.parse_article(text, tokenize=False)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000,2000000")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--memory", action="store_true", help="peak memory per case, and from_json time")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    vnnews.parse_article(ARTICLE, tokenize=False)  # imports and pattern compilation out of the timings
    print("%-14s" % "ms per KB" + "".join("%12s" % ("%d KB" % (s // 1000)) for s in sizes) + "%8s" % "ratio")
    for name in args.cases.split(","):
        per_kb = []
        for size in sizes:
            seconds = measure(CASES[name](size), 3 if size <= 100_000 else 1)
            per_kb.append(seconds * 1000 / (size / 1000))
        print("%-14s" % name + "".join("%12.3f" % t for t in per_kb) + "%8.2f" % (per_kb[-1] / per_kb[0]),
              flush=True)
    if args.memory:
        size = sizes[-1]
        normal = peak_mb("normal", size)
        print("\npeak memory of one parse at %d KB, over normal (%.0f MB):" % (size // 1000, normal))
        for name in args.cases.split(","):
            peak = peak_mb(name, size)
            print("%-14s %8.0f MB %8.2f" % (name, peak, peak / max(normal, 1)), flush=True)
        print("\nArticle.from_json of the normal %d KB record with tokens: %.2f s" % (size // 1000, from_json_seconds(size)))


if __name__ == "__main__":
    main()

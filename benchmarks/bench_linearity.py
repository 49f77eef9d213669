"""Does parse_article(tokenize=False) take time linear in its input? Times normal and adversarial
texts at 10 KB, 100 KB, 1 MB and 2 MB (characters) and prints milliseconds per KB; the last column
is the per-KB time at the largest size over the one at the smallest: about 1 when linear, 10 or more
when quadratic.

    python benchmarks/bench_linearity.py [--sizes 10000,100000] [--cases normal,blank-lines]
"""
from __future__ import annotations

import argparse
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
}


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


if __name__ == "__main__":
    main()

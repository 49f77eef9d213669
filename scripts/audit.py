"""Precision audit: print, per article, what the layout and byline rules found, for reading.

    python scripts/audit.py                       # every text of ../shared/corpus
    python scripts/audit.py FILE_OR_FOLDER ...    # these texts
    python scripts/audit.py --only captions       # one part (title, authors, captions, related, chrome)

For each article: the title; each author (with role) and the source; each caption with its credit
(``?`` marks one found without any credit: a guess by the caption's shape and place; ``bare credit``
one whose credit names no one, ``Ảnh minh họa``); the related and
chrome lines. Unlabelled texts have no gold: this is read by a person, to find rules that catch what
they should not (a body paragraph taken for a caption, two credits read as one source).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterator, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
import vnnews  # noqa: E402
from vnnews import layout  # noqa: E402
from vnnews.captions import find_credits  # noqa: E402
from vnnews.header import parse_header  # noqa: E402
from vnnews.normalize import normalize  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
PARTS = ("title", "authors", "captions", "related", "chrome")


def paths(arguments: List[str]) -> Iterator[Path]:
    for argument in arguments or [str(CORPUS)]:
        path = Path(argument)
        yield from sorted(path.glob("*.txt")) if path.is_dir() else [path]


def chrome_lines(text: str) -> List[str]:
    """The lines the layout set aside as page furniture (the record keeps none of them)."""
    normalized = normalize(text).text
    blocks = layout.classify(normalized, parse_header(normalized).end)
    return [normalized[b.start:b.end] for b in blocks if b.kind == "chrome"]


def report(path: Path, parts) -> List[str]:
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    article = vnnews.parse_article(text, tokenize=False)
    out = []
    if "title" in parts:
        out.append("  title   %s" % article.title)
    if "authors" in parts:
        for author in article.authors:
            out.append("  author  %s%s" % (author.name, " (%s)" % author.role if author.role else ""))
        if article.source is not None:
            out.append("  source  %s" % article.source)
    if "captions" in parts:
        for caption in article.captions:
            if caption.image is None:
                mark = "video"
            elif caption.credit:
                mark = "credit=%s" % caption.credit
            else:  # a bare credit (``Ảnh minh họa``) names no one; without any, the caption was guessed
                mark = "bare credit" if find_credits(caption.text) else "?"
            out.append("  caption [%s] %s" % (mark, " ".join(caption.text.split())))
    if "related" in parts:
        out += ["  related %s" % span.text for span in article.related]
    if "chrome" in parts:
        out += ["  chrome  %s" % line for line in chrome_lines(text)]
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="texts or folders of texts (default: ../shared/corpus)")
    parser.add_argument("--only", choices=PARTS, action="append", help="print only this part (repeatable)")
    args = parser.parse_args(argv)
    parts = set(args.only or PARTS)
    for path in paths(args.paths):
        print("== %s" % path.stem)
        for line in report(path, parts):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

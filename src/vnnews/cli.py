"""The ``vnnews`` command: ``parse`` one article, ``batch`` many, ``render`` one as HTML."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import batch


def _read(source: str) -> str:
    return batch.read_text(sys.stdin.buffer.read() if source == "-" else source).text


def _parse(args) -> int:
    from .article import parse_article

    article = parse_article(_read(args.file), tokenize=not args.no_tokens)
    data = json.dumps(article.to_dict(), ensure_ascii=False, indent=2 if args.pretty else None)
    sys.stdout.buffer.write(data.encode("utf-8", "backslashreplace") + b"\n")
    return 0


def _batch(args) -> int:
    result = batch.run_batch(
        args.inputs,
        args.out,
        errors=args.errors,
        workers=args.workers,
        text_field=args.text_field,
        id_field=args.id_field,
        tokenize=not args.no_tokens,
        resume=args.resume,
        max_chars=args.max_chars,
    )
    print(result.summary(), file=sys.stderr)
    return 0


def _render(args) -> int:
    from .article import parse_article
    from .render import render_html

    text = _read(args.file)
    page = render_html(text, parse_article(text, tokenize=not args.no_tokens))
    Path(args.output).write_text(page, encoding="utf-8")
    return 0


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnnews", description="Vietnamese news articles to structured records.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    no_tokens = dict(action="store_true", help="skip word tokenization (much faster; sentences get no tokens)")

    parse = commands.add_parser("parse", help="one article to JSON on stdout")
    parse.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin (default)")
    parse.add_argument("--no-tokens", **no_tokens)
    parse.add_argument("--pretty", action="store_true", help="indent the JSON")
    parse.set_defaults(run=_parse)

    run = commands.add_parser(
        "batch",
        help="many articles to JSONL",
        description="Parse .txt files, folders of them (recursive, sorted) and .jsonl/.jsonl.gz files; "
        "- reads JSONL from standard input. "
        'Each output line is {"id": ..., "article": {...}}, in input order; each input that cannot be '
        'parsed becomes a line {"id", "reason", "error"} in the errors file instead.',
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT")
    run.add_argument("-o", "--out", required=True, help="output JSONL file")
    run.add_argument("--errors", help="errors JSONL file (default: OUT with .errors.jsonl)")
    run.add_argument("--workers", type=_positive, default=os.cpu_count() or 1,
                     help="worker processes (default: all cores; 1 parses in this process)")
    run.add_argument("--text-field", default="text", help="JSONL field holding the text (default: text)")
    run.add_argument("--id-field", default="id",
                     help="JSONL field holding the id (default: id; without it the id is PATH:LINE)")
    run.add_argument("--no-tokens", **no_tokens)
    run.add_argument("--resume", action="store_true",
                     help="append to OUT, skipping ids that OUT or the errors file already hold")
    run.add_argument("--max-chars", type=_positive, default=batch.DEFAULT_MAX_CHARS,
                     help="longer texts are errors (too_large) (default: %(default)s)")
    run.set_defaults(run=_batch)

    render = commands.add_parser("render", help="one article as HTML, its extracted parts highlighted")
    render.add_argument("file", help="a text file, or - for stdin")
    render.add_argument("-o", "--output", required=True, help="the HTML file to write")
    render.add_argument("--no-tokens", **no_tokens)
    render.set_defaults(run=_render)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (OSError, batch.DecodeError, batch.InputError) as error:
        print("vnnews %s: %s" % (args.command, error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

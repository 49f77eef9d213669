"""The ``vnnews`` command: ``parse`` one article, ``batch`` many, ``render`` one as HTML."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from . import __version__
from .decode import DecodeError, InputError, read_text
from .limits import DEFAULT_MAX_CHARS
from .model import decode_date


def _read(source: str) -> str:
    if source == "-":
        if sys.stdin.isatty():  # else a user waits on a silent terminal
            print("vnnews: reading the article from standard input; end it with Ctrl-D "
                  "(or give a file name: vnnews parse FILE)", file=sys.stderr)
        return read_text(sys.stdin.buffer.read()).text
    if Path(source).is_dir():
        raise InputError("%s is a folder: to parse every .txt file in it, use "
                               "vnnews batch %s -o OUT.jsonl" % (source, source))
    return read_text(source).text


def _parse(args) -> int:
    from .article import parse_article

    article = parse_article(_read(args.file), tokenize=not args.no_tokens, reference=args.reference)
    data = json.dumps(article.to_dict(), ensure_ascii=False, indent=2 if args.pretty else None)
    sys.stdout.buffer.write(data.encode("utf-8", "backslashreplace") + b"\n")
    return 0


def _batch(args) -> int:
    from .batch import run_batch  # multiprocessing and the rest: only for batches

    result = run_batch(
        args.inputs,
        args.out,
        errors=args.errors,
        workers=args.workers,
        text_field=args.text_field,
        id_field=args.id_field,
        tokenize=not args.no_tokens,
        resume=args.resume,
        max_chars=args.max_chars,
        reference=args.reference,
    )
    print(result.summary(), file=sys.stderr)
    return 130 if result.interrupted else 0


def _render(args) -> int:
    from .article import parse_article
    from .render import render_html

    text = _read(args.file)
    page = render_html(text, parse_article(text, tokenize=not args.no_tokens, reference=args.reference))
    Path(args.output).write_text(page, encoding="utf-8")
    return 0


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("%r is not a whole number" % value) from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1, not %d" % number)
    return number


def _reference(value: str):
    """An ISO date (2024-03-12) or a datetime with its offset (2024-03-12T08:00+07:00)."""
    try:
        reference = decode_date(value)
    except ValueError:
        reference = None
    if reference is None or (isinstance(reference, dt.datetime) and reference.utcoffset() is None):
        raise argparse.ArgumentTypeError("%r is not an ISO date (2024-03-12) or a datetime with its offset "
                                         "(2024-03-12T08:00+07:00)" % value)
    return reference


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnnews", description="Vietnamese news articles to structured records.")
    parser.add_argument("--version", action="version", version="vnnews " + __version__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    no_tokens = dict(action="store_true", help="skip word tokenization (much faster; sentences get no tokens)")
    reference = dict(type=_reference, metavar="DATE",
                     help="resolve relative dates (hôm qua, 28/7) of texts without a publication date against "
                     "this ISO date or datetime with offset; without it they get no value")

    parse = commands.add_parser("parse", help="one article to JSON on stdout")
    parse.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin (default)")
    parse.add_argument("--no-tokens", **no_tokens)
    parse.add_argument("--pretty", action="store_true", help="indent the JSON")
    parse.add_argument("--reference", **reference)
    parse.set_defaults(run=_parse)

    run = commands.add_parser(
        "batch",
        help="many articles to JSONL",
        description="Parse .txt files, folders of them (recursive, sorted) and files of JSON lines "
        "(.jsonl, .ndjson, .json, each also .gz); "
        "- reads JSONL from standard input. "
        'Each output line is {"id": ..., "article": {...}}, in input order; each input that cannot be '
        'parsed becomes a line {"id", "reason", "error"} in the errors file instead.',
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT")
    run.add_argument("-o", "--out", required=True, help="output JSONL file")
    run.add_argument("--errors", help="errors JSONL file (default: OUT with .errors.jsonl)")
    run.add_argument("--workers", type=_positive, default=os.cpu_count() or 1,
                     help="worker processes (default: all cores, but no more than the work needs; "
                     "1 parses in this process)")
    run.add_argument("--text-field", default="text", help="JSONL field holding the text (default: text)")
    run.add_argument("--id-field", default="id",
                     help="JSONL field holding the id (default: id; without it the id is PATH:LINE)")
    run.add_argument("--no-tokens", **no_tokens)
    run.add_argument("--resume", action="store_true",
                     help="append to OUT, skipping ids that OUT or the errors file already hold")
    run.add_argument("--max-chars", type=_positive, default=DEFAULT_MAX_CHARS,
                     help="longer texts are errors (too_large) (default: %(default)s)")
    run.add_argument("--reference", **reference)
    run.set_defaults(run=_batch)

    render = commands.add_parser("render", help="one article as HTML, its extracted parts highlighted")
    render.add_argument("file", help="a text file, or - for stdin")
    render.add_argument("-o", "--output", required=True, help="the HTML file to write")
    render.add_argument("--no-tokens", **no_tokens)
    render.add_argument("--reference", **reference)
    render.set_defaults(run=_render)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except (OSError, DecodeError, InputError) as error:
        print("vnnews %s: %s" % (args.command, error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

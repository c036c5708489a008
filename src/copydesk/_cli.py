"""The ``copydesk`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from ._detect import looks_like_html
from ._html.front import parse_html
from ._model import Article, Block
from ._render import render_markdown, render_text
from ._text.front import parse_text
from ._version import __version__

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="copydesk",
        description="Turn messy scraped news (text dumps and HTML pages) into clean, typed articles.",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parse = sub.add_parser("parse", help="parse files (or standard input) and print the articles")
    parse.add_argument("files", nargs="*", metavar="FILE", help="files to parse; '-' or none reads standard input")
    parse.add_argument("--format", choices=("json", "jsonl", "text", "markdown"), default="json",
                       help="output format (default: json)")
    kind = parse.add_mutually_exclusive_group()
    kind.add_argument("--html", dest="kind", action="store_const", const="html", help="treat input as HTML")
    kind.add_argument("--text", dest="kind", action="store_const", const="text", help="treat input as plain text")
    parse.add_argument("--url", help="the URL the input came from (recorded on the article)")
    parse.add_argument("--explain", action="store_true",
                       help="print each input block with its label and the rule that gave it")
    parse.set_defaults(handler=_run_parse)
    from ._batch.cli import add_batch_parser

    add_batch_parser(sub)
    return parser


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    with open(name, "rb") as handle:
        return handle.read()


def _parse_one(data: bytes, kind: str | None, url: str | None) -> Article:
    if kind == "html" or (kind is None and looks_like_html(data)):
        return parse_html(data, url=url)
    return parse_text(data, url=url)


def explain(article: Article) -> str:
    """One line per block: span, label, rule and reason, then the text.

    For a page dump whose story was located, a first line gives the story
    region (the blocks outside it carry ``locate.*`` rules); the parts of a
    line cut in several blocks say which part they are.

    >>> from copydesk import parse_text
    >>> print(explain(parse_text("Title\\n\\nBody text.")).splitlines()[0])
    L1     title        title.first_line: first short block without a closing full stop
    >>> print(explain(parse_text("LONDON (Reuters) - It rained.")).splitlines()[0])
    L1     dateline     dateline.first_paragraph: ... (part 1/2)
    """
    rows = [f"story region: {d.message}" for d in article.diagnostics if d.code == "story_located"]
    blocks = article.blocks
    for index, block in enumerate(blocks):
        where = f"L{block.span.start + 1}" if block.span else "-"
        rows.append(f"{where:<6} {block.kind.value:<12} {block.rule}: {block.reason}{_part(blocks, index)}")
        rows.append(f"       | {block.text}")
    return "\n".join(rows)


def _part(blocks: Sequence[Block], index: int) -> str:
    """" (part k/n)" for a block cut out of one input line with its neighbours, else ""."""
    span = blocks[index].span
    if span is None:
        return ""
    first = index
    while first > 0 and blocks[first - 1].span == span:
        first -= 1
    last = index
    while last + 1 < len(blocks) and blocks[last + 1].span == span:
        last += 1
    return f" (part {index - first + 1}/{last - first + 1})" if last > first else ""


def _emit(article: Article, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(article.to_json(indent=2) + "\n")
    elif fmt == "jsonl":
        out.write(article.to_json() + "\n")
    elif fmt == "text":
        out.write(render_text(article) + "\n")
    else:
        out.write(render_markdown(article) + "\n")


def _run_parse(args: argparse.Namespace) -> int:
    files = args.files or ["-"]
    status = EXIT_OK
    articles: list[Article] = []
    for name in files:
        try:
            data = _read(name)
        except OSError as exc:
            print(f"copydesk: cannot read {name}: {exc.strerror or exc}; check the path and permissions",
                  file=sys.stderr)
            status = EXIT_FAILED
            continue
        article = _parse_one(data, args.kind, args.url)
        if args.explain:
            if len(files) > 1:
                sys.stdout.write(f"== {name}\n")
            sys.stdout.write(explain(article) + "\n")
        elif args.format == "json" and len(files) > 1:
            articles.append(article)
        else:
            _emit(article, args.format, sys.stdout)
    if articles:
        json.dump([a.to_dict() for a in articles], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    A file that cannot be read gives exit code 1 (the message goes to stderr):

    >>> main(["parse", "no-such-file.txt"])
    1
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        print("copydesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return code

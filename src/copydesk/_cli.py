"""The ``copydesk`` command line.

``copydesk parse`` reads what ``copydesk batch`` reads (one home: the batch
input readers): plain or gzip'ed files, JSONL (one record a line), WARC
archives and folders, or standard input. It prints the articles; an input
that cannot be read or gives no article body (empty, binary) is named on
standard error and the exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

import attrs

from ._batch.inputs import ReadOptions, Record, iter_records
from ._batch.run import InputKind, parse_record
from ._cli_options import add_config_flags, config_from_args
from ._config import ParseConfig
from ._model import Article, Block
from ._render import render_markdown, render_text
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
    parse = sub.add_parser(
        "parse", help="parse files (or standard input) and print the articles",
        description="Parse files, folders, JSONL or WARC (plain or gzip'ed), or standard input, and print "
                    "the articles.")
    parse.add_argument("files", nargs="*", metavar="FILE",
                       help="files or folders to parse; '-' or none reads standard input")
    parse.add_argument("--format", choices=("json", "jsonl", "text", "markdown"), default=None,
                       help="output format (default: json; with --explain, text)")
    kind = parse.add_mutually_exclusive_group()
    kind.add_argument("--html", dest="kind", action="store_const", const="html", help="treat input as HTML")
    kind.add_argument("--text", dest="kind", action="store_const", const="text", help="treat input as plain text")
    parse.add_argument("--url", help="the URL the input came from (recorded on the article)")
    parse.add_argument("--field", default="text", metavar="NAME",
                       help="JSONL: the field holding the text or HTML (default 'text')")
    parse.add_argument("--explain", action="store_true",
                       help="print each input block with its label and the rule that gave it (as a table with "
                            "--format text or markdown, as JSON with json or jsonl)")
    add_config_flags(parse)
    parse.set_defaults(handler=_run_parse, kind="auto")
    from ._batch.cli import add_batch_parser

    add_batch_parser(sub)
    return parser


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


def explain_rows(article: Article) -> list[dict[str, Any]]:
    """The blocks as :func:`explain` shows them, as JSON-ready dicts.

    >>> from copydesk import parse_text
    >>> explain_rows(parse_text("Title\\n\\nBody text."))[0]["kind"]
    'title'
    """
    blocks = article.blocks
    return [{"line": block.span.start + 1 if block.span else None, "kind": block.kind.value,
             "rule": block.rule, "reason": block.reason, "part": _part(blocks, index).strip(" ()") or None,
             "text": block.text} for index, block in enumerate(blocks)]


def _region(article: Article) -> str | None:
    """The story region of a located page dump, as :func:`explain` gives it first."""
    return next((d.message for d in article.diagnostics if d.code == "story_located"), None)


@attrs.frozen
class _Parsed:
    """One parsed record: where it came from and its article."""

    source: str
    index: int
    article: Article


def _emit(items: list[_Parsed], fmt: str, explained: bool, out: TextIO) -> None:
    """Write the articles (or their explanations) in ``fmt``."""
    several = len(items) > 1
    if fmt in ("json", "jsonl"):
        values = [{"source": p.source, "record": p.index, "story_region": _region(p.article),
                   "blocks": explain_rows(p.article)} if explained else p.article.to_dict() for p in items]
        if fmt == "jsonl":
            for value in values:
                out.write(json.dumps(value, ensure_ascii=False) + "\n")
        elif values:
            out.write(json.dumps(values if several else values[0], ensure_ascii=False, indent=2) + "\n")
        return
    for parsed in items:
        if several:
            out.write(f"== {parsed.source}" + (f" #{parsed.index}" if parsed.index else "") + "\n")
        if explained:
            out.write(explain(parsed.article) + "\n")
        else:
            out.write((render_text if fmt == "text" else render_markdown)(parsed.article) + "\n")


def _no_body(article: Article) -> str:
    """Why an article has no body, from its diagnostics."""
    reasons = [d.message for d in article.diagnostics if d.code in ("empty_input", "binary_input", "no_content")]
    return "; ".join(reasons) or "no article body was found"


def _records(files: list[str], args: argparse.Namespace, config: ParseConfig) -> Iterator[Record]:
    options = ReadOptions(field=args.field, max_bytes=config.html.max_bytes)
    return iter_records(files, options)


def _run_parse(args: argparse.Namespace) -> int:
    files = args.files or ["-"]
    if "-" in files and sys.stdin.isatty():
        print("copydesk: reading standard input; end it with Ctrl-D (or name a file: copydesk parse FILE)",
              file=sys.stderr)
    config = config_from_args(args)
    fmt = args.format or ("text" if args.explain else "json")
    status = EXIT_OK
    parsed: list[_Parsed] = []
    for record in _records(files, args, config):
        where = record.source + (f" (record {record.index})" if record.index else "")
        if record.error is not None or record.data is None:
            print(f"copydesk: cannot read {where}: {record.error}; check the path, permissions and format",
                  file=sys.stderr)
            status = EXIT_FAILED
            continue
        article = parse_record(record.data, kind=InputKind(args.kind), url=args.url or record.url,
                               content_type=record.content_type, config=config)
        if not article.paragraphs:
            print(f"copydesk: {where}: no article text: {_no_body(article)}", file=sys.stderr)
            status = EXIT_FAILED
        parsed.append(_Parsed(record.source, record.index, article))
        if fmt == "jsonl":
            _emit(parsed, fmt, args.explain, sys.stdout)  # streamed, one line a record
            parsed = []
    _emit(parsed, fmt, args.explain, sys.stdout)
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

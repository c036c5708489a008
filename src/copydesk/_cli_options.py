"""The parse options of the command line: one flag per :class:`~copydesk.ParseConfig` option users set.

``copydesk parse`` and ``copydesk batch`` take the same flags; each maps to
one field of the config (the table below is the one place that says which).
"""

from __future__ import annotations

import argparse
from typing import Any

import attrs

from ._config import DEFAULT_CONFIG, DayFirst, ParseConfig

#: flag, config group, option, value the flag sets, help.
_SWITCHES: tuple[tuple[str, str, str, bool, str], ...] = (
    ("--no-metadata", "html", "read_metadata", False,
     "HTML: do not read JSON-LD, OpenGraph, meta tags or microdata"),
    ("--no-tables", "html", "include_tables", False, "HTML: leave tables out of the body"),
    ("--keep-boilerplate", "classify", "remove_boilerplate", False,
     "keep boilerplate lines (share prompts, 'Advertisement', ...) in the body"),
    ("--keep-duplicates", "classify", "remove_duplicates", False, "keep repeated lines in the body"),
    ("--keep-captions", "classify", "separate_captions", False,
     "keep captions, photo credits and pull quotes in the body"),
    ("--no-mojibake-repair", "repair", "fix_mojibake", False, "do not repair mojibake (itâ€™s -> it’s)"),
    ("--straight-quotes", "repair", "keep_curly_quotes", False, "turn curly quotes and apostrophes straight"),
    ("--no-residue-repair", "repair", "remove_residue", False,
     "keep residue ftfy leaves (a lone 'À ' opening a paragraph, C1 controls)"),
    ("--keep-spaces", "repair", "normalize_spaces", False,
     "keep NBSP, zero-width characters and soft hyphens as they are"),
    ("--keep-markup", "repair", "strip_markup", False,
     "plain text: keep HTML entities and stray tags as they are"),
    ("--no-apostrophe-repair", "repair", "restore_apostrophes", False,
     "do not put back apostrophes a scraper turned into spaces ('don t')"),
    ("--no-join-lines", "text", "join_wrapped_lines", False,
     "plain text: do not re-join hard-wrapped lines"),
    ("--no-split-flattened", "text", "split_flattened", False,
     "plain text: do not split a text without line breaks into paragraphs"),
    ("--no-locate", "text", "locate_story", False,
     "plain text: do not look for the story in a dump of a whole page (keep every line)"),
)


def add_config_flags(parser: argparse.ArgumentParser) -> None:
    """Add the parse options to a subcommand's parser.

    >>> parser = argparse.ArgumentParser()
    >>> add_config_flags(parser)
    >>> config_from_args(parser.parse_args(["--day-first", "--no-tables"])).html.include_tables
    False
    """
    group = parser.add_argument_group("parse options")
    dates = group.add_mutually_exclusive_group()
    dates.add_argument("--day-first", dest="day_first", action="store_const", const=DayFirst.YES,
                       help="read all-numeric dates as day/month/year (03/04/2016 is 3 April)")
    dates.add_argument("--month-first", dest="day_first", action="store_const", const=DayFirst.NO,
                       help="read all-numeric dates as month/day/year (03/04/2016 is March 4)")
    for flag, _group, _option, _value, text in _SWITCHES:
        group.add_argument(flag, action="store_true", help=text)


def config_from_args(args: argparse.Namespace) -> ParseConfig:
    """The :class:`~copydesk.ParseConfig` the flags in ``args`` ask for.

    >>> config_from_args(argparse.Namespace(day_first=None)) == DEFAULT_CONFIG
    True
    """
    changes: dict[str, dict[str, Any]] = {}
    if getattr(args, "day_first", None) is not None:
        changes["dates"] = {"day_first": args.day_first}
    for flag, group, option, value, _text in _SWITCHES:
        if getattr(args, flag[2:].replace("-", "_"), False):
            changes.setdefault(group, {})[option] = value
    config = DEFAULT_CONFIG
    for group, options in changes.items():
        config = attrs.evolve(config, **{group: attrs.evolve(getattr(config, group), **options)})
    return config

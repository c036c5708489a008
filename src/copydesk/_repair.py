"""Repair decoded text: mojibake (ftfy) and the residue ftfy leaves."""

from __future__ import annotations

import ftfy

from ._config import RepairOptions
from ._model import Repair


def repair_text(text: str, options: RepairOptions | None = None) -> tuple[str, tuple[Repair, ...]]:
    """Repair ``text``; return the repaired text and the repairs made.

    >>> repair_text("itâ€™s")[0]
    'it’s'
    """
    options = options or RepairOptions()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    repairs: list[Repair] = []
    if options.fix_mojibake and not text.isascii():
        fixed = ftfy.fix_text(text, uncurl_quotes=not options.keep_curly_quotes, fix_line_breaks=False)
        if fixed != text:
            repairs.append(Repair("mojibake"))
            text = fixed
    return text, tuple(repairs)

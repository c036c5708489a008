"""The last two steps of rendering a messy text: layout (units to physical lines) and character noise.

A :class:`Layout` is drawn once per text (newline style, hard wraps,
blank lines, mojibake form); :func:`lay_out` turns units into lines and sets
each unit's line span; :func:`residue`, :func:`invisible` and
:func:`mojibake` then damage characters line by line.
"""

from __future__ import annotations

import contextlib
import textwrap

import attrs
import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec)
import hypothesis.strategies as st

from .options import Mojibake, Noise
from .text_units import Draw, Unit, chance


@attrs.frozen
class Layout:
    """The choices that apply to the whole text.

    They are drawn before anything else, so that shrinking the article (one
    block fewer) does not shift them.
    """

    single: bool
    width: int
    leading_blank_lines: int
    mojibake: Mojibake | None
    newline: str
    final_newline: bool


def draw_layout(draw: Draw, noise: Noise) -> Layout:
    single = chance(draw, noise.single_newlines)
    width = draw(st.integers(50, 80)) if not single and chance(draw, noise.hard_wrap) else 0
    leading = draw(st.integers(1, 2)) if chance(draw, noise.whitespace) else 0
    form = None
    if chance(draw, noise.mojibake):
        form = draw(st.sampled_from(sorted(noise.mojibake_forms, key=lambda m: list(Mojibake).index(m))))
    newline = "\r\n" if chance(draw, noise.crlf) else "\n"
    return Layout(single, width, leading, form, newline, draw(st.booleans()))


def lay_out(draw: Draw, units: list[Unit], noise: Noise, layout: Layout) -> list[str]:
    """Physical lines; sets each unit's ``lines`` range."""
    single, width = layout.single, layout.width
    lines: list[str] = [""] * layout.leading_blank_lines
    for number, unit in enumerate(units):
        if number:
            if chance(draw, noise.whitespace):
                lines.extend(draw(st.sampled_from(([""], ["", ""], [" "], ["\xa0"], ["\t"], ["", " ", ""]))))
            elif not single:
                lines.append("")
        if width:
            wrapped = textwrap.wrap(unit.shown, width, break_long_words=False, break_on_hyphens=False)
        else:
            wrapped = [unit.shown]
        start = len(lines)
        lines.extend(wrapped)
        unit.lines = (start, len(lines))
    return lines


def _interior_spaces(line: str) -> list[int]:
    return [i for i in range(1, len(line) - 1) if line[i] == " " and line[i - 1] != " " and line[i + 1] != " "]


def residue(draw: Draw, lines: list[str], unit: Unit) -> None:
    start, end = unit.lines
    if unit.residue_start and unit.shown[:1].isupper() and draw(st.booleans()):
        lines[start] = "À " + lines[start]
        return
    which = draw(st.integers(start, end - 1))
    spaces = _interior_spaces(lines[which])
    if spaces:
        at = spaces[draw(st.integers(0, len(spaces) - 1))]
        lines[which] = lines[which][:at] + "Â" + lines[which][at:]


def invisible(draw: Draw, lines: list[str], unit: Unit) -> None:
    start, end = unit.lines
    which = draw(st.integers(start, end - 1))
    line = lines[which]
    kind = draw(st.sampled_from(("nbsp", "zwsp", "shy", "bom")))
    if kind == "bom":
        lines[which] = "\ufeff" + line
        return
    if kind == "nbsp":
        spots = _interior_spaces(line)
    else:
        spots = [i for i in range(1, len(line)) if line[i - 1].isalpha() and line[i].isalpha()]
    if not spots:
        return
    at = spots[draw(st.integers(0, len(spots) - 1))]
    if kind == "nbsp":
        lines[which] = line[:at] + "\xa0" + line[at + 1:]
    else:
        lines[which] = line[:at] + ("\u200b" if kind == "zwsp" else "\xad") + line[at:]


def _cp1252(line: str) -> str:
    return line.encode("utf-8").decode("sloppy-windows-1252")


def mojibake(draw: Draw, lines: list[str], form: Mojibake | None) -> None:
    if form is None:
        return
    for i, line in enumerate(lines):
        if line.isascii() or not line.strip():
            # Blank lines (even an NBSP one) stay blank: they belong to no block.
            continue
        if form is Mojibake.CP1252:
            lines[i] = _cp1252(line)
        elif form is Mojibake.LATIN_1:
            lines[i] = line.encode("utf-8").decode("latin-1")
        elif form is Mojibake.DOUBLE:
            lines[i] = _cp1252(_cp1252(line))
        elif form is Mojibake.PARTIAL:
            if draw(st.booleans()):
                lines[i] = _cp1252(line)
        else:  # C1_CONTROLS: cp1252 bytes read as Latin-1, where the line fits cp1252
            with contextlib.suppress(UnicodeEncodeError):
                lines[i] = line.encode("cp1252").decode("latin-1")

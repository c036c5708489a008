"""Render an :class:`~copydesk.Article` as a messy scraped text dump, and build its truth.

The rendering goes in three steps:

1. *units*: the logical lines of the dump (title, byline, date line,
   paragraphs, captions, credit tags, boilerplate, ...), each with the clean
   text it shows and the truth it stands for;
2. *layout*: units become physical lines (hard wraps, separators, extra
   whitespace), and the line numbers give every truth block its span;
3. *characters*: residue letters, invisible characters and mojibake are
   added line by line, and the lines are joined (LF or CRLF).

The truth is rebuilt from what was rendered, so it always matches the text:
a part of the article that was not rendered is not in the truth.
"""

from __future__ import annotations

import attrs
import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec)
import hypothesis.strategies as st

from .._model import Article, Block, BlockKind, Caption, Credit, CreditRole, Dateline, Span, Timestamp
from . import pools
from .dates import Precision, date_texts, precision_of
from .layout import draw_layout, invisible, lay_out, mojibake, residue
from .options import Noise
from .pools import Language
from .text_units import Draw, Plan, Unit, chance, clean

BY_WORDS: dict[Language, tuple[str, ...]] = {
    Language.ENGLISH: ("By", "Written by", "Author:"),
    Language.FRENCH: ("Par",),
    Language.GERMAN: ("Von",),
    Language.SPANISH: ("Por",),
    Language.ITALIAN: ("Di",),
    Language.PORTUGUESE: ("Por",),
}
AND_WORDS: dict[Language, str] = {
    Language.ENGLISH: "and",
    Language.FRENCH: "et",
    Language.GERMAN: "und",
    Language.SPANISH: "y",
    Language.ITALIAN: "e",
    Language.PORTUGUESE: "e",
}
#: Byline lines that carry the date too; ``{by}`` is the localised "By".
COMBINED_LINES: dict[Language, tuple[str, ...]] = {
    Language.ENGLISH: (
        "By {names} | {date}",
        "Posted by {names} on {date}",
        "{date} by {names}",
        "By {names} • {date}",
        "Posted on {date} by {names}",
    ),
    Language.FRENCH: ("Par {names} | {date}", "Publié le {date} par {names}"),
    Language.GERMAN: ("Von {names} | {date}",),
    Language.SPANISH: ("Por {names} | {date}",),
    Language.ITALIAN: ("Di {names} | {date}",),
    Language.PORTUGUESE: ("Por {names} | {date}",),
}
DATE_LINES: dict[Language, tuple[str, ...]] = {
    Language.ENGLISH: ("{date}", "Published: {date}", "Published {date}", "Posted on {date}"),
    Language.FRENCH: ("{date}", "Publié le {date}"),
    Language.GERMAN: ("{date}", "Veröffentlicht am {date}"),
    Language.SPANISH: ("{date}", "Publicado el {date}"),
    Language.ITALIAN: ("{date}", "Pubblicato il {date}"),
    Language.PORTUGUESE: ("{date}", "Publicado em {date}"),
}
UPDATED_LINES: dict[Language, tuple[str, ...]] = {
    Language.ENGLISH: ("Updated: {date}", "Updated {date}", "Last updated: {date}"),
    Language.FRENCH: ("Mis à jour le {date}",),
    Language.GERMAN: ("Aktualisiert am {date}",),
    Language.SPANISH: ("Actualizado el {date}",),
    Language.ITALIAN: ("Aggiornato il {date}",),
    Language.PORTUGUESE: ("Atualizado em {date}",),
}
STORY_CREDIT_LINES = ("- {a} inputs", "(With inputs from {a})", "— With inputs from {a}", "With inputs from {a}")
STORY_CREDIT_TRAILERS = (" -{A}", " --{a}", " ({a})")
CONTRIBUTED_LINES = ("{a} contributed to this report.", "Additional reporting by {a}",
                     "({a} contributed to this report.)")
PHOTO_CREDIT_LINES = ("Photo: {c}", "Photo credit: {c}", "Image: {c}")
ONE_LINE_CAPTIONS = ("{t} (Photo: {c})", "{t} | Photo: {c}", "{t}. Photo: {c}")
BULLETS = ("• ", "- ", "* ")
#: Languages in which a paragraph may really open with the word "À".
_A_GRAVE_WORD = frozenset({Language.FRENCH, Language.PORTUGUESE, Language.ITALIAN})
_EN_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def language_of(article: Article) -> Language:
    """The article's language as a :class:`Language` (English when unknown)."""
    try:
        return Language(article.language)
    except ValueError:
        return Language.ENGLISH


def join_names(names: tuple[str, ...], language: Language, draw: Draw) -> str:
    """Names as a byline lists them: "A", "A and B", "A, B and C"."""
    conj = AND_WORDS.get(language, "and")
    if len(names) == 1:
        return names[0]
    head = ", ".join(names[:-1])
    if len(names) > 2 and language is Language.ENGLISH and draw(st.booleans()):
        head += ","  # the Oxford comma
    return f"{head} {conj} {names[-1]}"


def truth_timestamp(ts: Timestamp, raw: str) -> Timestamp:
    """The parts of ``ts`` a text written from it states."""
    timed = ts.hour is not None
    return Timestamp(
        raw=raw, year=ts.year, month=ts.month, day=ts.day, hour=ts.hour,
        minute=(ts.minute or 0) if timed else None,
        second=ts.second if timed else None,
        utc_offset=ts.utc_offset if timed else None,
    )


def _header(draw: Draw, article: Article, noise: Noise, language: Language, plan: Plan) -> None:
    title = clean(article.title or "")
    if title:
        plan.title = title
        plan.units.append(Unit(BlockKind.TITLE, title, title))
    names = tuple(n for n in (clean(a) for a in article.authors) if n)
    placeholder = False
    if names:
        show_byline = chance(draw, noise.byline)
    else:
        show_byline = chance(draw, noise.byline) and draw(st.booleans())
        placeholder = True
    ts = article.published
    show_date = (
        ts is not None and precision_of(ts) is not Precision.YEAR and chance(draw, noise.date)
    )
    date_text = ""
    if show_date:
        assert ts is not None
        date_text = draw(st.sampled_from(date_texts(ts, language)))
        plan.published = truth_timestamp(ts, date_text)
    if not show_byline:
        if show_date:
            line = draw(st.sampled_from(DATE_LINES.get(language, DATE_LINES[Language.ENGLISH])))
            shown = line.format(date=date_text)
            plan.units.append(Unit(BlockKind.DATE, shown, shown))
            _updated_line(draw, article, noise, language, plan)
        return
    names_text = draw(st.sampled_from(pools.PLACEHOLDER_BYLINES)) if placeholder else join_names(names, language, draw)
    plan.authors = () if placeholder else names
    units: list[Unit] = []
    if show_date and draw(st.booleans()):
        form = draw(st.sampled_from(COMBINED_LINES.get(language, COMBINED_LINES[Language.ENGLISH])))
        shown = form.format(names=names_text, date=date_text)
        units.append(Unit(BlockKind.BYLINE, shown, shown))
    else:
        by_word = draw(st.sampled_from(BY_WORDS.get(language, BY_WORDS[Language.ENGLISH])))
        shown = f"{by_word} {names_text}"
        units.append(Unit(BlockKind.BYLINE, shown, shown))
        if show_date:
            line = draw(st.sampled_from(DATE_LINES.get(language, DATE_LINES[Language.ENGLISH])))
            date_line = line.format(date=date_text)
            units.append(Unit(BlockKind.DATE, date_line, date_line))
            if draw(st.booleans()):
                units.reverse()
    plan.byline = units[0] if units[0].kind is BlockKind.BYLINE else units[1]
    plan.units.extend(units)
    if show_date:
        _updated_line(draw, article, noise, language, plan)


def _updated_line(draw: Draw, article: Article, noise: Noise, language: Language, plan: Plan) -> None:
    """An "Updated: ..." line after the publication date, when the article was updated."""
    ts = article.updated
    if ts is None or precision_of(ts) is Precision.YEAR or not chance(draw, noise.date):
        return
    date_text = draw(st.sampled_from(date_texts(ts, language)))
    line = draw(st.sampled_from(UPDATED_LINES.get(language, UPDATED_LINES[Language.ENGLISH])))
    shown = line.format(date=date_text)
    plan.updated = truth_timestamp(ts, date_text)
    plan.units.append(Unit(BlockKind.DATE, shown, shown))


def dateline_prefix(
    draw: Draw, article: Article, dateline_weight: float, credit_weight: float, plan: Plan
) -> tuple[str, Credit | None]:
    """The dateline opening the first paragraph ("" for none) and the credit it states."""
    dateline = article.dateline
    if dateline is None or not clean(dateline.place) or not chance(draw, dateline_weight):
        return "", None
    place = clean(dateline.place)
    agency = clean(dateline.agency or "")
    if agency and not chance(draw, credit_weight):
        agency = ""
    upper = place.upper()
    date_text = None
    if agency:
        forms = ["{P} ({a}) - ", "{P} ({a}) — "]
        ts = article.published
        if ts is not None and ts.month is not None and ts.day is not None:
            date_text = f"{_EN_ABBR[ts.month - 1]} {ts.day}"
            forms.append("{P}, {d} ({a}) — ")
        form = draw(st.sampled_from(forms))
        if "{d}" not in form:
            date_text = None
        prefix = form.format(P=upper, a=agency, d=date_text)
        shown_place = upper
    else:
        form = draw(st.sampled_from(("{p}: ", "{P}: ", "{P} — ", "{P} -- ")))
        prefix = form.format(p=place, P=upper)
        shown_place = place if "{p}" in form else upper
    raw = prefix.strip()
    plan.dateline = Dateline(place=shown_place, raw=raw, agency=agency or None, date_text=date_text)
    credit = Credit(name=agency, raw=raw, role=CreditRole.STORY) if agency else None
    return prefix, credit


def credit_units(
    draw: Draw, article: Article, credit_weight: float, used: str | None, trailer_ok: bool
) -> tuple[list[tuple[Credit, Unit]], tuple[Credit, str] | None]:
    """Credit tag lines for the end of the text, and at most one trailer for the last paragraph."""
    lines: list[tuple[Credit, Unit]] = []
    trailer: tuple[Credit, str] | None = None
    # People (not agencies) who added reporting or edited: one Reuters-style trailer line.
    helpers = [(clean(c.name), c.role) for c in article.credits if not c.is_agency and clean(c.name)
               and c.role in (CreditRole.CONTRIBUTED, CreditRole.EDITING)]
    for credit in article.credits:
        name = clean(credit.name)
        if not name or not credit.is_agency or credit.role not in (CreditRole.STORY, CreditRole.CONTRIBUTED):
            continue
        if credit.role is CreditRole.STORY and name == used:
            continue
        if not chance(draw, credit_weight):
            continue
        if credit.role is CreditRole.STORY:
            use_trailer = trailer_ok and trailer is None and draw(st.booleans())
            if use_trailer:
                text = draw(st.sampled_from(STORY_CREDIT_TRAILERS)).format(a=name, A=name.upper())
                trailer = (Credit(name=name, raw=text.strip(), role=credit.role, is_agency=credit.is_agency), text)
                continue
            shown = draw(st.sampled_from(STORY_CREDIT_LINES)).format(a=name)
        else:
            shown = draw(st.sampled_from(CONTRIBUTED_LINES)).format(a=name)
        truth = Credit(name=name, raw=shown, role=credit.role, is_agency=credit.is_agency)
        lines.append((truth, Unit(BlockKind.CREDIT, shown, shown)))
    if helpers and chance(draw, credit_weight):
        reporters = tuple(n for n, role in helpers if role is CreditRole.CONTRIBUTED)
        editors = tuple(n for n, role in helpers if role is CreditRole.EDITING)
        parts = []
        if reporters:
            parts.append(f"Additional reporting by {join_names(reporters, Language.ENGLISH, draw)}")
        if editors:
            parts.append(f"Editing by {join_names(editors, Language.ENGLISH, draw)}")
        shown = "; ".join(parts)
        if draw(st.booleans()):
            shown = f"({shown})"
        unit = Unit(BlockKind.CREDIT, shown, shown)
        people = [*((n, CreditRole.CONTRIBUTED) for n in reporters), *((n, CreditRole.EDITING) for n in editors)]
        lines.extend((Credit(name=name, raw=shown, role=role, is_agency=False), unit) for name, role in people)
    return lines, trailer


def distinct_units(credit_lines: list[tuple[Credit, Unit]]) -> list[Unit]:
    """The units of ``credit_lines`` in order, each once (one line can credit several people)."""
    out: list[Unit] = []
    for _credit, unit in credit_lines:
        if not any(unit is seen for seen in out):
            out.append(unit)
    return out


def _caption_units(draw: Draw, caption: Caption, noise: Noise) -> tuple[Caption, list[Unit]]:
    text = clean(caption.text)
    credit = clean(caption.credit or "")
    if not credit or not chance(draw, noise.photo_credit):
        return Caption(text=text, raw=text), [Unit(BlockKind.CAPTION, text, text)]
    layout = draw(st.sampled_from(("two_lines", "one_line", "image_copyright")))
    if layout == "two_lines":
        credit_line = draw(st.sampled_from(PHOTO_CREDIT_LINES)).format(c=credit)
        units = [Unit(BlockKind.CAPTION, text, text), Unit(BlockKind.PHOTO_CREDIT, credit_line, credit_line)]
    elif layout == "one_line":
        line = draw(st.sampled_from(ONE_LINE_CAPTIONS)).format(t=text, c=credit)
        units = [Unit(BlockKind.CAPTION, line, line)]
    else:
        units = [
            Unit(BlockKind.PHOTO_CREDIT, f"Image copyright {credit}", f"Image copyright {credit}"),
            Unit(BlockKind.CAPTION, f"Image caption {text}", f"Image caption {text}"),
        ]
    raw = "\n".join(u.shown for u in units)
    return Caption(text=text, credit=credit, raw=raw), units


def _body(draw: Draw, article: Article, noise: Noise, language: Language, plan: Plan) -> None:
    body: list[Block] = []
    for block in article.blocks:
        text = clean(block.text)
        if not block.kind.is_body or not text:
            continue
        if block.kind is BlockKind.SUBHEADING and not chance(draw, noise.subheading):
            continue
        if block.kind is BlockKind.LIST_ITEM and not chance(draw, noise.list_item):
            continue
        body.append(attrs.evolve(block, text=text))
    prefix, dateline_credit = "", None
    if body and body[0].kind is BlockKind.PARAGRAPH:
        prefix, dateline_credit = dateline_prefix(draw, article, noise.dateline, noise.credit, plan)
    if dateline_credit is not None:
        plan.credits.append(dateline_credit)
    trailer_ok = bool(body) and body[-1].kind is BlockKind.PARAGRAPH and not (len(body) == 1 and prefix)
    credit_lines, trailer = credit_units(
        draw, article, noise.credit, dateline_credit.name if dateline_credit else None, trailer_ok
    )
    if trailer is not None:
        plan.credits.append(trailer[0])
    plan.credits.extend(credit for credit, _unit in credit_lines)

    # What goes into the gap after each body block (the last gap is the end).
    gaps: list[list[Unit]] = [[] for _ in range(max(1, len(body)))]
    for caption in article.captions:
        if not clean(caption.text) or not chance(draw, noise.caption):
            continue
        where = draw(st.integers(0, len(gaps) - 1))
        truth, units = _caption_units(draw, caption, noise)
        plan.captions.append((truth, units))
        gaps[where].extend(units)
    for raw_quote in article.pull_quotes:
        quote = clean(raw_quote)
        if not quote or not chance(draw, noise.pull_quote):
            continue
        where = next((i for i, b in enumerate(body) if quote in b.text), None)
        if where is None:
            where = draw(st.integers(0, len(gaps) - 1))
        shown = quote[:-1] if quote.endswith(".") and draw(st.booleans()) else quote
        gaps[where].append(Unit(BlockKind.PULL_QUOTE, shown, shown))

    header_extra: list[Unit] = []
    if plan.title and chance(draw, noise.duplicate):
        header_extra.append(Unit(BlockKind.DUPLICATE, plan.title, plan.title))
    used_boilerplate: set[str] = set()

    def boilerplate() -> list[Unit]:
        if not chance(draw, noise.boilerplate):
            return []
        line = draw(st.sampled_from(pools.BOILERPLATE))
        if "{title}" in line:
            line = line.format(title=draw(st.sampled_from(pools.OTHER_HEADLINES)))
        if line in used_boilerplate or line == plan.title:
            return []
        used_boilerplate.add(line)
        return [Unit(BlockKind.BOILERPLATE, line, line)]

    bullet = draw(st.sampled_from(BULLETS)) if any(b.kind is BlockKind.LIST_ITEM for b in body) else ""
    plan.units.extend(header_extra)
    plan.units.extend(boilerplate())
    last = len(body) - 1
    for index, block in enumerate(body):
        shown = block.text
        if index == 0 and prefix:
            shown = prefix + shown
        if index == last and trailer is not None:
            shown += trailer[1]
        if block.kind is BlockKind.LIST_ITEM:
            shown = bullet + shown
        residue_ok = block.kind is BlockKind.PARAGRAPH and language not in _A_GRAVE_WORD
        plan.units.append(Unit(block.kind, shown, block.text, residue_start=residue_ok))
        if (
            block.kind is BlockKind.PARAGRAPH
            and shown == block.text
            and chance(draw, noise.duplicate)
        ):
            plan.units.append(Unit(BlockKind.DUPLICATE, shown, shown))
        if index == last:
            break
        plan.units.extend(gaps[index])
        plan.units.extend(boilerplate())
    plan.units.extend(gaps[-1])
    plan.units.extend(distinct_units(credit_lines))
    plan.units.extend(boilerplate())


def render_text(draw: Draw, article: Article, noise: Noise) -> tuple[str, Article]:
    """The messy text for ``article`` under ``noise``, and the truth."""
    language = language_of(article)
    layout = draw_layout(draw, noise)
    plan = Plan()
    _header(draw, article, noise, language, plan)
    _body(draw, article, noise, language, plan)
    lines = lay_out(draw, plan.units, noise, layout)
    for unit in plan.units:
        if unit.kind.is_body and chance(draw, noise.residue):
            residue(draw, lines, unit)
        if chance(draw, noise.invisible):
            invisible(draw, lines, unit)
    mojibake(draw, lines, layout.mojibake)
    if chance(draw, noise.whitespace):
        # Trailing spaces on every line of one unit (editors' copy often has them).
        start, end = plan.units[draw(st.integers(0, len(plan.units) - 1))].lines if plan.units else (0, 0)
        for i in range(start, end):
            lines[i] += " "
    text = layout.newline.join(lines)
    if layout.final_newline:
        text += layout.newline

    blocks = tuple(Block(u.kind, u.truth, Span(*u.lines)) for u in plan.units)
    # Captions and pull quotes sit where the draw put them: list them in text order.
    captions = tuple(
        attrs.evolve(caption, span=Span(units[0].lines[0], units[-1].lines[1]))
        for caption, units in sorted(plan.captions, key=lambda item: item[1][0].lines)
    )
    pull_quotes = tuple(u.truth for u in plan.units if u.kind is BlockKind.PULL_QUOTE)
    truth = Article(
        title=plan.title,
        authors=plan.authors,
        byline=plan.byline.shown if plan.byline else None,
        published=plan.published,
        updated=plan.updated,
        dateline=plan.dateline,
        credits=tuple(plan.credits),
        captions=captions,
        pull_quotes=pull_quotes,
        blocks=blocks,
        language=article.language,
    )
    return text, truth

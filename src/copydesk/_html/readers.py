"""Small readers of page strings that the metadata reader and the merge share.

- site names in titles: :func:`is_site_name`, :func:`strip_site_name`;
- whether two titles name the same story: :func:`titles_agree`;
- the publication date and the byline written in a few short lines near a
  title: :func:`date_in_lines`, :func:`byline_in_lines`;
- the text blocks around an article's title, up to where its body starts:
  :func:`blocks_near_title`, :func:`lines_before_body`;
- :data:`BODY_TEXT`, the length of a string that means the body has started.

Person names come from :mod:`copydesk._lexicon.names`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .._config import ParseConfig
from .._lexicon.bylines import by_marker, strip_by_marker, without_date_lead, without_handles
from .._lexicon.date_words import labels_update
from .._lexicon.dates import find_timestamp, parse_timestamp
from .._lexicon.names import NameKind, classify_name, person_names
from .._lexicon.sites import host_key, squash
from .._model import Article, Block, BlockKind, TimeSource, Timestamp

#: A string (or block) this long near the title means the article's body has started.
BODY_TEXT = 200

_WORD = re.compile(r"\w+")  # one token class, no nesting: linear

# -- site names and titles ----------------------------------------------------------

# Separators between a headline and the site name: " | ", " - ", " – ", " — ",
# " :: ", " · ", " « ", " » ", " / ". Spaces are required on both sides so
# hyphenated words are safe. A single alternation: linear.
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|«|»|/|•)\s+")


def is_site_name(part: str, site_names: Sequence[str], url: str | None = None) -> bool:
    """True when ``part`` names the site: one of ``site_names`` or the URL's host (letters only, case ignored).

    >>> is_site_name("The Example Times", [], "https://www.example-times.com/a")
    True
    >>> is_site_name("Storm hits coast", ["Daily Example"])
    False
    """
    keys = {squash(s) for s in site_names if s}
    keys.discard("")
    host = host_key(url)
    key = squash(part)
    if not key:
        return False
    if key in keys:
        return True
    # "Example" vs "Example News": one holds the other and they are of about the same length.
    if any(len(k) >= 4 and (k in key or key in k) and abs(len(key) - len(k)) <= max(4, len(k) // 3) for k in keys):
        return True
    if host and len(host) >= 3:
        bare = key[3:] if key.startswith("the") else key
        host_bare = host[3:] if host.startswith("the") else host
        if bare == host_bare:
            return True
        return len(host_bare) >= 4 and bare.startswith(host_bare) and len(bare) <= len(host_bare) + 6
    return False


def strip_site_name(title: str, site_names: Sequence[str], url: str | None = None) -> str:
    """Remove a leading or trailing site name (" | Site", "Site - ") from a title.

    A part is taken as the site name when it matches one of ``site_names`` or
    the URL's host name (letters only, case ignored); the headline itself is
    never removed.

    >>> strip_site_name("Storm hits coast | Daily Example", ["Daily Example"])
    'Storm hits coast'
    >>> strip_site_name("Storm hits coast - The Example Times", [], "https://www.example-times.com/a")
    'Storm hits coast'
    >>> strip_site_name("Jean-Pierre - a life", ["Le Site"])
    'Jean-Pierre - a life'
    """
    title = _strip_site_label(title, site_names, url)
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    separators = _TITLE_SEPARATOR.findall(title)
    # Trailing site names (possibly several: "Headline | Section | Site").
    while len(parts) > 1 and is_site_name(parts[-1], site_names, url):
        parts.pop()
        separators.pop()
    while len(parts) > 1 and is_site_name(parts[0], site_names, url):
        parts.pop(0)
        separators.pop(0)
    out = parts[0]
    for sep, part in zip(separators, parts[1:], strict=False):
        out += sep + part
    return out.strip() or title


# "Site: Headline": a short label before a colon and a space. Bounded, no nesting: linear.
_SITE_LABEL = re.compile(r"([^:|]{2,60}):\s+(?=\S)")


def _strip_site_label(title: str, site_names: Sequence[str], url: str | None) -> str:
    """The title without a leading "Site: " when the label names the site.

    >>> _strip_site_label("Daily Example: Storm hits coast", ["Daily Example"], None)
    'Storm hits coast'
    >>> _strip_site_label("Breaking: Storm hits coast", ["Daily Example"], None)
    'Breaking: Storm hits coast'
    """
    match = _SITE_LABEL.match(title)
    if match is None or match.end() >= len(title):
        return title
    if is_site_name(match.group(1).strip(), site_names, url):
        return title[match.end():]
    return title


def title_parts(title: str) -> list[str]:
    """The parts of a title between its separators (" | ", " - ", " – " ...).

    >>> title_parts("Storm hits coast - News | Daily Example")
    ['Storm hits coast', 'News', 'Daily Example']
    """
    return _TITLE_SEPARATOR.split(title)


def _words(text: str) -> set[str]:
    """The text's words, case folded."""
    return {w.casefold() for w in _WORD.findall(text)}


def titles_agree(a: str, b: str) -> bool:
    """True when two titles share most of their words (Dice coefficient >= 0.6),
    or one is a whole part of the other ("About us" and "About us – Example Studio").

    >>> titles_agree("Storm hits the coast", "Storm hits coast | Daily Example")
    True
    >>> titles_agree("About bugs", "About bugs – Vortex Studio Games")
    True
    """
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if 2 * len(wa & wb) / (len(wa) + len(wb)) >= 0.6:
        return True
    return _is_part(a, b) or _is_part(b, a)


def _is_part(short: str, long: str) -> bool:
    """True when ``short`` is one of the separator-delimited parts of ``long``."""
    key = squash(short)
    return len(key) >= 4 and any(squash(part) == key for part in _TITLE_SEPARATOR.split(long))


# -- date lines and bylines -------------------------------------------------------

def _is_update_line(text: str, start: int, previous: str = "") -> bool:
    """True when the words before a date say it is an update time, on its line or as a label line before it."""
    if labels_update(text[:start]):
        return True
    label_line = len(previous) <= _LABEL_CHARS and not any(ch.isdigit() for ch in previous)
    return label_line and not text[:start].strip() and labels_update(previous)


#: A label line ("Updated", "Last modified:") before a date is at most this long.
_LABEL_CHARS = 30


def _previous(lines: Sequence[str]) -> list[tuple[str, str]]:
    """Each line with the line before it ("" for the first)."""
    return [(text, lines[index - 1] if index else "") for index, text in enumerate(lines)]


def date_in_lines(lines: Sequence[str], config: ParseConfig, *, loose: bool = True) -> Timestamp | None:
    """The publication date written in short lines near a title, or None.

    A line that is nothing but a date (with labels: "Published: 4 March
    2021") wins; then a short line that opens with a date or is mostly one
    ("05/10/2018 - Posted by Jane Doe", "기사입력 :[ 2018-09-28 17:32 ]"),
    unless ``loose`` is false. Dates labelled as updates are skipped.

    >>> from copydesk import ParseConfig
    >>> date_in_lines(["By Jane Doe", "Updated 5 March 2021", "Published 4 March 2021"],
    ...               ParseConfig()).isoformat()
    '2021-03-04'
    >>> date_in_lines(["Updated", "5 March 2021"], ParseConfig()) is None
    True
    >>> date_in_lines(["A long paragraph that mentions 4 March 2021 in passing, as news does."],
    ...               ParseConfig()) is None
    True
    """
    day_first = config.dates.day_first
    for text, previous in _previous(lines):
        if len(text) <= 80:
            found = find_timestamp(text, source=TimeSource.TEXT, day_first=day_first)
            if found is None or found.timestamp.day is None or _is_update_line(text, found.start, previous):
                continue
            if parse_timestamp(text, source=TimeSource.TEXT, day_first=day_first) is not None:
                return found.timestamp
    if not loose:
        return None
    for text, previous in _previous(lines):
        if len(text) > 160:
            continue
        found = find_timestamp(text, source=TimeSource.TEXT, day_first=day_first)
        if found is None or found.timestamp.day is None or _is_update_line(text, found.start, previous):
            continue
        opens = not _WORD.search(text[: found.start])
        mostly = (found.end - found.start) * 5 >= len(text.strip()) * 2
        if opens or mostly:
            return found.timestamp
    return None


# The parts of a byline line: "05/10/2018 - Posted by: Jane Doe | Health".
_SEGMENT_SPLIT = re.compile(r"\s+[-–—|•·]\s+")


def byline_in_lines(
    lines: Sequence[str], *, organisations: Iterable[str] = (), url: str | None = None
) -> list[str]:
    """The persons of the first byline among ``lines`` ("By Jane Doe", or "By" then the name).

    >>> byline_in_lines(["Storm hits", "By", "Jane Doe", "March 4, 2021"])
    ['Jane Doe']
    >>> byline_in_lines(["By JANE DOE | March 4, 2021"])
    ['Jane Doe']
    >>> byline_in_lines(["05/10/2018 - Publicado por: Maria Silva - Categoria: Saúde"])
    ['Maria Silva']
    >>> byline_in_lines(["Bystanders watched the storm."])
    []
    """
    orgs = list(organisations)
    for index, line in enumerate(lines):
        segments = _SEGMENT_SPLIT.split(line)
        for position, text in enumerate(segments):
            start = by_marker(text + " ")
            if start is None:
                continue
            rest = text[start:].strip()
            separate = not rest
            if separate:
                following = segments[position + 1:] or lines[index + 1: index + 2]
                rest = following[0] if following else ""
            rest = trim_byline(rest)
            if not rest or len(rest) > 150:
                continue
            persons, _orgs = person_names([rest], organisations=orgs, url=url)
            if separate:
                # The name in the next string: a single word there is as often a place.
                persons = [p for p in persons if len(p.split()) >= 2]
            if persons:
                return persons
    return []


# An outlet after "for" in a byline ("By Jane Doe for The Example"). Literals and simple classes: linear.
_FOR_OUTLET = re.compile(r"\s+[Ff]or\s+(?=(?:[Tt]he\s+)?[A-Z])")


def trim_byline(text: str) -> str:
    """A byline's names without what it carries besides: handles, "for <outlet>", a date.

    >>> trim_byline("Jane Doe for The Example Times")
    'Jane Doe'
    >>> trim_byline("Hans Müller am 04.03.2021"), trim_byline("Jane Doe @jane_doe")
    ('Hans Müller', 'Jane Doe')
    >>> trim_byline("Jane Doe and John Roe, Reuters")
    'Jane Doe and John Roe, Reuters'
    >>> trim_byline("Organization for Transformative Works")
    'Organization for Transformative Works'
    """
    text = without_handles(text)
    if len(text) <= _BYLINE_SCAN:
        found = find_timestamp(text, source=TimeSource.TEXT)
        if found is not None and found.start > 0:
            text = without_date_lead(text[: found.start])
    match = _FOR_OUTLET.search(text)
    if match is not None and _is_full_name(strip_by_marker(text[: match.start()])):
        text = text[: match.start()]  # "Jane Doe for The Example", not "Organization for ..."
    return " ".join(text.split()).strip(" ,;|-–—")


def _is_full_name(text: str) -> bool:
    """True when ``text`` reads as a person's full name (two words or more)."""
    return len(text.split()) >= 2 and classify_name(text) is NameKind.PERSON


#: Longest byline searched for a date.
_BYLINE_SCAN = 200


# The parts of a credit: split at "/", ",", ";", "|", brackets and " by "; one
# alternation of literals, linear.
_CREDIT_PARTS = re.compile(r"[/,;|()\[\]]|\s+(?:by|von|por|par|di|door)\s+", re.IGNORECASE)

#: Letters a credit's part needs to count as a name.
_MIN_NAME_KEY = 6


def credited_names(texts: Iterable[str]) -> set[str]:
    """The parts of photo credits, captions and the like that can be names, squashed:
    "Photo: Jane Doe/Agency", "Jane Doe, AGENCY", "(Agency Photo/Jane Doe)".

    >>> sorted(credited_names(["(AP Photo/Jane Doe, File)", "Photo by John Roe"]))
    ['apphoto', 'janedoe', 'johnroe']
    """
    keys: set[str] = set()
    for text in texts:
        for part in _CREDIT_PARTS.split(text):
            key = squash(strip_by_marker(part.rsplit(":", 1)[-1].strip()))
            if len(key) >= _MIN_NAME_KEY:
                keys.add(key)
    return keys


# -- the article's text near its title ----------------------------------------------


def blocks_near_title(blocks: Sequence[Block], *, before: int = 3, after: int = 8) -> list[Block]:
    """The blocks around the article's title (the title left out), where bylines and date lines sit.

    >>> from copydesk._model import Block, BlockKind
    >>> bs = [Block(BlockKind.TITLE, "T"), Block(BlockKind.DATE, "4 March 2021")]
    >>> [b.text for b in blocks_near_title(bs)]
    ['4 March 2021']
    """
    index = next((i for i, b in enumerate(blocks) if b.kind is BlockKind.TITLE), 0)
    window = blocks[max(0, index - before): index + after + 1]
    return [b for b in window if b.kind is not BlockKind.TITLE]


def lines_before_body(article: Article) -> list[str]:
    """The texts of the blocks around the title, up to where the body starts."""
    near: list[str] = []
    for block in blocks_near_title(article.blocks):
        if block.kind.is_body and len(block.text) > BODY_TEXT:
            break  # the body has started: later dates are events, bylines are quotes
        near.append(block.text)
    return near

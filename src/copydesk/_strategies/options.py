"""The options of the public strategies: which noise, which page chrome, how much.

Everything here is a frozen attrs class or an enum; nothing imports
Hypothesis, so these can be built and checked without it.

A weight is a probability between 0 and 1:

- for a kind that applies to a whole text (``CRLF``, ``HARD_WRAP``,
  ``MOJIBAKE``, ``SINGLE_NEWLINES``) it is the chance that the text gets it;
- for a kind that applies to elements (``RESIDUE`` and ``INVISIBLE`` per
  paragraph, ``CAPTION`` per caption, ``BOILERPLATE`` per gap between body
  blocks, ...) it is the chance for each element.

A weight of 0 switches the kind off; for the kinds that render a part of the
article (byline, date, dateline, credits, captions, pull quotes,
subheadings, list items) that part is then left out of the text *and* of the
returned truth.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Self

import attrs


class NoiseKind(enum.Enum):
    """One kind of mess that :func:`copydesk.strategies.messy_texts` can add.

    The values are stable lowercase strings.

    >>> NoiseKind.MOJIBAKE.value
    'mojibake'
    >>> NoiseKind("pull_quote") is NoiseKind.PULL_QUOTE
    True
    """

    #: UTF-8 text decoded as cp1252 or Latin-1, in whole or in part, once or twice
    #: (the forms are chosen by :attr:`Noise.mojibake_forms`).
    MOJIBAKE = "mojibake"
    #: Letters ftfy leaves on purpose: "À " opening a paragraph, "Â" before a space.
    RESIDUE = "residue"
    #: NBSP for a space, zero-width spaces, BOMs and soft hyphens inside words.
    INVISIBLE = "invisible"
    #: Extra blank lines, blank lines holding spaces or NBSP, trailing spaces.
    WHITESPACE = "whitespace"
    #: Windows line endings.
    CRLF = "crlf"
    #: Paragraphs hard-wrapped at 50 to 80 characters.
    HARD_WRAP = "hard_wrap"
    #: Blocks separated by a single line break instead of a blank line.
    SINGLE_NEWLINES = "single_newlines"
    #: A byline ("By X and Y", "Posted by X on ...", "... by admin").
    BYLINE = "byline"
    #: The publication date and time, alone or inside the byline line.
    DATE = "date"
    #: A dateline opening the first paragraph ("WASHINGTON (Reuters) -").
    DATELINE = "dateline"
    #: Wire-agency credit tags ("- AP inputs", "Reuters contributed to this report.").
    CREDIT = "credit"
    #: Photo captions between paragraphs.
    CAPTION = "caption"
    #: Photo credits with the captions ("Photo: AFP", "Image copyright ...").
    PHOTO_CREDIT = "photo_credit"
    #: Pull quotes repeating a sentence of the body.
    PULL_QUOTE = "pull_quote"
    #: Subheadings in the body.
    SUBHEADING = "subheading"
    #: List items in the body ("• ...", "- ...", "1. ...").
    LIST_ITEM = "list_item"
    #: Boilerplate lines ("Advertisement", "Read more: ...", share and newsletter prompts).
    BOILERPLATE = "boilerplate"
    #: Repeated lines: the title again, a paragraph twice.
    DUPLICATE = "duplicate"


class Mojibake(enum.Enum):
    """A way text gets garbled by a wrong decoding.

    >>> Mojibake.CP1252.value
    'cp1252'
    """

    CP1252 = "cp1252"  #: UTF-8 read as Windows-1252: ``it’s`` -> ``itâ€™s``
    LATIN_1 = "latin_1"  #: UTF-8 read as Latin-1 (C1 control characters appear)
    DOUBLE = "double"  #: UTF-8 read as cp1252, encoded again and read as cp1252 again
    PARTIAL = "partial"  #: only some lines read as cp1252 (a page stitched from two sources)
    C1_CONTROLS = "c1_controls"  #: cp1252 text read as Latin-1: ``it\\x92s``


class ChromeKind(enum.Enum):
    """One kind of page chrome :func:`copydesk.strategies.messy_html` can put around an article.

    >>> ChromeKind.COOKIE_BANNER.value
    'cookie_banner'
    """

    NAV = "nav"  #: a navigation menu
    HEADER = "header"  #: a site header with logo and search
    FOOTER = "footer"  #: a footer with links and a copyright line
    RELATED = "related"  #: related-article links
    COMMENTS = "comments"  #: a comment section
    SHARE_BAR = "share_bar"  #: share buttons
    COOKIE_BANNER = "cookie_banner"  #: a cookie-consent banner
    NEWSLETTER = "newsletter"  #: a newsletter sign-up box
    JSON_LD = "json_ld"  #: a JSON-LD ``NewsArticle`` block in the head
    OPENGRAPH = "opengraph"  #: OpenGraph and ``article:*`` meta tags
    BYLINE = "byline"  #: a visible byline and ``<time>`` element
    DATELINE = "dateline"  #: a dateline opening the first paragraph
    CREDIT = "credit"  #: wire-agency credit tags at the end of the body
    FIGURE = "figure"  #: captions as ``<figure>`` with ``<figcaption>``
    PULL_QUOTE = "pull_quote"  #: pull quotes as ``<aside>``/``<blockquote class=pullquote>``
    SUBHEADING = "subheading"  #: ``<h2>`` subheadings
    LIST_ITEM = "list_item"  #: ``<ul>``/``<ol>`` lists


def _weight(instance: Any, attribute: attrs.Attribute[float], value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError(
            f"{type(instance).__name__}.{attribute.name} is a probability between 0 and 1; got {value!r}"
        )


def _weight_field(default: float) -> Any:
    return attrs.field(default=default, validator=_weight)


class _Weights:
    """Shared behaviour of :class:`Noise` and :class:`Chrome`: presets and ``evolve`` by kind."""

    _kind: type[enum.Enum]

    @classmethod
    def none(cls) -> Self:
        """Every kind switched off."""
        return cls(**{kind.value: 0.0 for kind in cls._kind})

    @classmethod
    def all(cls) -> Self:
        """Every kind switched on, each with weight 1 where that makes sense and 0.5 elsewhere."""
        return cls(**{kind.value: _ALL_WEIGHT.get(kind, 1.0) for kind in cls._kind})

    @classmethod
    def only(cls, *kinds: Any, weight: float = 1.0) -> Self:
        """Only ``kinds`` switched on, with ``weight``."""
        return cls.none().with_weights(dict.fromkeys(kinds, weight))

    def without(self, *kinds: Any) -> Self:
        """A copy with ``kinds`` switched off."""
        return self.with_weights(dict.fromkeys(kinds, 0.0))

    def with_weights(self, weights: dict[Any, float] | Iterable[tuple[Any, float]]) -> Self:
        """A copy with new weights, given by kind."""
        items = weights.items() if isinstance(weights, dict) else weights
        changes: dict[str, float] = {}
        for kind, weight in items:
            if not isinstance(kind, self._kind):
                raise TypeError(f"expected a {self._kind.__name__}, got {kind!r}")
            changes[kind.value] = weight
        return attrs.evolve(self, **changes)  # type: ignore[misc]

    def weight(self, kind: Any) -> float:
        """The weight of ``kind``."""
        if not isinstance(kind, self._kind):
            raise TypeError(f"expected a {self._kind.__name__}, got {kind!r}")
        value: float = getattr(self, kind.value)
        return value

    def enabled(self) -> frozenset[Any]:
        """The kinds with a weight above 0."""
        return frozenset(kind for kind in self._kind if self.weight(kind) > 0)


# Kinds that would drown everything else at weight 1 (every line a duplicate,
# every gap boilerplate, every text mojibake) get 0.5 in ``all()``.
_ALL_WEIGHT: dict[enum.Enum, float] = {
    NoiseKind.MOJIBAKE: 0.5,
    NoiseKind.BOILERPLATE: 0.5,
    NoiseKind.DUPLICATE: 0.5,
    NoiseKind.RESIDUE: 0.5,
    NoiseKind.INVISIBLE: 0.5,
    NoiseKind.WHITESPACE: 0.5,
    NoiseKind.CRLF: 0.5,
    NoiseKind.HARD_WRAP: 0.5,
    NoiseKind.SINGLE_NEWLINES: 0.5,
}


def _forms(value: Iterable[Mojibake]) -> frozenset[Mojibake]:
    forms = frozenset(value)
    for form in forms:
        if not isinstance(form, Mojibake):
            raise TypeError(f"Noise.mojibake_forms holds Mojibake values; got {form!r}")
    if not forms:
        raise ValueError("Noise.mojibake_forms needs at least one Mojibake form (set the mojibake weight to 0 instead)")
    return forms


@attrs.frozen
class Noise(_Weights):
    """How much of each kind of mess :func:`copydesk.strategies.messy_texts` adds.

    Each field is the weight (a probability from 0 to 1) of the
    :class:`NoiseKind` of the same name. Start from a preset and change it by
    kind:

    >>> from copydesk.strategies import Noise, NoiseKind
    >>> Noise.none().weight(NoiseKind.CAPTION)
    0.0
    >>> Noise.only(NoiseKind.CAPTION, NoiseKind.PHOTO_CREDIT).enabled() == {
    ...     NoiseKind.CAPTION, NoiseKind.PHOTO_CREDIT}
    True
    >>> Noise.default().without(NoiseKind.MOJIBAKE).mojibake
    0.0
    >>> Noise(crlf=2)
    Traceback (most recent call last):
    ...
    ValueError: Noise.crlf is a probability between 0 and 1; got 2
    """

    _kind = NoiseKind

    mojibake: float = _weight_field(0.2)
    residue: float = _weight_field(0.1)
    invisible: float = _weight_field(0.1)
    whitespace: float = _weight_field(0.2)
    crlf: float = _weight_field(0.2)
    hard_wrap: float = _weight_field(0.2)
    single_newlines: float = _weight_field(0.2)
    byline: float = _weight_field(0.7)
    date: float = _weight_field(0.7)
    dateline: float = _weight_field(0.5)
    credit: float = _weight_field(0.7)
    caption: float = _weight_field(0.7)
    photo_credit: float = _weight_field(0.6)
    pull_quote: float = _weight_field(0.5)
    subheading: float = _weight_field(0.8)
    list_item: float = _weight_field(0.8)
    boilerplate: float = _weight_field(0.15)
    duplicate: float = _weight_field(0.1)
    #: Which kinds of mojibake :attr:`mojibake` draws from.
    mojibake_forms: frozenset[Mojibake] = attrs.field(default=frozenset(Mojibake), converter=_forms)

    @classmethod
    def default(cls) -> Noise:
        """A mix like real scraped dumps: every kind on, the corrupting ones at low weights.

        >>> Noise.default().enabled() == set(NoiseKind)
        True
        """
        return cls()


@attrs.frozen
class Chrome(_Weights):
    """Which page chrome :func:`copydesk.strategies.messy_html` puts around the article.

    Each field is the weight of the :class:`ChromeKind` of the same name.

    >>> from copydesk.strategies import Chrome, ChromeKind
    >>> Chrome.none().enabled()
    frozenset()
    >>> Chrome.default().without(ChromeKind.JSON_LD).json_ld
    0.0
    """

    _kind = ChromeKind

    nav: float = _weight_field(0.9)
    header: float = _weight_field(0.9)
    footer: float = _weight_field(0.9)
    related: float = _weight_field(0.6)
    comments: float = _weight_field(0.4)
    share_bar: float = _weight_field(0.6)
    cookie_banner: float = _weight_field(0.4)
    newsletter: float = _weight_field(0.4)
    json_ld: float = _weight_field(0.7)
    opengraph: float = _weight_field(0.7)
    byline: float = _weight_field(0.8)
    dateline: float = _weight_field(0.5)
    credit: float = _weight_field(0.7)
    figure: float = _weight_field(0.8)
    pull_quote: float = _weight_field(0.5)
    subheading: float = _weight_field(0.8)
    list_item: float = _weight_field(0.8)

    @classmethod
    def default(cls) -> Chrome:
        """A typical news page: most chrome present most of the time.

        >>> Chrome.default().nav
        0.9
        """
        return cls()

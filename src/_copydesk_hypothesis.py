"""Hypothesis entry point of copydesk: a module of its own, so that loading it imports nothing.

Hypothesis loads every ``hypothesis`` entry point when *it* is imported.
Pointing the entry point into the ``copydesk`` package would import copydesk
(and bs4, lxml, ftfy) into every program that imports Hypothesis, copydesk
user or not. So the entry point is this tiny top-level module, and the
strategies are registered lazily:

- Hypothesis imported after copydesk: :func:`_register` registers them now.
- Hypothesis imported first: nothing happens here; ``import copydesk`` sees
  Hypothesis loaded and registers them at the end of its own import.
"""

from __future__ import annotations

import sys


def _register() -> None:
    """Register copydesk's strategies if copydesk is imported; otherwise leave it to copydesk.

    >>> import copydesk, hypothesis.strategies as st
    >>> _register()
    >>> isinstance(st.from_type(copydesk.Article), st.SearchStrategy)
    True
    """
    if "copydesk" not in sys.modules:
        return
    from copydesk._hypothesis_plugin import _register as register_now

    register_now()

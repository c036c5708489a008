"""Hypothesis entry point: makes ``st.from_type`` build copydesk's model classes.

``pyproject.toml`` declares this module under the ``hypothesis`` entry-point
group, so Hypothesis calls :func:`_register` when *it* is imported. copydesk
never imports Hypothesis itself: :mod:`copydesk.strategies` is only loaded
here, inside the hook, or when a user imports it.
"""

from __future__ import annotations

import sys


def _register() -> None:
    """Register :mod:`copydesk.strategies` with ``st.register_type_strategy``.

    Hypothesis calls this once, at the end of its own import.

    >>> import hypothesis.strategies as st
    >>> import copydesk
    >>> _register()  # already done when Hypothesis was imported; harmless again
    >>> isinstance(st.from_type(copydesk.Article), st.SearchStrategy)
    True
    """
    if "copydesk.strategies" in sys.modules:
        # Already imported, or being imported right now (a user imported
        # copydesk.strategies before Hypothesis): the module registers its
        # strategies itself at the end of its import.
        return
    from . import strategies  # noqa: F401  (registers on import)

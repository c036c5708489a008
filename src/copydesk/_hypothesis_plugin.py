"""Registers copydesk's strategies with Hypothesis: makes ``st.from_type`` build the model classes.

Called by the ``hypothesis`` entry point (the top-level module
``_copydesk_hypothesis``, which imports nothing itself) when copydesk is
already imported, and by ``import copydesk`` when Hypothesis is. copydesk
never imports Hypothesis itself: :mod:`copydesk.strategies` is only loaded
here, or when a user imports it.
"""

from __future__ import annotations

import sys


def _register() -> None:
    """Register :mod:`copydesk.strategies` with ``st.register_type_strategy``.

    Called once Hypothesis and copydesk are both imported (see the module docstring).

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

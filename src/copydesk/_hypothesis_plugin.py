"""Hypothesis entry point: registers copydesk's strategies with ``st.from_type``."""

from __future__ import annotations


def _register() -> None:
    """Called by Hypothesis at start-up through the ``hypothesis`` entry point."""
    try:
        from . import strategies
    except ImportError:  # strategies not available yet
        return
    strategies._register_type_strategies()

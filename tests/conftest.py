"""Shared test set-up: the seed of the fuzz tests (tests/test_fuzz.py), drawn once and printed.

Set ``COPYDESK_FUZZ_SEED`` to replay a run: the seed is shown in the header
of every pytest run ("copydesk fuzz seed: N").
"""

from __future__ import annotations

import os
import random

import pytest

FUZZ_SEED_VARIABLE = "COPYDESK_FUZZ_SEED"


def pytest_configure(config: pytest.Config) -> None:
    """Draw the fuzz seed unless the environment sets one (the fuzz tests read it from there)."""
    os.environ.setdefault(FUZZ_SEED_VARIABLE, str(random.SystemRandom().randrange(2**32)))


def pytest_report_header(config: pytest.Config) -> str:
    """Print the seed at the top of the run, with how to replay it."""
    seed = os.environ[FUZZ_SEED_VARIABLE]
    return f"copydesk fuzz seed: {seed} (replay with {FUZZ_SEED_VARIABLE}={seed})"

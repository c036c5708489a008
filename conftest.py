"""Root pytest configuration: which of ``src/`` pytest collects doctests from.

- The strategies' private modules are imported through copydesk.strategies
  (collecting one directly first would import the package half-way); their
  behaviour is tested in tests/.
- The Dask integration's doctests need Dask: skipped where it is not installed.
- When copydesk is imported from somewhere else than this tree's ``src/`` (a
  normal install of an unpacked sdist), doctests are not collected from
  ``src/``: importing those files would clash with the installed copy. The
  tests in ``tests/`` then run against the installed package.
"""

import importlib.util
from pathlib import Path

_SRC = Path(__file__).resolve().parent / "src"

collect_ignore = ["src/copydesk/_strategies"]
collect_ignore += [] if importlib.util.find_spec("dask") and importlib.util.find_spec("distributed") else [
    "src/copydesk/dask.py"
]


def _imported_from_this_tree() -> bool:
    spec = importlib.util.find_spec("copydesk")
    origin = spec.origin if spec is not None else None
    return origin is not None and Path(origin).resolve().parent.parent == _SRC


if not _imported_from_this_tree():
    collect_ignore += ["src/copydesk", "src/_copydesk_hypothesis.py"]

"""Root pytest configuration: skip doctests of optional integrations that are not installed."""

import importlib.util

# The strategies' private modules are imported through copydesk.strategies (collecting one
# directly first would import the package half-way); their behaviour is tested in tests/.
collect_ignore = ["src/copydesk/_strategies"]
collect_ignore += [] if importlib.util.find_spec("dask") and importlib.util.find_spec("distributed") else [
    "src/copydesk/dask.py"
]

"""Sphinx configuration for the copydesk documentation."""

from __future__ import annotations

import copydesk

project = "copydesk"
author = "The copydesk developers"
copyright = "2026, The copydesk developers"
version = release = copydesk.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
# The model and config are attrs classes whose annotations are strings;
# nitpicky cross-references to attrs/bs4 internals are not our concern.
nitpicky = False
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_title = f"copydesk {release}"

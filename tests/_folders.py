"""Folders the batch walker cannot list, for tests run as root (``chmod 000`` does not stop root)."""

from __future__ import annotations

import os
from typing import Any


def refuse_listing(monkeypatch: Any, name: str = "locked") -> None:
    """Make the batch walker's ``os.scandir`` fail with a permission error on folders called ``name``."""
    real = os.scandir

    def scandir(path: Any) -> Any:
        if os.path.basename(path) == name:
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    monkeypatch.setattr("copydesk._batch.walk.os.scandir", scandir)

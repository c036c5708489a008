"""Which files ``copydesk batch`` reads: named files as given, folders walked.

A folder is walked depth-first in name order, one directory at a time.
Inside a folder:

- hidden files and folders (names starting with ``.``) are left out;
- the output file of the run is never read (it may sit inside an input folder);
- a FIFO, socket or device is not opened (it could block forever): it gets
  an error row;
- a sub-folder that cannot be listed gets an error row;
- a symbolic link is followed only when its target lies inside the folder
  being read, unless ``follow_symlinks`` is set; a link that is not followed
  gets an error row. Linked folders are walked only with ``follow_symlinks``,
  each real folder once (no loops).

A file named on the command line is read as given, through a link or not,
and may be a FIFO (``<(zcat crawl.jsonl.gz)``).
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import stat
from collections.abc import Iterator

import attrs

from .run import _error_text


@attrs.frozen
class WalkOptions:
    """What the walk takes from folders."""

    #: Shell pattern a file found in a folder must match (its name, or its path
    #: below the folder when the pattern holds a ``/``).
    glob: str = "*"
    #: Follow symbolic links that point outside the folder being read.
    follow_symlinks: bool = False
    #: ``(st_dev, st_ino)`` of files never to read (the run's own output).
    skip: frozenset[tuple[int, int]] = frozenset()


@attrs.frozen
class Entry:
    """A path to read, or a path that is not read and why (``error``)."""

    path: str
    error: str | None = None


def file_key(path: str) -> tuple[int, int] | None:
    """``(st_dev, st_ino)`` of an existing regular file, else None.

    >>> file_key("/no/such/file") is None
    True
    """
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def iter_entries(inputs: list[str], options: WalkOptions) -> Iterator[Entry]:
    """Every file of ``inputs`` to read, in order, and every one left out with a reason.

    >>> [e.path for e in iter_entries(["a.txt", "-"], WalkOptions())]
    ['a.txt', '-']
    """
    for name in inputs:
        if name != "-" and os.path.isdir(name):
            top = os.path.realpath(name)
            yield from _walk(name, name, options, top, {top})
        else:
            yield Entry(name)


def _inside(target: str, top: str) -> bool:
    return target == top or target.startswith(top.rstrip(os.sep) + os.sep)


def _walk(root: str, folder: str, options: WalkOptions, top: str, seen: set[str]) -> Iterator[Entry]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield Entry(folder, f"UnreadableFolder: {_error_text(exc)}")
        return
    for entry in entries:
        yield from _entry(root, entry, options, top, seen)


def _entry(root: str, entry: os.DirEntry[str], options: WalkOptions, top: str,
           seen: set[str]) -> Iterator[Entry]:
    link = entry.is_symlink()
    try:
        info = os.stat(entry.path) if link else entry.stat(follow_symlinks=False)
    except OSError as exc:  # a broken link, a file gone since the listing
        if _matches(root, entry.path, options.glob):
            yield Entry(entry.path, _error_text(exc))
        return
    if link and not options.follow_symlinks and not _inside(os.path.realpath(entry.path), top):
        if not stat.S_ISDIR(info.st_mode) and _matches(root, entry.path, options.glob):
            yield Entry(entry.path, "SymlinkNotFollowed: the link leads out of the folder being read "
                                    "(--follow-symlinks reads it)")
        return
    if stat.S_ISDIR(info.st_mode):
        if link:
            real = os.path.realpath(entry.path)
            if not options.follow_symlinks or real in seen:
                return  # linked folders: only when asked, and each once
            seen.add(real)
        yield from _walk(root, entry.path, options, top, seen)
        return
    if not _matches(root, entry.path, options.glob):
        return
    if not stat.S_ISREG(info.st_mode):
        yield Entry(entry.path, f"NotAFile: a {_kind(info.st_mode)} is not read")
    elif (info.st_dev, info.st_ino) not in options.skip:
        yield Entry(entry.path)


def _matches(root: str, path: str, pattern: str) -> bool:
    target = os.path.relpath(path, root).replace(os.sep, "/") if "/" in pattern else os.path.basename(path)
    return fnmatch.fnmatch(target, pattern)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def iter_paths(inputs: list[str], options: WalkOptions) -> Iterator[str]:
    """The paths :func:`iter_entries` reads (those it leaves out are not listed)."""
    for entry in iter_entries(inputs, options):
        if entry.error is None:
            yield entry.path


def total_size(inputs: list[str], options: WalkOptions) -> int:
    """The bytes the run will read (for an ETA); files that vanish count 0."""
    total = 0
    for path in iter_paths(inputs, options):
        with contextlib.suppress(OSError):
            total += os.path.getsize(path)
    return total

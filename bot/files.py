"""Crash-safe file replacement, shared by the stores and the admin's data files.

A write goes to a temporary file in the same directory, is flushed and fsynced, renamed over
the old file, and the directory is fsynced: a crash (even ``kill -9``) at any point leaves
either the old or the new complete file, never a mix (``rename`` within one directory is
atomic on POSIX), and a failed write leaves no temporary file behind.
"""

from __future__ import annotations

import os
from pathlib import Path

MEGABYTE = 1024 * 1024


class FileTooLarge(Exception):
    """The file holds more than the caller reads; ``limit`` is in bytes."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(f"{path} holds more than {limit} bytes")
        self.path = path
        self.limit = limit


def read_limited(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of ``path``; raises :class:`FileTooLarge` when there is more, and ``OSError``.

    Reads one byte past the limit instead of asking for the size first: ``/dev/zero``, a pipe or a
    file still growing have no size that says how much reading would return.
    """
    with open(path, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(path, limit)
    return data


def fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (the rename itself lives in the directory inode)."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so that readers see the old or the new file, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)

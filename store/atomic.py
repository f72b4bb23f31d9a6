"""Crash-safe TinyDB storage: whole-file atomic replace, in-memory cache, batched writes.

A write serialises the data, writes it to a temporary file in the same directory,
flushes and fsyncs it, renames it over the old file and fsyncs the directory. A
crash (even ``kill -9``) at any point leaves either the old or the new complete
file, never a mix: ``rename`` within one directory is atomic on POSIX.

The storage keeps what it last read or wrote in memory so TinyDB's
read-modify-write does not parse the file on every operation. Inside
:meth:`AtomicJSONStorage.batch` writes only update the cache and the file is
written once at the end, which is how a nomination change and its outbox message
land in the same atomic write.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from bot.files import atomic_write_bytes
from store.errors import StoreCorruptError, os_error

Data = dict[str, dict[str, Any]]
__all__ = ["AtomicJSONStorage", "atomic_write_bytes", "read_json_file"]


def read_json_file(path: Path) -> Data | None:
    """The parsed file, ``None`` if it does not exist; a clear error if it is not ours to read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:  # a folder, no permission, ...
        raise os_error("store.cannot_read", path, error) from None
    # Atomic writes never leave an empty file, so an empty one was made by something else.
    if not raw.strip():
        raise StoreCorruptError("store.empty", path=path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise StoreCorruptError("store.bad_utf8", path=path) from None
    except json.JSONDecodeError as error:
        raise StoreCorruptError("store.bad_json", path=path, line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise StoreCorruptError("store.too_deep", path=path) from None
    except ValueError:  # e.g. an integer beyond Python's digit limit
        raise StoreCorruptError("store.bad_json", path=path, line="?", column="?") from None
    if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
        raise StoreCorruptError("store.not_tinydb", path=path)
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic writes and an in-memory copy of the file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._cache: Data | None = None
        self._loaded = False
        self._batch_depth = 0
        self._dirty = False

    def read(self) -> Data | None:
        if not self._loaded:
            self._cache = read_json_file(self.path)
            self._loaded = True
        return self._cache

    def write(self, data: Data) -> None:
        self._cache = data
        self._loaded = True
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    def _flush(self) -> None:
        assert self._cache is not None
        payload = json.dumps(self._cache, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            atomic_write_bytes(self.path, payload)
        except OSError as error:
            self.invalidate()
            raise os_error("store.cannot_write", self.path, error) from None
        except BaseException:
            self.invalidate()
            raise
        self._dirty = False

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Collect every write inside into one atomic file write; on error nothing is written."""
        with self._collecting(write_at_end=True):
            yield

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Writes inside only change the in-memory copy; the next write or :meth:`flush` saves them."""
        with self._collecting(write_at_end=False):
            yield

    @contextmanager
    def _collecting(self, *, write_at_end: bool) -> Iterator[None]:
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if not self._batch_depth:
                # The cache may hold half a change; the file on disk is the truth.
                self.invalidate()
            raise
        self._batch_depth -= 1
        if write_at_end and not self._batch_depth and self._dirty:
            self._flush()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def flush(self) -> None:
        """Write deferred changes, if any (atomically, like every write)."""
        if self._dirty and self._cache is not None and not self._batch_depth:
            self._flush()

    def invalidate(self) -> None:
        self._cache = None
        self._loaded = False
        self._dirty = False

    def close(self) -> None:
        self.invalidate()

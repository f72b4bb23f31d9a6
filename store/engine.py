"""The database: one main TinyDB file plus one small TinyDB file per round and shard.

Layout (``TRYGGHETSBOT_DB=data/trygghetsbot.json``)::

    data/trygghetsbot.json                      meta (schema version) + conversations
    data/trygghetsbot.shards/round-2023/1f.json nominations + their outbox messages
    data/trygghetsbot.shards/round-2023/jury.json  the round's jury records (store.jury)
    data/trygghetsbot.shard-index.json          which shard holds which nomination (a cache)

Why shards: TinyDB rewrites the whole file on every change, and every change is
fsynced. With all nominations in one file an insert at 10 000 nominations
rewrites megabytes; a shard holds about 1/128 of a round, so a write stays small.
A nomination and its outbox messages always share a shard file, so a change and
its notification are one atomic write (see :mod:`store.atomic`).

Every file holds a ``_meta`` table with ``app`` and ``schema_version``, checked when
the file is opened (the main file at once, a shard file on first use) and before
anything is written to it; a corrupt or foreign file raises
:class:`~store.errors.StoreError` and is left untouched.

Concurrency: one asyncio lock serialises every operation of a store; the file
writes run in a worker thread so the event loop keeps serving while fsync waits.
Shard files are opened when first needed, so a command that touches no nominations (a
question, a dialog step) reads only the main file, and one that touches a few (``nominate``:
the nominator's earlier nominations, the submitted key, the new nomination's shard) opens
only those, found through the shard index (:mod:`store.shard_index`). Only one process may
open the database for writing (an ``flock`` on ``<db>.lock``); read-only opens
(``nominations list``/``export``) need no lock.
A writer that finds the lock taken waits up to ``lock_wait`` seconds, trying
again every few milliseconds, before it gives up with :class:`StoreLockedError`.
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB

from store.atomic import AtomicJSONStorage
from store.errors import SchemaVersionError, StoreCorruptError, StoreError, StoreLockedError, os_error

APP = "trygghetsbot"
SCHEMA_VERSION = 1
SHARDS = 128
# A shard file's name: its number in two hex digits (the round's jury.json sits beside them).
SHARD_NAME = "[0-9a-f][0-9a-f].json"
META = "_meta"
# How often a waiting writer tries the lock again (seconds).
LOCK_POLL = 0.01
# How soon a write_soon change reaches the disk at the latest (seconds).
WRITE_SOON_SECONDS = 0.5

T = TypeVar("T")


def shard_of(nomination_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(nomination_id.encode(), digest_size=2).digest(), "big") % SHARDS


class Engine:
    def __init__(self, path: Path, *, read_only: bool = False, lock_wait: float = 0.0) -> None:
        self.path = Path(path)
        self.lock_wait = lock_wait
        self.shard_dir = self.path.with_name(f"{self.path.stem}.shards")
        self.index_path = self.path.with_name(f"{self.path.stem}.shard-index.json")
        self.read_only = read_only
        self.lock = asyncio.Lock()
        self.main: TinyDB | None = None
        self.shards: dict[Path, TinyDB] = {}
        self._all_shards_open = False
        self._flushing: set[AtomicJSONStorage] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._lock_fd: int | None = None

    # --- opening -----------------------------------------------------------

    def open(self) -> None:
        if not self.read_only:
            self._take_process_lock()
            self._remove_stale_temporaries()
        try:
            # Shard files are opened when first needed (see all_shards and shard): a command that
            # reads no nominations (a question, a dialog step) never parses them.
            self.main = self._open_file(self.path, create=not self.read_only)
        except BaseException:
            self.close()
            raise

    def _open_file(self, file: Path, *, create: bool) -> TinyDB:
        storage_holder: list[AtomicJSONStorage] = []

        def make(_: object = None) -> AtomicJSONStorage:
            storage = AtomicJSONStorage(file)
            storage_holder.append(storage)
            return storage

        db = TinyDB(storage=make)
        data = storage_holder[0].read()
        if data is None:
            if create:
                db.table(META).insert({"app": APP, "schema_version": SCHEMA_VERSION, "shards": SHARDS})
            return db
        meta = list(data.get(META, {}).values())
        if not meta or not isinstance(meta[0], dict) or meta[0].get("app") != APP:
            raise StoreCorruptError("store.not_ours", path=file, app=APP)
        version = meta[0].get("schema_version")
        if version != SCHEMA_VERSION:
            raise SchemaVersionError("store.schema", path=file, version=repr(version), expected=SCHEMA_VERSION)
        return db

    def _remove_stale_temporaries(self) -> None:
        """A crash mid-write leaves a temporary file; with the process lock held none is in use."""
        patterns = [
            self.path.parent.glob(f".{self.path.name}.*.tmp"),
            self.path.parent.glob(f".{self.index_path.name}.*.tmp"),
            self.shard_dir.glob("round-*/.*.tmp"),
        ]
        for pattern in patterns:
            for stale in pattern:
                try:
                    stale.unlink(missing_ok=True)
                except OSError as error:
                    raise os_error("store.cannot_write", stale, error) from None

    def _take_process_lock(self) -> None:
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise os_error("store.cannot_write", self.path.parent, error) from None
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise os_error("store.cannot_lock", lock_path, error) from None
        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreLockedError("store.locked", path=self.path, seconds=f"{self.lock_wait:g}") from None
                time.sleep(LOCK_POLL)
            except OSError as error:
                os.close(fd)
                raise os_error("store.cannot_lock", lock_path, error) from None
        self._lock_fd = fd

    def close(self) -> None:
        for storage in self._flushing:
            storage.flush()  # changes written "soon" are written now (only the main file has any)
        self._flushing.clear()
        for db in [*self.shards.values(), *([self.main] if self.main else [])]:
            db.close()
        self.shards.clear()
        self._all_shards_open = False
        self.main = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    # --- access ------------------------------------------------------------

    def main_db(self) -> TinyDB:
        if self.main is None:
            raise StoreError("store.closed")
        return self.main

    def shard_path(self, round_year: int, nomination_id: str) -> Path:
        return self.shard_dir / f"round-{round_year}" / f"{shard_of(nomination_id):02x}.json"

    def shard(self, file: Path) -> TinyDB:
        """The shard file's database, opened on first use (in memory until first write if new)."""
        db = self.shards.get(file)
        if db is None:
            if self.main is None:
                raise StoreError("store.closed")
            db = self._open_file(file, create=False)
            self.shards[file] = db
        return db

    def shard_files(self) -> list[Path]:
        """Every shard file on disk, without opening it."""
        return sorted(self.shard_dir.glob(f"round-*/{SHARD_NAME}"))

    def all_shards(self) -> Iterator[tuple[Path, TinyDB]]:
        """Every shard file, each opened (and checked) the first time this is asked."""
        if not self._all_shards_open:
            for file in self.shard_files():
                self.shard(file)
            self._all_shards_open = True
        yield from [(file, db) for file, db in self.shards.items() if file.match(SHARD_NAME)]

    @staticmethod
    def storage(db: TinyDB) -> AtomicJSONStorage:
        storage = db.storage
        assert isinstance(storage, AtomicJSONStorage)
        return storage

    def _ensure_writable(self) -> None:
        if self.read_only:
            raise StoreError("store.read_only", path=self.path)

    def write_batch(self, db: TinyDB, change: Callable[[], T]) -> T:
        """Run ``change`` (TinyDB operations on ``db``) and write the file once, atomically."""
        self._ensure_writable()
        storage = self.storage(db)
        with storage.batch():
            if not db.table(META).all():
                db.table(META).insert({"app": APP, "schema_version": SCHEMA_VERSION, "shards": SHARDS})
            return change()

    async def write(self, db: TinyDB, change: Callable[[], T]) -> T:
        """:meth:`write_batch` in a worker thread; call with :attr:`lock` held."""
        return await asyncio.to_thread(self.write_batch, db, change)

    def write_soon(self, db: TinyDB, change: Callable[[], T]) -> T:
        """Apply ``change`` in memory now and write the file within :data:`WRITE_SOON_SECONDS`.

        For state whose loss in a crash is harmless (a question's follow-up context): one atomic
        write then covers every change of that moment, and the caller never waits on fsync. Any
        ordinary write of the same file saves these changes too; :meth:`close` saves what is left.
        Call with :attr:`lock` held, inside a running event loop.
        """
        self._ensure_writable()
        storage = self.storage(db)
        with storage.deferred():
            result = change()
        if storage not in self._flushing:
            self._flushing.add(storage)
            loop = asyncio.get_running_loop()
            loop.call_later(WRITE_SOON_SECONDS, lambda: self._tasks.add(loop.create_task(self._flush_soon(storage))))
        return result

    async def _flush_soon(self, storage: AtomicJSONStorage) -> None:
        async with self.lock:
            self._flushing.discard(storage)
            if storage.dirty and self.main is not None:
                await asyncio.to_thread(storage.flush)
        self._tasks = {task for task in self._tasks if not task.done()}


def docs(db: TinyDB, table: str) -> list[dict[str, Any]]:
    """The raw documents of a table, straight from the storage's cache."""
    data = Engine.storage(db).read() or {}
    return list(data.get(table, {}).values())

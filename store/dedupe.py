"""Delivery dedupe: ``first_time(key, ttl_seconds)`` is true once per key until it expires.

API (async; ``TinyDedupeRepository``): ``first_time(key, ttl_seconds) -> bool``.
A platform adapter calls it with a delivery's stable id (Slack ``slack-event:<event_id>``)
before handling it, so a retried delivery is handled once. With the PostgreSQL backend
(:mod:`store.postgres.dedupe`) the same holds across processes.

On TinyDB the keys live apart from the database files, so a key costs the same however many
are kept (an earlier version kept them in the main file, which TinyDB rewrites whole: every
Slack event rewrote every event id of the last hour, and throughput fell tenfold over 20 000
events)::

    data/trygghetsbot.dedupe/2832451.jsonl    one JSON line per key: {"key": …, "expires_at": …}

A key goes to the file of its expiry's 10-minute bucket (the expiry in seconds since the epoch
divided by 600), appended as one whole line and fsynced before ``first_time`` returns: a crash
never loses a key that was acknowledged. A crash in the middle of an append leaves at most the
last line without its newline; that key was never acknowledged, and the line is cut off when
the files are read at start. Any other damage is reported (:class:`StoreCorruptError`) and the
file left as it is, like every file of the store. Once a bucket's last second has passed every
key in it has expired and its file is deleted whole; nothing is ever rewritten. The keys are
kept in memory too (read from the files at the first call), so a check reads no file. Only the
process that holds the database's write lock writes here.
"""

from __future__ import annotations

import asyncio
import json
import os
from datetime import datetime
from pathlib import Path

from bot.clock import Clock
from bot.files import fsync_directory
from store.engine import Engine, docs
from store.errors import StoreCorruptError, StoreError, os_error

# The keys kept by earlier versions, in the main file; moved into the buckets at the first call.
LEGACY_TABLE = "dedupe"
BUCKET_SECONDS = 600
SUFFIX = ".jsonl"


def bucket_of(expires: float) -> int:
    return int(expires // BUCKET_SECONDS)


class TinyDedupeRepository:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock
        self.directory = engine.path.with_name(f"{engine.path.stem}.dedupe")
        # Its own lock: a key's append never waits for a nomination's write, nor the other way round.
        self.lock = asyncio.Lock()
        self._expires: dict[str, float] | None = None  # key -> expiry (seconds since the epoch)
        self._buckets: dict[int, set[str]] = {}
        self._fds: dict[int, int] = {}

    async def first_time(self, key: str, ttl_seconds: float) -> bool:
        if self.engine.read_only:
            raise StoreError("store.read_only", path=self.engine.path)
        async with self.lock:
            now = self.clock().timestamp()
            if self._expires is None:
                await self._load(now)
            assert self._expires is not None
            expires = self._expires.get(key)
            if expires is not None and expires > now:
                return False
            self._forget_expired(now)
            until = now + ttl_seconds
            line = json.dumps({"key": key, "expires_at": self._iso(until)}, ensure_ascii=False) + "\n"
            await asyncio.to_thread(self._append, bucket_of(until), line.encode("utf-8"))
            self._remember(key, until)
        return True

    def close(self) -> None:
        for fd in self._fds.values():
            os.close(fd)
        self._fds.clear()
        self._expires = None
        self._buckets.clear()

    # --- memory --------------------------------------------------------------------

    def _remember(self, key: str, until: float) -> None:
        assert self._expires is not None
        self._expires[key] = until
        self._buckets.setdefault(bucket_of(until), set()).add(key)

    def _forget_expired(self, now: float) -> None:
        """Every bucket whose last second has passed: its keys and its file."""
        assert self._expires is not None
        for bucket in [b for b in self._buckets if (b + 1) * BUCKET_SECONDS <= now]:
            for key in self._buckets.pop(bucket):
                # (a key used again after it expired belongs to a later bucket now)
                if bucket_of(self._expires.get(key, -1.0)) == bucket:
                    del self._expires[key]
            fd = self._fds.pop(bucket, None)
            if fd is not None:
                os.close(fd)
            self._delete(self._path(bucket))

    # --- files ---------------------------------------------------------------------

    def _path(self, bucket: int) -> Path:
        return self.directory / f"{bucket}{SUFFIX}"

    def _iso(self, moment: float) -> str:
        return datetime.fromtimestamp(moment, self.clock().tzinfo).isoformat()

    def _delete(self, path: Path) -> None:
        # A deletion lost in a crash only brings back keys that have expired.
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise os_error("store.cannot_write", path, error) from None

    def _append(self, bucket: int, line: bytes) -> None:
        """One whole line, fsynced; on failure the file is cut back to what it was."""
        path = self._path(bucket)
        fd = self._fds.get(bucket)
        created = fd is None and not path.exists()
        try:
            if fd is None:
                self.directory.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                self._fds[bucket] = fd
            size = os.fstat(fd).st_size
            try:
                written = 0
                while written < len(line):
                    written += os.write(fd, line[written:])
                os.fsync(fd)
            except OSError:
                os.ftruncate(fd, size)  # no half line for the next append to run into
                raise
            if created:
                fsync_directory(self.directory)  # the new file itself survives a crash
        except OSError as error:
            raise os_error("store.cannot_write", path, error) from None

    async def _load(self, now: float) -> None:
        """The keys of every live bucket (and of an earlier version's main-file table), once."""
        self._expires = {}
        try:
            files = sorted(self.directory.glob(f"*{SUFFIX}")) if self.directory.is_dir() else []
        except OSError as error:
            raise os_error("store.cannot_read", self.directory, error) from None
        for path in files:
            if not path.stem.lstrip("-").isdigit():
                continue  # not one of ours
            bucket = int(path.stem)
            if (bucket + 1) * BUCKET_SECONDS <= now:
                self._delete(path)
                continue
            for key, until in self._read(path):
                if until > now and until > self._expires.get(key, -1.0):
                    self._remember(key, until)
        await self._move_legacy_keys(now)

    def _read(self, path: Path) -> list[tuple[str, float]]:
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise os_error("store.cannot_read", path, error) from None
        complete = raw.rfind(b"\n") + 1
        if complete < len(raw):
            # A crash in the middle of an append: that key was never acknowledged.
            try:
                os.truncate(path, complete)
            except OSError as error:
                raise os_error("store.cannot_write", path, error) from None
        found: list[tuple[str, float]] = []
        for number, line in enumerate(raw[:complete].splitlines(), start=1):
            try:
                record = json.loads(line)
                found.append((str(record["key"]), datetime.fromisoformat(record["expires_at"]).timestamp()))
            except (ValueError, TypeError, KeyError):
                raise StoreCorruptError("store.dedupe_bad_line", path=path, line=number) from None
        return found

    async def _move_legacy_keys(self, now: float) -> None:
        main = self.engine.main_db()
        assert self._expires is not None
        async with self.engine.lock:
            rows = docs(main, LEGACY_TABLE)
            if not rows:
                return
            for row in rows:
                try:
                    until = datetime.fromisoformat(row["expires_at"]).timestamp()
                    key = str(row["key"])
                except (ValueError, TypeError, KeyError):
                    continue  # an unreadable entry of the old table protects nothing worth a refusal
                if until > now and until > self._expires.get(key, -1.0):
                    line = json.dumps({"key": key, "expires_at": self._iso(until)}, ensure_ascii=False) + "\n"
                    await asyncio.to_thread(self._append, bucket_of(until), line.encode("utf-8"))
                    self._remember(key, until)
            # Only once the keys are on disk in their buckets (a crash in between keeps both).
            await self.engine.write(main, lambda: main.drop_table(LEGACY_TABLE))

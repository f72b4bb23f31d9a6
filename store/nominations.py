"""TinyDB implementation of :class:`bot.nominations.ports.NominationRepository`.

API (all async, all serialised by the store's lock):

Returned models are frozen and shared with the repository's memory: change
them with ``model_copy(update=...)``, never in place.

``get(id)``
    The nomination or ``None``.
``list(round_year=, nominator_key=, statuses=)``
    Oldest first, every filter optional.
``submit(nomination, event, repeat=None) -> (stored, created)``
    Idempotent on ``nomination.idempotency_key``: a retry returns the first
    nomination and ``False``, writing nothing; with ``repeat``, likewise for the same content
    by the same person within the window (kept in memory: one process writes a TinyDB store,
    and a double click does not outlive a restart). Otherwise the nomination and its
    outbox ``event`` are written in one atomic file replace.
``save(nomination, event=None)``
    Insert or replace by id (drafts, edits, withdrawals), with the optional
    outbox ``event`` in the same atomic write.
"""

from __future__ import annotations

import builtins
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from tinydb import Query

from bot.nominations.model import Nomination
from bot.nominations.ports import RepeatWindow, Statuses
from bot.outbox.model import Events, OutboxMessage, as_events
from store.engine import Engine, docs
from store.errors import os_error, parse_record
from store.outbox import LEASE_FIELDS, OUTBOX, OutboxIndex
from store.shard_index import (
    ID,
    KEY,
    NOMINATOR,
    ROUND,
    Entry,
    IndexedShard,
    entry,
    read_index,
    remove_index,
    signature,
    write_index,
)

log = logging.getLogger(__name__)

NOMINATIONS = "nominations"


class TinyNominationRepository:
    """Reads are served from memory; each write goes to disk first.

    Shard files are opened (checked, and their nominations parsed) when a call needs them: a
    whole round for a list of the round, and for a lookup by id, idempotency key or nominator
    only the files the shard index (:mod:`store.shard_index`) names. A file opened stays in
    memory for the life of the store.
    """

    def __init__(self, engine: Engine, outbox_index: OutboxIndex) -> None:
        self.engine = engine
        self.outbox_index = outbox_index
        self._where: dict[str, Path] = {}
        self._models: dict[str, Nomination] = {}
        self._by_key: dict[str, str] = {}
        # Content fingerprint -> (nomination id, end of its repeat window), for recent submissions.
        self._recent_submissions: dict[str, tuple[str, datetime]] = {}
        self._by_nominator: dict[str, set[str]] = {}
        # Shard files whose nominations are in memory; every file is, once _all_open.
        self._open: set[Path] = set()
        self._all_open = False
        # What the shard index says about each file not opened; None until the first lookup reads it.
        self._unopened: dict[Path, IndexedShard] | None = None
        self._saved_index: dict[Path, IndexedShard] = {}
        self._index_removed = False

    # --- opening shard files ---------------------------------------------------

    def _open_file(self, file: Path) -> None:
        """Parse one shard file's nominations into memory (the engine opens and checks the file)."""
        if file in self._open:
            return
        db = self.engine.shard(file)
        for doc in docs(db, NOMINATIONS):
            self._index(parse_record(Nomination, doc, file, NOMINATIONS), file)
        self._open.add(file)
        if self._unopened is not None:
            self._unopened.pop(file, None)

    def _load(self) -> None:
        """Every shard file's nominations, once, for a call that needs them all."""
        if self._all_open:
            return
        for file in self.engine.shard_files():
            self._open_file(file)
        self._all_open = True

    def _read_index(self) -> dict[Path, IndexedShard]:
        """The shard index, checked against the files: a file it does not describe as it is now is opened."""
        if self._unopened is None:
            saved = read_index(self.engine.index_path, self.engine.shard_dir)
            self._saved_index = saved
            unopened: dict[Path, IndexedShard] = {}
            for file in self.engine.shard_files():
                if file in self._open:
                    continue
                listed = saved.get(file)
                if listed is not None and listed.signature == signature(file):
                    unopened[file] = listed
                else:
                    self._open_file(file)
            self._unopened = unopened
        return self._unopened

    def _open_holding(self, field: int, value: object) -> None:
        """Open the shard files whose index entries have ``value`` in ``field`` (ID, ROUND, NOMINATOR, KEY)."""
        if self._all_open:
            return
        holding = [
            file
            for file, shard in self._read_index().items()
            if any(listed[field] == value for listed in shard.nominations)
        ]
        for file in holding:
            self._open_file(file)

    # --- the index kept in memory ------------------------------------------------

    def _index(self, nomination: Nomination, file: Path) -> None:
        old = self._models.get(nomination.id)
        if old is not None:
            self._by_nominator.get(old.nominator.key, set()).discard(old.id)
        self._where[nomination.id] = file
        self._models[nomination.id] = nomination
        self._by_nominator.setdefault(nomination.nominator.key, set()).add(nomination.id)
        if nomination.idempotency_key:
            self._by_key[nomination.idempotency_key] = nomination.id

    # --- the port ------------------------------------------------------------------

    async def get(self, nomination_id: str) -> Nomination | None:
        async with self.engine.lock:
            if nomination_id not in self._models:
                self._open_holding(ID, nomination_id)
            return self._models.get(nomination_id)

    async def list(
        self, *, round_year: int | None = None, nominator_key: str | None = None, statuses: Statuses = None
    ) -> builtins.list[Nomination]:
        async with self.engine.lock:
            if nominator_key is not None:
                self._open_holding(NOMINATOR, nominator_key)
                candidates: Iterable[Nomination] = (self._models[i] for i in self._by_nominator.get(nominator_key, ()))
            else:
                if round_year is not None:
                    self._open_holding(ROUND, round_year)
                else:
                    self._load()
                candidates = self._models.values()
            found = [
                n
                for n in candidates
                if (round_year is None or n.round_year == round_year) and (statuses is None or n.status in statuses)
            ]
        return sorted(found, key=lambda n: (n.created_at, n.id))

    async def submit(
        self, nomination: Nomination, event: Events, *, repeat: RepeatWindow | None = None
    ) -> tuple[Nomination, bool]:
        async with self.engine.lock:
            key = nomination.idempotency_key
            if key:
                if key not in self._by_key:
                    self._open_holding(KEY, key)
                if key in self._by_key:
                    return self._models[self._by_key[key]], False
            fingerprint = nomination.content_fingerprint
            if repeat is not None and fingerprint:
                first = self._recent_submissions.get(fingerprint)
                if first is not None and first[1] > repeat.now and first[0] in self._models:
                    return self._models[first[0]], False
            await self._write(nomination, event)
            if repeat is not None and fingerprint:
                self._remember_submission(fingerprint, nomination.id, repeat)
        return nomination, True

    def _remember_submission(self, fingerprint: str, nomination_id: str, repeat: RepeatWindow) -> None:
        expired = [f for f, (_, until) in self._recent_submissions.items() if until <= repeat.now]
        for gone in expired:
            del self._recent_submissions[gone]
        self._recent_submissions[fingerprint] = (nomination_id, repeat.until)

    async def save(self, nomination: Nomination, event: Events | None = None) -> Nomination:
        async with self.engine.lock:
            await self._write(nomination, event)
        return nomination

    async def _write(self, nomination: Nomination, event: OutboxMessage | Sequence[OutboxMessage] | None) -> None:
        if nomination.id not in self._where:
            self._open_holding(ID, nomination.id)  # a draft saved before lives where it was saved
        file = self._where.get(nomination.id) or self.engine.shard_path(nomination.round_year, nomination.id)
        self._open_file(file)  # the whole file is written again: what it holds is read (and checked) first
        db = self.engine.shard(file)
        doc = nomination.model_dump(mode="json")
        events = as_events(event)
        event_docs = [message.model_dump(mode="json", exclude=LEASE_FIELDS) for message in events]

        def change() -> None:
            db.table(NOMINATIONS).upsert(doc, Query().id == nomination.id)
            if event_docs:
                db.table(OUTBOX).insert_multiple(event_docs)

        self._remove_saved_index()
        # Memory is updated only after the file write succeeded, so it never runs ahead of disk.
        await self.engine.write(db, change)
        self._index(nomination, file)
        for message in events:
            self.outbox_index.add(message, file)

    # --- saving the shard index --------------------------------------------------

    def _remove_saved_index(self) -> None:
        """Before the first change to a nomination: a crash from here on leaves no index to trust."""
        if self._index_removed:
            return
        try:
            remove_index(self.engine.index_path)
        except OSError as error:
            raise os_error("store.cannot_write", self.engine.index_path, error) from None
        self._index_removed = True

    def save_index(self) -> None:
        """Save the shard index if it changed (called when the store closes; a writer only).

        Nothing is saved unless every shard file on disk is accounted for: opened, or listed in
        the index read at the first lookup (only this process writes, and it opens a file before
        changing its nominations, so a listed file that changed since then has other outbox
        messages but the same nominations).
        """
        if self.engine.read_only or (self._unopened is None and not self._all_open):
            return
        unopened = self._unopened or {}
        held: dict[Path, builtins.list[Entry]] = {file: [] for file in self._open}
        for nomination_id, file in self._where.items():
            if file in held:  # (not a file whose reading failed half-way)
                held[file].append(entry(self._models[nomination_id]))
        shards: dict[Path, IndexedShard] = {}
        for file in self.engine.shard_files():
            now = signature(file)
            if now is None:
                return
            if file in held:
                entries = sorted(held[file])
            elif file in unopened:
                entries = unopened[file].nominations
            else:
                return  # a file this process knows nothing about: no index rather than a wrong one
            shards[file] = IndexedShard.model_construct(signature=now, nominations=entries)  # (built here: valid)
        if shards == self._saved_index and self.engine.index_path.exists():
            return
        try:
            write_index(self.engine.index_path, self.engine.shard_dir, shards)
        except OSError as error:
            log.warning(
                "The shard index %s could not be saved (%s); the next command rebuilds it",
                self.engine.index_path,
                error,
            )

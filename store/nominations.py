"""TinyDB implementation of :class:`bot.nominations.ports.NominationRepository`.

API (all async, all serialised by the store's lock):

Returned models are frozen and shared with the repository's memory: change
them with ``model_copy(update=...)``, never in place.

``get(id)``
    The nomination or ``None``.
``list(round_year=, nominator_key=, statuses=)``
    Oldest first, every filter optional.
``submit(nomination, event) -> (stored, created)``
    Idempotent on ``nomination.idempotency_key``: a retry returns the first
    nomination and ``False``, writing nothing. Otherwise the nomination and its
    outbox ``event`` are written in one atomic file replace.
``save(nomination, event=None)``
    Insert or replace by id (drafts, edits, withdrawals), with the optional
    outbox ``event`` in the same atomic write.
"""

from __future__ import annotations

import builtins
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from tinydb import Query

from bot.nominations.model import Nomination, OutboxMessage
from store.base import as_events
from store.engine import Engine, docs
from store.errors import parse_record

NOMINATIONS = "nominations"
OUTBOX = "outbox"
# Leases live in memory only (see store.outbox); the file never holds them.
LEASE_FIELDS = {"claimed_by", "lease_until"}


class TinyNominationRepository:
    """Reads are served from memory (parsed once at open); each write goes to disk first."""

    def __init__(self, engine: Engine, outbox_index: OutboxIndex) -> None:
        self.engine = engine
        self.outbox_index = outbox_index
        self._where: dict[str, Path] = {}
        self._models: dict[str, Nomination] = {}
        self._by_key: dict[str, str] = {}
        self._by_nominator: dict[str, set[str]] = {}
        self._loaded = False

    def _load(self) -> None:
        """Parse every shard's nominations, once, on the first call that needs them."""
        if self._loaded:
            return
        for file, db in self.engine.all_shards():
            for doc in docs(db, NOMINATIONS):
                self._index(parse_record(Nomination, doc, file, NOMINATIONS), file)
        self._loaded = True

    def _index(self, nomination: Nomination, file: Path) -> None:
        old = self._models.get(nomination.id)
        if old is not None:
            self._by_nominator.get(old.nominator.key, set()).discard(old.id)
        self._where[nomination.id] = file
        self._models[nomination.id] = nomination
        self._by_nominator.setdefault(nomination.nominator.key, set()).add(nomination.id)
        if nomination.idempotency_key:
            self._by_key[nomination.idempotency_key] = nomination.id

    async def get(self, nomination_id: str) -> Nomination | None:
        async with self.engine.lock:
            self._load()
            return self._models.get(nomination_id)

    async def list(
        self,
        *,
        round_year: int | None = None,
        nominator_key: str | None = None,
        statuses: Collection[str] | None = None,
    ) -> builtins.list[Nomination]:
        async with self.engine.lock:
            self._load()
            if nominator_key is None:
                candidates: Iterable[Nomination] = self._models.values()
            else:
                candidates = (self._models[i] for i in self._by_nominator.get(nominator_key, ()))
            found = [
                n
                for n in candidates
                if (round_year is None or n.round_year == round_year) and (statuses is None or n.status in statuses)
            ]
        return sorted(found, key=lambda n: (n.created_at, n.id))

    async def submit(
        self, nomination: Nomination, event: OutboxMessage | Sequence[OutboxMessage]
    ) -> tuple[Nomination, bool]:
        async with self.engine.lock:
            self._load()
            key = nomination.idempotency_key
            if key and key in self._by_key:
                return self._models[self._by_key[key]], False
            await self._write(nomination, event)
        return nomination, True

    async def save(
        self, nomination: Nomination, event: OutboxMessage | Sequence[OutboxMessage] | None = None
    ) -> Nomination:
        async with self.engine.lock:
            self._load()
            await self._write(nomination, event)
        return nomination

    async def _write(self, nomination: Nomination, event: OutboxMessage | Sequence[OutboxMessage] | None) -> None:
        file = self._where.get(nomination.id) or self.engine.shard_path(nomination.round_year, nomination.id)
        db = self.engine.shard(file)
        doc = nomination.model_dump(mode="json")
        events = as_events(event)
        event_docs = [message.model_dump(mode="json", exclude=LEASE_FIELDS) for message in events]

        def change() -> None:
            db.table(NOMINATIONS).upsert(doc, Query().id == nomination.id)
            if event_docs:
                db.table(OUTBOX).insert_multiple(event_docs)

        # Memory is updated only after the file write succeeded, so it never runs ahead of disk.
        await self.engine.write(db, change)
        self._index(nomination, file)
        for message in events:
            self.outbox_index.add(message, file)


class OutboxIndex:
    """Every outbox message parsed in memory, where it lives, and which are pending."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._where: dict[str, Path] = {}
        self._messages: dict[str, OutboxMessage] = {}
        self._pending: set[str] = set()
        self._loaded = False

    def _load(self) -> None:
        """Parse every shard's outbox, once, when first read (a command that only writes never does)."""
        if self._loaded:
            return
        self._loaded = True
        for file, db in self.engine.all_shards():
            for doc in docs(db, OUTBOX):
                self._add(parse_record(OutboxMessage, doc, file, OUTBOX), file)

    @property
    def where(self) -> dict[str, Path]:
        self._load()
        return self._where

    @property
    def messages(self) -> dict[str, OutboxMessage]:
        self._load()
        return self._messages

    @property
    def pending(self) -> set[str]:
        self._load()
        return self._pending

    def add(self, message: OutboxMessage, file: Path) -> None:
        """A message just written to ``file``: indexed now if the index is loaded, else read with it later."""
        if self._loaded:
            self._add(message, file)

    def _add(self, message: OutboxMessage, file: Path) -> None:
        self._where[message.id] = file
        self._messages[message.id] = message
        if message.status == "pending":
            self._pending.add(message.id)
        else:
            self._pending.discard(message.id)

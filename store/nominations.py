"""TinyDB implementation of :class:`bot.nominations.ports.NominationRepository`.

API (all async, all serialised by the store's lock):

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
from collections.abc import Collection
from pathlib import Path
from typing import Any

from tinydb import Query

from bot.nominations.model import Nomination, OutboxMessage
from store.engine import Engine, docs

NOMINATIONS = "nominations"
OUTBOX = "outbox"


class TinyNominationRepository:
    def __init__(self, engine: Engine, outbox_index: OutboxIndex) -> None:
        self.engine = engine
        self.outbox_index = outbox_index
        self._where: dict[str, Path] = {}
        self._by_key: dict[str, str] = {}
        for file, db in engine.all_shards():
            for doc in docs(db, NOMINATIONS):
                self._index(doc, file)

    def _index(self, doc: dict[str, Any], file: Path) -> None:
        self._where[doc["id"]] = file
        if doc.get("idempotency_key"):
            self._by_key[doc["idempotency_key"]] = doc["id"]

    def _raw(self, nomination_id: str) -> dict[str, Any] | None:
        file = self._where.get(nomination_id)
        if file is None:
            return None
        return next((d for d in docs(self.engine.shard(file), NOMINATIONS) if d["id"] == nomination_id), None)

    async def get(self, nomination_id: str) -> Nomination | None:
        async with self.engine.lock:
            raw = self._raw(nomination_id)
        return Nomination.model_validate(raw) if raw else None

    async def list(
        self,
        *,
        round_year: int | None = None,
        nominator_key: str | None = None,
        statuses: Collection[str] | None = None,
    ) -> builtins.list[Nomination]:
        async with self.engine.lock:
            raws = [
                doc
                for file, db in self.engine.all_shards()
                if round_year is None or file.parent.name == f"round-{round_year}"
                for doc in docs(db, NOMINATIONS)
                if (statuses is None or doc["status"] in statuses)
            ]
        found = [Nomination.model_validate(doc) for doc in raws]
        if nominator_key is not None:
            found = [n for n in found if n.nominator.key == nominator_key]
        return sorted(found, key=lambda n: (n.created_at, n.id))

    async def submit(self, nomination: Nomination, event: OutboxMessage) -> tuple[Nomination, bool]:
        async with self.engine.lock:
            key = nomination.idempotency_key
            if key and key in self._by_key:
                raw = self._raw(self._by_key[key])
                if raw is not None:
                    return Nomination.model_validate(raw), False
            await self._write(nomination, event)
        return nomination, True

    async def save(self, nomination: Nomination, event: OutboxMessage | None = None) -> Nomination:
        async with self.engine.lock:
            await self._write(nomination, event)
        return nomination

    async def _write(self, nomination: Nomination, event: OutboxMessage | None) -> None:
        file = self._where.get(nomination.id) or self.engine.shard_path(nomination.round_year, nomination.id)
        db = self.engine.shard(file)
        doc = nomination.model_dump(mode="json")
        event_doc = event.model_dump(mode="json") if event else None

        def change() -> None:
            db.table(NOMINATIONS).upsert(doc, Query().id == nomination.id)
            if event_doc is not None:
                db.table(OUTBOX).insert(event_doc)

        await self.engine.write(db, change)
        self._index(doc, file)
        if event_doc is not None:
            self.outbox_index.add(event_doc, file)


class OutboxIndex:
    """Where each outbox message lives and which are pending, kept in memory for ``due``."""

    def __init__(self, engine: Engine) -> None:
        self.where: dict[str, Path] = {}
        self.pending: set[str] = set()
        for file, db in engine.all_shards():
            for doc in docs(db, OUTBOX):
                self.add(doc, file)

    def add(self, doc: dict[str, Any], file: Path) -> None:
        self.where[doc["id"]] = file
        if doc["status"] == "pending":
            self.pending.add(doc["id"])
        else:
            self.pending.discard(doc["id"])

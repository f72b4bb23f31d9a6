"""Small JSON records by kind and key: what platform adapters keep beside the core's data.

API (async; ``TinyRecordRepository``, and :mod:`store.postgres.records`): ``put(kind, key,
value, expires_at=None)``, ``get(kind, key)``, ``take(kind, key)`` (read and remove in one
step), ``delete(kind, key)``, ``list(kind)``. A record past its ``expires_at`` is gone. Like
everything else a record belongs to the store's tenant. (The installed workspaces and the OAuth
states belong to no tenant: :mod:`store.installations`.)
"""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from tinydb import Query
from tinydb.queries import QueryLike

from bot.clock import Clock
from store.engine import Engine, docs

RECORDS = "records"


class TinyRecordRepository:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock

    def _live(self, kind: str) -> builtins.list[dict[str, Any]]:
        now = self.clock()
        return [
            d
            for d in docs(self.engine.main_db(), RECORDS)
            if d["kind"] == kind and (d["expires_at"] is None or datetime.fromisoformat(d["expires_at"]) > now)
        ]

    async def put(self, kind: str, key: str, value: dict[str, Any], expires_at: datetime | None = None) -> None:
        db = self.engine.main_db()
        doc = {"kind": kind, "key": key, "value": value, "expires_at": expires_at.isoformat() if expires_at else None}
        record = Query()
        async with self.engine.lock:
            await self.engine.write(
                db, lambda: db.table(RECORDS).upsert(doc, (record.kind == kind) & (record.key == key))
            )

    async def get(self, kind: str, key: str) -> dict[str, Any] | None:
        async with self.engine.lock:
            found = next((d for d in self._live(kind) if d["key"] == key), None)
        return dict(found["value"]) if found else None

    async def take(self, kind: str, key: str) -> dict[str, Any] | None:
        db = self.engine.main_db()
        async with self.engine.lock:
            found = next((d for d in self._live(kind) if d["key"] == key), None)
            if found is None:
                return None
            await self.engine.write(db, lambda: db.table(RECORDS).remove(_one(kind, key)))
        return dict(found["value"])

    async def delete(self, kind: str, key: str) -> None:
        db = self.engine.main_db()
        async with self.engine.lock:
            await self.engine.write(db, lambda: db.table(RECORDS).remove(_one(kind, key)))

    async def list(self, kind: str) -> builtins.list[tuple[str, dict[str, Any]]]:
        async with self.engine.lock:
            return sorted((d["key"], dict(d["value"])) for d in self._live(kind))


def _one(kind: str, key: str) -> QueryLike:
    record = Query()
    query: QueryLike = (record.kind == kind) & (record.key == key)
    return query

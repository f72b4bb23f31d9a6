"""Delivery dedupe: ``first_time(key, ttl_seconds)`` is true once per key until it expires.

API (async; ``TinyDedupeRepository``): ``first_time(key, ttl_seconds) -> bool``.
A platform adapter calls it with a delivery's stable id (Slack ``event:<event_id>``)
before handling it, so a retried delivery is handled once. Kept in the main file's
``dedupe`` table (key -> expires_at); expired keys are purged as new ones arrive.
With the PostgreSQL backend (:mod:`store.postgres.dedupe`) the same holds across
processes.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tinydb import Query

from bot.clock import Clock
from store.engine import Engine, docs

DEDUPE = "dedupe"


class TinyDedupeRepository:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock

    async def first_time(self, key: str, ttl_seconds: float) -> bool:
        db = self.engine.main_db()
        async with self.engine.lock:
            now = self.clock()
            rows = docs(db, DEDUPE)
            current = next((d for d in rows if d["key"] == key), None)
            if current is not None and datetime.fromisoformat(current["expires_at"]) > now:
                return False
            expires_at = (now + timedelta(seconds=ttl_seconds)).isoformat()
            expired = [d["key"] for d in rows if datetime.fromisoformat(d["expires_at"]) <= now]

            def change() -> None:
                table = db.table(DEDUPE)
                if expired:
                    table.remove(Query().key.one_of(expired))
                table.insert({"key": key, "expires_at": expires_at})

            await self.engine.write(db, change)
        return True

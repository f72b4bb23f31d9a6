"""Deliveries already handled (Slack ``event_id``s), kept with an expiry so a retry that arrives
after a restart is still recognised.

API (async): ``first_time(key, ttl_seconds) -> bool``: True the first time ``key`` is seen
within ``ttl_seconds`` (and records it), False for a repeat. Expired keys are purged on the
way. Kept in the main database file.
"""

from __future__ import annotations

import time

from tinydb import Query

from store.engine import Engine, docs

SEEN = "seen_deliveries"


class TinySeenRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    async def first_time(self, key: str, ttl_seconds: float) -> bool:
        db = self.engine.main_db()
        now = time.time()
        async with self.engine.lock:
            known = {d["key"]: d["expires_at"] for d in docs(db, SEEN)}
            if known.get(key, 0.0) > now:
                return False
            expired = [k for k, expires_at in known.items() if expires_at <= now]

            def change() -> None:
                table = db.table(SEEN)
                if expired:
                    table.remove(Query().key.one_of(expired))
                table.upsert({"key": key, "expires_at": now + ttl_seconds}, Query().key == key)

            await self.engine.write(db, change)
        return True

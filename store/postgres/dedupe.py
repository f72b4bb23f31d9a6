"""PostgreSQL implementation of :class:`bot.ports.DedupeRepository`.

``first_time(key, ttl)`` is one statement: ``INSERT … ON CONFLICT (tenant, key)
DO UPDATE … WHERE expires_at <= now RETURNING``. A row comes back when the key
is new or its previous use has expired (the row is replaced), and none while it
is live, so across any number of processes exactly one caller gets ``True``.
Expired rows of the tenant are purged now and then (at most once a minute per handle).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.clock import Clock
from store.postgres.db import Database

PURGE_EVERY = timedelta(minutes=1)


class PurgeSchedule:
    """When a table of expiring rows is swept of the expired ones: at most every ``every`` per
    process, on the first write after that, so no write pays for a sweep more than once a minute."""

    def __init__(self, every: timedelta = PURGE_EVERY) -> None:
        self.every = every
        self._last: datetime | None = None

    def due(self, now: datetime) -> bool:
        if self._last is not None and now - self._last < self.every:
            return False
        self._last = now
        return True


class PgDedupeRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._purge = PurgeSchedule()

    async def first_time(self, key: str, ttl_seconds: float) -> bool:
        now = self.clock()
        async with self.db.connection() as conn:
            if self._purge.due(now):
                await conn.execute(
                    "DELETE FROM delivery_dedupe WHERE tenant = %s AND expires_at <= %s", (self.db.tenant, now)
                )
            cur = await conn.execute(
                """
                INSERT INTO delivery_dedupe (tenant, key, expires_at) VALUES (%(tenant)s, %(key)s, %(expires)s)
                ON CONFLICT (tenant, key) DO UPDATE SET expires_at = EXCLUDED.expires_at
                WHERE delivery_dedupe.expires_at <= %(now)s
                RETURNING 1
                """,
                {"tenant": self.db.tenant, "key": key, "expires": now + timedelta(seconds=ttl_seconds), "now": now},
            )
            return await cur.fetchone() is not None

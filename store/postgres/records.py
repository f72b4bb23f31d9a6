"""PostgreSQL implementation of the records port (see :mod:`store.records`).

``take`` is one ``DELETE … RETURNING``: of two processes taking the same record (an OAuth
state), exactly one gets it.
"""

from __future__ import annotations

import builtins
from datetime import datetime
from typing import Any

from psycopg.types.json import Jsonb

from bot.clock import Clock
from store.postgres.db import Database

_LIVE = "(expires_at IS NULL OR expires_at > %(now)s)"
_ONE = "tenant = %(tenant)s AND kind = %(kind)s AND key = %(key)s"


class PgRecordRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def _args(self, kind: str, key: str | None = None) -> dict[str, Any]:
        return {"tenant": self.db.tenant, "kind": kind, "key": key, "now": self.clock()}

    async def put(self, kind: str, key: str, value: dict[str, Any], expires_at: datetime | None = None) -> None:
        async with self.db.connection() as conn:
            await conn.execute(
                """
                INSERT INTO records (tenant, kind, key, value, expires_at)
                VALUES (%(tenant)s, %(kind)s, %(key)s, %(value)s, %(expires_at)s)
                ON CONFLICT (tenant, kind, key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at
                """,
                {**self._args(kind, key), "value": Jsonb(value), "expires_at": expires_at},
            )

    async def get(self, kind: str, key: str) -> dict[str, Any] | None:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                f"SELECT value FROM records WHERE {_ONE} AND {_LIVE}",
                self._args(kind, key),
            )
            row = await cur.fetchone()
        return dict(row["value"]) if row else None

    async def take(self, kind: str, key: str) -> dict[str, Any] | None:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                f"""
                DELETE FROM records WHERE {_ONE}
                RETURNING value, {_LIVE} AS live
                """,
                self._args(kind, key),
            )
            row = await cur.fetchone()
        return dict(row["value"]) if row and row["live"] else None

    async def delete(self, kind: str, key: str) -> None:
        async with self.db.connection() as conn:
            await conn.execute(f"DELETE FROM records WHERE {_ONE}", self._args(kind, key))

    async def list(self, kind: str) -> builtins.list[tuple[str, dict[str, Any]]]:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                f"SELECT key, value FROM records WHERE tenant = %(tenant)s AND kind = %(kind)s AND {_LIVE} "
                "ORDER BY key",
                self._args(kind),
            )
            rows = await cur.fetchall()
        return [(row["key"], dict(row["value"])) for row in rows]

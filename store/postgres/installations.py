"""PostgreSQL implementation of the registry of installed workspaces (see :mod:`store.installations`).

Tables ``slack_installations``, ``slack_bots`` and ``oauth_states`` (migration 0003) have no
tenant column: every handle, whatever its tenant, sees the same registry, so an install made
through one process is found by every other at once. ``consume`` is one ``DELETE …
RETURNING``: of two processes consuming the same state, exactly one gets it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from psycopg.types.json import Jsonb

from bot.clock import Clock
from store.installations import plain, stored
from store.ports import SlackId
from store.postgres.db import Database
from store.postgres.dedupe import PurgeSchedule

_ONE = "enterprise_id = %(enterprise_id)s AND team_id = %(team_id)s"


def _ids(enterprise_id: SlackId, team_id: SlackId, **more: object) -> dict[str, object]:
    return {"enterprise_id": plain(enterprise_id), "team_id": plain(team_id), **more}


class PgInstallationRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def save_installation(
        self, enterprise_id: SlackId, team_id: SlackId, user_id: SlackId, installed_at: datetime, data: dict[str, Any]
    ) -> None:
        async with self.db.connection() as conn:
            await conn.execute(
                """
                INSERT INTO slack_installations (enterprise_id, team_id, user_id, installed_at, data)
                VALUES (%(enterprise_id)s, %(team_id)s, %(user_id)s, %(installed_at)s, %(data)s)
                ON CONFLICT (enterprise_id, team_id, user_id)
                DO UPDATE SET installed_at = EXCLUDED.installed_at, data = EXCLUDED.data
                """,
                _ids(enterprise_id, team_id, user_id=plain(user_id), installed_at=installed_at, data=Jsonb(data)),
            )

    async def find_installation(
        self, enterprise_id: SlackId, team_id: SlackId, user_id: SlackId = None
    ) -> dict[str, Any] | None:
        user = "" if user_id is None else "AND user_id = %(user_id)s"
        async with self.db.connection() as conn:
            cur = await conn.execute(
                f"SELECT data FROM slack_installations WHERE {_ONE} {user} ORDER BY installed_at DESC LIMIT 1",
                _ids(enterprise_id, team_id, user_id=user_id),
            )
            row = await cur.fetchone()
        return dict(row["data"]) if row else None

    async def delete_installations(self, enterprise_id: SlackId, team_id: SlackId, user_id: SlackId = None) -> None:
        user = "" if user_id is None else "AND user_id = %(user_id)s"
        async with self.db.connection() as conn:
            await conn.execute(
                f"DELETE FROM slack_installations WHERE {_ONE} {user}", _ids(enterprise_id, team_id, user_id=user_id)
            )

    async def save_bot(
        self, enterprise_id: SlackId, team_id: SlackId, installed_at: datetime, data: dict[str, Any]
    ) -> None:
        async with self.db.connection() as conn:
            await conn.execute(
                """
                INSERT INTO slack_bots (enterprise_id, team_id, installed_at, data)
                VALUES (%(enterprise_id)s, %(team_id)s, %(installed_at)s, %(data)s)
                ON CONFLICT (enterprise_id, team_id)
                DO UPDATE SET installed_at = EXCLUDED.installed_at, data = EXCLUDED.data
                """,
                _ids(enterprise_id, team_id, installed_at=installed_at, data=Jsonb(data)),
            )

    async def find_bot(self, enterprise_id: SlackId, team_id: SlackId) -> dict[str, Any] | None:
        async with self.db.connection() as conn:
            cur = await conn.execute(f"SELECT data FROM slack_bots WHERE {_ONE}", _ids(enterprise_id, team_id))
            row = await cur.fetchone()
        return dict(row["data"]) if row else None

    async def delete_bot(self, enterprise_id: SlackId, team_id: SlackId) -> None:
        async with self.db.connection() as conn:
            await conn.execute(f"DELETE FROM slack_bots WHERE {_ONE}", _ids(enterprise_id, team_id))

    async def bots(self) -> list[tuple[SlackId, SlackId]]:
        async with self.db.connection() as conn:
            cur = await conn.execute("SELECT enterprise_id, team_id FROM slack_bots ORDER BY enterprise_id, team_id")
            rows = await cur.fetchall()
        return [(stored(row["enterprise_id"]), stored(row["team_id"])) for row in rows]


class PgOAuthStateRepository:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._purge = PurgeSchedule()

    async def issue(self, state: str, expires_at: datetime) -> None:
        now = self.clock()
        async with self.db.connection() as conn:
            if self._purge.due(now):
                await conn.execute("DELETE FROM oauth_states WHERE expires_at <= %s", (now,))
            await conn.execute(
                "INSERT INTO oauth_states (state, expires_at) VALUES (%s, %s) "
                "ON CONFLICT (state) DO UPDATE SET expires_at = EXCLUDED.expires_at",
                (state, expires_at),
            )

    async def consume(self, state: str) -> bool:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                "DELETE FROM oauth_states WHERE state = %s RETURNING expires_at > %s AS live", (state, self.clock())
            )
            row = await cur.fetchone()
        return bool(row and row["live"])

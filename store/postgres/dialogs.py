"""PostgreSQL implementation of :class:`bot.nominations.ports.DialogRepository`.

One row per (tenant, chat key): ``user_id`` and ``updated_at`` as columns, the
conversation state (answer context, dialog) as JSONB, as it is only ever read whole.
"""

from __future__ import annotations

from psycopg.types.json import Jsonb

from bot.nominations.state import ConversationState
from store.postgres.db import Database


class PgDialogRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def load(self, key: str) -> ConversationState | None:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                "SELECT state FROM conversations WHERE tenant = %s AND key = %s", (self.db.tenant, key)
            )
            row = await cur.fetchone()
        return ConversationState.model_validate(row["state"]) if row else None

    async def save(self, state: ConversationState, *, durable: bool = True) -> None:
        """Always committed at once (one statement; PostgreSQL's own write-ahead log makes it cheap)."""
        async with self.db.connection() as conn:
            await conn.execute(
                """
                INSERT INTO conversations (tenant, key, user_id, updated_at, state) VALUES (%s, %s, %s, %s, %s)
                ON CONFLICT (tenant, key) DO UPDATE
                SET user_id = EXCLUDED.user_id, updated_at = EXCLUDED.updated_at, state = EXCLUDED.state
                """,
                (self.db.tenant, state.key, state.user_id, state.updated_at, Jsonb(state.model_dump(mode="json"))),
            )

    async def delete(self, key: str) -> None:
        async with self.db.connection() as conn:
            await conn.execute("DELETE FROM conversations WHERE tenant = %s AND key = %s", (self.db.tenant, key))

"""Conversation state (answer context and nomination dialog), one document per chat key.

API (async): ``load(key)``, ``save(state)`` (insert or replace), ``delete(key)``.
Kept in the main database file; it is written after every chat message so a
restart resumes the dialog where the user was.
"""

from __future__ import annotations

from tinydb import Query

from bot.nominations.state import ConversationState
from store.engine import Engine, docs
from store.errors import parse_record

CONVERSATIONS = "conversations"


class TinyDialogRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    async def load(self, key: str) -> ConversationState | None:
        async with self.engine.lock:
            raw = next((d for d in docs(self.engine.main_db(), CONVERSATIONS) if d["key"] == key), None)
        return parse_record(ConversationState, raw, self.engine.path, CONVERSATIONS) if raw else None

    async def save(self, state: ConversationState, *, durable: bool = True) -> None:
        """``durable=False``: only follow-up context changed; written within half a second, not waited on."""
        doc = state.model_dump(mode="json")
        db = self.engine.main_db()

        def change() -> None:
            db.table(CONVERSATIONS).upsert(doc, Query().key == state.key)

        async with self.engine.lock:
            if durable:
                await self.engine.write(db, change)
            else:
                self.engine.write_soon(db, change)

    async def delete(self, key: str) -> None:
        db = self.engine.main_db()
        async with self.engine.lock:
            await self.engine.write(db, lambda: db.table(CONVERSATIONS).remove(Query().key == key))

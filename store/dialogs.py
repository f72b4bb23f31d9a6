"""Conversation state (answer context and nomination dialog), one document per chat key.

API (async): ``load(key)``, ``save(state)`` (insert or replace), ``delete(key)``.
Kept in the main database file; it is written after every chat message so a
restart resumes the dialog where the user was.
"""

from __future__ import annotations

from tinydb.table import Document

from bot.nominations.state import ConversationState
from store.engine import Engine
from store.errors import parse_record

CONVERSATIONS = "conversations"


class TinyDialogRepository:
    """Conversations by key through an index of TinyDB document ids: a message's load and save
    cost the same with ten conversations as with ten thousand."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._ids: dict[str, int] | None = None

    def _index(self) -> dict[str, int]:
        if self._ids is None:
            table = self.engine.main_db().table(CONVERSATIONS)
            self._ids = {doc["key"]: doc.doc_id for doc in table.all()}
        return self._ids

    async def load(self, key: str) -> ConversationState | None:
        async with self.engine.lock:
            doc_id = self._index().get(key)
            raw = self.engine.main_db().table(CONVERSATIONS).get(doc_id=doc_id) if doc_id is not None else None
        return parse_record(ConversationState, dict(raw), self.engine.path, CONVERSATIONS) if raw else None

    async def save(self, state: ConversationState, *, durable: bool = True) -> None:
        """``durable=False``: only follow-up context changed; written within half a second, not waited on."""
        doc = state.model_dump(mode="json")
        table = self.engine.main_db().table(CONVERSATIONS)

        def change() -> None:
            ids = self._index()
            doc_id = ids.get(state.key)
            if doc_id is None:
                ids[state.key] = table.insert(doc)
            else:
                table.upsert(Document(doc, doc_id=doc_id))

        async with self.engine.lock:
            if durable:
                await self.engine.write(self.engine.main_db(), change)
            else:
                self.engine.write_soon(self.engine.main_db(), change)

    async def delete(self, key: str) -> None:
        db = self.engine.main_db()
        async with self.engine.lock:
            doc_id = self._index().pop(key, None)
            if doc_id is not None:
                await self.engine.write(db, lambda: db.table(CONVERSATIONS).remove(doc_ids=[doc_id]))

"""What every platform's handlers work with: the core, the store, background tasks, the outbox signal.

Each platform extends :class:`ChatDeps` with its own (``handlers.slack.deps.SlackDeps``,
``handlers.teams.activities.TeamsDeps``); the outbox worker (:mod:`handlers.outbox_worker`) needs
only these fields.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Protocol

import aiohttp

from bot.answering import Reply
from bot.config import Settings
from bot.conversation import ConversationRouter
from bot.knowledge import KnowledgeBase
from bot.nominations.model import Nominator
from bot.nominations.service import NominationService
from handlers.tasks import BackgroundTasks
from store import Store


class Worker(Protocol):
    def start(self) -> None: ...

    async def stop(self) -> None: ...


@dataclass(kw_only=True)
class ChatDeps:
    settings: Settings
    knowledge: KnowledgeBase
    store: Store
    router: ConversationRouter
    service: NominationService
    tasks: BackgroundTasks = field(default_factory=BackgroundTasks)
    # Set when something was written to the outbox, so the platform's worker sends it at once.
    outbox_ready: asyncio.Event = field(default_factory=asyncio.Event)

    async def converse(self, key: str, user: Nominator, text: str) -> Reply:
        """One message to the core's conversation router; the worker wakes when a nomination changed."""
        reply = await self.router.handle(key, user, text)
        if reply.nomination_id:
            self.outbox_ready.set()
        return reply

    @asynccontextmanager
    async def serving(self, worker: Worker, http: aiohttp.ClientSession) -> AsyncIterator[None]:
        """``worker`` runs while the app serves; at shutdown it stops first, then the turns still
        running finish, then the platform's HTTP session closes."""
        worker.start()
        try:
            yield
        finally:
            await worker.stop()
            await self.tasks.drain()
            await http.close()

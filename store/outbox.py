"""The outbox: notifications about nomination events, written with the event itself.

Each :class:`~bot.nominations.model.OutboxMessage` is one event about one
nomination (``nomination_submitted``, ``nomination_edited``,
``nomination_withdrawn``). The core does not know the jury channels; a platform
sender fans a message out to its channels and records per-channel delivery, so
a retry after a partial failure posts only to the channels still missing, and an
edit can ``chat.update`` the message posted for the submission.

API (async; ``TinyOutboxRepository``):

``due(now, limit=50)``
    Pending messages whose ``next_attempt_at`` has come, oldest first.
``get(id)`` / ``list(nomination_id=None)``
    One message / all messages (of one nomination), oldest first.
``record_delivery(id, channel, ts, now)``
    One channel got it (Slack's message ``ts``); the message stays pending.
``mark_sent(id, now, deliveries=None)``
    Done: status ``sent``, ``sent_at`` set; ``deliveries`` (channel -> ts) merged in.
``schedule_retry(id, error, next_attempt_at)``
    A failed attempt: ``attempts`` + 1, ``last_error`` kept, tried again later.
``deliveries_for(nomination_id)``
    channel -> first delivery over all messages of the nomination: where the
    jury's copy lives, for updates.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from datetime import datetime

from tinydb import Query

from bot.nominations.model import ChannelDelivery, OutboxMessage
from store.engine import Engine
from store.errors import StoreError
from store.nominations import OUTBOX, OutboxIndex


class TinyOutboxRepository:
    def __init__(self, engine: Engine, index: OutboxIndex) -> None:
        self.engine = engine
        self.index = index

    async def get(self, message_id: str) -> OutboxMessage | None:
        async with self.engine.lock:
            return self.index.messages.get(message_id)

    async def list(self, nomination_id: str | None = None) -> builtins.list[OutboxMessage]:
        async with self.engine.lock:
            found = [
                m for m in self.index.messages.values() if nomination_id is None or m.nomination_id == nomination_id
            ]
        # A stable sort keeps write order for equal times (dicts keep insertion order).
        return sorted(found, key=lambda m: m.created_at)

    async def due(self, now: datetime, limit: int = 50) -> builtins.list[OutboxMessage]:
        async with self.engine.lock:
            found = [m for i in self.index.pending if (m := self.index.messages[i]).next_attempt_at <= now]
        return sorted(found, key=lambda m: m.created_at)[:limit]

    async def record_delivery(self, message_id: str, channel: str, ts: str, now: datetime) -> OutboxMessage:
        def update(message: OutboxMessage) -> OutboxMessage:
            deliveries = {**message.deliveries, channel: ChannelDelivery(ts=ts, delivered_at=now)}
            return message.model_copy(update={"deliveries": deliveries})

        return await self._update(message_id, update)

    async def mark_sent(
        self, message_id: str, now: datetime, deliveries: dict[str, str] | None = None
    ) -> OutboxMessage:
        def update(message: OutboxMessage) -> OutboxMessage:
            merged = dict(message.deliveries)
            for channel, ts in (deliveries or {}).items():
                merged[channel] = ChannelDelivery(ts=ts, delivered_at=now)
            return message.model_copy(
                update={"status": "sent", "sent_at": now, "deliveries": merged, "attempts": message.attempts + 1}
            )

        return await self._update(message_id, update)

    async def schedule_retry(self, message_id: str, error: str, next_attempt_at: datetime) -> OutboxMessage:
        def update(message: OutboxMessage) -> OutboxMessage:
            return message.model_copy(
                update={
                    "attempts": message.attempts + 1,
                    "last_error": error[:1000],
                    "next_attempt_at": next_attempt_at,
                }
            )

        return await self._update(message_id, update)

    async def deliveries_for(self, nomination_id: str) -> dict[str, ChannelDelivery]:
        found: dict[str, ChannelDelivery] = {}
        for message in await self.list(nomination_id):
            for channel, delivery in message.deliveries.items():
                found.setdefault(channel, delivery)
        return found

    async def _update(self, message_id: str, update: Callable[[OutboxMessage], OutboxMessage]) -> OutboxMessage:
        async with self.engine.lock:
            current = self.index.messages.get(message_id)
            file = self.index.where.get(message_id)
            if current is None or file is None:
                raise StoreError("store.no_outbox", id=message_id)
            new = update(current)
            doc = new.model_dump(mode="json")
            db = self.engine.shard(file)
            await self.engine.write(db, lambda: db.table(OUTBOX).update(doc, Query().id == message_id))
            self.index.add(new, file)
        return new

"""The outbox: notifications about nomination events, written with the event itself.

Each :class:`~bot.outbox.model.OutboxMessage` is one event about one
nomination (``nomination_submitted``, ``nomination_edited``,
``nomination_withdrawn``). The core does not know the jury channels; a platform
sender fans a message out to its channels and records per-channel delivery, so
a retry after a partial failure posts only to the channels still missing, and an
edit can ``chat.update`` the message posted for the submission.

API (async; ``TinyOutboxRepository``):

``due(now, limit=50, platform=None)``
    Pending messages whose ``next_attempt_at`` has come, oldest first (of one platform only,
    ``"slack"`` or ``"teams"``, when ``platform`` is given; each platform's worker claims its own).
``get(id)`` / ``list(nomination_id=None)``
    One message / all messages (of one nomination), oldest first.
``record_attempt(id, destination, now)``
    A send starts (written before the platform call; see ``OutboxMessage.in_flight``).
``record_delivery(id, channel, ts, now)``
    One destination got it (Slack's message ``ts``); the message stays pending.
``mark_sent(id, now, deliveries=None)``
    Done: status ``sent``, ``sent_at`` set; ``deliveries`` (channel -> ts) merged in.
``schedule_retry(id, error, next_attempt_at)``
    A failed attempt: ``attempts`` + 1, ``last_error`` kept, tried again later.
``deliveries_for(nomination_id)``
    channel -> first delivery over all messages of the nomination: where the
    jury's copy lives, for updates.
``count_pending()``
    How many messages are not sent yet (for /healthz: a count kept in memory, no rows read).
``purge_sent(before, live_rounds=())``
    Delete sent messages sent before ``before`` (the retention), except, in ``live_rounds``,
    those that record where a nomination's posts live; returns how many.
``claim_due(worker, now, lease_seconds, limit=50)``
    Like ``due`` but each message is leased to ``worker`` (``claimed_by``,
    ``lease_until``) and not handed to another worker until the lease expires;
    ``mark_sent``/``schedule_retry`` complete the attempt and clear the lease,
    ``release(id, worker)`` gives it back. ``due`` leaves out messages under a
    live lease.
``renew(worker, ids, now, lease_seconds)``
    The heartbeat: extends the leases ``worker`` still holds among ``ids`` and
    returns their ids (a finished or taken-over message is not among them).

TinyDB keeps leases in memory only, never in the file: one process writes the
database (it holds the file's lock), so a restarted process, even after a
``kill -9``, finds every message it had claimed free and sends it at once.
The PostgreSQL backend (:mod:`store.postgres.outbox`) stores them and claims
with ``FOR UPDATE SKIP LOCKED`` for many processes.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from tinydb import Query, TinyDB

from bot.outbox.model import ChannelDelivery, MessageStatus, OutboxMessage, first_deliveries, first_delivery_holders
from store.engine import Engine, docs
from store.errors import StoreError, parse_record

OUTBOX = "outbox"
# Leases live in memory only (see the module doc); the file never holds them.
LEASE_FIELDS = {"claimed_by", "lease_until"}


class OutboxIndex:
    """Every outbox message parsed in memory, where it lives, and which are pending."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._where: dict[str, Path] = {}
        self._messages: dict[str, OutboxMessage] = {}
        self._pending: set[str] = set()
        self._loaded = False

    def _load(self) -> None:
        """Parse every shard's outbox, once, when first read (a command that only writes never does)."""
        if self._loaded:
            return
        self._loaded = True
        for file, db in self.engine.all_shards():
            for doc in docs(db, OUTBOX):
                self._add(parse_record(OutboxMessage, doc, file, OUTBOX), file)

    @property
    def where(self) -> dict[str, Path]:
        self._load()
        return self._where

    @property
    def messages(self) -> dict[str, OutboxMessage]:
        self._load()
        return self._messages

    @property
    def pending(self) -> set[str]:
        self._load()
        return self._pending

    def add(self, message: OutboxMessage, file: Path) -> None:
        """A message just written to ``file``: indexed now if the index is loaded, else read with it later."""
        if self._loaded:
            self._add(message, file)

    def remove(self, message_id: str) -> None:
        """A message just deleted from its file (a purge; the index is loaded then)."""
        self._where.pop(message_id, None)
        self._messages.pop(message_id, None)
        self._pending.discard(message_id)

    def _add(self, message: OutboxMessage, file: Path) -> None:
        self._where[message.id] = file
        self._messages[message.id] = message
        if message.status == "pending":
            self._pending.add(message.id)
        else:
            self._pending.discard(message.id)


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

    async def due(self, now: datetime, limit: int = 50, *, platform: str | None = None) -> builtins.list[OutboxMessage]:
        async with self.engine.lock:
            return self._due(now, limit, platform)

    def _due(self, now: datetime, limit: int, platform: str | None) -> builtins.list[OutboxMessage]:
        found = [
            m
            for i in self.index.pending
            if (m := self.index.messages[i]).next_attempt_at <= now
            and (m.lease_until is None or m.lease_until <= now)
            and (platform is None or m.platform == platform)
        ]
        return sorted(found, key=lambda m: m.created_at)[:limit]

    async def record_attempt(self, message_id: str, destination: str, now: datetime) -> OutboxMessage:
        def update(message: OutboxMessage) -> OutboxMessage:
            # The first start counts: a post may have reached the platform at any attempt since then.
            in_flight = {destination: now, **message.in_flight}
            return message.model_copy(update={"in_flight": in_flight})

        return await self._update(message_id, update)

    async def claim_due(
        self, worker: str, now: datetime, lease_seconds: float, limit: int = 50, *, platform: str | None = None
    ) -> builtins.list[OutboxMessage]:
        until = now + timedelta(seconds=lease_seconds)
        async with self.engine.lock:
            due = self._due(now, limit, platform)
            claimed = [m.model_copy(update={"claimed_by": worker, "lease_until": until}) for m in due]
            for message in claimed:
                self.index.messages[message.id] = message
        return claimed

    async def renew(self, worker: str, message_ids: Sequence[str], now: datetime, lease_seconds: float) -> set[str]:
        until = now + timedelta(seconds=lease_seconds)
        renewed: set[str] = set()
        async with self.engine.lock:
            for message_id in message_ids:
                current = self.index.messages.get(message_id)
                if current is not None and current.status == "pending" and current.claimed_by == worker:
                    self.index.messages[message_id] = current.model_copy(update={"lease_until": until})
                    renewed.add(message_id)
        return renewed

    async def release(self, message_id: str, worker: str) -> None:
        async with self.engine.lock:
            current = self.index.messages.get(message_id)
            if current is not None and current.claimed_by == worker:
                self.index.messages[message_id] = current.model_copy(update={"claimed_by": None, "lease_until": None})

    async def count_pending(self) -> int:
        async with self.engine.lock:
            return len(self.index.pending)

    async def purge_sent(self, before: datetime, *, live_rounds: Collection[int] = ()) -> int:
        live = set(live_rounds)
        async with self.engine.lock:
            of_nomination: dict[str, builtins.list[OutboxMessage]] = {}
            for message in sorted(self.index.messages.values(), key=lambda m: m.created_at):
                of_nomination.setdefault(message.nomination_id, []).append(message)
            doomed: dict[Path, builtins.list[str]] = {}
            for messages in of_nomination.values():
                kept = first_delivery_holders(messages) if messages[0].round_year in live else set()
                for message in messages:
                    if (
                        message.status == "sent"
                        and message.sent_at is not None
                        and message.sent_at < before
                        and message.id not in kept
                    ):
                        doomed.setdefault(self.index.where[message.id], []).append(message.id)
        purged = 0
        for file, ids in doomed.items():
            # One atomic write per shard file, the lock taken for each: the bot keeps serving meanwhile.
            async with self.engine.lock:
                present = [i for i in ids if i in self.index.messages]
                if not present:
                    continue
                await self._remove(self.engine.shard(file), present)
                for message_id in present:
                    self.index.remove(message_id)
                purged += len(present)
        return purged

    async def _remove(self, db: TinyDB, ids: builtins.list[str]) -> None:
        await self.engine.write(db, lambda: db.table(OUTBOX).remove(Query().id.one_of(ids)))

    async def record_delivery(self, message_id: str, channel: str, ts: str, now: datetime) -> OutboxMessage:
        def update(message: OutboxMessage) -> OutboxMessage:
            deliveries = {**message.deliveries, channel: ChannelDelivery(ts=ts, delivered_at=now)}
            in_flight = {key: at for key, at in message.in_flight.items() if key != channel}
            return message.model_copy(update={"deliveries": deliveries, "in_flight": in_flight})

        return await self._update(message_id, update)

    async def mark_sent(
        self, message_id: str, now: datetime, deliveries: dict[str, str] | None = None
    ) -> OutboxMessage:
        def update(message: OutboxMessage) -> OutboxMessage:
            merged = dict(message.deliveries)
            for channel, ts in (deliveries or {}).items():
                merged[channel] = ChannelDelivery(ts=ts, delivered_at=now)
            return message.model_copy(
                update={
                    "status": MessageStatus.sent,
                    "sent_at": now,
                    "deliveries": merged,
                    "attempts": message.attempts + 1,
                    "claimed_by": None,
                    "lease_until": None,
                }
            )

        return await self._update(message_id, update)

    async def schedule_retry(self, message_id: str, error: str, next_attempt_at: datetime) -> OutboxMessage:
        def update(message: OutboxMessage) -> OutboxMessage:
            return message.model_copy(
                update={
                    "attempts": message.attempts + 1,
                    "last_error": error[:1000],
                    "next_attempt_at": next_attempt_at,
                    "claimed_by": None,
                    "lease_until": None,
                }
            )

        return await self._update(message_id, update)

    async def deliveries_for(self, nomination_id: str) -> dict[str, ChannelDelivery]:
        return first_deliveries(await self.list(nomination_id))

    async def _update(self, message_id: str, update: Callable[[OutboxMessage], OutboxMessage]) -> OutboxMessage:
        async with self.engine.lock:
            current = self.index.messages.get(message_id)
            file = self.index.where.get(message_id)
            if current is None or file is None:
                raise StoreError("store.no_outbox", id=message_id)
            new = update(current)
            doc = new.model_dump(mode="json", exclude=LEASE_FIELDS)
            db = self.engine.shard(file)
            await self.engine.write(db, lambda: db.table(OUTBOX).update(doc, Query().id == message_id))
            self.index.add(new, file)
        return new

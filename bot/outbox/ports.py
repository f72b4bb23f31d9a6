"""The outbox's ports: both kinds of message, read and completed by the platforms' workers.

``store.outbox`` and ``store.postgres.outbox`` implement :class:`OutboxRepository`; the jury's
messages are written with the jury's records, so :class:`JuryMessageOutbox` is part of
:class:`bot.jury.ports.JuryRepository` (``store.jury``, ``store.postgres.jury``).
"""

from __future__ import annotations

import builtins
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Protocol

from bot.outbox.model import ChannelDelivery, JuryMessage, OutboxMessage


class OutboxRepository(Protocol):
    async def due(self, now: datetime, limit: int = 50, *, platform: str | None = None) -> list[OutboxMessage]:
        """``platform``: only that platform's messages (every platform's when ``None``)."""
        ...

    async def get(self, message_id: str) -> OutboxMessage | None: ...

    async def list(self, nomination_id: str | None = None) -> list[OutboxMessage]: ...

    async def record_attempt(self, message_id: str, destination: str, now: datetime) -> OutboxMessage:
        """A send to ``destination`` starts now; durable before the platform call is made."""
        ...

    async def record_delivery(self, message_id: str, channel: str, ts: str, now: datetime) -> OutboxMessage:
        """``channel`` got the message (``ts``); clears its attempt in flight."""
        ...

    async def mark_sent(
        self, message_id: str, now: datetime, deliveries: dict[str, str] | None = None
    ) -> OutboxMessage: ...

    async def schedule_retry(self, message_id: str, error: str, next_attempt_at: datetime) -> OutboxMessage: ...

    async def deliveries_for(self, nomination_id: str) -> dict[str, ChannelDelivery]: ...

    async def claim_due(
        self, worker: str, now: datetime, lease_seconds: float, limit: int = 50, *, platform: str | None = None
    ) -> builtins.list[OutboxMessage]:
        """Due pending messages not leased by a live worker, now leased to ``worker`` until
        ``now + lease_seconds`` (``claimed_by``/``lease_until`` set), oldest first.

        A message is claimed by one worker at a time, across processes; a worker that
        dies leaves its lease to expire, after which another worker claims the message.
        ``mark_sent`` and ``schedule_retry`` complete an attempt and clear the lease.
        ``platform``: only that platform's messages (each platform's worker claims its own).
        """
        ...

    async def renew(self, worker: str, message_ids: Sequence[str], now: datetime, lease_seconds: float) -> set[str]:
        """Extend to ``now + lease_seconds`` the leases ``worker`` still holds among ``message_ids``;
        returns their ids. A message finished, released or taken over by another worker (its lease
        had expired) is not the worker's any more and is left out.

        A live worker renews its claims at a fraction of the lease (the heartbeat), so the lease
        can be short: a dead worker's claims are free soon, a live one's never lapse.
        """
        ...

    async def release(self, message_id: str, worker: str) -> None:
        """Give the lease back (only if ``worker`` still holds it) without completing."""
        ...

    async def count_pending(self) -> int:
        """How many messages are not sent yet (leased ones included): a count, no rows read (/healthz)."""
        ...

    async def purge_sent(self, before: datetime, *, live_rounds: Collection[int] = ()) -> int:
        """Delete sent messages whose ``sent_at`` is before ``before``; returns how many.

        Pending messages (leased or in flight included) are never deleted. In ``live_rounds`` (rounds
        whose nominations may still be edited or withdrawn) a message that holds a nomination's first
        delivery to a destination is kept, since an update of the jury's post is sent to it
        (``deliveries_for``); without it the update would be posted as a new message.
        """
        ...


class JuryMessageOutbox(Protocol):
    """The jury's messages, pending until a platform marks them sent."""

    async def messages(self, round_year: int | None = None, *, pending_only: bool = False) -> list[JuryMessage]:
        """Oldest first."""
        ...

    async def mark_message_sent(self, message_id: str, now: datetime) -> JuryMessage: ...

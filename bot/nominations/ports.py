"""Repository Protocols the core needs; ``store`` implements them, the core never imports it."""

from __future__ import annotations

import builtins
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.nominations.model import ChannelDelivery, Nomination, OutboxMessage
from bot.nominations.state import ConversationState


class StoreUnavailable(Exception):
    """The store cannot be reached right now (a database restart or fail-over); nothing was written.

    A backend raises a subclass for a lost or refused connection, not for a failed statement, so
    the core can answer what needs no store and ask the user to try again in a minute."""


@dataclass(frozen=True)
class RepeatWindow:
    """A submission repeated within ``seconds`` of real time (a double click, a client's retry)
    is the same submission: it gets the first nomination, and nothing is written.

    The repeat is recognised by the nomination's ``content_fingerprint`` (its content and its
    nominator). ``now`` is the real time, not the app's (which demos and tests may pin)."""

    now: datetime
    seconds: float

    @property
    def until(self) -> datetime:
        return self.now + timedelta(seconds=self.seconds)


class NominationRepository(Protocol):
    async def get(self, nomination_id: str) -> Nomination | None: ...

    async def list(
        self,
        *,
        round_year: int | None = None,
        nominator_key: str | None = None,
        statuses: Collection[str] | None = None,
    ) -> list[Nomination]:
        """Oldest first."""
        ...

    async def submit(
        self,
        nomination: Nomination,
        event: OutboxMessage | Sequence[OutboxMessage],
        *,
        repeat: RepeatWindow | None = None,
    ) -> tuple[Nomination, bool]:
        """Store a submitted nomination and its outbox message(s) (one per platform) in one atomic write.

        Idempotent on ``nomination.idempotency_key``: if a nomination with that key
        exists it is returned with ``False`` and nothing is written. With ``repeat``, likewise
        when a nomination with the same ``content_fingerprint`` was submitted within the window,
        decided atomically with the write (across processes where the backend has several).
        """
        ...

    async def save(
        self, nomination: Nomination, event: OutboxMessage | Sequence[OutboxMessage] | None = None
    ) -> Nomination:
        """Insert or replace by id, together with ``event`` (one or more messages) in one atomic write."""
        ...


class DialogRepository(Protocol):
    async def load(self, key: str) -> ConversationState | None: ...

    async def save(self, state: ConversationState, *, durable: bool = True) -> None:
        """``durable=False``: only a question's follow-up context changed, whose loss in a crash is
        harmless; a backend may then save it a moment later instead of waiting for the disk."""
        ...

    async def delete(self, key: str) -> None: ...


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


class DedupeRepository(Protocol):
    async def first_time(self, key: str, ttl_seconds: float) -> bool:
        """True exactly once per ``key`` within ``ttl_seconds``, across every process on the store.

        Used for platform deliveries that may be retried (Slack ``event_id``); after the
        time-to-live the key may be used again.
        """
        ...

"""The outbox's messages: what the core writes, in the same atomic write as the change that
caused it, for a platform to deliver later.

Two kinds live here: :class:`OutboxMessage`, one event about one nomination (submitted, edited,
withdrawn), which every platform's :class:`handlers.outbox_worker.OutboxWorker` fans out to the
jury channels; and :class:`JuryMessage`, a message for the jury (the decision's announcement in
the jury channels, a reminder to one juror), written with the jury's records. Why they are two
tables and not one: see docs/outbox.md.
"""

from __future__ import annotations

# The enums' members are named as their values, which is what every backend stores (also where a
# driver writes an enum by its name).
from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from bot.knowledge.models import Frozen
from bot.nominations.model import new_id


class MessageStatus(StrEnum):
    """Where a message of either kind stands: written, waiting for its platform, or sent."""

    pending = "pending"
    sent = "sent"


class OutboxKind(StrEnum):
    nomination_submitted = "nomination_submitted"
    nomination_edited = "nomination_edited"
    nomination_withdrawn = "nomination_withdrawn"


class ChannelDelivery(BaseModel):
    """Where one outbox message (or an earlier one for the same nomination) was posted."""

    ts: str
    delivered_at: datetime


def nominator_destination(user_id: str) -> str:
    """The outbox destination key of a nominator's direct message (``dm:slack:U123``)."""
    return f"dm:{user_id}"


class OutboxMessage(BaseModel):
    """A notification to send about one nomination event; platforms fan it out per channel."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(default_factory=new_id)
    kind: OutboxKind
    # The chat platform whose worker delivers it ("slack", "teams"): one message per platform and event.
    platform: str = "slack"
    nomination_id: str
    round_year: int
    created_at: datetime
    status: MessageStatus = MessageStatus.pending
    attempts: int = 0
    next_attempt_at: datetime
    last_error: str | None = None
    sent_at: datetime | None = None
    # destination (a jury channel id, or a nominator's DM, see nominator_destination) -> delivery;
    # lets a retry skip destinations that already got it and lets an edit find the message ts
    # to update (chat.update) instead of posting again.
    deliveries: dict[str, ChannelDelivery] = Field(default_factory=dict)
    # Also tell the nominator (a confirmation DM on the platform the nomination came from).
    notify_nominator: bool = False
    # destination -> when a send started whose outcome is not known yet. Written before the
    # platform call, so after a crash mid-call the sender looks for the post it may have made
    # (tagged with this message's id) instead of posting a second one.
    in_flight: dict[str, datetime] = Field(default_factory=dict)
    # The worker holding the message (``OutboxRepository.claim_due``) and until when;
    # an expired lease is free to be claimed again.
    claimed_by: str | None = None
    lease_until: datetime | None = None


class JuryMessageKind(StrEnum):
    jury_decision = "jury_decision"
    jury_reminder = "jury_reminder"


class JuryMessage(Frozen):
    """A message for the jury, written in the same atomic write as the action that caused it.

    ``recipient`` is ``None`` for the jury channels (the decision announcement) and a
    juror's user id for a direct message (a reminder).
    """

    id: str = Field(default_factory=new_id)
    kind: JuryMessageKind
    round_year: int
    nomination_id: str | None = None
    recipient: str | None = None
    text: str
    created_at: datetime
    status: MessageStatus = MessageStatus.pending
    sent_at: datetime | None = None


# The outbox messages written with a nomination: one, or one per platform.
Events = OutboxMessage | Sequence[OutboxMessage]


def as_events(event: Events | None) -> list[OutboxMessage]:
    """The outbox messages written with a nomination: none, one, or one per platform."""
    if event is None:
        return []
    return [event] if isinstance(event, OutboxMessage) else list(event)


def first_deliveries(messages: Iterable[OutboxMessage]) -> dict[str, ChannelDelivery]:
    """Destination -> its first delivery over a nomination's messages (oldest first): where the
    jury's copy lives, for updates. Both backends answer ``deliveries_for`` with it."""
    found: dict[str, ChannelDelivery] = {}
    for message in messages:
        for destination, delivery in message.deliveries.items():
            found.setdefault(destination, delivery)
    return found


def first_delivery_holders(messages: Iterable[OutboxMessage]) -> set[str]:
    """The ids of the messages (of one nomination, oldest first) that ``first_deliveries`` takes a
    delivery from: what a purge keeps while the nomination may still change."""
    holders: dict[str, str] = {}
    for message in messages:
        for destination in message.deliveries:
            holders.setdefault(destination, message.id)
    return set(holders.values())

"""The nomination and the records around it, as pydantic models.

:class:`NominationInput` is what a nominator hands in (the ``nominate --file``
JSON, or what the dialog collected); :class:`Nomination` is the stored record.
Drafts are stored nominations too, which is why the content fields may be empty:
the rules in :mod:`bot.nominations.rules`, not the model, decide what may be
submitted, so that a half-written draft can be saved and resumed.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from bot.knowledge.models import ASSESSMENT_CRITERIA

NominationStatus = Literal["draft", "submitted", "withdrawn"]
ContentField = Literal[
    "nominee",
    "partners",
    "description",
    "added_value",
    "innovation",
    "inspiration",
    "results",
    "contact",
]
CONTENT_FIELDS: tuple[ContentField, ...] = get_args(ContentField)
ASSESSMENT_FIELDS = ASSESSMENT_CRITERIA  # answered in fields named as the criteria


def new_id() -> str:
    return uuid.uuid4().hex[:16]


class Nominator(BaseModel):
    """Who nominated: a name and an e-mail address and/or a chat user id (e.g. ``slack:U123``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = ""
    email: str | None = None
    user_id: str | None = None

    @property
    def key(self) -> str:
        """Identity used for "my nominations" and duplicate detection."""
        if self.user_id:
            return f"user:{self.user_id}"
        if self.email:
            return f"email:{self.email.strip().casefold()}"
        return f"name:{' '.join(self.name.split()).casefold()}"


class NominationContent(BaseModel):
    """What the nominator writes; every field may still be missing in a draft."""

    model_config = ConfigDict(extra="forbid")

    nominee: str = ""
    partners: list[str] = Field(default_factory=list)
    description: str = ""
    added_value: str = ""
    innovation: str | None = None
    inspiration: str | None = None
    results: str | None = None
    contact: str | None = None


class NominatorInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = ""
    email: str | None = None


class NominationInput(BaseModel):
    """The ``trygghetsbot nominate --file`` format: one JSON object.

    Only the types are checked here. A missing field is an empty one, and whether it may be
    empty is for the rules (:mod:`bot.nominations.rules`) to say, as for the dialog and the forms:
    the same message for the same mistake, and every mistake in one answer.
    """

    model_config = ConfigDict(extra="forbid")

    nominee: str = ""
    partners: list[str] = Field(default_factory=list)
    description: str = ""
    added_value: str = ""
    innovation: str | None = None
    inspiration: str | None = None
    results: str | None = None
    contact: str | None = None
    nominator: NominatorInput = Field(default_factory=NominatorInput)

    def content(self) -> NominationContent:
        return NominationContent.model_validate(self.model_dump(exclude={"nominator"}))


class Nomination(NominationContent):
    """A stored nomination (draft, submitted or withdrawn); frozen: change it with ``model_copy``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(default_factory=new_id)
    round_year: int
    status: NominationStatus = "draft"
    nominator: Nominator
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None = None
    withdrawn_at: datetime | None = None
    idempotency_key: str | None = None
    # A hash of the submitted content and nominator, kept with the idempotency key so that a
    # retry with the same key can be told apart from a reuse of the key for other content.
    content_fingerprint: str | None = None
    # Set when the same nominator already nominated the same effort this round.
    duplicate_of: str | None = None
    revision: int = 0
    # Idempotency keys of the latest edits (e.g. a Slack view id): a replayed edit changes nothing.
    edit_keys: list[str] = Field(default_factory=list)

    def content(self) -> NominationContent:
        fields: set[str] = set(CONTENT_FIELDS)
        return NominationContent.model_validate(self.model_dump(include=fields))


OutboxKind = Literal["nomination_submitted", "nomination_edited", "nomination_withdrawn"]
OutboxStatus = Literal["pending", "sent"]


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
    status: OutboxStatus = "pending"
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

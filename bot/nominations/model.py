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
from enum import StrEnum
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from bot.knowledge.models import ASSESSMENT_CRITERIA


class NominationStatus(StrEnum):
    # Members named as their values: what the backends store (also where a driver writes an enum's name).
    draft = "draft"
    submitted = "submitted"
    withdrawn = "withdrawn"


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


class NominationInput(NominationContent):
    """The ``trygghetsbot nominate --file`` format: one JSON object, the content and its nominator.

    Only the types are checked here. A missing field is an empty one, and whether it may be
    empty is for the rules (:mod:`bot.nominations.rules`) to say, as for the dialog and the forms:
    the same message for the same mistake, and every mistake in one answer.
    """

    nominator: NominatorInput = Field(default_factory=NominatorInput)

    def content(self) -> NominationContent:
        return NominationContent.model_validate(self.model_dump(exclude={"nominator"}))


class Nomination(NominationContent):
    """A stored nomination (draft, submitted or withdrawn); frozen: change it with ``model_copy``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(default_factory=new_id)
    round_year: int
    status: NominationStatus = NominationStatus.draft
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

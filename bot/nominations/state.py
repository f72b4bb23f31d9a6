"""Conversation and dialog state, persisted after every message so a restart loses nothing."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from bot.nominations.model import NominationContent, Nominator

DialogMode = Literal["create", "edit", "withdraw"]


class DialogState(BaseModel):
    mode: DialogMode = "create"
    round_year: int
    # A field name, "summary", or "confirm_withdraw".
    step: str
    history: list[str] = Field(default_factory=list)
    content: NominationContent = Field(default_factory=NominationContent)
    nominator: Nominator
    # Draft (create mode) or nomination being edited/withdrawn.
    nomination_id: str | None = None
    # One key per dialog: a retried "skicka" after a crash stores one nomination.
    session_key: str = Field(default_factory=lambda: uuid.uuid4().hex)
    # Set while the user changes one field from the summary: go back to the summary after it.
    return_to_summary: bool = False
    # "spara": the dialog is kept but paused until the user says "fortsätt".
    paused: bool = False
    # The chat session in which the current question was last shown. A message from another
    # session (the console restarted) is never taken as the answer to a question not seen there.
    shown_in: str | None = None
    # Answers changed since the last "spara" (a cancel must not drop them silently).
    unsaved: bool = False
    # A near-miss of a command ("tilbaka") waiting for "ja": the command, and the text as typed.
    suggested_command: str | None = None
    suggested_for: str | None = None
    # "avbryt" of a long nomination waits for "ja" / "nej".
    confirming_cancel: bool = False
    # Organisations answered with "och" in one name ("Polisen och Fältgruppen"), as typed, waiting for
    # "ja" (split them) or "nej" (keep the name whole).
    joined_partners: list[str] | None = None


class ConversationState(BaseModel):
    """Everything the router keeps per conversation (chat key)."""

    key: str
    user_id: str
    lang: Literal["sv", "en"] = "sv"
    # The answerer's ConversationContext as JSON, so follow-up questions survive restarts.
    answer_context: dict[str, Any] = Field(default_factory=dict)
    dialog: DialogState | None = None
    updated_at: datetime

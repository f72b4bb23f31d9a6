"""Pydantic models of the Slack payloads the listeners read (only the parts used)."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from bot.nominations.model import NominationContent

_ORG_SEPARATORS = re.compile(r"[\n,;]+")


class SlackUser(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    name: str = ""
    username: str = ""
    team_id: str | None = None


class ModalSubmission(BaseModel):
    """A ``view_submission`` of the nomination modal, reduced to field -> text."""

    user: SlackUser
    view_id: str
    values: dict[str, str | None]
    nomination_id: str | None = None

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> ModalSubmission:
        view = body["view"]
        values: dict[str, str | None] = {}
        for block_id, actions in (view.get("state") or {}).get("values", {}).items():
            for action in actions.values():
                values[block_id] = action.get("value")
        try:
            metadata = json.loads(view.get("private_metadata") or "{}")
        except json.JSONDecodeError:
            metadata = {}
        return cls(
            user=SlackUser.model_validate(body["user"]),
            view_id=view["id"],
            values=values,
            nomination_id=metadata.get("nomination_id") if isinstance(metadata, dict) else None,
        )

    def text(self, field: str) -> str | None:
        value = self.values.get(field)
        return value if value is None or value.strip() else None

    def content(self) -> NominationContent:
        partners = [p.strip() for p in _ORG_SEPARATORS.split(self.text("partners") or "") if p.strip()]
        return NominationContent(
            nominee=self.text("nominee") or "",
            partners=partners,
            description=self.text("description") or "",
            added_value=self.text("added_value") or "",
            innovation=self.text("innovation"),
            inspiration=self.text("inspiration"),
            results=self.text("results"),
            contact=self.text("contact"),
        )


class BlockAction(BaseModel):
    """A ``block_actions`` payload with the one button pressed."""

    user: SlackUser
    action_id: str
    value: str = ""
    trigger_id: str | None = None
    channel_id: str | None = None
    team_id: str | None = None

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> BlockAction:
        action = (body.get("actions") or [{}])[0]
        return cls(
            user=SlackUser.model_validate(body["user"]),
            action_id=action.get("action_id", ""),
            value=action.get("value", ""),
            trigger_id=body.get("trigger_id"),
            channel_id=(body.get("channel") or {}).get("id"),
            team_id=(body.get("team") or {}).get("id"),
        )


class MessageEvent(BaseModel):
    model_config = ConfigDict(extra="ignore")

    type: str
    user: str | None = None
    text: str = ""
    channel: str | None = None
    channel_type: str | None = None
    ts: str | None = None
    thread_ts: str | None = None
    bot_id: str | None = None
    subtype: str | None = None
    team: str | None = None
    files: list[dict[str, Any]] = Field(default_factory=list)

"""Pydantic models of the Slack payloads the listeners read (only the parts used).

:func:`validate_payload` checks an incoming payload's shape before bolt or a
listener touches it (see :mod:`handlers.slack.transport.inbound`); the listeners then build
their typed views of it (:class:`ModalSubmission`, :class:`BlockAction`,
:class:`MessageEvent`) without any chance of a ``KeyError`` or a wrong type.
Strings are strict: an int where Slack sends text is a malformed payload.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from bot.nominations.model import NominationContent
from handlers.forms import form_content


class _Shape(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)


class SlackUser(_Shape):
    id: str = Field(min_length=1)
    name: str = ""
    username: str = ""
    team_id: str | None = None


class SelectedOption(_Shape):
    value: str


class InputValue(_Shape):
    """One input's state: text inputs carry ``value``; radio buttons and selects ``selected_option``,
    checkboxes ``selected_options``."""

    value: str | None = None
    selected_option: SelectedOption | None = None
    selected_options: list[SelectedOption] | None = None


class ViewState(_Shape):
    values: dict[str, dict[str, InputValue]] = Field(default_factory=dict)


class ViewPayload(_Shape):
    id: str = Field(min_length=1)
    type: str  # bolt's matchers read it ("modal", "workflow_step")
    callback_id: str = ""
    private_metadata: str = ""
    state: ViewState = Field(default_factory=ViewState)
    blocks: list[dict[str, Any]] = Field(default_factory=list)


class ViewSubmissionPayload(_Shape):
    type: str = "view_submission"
    user: SlackUser
    view: ViewPayload


class ActionPayload(_Shape):
    action_id: str
    value: str = ""
    block_id: str | None = None
    selected_option: SelectedOption | None = None  # a select's choice


class BlockActionsPayload(_Shape):
    type: str = "block_actions"
    user: SlackUser
    actions: list[ActionPayload] = Field(min_length=1)
    trigger_id: str | None = None
    response_url: str | None = None


class SlashCommandPayload(_Shape):
    command: str
    text: str = ""
    user_id: str = Field(min_length=1)
    team_id: str | None = None
    channel_id: str | None = None
    trigger_id: str = Field(min_length=1)
    response_url: str | None = None


class MessageEvent(_Shape):
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


class AppHomeOpenedEvent(_Shape):
    type: str
    user: str = Field(min_length=1)
    tab: str = "home"


class EventType(_Shape):
    type: str


class EventEnvelope(_Shape):
    type: str
    event_id: str | None = None
    team_id: str | None = None
    event: EventType


_EVENT_SHAPES: dict[str, type[_Shape]] = {
    "message": MessageEvent,
    "app_mention": MessageEvent,
    "app_home_opened": AppHomeOpenedEvent,
}
_PAYLOAD_SHAPES: dict[str, type[_Shape]] = {
    "view_submission": ViewSubmissionPayload,
    "block_actions": BlockActionsPayload,
}


def validate_payload(payload: dict[str, Any]) -> None:
    """Raise ``pydantic.ValidationError`` if a payload this app reads does not have the shape it reads."""
    kind = payload.get("type")
    if kind == "event_callback":
        envelope = EventEnvelope.model_validate(payload)
        shape = _EVENT_SHAPES.get(envelope.event.type)
        if shape is not None:
            shape.model_validate(payload["event"])
    elif isinstance(kind, str) and kind in _PAYLOAD_SHAPES:
        _PAYLOAD_SHAPES[kind].model_validate(payload)
    elif "command" in payload:
        SlashCommandPayload.model_validate(payload)


class ModalSubmission(BaseModel):
    """A ``view_submission`` of the nomination modal, reduced to field -> text."""

    user: SlackUser
    view_id: str
    values: dict[str, str | None]
    nomination_id: str | None = None
    # block id -> the chosen option values (radio buttons, selects, checkboxes)
    selected: dict[str, list[str]] = Field(default_factory=dict)

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> ModalSubmission:
        payload = ViewSubmissionPayload.model_validate(body)
        values: dict[str, str | None] = {}
        selected: dict[str, list[str]] = {}
        for block_id, actions in payload.view.state.values.items():
            for action in actions.values():
                values[block_id] = action.value
                options = action.selected_options or ([action.selected_option] if action.selected_option else [])
                selected[block_id] = [option.value for option in options]
        try:
            metadata = json.loads(payload.view.private_metadata or "{}")
        except (ValueError, RecursionError):
            metadata = {}
        nomination_id = metadata.get("nomination_id") if isinstance(metadata, dict) else None
        return cls(
            user=payload.user,
            view_id=payload.view.id,
            values=values,
            nomination_id=nomination_id if isinstance(nomination_id, str) else None,
            selected=selected,
        )

    def text(self, field: str) -> str | None:
        value = self.values.get(field)
        return value if value is None or value.strip() else None

    def choice(self, field: str) -> str | None:
        chosen = self.selected.get(field) or []
        return chosen[0] if chosen else None

    def choices(self, field: str) -> list[str]:
        return list(self.selected.get(field) or [])

    def content(self) -> NominationContent:
        return form_content(self.values)


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
        payload = BlockActionsPayload.model_validate(body)
        action = payload.actions[0]
        channel = body.get("channel")
        team = body.get("team")
        return cls(
            user=payload.user,
            action_id=action.action_id,
            value=action.value or (action.selected_option.value if action.selected_option else ""),
            trigger_id=payload.trigger_id,
            channel_id=channel.get("id") if isinstance(channel, dict) else None,
            team_id=team.get("id") if isinstance(team, dict) else None,
        )

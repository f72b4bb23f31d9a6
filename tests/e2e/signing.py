"""A client that sends requests to the bot's endpoint exactly as Slack signs them."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp

from tests.e2e.fakeslack import BOT_USER_ID, TEAM_ID, FakeSlack


@dataclass
class Reply:
    status: int
    text: str

    def json(self) -> Any:
        return json.loads(self.text) if self.text else None


def signature(secret: str, timestamp: str, body: str | bytes) -> str:
    raw = body.encode() if isinstance(body, str) else body
    base = f"v0:{timestamp}:".encode() + raw
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SlackSender:
    def __init__(self, url: str, secret: str, fake: FakeSlack, *, team: str = TEAM_ID) -> None:
        self.url = url
        self.secret = secret
        self.fake = fake
        self.team = team  # the workspace every request comes from
        self._ids = itertools.count(1)

    async def post(
        self,
        body: str | bytes,
        content_type: str,
        *,
        sign: bool = True,
        secret: str | None = None,
        age_seconds: int = 0,
        timestamp: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        """``timestamp``: sign with this exact header value (malformed ones included)."""
        timestamp = timestamp if timestamp is not None else str(int(time.time()) - age_seconds)
        all_headers = {"Content-Type": content_type, **(headers or {})}
        if sign:
            all_headers["X-Slack-Request-Timestamp"] = timestamp
            all_headers["X-Slack-Signature"] = signature(secret or self.secret, timestamp, body)
        async with aiohttp.ClientSession() as session, session.post(self.url, data=body, headers=all_headers) as r:
            return Reply(r.status, await r.text())

    # --- kinds of requests ------------------------------------------------------
    async def slash(self, command: str, text: str = "", *, user: str = "U1", channel: str = "C1", **kw: Any) -> Reply:
        n = next(self._ids)
        fields = {
            "token": "legacy",
            "team_id": self.team,
            "team_domain": "test",
            "channel_id": channel,
            "channel_name": "x",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A1",
            "response_url": self.fake.response_url(f"cmd{n}"),
            "trigger_id": f"{n}.{n}.trigger{n}",
        }
        return await self.post(urlencode(fields), "application/x-www-form-urlencoded", **kw)

    async def event(self, event: dict[str, Any], *, event_id: str | None = None, retry: int | None = None) -> Reply:
        envelope = {
            "token": "legacy",
            "team_id": self.team,
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(self._ids):08d}",
            "event_time": int(time.time()),
            "event": event,
            "authorizations": [{"team_id": self.team, "user_id": BOT_USER_ID, "is_bot": True}],
        }
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else None
        return await self.post(json.dumps(envelope), "application/json", headers=headers)

    def new_ts(self) -> str:
        return f"{int(time.time())}.{next(self._ids):06d}"

    async def mention(self, text: str, *, user: str = "U1", channel: str = "C1", **kw: Any) -> tuple[Reply, str]:
        ts = self.new_ts()
        event = {
            "type": "app_mention",
            "user": user,
            "text": f"<@{BOT_USER_ID}> {text}",
            "ts": ts,
            "channel": channel,
            "event_ts": ts,
        }
        return await self.event(event, **kw), ts

    async def dm(self, text: str, *, user: str = "U1", **kw: Any) -> Reply:
        ts = self.new_ts()
        event = {
            "type": "message",
            "channel_type": "im",
            "user": user,
            "text": text,
            "ts": ts,
            "channel": f"D{user}",
            "event_ts": ts,
        }
        return await self.event(event, **kw)

    async def interactive(self, payload: dict[str, Any]) -> Reply:
        return await self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    async def submit_modal(
        self, view: dict[str, Any], values: dict[str, str | None], *, user: str = "U1", view_id: str = "VSUBMIT"
    ) -> Reply:
        state = {key: {key: {"type": "plain_text_input", "value": value}} for key, value in values.items()}
        payload = {
            "type": "view_submission",
            "team": {"id": self.team},
            "api_app_id": "A1",
            "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": self.team},
            "view": {**view, "id": view_id, "state": {"values": state}, "hash": "h1"},
        }
        return await self.interactive(payload)

    async def press_select(self, action_id: str, value: str, *, user: str = "U1") -> Reply:
        """A choice in a select menu in App Home (a block action with ``selected_option``)."""
        n = next(self._ids)
        payload: dict[str, Any] = {
            "type": "block_actions",
            "team": {"id": self.team},
            "user": {"id": user, "username": user.lower(), "team_id": self.team},
            "trigger_id": f"{n}.{n}.trigger{n}",
            "container": {"type": "view", "view_id": "VHOME"},
            "actions": [
                {
                    "type": "static_select",
                    "action_id": action_id,
                    "block_id": "b1",
                    "selected_option": {"value": value, "text": {"type": "plain_text", "text": value}},
                    "action_ts": self.new_ts(),
                }
            ],
        }
        return await self.interactive(payload)

    async def press(self, action_id: str, value: str, *, user: str = "U1", channel: str | None = "C1") -> Reply:
        n = next(self._ids)
        payload: dict[str, Any] = {
            "type": "block_actions",
            "team": {"id": self.team},
            "api_app_id": "A1",
            "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": self.team},
            "trigger_id": f"{n}.{n}.trigger{n}",
            "actions": [
                {"type": "button", "action_id": action_id, "block_id": "b1", "value": value, "action_ts": self.new_ts()}
            ],
        }
        if channel:  # a button in a message; App Home buttons have no response_url
            payload["response_url"] = self.fake.response_url(f"act{n}")
            payload["channel"] = {"id": channel}
            payload["container"] = {"type": "message", "channel_id": channel, "message_ts": self.new_ts()}
        else:
            payload["container"] = {"type": "view", "view_id": "VHOME"}
        return await self.interactive(payload)

"""Malformed and hostile requests: refused with 401/400 before any work, never a 500 or a traceback."""

from __future__ import annotations

import copy
import json
import logging
import time
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest

from tests.e2e.conftest import BotServer
from tests.e2e.fakeslack import BOT_USER_ID, TEAM_ID, FakeSlack
from tests.e2e.signing import SlackSender

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"

# Bodies that are not even syntactically a Slack request.
GARBLED: list[tuple[str, bytes, str]] = [
    ("payload with a bad escape", b"payload=%ZZ", FORM),
    ("payload that is broken JSON", b"payload=%7Bx", FORM),
    ("JSON body that is broken", b"{x", JSON),
    ("JSON body that is null", b"null", JSON),
    ("payload that is not UTF-8", b"payload=\xff", FORM),
    ("payload that is a JSON string", b"payload=%22hello%22", FORM),
    ("payload that is a JSON list", b"payload=%5B1%2C2%5D", FORM),
    ("JSON body with a byte order mark", '\ufeff{"type": "event_callback"}'.encode(), JSON),
    ("5 000-deep nesting", b'{"type": "event_callback", "event": ' + b"[" * 5000 + b"]" * 5000 + b"}", JSON),
    ("form body sent as JSON", b"command=%2Ftrygghet&text=hej", JSON),
]


def view_submission() -> dict[str, Any]:
    return {
        "type": "view_submission",
        "team": {"id": TEAM_ID},
        "user": {"id": "U1", "username": "u1", "name": "u1", "team_id": TEAM_ID},
        "view": {
            "id": "VBAD",
            "type": "modal",
            "callback_id": "nomination_modal",
            "private_metadata": "{}",
            "blocks": [],
            "state": {"values": {"nominee": {"nominee": {"type": "plain_text_input", "value": "Trygga Gatan"}}}},
        },
    }


def block_actions() -> dict[str, Any]:
    return {
        "type": "block_actions",
        "team": {"id": TEAM_ID},
        "user": {"id": "U1", "username": "u1", "team_id": TEAM_ID},
        "trigger_id": "1.1.t",
        "actions": [{"type": "button", "action_id": "home_withdraw", "block_id": "b", "value": "abc"}],
    }


def envelope(event: object) -> dict[str, Any]:
    return {
        "type": "event_callback",
        "team_id": TEAM_ID,
        "event_id": f"Ev{time.monotonic_ns()}",
        "event": event,
        "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
    }


def changed(base: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """``base`` with the value at dotted ``path`` replaced (or removed when ``value`` is DELETE)."""
    result = copy.deepcopy(base)
    *parents, last = path.split(".")
    node: Any = result
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if value is DELETE:
        del node[last]
    elif isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return result


DELETE = object()

MALFORMED_PAYLOADS: list[tuple[str, dict[str, Any]]] = [
    ("view_submission without user", changed(view_submission(), "user", DELETE)),
    ("view_submission with user as a string", changed(view_submission(), "user", "U1")),
    ("view_submission without view", changed(view_submission(), "view", DELETE)),
    ("view_submission with view as a list", changed(view_submission(), "view", [])),
    ("view_submission without view.id", changed(view_submission(), "view.id", DELETE)),
    ("view_submission with an int view.id", changed(view_submission(), "view.id", 7)),
    ("view_submission without view.type", changed(view_submission(), "view.type", DELETE)),
    ("view_submission with state.values as a list", changed(view_submission(), "view.state.values", [])),
    ("view_submission with blocks as a string", changed(view_submission(), "view.blocks", "x")),
    ("view_submission with actions as a list", changed(view_submission(), "view.state.values.nominee", [])),
    ("view_submission with an int value", changed(view_submission(), "view.state.values.nominee.nominee.value", 5)),
    ("view_submission with int private_metadata", changed(view_submission(), "view.private_metadata", 5)),
    ("block_actions without user", changed(block_actions(), "user", DELETE)),
    ("block_actions with actions not a list", changed(block_actions(), "actions", {"action_id": "x"})),
    ("block_actions with an int value", changed(block_actions(), "actions.0.value", 42)),
    ("block_actions with no actions", changed(block_actions(), "actions", [])),
]

MALFORMED_EVENTS: list[tuple[str, object]] = [
    ("event null", None),
    ("event without a type", {"user": "U1", "text": "hej"}),
    ("message whose user is a dict", {"type": "message", "channel_type": "im", "user": {"id": "U1"}, "text": "hej"}),
    ("message whose text is an int", {"type": "message", "channel_type": "im", "user": "U1", "text": 5}),
    ("app_home_opened without user", {"type": "app_home_opened", "tab": "home"}),
    ("app_mention whose text is a list", {"type": "app_mention", "user": "U1", "text": ["hej"], "channel": "C1"}),
]


async def still_healthy(server: BotServer, slack: SlackSender) -> None:
    async with aiohttp.ClientSession() as session, session.get(server.url + "/healthz") as response:
        assert response.status == 200
    answer = await slack.slash("/trygghet", "vem vann 2019?")
    assert answer.status == 200 and "Process Kedjan" in answer.json()["text"]


def no_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    assert [r.getMessage() for r in caplog.records if r.exc_info] == []


@pytest.mark.parametrize(("name", "body", "content_type"), GARBLED, ids=[case[0] for case in GARBLED])
async def test_an_unsigned_garbled_body_is_refused_before_it_is_read(
    name: str, body: bytes, content_type: str, slack: SlackSender, server: BotServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    reply = await slack.post(body, content_type, sign=False)
    assert reply.status == 401
    assert not any("not valid JSON" in r.getMessage() for r in caplog.records)  # refused before parsing
    no_tracebacks(caplog)
    await still_healthy(server, slack)


@pytest.mark.parametrize(("name", "body", "content_type"), GARBLED, ids=[case[0] for case in GARBLED])
async def test_a_signed_garbled_body_gets_400(
    name: str, body: bytes, content_type: str, slack: SlackSender, server: BotServer, caplog: pytest.LogCaptureFixture
) -> None:
    reply = await slack.post(body, content_type)
    assert reply.status == 400
    no_tracebacks(caplog)
    await still_healthy(server, slack)


@pytest.mark.parametrize("timestamp", ["abc", "1700000000.5", "", "-1", "١٢٣"])
async def test_a_malformed_signature_timestamp_gets_401(
    timestamp: str, slack: SlackSender, server: BotServer, caplog: pytest.LogCaptureFixture
) -> None:
    reply = await slack.post(urlencode({"command": "/trygghet", "text": "hej"}), FORM, timestamp=timestamp)
    assert reply.status == 401
    no_tracebacks(caplog)
    await still_healthy(server, slack)


@pytest.mark.parametrize(("name", "payload"), MALFORMED_PAYLOADS, ids=[case[0] for case in MALFORMED_PAYLOADS])
async def test_a_signed_malformed_interaction_gets_400_and_changes_nothing(
    name: str,
    payload: dict[str, Any],
    slack: SlackSender,
    fake: FakeSlack,
    server: BotServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    reply = await slack.interactive(payload)
    assert reply.status == 400
    no_tracebacks(caplog)
    await still_healthy(server, slack)
    assert [c.method for c in fake.calls if c.method not in ("auth.test",)] == []  # the answer above is in the ack


@pytest.mark.parametrize(("name", "event"), MALFORMED_EVENTS, ids=[case[0] for case in MALFORMED_EVENTS])
async def test_a_signed_malformed_event_gets_400(
    name: str, event: object, slack: SlackSender, server: BotServer, caplog: pytest.LogCaptureFixture
) -> None:
    reply = await slack.post(json.dumps(envelope(event)), JSON)
    assert reply.status == 400
    no_tracebacks(caplog)
    await still_healthy(server, slack)


async def test_nominera_without_a_trigger_id_gets_400(
    slack: SlackSender, fake: FakeSlack, server: BotServer, caplog: pytest.LogCaptureFixture
) -> None:
    body = urlencode({"command": "/nominera", "text": "", "user_id": "U1", "team_id": TEAM_ID, "channel_id": "C1"})
    reply = await slack.post(body, FORM)
    assert reply.status == 400
    assert fake.of("views.open") == []
    no_tracebacks(caplog)
    await still_healthy(server, slack)


async def test_a_slash_command_whose_user_id_is_missing_gets_400(slack: SlackSender, server: BotServer) -> None:
    body = urlencode({"command": "/trygghet", "text": "vem vann 2019?", "trigger_id": "1.1.t"})
    assert (await slack.post(body, FORM)).status == 400
    await still_healthy(server, slack)

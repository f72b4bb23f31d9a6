"""Socket Mode: the same app over a websocket; retried envelopes are handled once too."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings, load_settings
from handlers.slack.transport.socket_mode import run_socket_mode
from handlers.web import serving
from store import open_store
from tests.e2e.conftest import make_settings
from tests.e2e.fakeslack import BOT_USER_ID, TEAM_ID, FakeSlack
from tests.e2e.test_nominations import VALID
from trygghetsbot.compose import core_factory


@pytest.fixture
async def socket_bot(tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Settings]:
    """The bot in Socket Mode, connected to the fake's websocket; its settings."""
    make_settings(tmp_path, fake, monkeypatch, "2023-06-15")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-test")
    settings = load_settings(_env_file=None)
    running = asyncio.create_task(
        run_socket_mode(
            settings, core_factory(settings), serving(open_store(settings.db_path)), identity_retry_seconds=0.05
        )
    )
    await fake.socket_connected()
    yield settings
    running.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await running


def dm_envelope(envelope_id: str, event_id: str, text: str, retry: int = 0) -> dict[str, object]:
    ts = f"{int(time.time())}.000100"
    return {
        "envelope_id": envelope_id,
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": retry,
        "retry_reason": "timeout" if retry else "",
        "payload": {
            "token": "legacy",
            "team_id": TEAM_ID,
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
            "event": {
                "type": "message",
                "channel_type": "im",
                "user": "U1",
                "text": text,
                "ts": ts,
                "channel": "DU1",
                "event_ts": ts,
            },
        },
    }


async def test_socket_mode_answers_and_handles_a_retried_envelope_once(socket_bot: Settings, fake: FakeSlack) -> None:
    await fake.socket_send(dm_envelope("env1", "EvSOCK", "vem vann 2019?"))
    [answer] = await fake.wait_for("chat.postMessage")
    assert "Process Kedjan" in answer.args["text"]
    await fake.socket_send(dm_envelope("env2", "EvSOCK", "vem vann 2019?", retry=1))
    await wait_acked(fake, "env2")
    assert {"env1", "env2"} <= set(fake.socket_acks)  # both acknowledged ...
    await asyncio.sleep(0.3)
    assert len(fake.of("chat.postMessage")) == 1  # ... but answered once


async def wait_acked(fake: FakeSlack, envelope_id: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while envelope_id not in fake.socket_acks and loop.time() < deadline:
        await asyncio.sleep(0.02)
    assert envelope_id in fake.socket_acks


MALFORMED_ENVELOPES: list[tuple[str, object]] = [
    ("payload is a list", {"envelope_id": "envA", "type": "events_api", "payload": [1, 2]}),
    ("payload is a string", {"envelope_id": "envB", "type": "interactive", "payload": "x"}),
    ("event is null", {**dm_envelope("envC", "EvC", "x"), "payload": {"type": "event_callback", "event": None}}),
    (
        "view_submission without user",
        {
            "envelope_id": "envD",
            "type": "interactive",
            "payload": {"type": "view_submission", "view": {"id": "V1", "state": {"values": {}}}},
        },
    ),
    (
        "block_actions with an int value",
        {
            "envelope_id": "envE",
            "type": "interactive",
            "payload": {"type": "block_actions", "user": {"id": "U1"}, "actions": [{"action_id": "a", "value": 1}]},
        },
    ),
    (
        "slash command without trigger_id",
        {"envelope_id": "envF", "type": "slash_commands", "payload": {"command": "/nominera", "user_id": "U1"}},
    ),
]


async def test_socket_mode_acks_and_drops_malformed_envelopes_without_tracebacks(
    socket_bot: Settings, fake: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    for _, envelope in MALFORMED_ENVELOPES:
        await fake.socket_send(envelope)  # type: ignore[arg-type]
        await wait_acked(fake, envelope["envelope_id"])  # type: ignore[index]
    # Not even an envelope: broken JSON and a JSON list.
    await fake._sockets[-1].send_str("{x")
    await fake._sockets[-1].send_str("[1, 2]")
    await fake.socket_send(dm_envelope("envOK", "EvOK", "vem vann 2019?"))
    [answer] = await fake.wait_for("chat.postMessage")  # still serving, and nothing else was posted
    assert "Process Kedjan" in answer.args["text"]
    assert [r.getMessage() for r in caplog.records if r.exc_info] == []


async def test_socket_mode_replayed_submission_stores_one_and_confirms_once(
    socket_bot: Settings, fake: FakeSlack
) -> None:
    state = {key: {key: {"type": "plain_text_input", "value": value}} for key, value in VALID.items()}
    view = {"id": "VSOCK", "type": "modal", "callback_id": "nomination_modal", "state": {"values": state}}
    payload = {"type": "view_submission", "team": {"id": TEAM_ID}, "user": {"id": "U1", "name": "u1"}, "view": view}
    for n in range(3):
        await fake.socket_send({"envelope_id": f"envS{n}", "type": "interactive", "payload": payload})
        await wait_acked(fake, f"envS{n}")
    await fake.wait_for("chat.postMessage", 3)  # one DM and one post per jury channel
    await asyncio.sleep(0.4)
    assert sorted(c.args["channel"] for c in fake.of("chat.postMessage")) == ["CJURY1", "CJURY2", "U1"]
    with open_store(socket_bot.db_path, read_only=True) as store:
        assert len(await store.nominations.list()) == 1

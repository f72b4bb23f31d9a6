"""Socket Mode: the same app over a websocket; retried envelopes are handled once too."""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path

import pytest

from bot.config import load_settings
from handlers.slack.socket_mode import run_socket_mode
from store import open_store
from tests.e2e.conftest import make_settings
from tests.e2e.fakeslack import BOT_USER_ID, TEAM_ID, FakeSlack


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


async def test_socket_mode_answers_and_handles_a_retried_envelope_once(
    tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_settings(tmp_path, fake, monkeypatch, "2023-06-15")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-test")
    settings = load_settings(_env_file=None)
    running = asyncio.create_task(run_socket_mode(settings, open_store(settings.db_path)))
    try:
        await fake.socket_connected()
        await fake.socket_send(dm_envelope("env1", "EvSOCK", "vem vann 2019?"))
        [answer] = await fake.wait_for("chat.postMessage")
        assert "Process Kedjan" in answer.args["text"]
        await fake.socket_send(dm_envelope("env2", "EvSOCK", "vem vann 2019?", retry=1))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 5
        while "env2" not in fake.socket_acks and loop.time() < deadline:
            await asyncio.sleep(0.02)
        assert {"env1", "env2"} <= set(fake.socket_acks)  # both acknowledged ...
        await asyncio.sleep(0.3)
        assert len(fake.of("chat.postMessage")) == 1  # ... but answered once
    finally:
        running.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await running

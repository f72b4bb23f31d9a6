"""A refused Teams request is one log line: the server's reason, and nothing from the SDK."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.fakeconnector import FakeConnector, send
from tests.e2e.test_teams import TeamsServer, teams_settings


@pytest.fixture
async def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[TeamsServer]:
    fake = await FakeConnector().start()
    bot = await TeamsServer(teams_settings(tmp_path, fake, monkeypatch)).start()
    yield bot
    await bot.stop()
    await fake.stop()


@pytest.mark.parametrize(
    "body",
    [
        b'{"type": 5, "conversation": {"id": "a:1"}, "serviceUrl": "http://x/"}',
        b'{"type": "message", "conversation": "a:1\\nb", "serviceUrl": "http://x/", "timestamp": "gestern"}',
        b"not json",
        b'{"type": "message"}',
    ],
)
async def test_a_body_that_is_not_an_activity_is_one_log_line(
    server: TeamsServer, body: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        assert await send(server.messages, body) == 400
    logged = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(logged) == 1, [record.getMessage() for record in logged]
    (line,) = logged
    assert line.getMessage().startswith("refused a Teams request (400): ")
    assert "\n" not in line.getMessage() and line.exc_info is None

"""Starting the Slack app logs nothing that asks the operator to act when nothing is wrong."""

from __future__ import annotations

import logging
from pathlib import Path

import aiohttp
import pytest

from bot.config import load_settings
from handlers.slack.app import build_deps, create_bolt_app
from handlers.slack.transport.client import build_web_client
from store import open_store
from trygghetsbot.compose import core_factory


async def test_bolt_does_not_warn_about_a_token_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # The usual single-workspace set-up: the token in the environment, where bolt looks for it too.
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1-2-abc")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "secret")
    monkeypatch.setenv("TRYGGHETSBOT_DB", str(tmp_path / "db.json"))
    settings = load_settings(_env_file=None)
    store = open_store(tmp_path / "db.json")
    try:
        async with aiohttp.ClientSession() as http:
            deps = build_deps(settings, store, http, core_factory(settings))
            with caplog.at_level(logging.INFO):
                create_bolt_app(deps, build_web_client(settings, http))
    finally:
        store.close()
    said = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert said == []

"""The real bot app on its real aiohttp endpoint, against the fake Slack Web API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Self

import pytest
from aiohttp import web

from bot.config import Settings, load_settings
from bot.nominations.model import Nomination
from bot.outbox.model import OutboxMessage
from handlers.slack.transport.server import create_web_app
from store import open_store
from tests.e2e.fakeslack import FakeSlack
from tests.e2e.signing import SlackSender
from trygghetsbot.compose import core_factory, store_opener

SECRET = "test-signing-secret"
HEALTH_TOKEN = "test-health-token-0123456789"  # TRYGGHETSBOT_HEALTH_TOKEN: /healthz details
JURY_CHANNELS = ("CJURY1", "CJURY2")
JURY_MEMBER = "UJURYMEMBER"  # a member of a jury channel
JURY_LISTED = "UJURYLISTED"  # named in JURY_USER_IDS


class BotServer:
    """Starts and stops the app on 127.0.0.1 (a restart keeps the database file)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.runner: web.AppRunner | None = None
        self.url = ""
        # How long the outbox waits before its first retry; a test raises it to keep a retry
        # from happening before a restart.
        self.retry_base_seconds = 0.05
        # How soon a server serving many workspaces looks at an installation and its settings again.
        self.recheck_seconds = 30.0

    def build_app(self) -> web.Application:
        return create_web_app(
            self.settings,
            make_core=core_factory(self.settings),
            make_core_for=core_factory,
            open_store=store_opener(self.settings),
            outbox_poll_seconds=0.05,
            retry_base_seconds=self.retry_base_seconds,
            identity_retry_seconds=0.05,
            jury_check_seconds=0.05,
            recheck_seconds=self.recheck_seconds,
        )

    async def start(self) -> Self:
        self.runner = web.AppRunner(self.build_app(), access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None


def make_settings(tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch, now: str) -> Settings:
    for name, value in {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
        "JURY_CHANNEL_IDS": ",".join(JURY_CHANNELS),
        "JURY_USER_IDS": JURY_LISTED,
        "TRYGGHETSBOT_DB": str(tmp_path / "db.json"),
        "TRYGGHETSBOT_NOW": now,
        "TRYGGHETSBOT_HEALTH_TOKEN": HEALTH_TOKEN,
    }.items():
        monkeypatch.setenv(name, value)
    return load_settings(_env_file=None)


@pytest.fixture
async def fake() -> AsyncIterator[FakeSlack]:
    slack = await FakeSlack(channel_members={"CJURY1": [JURY_MEMBER], "CJURY2": []}).start()
    yield slack
    await slack.stop()


@pytest.fixture
def now() -> str:
    return "2023-06-15"


@pytest.fixture
async def server(
    tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch, now: str
) -> AsyncIterator[BotServer]:
    bot = await BotServer(make_settings(tmp_path, fake, monkeypatch, now)).start()
    yield bot
    await bot.stop()


@pytest.fixture
def slack(server: BotServer, fake: FakeSlack) -> SlackSender:
    return SlackSender(server.url + "/slack/events", SECRET, fake)


async def stored(server: BotServer) -> list[Nomination]:
    """The nominations in the database, read the way `nominations list` reads beside a server."""
    with open_store(server.settings.db_path, read_only=True) as store:
        return await store.nominations.list()


async def stored_outbox(server: BotServer) -> list[OutboxMessage]:
    with open_store(server.settings.db_path, read_only=True) as store:
        return await store.outbox.list()

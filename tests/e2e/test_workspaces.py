"""Many workspaces: installed through Slack's OAuth flow, each served with its own token, store and jury.

The real server (``handlers.slack.server`` with ``SLACK_CLIENT_ID``/``SLACK_CLIENT_SECRET``)
against the fake Slack, whose ``oauth.v2.access`` installs the workspace its code names.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.config import Settings, load_settings
from store import open_store_async
from tests.e2e.conftest import SECRET, BotServer
from tests.e2e.fakeslack import FakeSlack
from tests.e2e.signing import SlackSender
from tests.e2e.test_nominations import VALID, open_modal
from trygghetsbot.cli import main as cli


def many_settings(tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    for name, value in {
        "SLACK_CLIENT_ID": "111.222",
        "SLACK_CLIENT_SECRET": "client-secret",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
        "TRYGGHETSBOT_DB": str(tmp_path / "db.json"),
        "TRYGGHETSBOT_NOW": "2023-06-15",
    }.items():
        monkeypatch.setenv(name, value)
    return load_settings(_env_file=None)


@pytest.fixture(params=["tinydb", "postgres"])
async def many(
    request: pytest.FixtureRequest, tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[BotServer]:
    if request.param == "postgres":
        monkeypatch.setenv("TRYGGHETSBOT_DATABASE_URL", request.getfixturevalue("postgres_url"))
    server = await BotServer(many_settings(tmp_path, fake, monkeypatch)).start()
    yield server
    await server.stop()


async def install(server: BotServer, team: str) -> int:
    """The browser's part of the OAuth flow: the install page, then Slack's redirect back with a code.

    bolt's state cookie is ``Secure`` (a real install runs over HTTPS); the test server speaks
    plain HTTP, so the cookie is carried over by hand, as a browser would over HTTPS.
    """
    async with aiohttp.ClientSession() as browser:
        async with browser.get(server.url + "/slack/install") as page:
            assert page.status == 200
            state = re.search(r"state=([\w-]+)", await page.text())
            assert state is not None
            cookie = page.headers["Set-Cookie"].split(";", 1)[0]
        redirect = f"{server.url}/slack/oauth_redirect?code=code-{team}&state={state.group(1)}"
        async with browser.get(redirect, headers={"Cookie": cookie}) as done:
            return done.status


async def test_two_workspaces_install_and_each_gets_its_own_answers_store_and_jury(
    many: BotServer, fake: FakeSlack, tmp_path: Path
) -> None:
    assert await install(many, "TA") == 200
    assert await install(many, "TB") == 200
    assert len(fake.of("oauth.v2.access")) == 2
    assert cli(["tenant", "set", "TA", "--jury-channels", "CJURYA"]) == 0
    assert cli(["tenant", "set", "TB", "--jury-channels", "CJURYB"]) == 0

    team_a = SlackSender(many.url + "/slack/events", SECRET, fake, team="TA")
    team_b = SlackSender(many.url + "/slack/events", SECRET, fake, team="TB")
    answer = await team_a.slash("/trygghet", "vem vann 2019?")
    assert answer.status == 200 and "Process Kedjan" in answer.text
    assert "Process Kedjan" in (await team_b.slash("/trygghet", "vem vann 2019?")).text

    view = await open_modal(team_a, fake)
    assert fake.of("views.open")[-1].token == "xoxb-TA"  # the workspace's own bot token
    reply = await team_a.submit_modal(view, VALID)
    assert reply.status == 200 and not reply.text
    posts = await fake.wait_for("chat.postMessage", 2, timeout=10)  # the jury post and the nominator's DM
    jury = [p for p in posts if p.args.get("channel") == "CJURYA"]
    assert len(jury) == 1 and jury[0].token == "xoxb-TA"
    assert not [p for p in fake.of("chat.postMessage") if p.args.get("channel") == "CJURYB"]

    await many.stop()
    store_a = await open_store_async(many.settings, tenant="TA", read_only=True)
    store_b = await open_store_async(many.settings, tenant="TB", read_only=True)
    try:
        assert [n.nominee for n in await store_a.nominations.list()] == [VALID["nominee"]]
        assert await store_b.nominations.list() == []
    finally:
        await store_a.aclose()
        await store_b.aclose()


async def test_an_oauth_redirect_without_a_state_it_issued_installs_nothing(many: BotServer, fake: FakeSlack) -> None:
    forged = f"{many.url}/slack/oauth_redirect?code=code-TX&state=forged"
    async with aiohttp.ClientSession() as browser, browser.get(forged) as done:
        assert done.status >= 400
    assert fake.of("oauth.v2.access") == []
    team_x = SlackSender(many.url + "/slack/events", SECRET, fake, team="TX")
    reply = await team_x.slash("/trygghet", "vem vann 2019?")
    assert reply.status == 200 and "Process Kedjan" not in reply.text  # not installed: not served


async def test_an_installed_workspace_is_served_after_a_restart(many: BotServer, fake: FakeSlack) -> None:
    assert await install(many, "TA") == 200
    await many.stop()
    await many.start()
    team_a = SlackSender(many.url + "/slack/events", SECRET, fake, team="TA")
    assert "Process Kedjan" in (await team_a.slash("/trygghet", "vem vann 2019?")).text

"""Many workspaces: installed through Slack's OAuth flow, each served with its own token, store and jury.

The real server (``handlers.slack.transport.server`` with ``SLACK_CLIENT_ID``/``SLACK_CLIENT_SECRET``)
against the fake Slack, whose ``oauth.v2.access`` installs the workspace its code names.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.config import Settings, load_settings
from store import open_store_async
from tests.e2e.conftest import SECRET, BotServer, make_settings
from tests.e2e.fakeslack import Call, FakeSlack
from tests.e2e.signing import SlackSender
from tests.e2e.test_nominations import VALID
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
        # The server's own jury: the default workspace's, never an installed workspace's.
        "JURY_CHANNEL_IDS": "CSERVERJURY",
        "JURY_USER_IDS": "USERVERJUROR",
    }.items():
        monkeypatch.setenv(name, value)
    return load_settings(_env_file=None)


@pytest.fixture(params=["tinydb", "postgres"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "postgres":
        monkeypatch.setenv("TRYGGHETSBOT_DATABASE_URL", request.getfixturevalue("postgres_url"))
    return str(request.param)


@pytest.fixture
async def many(
    backend: str, tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[BotServer]:
    server = BotServer(many_settings(tmp_path, fake, monkeypatch))
    server.recheck_seconds = 0.2  # a changed installation or settings is picked up that soon
    await server.start()
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


async def tenant(*args: str) -> int:
    """``trygghetsbot tenant …`` (the command runs its own event loop: in a thread, as beside a server)."""
    return await asyncio.to_thread(cli, ["tenant", *args])


async def nominate(sender: SlackSender, fake: FakeSlack, nominee: str) -> None:
    """``/nominera``, then the modal submitted with a valid nomination."""
    opened = len(fake.of("views.open"))
    assert (await sender.slash("/nominera")).status == 200
    view: dict[str, Any] = (await fake.wait_for("views.open", opened + 1))[-1].args["view"]
    reply = await sender.submit_modal(view, {**VALID, "nominee": nominee}, view_id=f"V{sender.team}-{opened}")
    assert reply.status == 200 and not reply.text


def posts_to(fake: FakeSlack, channel: str) -> list[tuple[str | None, str]]:
    """(token, text) of every post to ``channel``."""
    return [(p.token, str(p.args.get("text"))) for p in fake.of("chat.postMessage") if p.args.get("channel") == channel]


async def wait_posts(fake: FakeSlack, channel: str, count: int, timeout: float = 10) -> list[tuple[str | None, str]]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while len(posts_to(fake, channel)) < count and loop.time() < deadline:
        await asyncio.sleep(0.05)
    return posts_to(fake, channel)


async def published_home(fake: FakeSlack, user: str, timeout: float = 5) -> Call:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        found = [p for p in fake.of("views.publish") if p.args.get("user_id") == user]
        if found:
            return found[-1]
        await asyncio.sleep(0.05)
    raise AssertionError(f"no App Home published for {user}")


async def test_two_workspaces_install_and_each_gets_its_own_answers_store_and_jury(
    many: BotServer, fake: FakeSlack
) -> None:
    assert await install(many, "TA") == 200
    assert await install(many, "TB") == 200
    assert len(fake.of("oauth.v2.access")) == 2
    assert await tenant("set", "TA", "--jury-channels", "CJURYA", "--jury-users", "UA1,UA2", "--chair", "UA1") == 0
    assert await tenant("set", "TB", "--jury-channels", "CJURYB") == 0

    team_a = SlackSender(many.url + "/slack/events", SECRET, fake, team="TA")
    team_b = SlackSender(many.url + "/slack/events", SECRET, fake, team="TB")
    answer = await team_a.slash("/trygghet", "vem vann 2019?")
    assert answer.status == 200 and "Process Kedjan" in answer.text
    assert "Process Kedjan" in (await team_b.slash("/trygghet", "vem vann 2019?")).text

    await nominate(team_a, fake, "Trygga Tensta A")
    assert fake.of("views.open")[-1].token == "xoxb-TA"  # the workspace's own bot token
    posts = await wait_posts(fake, "CJURYA", 1)
    assert len(posts) == 1 and posts[0][0] == "xoxb-TA" and "Trygga Tensta A" in posts[0][1]
    dm = [p for p in await fake.wait_for("chat.postMessage", 2) if p.args.get("channel") == "U1"]
    assert [p.token for p in dm] == ["xoxb-TA"]  # the nominator's confirmation, in A too
    await asyncio.sleep(0.3)  # B's worker and the server's own jury would have posted by now
    assert posts_to(fake, "CJURYB") == [] and posts_to(fake, "CSERVERJURY") == []
    assert all(p.token == "xoxb-TA" for p in fake.of("chat.postMessage"))

    await many.stop()
    stores = {team: await open_store_async(many.settings, tenant=team, read_only=True) for team in ("TA", "TB")}
    default = await open_store_async(many.settings, read_only=True)
    try:
        assert [n.nominee for n in await stores["TA"].nominations.list()] == ["Trygga Tensta A"]
        assert await stores["TB"].nominations.list() == []
        assert await default.nominations.list() == []
        assert [m.nomination_id for m in await stores["TB"].outbox.list()] == []
        assert await default.installations.bots() == [(None, "TA"), (None, "TB")]
    finally:
        for store in [*stores.values(), default]:
            await store.aclose()


async def test_each_workspace_has_its_own_jury_in_slack(many: BotServer, fake: FakeSlack) -> None:
    """A's jurors are A's: the server's jurors and B's are not jurors in A."""
    assert await install(many, "TA") == 200
    assert await tenant("set", "TA", "--jury-channels", "CJURYA", "--jury-users", "UA1") == 0
    team_a = SlackSender(many.url + "/slack/events", SECRET, fake, team="TA")
    await nominate(team_a, fake, "Trygga Tensta A")
    await wait_posts(fake, "CJURYA", 1)
    for user, juror in (("UA1", True), ("USERVERJUROR", False)):
        assert (await team_a.event({"type": "app_home_opened", "user": user, "tab": "home"})).status == 200
        home = await published_home(fake, user)
        assert home.token == "xoxb-TA"
        assert ("CJURYA" in home.payload_text) is juror, user  # the jury's part of App Home


# On TinyDB the server holds the workspace's file, so `tenant set` waits for it to stop (README): a
# change while serving is a PostgreSQL matter, and only that backend runs this test.
@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_a_change_of_settings_is_served_without_a_restart(backend: str, many: BotServer, fake: FakeSlack) -> None:
    assert await install(many, "TA") == 200
    assert await tenant("set", "TA", "--jury-channels", "CJURYA") == 0
    team_a = SlackSender(many.url + "/slack/events", SECRET, fake, team="TA")
    await nominate(team_a, fake, "Första")
    assert len(await wait_posts(fake, "CJURYA", 1)) == 1
    assert await tenant("set", "TA", "--jury-channels", "CJURYA2") == 0
    await asyncio.sleep(0.3)  # the server looks again after recheck_seconds
    await nominate(team_a, fake, "Andra")
    posts = await wait_posts(fake, "CJURYA2", 1)
    assert len(posts) == 1 and "Andra" in posts[0][1]
    assert len(posts_to(fake, "CJURYA")) == 1


async def test_a_reinstall_is_served_with_the_new_token(many: BotServer, fake: FakeSlack) -> None:
    many.recheck_seconds = 600  # the install itself tells the server, no waiting for a second look
    await many.stop()
    await many.start()
    assert await install(many, "TA") == 200
    team_a = SlackSender(many.url + "/slack/events", SECRET, fake, team="TA")
    assert (await team_a.slash("/nominera")).status == 200
    assert (await fake.wait_for("views.open"))[-1].token == "xoxb-TA"
    assert await install(many, "TA") == 200  # Slack hands out a new token
    assert (await team_a.slash("/nominera")).status == 200
    assert (await fake.wait_for("views.open", 2))[-1].token == "xoxb-TA-2"


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


async def test_the_single_token_workspace_takes_its_settings_from_the_database_over_the_environment(
    tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path, fake, monkeypatch, "2023-06-15")  # JURY_CHANNEL_IDS=CJURY1,CJURY2
    assert await tenant("set", "default", "--jury-channels", "CDBJURY") == 0
    server = await BotServer(settings).start()
    try:
        await nominate(SlackSender(server.url + "/slack/events", SECRET, fake), fake, "Enda")
        posts = await wait_posts(fake, "CDBJURY", 1)
        assert [token for token, _ in posts] == ["xoxb-test"]
        await asyncio.sleep(0.3)
        assert posts_to(fake, "CJURY1") == [] and posts_to(fake, "CJURY2") == []
    finally:
        await server.stop()


async def installed(settings: Settings) -> list[tuple[str | None, str | None]]:
    """The registry's workspaces with a bot, read afresh (a read-only TinyDB handle reads its file once)."""
    registry = await open_store_async(settings, read_only=True)
    try:
        return await registry.installations.bots()
    finally:
        await registry.aclose()


async def test_slacks_url_check_is_answered_before_any_workspace_installed(many: BotServer, fake: FakeSlack) -> None:
    sender = SlackSender(many.url + "/slack/events", SECRET, fake)
    body = json.dumps({"token": "legacy", "challenge": "c-123", "type": "url_verification"})
    reply = await sender.post(body, "application/json")
    assert reply.status == 200 and reply.json() == {"challenge": "c-123"}
    assert (await sender.post(body, "application/json", secret="wrong")).status == 401


async def test_an_uninstalled_workspace_is_forgotten_and_no_longer_served(many: BotServer, fake: FakeSlack) -> None:
    assert await install(many, "TA") == 200
    assert await install(many, "TB") == 200
    team_a = SlackSender(many.url + "/slack/events", SECRET, fake, team="TA")
    team_b = SlackSender(many.url + "/slack/events", SECRET, fake, team="TB")
    assert "Process Kedjan" in (await team_a.slash("/trygghet", "vem vann 2019?")).text
    # Revoking only a user's token leaves the workspace installed.
    revoked_user = {"type": "tokens_revoked", "tokens": {"oauth": ["U1"], "bot": []}}
    assert (await team_a.event(revoked_user)).status == 200
    assert "Process Kedjan" in (await team_a.slash("/trygghet", "vem vann 2019?")).text

    assert (await team_a.event({"type": "app_uninstalled"})).status == 200
    # Not served from the ack on, while its installation and runtime go in the background.
    assert "Process Kedjan" not in (await team_a.slash("/trygghet", "vem vann 2019?")).text
    for _ in range(100):  # forgotten in the background, after the ack
        if await installed(many.settings) == [(None, "TB")]:
            break
        await asyncio.sleep(0.05)
    assert await installed(many.settings) == [(None, "TB")]
    assert "Process Kedjan" not in (await team_a.slash("/trygghet", "vem vann 2019?")).text
    assert "Process Kedjan" in (await team_b.slash("/trygghet", "vem vann 2019?")).text

    assert (await team_b.event({"type": "tokens_revoked", "tokens": {"bot": ["UBOTTB"]}})).status == 200
    assert "Process Kedjan" not in (await team_b.slash("/trygghet", "vem vann 2019?")).text
    for _ in range(100):
        if await installed(many.settings) == []:
            break
        await asyncio.sleep(0.05)
    assert await installed(many.settings) == []


async def test_one_workspace_server_acknowledges_an_uninstall(server: BotServer, slack: SlackSender) -> None:
    assert (await slack.event({"type": "app_uninstalled"})).status == 200
    assert "Process Kedjan" in (await slack.slash("/trygghet", "vem vann 2019?")).text  # nothing else changes

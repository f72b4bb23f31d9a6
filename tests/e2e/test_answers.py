"""Questions over Slack: /trygghet, mentions (threaded), DMs, retries, signatures, health."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp
import pytest

from bot.config import load_settings
from tests.e2e.conftest import HEALTH_TOKEN, SECRET, BotServer, make_settings, stored
from tests.e2e.fakeslack import FakeSlack
from tests.e2e.signing import SlackSender
from tests.e2e.test_nominations import VALID


async def test_slash_command_answers_in_its_acknowledgement(slack: SlackSender, fake: FakeSlack) -> None:
    reply = await slack.slash("/trygghet", "vem vann 2019?")
    assert reply.status == 200
    answer = reply.json()
    assert "Process Kedjan" in answer["text"] and "Källa" in answer["text"]


async def test_empty_slash_question_gets_a_hint(slack: SlackSender, fake: FakeSlack) -> None:
    reply = await slack.slash("/trygghet", "   ")
    assert "/trygghet" in reply.json()["text"]


async def test_mention_is_answered_in_a_thread(slack: SlackSender, fake: FakeSlack) -> None:
    reply, ts = await slack.mention("vad fick trygghetsvärdar 2025?", channel="CGEN")
    assert reply.status == 200
    [post] = await fake.wait_for("chat.postMessage")
    assert post.args["channel"] == "CGEN" and post.args["thread_ts"] == ts
    assert "2 mkr" in post.args["text"]


async def test_follow_up_keeps_context_per_user_and_conversation(slack: SlackSender, fake: FakeSlack) -> None:
    await slack.dm("vad fick trygghetsvärdar 2025?")
    await fake.wait_for("chat.postMessage", 1)
    await slack.dm("och 2024?")
    posts = await fake.wait_for("chat.postMessage", 2)
    assert "1,4 mkr" in posts[1].args["text"] and "1,6 mkr" in posts[1].args["text"]


async def test_a_retried_event_is_answered_once(slack: SlackSender, fake: FakeSlack) -> None:
    await slack.dm("vem vann 2012?", event_id="EvSAME")
    await fake.wait_for("chat.postMessage", 1)
    retried = await slack.dm("vem vann 2012?", event_id="EvSAME", retry=1)
    assert retried.status == 200
    await asyncio.sleep(0.3)
    assert len(fake.of("chat.postMessage")) == 1


async def test_dm_starts_the_nomination_dialog(slack: SlackSender, fake: FakeSlack) -> None:
    await slack.dm("nominera")
    posts = await fake.wait_for("chat.postMessage", 2)
    # The dialog's greeting and then its first question: a dialog really started.
    assert posts[0].args["text"].startswith("Vad roligt att du vill nominera")
    assert posts[1].args["text"].startswith("Vilken insats eller verksamhet vill du nominera?")


async def test_bots_own_messages_are_ignored(slack: SlackSender, fake: FakeSlack) -> None:
    ts = slack.new_ts()
    await slack.event(
        {
            "type": "message",
            "channel_type": "im",
            "bot_id": "BBOT",
            "user": "UBOT",
            "text": "hej",
            "ts": ts,
            "channel": "DX",
        }
    )
    await asyncio.sleep(0.3)
    assert fake.of("chat.postMessage") == []


async def test_bad_missing_and_stale_signatures_get_401(slack: SlackSender, fake: FakeSlack) -> None:
    body = "command=%2Ftrygghet&text=hej"
    assert (await slack.post(body, "application/x-www-form-urlencoded", secret="wrong")).status == 401
    assert (await slack.post(body, "application/x-www-form-urlencoded", sign=False)).status == 401
    assert (await slack.post(body, "application/x-www-form-urlencoded", age_seconds=6 * 60)).status == 401
    await asyncio.sleep(0.1)
    # Nothing but the start-up identity check reached Slack: the refused requests did no work.
    assert [call.method for call in fake.calls if call.method != "auth.test"] == []


async def test_healthz_reports_version_and_store(server: BotServer) -> None:
    async with aiohttp.ClientSession() as session, session.get(server.url + "/healthz") as response:
        assert response.status == 200
        data = json.loads(await response.text())
    assert set(data) == {"status", "version"} and data["status"] == "ok" and data["version"]
    headers = {"Authorization": f"Bearer {HEALTH_TOKEN}"}
    async with aiohttp.ClientSession() as session, session.get(server.url + "/healthz", headers=headers) as response:
        assert response.status == 200
        data = json.loads(await response.text())
    assert data["store"]["ok"] is True and data["store"]["outbox_pending"] == 0 and "slack_identity_known" in data


async def test_a_restart_during_a_slack_outage_still_answers_and_stores(
    server: BotServer, slack: SlackSender, fake: FakeSlack
) -> None:
    """bolt's own auth.test would answer every request with "please reinstall" while Slack is down."""
    await server.stop()
    fake.fail("auth.test", status=503, times=1000)
    await server.start()
    slack.url = server.url + "/slack/events"
    reply = await slack.slash("/trygghet", "vem vann 2019?")
    assert reply.status == 200 and "Process Kedjan" in reply.json()["text"]
    await slack.dm("vem vann 2012?")
    [post] = await fake.wait_for("chat.postMessage")
    assert "reinstall" not in post.args["text"].lower()
    assert len(fake.of("auth.test", ok_only=False)) >= 1  # it was asked, and failed
    # Nominations are stored meanwhile: the form opens and a submission is kept.
    assert (await slack.slash("/nominera")).status == 200
    [opened] = await fake.wait_for("views.open")
    assert (await slack.submit_modal(opened.args["view"], VALID)).status == 200
    assert [n.nominee for n in await stored(server)] == ["Trygga Gatan"]
    fake.clear_faults()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while not fake.of("auth.test") and loop.time() < deadline:  # retried in the background until Slack answers
        await asyncio.sleep(0.05)
    assert fake.of("auth.test")


async def test_an_event_retried_after_a_restart_is_answered_once(
    server: BotServer, slack: SlackSender, fake: FakeSlack
) -> None:
    await slack.dm("vem vann 2012?", event_id="EvRESTART")
    await fake.wait_for("chat.postMessage", 1)
    await server.stop()
    await server.start()
    slack.url = server.url + "/slack/events"
    retried = await slack.dm("vem vann 2012?", event_id="EvRESTART", retry=1)
    assert retried.status == 200
    await asyncio.sleep(0.3)
    assert len(fake.of("chat.postMessage")) == 1


async def test_with_the_slack_api_unreachable_slash_commands_are_answered_not_500(
    tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(tmp_path, fake, monkeypatch, "2023-06-15")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9/api/")  # nothing listens there
    server = await BotServer(load_settings(_env_file=None)).start()
    try:
        slack = SlackSender(server.url + "/slack/events", SECRET, fake)
        reply = await slack.slash("/trygghet", "vem vann 2019?")
        assert reply.status == 200 and "Process Kedjan" in reply.json()["text"]
        assert settings.slack_api_url != server.settings.slack_api_url
    finally:
        await server.stop()

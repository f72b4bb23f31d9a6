"""A PostgreSQL outage, timed: the test stops its own throwaway server under a bot serving Slack and
Teams, and starts it again.

While the database is away every Slack request is acknowledged within Slack's 3 s: questions
(slash command, mention, DM) are answered, a nomination gets "could not be saved, try again in a
minute" and nothing is stored; Teams answers questions and says the same of a submitted card;
``/healthz`` answers 503 within a second; fifty requests at once do not queue behind connection
attempts. Within 10 s of the database's return everything works again.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable
from pathlib import Path
from typing import Any, TypeVar

import aiohttp
import pytest

from bot.texts import t
from store import open_store_async
from tests.e2e.conftest import HEALTH_TOKEN, SECRET
from tests.e2e.fakeconnector import FakeConnector, activity, send
from tests.e2e.fakeslack import FakeSlack
from tests.e2e.signing import SlackSender
from tests.e2e.test_nominations import VALID, open_modal
from tests.e2e.test_teams import VALID as CARD
from tests.e2e.test_teams import BothServer, say, teams_settings
from tests.postgres_server import PostgresServer

T = TypeVar("T")
SLACK_ACK_SECONDS = 3.0
HEALTH_SECONDS = 1.0
RECOVERY_SECONDS = 10.0


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    fake = await FakeSlack().start()
    yield fake
    await fake.stop()


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    fake = await FakeConnector().start()
    yield fake
    await fake.stop()


@pytest.fixture
async def bot(
    tmp_path: Path,
    own_postgres: PostgresServer,
    slack: FakeSlack,
    connector: FakeConnector,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[BothServer]:
    settings = teams_settings(
        tmp_path,
        connector,
        monkeypatch,
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=slack.api_url,
        JURY_CHANNEL_IDS="CJURY1",
        TRYGGHETSBOT_DATABASE_URL=own_postgres.create_database(),
        TRYGGHETSBOT_HEALTH_TOKEN=HEALTH_TOKEN,
    )
    server = await BothServer(settings).start()
    yield server
    await server.stop()


async def timed(call: Awaitable[T]) -> tuple[T, float]:
    loop = asyncio.get_running_loop()
    start = loop.time()
    result = await call
    return result, loop.time() - start


async def health(url: str) -> tuple[int, dict[str, Any]]:
    headers = {"Authorization": f"Bearer {HEALTH_TOKEN}"}  # the details (the store's part) need the token
    async with aiohttp.ClientSession() as session, session.get(url + "/healthz", headers=headers) as response:
        return response.status, dict(await response.json())


async def answers_in(slack: FakeSlack, channel: str, count: int) -> list[str]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while loop.time() < deadline:
        texts = [c.args["text"] for c in slack.of("chat.postMessage") if c.args["channel"] == channel]
        if len(texts) >= count:
            return texts
        await asyncio.sleep(0.02)
    raise AssertionError(f"no answer in {channel}: {slack.methods()}")


async def test_a_database_outage_is_hardly_noticed_and_over_within_ten_seconds(
    bot: BothServer, own_postgres: PostgresServer, slack: FakeSlack, connector: FakeConnector
) -> None:
    sender = SlackSender(bot.url + "/slack/events", SECRET, slack)
    view = await open_modal(sender, slack)
    assert (await health(bot.url))[0] == 200
    assert "Process Kedjan" in (await sender.slash("/trygghet", "vem vann 2019?")).text

    own_postgres.halt()

    # Slack: the first request after the loss, then each kind, each acknowledged within 3 s.
    answered, took = await timed(sender.slash("/trygghet", "vem vann 2019?", channel="C2"))
    assert answered.status == 200 and "Process Kedjan" in answered.text and took < SLACK_ACK_SECONDS, took
    first = took
    dm, took = await timed(sender.dm("vem vann 2012?", user="UDM"))
    assert dm.status == 200 and took < SLACK_ACK_SECONDS, took
    assert any("2012" in text for text in await answers_in(slack, "DUDM", 1))
    (mention, _), took = await timed(sender.mention("vem vann 2019?", channel="C3"))
    assert mention.status == 200 and took < SLACK_ACK_SECONDS, took
    assert "Process Kedjan" in (await answers_in(slack, "C3", 1))[0]
    dialog, took = await timed(sender.dm("nominera", user="UDM"))
    assert dialog.status == 200 and took < SLACK_ACK_SECONDS
    assert (await answers_in(slack, "DUDM", 2))[1] == t("sv", "chat.unavailable")

    refused, took = await timed(sender.submit_modal(view, VALID, view_id="VOUTAGE"))
    assert refused.status == 200 and took < SLACK_ACK_SECONDS, took
    body = json.loads(refused.text)
    assert body["response_action"] == "errors"
    assert list(body["errors"].values()) == [t("sv", "nom.error.unavailable")]
    assert "försök igen om en minut" in t("sv", "nom.error.unavailable").lower()

    # Fifty at once: none waits behind connection attempts.
    many = await asyncio.gather(
        *(timed(sender.slash("/trygghet", "vad fick trygghetsvärdar 2025?", user=f"U{n}")) for n in range(50))
    )
    assert all(reply.status == 200 for reply, _ in many)
    slowest = max(took for _, took in many)
    assert slowest < SLACK_ACK_SECONDS, slowest

    # Teams: a question is answered, a card gets "try again in a minute".
    teams_answer = await say(bot, connector, "vem vann 2019?")
    assert "Process Kedjan" in teams_answer.text
    before = len(connector.of("reply"))
    assert await send(bot.messages, activity(connector.url, value=CARD, activity_id="card-outage")) == 202
    [told] = (await connector.replies(before + 1))[before:]
    assert told.text == t("sv", "nom.error.unavailable")

    for _ in range(3):
        (status, report), took = await timed(health(bot.url))
        assert status == 503 and report["store"]["ok"] is False and took < HEALTH_SECONDS, took

    own_postgres.resume()
    loop = asyncio.get_running_loop()
    back = loop.time()
    while (await health(bot.url))[0] != 200:
        assert loop.time() - back < RECOVERY_SECONDS, "not healthy within 10 s of the database's return"
        await asyncio.sleep(0.1)
    stored = await sender.submit_modal(view, VALID, view_id="VAFTER")
    assert stored.status == 200 and not stored.text, stored.text
    recovered = loop.time() - back
    assert recovered < RECOVERY_SECONDS, recovered
    print(f"outage figures: first slash {first:.2f} s, 50 at once max {slowest:.2f} s, recovered in {recovered:.2f} s")

    # Nothing from the outage was stored, half or whole: only the nomination sent afterwards.
    assert bot.settings.database_url is not None
    store = await open_store_async(bot.settings.database_url)
    try:
        [nomination] = await store.nominations.list()
        assert nomination.idempotency_key == "slack-view:VAFTER"
        assert {m.nomination_id for m in await store.outbox.list()} == {nomination.id}
    finally:
        await store.aclose()

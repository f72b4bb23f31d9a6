"""Two bot servers on one PostgreSQL database behind the fake Slack: each nomination is stored
once and posted once per jury channel, whichever process takes the request or drains the outbox,
and a retried event that lands on the other process is handled once."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from store import open_store_async
from tests.e2e.conftest import JURY_CHANNELS, SECRET, BotServer, make_settings
from tests.e2e.fakeslack import FakeSlack
from tests.e2e.signing import SlackSender
from tests.e2e.test_nominations import VALID, jury_posts, open_modal, wait_jury_posts


@pytest.fixture
async def servers(
    tmp_path: Path, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch, postgres_url: str
) -> AsyncIterator[list[BotServer]]:
    monkeypatch.setenv("TRYGGHETSBOT_DATABASE_URL", postgres_url)
    settings = make_settings(tmp_path, fake, monkeypatch, "2023-06-15")
    assert settings.database_url == postgres_url
    started = [await BotServer(settings).start(), await BotServer(settings).start()]
    yield started
    for server in started:
        await server.stop()


async def test_nominations_across_two_servers_are_stored_and_posted_once(
    servers: list[BotServer], fake: FakeSlack, postgres_url: str
) -> None:
    senders = [SlackSender(s.url + "/slack/events", SECRET, fake) for s in servers]
    view = await open_modal(senders[0], fake)
    count = 12
    replies = await asyncio.gather(
        *(
            senders[i % 2].submit_modal(view, {**VALID, "nominee": f"Insats {i}"}, user=f"U{i}", view_id=f"V{i}")
            for i in range(count)
        ),
        # The same modal submitted to both servers: one nomination.
        senders[0].submit_modal(view, {**VALID, "nominee": "Insats 0"}, user="U0", view_id="V0"),
        senders[1].submit_modal(view, {**VALID, "nominee": "Insats 0"}, user="U0", view_id="V0"),
    )
    assert all(reply.status == 200 for reply in replies)
    posts = await wait_jury_posts(fake, count * len(JURY_CHANNELS), timeout=15)
    await asyncio.sleep(0.5)
    assert len(jury_posts(fake)) == len(posts) == count * len(JURY_CHANNELS)
    store = await open_store_async(postgres_url)
    try:
        nominations = await store.nominations.list()
        assert sorted(n.nominee for n in nominations) == sorted(f"Insats {i}" for i in range(count))
        per_channel = Counter(
            (post.args["channel"], n.id) for post in jury_posts(fake) for n in nominations if n.id in post.payload_text
        )
        assert set(per_channel.values()) == {1} and len(per_channel) == count * len(JURY_CHANNELS)
        assert all(m.status == "sent" and m.claimed_by is None for m in await store.outbox.list())
    finally:
        await store.aclose()


async def test_a_retried_event_on_the_other_server_is_answered_once(servers: list[BotServer], fake: FakeSlack) -> None:
    first, other = (SlackSender(s.url + "/slack/events", SECRET, fake) for s in servers)
    await first.dm("vem vann 2012?", event_id="EvBOTH")
    await fake.wait_for("chat.postMessage", 1)
    retried = await other.dm("vem vann 2012?", event_id="EvBOTH", retry=1)
    assert retried.status == 200
    await asyncio.sleep(0.3)
    assert len(fake.of("chat.postMessage")) == 1


async def test_a_follow_up_in_a_thread_on_the_other_server_keeps_the_subject(
    servers: list[BotServer], fake: FakeSlack
) -> None:
    """The mention's follow-up context lives in the database, not in the process that answered."""
    senders = [SlackSender(s.url + "/slack/events", SECRET, fake) for s in servers]
    _, thread = await senders[0].mention("vem vann 2019?", channel="CTHREAD")
    ts = senders[1].new_ts()
    follow_up = {
        "type": "app_mention",
        "user": "U1",
        "text": "<@UBOT> och året innan?",
        "ts": ts,
        "thread_ts": thread,
        "channel": "CTHREAD",
        "event_ts": ts,
    }
    assert (await senders[1].event(follow_up, event_id="EvFOLLOWUP")).status == 200
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 5
    while len(answers := [c for c in fake.of("chat.postMessage") if c.args["channel"] == "CTHREAD"]) < 2:
        assert loop.time() < deadline, fake.methods()
        await asyncio.sleep(0.02)
    assert "Process Kedjan" in answers[0].args["text"]
    assert answers[1].args["thread_ts"] == thread
    # "The year before" means something only with the thread's subject: the winner of 2018.
    assert "Samverkansprojektet i Östberga" in answers[1].args["text"]

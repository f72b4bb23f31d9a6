"""Two real `trygghetsbot serve` processes on one PostgreSQL database behind the fake Slack.

50 nominations are submitted across both, some replayed to the other process, a retried event
lands on the other process, Slack fails with a storm of 500s and 429s, one post reaches Slack
but is never answered, and one process is killed with SIGKILL in the middle of it. Afterwards
every nomination is stored once, each jury channel has exactly one post per nomination, every
nominator got one confirmation, and nothing is left in the outbox.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from store import open_store_async
from tests.e2e.conftest import JURY_CHANNELS, JURY_LISTED, SECRET
from tests.e2e.fakeconnector import FakeConnector, activity, send
from tests.e2e.fakeslack import FakeSlack
from tests.e2e.signing import SlackSender
from tests.e2e.test_nominations import VALID
from tests.e2e.test_teams import VALID as CARD

COUNT = 50


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServeProcess:
    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "trygghetsbot", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=open(cwd / f"serve-{self.port}.log", "w"),  # noqa: SIM115 - closed with the process
        )

    async def ready(self, timeout: float = 30.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        async with aiohttp.ClientSession() as session:
            while loop.time() < deadline:
                if self.process.poll() is not None:
                    raise AssertionError(f"serve exited with {self.process.returncode}")
                try:
                    async with session.get(self.url + "/healthz") as response:
                        if response.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError("serve did not become healthy")

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def slack_env(fake: FakeSlack, **settings: str) -> dict[str, str]:
    """The environment of a `serve` process against ``fake``, with no setting of this machine's."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "JURY_", "TRYGGHETSBOT_"))},
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
        "JURY_CHANNEL_IDS": ",".join(JURY_CHANNELS),
        "JURY_USER_IDS": JURY_LISTED,
        "TRYGGHETSBOT_NOW": "2023-06-15",
        **settings,
    }


@pytest.fixture
def serve_env(tmp_path: Path, fake: FakeSlack, postgres_url: str) -> Iterator[dict[str, str]]:
    # A killed worker's claims are taken over after 3 s; retries start after 0.2 s.
    yield slack_env(
        fake,
        TRYGGHETSBOT_DATABASE_URL=postgres_url,
        TRYGGHETSBOT_OUTBOX_LEASE_SECONDS="3",
        TRYGGHETSBOT_OUTBOX_RETRY_SECONDS="0.2",
    )


@pytest.fixture
async def processes(serve_env: dict[str, str], tmp_path: Path) -> AsyncIterator[list[ServeProcess]]:
    started = [ServeProcess(serve_env, tmp_path), ServeProcess(serve_env, tmp_path)]
    try:
        await asyncio.gather(*(p.ready() for p in started))
        yield started
    finally:
        for process in started:
            process.stop()


async def submit(n: int, sender: SlackSender) -> int:
    """Nomination ``n`` ("Insats n", by user Unnn) through the modal; a replay is the same view again."""
    state = {key: {key: {"type": "plain_text_input", "value": value}} for key, value in VALID.items()}
    view = {"id": f"V{n}", "type": "modal", "callback_id": "nomination_modal", "state": {"values": state}}
    changed = {**VALID, "nominee": f"Insats {n}"}
    reply = await sender.submit_modal(view, changed, user=f"U{n:03d}", view_id=f"V{n}")
    return reply.status


def tagged(fake: FakeSlack, channel: str) -> list[str]:
    """The nomination ids of the outbox's posts in ``channel`` (a kept-but-unanswered post included)."""
    return [
        m["metadata"]["event_payload"]["nomination_id"]
        for m in fake.posts_in(channel)
        if (m.get("metadata") or {}).get("event_type") == "trygghetsbot_outbox"
    ]


async def test_two_processes_a_fault_storm_and_a_kill_lose_nothing_and_post_once(
    processes: list[ServeProcess], fake: FakeSlack, postgres_url: str, serve_env: dict[str, str], tmp_path: Path
) -> None:
    first, second = processes
    senders = [SlackSender(p.url + "/slack/events", SECRET, fake) for p in processes]
    # The first post reaches Slack and is never answered; then a storm: 4 s of 500s, 3 s of 429s.
    fake.keep_and_hang("chat.postMessage", times=1)
    fake.fail_for("chat.postMessage", 4, status=500)
    fake.fail_for("chat.postMessage", 3, status=429, retry_after=1)

    statuses = await asyncio.gather(*(submit(n, senders[n % 2]) for n in range(COUNT)))
    # Replays of the first ten, each to the other process.
    statuses += await asyncio.gather(*(submit(n, senders[(n + 1) % 2]) for n in range(10)))
    assert set(statuses) == {200}

    # Kill one process while the storm is on and a post is in flight.
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 10
    while not any(c.status == 0 for c in fake.calls) and loop.time() < deadline:
        await asyncio.sleep(0.05)
    first.kill()

    store = await open_store_async(postgres_url)
    try:
        deadline = loop.time() + 90
        while loop.time() < deadline:
            messages = await store.outbox.list()
            if len(messages) == COUNT and all(m.status == "sent" for m in messages):
                break
            await asyncio.sleep(0.25)
        nominations = await store.nominations.list()
        messages = await store.outbox.list()
    finally:
        await store.aclose()

    assert sorted(n.nominee for n in nominations) == sorted(f"Insats {n}" for n in range(COUNT))
    assert [m.status for m in messages].count("sent") == COUNT, [(m.status, m.last_error) for m in messages]
    ids = {n.id for n in nominations}
    for channel in JURY_CHANNELS:
        posts = Counter(tagged(fake, channel))
        assert set(posts) == ids and set(posts.values()) == {1}, channel
    confirmations = Counter(
        user for n in nominations if (user := (n.nominator.user_id or "").removeprefix("slack:")) and tagged(fake, user)
    )
    assert len(confirmations) == COUNT
    assert all(len(tagged(fake, f"U{n:03d}")) == 1 for n in range(COUNT))
    assert second.process.poll() is None  # the survivor did all the rest

    # A retried event that lands on another process is handled once (a fresh process on the same
    # database takes the dead one's place).
    third = ServeProcess(serve_env, tmp_path)
    processes.append(third)
    await third.ready()
    await senders[1].dm("vem vann 2012?", user="UQ", event_id="EvCROSS")
    await SlackSender(third.url + "/slack/events", SECRET, fake).dm(
        "vem vann 2012?", user="UQ", event_id="EvCROSS", retry=1
    )
    await fake.wait_for("chat.postMessage", len(fake.of("chat.postMessage")))
    await asyncio.sleep(0.5)
    answers = [c for c in fake.of("chat.postMessage") if c.args["channel"] == "DUQ"]
    assert len(answers) == 1


async def test_a_double_click_reaching_both_processes_is_stored_and_confirmed_once(
    serve_env: dict[str, str], tmp_path: Path, fake: FakeSlack, postgres_url: str
) -> None:
    """Slack: two view submissions of one modal (two view ids), one to each process, at once.
    Teams: two card submissions (two activity ids), one to each process, at once. Each is one
    nomination, one confirmation and one post per jury channel."""
    connector = await FakeConnector().start()
    env = serve_env | {
        "TEAMS_ALLOW_ANONYMOUS": "true",
        "TEAMS_SERVICE_URL": connector.url,
        "TEAMS_TRUSTED_SERVICE_URLS": connector.url,
        "TEAMS_JURY_CHANNEL_IDS": "19:jury@thread.tacv2",
    }
    started = [ServeProcess(env, tmp_path), ServeProcess(env, tmp_path)]
    try:
        await asyncio.gather(*(p.ready() for p in started))
        senders = [SlackSender(p.url + "/slack/events", SECRET, fake) for p in started]
        view = {"id": "VX", "type": "modal", "callback_id": "nomination_modal", "state": {"values": {}}}
        replies = await asyncio.gather(
            *(sender.submit_modal(view, VALID, user="UCLICK", view_id=f"VCLICK{n}") for n, sender in enumerate(senders))
        )
        assert [reply.status for reply in replies] == [200, 200]
        cards = [activity(connector.url, value=CARD, activity_id=f"click-{n}") for n in range(2)]
        assert await asyncio.gather(*(send(p.url + "/api/messages", c) for p, c in zip(started, cards, strict=True)))
        await connector.replies(1)
        store = await open_store_async(postgres_url)
        try:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 20
            while loop.time() < deadline:
                messages = await store.outbox.list()
                if len(messages) >= 4 and all(m.status == "sent" for m in messages):
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(0.5)
            nominations = await store.nominations.list()
            messages = await store.outbox.list()
        finally:
            await store.aclose()
        assert sorted(n.nominator.user_id or "" for n in nominations) == ["slack:UCLICK", "teams:aad-anna"]
        assert len(messages) == 4 and all(m.status == "sent" for m in messages)  # Slack and Teams, per nomination
        for channel in JURY_CHANNELS:
            assert len(tagged(fake, channel)) == 2, channel
        assert len(tagged(fake, "UCLICK")) == 1  # one confirmation DM
        assert len(connector.of("reply")) == 1  # one confirmation in Teams
        assert len(connector.of("create")) == 2  # one Teams jury post per nomination
    finally:
        for process in started:
            process.stop()
        await connector.stop()

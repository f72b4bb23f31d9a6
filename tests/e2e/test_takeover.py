"""Messages in flight when a `serve` process dies (issue 22).

On PostgreSQL, a process killed with SIGKILL while it holds claimed outbox messages (one post
sent to Slack and never answered) leaves them to the other process, which delivers every one
exactly once within 30 s of the kill, with the default lease. A live process whose send takes
longer than the lease keeps its claim: the post is made once. On TinyDB, a process started
after a SIGKILL sends what the killed one had claimed at once, not after the lease.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

from bot.outbox.model import OutboxMessage
from store import open_store_async
from tests.e2e.conftest import JURY_CHANNELS, SECRET
from tests.e2e.fakeslack import Call, FakeSlack
from tests.e2e.signing import SlackSender
from tests.e2e.test_processes import ServeProcess, slack_env, submit, tagged

TAKEOVER_LIMIT = 30.0  # seconds from the kill until every message is delivered


async def outbox(target: str) -> list[OutboxMessage]:
    """The outbox as a command beside the server reads it (read-only: the TinyDB file stays the server's)."""
    store = await open_store_async(target, read_only=True)
    try:
        return await store.outbox.list()
    finally:
        await store.aclose()


async def until_stored(target: str, count: int, timeout: float = 20.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while len(await outbox(target)) < count:
        assert loop.time() < deadline, "the nominations were not all stored"
        await asyncio.sleep(0.1)


async def until_all_sent(target: str, count: int, timeout: float) -> list[OutboxMessage]:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        messages = await outbox(target)
        if len(messages) == count and all(m.status == "sent" for m in messages):
            return messages
        if loop.time() >= deadline:
            raise AssertionError(f"not delivered after {timeout:g} s: {[(m.status, m.claimed_by) for m in messages]}")
        await asyncio.sleep(0.2)


async def hung_post(fake: FakeSlack, timeout: float = 20.0) -> Call:
    """The post that reached Slack and is never answered (``keep_and_hang``), once it was made."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not (hung := [c for c in fake.calls if c.method == "chat.postMessage" and c.status == 0]):
        assert loop.time() < deadline, "no post was sent"
        await asyncio.sleep(0.05)
    return hung[0]


def assert_posted_once(fake: FakeSlack, numbers: range) -> None:
    """One tagged post per nomination in each jury channel, one confirmation per nominator."""
    for channel in JURY_CHANNELS:
        posts = Counter(tagged(fake, channel))
        assert len(posts) == len(numbers) and set(posts.values()) == {1}, (channel, posts)
    for n in numbers:
        assert len(tagged(fake, f"U{n:03d}")) == 1, n


def pid_of(worker: str | None) -> int:
    """The process id in a worker's name in a lease (host:pid:random)."""
    assert worker is not None
    return int(worker.split(":")[-2])


async def test_a_killed_process_claims_are_delivered_once_by_the_other_within_30_s(
    fake: FakeSlack, postgres_url: str, tmp_path: Path
) -> None:
    count = 10
    # The default lease and retry delays: what an operator gets.
    env = slack_env(fake, TRYGGHETSBOT_DATABASE_URL=postgres_url)
    processes = [ServeProcess(env, tmp_path), ServeProcess(env, tmp_path)]
    loop = asyncio.get_running_loop()
    try:
        await asyncio.gather(*(p.ready() for p in processes))
        senders = [SlackSender(p.url + "/slack/events", SECRET, fake) for p in processes]
        # A storm of 500s lets the messages pile up; the first post after it reaches Slack and is
        # never answered, so its process is stuck mid-send, holding its claimed batch.
        fake.fail_for("chat.postMessage", 2, status=500)
        fake.keep_and_hang("chat.postMessage", times=1)
        statuses = await asyncio.gather(*(submit(n, senders[n % 2]) for n in range(count)))
        assert set(statuses) == {200}
        await until_stored(postgres_url, count)

        hung = await hung_post(fake)
        in_flight = hung.args["metadata"]["event_payload"]["outbox_id"]
        owner = next(m.claimed_by for m in await outbox(postgres_url) if m.id == in_flight)
        [victim] = [p for p in processes if p.process.pid == pid_of(owner)]
        held = [m.id for m in await outbox(postgres_url) if m.status == "pending" and m.claimed_by == owner]
        victim.kill()
        killed_at = loop.time()

        await until_all_sent(postgres_url, count, timeout=TAKEOVER_LIMIT + 30)
        took = loop.time() - killed_at
        assert in_flight in held
        assert took < TAKEOVER_LIMIT, f"the killed process's messages took {took:.1f} s"
        assert_posted_once(fake, range(count))
        [survivor] = [p for p in processes if p is not victim]
        assert survivor.process.poll() is None
    finally:
        for process in processes:
            process.stop()
    print(f"\nkilled holding {len(held)} claimed message(s); all delivered {took:.1f} s after the kill")


async def test_a_send_slower_than_the_lease_is_not_taken_over_while_its_owner_lives(
    fake: FakeSlack, postgres_url: str, tmp_path: Path
) -> None:
    lease = 2.0
    env = slack_env(
        fake,
        TRYGGHETSBOT_DATABASE_URL=postgres_url,
        TRYGGHETSBOT_OUTBOX_LEASE_SECONDS=str(lease),
        TRYGGHETSBOT_OUTBOX_RETRY_SECONDS="0.2",
    )
    processes = [ServeProcess(env, tmp_path), ServeProcess(env, tmp_path)]
    try:
        await asyncio.gather(*(p.ready() for p in processes))
        # Slack takes three leases to act on the first post and answer (a Retry-After, a slow day).
        slow = lease * 3
        fake.delay("chat.postMessage", slow)
        submitted = asyncio.get_running_loop().time()
        assert await submit(0, SlackSender(processes[0].url + "/slack/events", SECRET, fake)) == 200
        await until_all_sent(postgres_url, 1, timeout=30)
        # The slow post lands when Slack gets to it: only then would a second post show.
        await asyncio.sleep(max(0.0, submitted + slow + 1 - asyncio.get_running_loop().time()))
        assert_posted_once(fake, range(1))
        # Each destination was sent to once: nobody took the slow one over (nor looked for it).
        assert len(fake.of("chat.postMessage", ok_only=False)) == len(JURY_CHANNELS) + 1
        print(
            [
                (c.method, c.status, c.args.get("channel"), c.response.get("messages"))
                for c in fake.calls
                if c.method.startswith(("chat", "conv"))
            ]
        )
        assert not fake.of("conversations.history", ok_only=False)
        assert all(p.process.poll() is None for p in processes)
    finally:
        for process in processes:
            process.stop()


async def test_on_tinydb_a_restarted_process_sends_what_it_had_claimed_at_once(fake: FakeSlack, tmp_path: Path) -> None:
    count = 3
    db = str(tmp_path / "db.json")
    # A lease far longer than the test: a restart must not wait for it.
    env = slack_env(
        fake, TRYGGHETSBOT_DB=db, TRYGGHETSBOT_OUTBOX_LEASE_SECONDS="300", TRYGGHETSBOT_OUTBOX_RETRY_SECONDS="0.2"
    )
    first = ServeProcess(env, tmp_path)
    processes = [first]
    loop = asyncio.get_running_loop()
    try:
        await first.ready()
        sender = SlackSender(first.url + "/slack/events", SECRET, fake)
        fake.keep_and_hang("chat.postMessage", times=1)
        statuses = await asyncio.gather(*(submit(n, sender) for n in range(count)))
        assert set(statuses) == {200}
        await until_stored(db, count)
        await hung_post(fake)  # the process is mid-send, holding its claims
        first.kill()

        second = ServeProcess(env, tmp_path)
        processes.append(second)
        await second.ready()
        started = loop.time()
        await until_all_sent(db, count, timeout=60)
        took = loop.time() - started
        assert took < 10, f"the restarted process took {took:.1f} s"
        assert_posted_once(fake, range(count))
        assert fake.of("conversations.history")  # it looked for the post in flight before sending again
    finally:
        for process in processes:
            process.stop()
    print(f"\nthe restarted process delivered everything {took:.1f} s after it was ready")

"""The outbox worker's leases: renewed while its owner works, so a short lease never lapses under a
slow send, and a message whose lease passed to another worker is left to that worker.

Run on both stores; the PostgreSQL one is where several processes share an outbox.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.clock import system_clock
from bot.outbox.model import OutboxMessage
from handlers.outbox_worker import Claims, OutboxWorker, WorkerTiming
from store import Store, open_store_async
from tests.store.conftest import event, nomination

LEASE = 0.4  # seconds; the heartbeat renews it three times per lease


@pytest.fixture(params=["tinydb", "postgres"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    on_postgres = request.param == "postgres"
    opened = await open_store_async(
        str(request.getfixturevalue("postgres_url") if on_postgres else tmp_path / "db.json")
    )
    yield opened
    await opened.aclose()


class SlowWorker(OutboxWorker[Any]):
    """Delivers by waiting ``seconds`` (a slow platform), recording what it delivered."""

    platform = "slack"

    def __init__(self, store: Store, seconds: float) -> None:
        settings = SimpleNamespace(outbox_lease_seconds=LEASE, outbox_retry_seconds=1.0, outbox_retention_days=30)
        deps = SimpleNamespace(store=store, outbox_ready=asyncio.Event(), settings=settings)
        super().__init__(deps, WorkerTiming(poll_seconds=0.05))
        self.seconds = seconds
        self.delivered: list[str] = []
        self.started = asyncio.Event()

    async def deliver(self, message: OutboxMessage) -> None:
        self.started.set()
        await asyncio.sleep(self.seconds)
        self.delivered.append(message.id)


async def submit(store: Store, count: int) -> list[str]:
    ids = []
    for number in range(count):
        n = nomination(number)
        message = event(n)
        await store.nominations.submit(n, message)
        ids.append(message.id)
    return ids


async def test_a_send_slower_than_the_lease_is_not_taken_over_while_its_owner_lives(store: Store) -> None:
    [message_id] = await submit(store, 1)
    owner = SlowWorker(store, seconds=LEASE * 5)
    sending = asyncio.create_task(owner.deliver_due())
    await asyncio.wait_for(owner.started.wait(), 10)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + LEASE * 4
    while loop.time() < deadline:  # another worker looks all the time the send takes
        assert await store.outbox.claim_due("other", system_clock(), LEASE) == []
        await asyncio.sleep(LEASE / 8)
    assert await sending == 1
    assert owner.delivered == [message_id]
    sent = await store.outbox.get(message_id)
    assert sent is not None and sent.status == "sent" and sent.claimed_by is None


async def test_a_message_whose_lease_passed_to_another_worker_is_left_to_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The owner could not renew for longer than the lease (a database hiccup); another worker took
    its next message meanwhile. The owner, once it can renew again, learns so and does not send it."""
    first, second = await submit(store, 2)
    owner = SlowWorker(store, seconds=LEASE * 3)
    renew = store.outbox.renew
    hiccup = asyncio.Event()

    async def failing_renew(*args: Any, **kwargs: Any) -> set[str]:
        if not hiccup.is_set():
            raise ConnectionError("the database is unreachable")
        return await renew(*args, **kwargs)

    monkeypatch.setattr(store.outbox, "renew", failing_renew)
    sending = asyncio.create_task(owner.deliver_due())
    await asyncio.wait_for(owner.started.wait(), 10)
    await asyncio.sleep(LEASE * 1.2)  # the owner's leases have lapsed
    # Both, the one being sent too: its in-flight record guards that one (the platform's lookup).
    taken = await store.outbox.claim_due("other", system_clock(), 60, platform="slack")
    assert {m.id for m in taken} == {first, second}
    hiccup.set()
    await sending
    [started] = owner.delivered  # the send under way ends; the other message is the other worker's
    [left_over] = {first, second} - {started}
    left = await store.outbox.get(left_over)
    assert left is not None and left.status == "pending" and left.claimed_by == "other"


async def test_a_worker_cancelled_while_its_heartbeat_ends_is_cancelled_not_kept_running() -> None:
    """The worker's own cancellation (a stop) arriving while it waits for its heartbeat to end
    must end the worker; swallowing it kept a stopped worker running and a shutdown hanging."""
    ending = asyncio.Event()

    class SlowToStop:
        async def renew(self, *args: Any, **kwargs: Any) -> set[str]:
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                ending.set()
                await asyncio.sleep(0.2)  # the heartbeat's own clean-up takes a moment
                raise
            return set()

    claims = Claims(SlowToStop(), "w", 0.03, ["m1"])  # type: ignore[arg-type]

    async def worker() -> None:
        async with claims.renewed():
            await asyncio.sleep(0.05)  # a beat starts a renewal that is slow to stop
        await asyncio.sleep(3600)  # a worker that was not stopped goes on to its next round

    task = asyncio.get_running_loop().create_task(worker())
    await asyncio.wait_for(ending.wait(), 5)
    task.cancel()  # the stop arrives while the batch's heartbeat is being ended
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 5)

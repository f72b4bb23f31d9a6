"""The outbox worker purges sent messages past the retention, now and then, on both backends (issue 17 point 10)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import system_clock
from bot.config import Settings, SettingsError, load_settings
from bot.outbox.model import OutboxMessage
from handlers.deps import ChatDeps
from handlers.outbox_worker import OutboxWorker, WorkerTiming
from store import Store, open_store_async
from tests.store.conftest import event, nomination
from trygghetsbot.compose import build_router, build_service, settings_knowledge


class Delivered(OutboxWorker[ChatDeps]):
    """Every message reaches its destinations at once."""

    platform = "slack"

    async def deliver(self, message: OutboxMessage) -> None:
        return None


@pytest.fixture(params=["tinydb", "postgres"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    postgres = request.param == "postgres"
    target = str(request.getfixturevalue("postgres_url")) if postgres else str(tmp_path / "db.json")
    opened = await open_store_async(target)
    yield opened
    await opened.aclose()


def settings_with(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, **env: str) -> Settings:
    monkeypatch.setenv("TRYGGHETSBOT_DB", str(tmp_path / "unused.json"))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return load_settings(_env_file=None)


async def sent(store: Store, year: int, days_ago: float, deliveries: dict[str, str] | None = None) -> str:
    n = nomination(year=year)
    message = event(n)
    await store.nominations.submit(n, message)
    await store.outbox.mark_sent(message.id, system_clock() - timedelta(days=days_ago), deliveries)
    return message.id


async def wait_until_gone(store: Store, message_id: str) -> None:
    # A bound for a loaded machine, not a speed goal: the purge runs every 0.2 s here.
    async with asyncio.timeout(20):
        while await store.outbox.get(message_id) is not None:
            await asyncio.sleep(0.02)


async def test_the_worker_purges_sent_messages_past_the_retention_again_and_again(
    store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = settings_with(monkeypatch, tmp_path, TRYGGHETSBOT_OUTBOX_RETENTION_DAYS="10")
    deps = ChatDeps(
        settings=settings,
        knowledge=settings_knowledge(settings),
        store=store,
        router=build_router(store, settings),
        service=build_service(store, settings),
    )
    live = deps.service.round.year
    old = await sent(store, live - 1, days_ago=11, deliveries={"C1": "1.1"})
    young = await sent(store, live - 1, days_ago=9)
    jury_copy = await sent(store, live, days_ago=11, deliveries={"C1": "2.2"})  # an edit would update it
    n = nomination(year=live)
    waiting = event(n)
    await store.nominations.submit(n, waiting)

    worker = Delivered(deps, WorkerTiming(poll_seconds=0.02, purge_every_seconds=0.2))
    worker.start()
    try:
        await wait_until_gone(store, old)
        assert await store.outbox.get(young) is not None and await store.outbox.get(jury_copy) is not None
        sent_now = await store.outbox.get(waiting.id)  # delivered by the worker: sent just now, kept
        assert sent_now is not None and sent_now.status == "sent"
        # Stored while the worker rests, so it cannot claim the message between its submit and its
        # mark_sent (it would send it now, and a message sent now is rightly kept).
        await worker.stop()
        later = await sent(store, live - 1, days_ago=30)
        worker.start()
        await wait_until_gone(store, later)  # the purge runs again
    finally:
        await worker.stop()
    assert {m.id for m in await store.outbox.list()} == {young, jury_copy, waiting.id}


def test_the_retention_must_be_positive(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert settings_with(monkeypatch, tmp_path).outbox_retention_days == 30
    for value in ("0", "-1", "ett år"):
        with pytest.raises(SettingsError, match="TRYGGHETSBOT_OUTBOX_RETENTION_DAYS"):
            settings_with(monkeypatch, tmp_path, TRYGGHETSBOT_OUTBOX_RETENTION_DAYS=value)

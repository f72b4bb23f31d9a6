"""``GET /healthz``: cheap (a count, one query at a time, cached a second), bounded in time, and
saying no more than ok/degraded and the version to a caller without the health token (issue 17 point 10)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot import __version__
from bot.config import Settings, SettingsError, load_settings
from handlers.web import HEALTH, create_app, serving
from store import Store, open_store
from tests.store.conftest import event, nomination

TOKEN = "a-health-token-of-some-length"


def settings_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, token: str | None = TOKEN) -> Settings:
    monkeypatch.setenv("TRYGGHETSBOT_DB", str(tmp_path / "db.json"))
    if token is None:
        monkeypatch.delenv("TRYGGHETSBOT_HEALTH_TOKEN", raising=False)
    else:
        monkeypatch.setenv("TRYGGHETSBOT_HEALTH_TOKEN", token)
    return load_settings(_env_file=None)


class Served:
    def __init__(self, url: str, store: Store) -> None:
        self.url = url
        self.store = store

    async def get(self, headers: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
        async with aiohttp.ClientSession() as session, session.get(self.url + "/healthz", headers=headers) as r:
            return r.status, await r.json()


Serve = Callable[..., Awaitable[Served]]


@pytest.fixture
async def serve() -> AsyncIterator[Serve]:
    runners: list[web.AppRunner] = []

    async def start(settings: Settings, store: Store | None = None) -> Served:
        store = store or open_store(settings.db_path)
        app = create_app(settings, open_store=serving(store))
        app[HEALTH].append(lambda app: {"slack_identity_known": True})
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        runners.append(runner)
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return Served(f"http://127.0.0.1:{port}", store)

    yield start
    for runner in runners:
        await runner.cleanup()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_without_the_token_only_status_and_version(
    serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = await serve(settings_for(tmp_path, monkeypatch))
    status, body = await served.get()
    assert (status, body) == (200, {"status": "ok", "version": __version__})


@pytest.mark.parametrize(
    "headers",
    [
        bearer("a-health-token-of-some-lengtH"),  # forged: one letter off
        bearer(TOKEN + "x"),
        bearer(""),
        {"Authorization": TOKEN},  # not a Bearer token
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": "Bearer " + "å" * 30},  # not ASCII
    ],
)
async def test_a_forged_token_gets_no_details(
    serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, headers: dict[str, str]
) -> None:
    served = await serve(settings_for(tmp_path, monkeypatch))
    status, body = await served.get(headers)
    assert (status, body) == (200, {"status": "ok", "version": __version__})


async def test_the_configured_token_gets_the_details(
    serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_for(tmp_path, monkeypatch)
    store = open_store(settings.db_path)
    for i in range(3):
        n = nomination(i)
        await store.nominations.submit(n, event(n))
    served = await serve(settings, store)
    status, body = await served.get(bearer(TOKEN))
    assert status == 200 and body["status"] == "ok" and body["version"] == __version__
    assert body["store"] == {"ok": True, "backend": "tinydb", "path": str(settings.db_path), "outbox_pending": 3}
    assert body["slack_identity_known"] is True


async def test_without_a_configured_token_no_caller_gets_details(
    serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served = await serve(settings_for(tmp_path, monkeypatch, token=None))
    for headers in (None, bearer(""), bearer(TOKEN), bearer("None")):
        assert await served.get(headers) == (200, {"status": "ok", "version": __version__})


def test_a_short_health_token_stops_start_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SettingsError, match="TRYGGHETSBOT_HEALTH_TOKEN"):
        settings_for(tmp_path, monkeypatch, token="short")


class CountingOutbox:
    """Wraps the store's outbox: counts the health queries and can make them slow or fail."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.counts = 0
        self.delay = 0.0
        self.error: Exception | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def list(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("/healthz must not read the outbox's rows")

    async def count_pending(self) -> int:
        self.counts += 1
        await asyncio.sleep(self.delay)
        if self.error is not None:
            raise self.error
        return int(await self.inner.count_pending())


async def counted(serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Served, CountingOutbox]:
    settings = settings_for(tmp_path, monkeypatch)
    store = open_store(settings.db_path)
    outbox = CountingOutbox(store.outbox)
    store.outbox = outbox  # type: ignore[assignment]
    return await serve(settings, store), outbox


async def test_concurrent_callers_share_one_query(
    serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served, outbox = await counted(serve, tmp_path, monkeypatch)
    outbox.delay = 0.3
    results = await asyncio.gather(*(served.get(bearer(TOKEN) if i % 2 else None) for i in range(50)))
    assert {status for status, _ in results} == {200}
    assert outbox.counts == 1
    # A second later the answer is asked for again (once).
    await asyncio.sleep(1.1)
    outbox.delay = 0.0
    await asyncio.gather(*(served.get() for _ in range(10)))
    assert outbox.counts == 2


async def test_a_hanging_store_is_degraded_within_about_a_second(
    serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served, outbox = await counted(serve, tmp_path, monkeypatch)
    outbox.delay = 30.0
    began = time.monotonic()
    results = await asyncio.gather(*(served.get() for _ in range(20)))
    assert time.monotonic() - began < 2.0
    assert results == [(503, {"status": "degraded", "version": __version__})] * 20
    assert outbox.counts == 1  # the hanging query is not asked again while it runs
    status, body = await served.get(bearer(TOKEN))
    assert status == 503 and body["store"]["ok"] is False and outbox.counts == 1


async def test_a_failing_store_is_degraded_and_its_error_only_for_the_token(
    serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served, outbox = await counted(serve, tmp_path, monkeypatch)
    outbox.error = OSError("disk on fire at /secret/path")
    assert await served.get() == (503, {"status": "degraded", "version": __version__})
    status, body = await served.get(bearer(TOKEN))
    assert status == 503 and "disk on fire" in body["store"]["error"]


async def test_a_store_known_to_be_down_is_degraded_at_once_not_a_cached_ok(
    serve: Serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served, outbox = await counted(serve, tmp_path, monkeypatch)
    assert (await served.get())[0] == 200  # an "ok" now cached for a second
    monkeypatch.setattr(served.store, "unavailable", lambda: "connection refused")  # the circuit opened
    status, body = await served.get(bearer(TOKEN))
    assert status == 503 and body["store"] == {"ok": False, "error": "connection refused"}
    assert outbox.counts == 1  # told without asking the store

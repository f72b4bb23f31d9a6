"""The PostgreSQL store while its server is away: calls fail fast with StoreUnavailableError,
connection attempts do not pile up, and the store works again soon after the server returns."""

from __future__ import annotations

import asyncio

import pytest

from store import StoreError
from store.errors import StoreUnavailableError
from store.postgres import PgStore, open_postgres_store
from store.postgres.db import POOL_TIMEOUT, RETRY_SECONDS
from tests.postgres_server import PostgresServer


async def fails_within(store: PgStore, seconds: float) -> float:
    loop = asyncio.get_running_loop()
    start = loop.time()
    with pytest.raises(StoreUnavailableError):
        await store.dialogs.load("k")
    took = loop.time() - start
    assert took < seconds, took
    return took


async def test_an_outage_fails_fast_without_piling_up_connections_and_ends_soon(own_postgres: PostgresServer) -> None:
    store = await open_postgres_store(own_postgres.create_database())
    try:
        await store.dialogs.load("k")
        own_postgres.halt()
        await fails_within(store, POOL_TIMEOUT + 0.5)  # the first finds out
        # The rest fail at once, a hundred at a time too, and the other tenants' handles with them.
        other = await store.open_for("T2")
        loop = asyncio.get_running_loop()
        start = loop.time()
        results = await asyncio.gather(*(s.dialogs.load("k") for s in [store, other] * 50), return_exceptions=True)
        assert all(isinstance(r, StoreUnavailableError) for r in results)
        assert loop.time() - start < 0.5
        # Five seconds of calls every 20 ms make a few connection attempts, not hundreds.
        attempts = store.db.pool.get_stats().get("connections_num", 0)
        deadline = loop.time() + 5
        while loop.time() < deadline:
            with pytest.raises(StoreUnavailableError):
                await store.dialogs.load("k")
            await asyncio.sleep(0.02)
        made = store.db.pool.get_stats().get("connections_num", 0) - attempts
        assert made <= 10, made
        own_postgres.resume()
        back = loop.time()
        while True:
            try:
                await store.dialogs.load("k")
                break
            except StoreUnavailableError:
                assert loop.time() - back < 10
                await asyncio.sleep(0.05)
        recovered = loop.time() - back
        assert recovered < RETRY_SECONDS + 2, recovered
        assert not store.db.circuit.is_open
    finally:
        await store.aclose()


async def test_a_busy_pool_is_not_an_outage(postgres_url: str) -> None:
    store = await open_postgres_store(postgres_url, max_size=1)
    try:
        async with store.db.connection():
            with pytest.raises(StoreError) as waited:
                await store.dialogs.load("k")  # the only connection is busy
        assert not isinstance(waited.value, StoreUnavailableError)
        assert not store.db.circuit.is_open
        assert await store.dialogs.load("k") is None
    finally:
        await store.aclose()

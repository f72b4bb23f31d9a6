"""The records port, on both backends: put/get/take/delete/list, expiry, tenants apart."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.clock import fixed_clock
from tests.store.conftest import NOW, Backend


async def test_put_get_list_delete(backend: Backend) -> None:
    store = await backend.open()
    await store.records.put("install", "T1", {"token": "a"})
    await store.records.put("install", "T1", {"token": "b"})  # replaces
    await store.records.put("install", "T2", {"token": "c"})
    await store.records.put("other", "T1", {"x": 1})
    assert await store.records.get("install", "T1") == {"token": "b"}
    assert await store.records.list("install") == [("T1", {"token": "b"}), ("T2", {"token": "c"})]
    await store.records.delete("install", "T1")
    assert await store.records.get("install", "T1") is None
    assert await store.records.get("other", "T1") == {"x": 1}
    await store.aclose()
    reopened = await backend.open()
    assert await reopened.records.list("install") == [("T2", {"token": "c"})]


async def test_an_expired_record_is_gone(backend: Backend) -> None:
    store = await backend.open(clock=fixed_clock(NOW))
    await store.records.put("state", "s1", {}, expires_at=NOW + timedelta(minutes=10))
    await store.records.put("state", "s2", {}, expires_at=NOW - timedelta(seconds=1))
    assert await store.records.get("state", "s1") == {}
    assert await store.records.get("state", "s2") is None
    await store.aclose()
    later = await backend.open(clock=fixed_clock(NOW + timedelta(minutes=11)))
    assert await later.records.take("state", "s1") is None


async def test_take_gives_a_record_once_even_to_two_handles_at_once(backend: Backend) -> None:
    first = await backend.open()
    if backend.name == "tinydb":  # one writer per TinyDB file: the same handle twice
        second = first
    else:
        second = await backend.open()
    await first.records.put("state", "s", {"n": 1})
    taken = await asyncio.gather(first.records.take("state", "s"), second.records.take("state", "s"))
    assert sorted(taken, key=lambda v: v is None) == [{"n": 1}, None]


async def test_tenants_do_not_see_each_others_records(backend: Backend) -> None:
    one = await backend.open(tenant="T1")
    two = await backend.open(tenant="T2")
    await one.records.put("settings", "jury", {"channels": ["C1"]})
    assert await two.records.get("settings", "jury") is None
    assert await two.records.list("settings") == []

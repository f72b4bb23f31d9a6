"""The registry of installed workspaces and OAuth states, on both backends (``backend``: TinyDB, then PostgreSQL)."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest

from bot.clock import fixed_clock
from store import StoreError
from tests.store.conftest import NOW, Backend


async def test_bots_are_kept_by_enterprise_and_team_and_replaced_on_reinstall(backend: Backend) -> None:
    store = await backend.open()
    registry = store.installations
    await registry.save_bot(None, "TA", NOW, {"bot_token": "xoxb-a1"})
    await registry.save_bot(None, "TB", NOW, {"bot_token": "xoxb-b"})
    await registry.save_bot("E1", "TA", NOW, {"bot_token": "xoxb-e1-a"})  # same team id, another org
    await registry.save_bot("E1", None, NOW, {"bot_token": "xoxb-e1"})  # an org-wide install
    await registry.save_bot(None, "TA", NOW + timedelta(days=1), {"bot_token": "xoxb-a2"})  # reinstalled
    assert await registry.find_bot(None, "TA") == {"bot_token": "xoxb-a2"}
    assert await registry.find_bot("E1", "TA") == {"bot_token": "xoxb-e1-a"}
    assert await registry.find_bot("E1", None) == {"bot_token": "xoxb-e1"}
    assert await registry.find_bot(None, "TX") is None
    assert await registry.bots() == [(None, "TA"), (None, "TB"), ("E1", None), ("E1", "TA")]
    await registry.delete_bot(None, "TA")
    assert await registry.find_bot(None, "TA") is None
    await store.aclose()
    reopened = (await backend.open()).installations
    assert await reopened.bots() == [(None, "TB"), ("E1", None), ("E1", "TA")]


async def test_installations_by_user_and_the_latest_of_a_workspace(backend: Backend) -> None:
    registry = (await backend.open()).installations
    await registry.save_installation(None, "TA", "U1", NOW, {"user_id": "U1"})
    await registry.save_installation(None, "TA", "U2", NOW + timedelta(hours=1), {"user_id": "U2"})
    await registry.save_installation(None, "TB", "U1", NOW + timedelta(hours=2), {"user_id": "U1", "team": "TB"})
    assert await registry.find_installation(None, "TA") == {"user_id": "U2"}  # the latest
    assert await registry.find_installation(None, "TA", "U1") == {"user_id": "U1"}
    assert await registry.find_installation(None, "TA", "U3") is None
    await registry.save_installation(None, "TA", "U1", NOW + timedelta(hours=3), {"user_id": "U1", "again": True})
    assert await registry.find_installation(None, "TA") == {"user_id": "U1", "again": True}
    await registry.delete_installations(None, "TA", "U1")
    assert await registry.find_installation(None, "TA") == {"user_id": "U2"}
    await registry.delete_installations(None, "TA")
    assert await registry.find_installation(None, "TA") is None
    assert await registry.find_installation(None, "TB") == {"user_id": "U1", "team": "TB"}


async def test_the_registry_is_one_for_every_tenant(backend: Backend) -> None:
    if backend.name == "tinydb":
        # In the default tenant's file only; another tenant's handle refuses it rather than keep a second one.
        other = await backend.open(tenant="TA")
        with pytest.raises(StoreError, match="standardarbetsytans"):
            await other.installations.find_bot(None, "TA")
        with pytest.raises(StoreError):
            await other.oauth_states.issue("s", NOW)
        return
    default = await backend.open()
    other = await backend.open(tenant="TA")
    await default.installations.save_bot(None, "TA", NOW, {"bot_token": "xoxb-a"})
    assert await other.installations.find_bot(None, "TA") == {"bot_token": "xoxb-a"}


async def test_a_state_is_consumed_once_and_never_after_it_expires(backend: Backend) -> None:
    store = await backend.open(clock=fixed_clock(NOW))
    states = store.oauth_states
    await states.issue("s1", NOW + timedelta(minutes=10))
    await states.issue("s2", NOW - timedelta(seconds=1))
    assert await states.consume("s1") is True
    assert await states.consume("s1") is False
    assert await states.consume("s2") is False  # expired
    assert await states.consume("never-issued") is False
    await states.issue("s3", NOW + timedelta(minutes=10))
    await store.aclose()
    later = await backend.open(clock=fixed_clock(NOW + timedelta(minutes=11)))
    assert await later.oauth_states.consume("s3") is False


async def test_two_handles_consuming_one_state_at_once_get_it_once(backend: Backend) -> None:
    first = await backend.open()
    second = first if backend.name == "tinydb" else await backend.open()  # one writer per TinyDB file
    await first.oauth_states.issue("s", NOW + timedelta(days=3650))
    results = await asyncio.gather(*(h.oauth_states.consume("s") for h in (first, second, first, second)))
    assert results.count(True) == 1


OLD_BOT = {
    "app_id": "A1",
    "team_id": "TA",
    "bot_token": "xoxb-a",
    "bot_id": "B1",
    "bot_user_id": "UBOTA",
    "bot_scopes": ["chat:write"],
    "is_enterprise_install": False,
    "installed_at": NOW.timestamp(),
}


async def test_installations_kept_as_records_by_the_first_oauth_flow_move_to_the_registry(
    backend: Backend, request: pytest.FixtureRequest
) -> None:
    if backend.name == "postgres":
        empty_postgres_url = str(request.getfixturevalue("empty_postgres_url"))
        # Migration 0003 moves them: a database at version 2 holding them is upgraded.
        from store.postgres.db import connect
        from store.postgres.migrations import migrations, upgrade

        conn = await connect(empty_postgres_url)
        try:
            await conn.execute(
                "CREATE TABLE schema_version (version integer PRIMARY KEY, name text NOT NULL, "
                "applied_at timestamptz NOT NULL DEFAULT now())"
            )
            for migration in migrations()[:2]:
                await conn.execute(migration.sql.encode())
                await conn.execute("INSERT INTO schema_version VALUES (%s, %s)", (migration.version, migration.name))
            await conn.execute(
                "INSERT INTO records (tenant, kind, key, value) VALUES "
                "('default', 'slack_bot', '-:TA', %(bot)s), ('default', 'slack_installation', '-:TA', %(inst)s), "
                "('default', 'slack_oauth_state', 'st', '{}'), ('TA', 'settings', 'jury', '{}')",
                {"bot": json.dumps(OLD_BOT), "inst": json.dumps({**OLD_BOT, "user_id": "U1"})},
            )
            await upgrade(conn)
        finally:
            await conn.close()
        backend = Backend("postgres", empty_postgres_url)
    else:
        old = await backend.open()
        await old.records.put("slack_bot", "-:TA", OLD_BOT)
        await old.records.put("slack_installation", "-:TA", {**OLD_BOT, "user_id": "U1"})
        await old.records.put("slack_oauth_state", "st", {})
        await old.aclose()
    store = await backend.open()
    try:
        assert await store.installations.bots() == [(None, "TA")]
        assert await store.installations.find_bot(None, "TA") == OLD_BOT
        assert (await store.installations.find_installation(None, "TA", "U1") or {})["user_id"] == "U1"
        for kind in ("slack_bot", "slack_installation", "slack_oauth_state"):
            assert await store.records.list(kind) == []
    finally:
        await store.aclose()

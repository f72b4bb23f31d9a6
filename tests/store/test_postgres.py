"""PostgreSQL-only behaviour: several pools (as several processes would have) on one database,
the schema version check, and ``trygghetsbot db upgrade``."""

from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from store import SchemaVersionError, StoreError, open_store_async
from store.postgres import SCHEMA_VERSION, PgStore, open_postgres_store
from store.postgres import nominations as pg_nominations
from store.postgres.db import connect, pg_reason
from tests.cli.test_nominate import GOOD
from tests.postgres_server import free_port, to_url
from tests.store.conftest import NOW, event, nomination
from trygghetsbot.cli import main


async def two_stores(url: str) -> tuple[PgStore, PgStore]:
    """Two handles with pools of their own: what two bot processes on one database have."""
    return await open_postgres_store(url, max_size=4), await open_postgres_store(url, max_size=4)


async def test_two_pools_never_claim_the_same_message(postgres_url: str) -> None:
    one, two = await two_stores(postgres_url)
    try:
        items = [nomination(i) for i in range(80)]
        for n in items:
            await one.nominations.submit(n, event(n))
        claimed: list[str] = []

        async def worker(store: PgStore, name: str) -> None:
            while batch := await store.outbox.claim_due(name, NOW, lease_seconds=60, limit=3):
                claimed.extend(m.id for m in batch)
                await asyncio.sleep(0)

        await asyncio.gather(
            *(worker(store, f"{store_no}-{i}") for store_no, store in enumerate((one, two)) for i in range(4))
        )
        assert len(claimed) == len(set(claimed)) == 80
        assert await two.outbox.due(NOW) == []
    finally:
        await one.aclose()
        await two.aclose()


async def test_idempotent_submit_across_two_pools(postgres_url: str) -> None:
    one, two = await two_stores(postgres_url)
    try:
        attempts = [nomination(7, key="retried-key") for _ in range(12)]
        results = await asyncio.gather(
            *((one if i % 2 else two).nominations.submit(n, event(n)) for i, n in enumerate(attempts))
        )
        assert sum(created for _, created in results) == 1
        assert len({stored.id for stored, _ in results}) == 1
        assert len(await one.nominations.list()) == 1 and len(await two.outbox.list()) == 1
    finally:
        await one.aclose()
        await two.aclose()


async def test_listing_a_round_reads_its_index_in_order_even_when_prepared(postgres_url: str) -> None:
    """The statement of ``list(round_year=…)`` keeps the index once it is prepared (a generic plan):
    no sort of the round's rows, which on a large round spills to disk."""
    db = await open_postgres_store(postgres_url)
    try:
        for i in range(20):
            n = nomination(i)
            await db.nominations.submit(n, event(n))
    finally:
        await db.aclose()
    statement = f"{pg_nominations._SELECT} WHERE {pg_nominations._list_where(True, False, False)}"
    statement = statement.replace("%(tenant)s", "$1").replace("%(round_year)s", "$2")
    conn = await psycopg.AsyncConnection.connect(postgres_url, autocommit=True)
    try:
        # A generic plan, and no sequential scan: on a table this small the planner would prefer one.
        await conn.execute("SET plan_cache_mode = force_generic_plan")
        await conn.execute("SET enable_seqscan = off")
        await conn.execute(f"PREPARE round_list(text, integer) AS {statement}".encode())
        cur = await conn.execute("EXPLAIN EXECUTE round_list('default', 2023)")
        plan = "\n".join(str(row[0]) for row in await cur.fetchall())
    finally:
        await conn.close()
    assert "nominations_by_round" in plan and "round_year = $2" in plan, plan
    assert "Sort" not in plan, plan


async def test_dedupe_across_two_pools(postgres_url: str) -> None:
    one, two = await two_stores(postgres_url)
    try:
        results = await asyncio.gather(
            *((one if i % 2 else two).dedupe.first_time("event:Ev42", 3600) for i in range(16))
        )
        assert results.count(True) == 1
    finally:
        await one.aclose()
        await two.aclose()


async def test_a_new_outbox_message_wakes_a_listening_worker(postgres_url: str) -> None:
    one, two = await two_stores(postgres_url)
    try:
        waiting = asyncio.create_task(two.outbox.wait_for_work(10))
        await asyncio.sleep(0.3)  # let it LISTEN
        n = nomination()
        await one.nominations.submit(n, event(n))
        assert await asyncio.wait_for(waiting, 5)
        assert not await two.outbox.wait_for_work(0.2)
    finally:
        await one.aclose()
        await two.aclose()


async def test_missing_schema_is_one_clear_line(empty_postgres_url: str) -> None:
    with pytest.raises(SchemaVersionError) as refused:
        await open_store_async(empty_postgres_url)
    assert str(refused.value) == (
        f"Databasens schema är version 0, den här versionen kräver {SCHEMA_VERSION}: kör `trygghetsbot db upgrade`."
    )


async def test_newer_schema_is_refused(postgres_url: str) -> None:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_version (version, name) VALUES (99, 'future')")
    with pytest.raises(SchemaVersionError, match="version 99, nyare"):
        await open_store_async(postgres_url)


async def test_unreachable_server_is_one_line() -> None:
    with pytest.raises(StoreError) as failed:
        await open_store_async(f"postgresql://nobody:secret@127.0.0.1:{free_port()}/nothing")
    message = str(failed.value)
    assert "kan inte ansluta" in message and "secret" not in message and "\n" not in message


def test_db_upgrade_then_the_cli_runs_on_postgres(
    empty_postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRYGGHETSBOT_DATABASE_URL", empty_postgres_url)
    monkeypatch.setenv("TRYGGHETSBOT_DB", str(tmp_path / "unused.json"))
    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2023-06-15")
    monkeypatch.delenv("TRYGGHETSBOT_ROUND", raising=False)

    assert main(["nominations", "list"]) == 2
    _, err = capsys.readouterr()
    assert err.strip().splitlines() == [
        "Databasen kan inte användas: Databasens schema är version 0, den här versionen kräver "
        f"{SCHEMA_VERSION}: kör `trygghetsbot db upgrade`."
    ]
    assert main(["db", "status"]) == 1
    assert "schema version 0" in capsys.readouterr().out

    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "0001 (initial)" in out and f"version {SCHEMA_VERSION}" in out
    assert main(["db", "upgrade"]) == 0
    assert "inget att göra" in capsys.readouterr().out

    nomination_file = tmp_path / "n.json"
    nomination_file.write_text(json.dumps(GOOD, ensure_ascii=False), "utf-8")
    assert main(["nominate", "--file", str(nomination_file), "--json"]) == 0
    created = json.loads(capsys.readouterr().out)
    assert main(["nominate", "--file", str(nomination_file), "--json"]) == 0  # a retry: the same nomination
    assert json.loads(capsys.readouterr().out)["id"] == created["id"]
    assert main(["nominations", "list", "--json"]) == 0
    assert [n["id"] for n in json.loads(capsys.readouterr().out)] == [created["id"]]
    assert not (tmp_path / "unused.json").exists()


def test_db_upgrade_without_a_url_says_tinydb_needs_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRYGGHETSBOT_DATABASE_URL", raising=False)
    assert main(["db", "upgrade"]) == 0
    assert "TinyDB" in capsys.readouterr().out


def with_url_part(url: str, **parts: str) -> str:
    info = conninfo_to_dict(url)
    info.update(parts)
    return to_url(make_conninfo(**{k: str(v) for k, v in info.items() if v is not None}))


async def refusal(url: str, timeout: float = 10) -> str:
    with pytest.raises(StoreError) as failed:
        await open_store_async(url) if timeout == 10 else await connect(url, timeout=timeout)
    message = str(failed.value)
    assert "\n" not in message
    return message


async def test_the_common_driver_errors_are_said_in_swedish(postgres_url: str) -> None:
    refused = await refusal(f"postgresql://nobody@127.0.0.1:{free_port()}/nothing")
    assert "servern svarar inte på adressen (anslutningen nekades)" in refused and "refused" not in refused
    missing = await refusal(with_url_part(postgres_url, dbname="finns_inte"))
    assert "databasen ”finns_inte” finns inte på servern" in missing and "does not exist" not in missing
    stranger = await refusal(with_url_part(postgres_url, user="okand_roll", password="hemligt"))
    assert "inloggningen nekades (fel användare eller lösenord)" in stranger and "hemligt" not in stranger
    assert "role" not in stranger and "authentication failed" not in stranger


async def test_a_server_that_never_answers_is_a_timeout_in_swedish() -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts the connection and then says nothing
    try:
        message = await refusal(f"postgresql://nobody@127.0.0.1:{silent.getsockname()[1]}/nothing", timeout=2)
    finally:
        silent.close()
    assert "servern svarade inte i tid" in message and "timeout" not in message


def test_authentication_failures_and_unknown_hosts_are_said_in_swedish() -> None:
    password = psycopg.OperationalError('connection failed: FATAL:  password authentication failed for user "bot"')
    assert pg_reason(password) == "inloggningen nekades (fel användare eller lösenord)"
    host = psycopg.OperationalError('failed to resolve host "dbb": [Errno -2] Name or service not known')
    assert pg_reason(host) == "servernamnet finns inte (kontrollera värden i adressen)"
    other = psycopg.OperationalError("SSL SYSCALL error: EOF detected")
    assert pg_reason(other) == "PostgreSQL svarade: SSL SYSCALL error: EOF detected"

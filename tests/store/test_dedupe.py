"""TinyDB delivery dedupe: flat cost per key, time buckets deleted whole, nothing acknowledged lost.

The contract (once per key until it expires, across a reopen) is in test_contract.py for both backends;
these are the embedded store's own guarantees (issue 17, point 11).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from store import StoreCorruptError, StoreError, open_store
from store.engine import Engine
from tests.store.conftest import FakeClock

TTL = 3600.0


def bucket_files(db: Path) -> list[Path]:
    return sorted(db.with_name(f"{db.stem}.dedupe").glob("*.jsonl"))


async def test_a_new_key_never_rewrites_the_main_file(tmp_path: Path) -> None:
    """The main file holds the conversations: a Slack event must not write it again."""
    db = tmp_path / "db.json"
    with open_store(db, clock=FakeClock()) as store:
        assert await store.dedupe.first_time("slack-event:Ev0", TTL)
        before = (db.stat().st_ino, db.stat().st_mtime_ns, db.read_bytes())
        for n in range(1, 50):
            assert await store.dedupe.first_time(f"slack-event:Ev{n}", TTL)
        assert (db.stat().st_ino, db.stat().st_mtime_ns, db.read_bytes()) == before


async def test_each_key_appends_one_short_line_however_many_are_kept(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    with open_store(db, clock=FakeClock()) as store:
        for n in range(2000):
            await store.dedupe.first_time(f"slack-event:Ev{n:06d}", TTL)
        [bucket] = bucket_files(db)
        size = bucket.stat().st_size
        await store.dedupe.first_time("slack-event:Ev999999", TTL)
        assert 0 < bucket.stat().st_size - size < 120


async def test_expired_buckets_are_deleted_whole_and_live_ones_kept(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    clock = FakeClock()
    with open_store(db, clock=clock) as store:
        assert await store.dedupe.first_time("old", 60)
        clock.advance(20 * 60)  # "old" expired 19 minutes ago: its 10-minute bucket has ended
        assert await store.dedupe.first_time("new", 60)
        assert len(bucket_files(db)) == 1
        assert not await store.dedupe.first_time("new", 60)
    with open_store(db, clock=clock) as store:
        assert not await store.dedupe.first_time("new", 60)
        assert await store.dedupe.first_time("old", 60)


async def test_a_bucket_that_expired_while_stopped_is_deleted_at_start(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    clock = FakeClock()
    with open_store(db, clock=clock) as store:
        await store.dedupe.first_time("a", 60)
    clock.advance(3 * 3600)
    with open_store(db, clock=clock) as store:
        assert await store.dedupe.first_time("b", 60)
        assert len(bucket_files(db)) == 1


async def test_a_torn_last_line_from_a_crash_is_dropped_and_the_rest_kept(tmp_path: Path) -> None:
    """A line without its newline was never acknowledged (the fsync comes after the whole line)."""
    db = tmp_path / "db.json"
    clock = FakeClock()
    with open_store(db, clock=clock) as store:
        assert await store.dedupe.first_time("kept", TTL)
    [bucket] = bucket_files(db)
    with bucket.open("ab") as handle:
        handle.write(b'{"key":"torn","expi')
    with open_store(db, clock=clock) as store:
        assert not await store.dedupe.first_time("kept", TTL)
        assert await store.dedupe.first_time("after", TTL)
    assert bucket.read_bytes().endswith(b"\n") and b"torn" not in bucket.read_bytes()
    with open_store(db, clock=clock) as store:
        assert not await store.dedupe.first_time("after", TTL)


async def test_a_damaged_line_inside_a_bucket_is_reported_and_the_file_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    clock = FakeClock()
    with open_store(db, clock=clock) as store:
        await store.dedupe.first_time("a", TTL)
    [bucket] = bucket_files(db)
    damaged = b"not json\n" + bucket.read_bytes()
    bucket.write_bytes(damaged)
    with open_store(db, clock=clock) as store, pytest.raises(StoreCorruptError, match="dedupe"):
        await store.dedupe.first_time("b", TTL)
    assert bucket.read_bytes() == damaged


async def test_a_read_only_store_refuses_to_record_a_key(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    open_store(db).close()
    with open_store(db, read_only=True) as store, pytest.raises(StoreError, match="bara för läsning"):
        await store.dedupe.first_time("a", TTL)
    assert bucket_files(db) == []


async def test_keys_kept_in_the_main_file_by_an_earlier_version_still_count(tmp_path: Path) -> None:
    """After an upgrade a retry of an event handled just before it is still dropped."""
    db = tmp_path / "db.json"
    clock = FakeClock()
    engine = Engine(db)
    engine.open()
    main = engine.main_db()
    live, expired = (clock() + timedelta(seconds=TTL / 2)).isoformat(), clock().isoformat()
    engine.write_batch(
        main,
        lambda: main.table("dedupe").insert_multiple(
            [{"key": "legacy-live", "expires_at": live}, {"key": "legacy-expired", "expires_at": expired}]
        ),
    )
    engine.close()
    with open_store(db, clock=clock) as store:
        assert not await store.dedupe.first_time("legacy-live", TTL)
        assert await store.dedupe.first_time("legacy-expired", TTL)
    assert b"legacy" not in db.read_bytes()  # moved into the bucket files, once
    with open_store(db, clock=clock) as store:
        assert not await store.dedupe.first_time("legacy-live", TTL)


WRITER = textwrap.dedent(
    """
    import asyncio, sys
    from store import open_store

    async def main() -> None:
        db = open_store(sys.argv[1])
        i = 0
        while True:
            key = f"slack-event:{sys.argv[2]}-{i}"
            if await db.dedupe.first_time(key, 3600):
                print(key, flush=True)  # acknowledged only after first_time returned
            i += 1

    asyncio.run(main())
    """
)


def run_and_kill(db: Path, run: int, acks_before_kill: int) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(run)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.stdout is not None
    acked: list[str] = []
    try:
        while len(acked) < acks_before_kill:
            line = child.stdout.readline()
            assert line, "writer died early"
            acked.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)  # lands at an arbitrary point of an append
        child.wait(timeout=10)
        acked.extend(line.strip() for line in child.stdout.read().splitlines() if line.strip())
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    return acked


async def test_sigkill_mid_append_loses_no_acknowledged_key(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    acked: list[str] = []
    for run, acks in enumerate((30, 60)):
        acked += run_and_kill(db, run, acks)
        with open_store(db) as store:
            lost = [key for key in acked if await store.dedupe.first_time(key, 3600)]
        assert not lost, f"{len(lost)} acknowledged keys were lost"

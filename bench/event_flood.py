"""A flood of Slack events on TinyDB, and /healthz beside a big outbox (issue 17, points 10 and 11).

    .venv/bin/python bench/event_flood.py [--events 20000] [--concurrency 20] [--code DIR]
                                          [--outbox 10000,50000] [--skip-flood] [--skip-health]

1. Event flood: ``python -m trygghetsbot serve`` on a fresh TinyDB database, talking to a fake
   Slack Web API started here (tests/e2e/fakeslack.py), gets ``--events`` signed ``event_callback``
   deliveries (a DM with one of the real questions, each with its own ``event_id``, from 100 users),
   ``--concurrency`` at a time, in blocks of 1 000. Every delivery goes through the event dedupe
   (``store.dedupe.first_time``) before it is acknowledged; the answer is posted to the fake Slack
   in the background. Printed: each block's throughput and p99, and the first block beside the
   last. ``--code DIR`` runs ``serve`` from another checkout (e.g. the code before this change)
   so both can be compared on one machine.
2. /healthz: a TinyDB store (and a PostgreSQL one when the server binaries are there:
   tests/postgres_server.py) with N outbox messages, all pending but 10; the time of the store
   part of the health check as it was (every outbox row read to count the pending ones) and as it
   is (``outbox.count_pending``), median of 7 calls each, the store warm (as in a serving process).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from _common import QUESTIONS, ROOT, bot_env, free_port, header, load, report, signed, wait_healthy

from bot.outbox.model import OutboxMessage
from store import Store, open_store_async
from store.engine import Engine
from store.nominations import NOMINATIONS
from store.outbox import OUTBOX
from tests.e2e.fakeslack import FakeSlack
from tests.store.conftest import NOW, event, nomination

BLOCK = 1000
WIDTH = 26


def dm_event(n: int) -> tuple[str, dict[str, str]]:
    """The n-th delivery: a DM question with its own event id."""
    user = f"U{n % 100}"
    ts = f"{1_700_000_000 + n}.000100"
    envelope = {
        "token": "legacy",
        "team_id": "T1",
        "api_app_id": "A1",
        "type": "event_callback",
        "event_id": f"EvFlood{n:08d}",
        "event_time": int(time.time()),
        "event": {
            "type": "message",
            "channel_type": "im",
            "user": user,
            "text": QUESTIONS[n % len(QUESTIONS)],
            "ts": ts,
            "channel": f"D{user}",
            "event_ts": ts,
        },
        "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
    }
    body, headers = signed(json.dumps(envelope))
    return body, {**headers, "Content-Type": "application/json"}


def acknowledged(status: int, text: str) -> bool:
    return status == 200


async def flood(args: argparse.Namespace) -> None:
    fake = await FakeSlack().start()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = bot_env(fake.api_url, SLACK_BOT_USER_ID="UBOT", TRYGGHETSBOT_DB=str(Path(tmp) / "db.json"))
        code = str(Path(args.code).resolve()) if args.code else str(ROOT)
        env["PYTHONPATH"] = code
        command = [sys.executable, "-m", "trygghetsbot", "serve", "--host", "127.0.0.1", "--port", str(port)]
        serve = subprocess.Popen(command, env=env, cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}"
            await wait_healthy(url)
            print(f"{args.events} signed DM events, {args.concurrency} concurrent, serve from {code}, TinyDB")
            header("block of 1 000", WIDTH)
            figures: list[tuple[float, float]] = []
            for start in range(0, args.events, BLOCK):
                size = min(BLOCK, args.events - start)
                result = await load([url], size, args.concurrency, lambda n, s=start: dm_event(s + n), acknowledged)
                figures.append(report(f"events {start + 1}-{start + size}", *result, width=WIDTH))
            first, last = figures[0], figures[-1]
            print(
                f"first 1 000: {first[0]:.0f} req/s (p99 {first[1]:.1f} ms); last 1 000: {last[0]:.0f} req/s"
                f" (p99 {last[1]:.1f} ms); last/first {last[0] / first[0]:.0%}"
                f" ({'within' if last[0] >= 0.8 * first[0] else 'NOT within'} 20 %)"
            )
            dedupe = Path(tmp) / "db.dedupe"
            files = sorted(dedupe.glob("*.jsonl")) if dedupe.is_dir() else []
            print(
                f"main file {(Path(tmp) / 'db.json').stat().st_size / 1e6:.2f} MB; dedupe bucket files:"
                f" {len(files)}, {sum(f.stat().st_size for f in files) / 1e6:.2f} MB"
            )
        finally:
            serve.terminate()
            try:
                serve.wait(timeout=15)
            except subprocess.TimeoutExpired:
                serve.kill()
            await fake.stop()


# --- /healthz beside a big outbox ------------------------------------------------------------


async def old_health(store: Store) -> int:
    """What /healthz did before: every outbox row read to count the pending ones."""
    return sum(1 for message in await store.outbox.list() if message.status == "pending")


async def new_health(store: Store) -> int:
    return await store.outbox.count_pending()


async def timed(call: Callable[[Store], Awaitable[int]], store: Store, expected: int) -> float:
    times = []
    for _ in range(7):
        began = time.perf_counter()
        assert await call(store) == expected
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def fill_tinydb(path: Path, rows: int) -> None:
    """``rows`` nominations with their outbox messages, written shard by shard (fast, not through submit)."""
    engine = Engine(path)
    engine.open()
    shards: dict[Path, list[tuple[dict[str, object], dict[str, object]]]] = {}
    for i in range(rows):
        n = nomination(i)
        message = event(n)
        if i < 10:
            message = message.model_copy(update={"status": "sent", "sent_at": NOW})
        shards.setdefault(engine.shard_path(n.round_year, n.id), []).append(
            (n.model_dump(mode="json"), message.model_dump(mode="json", exclude={"claimed_by", "lease_until"}))
        )
    for file, docs in shards.items():
        db = engine.shard(file)
        engine.write_batch(
            db,
            lambda db=db, docs=docs: (  # type: ignore[misc]
                db.table(NOMINATIONS).insert_multiple([d for d, _ in docs]),
                db.table(OUTBOX).insert_multiple([m for _, m in docs]),
            ),
        )
    engine.close()


async def fill_postgres(store: Store, rows: int) -> None:
    async def one(i: int) -> None:
        n = nomination(i)
        message: OutboxMessage = event(n)
        await store.nominations.submit(n, message)
        if i < 10:
            await store.outbox.mark_sent(message.id, NOW)

    for start in range(0, rows, 500):
        await asyncio.gather(*(one(i) for i in range(start, min(rows, start + 500))))


async def health(args: argparse.Namespace) -> None:
    from tests.postgres_server import ServerUnavailable, start_server

    sizes = [int(size) for size in args.outbox.split(",")]
    print("\n/healthz store part, median of 7 calls, warm store: before (read all rows) vs after (count)")
    print(f"{'backend':<12}{'outbox rows':>12}{'before ms':>12}{'after ms':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"db{size}.json"
            fill_tinydb(path, size)
            store = await open_store_async(path)
            await store.outbox.count_pending()  # a serving process has its outbox in memory
            before = await timed(old_health, store, size - 10)
            after = await timed(new_health, store, size - 10)
            print(f"{'TinyDB':<12}{size:>12}{before * 1000:>12.2f}{after * 1000:>12.3f}", flush=True)
            await store.aclose()
    try:
        server = start_server(durable=True)
    except ServerUnavailable as error:
        print(f"PostgreSQL skipped: {error}")
        return
    try:
        for size in sizes:
            store = await open_store_async(server.create_database())
            await fill_postgres(store, size)
            before = await timed(old_health, store, size - 10)
            after = await timed(new_health, store, size - 10)
            print(f"{'PostgreSQL':<12}{size:>12}{before * 1000:>12.2f}{after * 1000:>12.3f}", flush=True)
            await store.aclose()
    finally:
        server.stop()


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--code", help="run serve from this checkout (default: this one)")
    parser.add_argument("--outbox", default="10000,50000", help="outbox sizes for the /healthz figures")
    parser.add_argument("--skip-flood", action="store_true")
    parser.add_argument("--skip-health", action="store_true")
    args = parser.parse_args()
    if args.events < 1 or args.concurrency < 1:
        parser.error("--events and --concurrency must be >= 1")
    if not args.skip_flood:
        await flood(args)
    if not args.skip_health:
        await health(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))

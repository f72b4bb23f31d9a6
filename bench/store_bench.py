"""Store benchmark: insert and query latency at 100, 1 000 and 10 000 nominations, on TinyDB and PostgreSQL.

    .venv/bin/python bench/store_bench.py [--sizes 100,1000,10000] [--samples 200] [--no-baseline] [--dir DIR]
                                          [--backend tinydb|postgres|both] [--pg-sizes 10000,100000]

PostgreSQL runs on a throwaway server started here (tests/postgres_server.py, fsync on, like
TinyDB's writes) unless TRYGGHETSBOT_TEST_DATABASE_URL names one; each size is a fresh database
filled in bulk (one transaction, pipelined), then ``--samples`` inserts are timed through the
repository, as for TinyDB.

For each size a fresh database is filled to that size through the repository
(each insert is a real atomic, fsynced write of a nomination and its outbox
message), then ``--samples`` more inserts and a set of queries are timed.

The baseline is what plain TinyDB does with everything in one file: the same
atomic storage, one file, ``table.insert`` at that size. It shows why the store
shards files (see ``store/engine.py``). Figures are milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tinydb import TinyDB

from bot.nominations.model import Nomination, Nominator, OutboxMessage
from store import open_store
from store.atomic import AtomicJSONStorage

NOW = datetime(2023, 6, 15, 12, tzinfo=ZoneInfo("Europe/Stockholm"))
NOMINATORS = 500


def make(i: int) -> tuple[Nomination, OutboxMessage]:
    n = Nomination(
        nominee=f"Trygghetsinsats nummer {i}",
        partners=["Polisen", "Stadsdelsförvaltningen", f"Förening {i % 40}"],
        description="Nattvandringar, läxhjälp och samtal med unga i centrum varje helg. " * 6,
        added_value="Föreningar och myndigheter gör gemensamma kvällar utöver sina ordinarie uppdrag. " * 3,
        innovation="En ny modell för samverkan mellan civilsamhälle och myndigheter.",
        results="Färre anmälda brott och fler unga i föreningslivet.",
        round_year=2023,
        status="submitted",
        nominator=Nominator(name=f"Person {i % NOMINATORS}", email=f"p{i % NOMINATORS}@example.se"),
        created_at=NOW,
        updated_at=NOW,
        submitted_at=NOW,
        idempotency_key=f"bench-{i}",
    )
    event = OutboxMessage(
        kind="nomination_submitted", nomination_id=n.id, round_year=2023, created_at=NOW, next_attempt_at=NOW
    )
    return n, event


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


async def timed(call: Callable[[], Awaitable[object]], times: int) -> list[float]:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - start)
    return samples


async def bench_store(size: int, samples: int, directory: Path) -> dict[str, tuple[float, float]]:
    results: dict[str, tuple[float, float]] = {}
    with open_store(directory / "db.json") as db:
        ids = []
        for i in range(size):
            n, event = make(i)
            await db.nominations.submit(n, event)
            ids.append(n.id)
        inserts = []
        for i in range(size, size + samples):
            n, event = make(i)
            start = time.perf_counter()
            await db.nominations.submit(n, event)
            inserts.append(time.perf_counter() - start)
        results["insert (submit + outbox)"] = percentiles(inserts)
        rng = random.Random(1)
        results["get by id"] = percentiles(await timed(lambda: db.nominations.get(rng.choice(ids)), samples))
        key = make(0)[0].nominator.key
        few = max(10, samples // 10)
        results["list one nominator's"] = percentiles(
            await timed(lambda: db.nominations.list(round_year=2023, nominator_key=key), few)
        )
        results["list whole round"] = percentiles(await timed(lambda: db.nominations.list(round_year=2023), few))
        results["outbox due"] = percentiles(await timed(lambda: db.outbox.due(NOW, limit=50), few))
    return results


def bench_single_file(size: int, samples: int, directory: Path) -> tuple[float, float]:
    """Plain TinyDB, one file: fill directly, then time inserts through TinyDB."""
    path = directory / "single.json"
    docs = {str(i + 1): make(i)[0].model_dump(mode="json") for i in range(size)}
    path.write_text(json.dumps({"nominations": docs}), "utf-8")
    db = TinyDB(storage=lambda: AtomicJSONStorage(path))
    table = db.table("nominations")
    times = []
    for i in range(size, size + samples):
        doc = make(i)[0].model_dump(mode="json")
        start = time.perf_counter()
        table.insert(doc)
        times.append(time.perf_counter() - start)
    db.close()
    return percentiles(times)


async def bench_postgres(url: str, size: int, samples: int) -> dict[str, tuple[float, float]]:
    from store import open_store_async
    from store.postgres.db import connect
    from store.postgres.nominations import _UPSERT, to_row
    from store.postgres.outbox import INSERT_MESSAGE, message_row

    conn = await connect(url)
    try:
        for first in range(0, size, 5000):  # bulk, in batches: executemany pipelines each batch
            pairs = [make(i) for i in range(first, min(first + 5000, size))]
            async with conn.transaction(), conn.cursor() as cursor:
                await cursor.executemany(_UPSERT, [to_row("default", n) for n, _ in pairs])
                await cursor.executemany(INSERT_MESSAGE, [message_row("default", event) for _, event in pairs])
    finally:
        await conn.close()
    results: dict[str, tuple[float, float]] = {}
    db = await open_store_async(url)
    try:
        inserts = []
        for i in range(size, size + samples):
            n, event = make(i)
            start = time.perf_counter()
            await db.nominations.submit(n, event)
            inserts.append(time.perf_counter() - start)
        results["insert (submit + outbox)"] = percentiles(inserts)
        key = make(0)[0].nominator.key
        few = max(10, samples // 10)
        results["list one nominator's"] = percentiles(
            await timed(lambda: db.nominations.list(round_year=2023, nominator_key=key), few)
        )
        results["outbox due"] = percentiles(await timed(lambda: db.outbox.due(NOW, limit=50), few))
    finally:
        await db.aclose()
    return results


def run_postgres(sizes: list[int], samples: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.postgres_server import start_server

    server = start_server(durable=True)
    try:
        for size in sizes:
            url = server.create_database()
            start = time.perf_counter()
            results = asyncio.run(bench_postgres(url, size, samples))
            for name, (p50, p99) in results.items():
                print(f"{size:>6}  {'pg ' + name:<26} {p50:>8.2f} {p99:>8.2f}")
            print(f"{size:>6}  (PostgreSQL run took {time.perf_counter() - start:.1f} s)", flush=True)
            server.drop_database(url)
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--dir", help="Where to put the databases (default: the system's temp folder).")
    parser.add_argument("--backend", choices=("tinydb", "postgres", "both"), default="both")
    parser.add_argument("--pg-sizes", default="10000,100000")
    args = parser.parse_args()
    sizes = [int(part) for part in args.sizes.split(",")] if args.backend != "postgres" else []
    print(f"{'size':>6}  {'operation':<26} {'p50 ms':>8} {'p99 ms':>8}")
    if args.backend != "tinydb":
        run_postgres([int(part) for part in args.pg_sizes.split(",")], args.samples)
    for size in sizes:
        with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
            start = time.perf_counter()
            results = asyncio.run(bench_store(size, args.samples, Path(tmp)))
            fill = time.perf_counter() - start
            for name, (p50, p99) in results.items():
                print(f"{size:>6}  {name:<26} {p50:>8.2f} {p99:>8.2f}")
            if not args.no_baseline:
                p50, p99 = bench_single_file(size, min(args.samples, 30), Path(tmp))
                print(f"{size:>6}  {'baseline: one-file insert':<26} {p50:>8.2f} {p99:>8.2f}")
            print(f"{size:>6}  (run took {fill:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Store benchmark: insert and query latency on TinyDB and PostgreSQL, side by side, in one run.

    .venv/bin/python bench/store_bench.py [--backend tinydb|postgres|both] [--sizes 10000,100000]
                                          [--samples 200] [--query-samples 10] [--tinydb-budget 120]
                                          [--no-baseline] [--dir DIR]

For each size, each backend gets a fresh database holding that many nominations (each with its
outbox message), then ``--samples`` more inserts are timed through the repository
(``store.nominations.submit(nomination, event)``: the nomination and its outbox message in one
atomic write or transaction), and a few queries: get by id, list one nominator's, list the whole
round, outbox due. Figures are milliseconds, p50 and p99.

TinyDB is filled through the repository (every insert a real atomic, fsynced write), as the bot
fills it. That takes minutes at 100 000, so a TinyDB size whose fill would exceed
``--tinydb-budget`` seconds (projected from the previous size, or reached while filling) is
skipped with the reason printed.

PostgreSQL runs on a throwaway server started here with ``tests/postgres_server.py`` (initdb and
pg_ctl, as the ``postgres`` user when run as root; fsync on, like TinyDB's writes) unless
TRYGGHETSBOT_TEST_DATABASE_URL names one. Each size is filled in bulk (psycopg ``executemany``,
pipelined, 5 000 rows a transaction), not through the repository; the timed inserts and queries
go through ``open_store_async(url)``.

The baseline is what plain TinyDB does with everything in one file: the same atomic storage,
one file, ``table.insert`` at that size. It shows why the TinyDB store shards files
(see ``store/engine.py``).
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.nominations.model import Nomination, Nominator  # noqa: E402
from bot.outbox.model import OutboxMessage  # noqa: E402
from store import open_store, open_store_async  # noqa: E402
from store.atomic import AtomicJSONStorage  # noqa: E402
from store.base import Store  # noqa: E402

NOW = datetime(2023, 6, 15, 12, tzinfo=ZoneInfo("Europe/Stockholm"))
NOMINATORS = 500
BATCH = 5000
# Each query is timed at most this long (it stops earlier after --query-samples runs).
QUERY_SECONDS = 10.0
BASELINE_SECONDS = 20.0

Results = dict[str, tuple[float, float]]


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


async def timed(call: Callable[[], Awaitable[object]], times: int, seconds: float = QUERY_SECONDS) -> list[float]:
    """Up to ``times`` runs of ``call``, fewer if they take longer than ``seconds`` (at least one)."""
    samples: list[float] = []
    deadline = time.monotonic() + seconds
    while len(samples) < times and (not samples or time.monotonic() < deadline):
        start = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - start)
    return samples


async def measure(db: Store, size: int, args: argparse.Namespace) -> Results:
    """Time ``--samples`` inserts through the repository, then the queries."""
    results: Results = {}
    inserts = []
    ids = []
    for i in range(size, size + args.samples):
        n, event = make(i)
        start = time.perf_counter()
        await db.nominations.submit(n, event)
        inserts.append(time.perf_counter() - start)
        ids.append(n.id)
    results["insert (submit + outbox)"] = percentiles(inserts)
    rng = random.Random(1)
    results["get by id"] = percentiles(await timed(lambda: db.nominations.get(rng.choice(ids)), args.query_samples))
    key = make(0)[0].nominator.key
    results["list by nominator"] = percentiles(
        await timed(lambda: db.nominations.list(round_year=2023, nominator_key=key), args.query_samples)
    )
    results["list by round"] = percentiles(
        await timed(lambda: db.nominations.list(round_year=2023), args.query_samples)
    )
    results["outbox due (limit 50)"] = percentiles(
        await timed(lambda: db.outbox.due(NOW, limit=50), args.query_samples)
    )
    return results


async def bench_tinydb(size: int, args: argparse.Namespace, directory: Path) -> tuple[Results | str, float]:
    """Results, or why there are none; and the seconds the fill took."""
    began = time.perf_counter()
    with open_store(directory / "db.json") as db:
        for i in range(size):
            n, event = make(i)
            await db.nominations.submit(n, event)
            if i % 500 == 0 and time.perf_counter() - began > args.tinydb_budget:
                return f"skipped: filling reached {i} in {time.perf_counter() - began:.0f} s (--tinydb-budget)", 0.0
        fill = time.perf_counter() - began
        return await measure(db, size, args), fill


def bench_single_file(size: int, samples: int, directory: Path) -> tuple[float, float]:
    """Plain TinyDB, one file: fill directly, then time inserts through TinyDB."""
    path = directory / "single.json"
    docs = {str(i + 1): make(i)[0].model_dump(mode="json") for i in range(size)}
    path.write_text(json.dumps({"nominations": docs}), "utf-8")
    db = TinyDB(storage=lambda: AtomicJSONStorage(path))
    table = db.table("nominations")
    times: list[float] = []
    deadline = time.monotonic() + BASELINE_SECONDS
    for i in range(size, size + samples):
        if times and time.monotonic() > deadline:
            break
        doc = make(i)[0].model_dump(mode="json")
        start = time.perf_counter()
        table.insert(doc)
        times.append(time.perf_counter() - start)
    db.close()
    return percentiles(times)


async def bench_postgres(url: str, size: int, args: argparse.Namespace) -> tuple[Results, float]:
    from store.postgres.db import connect
    from store.postgres.nominations import _UPSERT, to_row
    from store.postgres.outbox import INSERT_MESSAGE, message_row

    began = time.perf_counter()
    conn = await connect(url)
    try:
        for first in range(0, size, BATCH):  # bulk, in batches: executemany pipelines each batch
            pairs = [make(i) for i in range(first, min(first + BATCH, size))]
            async with conn.transaction(), conn.cursor() as cursor:
                await cursor.executemany(_UPSERT, [to_row("default", n) for n, _ in pairs])
                await cursor.executemany(INSERT_MESSAGE, [message_row("default", event) for _, event in pairs])
        await conn.execute("ANALYZE")
    finally:
        await conn.close()
    fill = time.perf_counter() - began
    db = await open_store_async(url)
    try:
        return await measure(db, size, args), fill
    finally:
        await db.aclose()


def print_size(size: int, columns: dict[str, Results | str]) -> None:
    names = list(columns)
    print(f"\n{size} stored nominations, ms p50 / p99")
    print(f"  {'operation':<28}" + "".join(f"{name:>22}" for name in names))
    operations: list[str] = []
    for value in columns.values():
        if not isinstance(value, str):
            operations += [op for op in value if op not in operations]
    for op in operations:
        cells = []
        for value in columns.values():
            if isinstance(value, str) or op not in value:
                cells.append(f"{'-':>22}")
            else:
                p50, p99 = value[op]
                cells.append(f"{f'{p50:.2f} / {p99:.2f}':>22}")
        print(f"  {op:<28}" + "".join(cells))
    for name, value in columns.items():
        if isinstance(value, str):
            print(f"  {name}: {value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=("tinydb", "postgres", "both"), default="both")
    parser.add_argument("--sizes", default="10000,100000", help="Stored nominations, comma-separated.")
    parser.add_argument("--samples", type=int, default=200, help="Timed inserts per size and backend.")
    parser.add_argument("--query-samples", type=int, default=10, help="Timed runs per query (at most 10 s each).")
    parser.add_argument(
        "--tinydb-budget", type=float, default=120.0, help="Skip a TinyDB size whose fill takes longer (seconds)."
    )
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--dir", help="Where to put the TinyDB databases (default: the system's temp folder).")
    args = parser.parse_args()
    sizes = sorted(int(part.replace("_", "")) for part in args.sizes.split(","))
    if min(sizes) < 0 or args.samples < 1 or args.query_samples < 1:
        parser.error("sizes must be >= 0, samples >= 1")

    server = None
    pg_reason = ""
    if args.backend != "tinydb":
        from tests.postgres_server import ServerUnavailable, start_server

        try:
            server = start_server(durable=True)
        except ServerUnavailable as error:
            pg_reason = f"skipped: no PostgreSQL server ({error})"
    print(f"{args.samples} timed inserts per size and backend; TinyDB fsyncs every write, PostgreSQL runs fsync on")
    tiny_rate: float | None = None  # seconds per nomination of the last TinyDB fill
    try:
        for size in sizes:
            columns: dict[str, Results | str] = {}
            fills: list[str] = []
            if args.backend != "postgres":
                projected = tiny_rate * size if tiny_rate is not None else 0.0
                if projected > args.tinydb_budget:
                    columns["TinyDB"] = (
                        f"skipped: filling through the repository would take about {projected:.0f} s"
                        f" (measured at the previous size; --tinydb-budget {args.tinydb_budget:.0f} s)"
                    )
                else:
                    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
                        tiny, fill = asyncio.run(bench_tinydb(size, args, Path(tmp)))
                        columns["TinyDB"] = tiny
                        if not isinstance(tiny, str):
                            tiny_rate = fill / max(size, 1)
                            fills.append(f"TinyDB fill {fill:.1f} s")
                            if not args.no_baseline:
                                p50, p99 = bench_single_file(size, min(args.samples, 30), Path(tmp))
                                tiny["baseline: one-file insert"] = (p50, p99)
            if args.backend != "tinydb":
                if server is None:
                    columns["PostgreSQL"] = pg_reason
                else:
                    url = server.create_database()
                    try:
                        pg, fill = asyncio.run(bench_postgres(url, size, args))
                    finally:
                        server.drop_database(url)
                    columns["PostgreSQL"] = pg
                    fills.append(f"PostgreSQL bulk fill {fill:.1f} s")
            print_size(size, columns)
            if fills:
                print("  (" + ", ".join(fills) + ")", flush=True)
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

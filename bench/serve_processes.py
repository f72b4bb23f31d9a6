"""Serve throughput on one database: 1 process on TinyDB, 1 and 2 processes on PostgreSQL, in one run.

    .venv/bin/python bench/serve_processes.py [--requests 600] [--concurrency 20]

Each request is a signed ``view_submission`` of the nomination form: a real write (the
nomination and its outbox message in one transaction or atomic file write), acknowledged
when stored; the outbox worker then posts to the fake Slack started here. With two
processes the requests alternate between them. PostgreSQL runs on a throwaway server
(tests/postgres_server.py, fsync on) unless TRYGGHETSBOT_TEST_DATABASE_URL names one.
Figures: requests per second and acknowledgement latency; 2 cores, client, servers and
database on one machine, so two processes share the same two cores.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.fakeslack import FakeSlack  # noqa: E402
from tests.e2e.signing import signature  # noqa: E402
from tests.e2e.test_nominations import VALID  # noqa: E402
from tests.postgres_server import start_server  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from slack_load import wait_healthy  # noqa: E402

SECRET = "bench-secret"
_ids = itertools.count(1)


def submission(n: int) -> tuple[str, dict[str, str]]:
    values = {**VALID, "nominee": f"Benchinsats {n}"}
    state = {key: {key: {"type": "plain_text_input", "value": value}} for key, value in values.items()}
    payload = {
        "type": "view_submission",
        "team": {"id": "T1"},
        "user": {"id": f"U{n % 500}", "name": "bench"},
        "view": {"id": f"V{n}", "type": "modal", "callback_id": "nomination_modal", "state": {"values": state}},
    }
    body = urlencode({"payload": json.dumps(payload)})
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature(SECRET, timestamp, body),
    }
    return body, headers


async def load(urls: list[str], total: int, concurrency: int) -> tuple[list[float], float, int]:
    latencies: list[float] = []
    errors = 0
    numbers = iter(range(total))
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

        async def worker(index: int) -> None:
            nonlocal errors
            url = urls[index % len(urls)]
            for _ in numbers:
                body, headers = submission(next(_ids))
                start = time.perf_counter()
                async with session.post(url + "/slack/events", data=body, headers=headers) as response:
                    await response.read()
                    if response.status != 200:
                        errors += 1
                latencies.append(time.perf_counter() - start)

        began = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(concurrency)))
        elapsed = time.perf_counter() - began
    return latencies, elapsed, errors


def start_serve(env: dict[str, str], cwd: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "trygghetsbot", "serve", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def measure(name: str, env: dict[str, str], processes: int, args: argparse.Namespace, cwd: str) -> None:
    from tests.postgres_server import free_port

    ports = [free_port() for _ in range(processes)]
    started = [start_serve(env, cwd, port) for port in ports]
    try:
        urls = [f"http://127.0.0.1:{port}" for port in ports]
        for url in urls:
            await wait_healthy(url)
        await load(urls, 50, args.concurrency)  # warm-up
        latencies, elapsed, errors = await load(urls, args.requests, args.concurrency)
        ordered = sorted(latencies)
        p50 = statistics.median(ordered) * 1000
        p99 = ordered[max(0, int(len(ordered) * 0.99) - 1)] * 1000
        print(f"{name:<30}{len(ordered) / elapsed:>10.0f}{p50:>10.1f}{p99:>10.1f}{errors:>8}", flush=True)
    finally:
        for process in started:
            process.terminate()
            process.wait(timeout=10)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()
    fake = await FakeSlack().start()
    server = start_server(durable=True)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            base = {
                **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "JURY_", "TRYGGHETSBOT_"))},
                "SLACK_BOT_TOKEN": "xoxb-bench",
                "SLACK_SIGNING_SECRET": SECRET,
                "SLACK_API_URL": fake.api_url,
                "JURY_CHANNEL_IDS": "CJURY",
                "TRYGGHETSBOT_NOW": "2023-06-15",
            }
            print(f"{args.requests} signed nomination submissions, {args.concurrency} concurrent, 127.0.0.1")
            print(f"{'setup':<30}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
            tiny = {**base, "TRYGGHETSBOT_DB": str(Path(tmp) / "db.json")}
            await measure("TinyDB, 1 process", tiny, 1, args, tmp)
            for processes in (1, 2):
                url = server.create_database()
                await measure(
                    f"PostgreSQL, {processes} process(es)",
                    {**base, "TRYGGHETSBOT_DATABASE_URL": url},
                    processes,
                    args,
                    tmp,
                )
                server.drop_database(url)
    finally:
        server.stop()
        await fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))

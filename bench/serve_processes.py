"""Serve throughput on one database: 1 process on TinyDB, 1 and 2 processes on PostgreSQL, in one run.

    .venv/bin/python bench/serve_processes.py [--requests 2000] [--submissions 400] [--concurrency 20]

Every setup runs ``python -m trygghetsbot serve --host 127.0.0.1 --port P`` as subprocesses
talking to a fake Slack Web API started here (tests/e2e/fakeslack.py), and gets, with request n
sent to process n mod the number of processes (round-robin), concurrency C at a time:

- ``--requests`` signed ``/trygghet`` slash commands with the real questions in rotation
  (bench/_common.py, as bench/slack_load.py); each acknowledgement must carry an answer. The
  answer is computed in memory, so this measures the serve processes, not the database;
- ``--submissions`` signed ``view_submission`` payloads of the nomination form: a real write
  (the nomination and its outbox message in one atomic file write or one transaction),
  acknowledged when stored; the outbox worker then posts to the fake Slack in the background.

PostgreSQL runs on a throwaway server (tests/postgres_server.py, fsync on) unless
TRYGGHETSBOT_TEST_DATABASE_URL names one; the two processes of the last setup share one
database. Figures: requests per second and acknowledgement latency (p50, p99). The client,
the servers and the database share one machine, so two processes share its cores.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from _common import (
    Check,
    Request,
    bot_env,
    free_port,
    header,
    is_answer,
    load,
    report,
    signed,
    signed_command,
    wait_healthy,
)

from tests.e2e.fakeslack import FakeSlack
from tests.e2e.test_nominations import VALID

WIDTH = 34


def submission(n: int) -> Request:
    """The n-th nomination form submitted (a distinct nominee, one of 500 users)."""
    values = {**VALID, "nominee": f"Benchinsats {n}"}
    state = {key: {key: {"type": "plain_text_input", "value": value}} for key, value in values.items()}
    payload = {
        "type": "view_submission",
        "team": {"id": "T1"},
        "user": {"id": f"U{n % 500}", "name": "bench"},
        "view": {"id": f"V{n}", "type": "modal", "callback_id": "nomination_modal", "state": {"values": state}},
    }
    return signed(urlencode({"payload": json.dumps(payload)}))


def answered(status: int, text: str) -> bool:
    return status == 200 and is_answer(json.loads(text)["text"])


def stored(status: int, text: str) -> bool:
    """A stored submission is acknowledged with an empty 200 (errors come back as response_action)."""
    return status == 200 and not text


def shifted(request: Callable[[int], Request], by: int) -> Callable[[int], Request]:
    return lambda n: request(n + by)


def start_serve(env: dict[str, str], cwd: str, port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "trygghetsbot", "serve", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def measure(name: str, env: dict[str, str], processes: int, args: argparse.Namespace, cwd: str) -> None:
    response_url = args.response_url
    workloads: list[tuple[str, int, Callable[[int], Request], Check]] = [
        ("/trygghet", args.requests, lambda n: signed_command(n, response_url), answered),
        ("submit", args.submissions, lambda n: submission(args.offset + n), stored),
    ]
    ports = [free_port() for _ in range(processes)]
    started = [start_serve(env, cwd, port) for port in ports]
    try:
        urls = [f"http://127.0.0.1:{port}" for port in ports]
        for url in urls:
            await wait_healthy(url)
        for kind, total, request, check in workloads:
            if total <= 0:
                continue
            # Warm-up on numbers after the measured ones (distinct nominees), not counted.
            await load(urls, min(100, total), args.concurrency, shifted(request, total), check)
            report(f"{name}: {kind}", *await load(urls, total, args.concurrency, request, check), width=WIDTH)
        args.offset += args.submissions + 1000
    finally:
        for process in started:
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=2000, help="/trygghet commands per setup")
    parser.add_argument("--submissions", type=int, default=400, help="nomination submissions per setup")
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()
    if args.concurrency < 1 or args.requests < 0 or args.submissions < 0:
        parser.error("--concurrency must be >= 1, counts >= 0")
    args.offset = 0

    from tests.postgres_server import ServerUnavailable, start_server

    fake = await FakeSlack().start()
    args.response_url = fake.response_url("bench")
    server = None
    try:
        try:
            server = start_server(durable=True)
        except ServerUnavailable as error:
            print(f"PostgreSQL setups skipped: {error}")
        with tempfile.TemporaryDirectory() as tmp:
            base = bot_env(fake.api_url, JURY_CHANNEL_IDS="CJURY")
            print(
                f"signed requests, {args.concurrency} concurrent, round-robin over the processes, 127.0.0.1:"
                f" {args.requests} /trygghet commands (answered in the ack), {args.submissions} nomination submissions"
            )
            header("setup: workload", WIDTH)
            await measure("TinyDB, 1 process", {**base, "TRYGGHETSBOT_DB": str(Path(tmp) / "db.json")}, 1, args, tmp)
            if server is not None:
                url = server.create_database()  # one database for both PostgreSQL setups
                for processes in (1, 2):
                    setup = f"PostgreSQL, {processes} process{'es' if processes > 1 else ''}"
                    await measure(setup, {**base, "TRYGGHETSBOT_DATABASE_URL": url}, processes, args, tmp)
    finally:
        if server is not None:
            server.stop()
        await fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))

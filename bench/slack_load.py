"""Load benchmark: signed slash commands against `trygghetsbot serve`, beside a bare aiohttp handler.

    python bench/slack_load.py [--requests 2000] [--concurrency 50]

Both servers run as subprocesses on 127.0.0.1; the bot talks to a fake Slack Web API
started here (the answer goes to a response_url on the fake). The figures are the time
until Slack would have its acknowledgement (the HTTP response), per request.
Goals: p99 below 50 ms, and at least half the bare handler's throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
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

SECRET = "bench-secret"
BOT_PORT = 0  # the bot's answers are checked (each ack must carry an answer with its source)
# Real questions in rotation (the one-line ones of the QA benchmark), not one repeated string.
QUESTIONS = [
    line.strip()
    for line in (Path(__file__).with_name("questions.txt")).read_text("utf-8").splitlines()
    if line.strip() and "||" not in line
]
BARE_SERVER = """
import sys
from aiohttp import web
async def handle(request):
    await request.read()
    return web.Response(text="")
app = web.Application()
app.router.add_post("/slack/events", handle)
app.router.add_get("/healthz", lambda request: web.Response(text="ok"))
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_healthy(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            try:
                async with session.get(url + "/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError(f"{url} did not become healthy")


def signed_command(n: int, response_url: str) -> tuple[str, dict[str, str]]:
    body = urlencode(
        {
            "team_id": "T1",
            "channel_id": "C1",
            "user_id": f"U{n % 100}",
            "user_name": "bench",
            "command": "/trygghet",
            "text": "vem vann 2019?",
            "response_url": response_url,
            "trigger_id": f"{n}.{n}.bench",
            "api_app_id": "A1",
        }
    )
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature(SECRET, timestamp, body),
    }
    return body, headers


async def load(url: str, total: int, concurrency: int, response_url: str) -> tuple[list[float], float, int]:
    """Latencies, elapsed seconds, and the number of failures (non-200 or, for the bot, no answer)."""
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(total):
        queue.put_nowait(n)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            nonlocal errors
            while not queue.empty():
                n = queue.get_nowait()
                body, headers = signed_command(n, response_url)
                start = time.perf_counter()
                async with session.post(url + "/slack/events", data=body, headers=headers) as response:
                    text = await response.text()
                    answered = not url.endswith(str(BOT_PORT)) or "Källa" in json.loads(text)["text"]
                    if response.status != 200 or not answered:
                        errors += 1
                latencies.append(time.perf_counter() - start)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    return latencies, elapsed, errors


def report(name: str, latencies: list[float], elapsed: float, errors: int) -> tuple[float, float]:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[max(0, int(len(ordered) * 0.99) - 1)] * 1000
    rps = len(ordered) / elapsed
    print(f"{name:<22}{len(ordered):>9}{rps:>12.0f}{p50:>10.1f}{p99:>10.1f}{errors:>8}")
    return rps, p99


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3, help="Alternate bot and bare this many times.")
    args = parser.parse_args()

    global BOT_PORT
    fake = await FakeSlack().start()
    bot_port, bare_port = free_port(), free_port()
    BOT_PORT = bot_port
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.api_url,
            "JURY_CHANNEL_IDS": "CJURY",
            "TRYGGHETSBOT_DB": str(Path(tmp) / "db.json"),
            "TRYGGHETSBOT_NOW": "2023-06-15",
        }
        bot = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(bot_port)],
            env=env,
            cwd=tmp,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        bare = subprocess.Popen([sys.executable, "-c", BARE_SERVER, str(bare_port)], stdout=subprocess.DEVNULL)
        try:
            bot_url, bare_url = f"http://127.0.0.1:{bot_port}", f"http://127.0.0.1:{bare_port}"
            await wait_healthy(bot_url)
            await wait_healthy(bare_url)
            response_url = fake.response_url("bench")
            await load(bot_url, 200, args.concurrency, response_url)  # warm-up
            await load(bare_url, 200, args.concurrency, response_url)
            print(f"{args.requests} signed /trygghet commands, {args.concurrency} concurrent, 127.0.0.1")
            print(f"{'server':<22}{'requests':>9}{'req/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
            # Alternating runs: machine noise hits both servers alike; the median run is reported.
            results: list[tuple[float, float, float]] = []
            for _ in range(args.runs):
                bot_rps, bot_p99 = report(
                    "trygghetsbot serve", *await load(bot_url, args.requests, args.concurrency, response_url)
                )
                bare_rps, _ = report(
                    "bare aiohttp", *await load(bare_url, args.requests, args.concurrency, response_url)
                )
                results.append((bot_rps / bare_rps, bot_p99, bot_rps))
            ratio, bot_p99, _ = sorted(results)[len(results) // 2]
            print(f"goal p99 < 50 ms (median run): {'met' if bot_p99 < 50 else 'NOT met'} ({bot_p99:.1f} ms)")
            print(f"goal throughput >= 50% of bare (median run): {'met' if ratio >= 0.5 else 'NOT met'} ({ratio:.0%})")
        finally:
            for process in (bot, bare):
                process.terminate()
                process.wait(timeout=10)
            await fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))

"""Load benchmark: signed slash commands against `trygghetsbot serve`, beside a bare aiohttp handler.

    python bench/slack_load.py [--requests 2000] [--concurrency 50] [--runs 3]

Every server runs as a subprocess on 127.0.0.1; the bot talks to a fake Slack Web API
started here. Each `/trygghet` command carries one of the real questions in
bench/questions.txt, in rotation, and the bot answers inside its acknowledgement, so each
response is checked for an answer with its source line. The figures are the time until
Slack would have its acknowledgement (the HTTP response), per request.

A third row, "slack-bolt floor", is slack-bolt's AsyncApp on its own aiohttp adapter with
one listener that acks a fixed text: what the framework costs before the bot does anything.
Goals: p99 below 50 ms, and at least half the bare handler's throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
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

from bot.answering import Answerer  # noqa: E402
from bot.knowledge import default_knowledge  # noqa: E402
from bot.texts import t  # noqa: E402
from tests.e2e.fakeslack import FakeSlack  # noqa: E402
from tests.e2e.signing import signature  # noqa: E402

SECRET = "bench-secret"
# An answer ends with its source line (bot/texts/*/answers.py, "source.*") ...
SOURCE_LINE = re.compile(r"\n(Källa|Källor|Source|Sources): ")
# ... and a reply that says the documents have no answer ends with "source.none": not an answer.
NO_ANSWER_LINES = tuple(t(lang, "source.none", documents="").split("(")[0] for lang in ("sv", "en"))
# Real questions in rotation (the one-line ones of the QA benchmark), not one repeated string.
ALL_QUESTIONS = [
    line.strip()
    for line in (Path(__file__).with_name("questions.txt")).read_text("utf-8").splitlines()
    if line.strip() and "||" not in line
]


def answerable(questions: list[str]) -> list[str]:
    """The questions the documents answer (in-process); the others are honest refusals, not load."""
    answerer = Answerer(default_knowledge())
    return [q for q in questions if answerer.answer(q).answered]


QUESTIONS = answerable(ALL_QUESTIONS)
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
BOLT_FLOOR_SERVER = """
import os, sys
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient
bolt = AsyncApp(
    client=AsyncWebClient(token="xoxb-bench", base_url=os.environ["SLACK_API_URL"]),
    signing_secret=os.environ["SLACK_SIGNING_SECRET"],
    process_before_response=True,
)
@bolt.command("/trygghet")
async def trygghet(ack):
    await ack(text="Ett fast svar.\\nKälla: ingen.", response_type="ephemeral")
async def handle(request):
    return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))
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


def is_answer(text: str) -> bool:
    """An answer with its source, not a polite "the documents do not say"."""
    return bool(SOURCE_LINE.search(text)) and not any(line in text for line in NO_ANSWER_LINES)


def signed_command(n: int, response_url: str) -> tuple[str, dict[str, str]]:
    body = urlencode(
        {
            "team_id": "T1",
            "channel_id": "C1",
            "user_id": f"U{n % 100}",
            "user_name": "bench",
            "command": "/trygghet",
            "text": QUESTIONS[n % len(QUESTIONS)],
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


async def load(
    url: str, total: int, concurrency: int, response_url: str, *, answers: bool
) -> tuple[list[float], float, int]:
    """Latencies, elapsed seconds, and the number of failures (non-200, or no answer when ``answers``)."""
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
                    answered = not answers or is_answer(json.loads(text)["text"])
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
    parser.add_argument("--runs", type=int, default=3, help="Alternate the servers this many times.")
    args = parser.parse_args()

    fake = await FakeSlack().start()
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.api_url,
            "JURY_CHANNEL_IDS": "CJURY",
            "TRYGGHETSBOT_DB": str(Path(tmp) / "db.json"),
            "TRYGGHETSBOT_NOW": "2023-06-15",
        }
        # name -> (command line without the port, whether each response must carry an answer)
        servers = {
            "trygghetsbot serve": (
                [sys.executable, "-m", "trygghetsbot", "serve", "--host", "127.0.0.1", "--port"],
                True,
            ),
            "slack-bolt floor": ([sys.executable, "-c", BOLT_FLOOR_SERVER], True),
            "bare aiohttp": ([sys.executable, "-c", BARE_SERVER], False),
        }
        urls: dict[str, str] = {}
        processes: list[subprocess.Popen[bytes]] = []
        try:
            for name, (command, _) in servers.items():
                port = free_port()
                processes.append(
                    subprocess.Popen(
                        [*command, str(port)], env=env, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                    )
                )
                urls[name] = f"http://127.0.0.1:{port}"
            response_url = fake.response_url("bench")
            for name, url in urls.items():
                await wait_healthy(url)
                await load(url, 200, args.concurrency, response_url, answers=servers[name][1])  # warm-up
            print(f"{args.requests} signed /trygghet commands, {args.concurrency} concurrent, 127.0.0.1")
            print(f"{'server':<22}{'requests':>9}{'req/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
            # Alternating runs: machine noise hits every server alike; the median run is reported.
            runs: list[dict[str, tuple[float, float]]] = []
            for _ in range(args.runs):
                run: dict[str, tuple[float, float]] = {}
                for name, url in urls.items():
                    measured = await load(url, args.requests, args.concurrency, response_url, answers=servers[name][1])
                    run[name] = report(name, *measured)
                runs.append(run)
            runs.sort(key=lambda run: run["trygghetsbot serve"][0] / run["bare aiohttp"][0])
            median = runs[len(runs) // 2]
            (bot_rps, bot_p99), (floor_rps, _), (bare_rps, _) = (median[name] for name in servers)
            print(f"slack-bolt floor, median run: {floor_rps / bare_rps:.0%} of bare")
            print(f"goal p99 < 50 ms (median run): {'met' if bot_p99 < 50 else 'NOT met'} ({bot_p99:.1f} ms)")
            ratio = bot_rps / bare_rps
            print(f"goal throughput >= 50% of bare (median run): {'met' if ratio >= 0.5 else 'NOT met'} ({ratio:.0%})")
        finally:
            for process in processes:
                process.terminate()
                process.wait(timeout=10)
            await fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))

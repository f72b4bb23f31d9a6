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
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import SECRET, free_port, header, is_answer, report, signed_command, wait_healthy
from _common import load as load_many  # _common puts the project root on sys.path

from tests.e2e.fakeslack import FakeSlack

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


async def load(
    url: str, total: int, concurrency: int, response_url: str, *, answers: bool
) -> tuple[list[float], float, int]:
    """Latencies, elapsed seconds, and the number of failures (non-200, or no answer when ``answers``)."""

    def check(status: int, text: str) -> bool:
        return status == 200 and (not answers or is_answer(json.loads(text)["text"]))

    return await load_many([url], total, concurrency, lambda n: signed_command(n, response_url), check)


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
            header("server")
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

"""Server CPU per Teams question activity, beside a bare aiohttp handler, in one run.

    python bench/teams_turn.py [--activities 2000] [--concurrency 20] [--runs 3]

Both servers run as subprocesses on 127.0.0.1: ``trygghetsbot serve`` with Teams only
(anonymous mode, a fake connector started here as the trusted serviceUrl) and a bare aiohttp
handler that reads the body and answers 202. Each activity is a personal-chat message carrying
one of the real questions in bench/questions.txt, in rotation, over 50 conversations; for the
bot, a round ends when the fake connector has received every reply (so the turn's work after
the HTTP response, the answer and the reply, is counted). The figure is the server process's
CPU time (user + system, from /proc) over the round divided by the activities; both servers are
measured ``--runs`` times, alternately, and the median is the figure (single rounds on a shared
2-core machine vary by a quarter). Goal: at most 1 ms per question activity.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))
from _common import QUESTIONS, free_port, wait_healthy  # noqa: E402

from tests.e2e.fakeconnector import FakeConnector, activity  # noqa: E402

BARE_SERVER = """
import sys
from aiohttp import web
async def handle(request):
    await request.read()
    return web.Response(status=202)
app = web.Application()
app.router.add_post("/api/messages", handle)
app.router.add_get("/healthz", lambda request: web.Response(text="ok"))
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
"""
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> tuple[float, float]:
    """The process's user and system CPU time so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) / TICKS, int(fields[12]) / TICKS


async def drive(url: str, fake: FakeConnector, count: int, concurrency: int, replies: bool) -> None:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for number in range(count):
        queue.put_nowait(number)
    before = len(fake.of("reply"))

    async with aiohttp.ClientSession() as session:

        async def worker() -> None:
            while not queue.empty():
                number = queue.get_nowait()
                body = activity(
                    fake.url,
                    QUESTIONS[number % len(QUESTIONS)],
                    conversation=f"a:bench-{number % 50}",
                    user=f"29:user-{number % 50}",
                    aad=f"aad-{number % 50}",
                    activity_id=uuid.uuid4().hex,
                )
                async with session.post(url, json=body) as response:
                    assert response.status == 202, response.status

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    if replies:
        await fake.wait_for(lambda f: len(f.of("reply")) >= before + count, timeout=600)


async def measure(
    name: str, command: list[str], env: dict[str, str], fake: FakeConnector, args: argparse.Namespace, replies: bool
) -> float:
    port = free_port()
    process = subprocess.Popen(
        [*command, str(port)] if name == "bare aiohttp" else [*command, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        await wait_healthy(base)
        url = base + "/api/messages"
        await drive(url, fake, min(200, args.activities), args.concurrency, replies)  # warm-up
        (user0, system0), start = cpu_seconds(process.pid), time.monotonic()
        await drive(url, fake, args.activities, args.concurrency, replies)
        (user1, system1), wall = cpu_seconds(process.pid), time.monotonic() - start
    finally:
        process.terminate()
        process.wait(10)
    user, system = (user1 - user0) / args.activities * 1000, (system1 - system0) / args.activities * 1000
    per_activity_ms = user + system
    print(
        f"{name:<24} {per_activity_ms:8.3f} ms CPU/activity (user {user:.3f}, system {system:.3f})"
        f"   {args.activities / wall:8.0f} activities/s"
    )
    return per_activity_ms


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--activities", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--profile", metavar="FILE", help="Run the bot under cProfile and write its profile here.")
    parser.add_argument("--runs", type=int, default=3, help="rounds of both servers; the median is the figure")
    args = parser.parse_args()
    fake = await FakeConnector().start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            env = {
                "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                "TEAMS_ALLOW_ANONYMOUS": "true",
                "TEAMS_TRUSTED_SERVICE_URLS": fake.url,
                "TRYGGHETSBOT_DB": str(Path(folder) / "db.json"),
                "TRYGGHETSBOT_HOST": "127.0.0.1",
            }
            profile = ["-m", "cProfile", "-o", args.profile] if args.profile else []
            bares, bots = [], []
            for _ in range(args.runs):
                bares.append(await measure("bare aiohttp", [sys.executable, "-c", BARE_SERVER], env, fake, args, False))
                bots.append(
                    await measure(
                        "trygghetsbot (Teams)",
                        [sys.executable, *profile, "-m", "trygghetsbot", "serve"],
                        env,
                        fake,
                        args,
                        True,
                    )
                )
            bare, bot = statistics.median(bares), statistics.median(bots)
            print(
                f"median of {args.runs} runs: the bot {bot:.3f} ms, the bare handler {bare:.3f} ms ({bot / bare:.1f}x);"
                f" goal: at most 1 ms per question activity ({'met' if bot <= 1 else 'NOT met'})"
            )
    finally:
        await fake.stop()


if __name__ == "__main__":
    asyncio.run(main())

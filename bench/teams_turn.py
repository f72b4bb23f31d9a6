"""Server CPU per Teams activity, for the bot and for the Agents SDK's routing layer beside a
bare aiohttp handler, in one run.

    python bench/teams_turn.py [--kind question|score|both] [--activities 2000] [--runs 3]
                               [--baseline DIR] [--no-sdk]

Every server runs as a subprocess on 127.0.0.1 with Teams only (anonymous mode, a fake connector
started here as the trusted serviceUrl):

- "bare aiohttp": a handler that reads the body and answers 202;
- "trygghetsbot": ``trygghetsbot serve`` as shipped (its routing table, the turn on the SDK's
  ``TurnContext``, replies through ``ConnectorAdapter``);
- "AgentApplication": the same bot with the same routes registered on the SDK's
  ``AgentApplication`` and replies through ``TurnContext.send_activity`` (bench/_teams_sdk_layer.py);
- with ``--baseline DIR``, ``trygghetsbot serve`` from another checkout (say, the commit before a change).

Kinds of activity:

- question: a personal-chat message carrying one of the real questions in bench/questions.txt,
  in rotation, over 50 conversations; a round ends when the connector has every reply;
- score: a juror's submitted scoring card (50 jurors, by Entra object id, scoring 5 nominations
  seeded before the server starts, in rotation): the score is checked and stored, the juror
  answered and the nomination's jury post updated (PUT); a round ends when the connector has every
  answer and every update.

The figure is the server process's CPU time (user + system, from /proc) over the round divided
by the activities; every server is measured ``--runs`` times, alternately, and the median is the
figure (single rounds on a shared 2-core machine vary by a quarter). Budget: 1.5 ms per activity.
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
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))
from _common import QUESTIONS, free_port, wait_healthy  # noqa: E402

from tests.e2e.fakeconnector import FakeConnector, activity  # noqa: E402
from tests.nominations.conftest import submit_teams_nominations  # noqa: E402

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
BUDGET_MS = 1.5
JURORS = [f"00000000-0000-4000-8000-{number:012d}" for number in range(50)]  # Entra object ids
CHANNEL = "19:bench@thread.tacv2"
NOMINATIONS = 5
SCORE = {"collaboration": "yes", "added_value": "yes", "innovation": "4", "inspiration": "5", "results": "3"}


def cpu_seconds(pid: int) -> tuple[float, float]:
    """The process's user and system CPU time so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) / TICKS, int(fields[12]) / TICKS


async def seed(db: Path) -> list[str]:
    """Nominations submitted during the 2023 period: what the jurors score."""
    return await submit_teams_nominations(db, NOMINATIONS)


def body_for(kind: str, number: int, fake: FakeConnector, nominations: list[str]) -> dict[str, Any]:
    who = number % 50
    if kind == "question":
        return activity(
            fake.url,
            QUESTIONS[number % len(QUESTIONS)],
            conversation=f"a:bench-{who}",
            user=f"29:user-{who}",
            aad=f"aad-{who}",
            activity_id=uuid.uuid4().hex,
        )
    value = {"trygghetsbot": "score", "nomination_id": nominations[number % len(nominations)], "lang": "sv", **SCORE}
    return activity(fake.url, value=value, conversation=f"a:dm-{JURORS[who]}", user=f"29:juror-{who}", aad=JURORS[who])


async def drive(
    url: str, fake: FakeConnector, count: int, args: argparse.Namespace, kind: str, nominations: list[str], bot: bool
) -> None:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for number in range(count):
        queue.put_nowait(number)
    replies, updates = len(fake.of("reply")), len(fake.of("update"))

    async with aiohttp.ClientSession() as session:

        async def worker() -> None:
            while not queue.empty():
                number = queue.get_nowait()
                async with session.post(url, json=body_for(kind, number, fake, nominations)) as response:
                    assert response.status == 202, response.status

        await asyncio.gather(*(worker() for _ in range(args.concurrency)))
    if bot:
        await fake.wait_for(lambda f: len(f.of("reply")) >= replies + count, timeout=600)
        if kind == "score":
            try:  # an update is best effort (a turn that waited too long for the store's lock has none)
                await fake.wait_for(lambda f: len(f.of("update")) >= updates + count, timeout=30)
            except AssertionError:
                print(f"  {updates + count - len(fake.of('update'))} of {count} post updates missing", flush=True)


async def measure(
    name: str, command: list[str], env: dict[str, str], fake: FakeConnector, args: argparse.Namespace, kind: str
) -> float:
    port = free_port()
    bot = name != "bare aiohttp"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "db.json"
        nominations = await seed(db) if kind == "score" else []
        process = subprocess.Popen(
            [*command, "--port", str(port)] if bot else [*command, str(port)],
            env={**env, "TRYGGHETSBOT_DB": str(db)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            await wait_healthy(base)
            url = base + "/api/messages"
            await drive(url, fake, min(200, args.activities), args, kind, nominations, bot)  # warm-up
            (user0, system0), start = cpu_seconds(process.pid), time.monotonic()
            await drive(url, fake, args.activities, args, kind, nominations, bot)
            (user1, system1), wall = cpu_seconds(process.pid), time.monotonic() - start
        finally:
            process.terminate()
            process.wait(10)
    user, system = (user1 - user0) / args.activities * 1000, (system1 - system0) / args.activities * 1000
    per_activity_ms = user + system
    print(
        f"{kind:<8} {name:<24} {per_activity_ms:8.3f} ms CPU/activity (user {user:.3f}, system {system:.3f})"
        f"   {args.activities / wall:8.0f} activities/s",
        flush=True,
    )
    return per_activity_ms


def environment(fake: FakeConnector, kind: str) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TEAMS_ALLOW_ANONYMOUS": "true",
        "TEAMS_TRUSTED_SERVICE_URLS": fake.url,
        "TRYGGHETSBOT_HOST": "127.0.0.1",
    }
    if kind == "score":  # after the period, before the scoring deadline, with the jury's channel
        env |= {
            "TRYGGHETSBOT_NOW": "2023-09-15",
            "JURY_USER_IDS": ",".join(JURORS),
            "TEAMS_SERVICE_URL": fake.url,
            "TEAMS_JURY_CHANNEL_IDS": CHANNEL,
        }
    return env


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kind", choices=("question", "score", "both"), default="both")
    parser.add_argument("--activities", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3, help="rounds of every server; the median is the figure")
    parser.add_argument("--baseline", metavar="DIR", type=Path, help="also measure trygghetsbot from this checkout")
    parser.add_argument("--no-sdk", action="store_true", help="leave out the AgentApplication layer")
    parser.add_argument("--profile", metavar="FILE", help="Run the bot under cProfile and write its profile here.")
    args = parser.parse_args()
    profile = ["-m", "cProfile", "-o", args.profile] if args.profile else []
    servers: dict[str, tuple[list[str], dict[str, str]]] = {
        "bare aiohttp": ([sys.executable, "-c", BARE_SERVER], {}),
        "trygghetsbot": ([sys.executable, *profile, "-m", "trygghetsbot", "serve"], {"PYTHONPATH": str(ROOT)}),
    }
    if not args.no_sdk:
        servers["AgentApplication"] = ([sys.executable, str(ROOT / "bench" / "_teams_sdk_layer.py"), "serve"], {})
    if args.baseline:
        baseline = args.baseline.resolve()
        servers["baseline"] = ([sys.executable, "-m", "trygghetsbot", "serve"], {"PYTHONPATH": str(baseline)})
    kinds = ("question", "score") if args.kind == "both" else (args.kind,)
    fake = await FakeConnector().start()
    try:
        for kind in kinds:
            figures: dict[str, list[float]] = {name: [] for name in servers}
            for _ in range(args.runs):
                for name, (command, extra) in servers.items():
                    env = environment(fake, kind) | extra
                    figures[name].append(await measure(name, command, env, fake, args, kind))
            medians = {name: statistics.median(values) for name, values in figures.items()}
            bare = medians.pop("bare aiohttp")
            line = ", ".join(f"{name} {value:.3f} ms" for name, value in medians.items())
            verdicts = ", ".join(f"{name} {'within' if v <= BUDGET_MS else 'OVER'}" for name, v in medians.items())
            print(
                f"{kind}: median of {args.runs} runs: {line}; the bare handler {bare:.3f} ms;"
                f" budget {BUDGET_MS} ms per activity: {verdicts}",
                flush=True,
            )
    finally:
        await fake.stop()


if __name__ == "__main__":
    asyncio.run(main())

"""Helpers shared by the Slack load benchmarks (slack_load.py, serve_processes.py).

Signed requests as Slack sends them (``tests/e2e/signing.py``), the real questions in rotation
with the check that an acknowledgement carries an answer, a free port and a health wait on
127.0.0.1, a bounded closed-loop load generator and the figures it prints.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.answering import Answerer  # noqa: E402
from bot.knowledge import default_knowledge  # noqa: E402
from bot.texts import t  # noqa: E402
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

Request = tuple[str, dict[str, str]]  # body, headers
Check = Callable[[int, str], bool]  # status, body -> a success?


def answerable(questions: list[str]) -> list[str]:
    """The questions the documents answer (in-process); the others are honest refusals, not load."""
    answerer = Answerer(default_knowledge())
    return [q for q in questions if answerer.answer(q).answered]


QUESTIONS = answerable(ALL_QUESTIONS)


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


def signed(body: str) -> Request:
    """``body`` with the headers Slack signs a form-encoded request with (SECRET, now)."""
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature(SECRET, timestamp, body),
    }
    return body, headers


def signed_command(n: int, response_url: str) -> Request:
    """The n-th ``/trygghet`` command: one of the answerable questions, in rotation."""
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
    return signed(body)


async def load(
    urls: list[str], total: int, concurrency: int, request: Callable[[int], Request], check: Check
) -> tuple[list[float], float, int]:
    """``total`` requests, ``concurrency`` at a time, request n to ``urls[n % len(urls)]``.

    Returns the latencies (seconds), the elapsed seconds, and the number of failed checks.
    """
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
                body, headers = request(n)
                start = time.perf_counter()
                async with session.post(urls[n % len(urls)] + "/slack/events", data=body, headers=headers) as r:
                    text = await r.text()
                    if not check(r.status, text):
                        errors += 1
                latencies.append(time.perf_counter() - start)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
    return latencies, elapsed, errors


def report(name: str, latencies: list[float], elapsed: float, errors: int, width: int = 22) -> tuple[float, float]:
    """Print one row (requests, req/s, p50 and p99 ms, errors); return req/s and p99 ms."""
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[max(0, int(len(ordered) * 0.99) - 1)] * 1000
    rps = len(ordered) / elapsed
    print(f"{name:<{width}}{len(ordered):>9}{rps:>12.0f}{p50:>10.1f}{p99:>10.1f}{errors:>8}", flush=True)
    return rps, p99


def header(first: str, width: int = 22) -> None:
    print(f"{first:<{width}}{'requests':>9}{'req/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")


def bot_env(api_url: str, **more: str) -> dict[str, str]:
    """The environment of a bot server under a benchmark: this one's, less every setting of the
    bot's own, plus a Slack app on the fake Slack at ``api_url``, the pinned day, and ``more``."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "JURY_", "TRYGGHETSBOT_"))},
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": api_url,
        "TRYGGHETSBOT_NOW": "2023-06-15",
        **more,
    }

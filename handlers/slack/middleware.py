"""One dedupe middleware for both transports.

Slack redelivers an event it thinks was not acknowledged (``X-Slack-Retry-Num`` over
HTTP, ``retry_attempt`` in Socket Mode). Events carry a stable ``event_id``;
an id seen before is acknowledged and dropped, whatever the retry headers say.

Two layers: this process's memory (:class:`SeenEvents`, free) and the store's
``dedupe.first_time`` (:class:`bot.nominations.ports.DedupeRepository`), which on
PostgreSQL holds across every process on the database, so a retry that lands on
another process (or arrives after a restart) is still dropped.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.nominations.ports import DedupeRepository

# Slack retries an event within minutes; an hour leaves a wide margin.
DEDUPE_TTL_SECONDS = 3600.0


class SeenEvents:
    """Event ids handled recently (bounded and time-limited: Slack retries within minutes)."""

    def __init__(self, ttl_seconds: float = 3600, max_size: int = 10_000) -> None:
        self.ttl = ttl_seconds
        self.max_size = max_size
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, key: str) -> bool:
        now = time.monotonic()
        while self._seen and next(iter(self._seen.values())) < now - self.ttl:
            self._seen.popitem(last=False)
        if key in self._seen:
            return False
        self._seen[key] = now
        if len(self._seen) > self.max_size:
            self._seen.popitem(last=False)
        return True


def delivery_key(body: dict[str, Any]) -> str | None:
    """What identifies one delivery of an event; None for requests Slack never redelivers."""
    event_id = body.get("event_id")
    return f"event:{event_id}" if isinstance(event_id, str) and event_id else None


class DedupeMiddleware(AsyncMiddleware):
    """Acknowledges and drops an event delivery whose ``event_id`` was handled before.

    A middleware class rather than a function: bolt calls it directly, without the
    keyword-argument injection it performs for function middleware on every request.
    """

    def __init__(self, seen: SeenEvents, shared: DedupeRepository | None = None) -> None:
        self.seen = seen
        self.shared = shared

    async def first_time(self, key: str) -> bool:
        if not self.seen.first_time(key):
            return False
        return self.shared is None or await self.shared.first_time(key, DEDUPE_TTL_SECONDS)

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse | None:
        key = delivery_key(req.body)
        if key is not None and not await self.first_time(key):
            return BoltResponse(status=200, body="")
        return await next()

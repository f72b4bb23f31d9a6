"""One dedupe middleware for both transports.

Slack redelivers an event it thinks was not acknowledged (``X-Slack-Retry-Num`` over
HTTP, ``retry_attempt`` in Socket Mode). Events carry a stable ``event_id``;
an id seen before is acknowledged and dropped, whatever the retry headers say.

Seen ids are kept in the store with an expiry (:class:`bot.nominations.ports.DedupeRepository`),
so a retry that arrives after a restart, or at another process on the same database,
is dropped too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.nominations.ports import DedupeRepository

# Slack retries within minutes; an hour covers its whole retry schedule with room to spare.
SEEN_TTL_SECONDS = 3600.0


def delivery_key(body: dict[str, Any]) -> str | None:
    """What identifies one delivery of an event; None for requests Slack never redelivers."""
    event_id = body.get("event_id")
    return f"slack-event:{event_id}" if isinstance(event_id, str) and event_id else None


class DedupeMiddleware(AsyncMiddleware):
    """Acknowledges and drops an event delivery whose ``event_id`` was handled before.

    A middleware class rather than a function: bolt calls it directly, without the
    keyword-argument injection it performs for function middleware on every request.
    """

    def __init__(self, seen: DedupeRepository, ttl_seconds: float = SEEN_TTL_SECONDS) -> None:
        self.seen = seen
        self.ttl_seconds = ttl_seconds

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse | None:
        key = delivery_key(req.body)
        if key is not None and not await self.seen.first_time(key, self.ttl_seconds):
            return BoltResponse(status=200, body="")
        return await next()

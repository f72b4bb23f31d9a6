"""One dedupe middleware for both transports.

Slack redelivers an event it thinks was not acknowledged (``X-Slack-Retry-Num`` over
HTTP, ``retry_attempt`` in Socket Mode). Events carry a stable ``event_id``;
an id seen before is acknowledged and dropped, whatever the retry headers say.

Seen ids are kept in the store with an expiry (:class:`bot.ports.DedupeRepository`),
so a retry that arrives after a restart, or at another process on the same database,
is dropped too. While the store cannot be reached, this process remembers the ids it saw (a
bounded memory), so the event is still handled, once here, within Slack's three seconds.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.ports import DedupeRepository, StoreUnavailable

# Slack retries within minutes; an hour covers its whole retry schedule with room to spare.
SEEN_TTL_SECONDS = 3600.0
# How many event ids this process remembers on its own while the store is away.
RECENT_WITHOUT_STORE = 10_000
log = logging.getLogger(__name__)


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
        self._recent: OrderedDict[str, None] = OrderedDict()

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse | None:
        key = delivery_key(req.body)
        if key is not None and not await self._first_time(key):
            return BoltResponse(status=200, body="")
        return await next()

    async def _first_time(self, key: str) -> bool:
        try:
            return await self.seen.first_time(key, self.ttl_seconds)
        except StoreUnavailable as error:
            log.warning("event %s checked in this process only: %s", key, error)
        if key in self._recent:
            return False
        self._recent[key] = None
        if len(self._recent) > RECENT_WITHOUT_STORE:
            self._recent.popitem(last=False)
        return True

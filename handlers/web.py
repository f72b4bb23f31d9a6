"""The one aiohttp application every platform adds its routes to, with the store and ``GET /healthz``.

``create_app`` opens the store on start-up (or uses the one handed in) and closes it last; each
platform's ``install`` (``handlers.slack.transport.server``, ``handlers.teams.server``) adds its route, its
start-up and clean-up (as an aiohttp cleanup context, so it stops before the store closes) and,
optionally, fields for the health report.

``/healthz`` is public (a load balancer calls it), so it must be cheap and say little. It answers
``{"status": "ok"|"degraded", "version": …}`` with 200 or 503; the details (store backend, path,
pending outbox messages, the platforms' fields) go only to a caller presenting
``TRYGGHETSBOT_HEALTH_TOKEN`` as a Bearer token, and to nobody when it is not set. The store is
asked with one count (never the rows), by one query at a time: concurrent callers share the query
in flight, and its answer serves every caller for :data:`HEALTH_CACHE_SECONDS`. A store that does
not answer within :data:`HEALTH_TIMEOUT_SECONDS` makes the answer 503 without another query being
started while the first still hangs.
"""

from __future__ import annotations

import asyncio
import hmac
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from aiohttp import web

from bot import __version__
from bot.config import Settings
from bot.core import Core
from store import DEFAULT_TENANT, Store

# Builds the core over a store: the composition root (trygghetsbot.compose) hands it in, so no
# adapter imports the composition.
CoreFactory = Callable[[Store], Core]
# Opens the store an app serves (the composition root's, with its settings).
# Opens a tenant's store. Only the composition root (trygghetsbot.compose.store_opener) knows how;
# the platforms call it for the default tenant and, serving many Slack workspaces, for each one.
StoreOpener = Callable[[str], Awaitable[Store]]


def serving(store: Store) -> StoreOpener:
    """An opener that hands out a store already open (for one tenant: a test's, a command's)."""

    async def opened(tenant: str = DEFAULT_TENANT) -> Store:
        return store

    return opened


HEALTH_CACHE_SECONDS = 1.0
# A load balancer's health check gets its answer within a second, also while the database does
# not answer: the store's part of the check gives up after this long and reports 503.
HEALTH_TIMEOUT_SECONDS = 0.8


class StoreHealth:
    """The store's part of the health report: at most one query at a time, each answer kept a second."""

    def __init__(self, store: Callable[[], Store]) -> None:
        self.store = store
        self._query: asyncio.Task[dict[str, object]] | None = None
        self._answer: dict[str, object] | None = None
        self._answered_at = 0.0

    async def status(self) -> dict[str, object]:
        down = self.store().unavailable()
        if down is not None:  # the store's circuit is open: say so at once, never a cached "ok"
            return {"ok": False, "error": down}
        if self._answer is not None and time.monotonic() - self._answered_at < HEALTH_CACHE_SECONDS:
            return self._answer
        if self._query is None:
            self._query = asyncio.get_running_loop().create_task(self._ask())
        try:
            # shield: a caller that times out leaves the query to finish for the next one.
            return await asyncio.wait_for(asyncio.shield(self._query), HEALTH_TIMEOUT_SECONDS)
        except TimeoutError:
            return {"ok": False, "error": "timeout", "timeout_seconds": HEALTH_TIMEOUT_SECONDS}

    async def _ask(self) -> dict[str, object]:
        store = self.store()
        answer: dict[str, object]
        try:
            answer = {
                "ok": True,
                "backend": store.backend,
                "path": store.location(),
                "outbox_pending": await store.outbox.count_pending(),
            }
        except Exception as error:  # a health check reports, it does not raise
            answer = {"ok": False, "error": str(error)}
        self._answer, self._answered_at, self._query = answer, time.monotonic(), None
        return answer

    async def close(self) -> None:
        if self._query is not None:
            self._query.cancel()


STORE = web.AppKey("store", Store)
STORE_OPENER: web.AppKey[StoreOpener] = web.AppKey("store_opener")
STORE_HEALTH = web.AppKey("store_health", StoreHealth)
SETTINGS = web.AppKey("settings", Settings)
# Per platform: a function of the app giving its fields in the health report.
HEALTH = web.AppKey("health", list[Callable[[web.Application], dict[str, Any]]])


def create_app(settings: Settings, *, open_store: StoreOpener) -> web.Application:
    """The shared web app: ``/healthz`` and the default tenant's store, which ``open_store`` opens on
    start-up (and the app closes at shutdown); each platform adds its routes (``install``)."""
    app = web.Application()
    app[HEALTH] = []
    app[SETTINGS] = settings
    app[STORE_OPENER] = open_store
    app[STORE_HEALTH] = StoreHealth(lambda: app[STORE])

    async def store_context(app: web.Application) -> AsyncIterator[None]:
        app[STORE] = await open_store(DEFAULT_TENANT)
        yield
        await app[STORE_HEALTH].close()
        await app[STORE].aclose()

    # Cleanup contexts end in reverse order: the platforms' (added later) before the store's.
    app.cleanup_ctx.append(store_context)
    app.router.add_get("/healthz", healthz)
    return app


def may_see_details(request: web.Request) -> bool:
    """True for a caller presenting the configured health token (compared in constant time)."""
    token = request.app[SETTINGS].health_token
    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    if not token or scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(presented.strip().encode("utf-8", "surrogateescape"), token.encode("utf-8"))


async def healthz(request: web.Request) -> web.Response:
    app = request.app
    store_status = await app[STORE_HEALTH].status()
    status = 200 if store_status["ok"] else 503
    body: dict[str, Any] = {"status": "ok" if status == 200 else "degraded", "version": __version__}
    if may_see_details(request):
        body["store"] = store_status
        for fields in app[HEALTH]:
            body.update(fields(app))
    return web.json_response(body, status=status)

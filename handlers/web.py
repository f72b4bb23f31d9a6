"""The one aiohttp application every platform adds its routes to, with the store and ``GET /healthz``.

``create_app`` opens the store on start-up (or uses the one handed in) and closes it last; each
platform's ``install`` (``handlers.slack.server``, ``handlers.teams.server``) adds its route, its
start-up and clean-up (as an aiohttp cleanup context, so it stops before the store closes) and,
optionally, fields for the health report.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

from aiohttp import web

from bot import __version__
from bot.config import Settings
from bot.core import Core
from store import Store, open_store_async

# Builds the core over a store: the composition root (trygghetsbot.compose) hands it in, so no
# adapter imports the composition.
CoreFactory = Callable[[Store], Core]

# A load balancer's health check must get its answer within a second, also while the database
# does not answer: the store's part of the check gives up after this long and reports 503.
HEALTH_STORE_SECONDS = 0.8

STORE = web.AppKey("store", Store)
# Per platform: a function of the app giving its fields in the health report.
HEALTH = web.AppKey("health", list[Callable[[web.Application], dict[str, Any]]])


def create_app(settings: Settings, *, store: Store | None = None) -> web.Application:
    app = web.Application()
    app[HEALTH] = []

    async def store_context(app: web.Application) -> AsyncIterator[None]:
        app[STORE] = store or await open_store_async(settings, clock=settings.clock())
        yield
        await app[STORE].aclose()

    # Cleanup contexts end in reverse order: the platforms' (added later) before the store's.
    app.cleanup_ctx.append(store_context)
    app.router.add_get("/healthz", healthz)
    return app


async def healthz(request: web.Request) -> web.Response:
    app = request.app
    store = app[STORE]
    try:
        async with asyncio.timeout(HEALTH_STORE_SECONDS):
            messages = await store.outbox.list()
        pending = sum(1 for message in messages if message.status == "pending")
        store_status: dict[str, object] = {
            "ok": True,
            "backend": store.backend,
            "path": store.location(),
            "outbox_pending": pending,
        }
    except TimeoutError:
        store_status = {"ok": False, "error": f"the store did not answer within {HEALTH_STORE_SECONDS} s"}
    except Exception as error:  # a health check reports, it does not raise
        store_status = {"ok": False, "error": str(error)}
    status = 200 if store_status["ok"] else 503
    body: dict[str, Any] = {
        "status": "ok" if status == 200 else "degraded",
        "version": __version__,
        "store": store_status,
    }
    for fields in app[HEALTH]:
        body.update(fields(app))
    return web.json_response(body, status=status)

"""HTTP mode: the bolt app on aiohttp (``POST /slack/events``) plus ``GET /healthz``."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest

from bot import __version__
from bot.config import Settings
from handlers.slack.app import build_deps, create_bolt_app
from handlers.slack.client import build_outbox_client, build_web_client, http_session
from handlers.slack.delivery import JuryNotifier
from handlers.slack.deps import CoreFactory, SlackDeps
from handlers.slack.inbound import RejectedRequest, check_shape, parse_body, verify_signature
from handlers.slack.jury_delivery import JuryMessenger
from store import Store, open_store_async

log = logging.getLogger(__name__)

BOLT_APP = web.AppKey("bolt_app", AsyncApp)
DEPS = web.AppKey("deps", SlackDeps)
NOTIFIER = web.AppKey("notifier", JuryNotifier)
IDENTITY_TASK = web.AppKey("identity_task", asyncio.Task[None])


def create_web_app(
    settings: Settings,
    *,
    make_core: CoreFactory,
    store: Store | None = None,
    outbox_poll_seconds: float = 1.0,
    retry_base_seconds: float | None = None,
    identity_retry_seconds: float = 1.0,
    jury_check_seconds: float = 60.0,
) -> web.Application:
    """The aiohttp application; on startup it opens ``store`` (default: the store the settings select)."""
    web_app = web.Application()
    secret = settings.slack_signing_secret or ""

    async def start(app: web.Application) -> None:
        nonlocal store
        store = store or await open_store_async(settings, clock=settings.clock())
        http = http_session()
        deps = build_deps(settings, store, http, make_core)
        client = build_web_client(settings, http)
        app[DEPS] = deps
        app[BOLT_APP] = create_bolt_app(deps, client)
        app[IDENTITY_TASK] = asyncio.get_running_loop().create_task(
            deps.identity.learn(client, first_delay=identity_retry_seconds)
        )
        outbox_client = build_outbox_client(settings, http)
        messenger = JuryMessenger(deps, outbox_client, check_seconds=jury_check_seconds)
        notifier = JuryNotifier(
            deps,
            outbox_client,
            poll_seconds=outbox_poll_seconds,
            retry_base_seconds=retry_base_seconds,
            also=messenger.run_round,
        )
        app[NOTIFIER] = notifier
        notifier.start()

    async def stop(app: web.Application) -> None:
        app[IDENTITY_TASK].cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await app[IDENTITY_TASK]
        await app[NOTIFIER].stop()
        deps = app[DEPS]
        await deps.tasks.drain()
        await deps.http.close()
        await deps.store.aclose()

    async def slack_events(request: web.Request) -> web.Response:
        raw = await request.read()
        try:
            verify_signature(secret, request.headers, raw)
            text, payload = parse_body(raw, request.content_type)
            check_shape(payload)
            bolt_request = AsyncBoltRequest(body=text, query=request.query_string, headers=dict(request.headers))
            bolt_response = await request.app[BOLT_APP].async_dispatch(bolt_request)
        except RejectedRequest as rejected:
            log.warning("refused a Slack request (%d): %s", rejected.status, rejected.reason)
            return web.Response(status=rejected.status)
        except Exception as error:  # the last net: one line and a 400, never a traceback and a 500
            log.error("could not handle a Slack request: %s: %s", type(error).__name__, error)
            return web.Response(status=400)
        return await to_aiohttp_response(bolt_response)

    async def healthz(request: web.Request) -> web.Response:
        deps = request.app[DEPS]
        try:
            pending = sum(1 for message in await deps.store.outbox.list() if message.status == "pending")
            store_status: dict[str, object] = {
                "ok": True,
                "backend": deps.store.backend,
                "path": deps.store.location(),
                "outbox_pending": pending,
            }
        except Exception as error:  # a health check reports, it does not raise
            store_status = {"ok": False, "error": str(error)}
        status = 200 if store_status["ok"] else 503
        return web.json_response(
            {
                "status": "ok" if status == 200 else "degraded",
                "version": __version__,
                "store": store_status,
                "slack_identity_known": deps.identity.known.is_set(),
            },
            status=status,
        )

    web_app.on_startup.append(start)
    web_app.on_cleanup.append(stop)
    web_app.router.add_post("/slack/events", slack_events)
    web_app.router.add_get("/healthz", healthz)
    return web_app

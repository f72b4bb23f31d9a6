"""HTTP mode: the bolt app on aiohttp at ``POST /slack/events``, on the shared app of handlers.web."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.config import Settings
from handlers.outbox_worker import DEFAULT_TIMING, WorkerTiming
from handlers.slack.app import build_deps, create_bolt_app
from handlers.slack.client import build_outbox_client, build_web_client, http_session
from handlers.slack.delivery import JuryNotifier
from handlers.slack.deps import SlackDeps
from handlers.slack.inbound import RejectedRequest, check_shape, parse_body, verify_signature
from handlers.slack.jury_delivery import JuryMessenger
from handlers.web import HEALTH, STORE, CoreFactory, create_app
from store import Store

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
    """An application serving Slack only; on startup it opens ``store`` (default: the store the settings select)."""
    app = create_app(settings, store=store)
    install(
        app,
        settings,
        make_core=make_core,
        timing=WorkerTiming(outbox_poll_seconds, retry_base_seconds),
        identity_retry_seconds=identity_retry_seconds,
        jury_check_seconds=jury_check_seconds,
    )
    return app


def install(
    web_app: web.Application,
    settings: Settings,
    *,
    make_core: CoreFactory,
    timing: WorkerTiming = DEFAULT_TIMING,
    identity_retry_seconds: float = 1.0,
    jury_check_seconds: float = 60.0,
) -> None:
    """Add Slack to the shared app (handlers.web): ``POST /slack/events`` and its outbox worker."""
    secret = settings.slack_signing_secret or ""

    async def slack_context(app: web.Application) -> AsyncIterator[None]:
        http = http_session()
        deps = build_deps(settings, app[STORE], http, make_core)
        client = build_web_client(settings, http)
        app[DEPS] = deps
        app[BOLT_APP] = create_bolt_app(deps, client)
        app[IDENTITY_TASK] = asyncio.get_running_loop().create_task(
            deps.identity.learn(client, first_delay=identity_retry_seconds)
        )
        outbox_client = build_outbox_client(settings, http)
        messenger = JuryMessenger(deps, outbox_client, check_seconds=jury_check_seconds)
        notifier = JuryNotifier(deps, outbox_client, timing, also=messenger.run_round)
        app[NOTIFIER] = notifier
        notifier.start()
        yield
        app[IDENTITY_TASK].cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await app[IDENTITY_TASK]
        await notifier.stop()
        await deps.tasks.drain()
        await http.close()

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

    web_app.cleanup_ctx.append(slack_context)
    web_app[HEALTH].append(lambda app: {"slack_identity_known": app[DEPS].identity.known.is_set()})
    web_app.router.add_post("/slack/events", slack_events)

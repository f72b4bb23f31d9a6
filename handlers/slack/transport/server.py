"""HTTP mode: the bolt app on aiohttp at ``POST /slack/events``, on the shared app of handlers.web."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.oauth.installation_store import Installation

from bot.config import Settings
from bot.tenants import RECHECK_SECONDS
from handlers.logtext import one_line
from handlers.outbox_worker import DEFAULT_TIMING, WorkerTiming
from handlers.slack.app import build_deps, create_bolt_app
from handlers.slack.delivery.jury_messages import JuryMessenger
from handlers.slack.delivery.nomination_events import JuryNotifier
from handlers.slack.deps import SlackDeps
from handlers.slack.transport.client import build_outbox_client, build_web_client, http_session
from handlers.slack.transport.inbound import RejectedRequest, check_shape, parse_body, verify_signature
from handlers.slack.transport.oauth import add_routes as add_oauth_routes
from handlers.slack.transport.oauth import oauth_flow
from handlers.slack.transport.workspaces import Workspaces, team_of, uninstalls
from handlers.web import HEALTH, STORE, STORE_OPENER, CoreFactory, StoreOpener, create_app
from store import Store
from store.tenant_settings import tenant_settings

log = logging.getLogger(__name__)

BOLT_APP = web.AppKey("bolt_app", AsyncApp)
DEPS = web.AppKey("deps", SlackDeps)
NOTIFIER = web.AppKey("notifier", JuryNotifier)
WORKSPACES = web.AppKey("workspaces", Workspaces)


def create_web_app(
    settings: Settings,
    *,
    make_core: CoreFactory,
    make_core_for: Callable[[Settings], CoreFactory] | None = None,
    open_store: StoreOpener,
    outbox_poll_seconds: float = 1.0,
    retry_base_seconds: float | None = None,
    identity_retry_seconds: float = 1.0,
    jury_check_seconds: float = 60.0,
    recheck_seconds: float = RECHECK_SECONDS,
) -> web.Application:
    """An application serving Slack only; on startup it opens the default tenant's store with ``open_store``."""
    app = create_app(settings, open_store=open_store)
    install(
        app,
        settings,
        make_core=make_core,
        make_core_for=make_core_for,
        timing=WorkerTiming(outbox_poll_seconds, retry_base_seconds),
        identity_retry_seconds=identity_retry_seconds,
        jury_check_seconds=jury_check_seconds,
        recheck_seconds=recheck_seconds,
    )
    return app


@dataclass
class Workspace:
    """Everything that serves one Slack workspace: its listeners and outbox worker, over its store.

    The store is the caller's (the app's, or :class:`handlers.slack.transport.workspaces.Workspaces`'):
    stopping a workspace leaves it open.
    """

    deps: SlackDeps
    bolt: AsyncApp
    notifier: JuryNotifier
    identity_task: asyncio.Task[None]

    @classmethod
    def start(
        cls,
        settings: Settings,
        store: Store,
        make_core: CoreFactory,
        *,
        http: aiohttp.ClientSession,
        timing: WorkerTiming,
        identity_retry_seconds: float,
        jury_check_seconds: float,
    ) -> Workspace:
        deps = build_deps(settings, store, http, make_core)
        client = build_web_client(settings, http)
        identity_task = asyncio.get_running_loop().create_task(
            deps.identity.learn(client, first_delay=identity_retry_seconds)
        )
        outbox_client = build_outbox_client(settings, http)
        messenger = JuryMessenger(deps, outbox_client, check_seconds=jury_check_seconds)
        notifier = JuryNotifier(deps, outbox_client, timing, also=messenger.run_round)
        notifier.start()
        return cls(deps, create_bolt_app(deps, client), notifier, identity_task)

    async def stop(self) -> None:
        self.identity_task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.identity_task
        await self.notifier.stop()
        await self.deps.tasks.drain()


WORKSPACE = web.AppKey("workspace", Workspace)


def install(
    web_app: web.Application,
    settings: Settings,
    *,
    make_core: CoreFactory,
    make_core_for: Callable[[Settings], CoreFactory] | None = None,
    timing: WorkerTiming = DEFAULT_TIMING,
    identity_retry_seconds: float = 1.0,
    jury_check_seconds: float = 60.0,
    recheck_seconds: float = RECHECK_SECONDS,
) -> None:
    """Add Slack to the shared app (handlers.web): ``POST /slack/events`` and its outbox worker.

    With ``SLACK_CLIENT_ID``/``SLACK_CLIENT_SECRET`` the app serves every workspace that installs
    it (:mod:`handlers.slack.transport.workspaces`, ``make_core_for`` builds each one's core from its
    settings); otherwise the one workspace of ``SLACK_BOT_TOKEN``.
    """
    secret = settings.slack_signing_secret or ""
    options: dict[str, Any] = {
        "timing": timing,
        "identity_retry_seconds": identity_retry_seconds,
        "jury_check_seconds": jury_check_seconds,
    }

    async def slack_context(app: web.Application) -> AsyncIterator[None]:
        http = http_session()
        if settings.slack_many_workspaces:

            def installed(installation: Installation) -> None:
                if installation.team_id:
                    app[WORKSPACES].recheck(installation.team_id)

            flow = oauth_flow(settings, app[STORE], build_web_client(settings, http), installed)
            start = functools.partial(Workspace.start, http=http, **options)
            app[WORKSPACES] = Workspaces(
                settings,
                flow,
                start,
                make_core_for or (lambda _: make_core),
                registry=app[STORE],
                open_store=app[STORE_OPENER],
                recheck_seconds=recheck_seconds,
            )
            await app[WORKSPACES].start_installed()
        else:
            # The default tenant: its settings in the database, else the environment's (unchanged).
            served = await tenant_settings(settings, app[STORE])
            core = make_core if served == settings or make_core_for is None else make_core_for(served)
            app[WORKSPACE] = Workspace.start(served, app[STORE], core, http=http, **options)
            app[DEPS] = app[WORKSPACE].deps
            app[BOLT_APP] = app[WORKSPACE].bolt
            app[NOTIFIER] = app[WORKSPACE].notifier
        yield
        if settings.slack_many_workspaces:
            await app[WORKSPACES].stop()
        else:
            await app[WORKSPACE].stop()
        await http.close()

    async def slack_events(request: web.Request) -> web.Response:
        raw = await request.read()
        try:
            verify_signature(secret, request.headers, raw)
            text, payload = parse_body(raw, request.content_type)
            check_shape(payload)
            if settings.slack_many_workspaces:
                early = await _without_a_workspace(request.app, payload)
                if early is not None:
                    return early
            bolt = await _bolt_for(request.app, payload)
            if bolt is None:
                return web.Response(status=200)  # a workspace without an installation: nothing to do
            bolt_request = AsyncBoltRequest(body=text, query=request.query_string, headers=dict(request.headers))
            bolt_response = await bolt.async_dispatch(bolt_request)
        except RejectedRequest as rejected:
            log.warning("refused a Slack request (%d): %s", rejected.status, one_line(rejected.reason))
            return web.Response(status=rejected.status)
        except Exception as error:  # the last net: one line and a 400, never a traceback and a 500
            log.error("could not handle a Slack request: %s: %s", type(error).__name__, error)
            return web.Response(status=400)
        return await to_aiohttp_response(bolt_response)

    async def _without_a_workspace(app: web.Application, payload: dict[str, Any]) -> web.Response | None:
        """What a many-workspace server answers itself: Slack's URL check before any install, and uninstalls."""
        if payload.get("type") == "url_verification":
            return web.json_response({"challenge": str(payload.get("challenge", ""))})
        team = team_of(payload)
        if team is not None and uninstalls(payload):
            app[WORKSPACES].forget_soon(team)  # ack first: stopping the workspace's worker may take a moment
            return web.Response(status=200)
        return None

    async def _bolt_for(app: web.Application, payload: dict[str, Any]) -> AsyncApp | None:
        if not settings.slack_many_workspaces:
            return app[BOLT_APP]
        team = team_of(payload)
        if team is None:
            return app[WORKSPACES].any_bolt()  # ssl_check: no workspace
        workspace = await app[WORKSPACES].get(team)
        if workspace is None:
            log.warning("a Slack request from workspace %s, which has not installed the app", team)
            return None
        return workspace.bolt

    web_app.cleanup_ctx.append(slack_context)
    web_app[HEALTH].append(_health)
    web_app.router.add_post("/slack/events", slack_events)
    if settings.slack_many_workspaces:
        add_oauth_routes(web_app, lambda app: app[WORKSPACES].flow)


def _health(app: web.Application) -> dict[str, object]:
    if WORKSPACES in app:
        return {"slack_workspaces": app[WORKSPACES].count()}
    return {"slack_identity_known": app[DEPS].identity.known.is_set()}

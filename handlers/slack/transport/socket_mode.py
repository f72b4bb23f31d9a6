"""Socket Mode: the same bolt app and outbox worker over a websocket instead of HTTP.

Envelopes pass the same shape check as HTTP requests (:mod:`handlers.slack.transport.inbound`).
A malformed envelope is acknowledged (so Slack does not send it again), logged
as one line, and not dispatched; slack_sdk's client would otherwise log a
traceback for each one.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from time import time

from slack_bolt.adapter.socket_mode.async_base_handler import AsyncBaseSocketModeHandler
from slack_bolt.adapter.socket_mode.async_internals import run_async_bolt_app, send_async_response
from slack_bolt.async_app import AsyncApp
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from handlers.logtext import one_line
from handlers.slack.app import build_deps, create_bolt_app
from handlers.slack.delivery.jury_messages import JuryMessenger
from handlers.slack.delivery.nomination_events import JuryNotifier
from handlers.slack.transport.client import build_outbox_client, build_web_client, http_session
from handlers.slack.transport.inbound import RejectedRequest, check_shape
from handlers.web import CoreFactory, StoreOpener
from store import DEFAULT_TENANT

log = logging.getLogger(__name__)


class GuardedSocketModeClient(SocketModeClient):
    """slack_sdk's aiohttp client, refusing envelopes that are not JSON objects with a dict payload."""

    async def process_message(self) -> None:
        raw = await self.message_queue.get()
        if raw is None:
            return
        try:
            message = json.loads(raw)
        except (ValueError, RecursionError):
            log.warning("refused a Socket Mode message: not JSON")
            return
        if not isinstance(message, dict):
            log.warning("refused a Socket Mode message: not a JSON object")
            return
        envelope_id = message.get("envelope_id")
        if envelope_id is not None and not (isinstance(envelope_id, str) and isinstance(message.get("payload"), dict)):
            log.warning("refused a Socket Mode envelope: malformed envelope_id or payload")
            if isinstance(envelope_id, str):
                await self.send_socket_mode_response(SocketModeResponse(envelope_id=envelope_id))
            return
        task = asyncio.ensure_future(self.run_message_listeners(message, raw))
        self._listener_tasks.add(task)
        task.add_done_callback(self._listener_tasks.discard)

    @property
    def _listener_tasks(self) -> set[asyncio.Future[None]]:
        # Strong references, so a running listener is not garbage-collected mid-way.
        tasks: set[asyncio.Future[None]] | None = getattr(self, "_guarded_tasks", None)
        if tasks is None:
            tasks = set()
            self._guarded_tasks = tasks
        return tasks


class GuardedSocketModeHandler(AsyncBaseSocketModeHandler):
    app: AsyncApp

    def __init__(self, app: AsyncApp, app_token: str, web_client: AsyncWebClient) -> None:
        self.app = app
        self.client = GuardedSocketModeClient(app_token=app_token, logger=app.logger, web_client=web_client)
        self.client.socket_mode_request_listeners.append(self.handle)  # type: ignore[arg-type]

    async def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        start = time()
        try:
            check_shape(req.payload)
            bolt_response = await run_async_bolt_app(self.app, req)
        except RejectedRequest as rejected:
            log.warning("refused a Socket Mode envelope: %s", one_line(rejected.reason))
            await client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))
            return
        except Exception as error:  # one line, never a traceback; acked so Slack does not resend it
            log.error("could not handle a Socket Mode envelope: %s: %s", type(error).__name__, error)
            await client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))
            return
        await send_async_response(client, req, bolt_response, start)


async def run_socket_mode(
    settings: Settings,
    make_core: CoreFactory,
    open_store: StoreOpener,
    *,
    identity_retry_seconds: float = 1.0,
) -> None:
    """Serve until cancelled, over the default tenant's store, which ``open_store`` opens."""
    store = await open_store(DEFAULT_TENANT)
    http = http_session()
    deps = build_deps(settings, store, http, make_core)
    client = build_web_client(settings, http)
    # Socket Mode requests are not signed: the websocket itself is authenticated by the app token.
    app = create_bolt_app(deps, client)
    outbox_client = build_outbox_client(settings, http)
    notifier = JuryNotifier(deps, outbox_client, also=JuryMessenger(deps, outbox_client).run_round)
    handler = GuardedSocketModeHandler(app, settings.slack_app_token or "", client)
    identity = asyncio.get_running_loop().create_task(deps.identity.learn(client, first_delay=identity_retry_seconds))
    notifier.start()
    try:
        await handler.start_async()  # type: ignore[no-untyped-call]
    except asyncio.CancelledError:
        pass
    finally:
        identity.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await identity
        await notifier.stop()
        await deps.tasks.drain()
        await handler.close_async()  # type: ignore[no-untyped-call]
        await http.close()
        await store.aclose()

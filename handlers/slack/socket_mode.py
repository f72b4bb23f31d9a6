"""Socket Mode: the same bolt app and outbox worker over a websocket instead of HTTP."""

from __future__ import annotations

import asyncio

import aiohttp
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler

from bot.config import Settings
from handlers.slack.app import build_deps, create_bolt_app
from handlers.slack.client import build_web_client
from handlers.slack.delivery import JuryNotifier
from store import Store, open_store_async


async def run_socket_mode(settings: Settings, store: Store | None = None) -> None:
    """Serve until cancelled; opens the store the settings select unless ``store`` is given."""
    if store is None:
        store = await open_store_async(settings, clock=settings.clock())
    http = aiohttp.ClientSession()
    deps = build_deps(settings, store, http)
    client = build_web_client(settings, http)
    # Socket Mode requests are not signed: the websocket itself is authenticated by the app token.
    app = create_bolt_app(deps, client, verify_requests=False)
    notifier = JuryNotifier(deps, client)
    handler = AsyncSocketModeHandler(app, settings.slack_app_token)
    notifier.start()
    try:
        await handler.start_async()  # type: ignore[no-untyped-call]
    except asyncio.CancelledError:
        pass
    finally:
        await notifier.stop()
        await deps.tasks.drain()
        await handler.close_async()  # type: ignore[no-untyped-call]
        await http.close()
        await store.aclose()

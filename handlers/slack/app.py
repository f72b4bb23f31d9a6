"""The bolt ``AsyncApp`` with every listener registered on it, and the services it uses."""

from __future__ import annotations

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.answering import Answerer
from bot.cli.compose import build_assistant, build_service
from bot.config import Settings, SettingsError
from bot.knowledge import default_knowledge
from handlers.slack import actions, commands, events, views
from handlers.slack.contexts import ChannelQuestions
from handlers.slack.deps import SlackDeps
from handlers.slack.middleware import DedupeMiddleware
from store import Store


def require_settings(settings: Settings, *names: str) -> None:
    """Stop start-up with one line naming the first missing Slack setting."""
    fields = {
        "SLACK_BOT_TOKEN": settings.slack_bot_token,
        "SLACK_SIGNING_SECRET": settings.slack_signing_secret,
        "SLACK_APP_TOKEN": settings.slack_app_token,
    }
    for name in names:
        if not fields[name]:
            raise SettingsError(f"Inställningen {name} saknas (se .env.example).")
    if settings.slack_app_token and "SLACK_APP_TOKEN" in names and not settings.slack_app_token.startswith("xapp-"):
        raise SettingsError("Inställningen SLACK_APP_TOKEN ska börja med xapp-.")


def build_deps(settings: Settings, store: Store, http: aiohttp.ClientSession) -> SlackDeps:
    return SlackDeps(
        settings=settings,
        knowledge=default_knowledge(),
        store=store,
        assistant=build_assistant(store, settings),
        service=build_service(store, settings),
        clock=settings.clock(),
        questions=ChannelQuestions(Answerer(default_knowledge(), settings.clock())),
        http=http,
    )


def create_bolt_app(deps: SlackDeps, client: AsyncWebClient, *, verify_requests: bool = True) -> AsyncApp:
    app = AsyncApp(
        client=client,
        signing_secret=deps.settings.slack_signing_secret or "",
        # Socket Mode has no signatures to verify; over HTTP bolt answers 401 to a bad or stale one.
        request_verification_enabled=verify_requests,
        # Every listener acks and hands slow work to deps.tasks (strong references), so bolt may
        # answer as soon as the listener returns instead of polling for the ack every 10 ms.
        process_before_response=True,
        # Built-ins for features this app does not use (AI assistant threads, workflow
        # functions) cost a middleware hop on every request.
        ignoring_self_assistant_message_events_enabled=False,
        attaching_function_token_enabled=False,
        attaching_conversation_kwargs_enabled=False,
    )
    app.use(DedupeMiddleware(deps.seen, deps.store.dedupe))
    for module in (commands, events, views, actions):
        module.register(app, deps)
    return app

"""The bolt ``AsyncApp`` with every listener registered on it, and the services it uses."""

from __future__ import annotations

import logging

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings, SettingsError
from handlers.slack.deps import SlackDeps
from handlers.slack.listeners import register_listeners
from handlers.slack.transport.identity import BotIdentity
from handlers.slack.transport.middleware import DedupeMiddleware
from handlers.web import CoreFactory
from store import Store

log = logging.getLogger(__name__)


def require_settings(settings: Settings, *names: str) -> None:
    """Stop start-up with one line naming the first missing Slack setting."""
    fields = {
        "SLACK_BOT_TOKEN": settings.slack_bot_token,
        "SLACK_SIGNING_SECRET": settings.slack_signing_secret,
        "SLACK_APP_TOKEN": settings.slack_app_token,
    }
    if settings.slack_many_workspaces:  # each workspace's token comes from its installation
        names = tuple(name for name in names if name != "SLACK_BOT_TOKEN")
    for name in names:
        if not fields[name]:
            raise SettingsError(f"Inställningen {name} saknas (se .env.example).")
    if settings.slack_app_token and "SLACK_APP_TOKEN" in names and not settings.slack_app_token.startswith("xapp-"):
        raise SettingsError("Inställningen SLACK_APP_TOKEN ska börja med xapp-.")


def build_deps(settings: Settings, store: Store, http: aiohttp.ClientSession, make_core: CoreFactory) -> SlackDeps:
    core = make_core(store)
    return SlackDeps(
        settings=settings,
        knowledge=core.knowledge,
        store=store,
        router=core.router,
        service=core.nominations,
        clock=settings.clock(),
        http=http,
        identity=BotIdentity(settings.slack_bot_token or "", bot_user_id=settings.slack_bot_user_id),
        jury=core.jury,
    )


class _EnvironmentTokenNotice(logging.Filter):
    """bolt reads ``SLACK_BOT_TOKEN`` from the environment by itself, even when it is handed a client
    and no token, and then warns "As you gave `client` as well, `token` will be unused". The app
    gives bolt no token on purpose (each request's token comes from ``authorize``), so the warning
    would only send an operator looking for a mistake that is not there."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


logging.getLogger("slack_bolt.AsyncApp").addFilter(_EnvironmentTokenNotice())


def create_bolt_app(deps: SlackDeps, client: AsyncWebClient) -> AsyncApp:
    """The bolt app; requests reach it only through :mod:`handlers.slack.transport.inbound`'s checks."""
    # bolt makes a client per request from this one; its token comes from deps.identity.authorize,
    # which (unlike bolt's built-in auth.test) needs no answer from Slack to let a request through.
    template = AsyncWebClient(
        token=None,
        base_url=client.base_url,
        timeout=client.timeout,
        session=client.session,
        retry_handlers=client.retry_handlers,
    )
    app = AsyncApp(
        client=template,
        authorize=deps.identity.authorize_function(),
        # Signatures are checked before bolt parses anything (handlers.slack.transport.inbound); Socket Mode has none.
        request_verification_enabled=False,
        # Every listener acks and hands slow work to deps.tasks (strong references), so bolt may
        # answer as soon as the listener returns instead of polling for the ack every 10 ms.
        process_before_response=True,
        # Built-ins for features this app does not use (AI assistant threads, workflow
        # functions) cost a middleware hop on every request.
        ignoring_self_assistant_message_events_enabled=False,
        attaching_function_token_enabled=False,
        attaching_conversation_kwargs_enabled=False,
    )
    app.use(DedupeMiddleware(deps.store.dedupe))
    app.error(_on_listener_error)
    register_listeners(app, deps)
    return app


async def _on_listener_error(error: Exception, response: BoltResponse | None) -> BoltResponse:
    """One log line instead of bolt's traceback, and never a 500: an acknowledged answer is kept."""
    log.error("Slack listener failed: %s: %s", type(error).__name__, error)
    if response is not None and response.body:
        return BoltResponse(status=200, body=response.body, headers=response.headers)
    return BoltResponse(status=400, body="")

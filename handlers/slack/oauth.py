"""Installing the app into many workspaces: bolt's OAuth flow, its stores kept in the project's store.

With ``SLACK_CLIENT_ID``/``SLACK_CLIENT_SECRET`` set, ``GET /slack/install`` starts Slack's
OAuth flow and ``GET /slack/oauth_redirect`` finishes it (bolt's :class:`AsyncOAuthFlow`).
The installation (the workspace's bot token and bot user) and the one-time OAuth states are
kept through slack_sdk's installation-store and state-store interfaces, implemented here on
the records port of the installation's registry store (the default tenant's), so they live
in the same TinyDB file or PostgreSQL database as everything else.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import Clock
from bot.config import Settings
from store.base import RecordRepository

log = logging.getLogger(__name__)

# The bot scopes the app asks for: the same as slack-manifest.yml (a test keeps them equal).
BOT_SCOPES = (
    "app_mentions:read",
    "channels:read",
    "groups:read",
    "channels:history",
    "groups:history",
    "chat:write",
    "commands",
    "files:write",
    "im:history",
    "im:write",
)
INSTALLATION = "slack_installation"
BOT = "slack_bot"
STATE = "slack_oauth_state"
STATE_SECONDS = 600
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"


def _key(enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None) -> str:
    if is_enterprise_install:
        team_id = None  # an org-wide install answers for every workspace of the enterprise
    return f"{enterprise_id or '-'}:{team_id or '-'}"


def _plain(value: dict[str, Any]) -> dict[str, Any]:
    return {name: item for name, item in value.items() if item is not None}


class RecordInstallationStore(AsyncInstallationStore):
    """slack_sdk's installation store on the records port (bot installations only)."""

    def __init__(self, records: RecordRepository) -> None:
        self.records = records

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        key = _key(installation.enterprise_id, installation.team_id, installation.is_enterprise_install)
        await self.records.put(INSTALLATION, key, _plain(vars(installation)))
        await self.async_save_bot(installation.to_bot())

    async def async_save_bot(self, bot: Bot) -> None:
        await self.records.put(BOT, _key(bot.enterprise_id, bot.team_id, bot.is_enterprise_install), _plain(vars(bot)))

    async def async_find_bot(
        self, *, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None = False
    ) -> Bot | None:
        found = await self.records.get(BOT, _key(enterprise_id, team_id, is_enterprise_install))
        return Bot(**found) if found else None

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        found = await self.records.get(INSTALLATION, _key(enterprise_id, team_id, is_enterprise_install))
        return Installation(**found) if found else None

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.records.delete(BOT, _key(enterprise_id, team_id, False))

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        await self.records.delete(INSTALLATION, _key(enterprise_id, team_id, False))

    async def teams(self) -> list[str]:
        """The workspaces with a bot installed (``team_id``s)."""
        return [key.split(":", 1)[1] for key, _ in await self.records.list(BOT) if not key.endswith(":-")]


class RecordOAuthStateStore(AsyncOAuthStateStore):
    """One-time OAuth states on the records port: issued with an expiry, consumed once."""

    def __init__(self, records: RecordRepository, clock: Clock, expiration_seconds: int = STATE_SECONDS) -> None:
        self.records = records
        self.clock = clock
        self.expiration_seconds = expiration_seconds

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(24)
        expires_at = self.clock() + timedelta(seconds=self.expiration_seconds)
        await self.records.put(STATE, state, {}, expires_at=expires_at)
        return state

    async def async_consume(self, state: str) -> bool:
        return await self.records.take(STATE, state) is not None


def oauth_flow(settings: Settings, records: RecordRepository, client: AsyncWebClient) -> AsyncOAuthFlow:
    oauth_settings = AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(BOT_SCOPES),
        redirect_uri=settings.slack_redirect_uri,
        installation_store=RecordInstallationStore(records),
        installation_store_bot_only=True,
        state_store=RecordOAuthStateStore(records, settings.clock()),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
    )
    return AsyncOAuthFlow(client=client, settings=oauth_settings)


def add_routes(web_app: web.Application, flow_of: Callable[[web.Application], AsyncOAuthFlow]) -> None:
    """``GET /slack/install`` and ``GET /slack/oauth_redirect`` on the shared app.

    ``flow_of`` finds the flow on the running app: it is built on start-up, over the store
    opened then.
    """

    async def install(request: web.Request) -> web.Response:
        flow = flow_of(request.app)
        return await to_aiohttp_response(await flow.handle_installation(await to_bolt_request(request)))

    async def redirect(request: web.Request) -> web.Response:
        flow = flow_of(request.app)
        return await to_aiohttp_response(await flow.handle_callback(await to_bolt_request(request)))

    web_app.router.add_get(INSTALL_PATH, install)
    web_app.router.add_get(REDIRECT_PATH, redirect)

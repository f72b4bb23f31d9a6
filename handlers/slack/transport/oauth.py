"""Installing the app into many workspaces: bolt's OAuth flow, its stores kept in the project's store.

With ``SLACK_CLIENT_ID``/``SLACK_CLIENT_SECRET`` set, ``GET /slack/install`` starts Slack's
OAuth flow and ``GET /slack/oauth_redirect`` finishes it (bolt's :class:`AsyncOAuthFlow`).
The installation (the workspace's bot token and bot user) and the one-time OAuth states are
kept through slack_sdk's installation-store and state-store interfaces, implemented here on
the store's registry of installed workspaces (:mod:`store.installations`: keyed by Slack's
``enterprise_id`` and ``team_id``, in the same TinyDB file or PostgreSQL database as
everything else).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.oauth.async_callback_options import AsyncCallbackOptions, AsyncFailureArgs, AsyncSuccessArgs
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import Clock
from bot.config import Settings
from store.base import Store
from store.ports import InstallationRepository, OAuthStateRepository

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
STATE_SECONDS = 600
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"


def _team(team_id: str | None, is_enterprise_install: bool | None) -> str | None:
    """An org-wide install answers for every workspace of the enterprise: it is kept without a team."""
    return None if is_enterprise_install else team_id


def _plain(value: dict[str, Any]) -> dict[str, Any]:
    return {name: item for name, item in value.items() if item is not None}


def _at(installed_at: float) -> datetime:
    return datetime.fromtimestamp(installed_at, tz=UTC)


class StoreInstallationStore(AsyncInstallationStore):
    """slack_sdk's installation store on the project's registry of installed workspaces.

    The registry (:class:`store.ports.InstallationRepository`: TinyDB's default file or
    PostgreSQL's ``slack_installations``/``slack_bots``) keys every row by Slack's
    ``enterprise_id`` and ``team_id``, not by a tenant. An installation is kept per installing
    user, and the workspace's bot (its token) once per workspace, replaced by a reinstall.
    """

    def __init__(self, installations: InstallationRepository) -> None:
        self.installations = installations

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        team_id = _team(installation.team_id, installation.is_enterprise_install)
        await self.installations.save_installation(
            installation.enterprise_id,
            team_id,
            installation.user_id,
            _at(installation.installed_at),
            _plain(vars(installation)),
        )
        if installation.bot_token:
            await self.async_save_bot(installation.to_bot())

    async def async_save_bot(self, bot: Bot) -> None:
        team_id = _team(bot.team_id, bot.is_enterprise_install)
        await self.installations.save_bot(bot.enterprise_id, team_id, _at(bot.installed_at), _plain(vars(bot)))

    async def async_find_bot(
        self, *, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None = False
    ) -> Bot | None:
        found = await self.installations.find_bot(enterprise_id, _team(team_id, is_enterprise_install))
        return Bot(**found) if found else None

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        team_id = _team(team_id, is_enterprise_install)
        found = await self.installations.find_installation(enterprise_id, team_id, user_id)
        if found is None:
            return None
        installation = Installation(**found)
        if user_id is not None or not installation.bot_token:
            # A user's own installation may be older than the workspace's bot: give it the latest bot token.
            bot = await self.installations.find_bot(enterprise_id, team_id)
            for name in ("bot_token", "bot_id", "bot_user_id", "bot_scopes", "bot_refresh_token"):
                if bot and bot.get(name) is not None:
                    setattr(installation, name, bot[name])
        return installation

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.installations.delete_bot(enterprise_id, team_id)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        await self.installations.delete_installations(enterprise_id, team_id, user_id)

    async def teams(self) -> list[str]:
        """The workspaces with a bot installed (``team_id``s; org-wide installs have none)."""
        return [team_id for _, team_id in await self.installations.bots() if team_id]


class StoreOAuthStateStore(AsyncOAuthStateStore):
    """One-time OAuth states in the project's registry: issued with an expiry, consumed once."""

    def __init__(self, states: OAuthStateRepository, clock: Clock, expiration_seconds: int = STATE_SECONDS) -> None:
        self.states = states
        self.clock = clock
        self.expiration_seconds = expiration_seconds

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(24)
        await self.states.issue(state, self.clock() + timedelta(seconds=self.expiration_seconds))
        return state

    async def async_consume(self, state: str) -> bool:
        return await self.states.consume(state)


def oauth_flow(
    settings: Settings,
    registry: Store,
    client: AsyncWebClient,
    on_installed: Callable[[Installation], None] | None = None,
) -> AsyncOAuthFlow:
    """bolt's flow with its stores on ``registry``'s installations and states (the default tenant's handle).

    ``on_installed`` is told of each installation once it is saved, before bolt's page says so.
    """

    async def success(args: AsyncSuccessArgs) -> BoltResponse:
        if on_installed is not None:
            on_installed(args.installation)
        return await args.default.success(args)

    async def failure(args: AsyncFailureArgs) -> BoltResponse:
        return await args.default.failure(args)

    oauth_settings = AsyncOAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=list(BOT_SCOPES),
        redirect_uri=settings.slack_redirect_uri,
        installation_store=StoreInstallationStore(registry.installations),
        installation_store_bot_only=True,
        state_store=StoreOAuthStateStore(registry.oauth_states, settings.clock()),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        callback_options=AsyncCallbackOptions(success=success, failure=failure),
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

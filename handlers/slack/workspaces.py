"""Many Slack workspaces on one server: each installed workspace gets its own runtime.

A workspace's runtime is what a single-token server has once: the store bound to the
workspace's tenant (its ``team_id``), the listeners with the workspace's bot token, and an
outbox worker posting with that token. Runtimes start for every installed workspace when the
server starts, and for a newly installed one on its first request. The workspace's jury
channels, jurors, chair and round come from its entry in the tenants file (``trygghetsbot
tenant set``, :mod:`bot.tenants`), never from another workspace's or the server's.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, Protocol

from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow

from bot.config import Settings
from bot.tenants import TenantSettings, load_tenants
from handlers.slack.oauth import StoreInstallationStore
from handlers.web import CoreFactory
from store import Store, open_store_async

log = logging.getLogger(__name__)


class Runtime(Protocol):
    bolt: AsyncApp

    async def stop(self) -> None: ...


StartRuntime = Callable[[Settings, Store, CoreFactory], Runtime]


def team_of(payload: dict[str, Any]) -> str | None:
    """The workspace a Slack request comes from (events, slash commands, interactions)."""
    team = payload.get("team_id") or payload.get("team")
    if isinstance(team, dict):
        team = team.get("id")
    if not team and isinstance(payload.get("user"), dict):
        team = payload["user"].get("team_id")
    return team if isinstance(team, str) and team else None


def workspace_settings(settings: Settings, token: str, bot_user_id: str | None, own: TenantSettings) -> Settings:
    """The server's settings with the workspace's token and its own jury settings (none unless set)."""
    return settings.model_copy(update={**own.model_dump(), "slack_bot_token": token, "slack_bot_user_id": bot_user_id})


class Workspaces:
    def __init__(
        self,
        settings: Settings,
        flow: AsyncOAuthFlow,
        start: Callable[..., Runtime],
        make_core_for: Callable[[Settings], CoreFactory],
    ) -> None:
        self.settings = settings
        self.flow = flow
        self._start = start
        self._make_core_for = make_core_for
        self._runtimes: dict[str, Runtime] = {}
        self._lock = asyncio.Lock()
        store = flow.settings.installation_store
        assert isinstance(store, StoreInstallationStore)
        self.installations = store

    def count(self) -> int:
        return len(self._runtimes)

    def any_bolt(self) -> AsyncApp | None:
        return next((runtime.bolt for runtime in self._runtimes.values()), None)

    async def start_installed(self) -> None:
        for team_id in await self.installations.teams():
            await self.get(team_id)

    async def get(self, team_id: str) -> Runtime | None:
        runtime = self._runtimes.get(team_id)
        if runtime is not None:
            return runtime
        async with self._lock:
            if team_id in self._runtimes:
                return self._runtimes[team_id]
            bot = await self.installations.async_find_bot(enterprise_id=None, team_id=team_id)
            if bot is None or not bot.bot_token:
                return None
            own = load_tenants(self.settings.tenants_path).get(team_id, TenantSettings())
            settings = workspace_settings(self.settings, bot.bot_token, bot.bot_user_id, own)
            store = await open_store_async(
                settings, tenant=team_id, clock=settings.clock(), lock_wait=settings.lock_wait
            )
            try:
                runtime = self._start(settings, store, self._make_core_for(settings))
            except BaseException:
                await store.aclose()
                raise
            self._runtimes[team_id] = runtime
            log.info("serving Slack workspace %s", team_id)
            return runtime

    async def stop(self) -> None:
        for runtime in self._runtimes.values():
            await runtime.stop()
        self._runtimes.clear()

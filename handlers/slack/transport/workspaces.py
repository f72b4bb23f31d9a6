"""Many Slack workspaces on one server: each installed workspace gets its own runtime.

A workspace's runtime is what a single-token server has once: the listeners with the
workspace's bot token, the core over the store bound to the workspace's tenant (its
``team_id``), and an outbox worker posting that tenant's messages with that token. The
tenant's store is opened once and kept (one per workspace). The workspace's jury channels,
jurors, chair and round are its own settings in its store (``trygghetsbot tenant set``,
:mod:`store.tenant_settings`), never another workspace's or the server's.

Runtimes start for every installed workspace when the server starts, and for a newly installed
one on its first request. When Slack says the app left a workspace (``app_uninstalled``, or
``tokens_revoked`` of its bot token) the installation is deleted and the runtime stopped; the
workspace's data stays. A runtime is checked against the registry again at most every
``recheck_seconds`` (and at once after an install through this process): a workspace whose
installation is gone is no longer served, and a new bot token (a reinstall) or changed
settings replace the runtime, so a change made by another process or by ``tenant set`` is
picked up without a restart.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow

from bot.config import Settings
from bot.tenants import RECHECK_SECONDS, TenantSettings, tenant_view
from handlers.slack.transport.oauth import StoreInstallationStore
from handlers.tasks import BackgroundTasks
from handlers.web import CoreFactory, StoreOpener
from store import Store
from store.tenant_settings import load_tenant_settings

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


def uninstalls(payload: dict[str, Any]) -> bool:
    """An event saying the app left the workspace: ``app_uninstalled``, or ``tokens_revoked`` of its bot."""
    event = payload.get("event") if payload.get("type") == "event_callback" else None
    if not isinstance(event, dict):
        return False
    if event.get("type") == "app_uninstalled":
        return True
    tokens = event.get("tokens")
    return event.get("type") == "tokens_revoked" and isinstance(tokens, dict) and bool(tokens.get("bot"))


def workspace_settings(
    settings: Settings, team_id: str, token: str, bot_user_id: str | None, own: TenantSettings | None
) -> Settings:
    """The server's settings with the workspace's token and its own jury settings (none unless set)."""
    view = tenant_view(settings, team_id, own)
    return view.model_copy(update={"slack_bot_token": token, "slack_bot_user_id": bot_user_id})


@dataclass
class Served:
    runtime: Runtime
    token: str
    own: TenantSettings | None
    checked_at: float  # time.monotonic() of the last look at the registry


class Workspaces:
    def __init__(
        self,
        settings: Settings,
        flow: AsyncOAuthFlow,
        start: StartRuntime,
        make_core_for: Callable[[Settings], CoreFactory],
        *,
        registry: Store,
        open_store: StoreOpener,
        recheck_seconds: float = RECHECK_SECONDS,
    ) -> None:
        """``registry``: the default tenant's store, which holds the installations (and lends its connections);
        ``open_store``: the composition root's opener, for a workspace's own TinyDB file."""
        self.settings = settings
        self.registry = registry
        self._open_store = open_store
        self.flow = flow
        self._start = start
        self._make_core_for = make_core_for
        self.recheck_seconds = recheck_seconds
        self._served: dict[str, Served] = {}
        self._stores: dict[str, Store] = {}
        self._lock = asyncio.Lock()
        self._tasks = BackgroundTasks()
        self._leaving: set[str] = set()  # uninstalled, being forgotten in the background: not served
        store = flow.settings.installation_store
        assert isinstance(store, StoreInstallationStore)
        self.installations = store

    def count(self) -> int:
        return len(self._served)

    def any_bolt(self) -> AsyncApp | None:
        return next((served.runtime.bolt for served in self._served.values()), None)

    async def start_installed(self) -> None:
        for team_id in await self.installations.teams():
            await self.get(team_id)

    def recheck(self, team_id: str) -> None:
        """Look at the registry again on the workspace's next request (it was just installed)."""
        served = self._served.get(team_id)
        if served is not None:
            served.checked_at = float("-inf")

    async def get(self, team_id: str) -> Runtime | None:
        """The workspace's runtime, or ``None`` when it has not installed the app."""
        if team_id in self._leaving:
            return None
        served = self._served.get(team_id)
        if served is not None and time.monotonic() - served.checked_at < self.recheck_seconds:
            return served.runtime
        async with self._lock:
            served = self._served.get(team_id)
            if served is not None and time.monotonic() - served.checked_at < self.recheck_seconds:
                return served.runtime
            bot = await self.installations.async_find_bot(enterprise_id=None, team_id=team_id)
            if bot is None or not bot.bot_token:
                if served is not None:
                    log.info("Slack workspace %s no longer has the app installed", team_id)
                    await self._retire(team_id, close_store=True)
                return None
            store = await self._store(team_id)
            own = await load_tenant_settings(store)
            if served is not None and served.token == bot.bot_token and served.own == own:
                served.checked_at = time.monotonic()
                return served.runtime
            if served is not None:
                log.info("Slack workspace %s: new bot token or settings, restarting its runtime", team_id)
                await self._retire(team_id, close_store=False)
            settings = workspace_settings(self.settings, team_id, bot.bot_token, bot.bot_user_id, own)
            runtime = self._start(settings, store, self._make_core_for(settings))
            self._served[team_id] = Served(runtime, bot.bot_token, own, time.monotonic())
            log.info("serving Slack workspace %s", team_id)
            return runtime

    def forget_soon(self, team_id: str) -> None:
        """:meth:`uninstalled`, in the background; the workspace is not served from now on."""
        self._leaving.add(team_id)

        async def forget() -> None:
            try:
                await self.uninstalled(team_id)
            finally:
                self._leaving.discard(team_id)

        self._tasks.spawn(forget())

    async def uninstalled(self, team_id: str) -> None:
        """Slack said the app left the workspace: forget its installation and stop serving it.

        The workspace's own data (nominations, the jury's records, its settings) is kept.
        """
        await self.installations.async_delete_all(enterprise_id=None, team_id=team_id)
        async with self._lock:
            if team_id in self._served:
                await self._retire(team_id, close_store=True)
        log.info("Slack workspace %s uninstalled the app", team_id)

    async def _store(self, team_id: str) -> Store:
        store = self._stores.get(team_id)
        if store is None:
            # PostgreSQL: the registry's pool, shared by every workspace; TinyDB: the workspace's own file.
            clock = self.settings.clock()
            store = await self.registry.open_for(team_id, clock) or await self._open_store(team_id)
            self._stores[team_id] = store
        return store

    async def _retire(self, team_id: str, *, close_store: bool) -> None:
        served = self._served.pop(team_id)
        await served.runtime.stop()
        if close_store:
            store = self._stores.pop(team_id, None)
            if store is not None:
                await store.aclose()

    async def stop(self) -> None:
        await self._tasks.drain()
        for served in self._served.values():
            await served.runtime.stop()
        self._served.clear()
        for store in self._stores.values():
            await store.aclose()
        self._stores.clear()

"""What every backend's store handle offers: the core's repositories, bound to one tenant.

A handle is opened by :func:`store.open_store_async` (either backend) or
:func:`store.open_store` (TinyDB, synchronous). It belongs to ONE tenant (a
workspace: Slack ``team_id``, Teams tenant id; the console and CLI use
:data:`DEFAULT_TENANT`); nothing read or written through it crosses to another.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, ClassVar, Protocol

from bot.clock import Clock, system_clock
from bot.jury.ports import JuryRepository
from bot.nominations.model import ChannelDelivery, OutboxMessage
from bot.nominations.ports import DedupeRepository, DialogRepository, NominationRepository, OutboxRepository
from bot.tenants import DEFAULT_TENANT as DEFAULT_TENANT
from store.errors import StoreError

_TENANT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}")


def check_tenant(tenant: str) -> str:
    if not _TENANT.fullmatch(tenant):
        raise StoreError("store.bad_tenant", tenant=repr(tenant))
    return tenant


def as_events(event: OutboxMessage | Sequence[OutboxMessage] | None) -> list[OutboxMessage]:
    """The outbox messages written with a nomination: none, one, or one per platform."""
    if event is None:
        return []
    return [event] if isinstance(event, OutboxMessage) else list(event)


def first_deliveries(messages: Iterable[OutboxMessage]) -> dict[str, ChannelDelivery]:
    """Destination -> its first delivery over a nomination's messages (oldest first): where the
    jury's copy lives, for updates. Both backends answer ``deliveries_for`` with it."""
    found: dict[str, ChannelDelivery] = {}
    for message in messages:
        for destination, delivery in message.deliveries.items():
            found.setdefault(destination, delivery)
    return found


def first_delivery_holders(messages: Iterable[OutboxMessage]) -> set[str]:
    """The ids of the messages (of one nomination, oldest first) that ``first_deliveries`` takes a
    delivery from: what a purge keeps while the nomination may still change."""
    holders: dict[str, str] = {}
    for message in messages:
        for destination in message.deliveries:
            holders.setdefault(destination, message.id)
    return set(holders.values())


class RecordRepository(Protocol):
    """Small JSON records by kind and key (see :mod:`store.records`)."""

    async def put(self, kind: str, key: str, value: dict[str, Any], expires_at: datetime | None = None) -> None: ...
    async def get(self, kind: str, key: str) -> dict[str, Any] | None: ...
    async def take(self, kind: str, key: str) -> dict[str, Any] | None: ...
    async def delete(self, kind: str, key: str) -> None: ...
    async def list(self, kind: str) -> list[tuple[str, dict[str, Any]]]: ...


class InstallationRepository(Protocol):
    """Every workspace that installed the app, by enterprise and team id (see :mod:`store.installations`).

    Not bound to the handle's tenant: it is how a request finds its tenant. ``None`` ids are
    kept as ``""`` (a workspace outside an Enterprise Grid org; an org-wide install).
    """

    async def save_installation(
        self,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        installed_at: datetime,
        data: dict[str, Any],
    ) -> None: ...
    async def find_installation(
        self, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> dict[str, Any] | None: ...
    async def delete_installations(
        self, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None: ...
    async def save_bot(
        self, enterprise_id: str | None, team_id: str | None, installed_at: datetime, data: dict[str, Any]
    ) -> None: ...
    async def find_bot(self, enterprise_id: str | None, team_id: str | None) -> dict[str, Any] | None: ...
    async def delete_bot(self, enterprise_id: str | None, team_id: str | None) -> None: ...
    async def bots(self) -> list[tuple[str | None, str | None]]: ...


class OAuthStateRepository(Protocol):
    """One-time OAuth states: ``consume`` is true once per issued, unexpired state (any process)."""

    async def issue(self, state: str, expires_at: datetime) -> None: ...
    async def consume(self, state: str) -> bool: ...


class Store(ABC):
    """The repositories of one tenant; close with :meth:`aclose` (TinyDB also has ``close``).

    ``installations`` and ``oauth_states`` are the installation-wide registry of workspaces, not
    the tenant's: on TinyDB they live in the default tenant's file (its handle has them), on
    PostgreSQL in tables without a tenant column.
    """

    backend: ClassVar[str]
    tenant: str
    nominations: NominationRepository
    dialogs: DialogRepository
    outbox: OutboxRepository
    dedupe: DedupeRepository
    jury: JuryRepository
    records: RecordRepository
    installations: InstallationRepository
    oauth_states: OAuthStateRepository

    @abstractmethod
    async def aclose(self) -> None: ...

    async def open_for(self, tenant: str, clock: Clock = system_clock) -> Store | None:
        """Another tenant's handle on this one's connections, where the backend shares them
        (PostgreSQL: one pool for every workspace a process serves); ``None`` where it cannot
        (TinyDB: each tenant has its own file, opened with :func:`store.open_store_async`).
        The handle is good until this one is closed."""
        return None

    @abstractmethod
    def location(self) -> str:
        """Where the data lives, for messages and /healthz (a path, or a URL without password)."""

"""What every backend's store handle offers: the core's repositories, bound to one tenant.

A handle is opened by :func:`store.open_store_async` (either backend) or
:func:`store.open_store` (TinyDB, synchronous). It belongs to ONE tenant (a
workspace: Slack ``team_id``, Teams tenant id; the console and CLI use
:data:`DEFAULT_TENANT`); nothing read or written through it crosses to another.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from typing import ClassVar

from bot.clock import Clock, system_clock
from bot.jury.ports import JuryRepository
from bot.nominations.ports import DialogRepository, NominationRepository
from bot.outbox.ports import OutboxRepository
from bot.ports import DedupeRepository
from bot.tenants import DEFAULT_TENANT as DEFAULT_TENANT
from store.errors import StoreError
from store.ports import InstallationRepository, OAuthStateRepository, RecordRepository

_TENANT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}")


def check_tenant(tenant: str) -> str:
    if not _TENANT.fullmatch(tenant):
        raise StoreError("store.bad_tenant", tenant=repr(tenant))
    return tenant


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

    def unavailable(self) -> str | None:
        """Why the database is known to be out of reach right now (without asking it), or ``None``:
        so a health check need not wait on it, nor report a cached "ok" during an outage."""
        return None

    @abstractmethod
    def location(self) -> str:
        """Where the data lives, for messages and /healthz (a path, or a URL without password)."""

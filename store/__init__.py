"""Storage: nominations, conversation/dialog state, the notification outbox and delivery dedupe.

Two backends implement the core's Protocols (:mod:`bot.nominations.ports`)
behind one :class:`~store.base.Store` handle, bound to one tenant:

* TinyDB (embedded, the default): :func:`open_store` (synchronous) opens the
  file at ``TRYGGHETSBOT_DB``; ``store.nominations`` is
  :class:`store.nominations.TinyNominationRepository`, ``store.dialogs``
  :class:`store.dialogs.TinyDialogRepository`, ``store.outbox``
  :class:`store.outbox.TinyOutboxRepository` (see its module docstring for the
  delivery API a platform sender uses), ``store.dedupe``
  :class:`store.dedupe.TinyDedupeRepository`, ``store.jury``
  :class:`store.jury.TinyJuryRepository` (scores, conflicts, the decision, the
  audit trail and the jury's messages; :mod:`bot.jury.ports`), ``store.records``
  :class:`store.records.TinyRecordRepository`; and, on the default tenant's handle only,
  the registry of installed workspaces, ``store.installations`` and ``store.oauth_states``
  (:mod:`store.installations`). Durability: every write is an
  atomic file replace with fsync (:mod:`store.atomic`); layout, schema check and
  locking are described in :mod:`store.engine`. A tenant other than the default
  gets its own file beside the default one.
* PostgreSQL (``TRYGGHETSBOT_DATABASE_URL``): :mod:`store.postgres`, for several
  processes and workspaces on one database.

:func:`open_store_async` opens whichever the settings (or a URL/path) select.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from bot.clock import Clock, system_clock
from store.base import DEFAULT_TENANT, Store, check_tenant
from store.dedupe import TinyDedupeRepository
from store.dialogs import TinyDialogRepository
from store.engine import SCHEMA_VERSION, Engine
from store.errors import SchemaVersionError, StoreCorruptError, StoreError, StoreLockedError
from store.installations import TinyInstallationRepository, TinyOAuthStateRepository
from store.jury import TinyJuryRepository
from store.nominations import TinyNominationRepository
from store.outbox import OutboxIndex, TinyOutboxRepository
from store.records import TinyRecordRepository

__all__ = [
    "DEFAULT_TENANT",
    "SCHEMA_VERSION",
    "SchemaVersionError",
    "Store",
    "StoreCorruptError",
    "StoreError",
    "StoreLockedError",
    "TinyStore",
    "is_postgres_url",
    "open_store",
    "open_store_async",
    "tenant_path",
]


@dataclass
class TinyStore(Store):
    backend: ClassVar[str] = "tinydb"
    engine: Engine
    nominations: TinyNominationRepository
    dialogs: TinyDialogRepository
    outbox: TinyOutboxRepository
    dedupe: TinyDedupeRepository
    jury: TinyJuryRepository
    records: TinyRecordRepository
    installations: TinyInstallationRepository
    oauth_states: TinyOAuthStateRepository
    tenant: str = field(default=DEFAULT_TENANT)

    def close(self) -> None:
        try:
            self.nominations.save_index()
        finally:
            self.dedupe.close()
            self.engine.close()

    async def aclose(self) -> None:
        self.close()

    def location(self) -> str:
        return str(self.engine.path)

    def __enter__(self) -> TinyStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def tenant_path(path: str | Path, tenant: str = DEFAULT_TENANT) -> Path:
    """The TinyDB file of ``tenant``: ``path`` itself for the default tenant, else a sibling file."""
    path = Path(path)
    if check_tenant(tenant) == DEFAULT_TENANT:
        return path
    safe = tenant.replace(":", "_")
    return path.with_name(f"{path.stem}.tenant-{safe}{path.suffix}")


def open_store(
    path: str | Path,
    *,
    read_only: bool = False,
    tenant: str = DEFAULT_TENANT,
    clock: Clock = system_clock,
    lock_wait: float = 0.0,
) -> TinyStore:
    """Open (and for writing, create) the TinyDB database at ``path``; raises :class:`StoreError`.

    A writer waits up to ``lock_wait`` seconds for another process's lock.
    """
    engine = Engine(tenant_path(path, tenant), read_only=read_only, lock_wait=lock_wait)
    engine.open()
    try:
        index = OutboxIndex(engine)
        return TinyStore(
            engine=engine,
            nominations=TinyNominationRepository(engine, index),
            dialogs=TinyDialogRepository(engine),
            outbox=TinyOutboxRepository(engine, index),
            dedupe=TinyDedupeRepository(engine, clock),
            jury=TinyJuryRepository(engine),
            records=TinyRecordRepository(engine, clock),
            installations=TinyInstallationRepository(engine, usable=tenant == DEFAULT_TENANT),
            oauth_states=TinyOAuthStateRepository(engine, clock, usable=tenant == DEFAULT_TENANT),
            tenant=tenant,
        )
    except BaseException:
        engine.close()
        raise


def is_postgres_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


async def open_store_async(
    target: object,
    *,
    tenant: str = DEFAULT_TENANT,
    read_only: bool = False,
    clock: Clock = system_clock,
    lock_wait: float = 0.0,
) -> Store:
    """Open the store that ``target`` selects, bound to ``tenant``.

    ``target`` is the settings (``TRYGGHETSBOT_DATABASE_URL`` selects PostgreSQL,
    otherwise the TinyDB file ``TRYGGHETSBOT_DB``), a ``postgresql://`` URL, or a
    TinyDB path. Raises :class:`StoreError` (one readable line) when it cannot be used,
    :class:`SchemaVersionError` when a PostgreSQL schema needs ``trygghetsbot db upgrade``.
    """
    url: str | None
    path: str | Path
    if isinstance(target, str | Path) and not is_postgres_url(target):
        url, path = None, target
    elif is_postgres_url(target):
        url, path = str(target), ""
    else:
        url = getattr(target, "database_url", None)
        path = getattr(target, "db_path", "")
    if url:
        from store.postgres import open_postgres_store

        return await open_postgres_store(url, tenant=tenant, read_only=read_only, clock=clock)
    if lock_wait and not read_only:
        # Waiting for another process's lock sleeps: off the event loop.
        return await asyncio.to_thread(
            open_store, path, read_only=read_only, tenant=tenant, clock=clock, lock_wait=lock_wait
        )
    return open_store(path, read_only=read_only, tenant=tenant, clock=clock)

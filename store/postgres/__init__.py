"""PostgreSQL backend: the same repositories as TinyDB, for many processes and tenants.

Selected by ``TRYGGHETSBOT_DATABASE_URL=postgresql://…``; opened by
:func:`store.open_store_async` (or :func:`open_postgres_store`). One module per
repository, like the TinyDB side:

* :mod:`store.postgres.nominations` — ``PgNominationRepository``
* :mod:`store.postgres.outbox` — ``PgOutboxRepository`` (claims with ``FOR UPDATE SKIP LOCKED``)
* :mod:`store.postgres.dialogs` — ``PgDialogRepository``
* :mod:`store.postgres.dedupe` — ``PgDedupeRepository``
* :mod:`store.postgres.jury` — ``PgJuryRepository`` (each round's writes serialised by a row lock)
* :mod:`store.postgres.records` — ``PgRecordRepository``
* :mod:`store.postgres.installations` — the registry of installed workspaces and OAuth states
  (no tenant column: the same for every handle)

Driver: psycopg 3 (async) with psycopg_pool. The schema lives in versioned SQL
files (``migrations/NNNN_*.sql``, :mod:`store.postgres.migrations`) applied by
``trygghetsbot db upgrade``; opening checks the schema version first and
refuses an old or missing schema with one line.

A handle is bound to one tenant: every table but the registry of installed workspaces
has a ``tenant`` column in its primary key and every statement filters by the handle's tenant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from bot.clock import Clock, system_clock
from store.base import DEFAULT_TENANT, Store, check_tenant
from store.postgres.db import Database, connect, describe
from store.postgres.dedupe import PgDedupeRepository
from store.postgres.dialogs import PgDialogRepository
from store.postgres.installations import PgInstallationRepository, PgOAuthStateRepository
from store.postgres.jury import PgJuryRepository
from store.postgres.migrations import SCHEMA_VERSION, check_version
from store.postgres.nominations import PgNominationRepository
from store.postgres.outbox import PgOutboxRepository
from store.postgres.records import PgRecordRepository

__all__ = ["SCHEMA_VERSION", "PgStore", "open_postgres_store"]


@dataclass
class PgStore(Store):
    backend: ClassVar[str] = "postgres"
    db: Database
    nominations: PgNominationRepository
    dialogs: PgDialogRepository
    outbox: PgOutboxRepository
    dedupe: PgDedupeRepository
    jury: PgJuryRepository
    records: PgRecordRepository
    installations: PgInstallationRepository
    oauth_states: PgOAuthStateRepository
    tenant: str = field(default=DEFAULT_TENANT)

    async def aclose(self) -> None:
        await self.db.close()

    def location(self) -> str:
        return describe(self.db.url)

    def unavailable(self) -> str | None:
        return self.db.circuit.reason

    async def open_for(self, tenant: str, clock: Clock = system_clock) -> PgStore:
        """``tenant``'s handle on this handle's connection pool, closed with this one."""
        return _handle(self.db.for_tenant(check_tenant(tenant)), clock)


async def open_postgres_store(
    url: str, *, tenant: str = DEFAULT_TENANT, read_only: bool = False, clock: Clock = system_clock, max_size: int = 10
) -> PgStore:
    """Connect, check the schema version, open the pool; raises :class:`~store.errors.StoreError`."""
    check_tenant(tenant)
    conn = await connect(url)
    try:
        await check_version(conn)
    finally:
        await conn.close()
    db = Database(url, tenant, read_only=read_only, max_size=max_size)
    await db.open()
    return _handle(db, clock)


def _handle(db: Database, clock: Clock) -> PgStore:
    return PgStore(
        db=db,
        nominations=PgNominationRepository(db),
        dialogs=PgDialogRepository(db),
        outbox=PgOutboxRepository(db),
        dedupe=PgDedupeRepository(db, clock),
        jury=PgJuryRepository(db),
        records=PgRecordRepository(db, clock),
        installations=PgInstallationRepository(db),
        oauth_states=PgOAuthStateRepository(db, clock),
        tenant=db.tenant,
    )

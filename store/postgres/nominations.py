"""PostgreSQL implementation of :class:`bot.nominations.ports.NominationRepository`.

Same API and behaviour as :mod:`store.nominations` (TinyDB). A nomination is a
row of typed columns (``partners`` and ``nominator`` as JSONB); its tenant is part
of every key and every ``WHERE``.

``submit`` is exactly-once across processes: ``UNIQUE (tenant, idempotency_key)``
decides. The nomination (``INSERT … ON CONFLICT (tenant, id) DO UPDATE``, so a
draft becomes submitted under its id) and its outbox message are written in one
transaction; when another connection committed the same key first, the insert
fails on the unique key, the transaction rolls back and the first nomination is
returned with ``False``.
"""

from __future__ import annotations

import builtins
from collections.abc import Collection, Sequence
from typing import Any

import psycopg
from psycopg.rows import DictRow
from psycopg.types.json import Jsonb

from bot.nominations.model import Nomination, OutboxMessage
from store.base import as_events
from store.postgres.db import Conn, Database
from store.postgres.outbox import insert_message

_FIELDS = tuple(Nomination.model_fields)

_UPSERT = """
INSERT INTO nominations (
    tenant, id, round_year, status, nominee, partners, description, added_value, innovation, inspiration,
    results, contact, nominator, nominator_key, created_at, updated_at, submitted_at, withdrawn_at,
    idempotency_key, duplicate_of, revision, edit_keys, content_fingerprint
) VALUES (
    %(tenant)s, %(id)s, %(round_year)s, %(status)s, %(nominee)s, %(partners)s, %(description)s, %(added_value)s,
    %(innovation)s, %(inspiration)s, %(results)s, %(contact)s, %(nominator)s, %(nominator_key)s, %(created_at)s,
    %(updated_at)s, %(submitted_at)s, %(withdrawn_at)s, %(idempotency_key)s, %(duplicate_of)s, %(revision)s,
    %(edit_keys)s, %(content_fingerprint)s
)
ON CONFLICT (tenant, id) DO UPDATE SET
    round_year = EXCLUDED.round_year, status = EXCLUDED.status, nominee = EXCLUDED.nominee,
    partners = EXCLUDED.partners, description = EXCLUDED.description, added_value = EXCLUDED.added_value,
    innovation = EXCLUDED.innovation, inspiration = EXCLUDED.inspiration, results = EXCLUDED.results,
    contact = EXCLUDED.contact, nominator = EXCLUDED.nominator, nominator_key = EXCLUDED.nominator_key,
    created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, submitted_at = EXCLUDED.submitted_at,
    withdrawn_at = EXCLUDED.withdrawn_at, idempotency_key = EXCLUDED.idempotency_key,
    duplicate_of = EXCLUDED.duplicate_of, revision = EXCLUDED.revision, edit_keys = EXCLUDED.edit_keys,
    content_fingerprint = EXCLUDED.content_fingerprint
"""


def to_row(tenant: str, nomination: Nomination) -> dict[str, Any]:
    row = nomination.model_dump()
    row["tenant"] = tenant
    row["partners"] = Jsonb(list(nomination.partners))
    row["nominator"] = Jsonb(nomination.nominator.model_dump(mode="json"))
    row["nominator_key"] = nomination.nominator.key
    row["edit_keys"] = Jsonb(list(nomination.edit_keys))
    return row


def from_row(row: DictRow) -> Nomination:
    return Nomination.model_validate({name: row[name] for name in _FIELDS})


class PgNominationRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, nomination_id: str) -> Nomination | None:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                "SELECT * FROM nominations WHERE tenant = %s AND id = %s", (self.db.tenant, nomination_id)
            )
            row = await cur.fetchone()
        return from_row(row) if row else None

    async def list(
        self,
        *,
        round_year: int | None = None,
        nominator_key: str | None = None,
        statuses: Collection[str] | None = None,
    ) -> builtins.list[Nomination]:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                """
                SELECT * FROM nominations
                WHERE tenant = %(tenant)s
                  AND (%(round_year)s::integer IS NULL OR round_year = %(round_year)s)
                  AND (%(nominator_key)s::text IS NULL OR nominator_key = %(nominator_key)s)
                  AND (%(statuses)s::text[] IS NULL OR status = ANY(%(statuses)s))
                ORDER BY created_at, id
                """,
                {
                    "tenant": self.db.tenant,
                    "round_year": round_year,
                    "nominator_key": nominator_key,
                    "statuses": None if statuses is None else builtins.list(statuses),
                },
            )
            rows = await cur.fetchall()
        return [from_row(row) for row in rows]

    async def submit(
        self, nomination: Nomination, event: OutboxMessage | Sequence[OutboxMessage]
    ) -> tuple[Nomination, bool]:
        key = nomination.idempotency_key
        async with self.db.connection() as conn:
            if key:
                existing = await self._by_key(conn, key)
                if existing is not None:
                    return existing, False
            try:
                async with conn.transaction():
                    await self._write(conn, nomination, event)
            except psycopg.errors.UniqueViolation as error:
                if not key or error.diag.constraint_name != "nominations_idempotency_key":
                    raise
                # Another connection committed the same key between our check and our insert.
                existing = await self._by_key(conn, key)
                if existing is None:
                    raise
                return existing, False
        return nomination, True

    async def save(
        self, nomination: Nomination, event: OutboxMessage | Sequence[OutboxMessage] | None = None
    ) -> Nomination:
        async with self.db.transaction() as conn:
            await self._write(conn, nomination, event)
        return nomination

    async def _by_key(self, conn: Conn, key: str) -> Nomination | None:
        cur = await conn.execute(
            "SELECT * FROM nominations WHERE tenant = %s AND idempotency_key = %s", (self.db.tenant, key)
        )
        row = await cur.fetchone()
        return from_row(row) if row else None

    async def _write(
        self, conn: Conn, nomination: Nomination, event: OutboxMessage | Sequence[OutboxMessage] | None
    ) -> None:
        await conn.execute(_UPSERT, to_row(self.db.tenant, nomination))
        for message in as_events(event):
            await insert_message(conn, self.db.tenant, message)

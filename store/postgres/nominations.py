"""PostgreSQL implementation of :class:`bot.nominations.ports.NominationRepository`.

Same API and behaviour as :mod:`store.nominations` (TinyDB). A nomination is a
row of typed columns (``partners`` and ``nominator`` as JSONB); its tenant is part
of every key and every ``WHERE``.

``submit`` is exactly-once across processes: ``UNIQUE (tenant, idempotency_key)``
decides. A repeat of the same content by the same person within a short window (a double click
that reached two processes) is decided in the nomination's transaction by a key in
``delivery_dedupe`` (``submission:<content fingerprint>``, expiring with the window): the first
transaction inserts it, a second one waits on that row, finds it live once the first commits,
and returns the first nomination, writing nothing. The nomination (``INSERT … ON CONFLICT (tenant, id) DO UPDATE``, so a
draft becomes submitted under its id) and its outbox message are written in one
transaction; when another connection committed the same key first, the insert
fails on the unique key, the transaction rolls back and the first nomination is
returned with ``False``.

Reading is built for whole rounds (``list(round_year=…)``, tens to thousands of rows with
their full text):

* Each combination of filters has its own statement, with only the conditions it uses. One
  catch-all statement (``%(x)s IS NULL OR column = %(x)s``) gets a generic plan once psycopg
  prepares it (from its fifth run): a sequential scan and a sort of every row of the round,
  on disk past ``work_mem``, instead of reading the ``(tenant, round_year, created_at, id)``
  index in order.
* Rows come in binary and JSONB columns as text, parsed by pydantic (in Rust) instead of
  psycopg's JSON loader; the row factory builds the validation input directly.
* Garbage collection waits while a result is turned into models (:func:`_select`): every
  nomination adds several tracked objects, and the collector's full passes over them grow
  with the result (about half the time at 100 000 rows).
"""

from __future__ import annotations

import builtins
import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

import psycopg
from psycopg.rows import RowMaker
from psycopg.types.json import Jsonb
from pydantic import TypeAdapter

from bot.nominations.model import Nomination, Nominator
from bot.nominations.ports import RepeatWindow, Statuses
from bot.outbox.model import Events, OutboxMessage, as_events
from store.postgres.db import Conn, Database
from store.postgres.outbox import insert_message

_FIELDS = tuple(Nomination.model_fields)
# JSONB columns are read as text and parsed by pydantic; the others are read as they are.
_JSON_FIELDS = ("partners", "nominator", "edit_keys")
_PLAIN_FIELDS = tuple(name for name in _FIELDS if name not in _JSON_FIELDS)
_TEXT_LIST = TypeAdapter(list[str]).validator
_JSON_PARSERS = (_TEXT_LIST.validate_json, Nominator.__pydantic_validator__.validate_json, _TEXT_LIST.validate_json)
_VALIDATE = Nomination.__pydantic_validator__.validate_python
_SELECT = "SELECT {} FROM nominations".format(
    ", ".join([*_PLAIN_FIELDS, *(f"{name}::text AS {name}" for name in _JSON_FIELDS)])
)

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


def _row_maker(_cursor: object) -> RowMaker[dict[str, Any]]:
    """A row factory: each row as the input :meth:`Nomination.model_validate` takes."""
    plain = len(_PLAIN_FIELDS)

    def make(values: Sequence[Any]) -> dict[str, Any]:
        row = dict(zip(_PLAIN_FIELDS, values[:plain], strict=True))
        for name, parse, text in zip(_JSON_FIELDS, _JSON_PARSERS, values[plain:], strict=True):
            row[name] = parse(text)
        return row

    return make


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection inside (unless it is off already); it runs again at the end."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


async def _select(conn: Conn, where: str, params: dict[str, Any]) -> builtins.list[Nomination]:
    """The nominations ``WHERE where``, validated."""
    async with conn.cursor(row_factory=_row_maker, binary=True) as cur:
        await cur.execute(f"{_SELECT} WHERE {where}".encode(), params)
        # The whole result is in memory now: turning it into models does not wait on anything.
        with _collector_paused():
            return [_VALIDATE(row) for row in await cur.fetchall()]


@cache
def _list_where(round_year: bool, nominator_key: bool, statuses: bool) -> str:
    """The condition and order of a list with these filters: only the conditions it uses, so
    every prepared statement gets a plan that reads the matching index."""
    conditions = ["tenant = %(tenant)s"]
    if round_year:
        conditions.append("round_year = %(round_year)s")
    if nominator_key:
        conditions.append("nominator_key = %(nominator_key)s")
    if statuses:
        conditions.append("status = ANY(%(statuses)s::text[])")
    return " AND ".join(conditions) + " ORDER BY created_at, id"


class PgNominationRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, nomination_id: str) -> Nomination | None:
        async with self.db.connection() as conn:
            found = await _select(
                conn, "tenant = %(tenant)s AND id = %(id)s", {"tenant": self.db.tenant, "id": nomination_id}
            )
        return found[0] if found else None

    async def list(
        self, *, round_year: int | None = None, nominator_key: str | None = None, statuses: Statuses = None
    ) -> builtins.list[Nomination]:
        where = _list_where(round_year is not None, nominator_key is not None, statuses is not None)
        params = {
            "tenant": self.db.tenant,
            "round_year": round_year,
            "nominator_key": nominator_key,
            "statuses": None if statuses is None else builtins.list(statuses),
        }
        async with self.db.connection() as conn:
            return await _select(conn, where, params)

    async def submit(
        self, nomination: Nomination, event: Events, *, repeat: RepeatWindow | None = None
    ) -> tuple[Nomination, bool]:
        key = nomination.idempotency_key
        async with self.db.connection() as conn:
            if key:
                existing = await self._by_key(conn, key)
                if existing is not None:
                    return existing, False
            try:
                async with conn.transaction():
                    first = await self._repeat_of(conn, nomination, repeat) if repeat else None
                    if first is not None:
                        return first, False
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

    async def save(self, nomination: Nomination, event: Events | None = None) -> Nomination:
        async with self.db.transaction() as conn:
            await self._write(conn, nomination, event)
        return nomination

    async def _repeat_of(self, conn: Conn, nomination: Nomination, repeat: RepeatWindow) -> Nomination | None:
        """Inside the submit's transaction: the nomination this one repeats, or None after taking
        the window for it (the key commits or rolls back with the nomination)."""
        fingerprint = nomination.content_fingerprint
        if not fingerprint:
            return None
        cur = await conn.execute(
            """
            INSERT INTO delivery_dedupe (tenant, key, expires_at) VALUES (%(tenant)s, %(key)s, %(until)s)
            ON CONFLICT (tenant, key) DO UPDATE SET expires_at = EXCLUDED.expires_at
            WHERE delivery_dedupe.expires_at <= %(now)s
            RETURNING 1
            """,
            {"tenant": self.db.tenant, "key": f"submission:{fingerprint}", "until": repeat.until, "now": repeat.now},
        )
        if await cur.fetchone() is not None:
            return None
        found = await _select(
            conn,
            "tenant = %(tenant)s AND nominator_key = %(nominator_key)s AND content_fingerprint = %(fingerprint)s"
            " AND status = 'submitted' ORDER BY submitted_at DESC, id DESC LIMIT 1",
            {"tenant": self.db.tenant, "nominator_key": nomination.nominator.key, "fingerprint": fingerprint},
        )
        return found[0] if found else None

    async def _by_key(self, conn: Conn, key: str) -> Nomination | None:
        found = await _select(
            conn, "tenant = %(tenant)s AND idempotency_key = %(key)s", {"tenant": self.db.tenant, "key": key}
        )
        return found[0] if found else None

    async def _write(
        self, conn: Conn, nomination: Nomination, event: OutboxMessage | Sequence[OutboxMessage] | None
    ) -> None:
        await conn.execute(_UPSERT, to_row(self.db.tenant, nomination))
        for message in as_events(event):
            await insert_message(conn, self.db.tenant, message)

"""PostgreSQL implementation of :class:`bot.outbox.ports.OutboxRepository`.

Same API and behaviour as :mod:`store.outbox` (TinyDB), for any number of
workers in any number of processes:

``claim_due(worker, now, lease_seconds, limit)``
    ``SELECT … FOR UPDATE SKIP LOCKED`` picks due pending messages whose lease is
    free or expired, and the same statement leases them (``claimed_by``,
    ``lease_until``). Two workers never get the same message while its lease
    runs; a worker killed mid-send leaves the lease to expire and another
    worker claims the message then.
``renew(worker, ids, now, lease_seconds)``
    The live owner's heartbeat: one ``UPDATE … WHERE claimed_by = worker``
    extends the leases it still holds and returns their ids, so a short lease
    frees a dead process's claims within seconds and never lapses under a live
    one, however slow its send.
``mark_sent`` / ``schedule_retry``
    Complete the attempt and clear the lease; ``release(id, worker)`` clears it
    without completing.
``count_pending()`` / ``purge_sent(before, live_rounds)``
    One statement each: a ``count(*)`` over the partial index of pending messages, and one
    ``DELETE`` of the sent messages past the retention (see the port for what it keeps).
``record_delivery`` / ``mark_sent(deliveries=…)``
    Merge channel deliveries into the ``deliveries`` JSONB in one ``UPDATE``
    (no read-modify-write race).

Every new message sends ``NOTIFY trygghetsbot_outbox`` (payload: the tenant) when
its transaction commits, so a worker that ``LISTEN``s can wake at once
(:meth:`PgOutboxRepository.wait_for_work`).
"""

from __future__ import annotations

import asyncio
import builtins
import contextlib
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

from psycopg.rows import DictRow
from psycopg.types.json import Jsonb

from bot.outbox.model import ChannelDelivery, OutboxMessage, first_deliveries
from store.errors import StoreError
from store.postgres.db import Conn, Database, connect

CHANNEL = "trygghetsbot_outbox"
_FIELDS = tuple(OutboxMessage.model_fields)


INSERT_MESSAGE = """
INSERT INTO outbox (
    tenant, id, kind, platform, nomination_id, round_year, created_at, status, attempts, next_attempt_at,
    last_error, sent_at, deliveries, claimed_by, lease_until, notify_nominator, in_flight
) VALUES (
    %(tenant)s, %(id)s, %(kind)s, %(platform)s, %(nomination_id)s, %(round_year)s, %(created_at)s, %(status)s,
    %(attempts)s, %(next_attempt_at)s, %(last_error)s, %(sent_at)s, %(deliveries)s, %(claimed_by)s,
    %(lease_until)s, %(notify_nominator)s, %(in_flight)s
)
"""


def message_row(tenant: str, message: OutboxMessage) -> dict[str, object]:
    row = message.model_dump()
    row["tenant"] = tenant
    as_json = message.model_dump(mode="json")
    row["deliveries"] = Jsonb(as_json["deliveries"])
    row["in_flight"] = Jsonb(as_json["in_flight"])
    return row


async def insert_message(conn: Conn, tenant: str, message: OutboxMessage) -> None:
    await conn.execute(INSERT_MESSAGE, message_row(tenant, message))
    await conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, tenant))


def from_row(row: DictRow) -> OutboxMessage:
    return OutboxMessage.model_validate({name: row[name] for name in _FIELDS})


def _deliveries(deliveries: dict[str, str], now: datetime) -> Jsonb:
    return Jsonb({channel: {"ts": ts, "delivered_at": now.isoformat()} for channel, ts in deliveries.items()})


class PgOutboxRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, message_id: str) -> OutboxMessage | None:
        async with self.db.connection() as conn:
            cur = await conn.execute("SELECT * FROM outbox WHERE tenant = %s AND id = %s", (self.db.tenant, message_id))
            row = await cur.fetchone()
        return from_row(row) if row else None

    async def list(self, nomination_id: str | None = None) -> builtins.list[OutboxMessage]:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                """
                SELECT * FROM outbox
                WHERE tenant = %(tenant)s AND (%(nomination)s::text IS NULL OR nomination_id = %(nomination)s)
                ORDER BY created_at, seq
                """,
                {"tenant": self.db.tenant, "nomination": nomination_id},
            )
            rows = await cur.fetchall()
        return [from_row(row) for row in rows]

    async def due(self, now: datetime, limit: int = 50, *, platform: str | None = None) -> builtins.list[OutboxMessage]:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                """
                SELECT * FROM outbox
                WHERE tenant = %(tenant)s AND status = 'pending' AND next_attempt_at <= %(now)s
                  AND (lease_until IS NULL OR lease_until <= %(now)s)
                  AND (%(platform)s::text IS NULL OR platform = %(platform)s::text)
                ORDER BY created_at, seq
                LIMIT %(limit)s
                """,
                {"tenant": self.db.tenant, "now": now, "limit": limit, "platform": platform},
            )
            rows = await cur.fetchall()
        return [from_row(row) for row in rows]

    async def claim_due(
        self, worker: str, now: datetime, lease_seconds: float, limit: int = 50, *, platform: str | None = None
    ) -> builtins.list[OutboxMessage]:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                """
                WITH free AS (
                    SELECT id FROM outbox
                    WHERE tenant = %(tenant)s AND status = 'pending' AND next_attempt_at <= %(now)s
                      AND (lease_until IS NULL OR lease_until <= %(now)s)
                      AND (%(platform)s::text IS NULL OR platform = %(platform)s::text)
                    ORDER BY created_at, seq
                    LIMIT %(limit)s
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE outbox AS o SET claimed_by = %(worker)s, lease_until = %(until)s
                FROM free WHERE o.tenant = %(tenant)s AND o.id = free.id
                RETURNING o.*
                """,
                {
                    "tenant": self.db.tenant,
                    "now": now,
                    "limit": limit,
                    "worker": worker,
                    "until": now + timedelta(seconds=lease_seconds),
                    "platform": platform,
                },
            )
            rows = await cur.fetchall()
        rows.sort(key=lambda row: (row["created_at"], row["seq"]))
        return [from_row(row) for row in rows]

    async def renew(self, worker: str, message_ids: Sequence[str], now: datetime, lease_seconds: float) -> set[str]:
        if not message_ids:
            return set()
        async with self.db.connection() as conn:
            cur = await conn.execute(
                """
                UPDATE outbox SET lease_until = %(until)s
                WHERE tenant = %(tenant)s AND id = ANY(%(ids)s) AND claimed_by = %(worker)s AND status = 'pending'
                RETURNING id
                """,
                {
                    "tenant": self.db.tenant,
                    "ids": list(message_ids),
                    "worker": worker,
                    "until": now + timedelta(seconds=lease_seconds),
                },
            )
            rows = await cur.fetchall()
        return {str(row["id"]) for row in rows}

    async def release(self, message_id: str, worker: str) -> None:
        async with self.db.connection() as conn:
            await conn.execute(
                """
                UPDATE outbox SET claimed_by = NULL, lease_until = NULL
                WHERE tenant = %s AND id = %s AND claimed_by = %s
                """,
                (self.db.tenant, message_id, worker),
            )

    async def count_pending(self) -> int:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                "SELECT count(*) AS n FROM outbox WHERE tenant = %s AND status = 'pending'", (self.db.tenant,)
            )
            row = await cur.fetchone()
        return int(row["n"]) if row else 0

    async def purge_sent(self, before: datetime, *, live_rounds: Collection[int] = ()) -> int:
        # In a live round a message is kept when one of its destinations appears in no earlier message
        # of its nomination: it holds the first delivery there (first_deliveries, oldest first).
        async with self.db.connection() as conn:
            cur = await conn.execute(
                """
                DELETE FROM outbox AS o
                WHERE o.tenant = %(tenant)s AND o.status = 'sent' AND o.sent_at < %(before)s
                  AND NOT (
                    o.round_year = ANY(%(live)s) AND EXISTS (
                      SELECT 1 FROM jsonb_object_keys(o.deliveries) AS d(destination)
                      WHERE NOT EXISTS (
                        SELECT 1 FROM outbox AS e
                        WHERE e.tenant = o.tenant AND e.nomination_id = o.nomination_id
                          AND (e.created_at, e.seq) < (o.created_at, o.seq)
                          AND jsonb_exists(e.deliveries, d.destination)
                      )
                    )
                  )
                """,
                {"tenant": self.db.tenant, "before": before, "live": list(live_rounds)},
            )
            return cur.rowcount

    async def record_attempt(self, message_id: str, destination: str, now: datetime) -> OutboxMessage:
        # The right side wins in jsonb ||: an earlier start of the same destination is kept.
        return await self._update(
            "UPDATE outbox SET in_flight = %(new)s || in_flight WHERE tenant = %(tenant)s AND id = %(id)s RETURNING *",
            message_id,
            {"new": Jsonb({destination: now.isoformat()})},
        )

    async def record_delivery(self, message_id: str, channel: str, ts: str, now: datetime) -> OutboxMessage:
        return await self._update(
            "UPDATE outbox SET deliveries = deliveries || %(new)s, in_flight = in_flight - %(channel)s "
            "WHERE tenant = %(tenant)s AND id = %(id)s RETURNING *",
            message_id,
            {"new": _deliveries({channel: ts}, now), "channel": channel},
        )

    async def mark_sent(
        self, message_id: str, now: datetime, deliveries: dict[str, str] | None = None
    ) -> OutboxMessage:
        return await self._update(
            """
            UPDATE outbox SET status = 'sent', sent_at = %(now)s, deliveries = deliveries || %(new)s,
                attempts = attempts + 1, claimed_by = NULL, lease_until = NULL
            WHERE tenant = %(tenant)s AND id = %(id)s RETURNING *
            """,
            message_id,
            {"now": now, "new": _deliveries(deliveries or {}, now)},
        )

    async def schedule_retry(self, message_id: str, error: str, next_attempt_at: datetime) -> OutboxMessage:
        return await self._update(
            """
            UPDATE outbox SET attempts = attempts + 1, last_error = %(error)s, next_attempt_at = %(next)s,
                claimed_by = NULL, lease_until = NULL
            WHERE tenant = %(tenant)s AND id = %(id)s RETURNING *
            """,
            message_id,
            {"error": error[:1000], "next": next_attempt_at},
        )

    async def deliveries_for(self, nomination_id: str) -> dict[str, ChannelDelivery]:
        return first_deliveries(await self.list(nomination_id))

    async def wait_for_work(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for a new message of this tenant (LISTEN/NOTIFY); True if one came.

        A short poll stays the fallback: a worker calls this between rounds instead of sleeping.
        """
        conn = await connect(self.db.url)
        try:
            await conn.execute(f"LISTEN {CHANNEL}")
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    async for notice in conn.notifies():
                        if notice.payload == self.db.tenant:
                            return True
            return False
        finally:
            await conn.close()

    async def _update(self, statement: str, message_id: str, params: dict[str, object]) -> OutboxMessage:
        async with self.db.connection() as conn:
            cur = await conn.execute(statement.encode(), {**params, "tenant": self.db.tenant, "id": message_id})
            row = await cur.fetchone()
        if row is None:
            raise StoreError("store.no_outbox", id=message_id)
        return from_row(row)

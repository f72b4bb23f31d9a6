"""PostgreSQL implementation of :class:`bot.jury.ports.JuryRepository`.

Same API and behaviour as :mod:`store.jury` (TinyDB), for any number of
processes. Tables (``migrations/0001_initial.sql``): ``jury_decisions``,
``jury_scores``, ``jury_conflicts``, ``jury_audit``, ``jury_reminders`` and
``jury_messages``; the tenant is part of every key and every ``WHERE``.

Each action is one transaction with its audit entry (and its message), so it is
all written or nothing is:

``save_score(score, audit)`` / ``declare_conflict(conflict, audit)`` / ``record_decision(…)``
    First make sure the round has its row in ``jury_decisions`` (``INSERT … ON
    CONFLICT DO NOTHING``) and lock it (``SELECT … FOR UPDATE``). Every write of
    a round takes that lock, so the checks that follow ("no decision yet", "no
    conflict yet") hold until the transaction commits: two processes racing
    cannot both record a winner, and no score is written after a conflict or the
    decision. ``False`` and nothing written when a check fails; a second conflict
    is also refused by its primary key (``ON CONFLICT DO NOTHING``).
``record_reminder(record, message)``
    ``INSERT … ON CONFLICT DO NOTHING`` on (tenant, round, juror, day): exactly
    one caller gets ``True`` and writes the message.
``state``, ``audit``, ``reminders``, ``messages``
    Plain reads, oldest first (ties in the order written, by ``seq``).
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from psycopg import sql
from psycopg.rows import DictRow
from psycopg.types.json import Jsonb

from bot.jury.model import AuditEntry, ConflictDeclaration, Decision, JuryState, ReminderRecord, ScoreSet
from bot.outbox.model import JuryMessage
from store.errors import StoreError
from store.postgres.db import Conn, Database

_SCORE_FIELDS = tuple(ScoreSet.model_fields)
_CONFLICT_FIELDS = tuple(ConflictDeclaration.model_fields)
_AUDIT_FIELDS = tuple(AuditEntry.model_fields)
_REMINDER_FIELDS = tuple(ReminderRecord.model_fields)
_MESSAGE_FIELDS = tuple(JuryMessage.model_fields)


M = TypeVar("M", ScoreSet, ConflictDeclaration, AuditEntry, ReminderRecord, JuryMessage)


def _model_row(model: type[M], fields: tuple[str, ...], row: DictRow) -> M:
    return model.model_validate({name: row[name] for name in fields})


_IF_NEW = " ON CONFLICT DO NOTHING RETURNING 1"
_INSERT_SCORE = """
INSERT INTO jury_scores (
    tenant, round_year, nomination_id, juror, collaboration, added_value, innovation, inspiration, results, comment, at
) VALUES (
    %(tenant)s, %(round_year)s, %(nomination_id)s, %(juror)s, %(collaboration)s, %(added_value)s,
    %(innovation)s, %(inspiration)s, %(results)s, %(comment)s, %(at)s
)"""
_INSERT_CONFLICT = """
INSERT INTO jury_conflicts (tenant, round_year, nomination_id, juror, reason, at)
VALUES (%(tenant)s, %(round_year)s, %(nomination_id)s, %(juror)s, %(reason)s, %(at)s)"""
_INSERT_REMINDER = """
INSERT INTO jury_reminders (tenant, round_year, juror, days_before, nomination_ids, at)
VALUES (%(tenant)s, %(round_year)s, %(juror)s, %(days_before)s, %(nomination_ids)s, %(at)s)"""


class PgJuryRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- reads -------------------------------------------------------------------

    async def state(self, round_year: int) -> JuryState:
        params = {"tenant": self.db.tenant, "round": round_year}
        async with self.db.connection() as conn:
            cur = await conn.execute(
                "SELECT * FROM jury_scores WHERE tenant = %(tenant)s AND round_year = %(round)s "
                "ORDER BY nomination_id, juror",
                params,
            )
            scores = [_model_row(ScoreSet, _SCORE_FIELDS, row) for row in await cur.fetchall()]
            cur = await conn.execute(
                "SELECT * FROM jury_conflicts WHERE tenant = %(tenant)s AND round_year = %(round)s "
                "ORDER BY nomination_id, juror",
                params,
            )
            conflicts = [_model_row(ConflictDeclaration, _CONFLICT_FIELDS, row) for row in await cur.fetchall()]
            cur = await conn.execute(
                "SELECT * FROM jury_decisions WHERE tenant = %(tenant)s AND round_year = %(round)s "
                "AND nomination_id IS NOT NULL",
                params,
            )
            row = await cur.fetchone()
        decision = (
            Decision(round_year=round_year, nomination_id=row["nomination_id"], chair=row["chair"], at=row["at"])
            if row
            else None
        )
        return JuryState(round_year=round_year, scores=scores, conflicts=conflicts, decision=decision)

    async def audit(self, round_year: int) -> builtins.list[AuditEntry]:
        return await self._in_order("jury_audit", AuditEntry, _AUDIT_FIELDS, round_year)

    async def reminders(self, round_year: int) -> builtins.list[ReminderRecord]:
        return await self._in_order("jury_reminders", ReminderRecord, _REMINDER_FIELDS, round_year)

    async def _in_order(self, table: str, model: type[M], fields: tuple[str, ...], round_year: int) -> builtins.list[M]:
        """The round's rows of an append-only table, oldest first (in write order within a moment)."""
        query = sql.SQL("SELECT * FROM {} WHERE tenant = %s AND round_year = %s ORDER BY at, seq").format(
            sql.Identifier(table)
        )
        async with self.db.connection() as conn:
            cur = await conn.execute(query, (self.db.tenant, round_year))
            rows = await cur.fetchall()
        return [_model_row(model, fields, row) for row in rows]

    async def messages(
        self, round_year: int | None = None, *, pending_only: bool = False
    ) -> builtins.list[JuryMessage]:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                """
                SELECT * FROM jury_messages
                WHERE tenant = %(tenant)s AND (%(round)s::integer IS NULL OR round_year = %(round)s)
                  AND (NOT %(pending_only)s OR status = 'pending')
                ORDER BY created_at, seq
                """,
                {"tenant": self.db.tenant, "round": round_year, "pending_only": pending_only},
            )
            rows = await cur.fetchall()
        return [_model_row(JuryMessage, _MESSAGE_FIELDS, row) for row in rows]

    # --- writes ------------------------------------------------------------------

    async def save_score(self, score: ScoreSet, audit: AuditEntry) -> bool:
        row = {**score.model_dump(), "tenant": self.db.tenant}
        async with self.db.transaction() as conn:
            if await self._lock_round(conn, score.round_year):
                return False
            cur = await conn.execute(
                """
                SELECT 1 FROM jury_conflicts
                WHERE tenant = %(tenant)s AND round_year = %(round_year)s
                  AND nomination_id = %(nomination_id)s AND juror = %(juror)s
                """,
                row,
            )
            if await cur.fetchone() is not None:
                return False
            await conn.execute(
                _INSERT_SCORE
                + """
                ON CONFLICT (tenant, round_year, nomination_id, juror) DO UPDATE SET
                    collaboration = EXCLUDED.collaboration, added_value = EXCLUDED.added_value,
                    innovation = EXCLUDED.innovation, inspiration = EXCLUDED.inspiration,
                    results = EXCLUDED.results, comment = EXCLUDED.comment, at = EXCLUDED.at
                """,
                row,
            )
            await self._insert_audit(conn, audit)
        return True

    async def declare_conflict(self, conflict: ConflictDeclaration, audit: AuditEntry) -> bool:
        row = {**conflict.model_dump(), "tenant": self.db.tenant}
        async with self.db.transaction() as conn:
            if await self._lock_round(conn, conflict.round_year):
                return False
            cur = await conn.execute(_INSERT_CONFLICT + _IF_NEW, row)
            if await cur.fetchone() is None:
                return False
            await conn.execute(
                """
                DELETE FROM jury_scores
                WHERE tenant = %(tenant)s AND round_year = %(round_year)s
                  AND nomination_id = %(nomination_id)s AND juror = %(juror)s
                """,
                row,
            )
            await self._insert_audit(conn, audit)
        return True

    async def record_decision(self, decision: Decision, audit: AuditEntry, announcement: JuryMessage) -> bool:
        async with self.db.transaction() as conn:
            if await self._lock_round(conn, decision.round_year):
                return False
            await conn.execute(
                """
                UPDATE jury_decisions SET nomination_id = %(nomination_id)s, chair = %(chair)s, at = %(at)s
                WHERE tenant = %(tenant)s AND round_year = %(round_year)s
                """,
                {**decision.model_dump(), "tenant": self.db.tenant},
            )
            await self._insert_audit(conn, audit)
            await self._insert_message(conn, announcement)
        return True

    async def record_reminder(self, record: ReminderRecord, message: JuryMessage) -> bool:
        async with self.db.transaction() as conn:
            cur = await conn.execute(_INSERT_REMINDER + _IF_NEW, self._reminder_row(record))
            if await cur.fetchone() is None:
                return False
            await self._insert_message(conn, message)
        return True

    async def mark_message_sent(self, message_id: str, now: datetime) -> JuryMessage:
        async with self.db.connection() as conn:
            cur = await conn.execute(
                """
                UPDATE jury_messages SET status = 'sent', sent_at = %(now)s
                WHERE tenant = %(tenant)s AND id = %(id)s
                RETURNING *
                """,
                {"tenant": self.db.tenant, "id": message_id, "now": now},
            )
            row = await cur.fetchone()
        if row is None:
            raise StoreError(f"no jury message {message_id!r}")
        return _model_row(JuryMessage, _MESSAGE_FIELDS, row)

    # --- helpers -----------------------------------------------------------------

    async def _lock_round(self, conn: Conn, round_year: int) -> bool:
        """Lock the round's row in ``jury_decisions`` until the transaction ends; True if decided.

        The row is created on the round's first write; a concurrent creator waits on the
        unique key and then finds it, so every writer of the round queues on this one lock.
        """
        params = {"tenant": self.db.tenant, "round": round_year}
        await conn.execute(
            "INSERT INTO jury_decisions (tenant, round_year) VALUES (%(tenant)s, %(round)s) ON CONFLICT DO NOTHING",
            params,
        )
        cur = await conn.execute(
            "SELECT nomination_id FROM jury_decisions WHERE tenant = %(tenant)s AND round_year = %(round)s FOR UPDATE",
            params,
        )
        row = await cur.fetchone()
        if row is None:  # pragma: no cover - the row was inserted or found just above
            raise StoreError(f"jury round {round_year} could not be locked")
        return row["nomination_id"] is not None

    def _reminder_row(self, record: ReminderRecord) -> dict[str, object]:
        return {**record.model_dump(), "tenant": self.db.tenant, "nomination_ids": Jsonb(list(record.nomination_ids))}

    async def _insert_audit(self, conn: Conn, audit: AuditEntry, *, if_new: bool = False) -> bool:
        row = {
            **audit.model_dump(),
            "tenant": self.db.tenant,
            "details": Jsonb(audit.model_dump(mode="json")["details"]),
        }
        cur = await conn.execute(
            """
            INSERT INTO jury_audit (tenant, id, round_year, action, juror, nomination_id, at, details)
            VALUES (%(tenant)s, %(id)s, %(round_year)s, %(action)s, %(juror)s, %(nomination_id)s, %(at)s, %(details)s)
            """
            + (_IF_NEW if if_new else ""),
            row,
        )
        return not if_new or await cur.fetchone() is not None

    async def _insert_message(self, conn: Conn, message: JuryMessage, *, if_new: bool = False) -> bool:
        cur = await conn.execute(
            """
            INSERT INTO jury_messages (
                tenant, id, kind, round_year, nomination_id, recipient, text, created_at, status, sent_at
            ) VALUES (
                %(tenant)s, %(id)s, %(kind)s, %(round_year)s, %(nomination_id)s, %(recipient)s, %(text)s,
                %(created_at)s, %(status)s, %(sent_at)s
            )
            """
            + (_IF_NEW if if_new else ""),
            {**message.model_dump(), "tenant": self.db.tenant},
        )
        return not if_new or await cur.fetchone() is not None

    async def copy_round(
        self,
        state: JuryState,
        audit: Sequence[AuditEntry],
        reminders: Sequence[ReminderRecord],
        messages: Sequence[JuryMessage],
    ) -> int:
        """Copy a round's records as they are (``db migrate-from-tinydb``); what is there already is kept.

        Returns how many records were new. One transaction: the round is copied whole or not at all.
        """
        copied = 0
        tenant = self.db.tenant
        async with self.db.transaction() as conn:
            decision = (
                state.decision.model_dump() if state.decision else {"nomination_id": None, "chair": None, "at": None}
            )
            cur = await conn.execute(
                """
                INSERT INTO jury_decisions (tenant, round_year, nomination_id, chair, at)
                VALUES (%(tenant)s, %(round_year)s, %(nomination_id)s, %(chair)s, %(at)s)
                ON CONFLICT (tenant, round_year) DO UPDATE SET
                    nomination_id = EXCLUDED.nomination_id, chair = EXCLUDED.chair, at = EXCLUDED.at
                WHERE jury_decisions.nomination_id IS NULL AND EXCLUDED.nomination_id IS NOT NULL
                RETURNING 1
                """,
                {**decision, "tenant": tenant, "round_year": state.round_year},
            )
            copied += 1 if await cur.fetchone() is not None and state.decision else 0
            rows = [
                *((_INSERT_SCORE, {**score.model_dump(), "tenant": tenant}) for score in state.scores),
                *((_INSERT_CONFLICT, {**c.model_dump(), "tenant": tenant}) for c in state.conflicts),
                *((_INSERT_REMINDER, self._reminder_row(record)) for record in reminders),
            ]
            for sql, row in rows:
                cur = await conn.execute(sql + _IF_NEW, row)
                copied += await cur.fetchone() is not None
            for entry in audit:
                copied += await self._insert_audit(conn, entry, if_new=True)
            for message in messages:
                copied += await self._insert_message(conn, message, if_new=True)
        return copied

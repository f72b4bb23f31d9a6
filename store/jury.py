"""TinyDB implementation of :class:`bot.jury.ports.JuryRepository`.

Layout: one file per round next to the round's nomination shards,
``<db>.shards/round-2023/jury.json``, with the tables ``scores``, ``conflicts``,
``decisions``, ``audit``, ``reminders`` and ``jury_messages``. A round's jury data
is small (jurors x nominations), so one file keeps every jury action a single
atomic write: a score and its audit entry, a conflict with the removal of the
juror's score and its audit entry, the decision with its audit entry and its
announcement, a reminder record with its message.

The messages are kept apart from the nominations' ``outbox`` table on purpose:
the nomination outbox worker posts nomination cards, and a jury message (an
announcement to the jury channels or a reminder DM) needs its own sender.

API (async, serialised by the store's lock; returned models are frozen):

``state(round)``
    The round's scores, conflicts and decision.
``save_score(score, audit)`` / ``declare_conflict(conflict, audit)`` -> bool
    Replace the juror's score set / record jäv and remove the juror's score set;
    ``False`` and nothing written once the round is decided or the juror has jäv.
``record_decision(decision, audit, announcement) -> bool``
    ``False`` and nothing written if the round already has a decision.
``audit(round)``, ``reminders(round)``
    Oldest first.
``record_reminder(record, message) -> bool``
    ``False`` and nothing written if that reminder (round, juror, day) was recorded.
``messages(round=None, pending_only=False)``, ``mark_message_sent(id, now)``
    The jury messages for a platform sender.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tinydb import Query, TinyDB

from bot.jury.model import AuditEntry, ConflictDeclaration, Decision, JuryState, ReminderRecord, ScoreSet
from bot.outbox.model import JuryMessage, MessageStatus
from store.engine import Engine, docs
from store.errors import StoreError

JURY_FILE = "jury.json"
SCORES = "scores"
CONFLICTS = "conflicts"
DECISIONS = "decisions"
AUDIT = "audit"
REMINDERS = "reminders"
MESSAGES = "jury_messages"


@dataclass
class _Round:
    scores: dict[tuple[str, str], ScoreSet] = field(default_factory=dict)
    conflicts: dict[tuple[str, str], ConflictDeclaration] = field(default_factory=dict)
    decision: Decision | None = None
    audit: list[AuditEntry] = field(default_factory=list)
    reminders: dict[str, ReminderRecord] = field(default_factory=dict)
    messages: dict[str, JuryMessage] = field(default_factory=dict)


def _pair(juror: str, nomination_id: str) -> tuple[str, str]:
    return juror, nomination_id


def _closed_to(data: _Round, pair: tuple[str, str]) -> bool:
    """A juror's score or conflict on a nomination is refused once the round is decided or the
    juror has declared a conflict on it."""
    return data.decision is not None or pair in data.conflicts


class TinyJuryRepository:
    """Reads are served from memory (parsed once at open); each write goes to disk first."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._rounds: dict[int, _Round] = {}

    def _load(self, year: int, db: TinyDB) -> _Round:
        """One round's jury file, parsed on the first call about that round."""
        data = _Round()
        for doc in docs(db, SCORES):
            score = ScoreSet.model_validate(doc)
            data.scores[_pair(score.juror, score.nomination_id)] = score
        for doc in docs(db, CONFLICTS):
            conflict = ConflictDeclaration.model_validate(doc)
            data.conflicts[_pair(conflict.juror, conflict.nomination_id)] = conflict
        for doc in docs(db, DECISIONS):
            data.decision = Decision.model_validate(doc)
        data.audit = sorted((AuditEntry.model_validate(d) for d in docs(db, AUDIT)), key=lambda a: a.at)
        for doc in docs(db, REMINDERS):
            record = ReminderRecord.model_validate(doc)
            data.reminders[record.key] = record
        for doc in docs(db, MESSAGES):
            message = JuryMessage.model_validate(doc)
            data.messages[message.id] = message
        return data

    @staticmethod
    def _year_of(file: Path) -> int:
        return int(file.parent.name.removeprefix("round-"))

    def _round(self, year: int) -> _Round:
        if year not in self._rounds:
            self._rounds[year] = self._load(year, self._db(year))
        return self._rounds[year]

    def path(self, round_year: int) -> Path:
        return self.engine.shard_dir / f"round-{round_year}" / JURY_FILE

    def round_years(self) -> builtins.list[int]:
        """The rounds that have a jury file."""
        return sorted(self._all_rounds())

    def _all_rounds(self) -> dict[int, _Round]:
        """Every round with a jury file (each parsed once)."""
        for file in sorted(self.engine.shard_dir.glob(f"round-*/{JURY_FILE}")):
            self._round(self._year_of(file))
        return self._rounds

    def _db(self, round_year: int) -> TinyDB:
        return self.engine.shard(self.path(round_year))

    # --- reads -------------------------------------------------------------------

    async def state(self, round_year: int) -> JuryState:
        async with self.engine.lock:
            data = self._round(round_year)
            return JuryState(
                round_year=round_year,
                scores=sorted(data.scores.values(), key=lambda s: (s.nomination_id, s.juror)),
                conflicts=sorted(data.conflicts.values(), key=lambda c: (c.nomination_id, c.juror)),
                decision=data.decision,
            )

    async def audit(self, round_year: int) -> builtins.list[AuditEntry]:
        async with self.engine.lock:
            return list(self._round(round_year).audit)

    async def reminders(self, round_year: int) -> builtins.list[ReminderRecord]:
        async with self.engine.lock:
            found = list(self._round(round_year).reminders.values())
        return sorted(found, key=lambda r: r.at)

    async def messages(
        self, round_year: int | None = None, *, pending_only: bool = False
    ) -> builtins.list[JuryMessage]:
        async with self.engine.lock:
            rounds = self._all_rounds() if round_year is None else {round_year: self._round(round_year)}
            found = [
                m
                for data in rounds.values()
                for m in data.messages.values()
                if not pending_only or m.status == "pending"
            ]
        return sorted(found, key=lambda m: m.created_at)

    # --- writes ------------------------------------------------------------------

    async def _write(
        self,
        round_year: int,
        refused: Callable[[_Round], bool],
        change: Callable[[TinyDB], None],
        remember: Callable[[_Round], None],
    ) -> bool:
        """One atomic write of the round's jury file, unless ``refused`` by what the round holds
        (decided, already recorded), then the same change in memory; ``False`` when refused."""
        async with self.engine.lock:
            data = self._round(round_year)
            if refused(data):
                return False
            db = self._db(round_year)
            await self.engine.write(db, lambda: change(db))
            remember(data)
        return True

    async def save_score(self, score: ScoreSet, audit: AuditEntry) -> bool:
        doc, audit_doc = score.model_dump(mode="json"), audit.model_dump(mode="json")
        q = Query()
        pair = _pair(score.juror, score.nomination_id)

        def change(db: TinyDB) -> None:
            db.table(SCORES).upsert(doc, (q.juror == score.juror) & (q.nomination_id == score.nomination_id))
            db.table(AUDIT).insert(audit_doc)

        def remember(data: _Round) -> None:
            data.scores[pair] = score
            data.audit.append(audit)

        return await self._write(score.round_year, lambda data: _closed_to(data, pair), change, remember)

    async def declare_conflict(self, conflict: ConflictDeclaration, audit: AuditEntry) -> bool:
        doc, audit_doc = conflict.model_dump(mode="json"), audit.model_dump(mode="json")
        q = Query()
        same = (q.juror == conflict.juror) & (q.nomination_id == conflict.nomination_id)
        pair = _pair(conflict.juror, conflict.nomination_id)

        def change(db: TinyDB) -> None:
            db.table(SCORES).remove(same)
            db.table(CONFLICTS).upsert(doc, same)
            db.table(AUDIT).insert(audit_doc)

        def remember(data: _Round) -> None:
            data.scores.pop(pair, None)
            data.conflicts[pair] = conflict
            data.audit.append(audit)

        return await self._write(conflict.round_year, lambda data: _closed_to(data, pair), change, remember)

    async def record_decision(self, decision: Decision, audit: AuditEntry, announcement: JuryMessage) -> bool:
        docs_ = (decision.model_dump(mode="json"), audit.model_dump(mode="json"), announcement.model_dump(mode="json"))

        def change(db: TinyDB) -> None:
            db.table(DECISIONS).insert(docs_[0])
            db.table(AUDIT).insert(docs_[1])
            db.table(MESSAGES).insert(docs_[2])

        def remember(data: _Round) -> None:
            data.decision = decision
            data.audit.append(audit)
            data.messages[announcement.id] = announcement

        return await self._write(decision.round_year, lambda data: data.decision is not None, change, remember)

    async def record_reminder(self, record: ReminderRecord, message: JuryMessage) -> bool:
        record_doc, message_doc = record.model_dump(mode="json"), message.model_dump(mode="json")

        def change(db: TinyDB) -> None:
            db.table(REMINDERS).insert(record_doc)
            db.table(MESSAGES).insert(message_doc)

        def remember(data: _Round) -> None:
            data.reminders[record.key] = record
            data.messages[message.id] = message

        return await self._write(record.round_year, lambda data: record.key in data.reminders, change, remember)

    async def mark_message_sent(self, message_id: str, now: datetime) -> JuryMessage:
        async with self.engine.lock:
            year = next((y for y, data in self._all_rounds().items() if message_id in data.messages), None)
            if year is None:
                raise StoreError("store.no_jury_message", id=message_id)
            data = self._rounds[year]
            updated = data.messages[message_id].model_copy(update={"status": MessageStatus.sent, "sent_at": now})
            doc = updated.model_dump(mode="json")
            db = self._db(year)
            await self.engine.write(db, lambda: db.table(MESSAGES).update(doc, Query().id == message_id))
            data.messages[message_id] = updated
        return updated

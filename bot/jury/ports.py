"""The storage the jury core needs; ``store.jury.TinyJuryRepository`` and
``store.postgres.jury.PgJuryRepository`` implement it.

Every write method takes the audit entry (and any message) of the action and
writes them in the same atomic write as the change itself.
"""

from __future__ import annotations

from typing import Protocol

from bot.jury.model import AuditEntry, ConflictDeclaration, Decision, JuryState, ReminderRecord, ScoreSet
from bot.outbox.model import JuryMessage
from bot.outbox.ports import JuryMessageOutbox


class JuryRepository(JuryMessageOutbox, Protocol):
    async def state(self, round_year: int) -> JuryState:
        """The round's scores, conflicts and decision (empty if nothing was recorded)."""
        ...

    async def save_score(self, score: ScoreSet, audit: AuditEntry) -> bool:
        """Insert or replace the juror's score set for the nomination.

        ``False`` (nothing written) if, by the time of the write, the round has a decision or
        the juror has declared a conflict on the nomination: the service checked both before,
        this closes the race with a concurrent decision or declaration.
        """
        ...

    async def declare_conflict(self, conflict: ConflictDeclaration, audit: AuditEntry) -> bool:
        """Record the conflict and remove the juror's score set for the nomination, if any.

        ``False`` (nothing written) if the round has a decision or the conflict is already recorded.
        """
        ...

    async def record_decision(self, decision: Decision, audit: AuditEntry, announcement: JuryMessage) -> bool:
        """Record the round's winner; ``False`` (nothing written) if the round already has one."""
        ...

    async def audit(self, round_year: int) -> list[AuditEntry]:
        """Oldest first."""
        ...

    async def reminders(self, round_year: int) -> list[ReminderRecord]: ...

    async def record_reminder(self, record: ReminderRecord, message: JuryMessage) -> bool:
        """Record a sent reminder with its message; ``False`` (nothing written) if already recorded."""
        ...

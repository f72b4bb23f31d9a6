"""The jury's records, as pydantic models (all frozen: change them with ``model_copy``).

* :class:`ScoreSet` — one juror's assessment of one nomination (one per juror and
  nomination; scoring again replaces it).
* :class:`ConflictDeclaration` — a juror's conflict of interest (jäv) on a nomination.
* :class:`Decision` — the chair's choice of winner for a round.
* :class:`AuditEntry` — one jury action, who and when.
* :class:`ReminderRecord` — a reminder that was sent (at most one per round, juror and day).

The messages the jury's actions write (the decision announcement, reminders) are the outbox's:
:class:`bot.outbox.model.JuryMessage`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from fractions import Fraction

from pydantic import Field

from bot.knowledge.models import ASSESSMENT_CRITERIA, MANDATORY_CRITERIA, Frozen
from bot.nominations.model import new_id

GRADES = (1, 2, 3, 4, 5)
# A score set's fields as every surface asks for them: the mandatory criteria (yes/no), then the
# assessed ones (1–5), named as the criteria are in the prize data (bot.knowledge.models).
MANDATORY_FIELDS = MANDATORY_CRITERIA
ASSESSED_FIELDS = ASSESSMENT_CRITERIA
MAX_COMMENT = 2000
MAX_REASON = 500


class ScoreSet(Frozen):
    round_year: int
    nomination_id: str
    juror: str
    # The mandatory criteria (samverkan, mervärde): met or not.
    collaboration: bool
    added_value: bool
    # The assessment criteria (innovativ, kan inspirera, visar resultat): whole numbers 1–5.
    innovation: int = Field(ge=1, le=5)
    inspiration: int = Field(ge=1, le=5)
    results: int = Field(ge=1, le=5)
    comment: str | None = Field(default=None, max_length=MAX_COMMENT)
    at: datetime

    @property
    def value(self) -> Fraction:
        return score_value(self.model_dump())

    @property
    def mandatory_met(self) -> bool:
        return all(getattr(self, key) for key in MANDATORY_CRITERIA)


def score_value(grades: Mapping[str, object]) -> Fraction:
    """The one score formula: a juror's value for a nomination is the mean of its assessment grades."""
    numbers = [grades[key] for key in ASSESSMENT_CRITERIA]
    if not all(isinstance(number, int) for number in numbers):
        raise ValueError("a score's grades are whole numbers")
    return Fraction(sum(number for number in numbers if isinstance(number, int)), len(numbers))


class ConflictDeclaration(Frozen):
    round_year: int
    nomination_id: str
    juror: str
    reason: str | None = Field(default=None, max_length=MAX_REASON)
    at: datetime


class Decision(Frozen):
    round_year: int
    nomination_id: str
    chair: str
    at: datetime


class AuditAction(StrEnum):
    # Members named as their values: what the backends store.
    score = "score"
    rescore = "rescore"
    conflict = "conflict"
    decision = "decision"


AuditValue = str | int | float | bool | None


class AuditEntry(Frozen):
    id: str = Field(default_factory=new_id)
    round_year: int
    action: AuditAction
    juror: str
    nomination_id: str | None = None
    at: datetime
    # What was done, e.g. the scores given or the conflict's reason.
    details: dict[str, AuditValue] = Field(default_factory=dict)


class ReminderRecord(Frozen):
    round_year: int
    juror: str
    # Days before the deadline this reminder belongs to (one of TRYGGHETSBOT_REMIND_DAYS).
    days_before: int
    nomination_ids: list[str]
    at: datetime

    @property
    def key(self) -> str:
        return reminder_key(self.round_year, self.juror, self.days_before)


def reminder_key(round_year: int, juror: str, days_before: int) -> str:
    return f"{round_year}:{juror}:{days_before}"


class JuryState(Frozen):
    """Everything the jury recorded for one round (what the ranking is computed from)."""

    round_year: int
    scores: list[ScoreSet] = Field(default_factory=list)
    conflicts: list[ConflictDeclaration] = Field(default_factory=list)
    decision: Decision | None = None

    def score_of(self, juror: str, nomination_id: str) -> ScoreSet | None:
        return next((s for s in self.scores if s.juror == juror and s.nomination_id == nomination_id), None)

    def conflict_of(self, juror: str, nomination_id: str) -> ConflictDeclaration | None:
        return next((c for c in self.conflicts if c.juror == juror and c.nomination_id == nomination_id), None)

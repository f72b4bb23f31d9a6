from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import STOCKHOLM
from bot.jury.model import AuditEntry, ConflictDeclaration, Decision, JuryState, ReminderRecord, ScoreSet
from bot.jury.service import JuryService
from bot.knowledge import default_knowledge
from bot.knowledge.models import Round
from bot.nominations.model import Nomination, Nominator
from bot.outbox.model import JuryMessage, MessageStatus, OutboxMessage
from store import Store, open_store

SUBMITTED = datetime(2023, 6, 15, 12, tzinfo=STOCKHOLM)
AFTER = datetime(2023, 9, 15, 12, tzinfo=STOCKHOLM)
JURORS = ("J1", "J2", "J3")
CHAIR = "J1"


class MutableClock:
    def __init__(self, moment: datetime = AFTER) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def set(self, day: date) -> None:
        self.moment = datetime(day.year, day.month, day.day, 12, tzinfo=STOCKHOLM)

    def tick(self) -> None:
        self.moment += timedelta(seconds=1)


def round_2023() -> Round:
    found = default_knowledge().prize.round_for(2023)
    assert found is not None
    return found


def make_nomination(number: int, *, status: str = "submitted", year: int = 2023) -> Nomination:
    return Nomination.model_validate(
        {
            "nominee": f"Insats {number}",
            "partners": ["Polisen", "Skolan"],
            "description": "Beskrivning.",
            "added_value": "Ett mervärde utöver det ordinarie uppdraget.",
            "round_year": year,
            "status": status,
            "nominator": Nominator(name="Anna", email=f"anna{number}@example.se"),
            "created_at": SUBMITTED + timedelta(minutes=number),
            "updated_at": SUBMITTED + timedelta(minutes=number),
            "submitted_at": SUBMITTED + timedelta(minutes=number) if status != "draft" else None,
        }
    )


class FakeNominations:
    """Just enough of :class:`NominationRepository` for the jury."""

    def __init__(self, nominations: list[Nomination]) -> None:
        self.items = {n.id: n for n in nominations}

    async def get(self, nomination_id: str) -> Nomination | None:
        return self.items.get(nomination_id)

    async def list(
        self,
        *,
        round_year: int | None = None,
        nominator_key: str | None = None,
        statuses: Collection[str] | None = None,
    ) -> list[Nomination]:
        return [
            n
            for n in self.items.values()
            if (round_year is None or n.round_year == round_year) and (statuses is None or n.status in statuses)
        ]

    async def submit(
        self, nomination: Nomination, event: OutboxMessage, *, repeat: object = None
    ) -> tuple[Nomination, bool]:
        self.items[nomination.id] = nomination
        return nomination, True

    async def save(self, nomination: Nomination, event: OutboxMessage | None = None) -> Nomination:
        self.items[nomination.id] = nomination
        return nomination


class MemoryJury:
    """An in-memory :class:`JuryRepository` for fast property tests."""

    def __init__(self) -> None:
        self.scores: dict[tuple[str, str], ScoreSet] = {}
        self.conflicts: dict[tuple[str, str], ConflictDeclaration] = {}
        self.decision: Decision | None = None
        self.log: list[AuditEntry] = []
        self.records: dict[str, ReminderRecord] = {}
        self.outbox: dict[str, JuryMessage] = {}

    async def state(self, round_year: int) -> JuryState:
        return JuryState(
            round_year=round_year,
            scores=list(self.scores.values()),
            conflicts=list(self.conflicts.values()),
            decision=self.decision,
        )

    async def save_score(self, score: ScoreSet, audit: AuditEntry) -> bool:
        if self.decision is not None or (score.juror, score.nomination_id) in self.conflicts:
            return False
        self.scores[(score.juror, score.nomination_id)] = score
        self.log.append(audit)
        return True

    async def declare_conflict(self, conflict: ConflictDeclaration, audit: AuditEntry) -> bool:
        if self.decision is not None or (conflict.juror, conflict.nomination_id) in self.conflicts:
            return False
        self.scores.pop((conflict.juror, conflict.nomination_id), None)
        self.conflicts[(conflict.juror, conflict.nomination_id)] = conflict
        self.log.append(audit)
        return True

    async def record_decision(self, decision: Decision, audit: AuditEntry, announcement: JuryMessage) -> bool:
        if self.decision is not None:
            return False
        self.decision = decision
        self.log.append(audit)
        self.outbox[announcement.id] = announcement
        return True

    async def audit(self, round_year: int) -> list[AuditEntry]:
        return list(self.log)

    async def reminders(self, round_year: int) -> list[ReminderRecord]:
        return list(self.records.values())

    async def record_reminder(self, record: ReminderRecord, message: JuryMessage) -> bool:
        if record.key in self.records:
            return False
        self.records[record.key] = record
        self.outbox[message.id] = message
        return True

    async def messages(self, round_year: int | None = None, *, pending_only: bool = False) -> list[JuryMessage]:
        return [m for m in self.outbox.values() if not pending_only or m.status == "pending"]

    async def mark_message_sent(self, message_id: str, now: datetime) -> JuryMessage:
        updated = self.outbox[message_id].model_copy(update={"status": MessageStatus.sent, "sent_at": now})
        self.outbox[message_id] = updated
        return updated


@pytest.fixture
def clock() -> MutableClock:
    return MutableClock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.json")
    yield opened
    opened.close()


@pytest.fixture
async def nominations(store: Store) -> list[Nomination]:
    """Three submitted nominations, one withdrawn and one draft, and one of another round."""
    made = [make_nomination(i) for i in range(1, 4)]
    made += [make_nomination(4, status="withdrawn"), make_nomination(5, status="draft"), make_nomination(6, year=2022)]
    for n in made:
        await store.nominations.save(n)
    return made


@pytest.fixture
def jury(store: Store, clock: MutableClock) -> JuryService:
    return JuryService(store.jury, store.nominations, round_2023(), clock, jurors=JURORS, chair=CHAIR)


def grades(value: int = 3, *, yes: bool = True, **changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "collaboration": yes,
        "added_value": yes,
        "innovation": value,
        "inspiration": value,
        "results": value,
    }
    base.update(changes)
    return base

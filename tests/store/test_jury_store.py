"""The jury repository: atomic writes, replacement, exactly-once decision and reminders, reopening."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from bot.jury.model import AuditEntry, ConflictDeclaration, Decision, JuryMessage, ReminderRecord, ScoreSet
from bot.jury.ports import JuryRepository
from store import open_store
from tests.store.conftest import NOW, event, nomination


def score(juror: str = "J1", nid: str = "n1", value: int = 3, **changes: object) -> ScoreSet:
    base = ScoreSet(
        round_year=2023,
        nomination_id=nid,
        juror=juror,
        collaboration=True,
        added_value=True,
        innovation=value,
        inspiration=value,
        results=value,
        at=NOW,
    )
    return base.model_copy(update=changes)


def audit(action: str = "score", juror: str = "J1", nid: str = "n1") -> AuditEntry:
    return AuditEntry.model_validate(
        {"round_year": 2023, "action": action, "juror": juror, "nomination_id": nid, "at": NOW}
    )


def message(kind: str = "jury_decision", recipient: str | None = None) -> JuryMessage:
    return JuryMessage.model_validate(
        {"kind": kind, "round_year": 2023, "recipient": recipient, "text": "Vinnare", "created_at": NOW}
    )


async def test_the_store_implements_the_protocol(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.json") as db:
        repository: JuryRepository = db.jury
        assert (await repository.state(2023)).scores == []


async def test_a_new_score_replaces_the_old_and_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with open_store(path) as db:
        await db.jury.save_score(score(value=2), audit())
        await db.jury.save_score(score(value=5, comment="Bra"), audit("rescore"))
        await db.jury.save_score(score(juror="J2"), audit(juror="J2"))
    with open_store(path) as db:
        state = await db.jury.state(2023)
        assert [(s.juror, s.innovation, s.comment) for s in state.scores] == [("J1", 5, "Bra"), ("J2", 3, None)]
        assert [a.action for a in await db.jury.audit(2023)] == ["score", "rescore", "score"]
        assert (await db.jury.state(2024)).scores == []


async def test_a_conflict_removes_the_score_in_the_same_write(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with open_store(path) as db:
        await db.jury.save_score(score(), audit())
        conflict = ConflictDeclaration(round_year=2023, nomination_id="n1", juror="J1", reason="Jävig", at=NOW)
        await db.jury.declare_conflict(conflict, audit("conflict"))
    data = json.loads((tmp_path / "db.shards" / "round-2023" / "jury.json").read_text("utf-8"))
    assert data["scores"] == {} and len(data["conflicts"]) == 1 and len(data["audit"]) == 2
    with open_store(path) as db:
        state = await db.jury.state(2023)
        assert state.scores == [] and state.conflict_of("J1", "n1") == conflict


async def test_the_decision_is_recorded_once_with_its_announcement(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    first = Decision(round_year=2023, nomination_id="n1", chair="J1", at=NOW)
    with open_store(path) as db:
        assert await db.jury.record_decision(first, audit("decision"), message())
        other = Decision(round_year=2023, nomination_id="n2", chair="J1", at=NOW)
        assert not await db.jury.record_decision(other, audit("decision", nid="n2"), message())
    with open_store(path) as db:
        assert (await db.jury.state(2023)).decision == first
        assert not await db.jury.record_decision(first, audit("decision"), message())
        pending = await db.jury.messages(2023, pending_only=True)
        assert [m.kind for m in pending] == ["jury_decision"]
        sent = await db.jury.mark_message_sent(pending[0].id, NOW + timedelta(minutes=1))
        assert sent.status == "sent"
    with open_store(path) as db:
        assert await db.jury.messages(pending_only=True) == []
        assert [a.action for a in await db.jury.audit(2023)] == ["decision"]


async def test_a_reminder_is_recorded_once_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    record = ReminderRecord(round_year=2023, juror="J3", days_before=7, nomination_ids=["n1"], at=NOW)
    with open_store(path) as db:
        assert await db.jury.record_reminder(record, message("jury_reminder", "J3"))
        assert not await db.jury.record_reminder(record, message("jury_reminder", "J3"))
    with open_store(path) as db:
        assert not await db.jury.record_reminder(record, message("jury_reminder", "J3"))
        assert [r.key for r in await db.jury.reminders(2023)] == ["2023:J3:7"]
        assert [m.recipient for m in await db.jury.messages()] == ["J3"]


async def test_jury_data_lives_beside_the_nominations_and_is_readable_read_only(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with open_store(path) as db:
        n = nomination()
        await db.nominations.submit(n, event(n))
        await db.jury.save_score(score(nid=n.id), audit(nid=n.id))
    with open_store(path, read_only=True) as db:
        assert [x.id for x in await db.nominations.list()] == [n.id]
        assert len(await db.outbox.list()) == 1  # the jury file adds nothing to the nomination outbox
        assert [s.nomination_id for s in (await db.jury.state(2023)).scores] == [n.id]
        assert (await db.jury.state(2024)).scores == []


async def test_no_score_is_written_after_a_conflict_or_the_decision(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.json") as db:
        conflict = ConflictDeclaration(round_year=2023, nomination_id="n1", juror="J1", at=NOW)
        assert await db.jury.declare_conflict(conflict, audit("conflict"))
        assert not await db.jury.declare_conflict(conflict, audit("conflict"))
        assert not await db.jury.save_score(score(), audit())
        assert await db.jury.save_score(score(juror="J2"), audit(juror="J2"))
        decision = Decision(round_year=2023, nomination_id="n1", chair="J2", at=NOW)
        assert await db.jury.record_decision(decision, audit("decision", "J2"), message())
        assert not await db.jury.save_score(score(juror="J2", value=5), audit("rescore", "J2"))
        other = ConflictDeclaration(round_year=2023, nomination_id="n1", juror="J3", at=NOW)
        assert not await db.jury.declare_conflict(other, audit("conflict", "J3"))
        state = await db.jury.state(2023)
        assert [(s.juror, s.innovation) for s in state.scores] == [("J2", 3)] and len(state.conflicts) == 1
        assert [a.action for a in await db.jury.audit(2023)] == ["conflict", "score", "decision"]

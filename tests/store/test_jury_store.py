"""The jury repository on both backends (the ``backend`` fixture): atomic writes, replacement,
exactly-once decision and reminders, reopening; on PostgreSQL also two processes racing."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from pathlib import Path

from bot.jury.model import AuditEntry, ConflictDeclaration, Decision, ReminderRecord, ScoreSet
from bot.jury.ports import JuryRepository
from bot.outbox.model import JuryMessage
from store import Store
from store.postgres import open_postgres_store
from tests.store.conftest import NOW, Backend, event, nomination


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


def audit(action: str = "score", juror: str = "J1", nid: str = "n1", year: int = 2023) -> AuditEntry:
    return AuditEntry.model_validate(
        {"round_year": year, "action": action, "juror": juror, "nomination_id": nid, "at": NOW}
    )


def message(kind: str = "jury_decision", recipient: str | None = None, year: int = 2023) -> JuryMessage:
    return JuryMessage.model_validate(
        {"kind": kind, "round_year": year, "recipient": recipient, "text": "Vinnare", "created_at": NOW}
    )


async def reopen(backend: Backend, db: Store, *, read_only: bool = False) -> Store:
    await db.aclose()
    return await backend.open(read_only=read_only)


async def test_the_store_implements_the_protocol(backend: Backend) -> None:
    db = await backend.open()
    repository: JuryRepository = db.jury
    assert (await repository.state(2023)).scores == []


async def test_a_new_score_replaces_the_old_and_survives_reopening(backend: Backend) -> None:
    db = await backend.open()
    assert await db.jury.save_score(score(value=2), audit())
    assert await db.jury.save_score(score(value=5, comment="Bra"), audit("rescore"))
    assert await db.jury.save_score(score(juror="J2"), audit(juror="J2"))
    db = await reopen(backend, db)
    state = await db.jury.state(2023)
    assert [(s.juror, s.innovation, s.comment) for s in state.scores] == [("J1", 5, "Bra"), ("J2", 3, None)]
    assert [a.action for a in await db.jury.audit(2023)] == ["score", "rescore", "score"]
    assert (await db.jury.state(2024)).scores == []


async def test_a_conflict_removes_the_score_in_the_same_write(backend: Backend) -> None:
    db = await backend.open()
    await db.jury.save_score(score(), audit())
    conflict = ConflictDeclaration(round_year=2023, nomination_id="n1", juror="J1", reason="Jävig", at=NOW)
    assert await db.jury.declare_conflict(conflict, audit("conflict"))
    if backend.name == "tinydb":
        file = Path(backend.target).parent / "db.shards" / "round-2023" / "jury.json"
        data = json.loads(file.read_text("utf-8"))
        assert data["scores"] == {} and len(data["conflicts"]) == 1 and len(data["audit"]) == 2
    db = await reopen(backend, db)
    state = await db.jury.state(2023)
    assert state.scores == [] and state.conflict_of("J1", "n1") == conflict
    assert [a.action for a in await db.jury.audit(2023)] == ["score", "conflict"]


async def test_the_decision_is_recorded_once_with_its_announcement(backend: Backend) -> None:
    first = Decision(round_year=2023, nomination_id="n1", chair="J1", at=NOW)
    db = await backend.open()
    assert await db.jury.record_decision(first, audit("decision"), message())
    other = Decision(round_year=2023, nomination_id="n2", chair="J1", at=NOW)
    assert not await db.jury.record_decision(other, audit("decision", nid="n2"), message())
    db = await reopen(backend, db)
    assert (await db.jury.state(2023)).decision == first
    assert not await db.jury.record_decision(first, audit("decision"), message())
    pending = await db.jury.messages(2023, pending_only=True)
    assert [m.kind for m in pending] == ["jury_decision"]
    sent = await db.jury.mark_message_sent(pending[0].id, NOW + timedelta(minutes=1))
    assert sent.status == "sent" and sent.sent_at == NOW + timedelta(minutes=1)
    db = await reopen(backend, db)
    assert await db.jury.messages(pending_only=True) == []
    assert [m.id for m in await db.jury.messages()] == [sent.id]
    assert [a.action for a in await db.jury.audit(2023)] == ["decision"]


async def test_a_reminder_is_recorded_once_across_restarts(backend: Backend) -> None:
    record = ReminderRecord(round_year=2023, juror="J3", days_before=7, nomination_ids=["n1"], at=NOW)
    db = await backend.open()
    assert await db.jury.record_reminder(record, message("jury_reminder", "J3"))
    assert not await db.jury.record_reminder(record, message("jury_reminder", "J3"))
    db = await reopen(backend, db)
    assert not await db.jury.record_reminder(record, message("jury_reminder", "J3"))
    assert await db.jury.reminders(2023) == [record]
    assert [m.recipient for m in await db.jury.messages()] == ["J3"]


async def test_jury_data_lives_beside_the_nominations_and_is_readable_read_only(backend: Backend) -> None:
    db = await backend.open()
    n = nomination()
    await db.nominations.submit(n, event(n))
    await db.jury.save_score(score(nid=n.id), audit(nid=n.id))
    db = await reopen(backend, db, read_only=True)
    assert [x.id for x in await db.nominations.list()] == [n.id]
    assert len(await db.outbox.list()) == 1  # the jury's records add nothing to the nomination outbox
    assert [s.nomination_id for s in (await db.jury.state(2023)).scores] == [n.id]
    assert (await db.jury.state(2024)).scores == []


async def test_no_score_is_written_after_a_conflict_or_the_decision(backend: Backend) -> None:
    db = await backend.open()
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
    assert len(await db.jury.messages(2023)) == 1


async def test_each_tenant_has_its_own_jury(backend: Backend) -> None:
    a = await backend.open(tenant="T_A")
    b = await backend.open(tenant="T_B")
    decision = Decision(round_year=2023, nomination_id="n1", chair="J1", at=NOW)
    assert await a.jury.record_decision(decision, audit("decision"), message())
    assert await a.jury.save_score(score(juror="J9", nid="n9"), audit()) is False
    assert (await b.jury.state(2023)).decision is None
    assert await b.jury.save_score(score(), audit())
    assert await b.jury.record_decision(decision, audit("decision"), message())
    assert [s.juror for s in (await a.jury.state(2023)).scores] == []
    assert [s.juror for s in (await b.jury.state(2023)).scores] == ["J1"]
    assert len(await a.jury.audit(2023)) == 1 and len(await b.jury.audit(2023)) == 2
    assert len(await a.jury.messages()) == len(await b.jury.messages()) == 1


# --- PostgreSQL only: two processes (two pools) on one database ------------------


async def test_two_pools_racing_to_decide_record_exactly_one_winner(postgres_url: str) -> None:
    one = await open_postgres_store(postgres_url, max_size=4)
    two = await open_postgres_store(postgres_url, max_size=4)
    try:
        for year in range(2023, 2028):  # the race several times, each in a round that already has a score
            assert await one.jury.save_score(score().model_copy(update={"round_year": year}), audit(year=year))
            attempts = [
                ((one, two)[i % 2], Decision(round_year=year, nomination_id=f"n{i}", chair="J1", at=NOW))
                for i in range(8)
            ]
            results = await asyncio.gather(
                *(
                    store.jury.record_decision(d, audit("decision", nid=d.nomination_id, year=year), message(year=year))
                    for store, d in attempts
                )
            )
            assert results.count(True) == 1
            winner = attempts[results.index(True)][1]
            assert (await two.jury.state(year)).decision == winner
            decided = [a.nomination_id for a in await one.jury.audit(year) if a.action == "decision"]
            assert decided == [winner.nomination_id]
        assert len(await one.jury.messages()) == 5
    finally:
        await one.aclose()
        await two.aclose()


async def test_two_pools_racing_a_score_against_the_decision_never_store_a_late_score(postgres_url: str) -> None:
    one = await open_postgres_store(postgres_url, max_size=4)
    two = await open_postgres_store(postgres_url, max_size=4)
    try:
        decision = Decision(round_year=2023, nomination_id="n1", chair="J1", at=NOW)
        scores = [score(juror=f"J{i}") for i in range(10)]
        results = await asyncio.gather(
            one.jury.record_decision(decision, audit("decision"), message()),
            *(two.jury.save_score(s, audit(juror=s.juror)) for s in scores),
        )
        assert results[0] is True
        state = await one.jury.state(2023)
        stored = {s.juror for s in state.scores}
        assert stored == {s.juror for s, saved in zip(scores, results[1:], strict=True) if saved}
        audited = await two.jury.audit(2023)
        # The writes of a round queue on one lock: every stored score was written before the decision.
        assert audited[-1].action == "decision"
        assert {a.juror for a in audited if a.action == "score"} == stored
    finally:
        await one.aclose()
        await two.aclose()

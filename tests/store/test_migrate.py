"""`trygghetsbot db migrate-from-tinydb PATH`: everything moves to PostgreSQL once, delivery state included."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.jury.model import AuditEntry, ConflictDeclaration, Decision, ReminderRecord, ScoreSet
from bot.nominations.model import Nominator
from bot.nominations.state import ConversationState, DialogState
from bot.outbox.model import JuryMessage
from store import open_store, open_store_async
from tests.store.conftest import NOW, event, nomination
from trygghetsbot.cli import main


async def fill_tinydb(path: Path) -> list[str]:
    with open_store(path) as tiny:
        ids = []
        for number in range(3):
            n = nomination(number, key=f"k{number}")
            message = event(n)
            await tiny.nominations.submit(n, message)
            ids.append(n.id)
        # The first one's jury post went out already; it must not be posted again after the move.
        first = (await tiny.outbox.list(ids[0]))[0]
        await tiny.outbox.mark_sent(first.id, NOW + timedelta(minutes=1), {"CJURY1": "111.1"})
        # The jury's work: a score, a conflict, a reminder and the chair's decision with its announcement.
        score = ScoreSet(
            round_year=2023, nomination_id=ids[0], juror="UJ1", collaboration=True, added_value=True,
            innovation=4, inspiration=3, results=5, at=NOW,
        )  # fmt: skip
        await tiny.jury.save_score(score, AuditEntry(round_year=2023, action="score", juror="UJ1", at=NOW))
        conflict = ConflictDeclaration(round_year=2023, nomination_id=ids[1], juror="UJ1", reason="jäv", at=NOW)
        await tiny.jury.declare_conflict(
            conflict, AuditEntry(round_year=2023, action="conflict", juror="UJ1", nomination_id=ids[1], at=NOW)
        )
        reminder = ReminderRecord(round_year=2023, juror="UJ2", days_before=7, nomination_ids=[ids[2]], at=NOW)
        await tiny.jury.record_reminder(
            reminder,
            JuryMessage(kind="jury_reminder", round_year=2023, recipient="UJ2", text="Påminnelse", created_at=NOW),
        )
        await tiny.jury.record_decision(
            Decision(round_year=2023, nomination_id=ids[0], chair="UJ1", at=NOW),
            AuditEntry(round_year=2023, action="decision", juror="UJ1", nomination_id=ids[0], at=NOW),
            JuryMessage(
                kind="jury_decision", round_year=2023, nomination_id=ids[0], text="Vinnaren är utsedd", created_at=NOW
            ),
        )
        await tiny.dialogs.save(
            ConversationState(
                key="console:anna",
                user_id="console:anna",
                dialog=DialogState(round_year=2023, step="partners", nominator=Nominator(user_id="console:anna")),
                updated_at=NOW,
            )
        )
        await tiny.installations.save_bot(None, "TA", NOW, {"bot_token": "xoxb-a"})
        await tiny.installations.save_installation(None, "TA", "U1", NOW, {"user_id": "U1"})
    return ids


async def test_migrate_copies_everything_once(
    tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "old.json"
    ids = await fill_tinydb(source)
    monkeypatch.setenv("TRYGGHETSBOT_DATABASE_URL", postgres_url)
    monkeypatch.setenv("TRYGGHETSBOT_DB", str(tmp_path / "unused.json"))

    assert await _run(["db", "migrate-from-tinydb", str(source)]) == 0
    out = capsys.readouterr().out
    assert "Nomineringar: 3 kopierade, 0 fanns redan." in out
    assert "Utskick (jury och bekräftelser): 3 kopierade, 0 fanns redan." in out
    assert "Samtal: 1 kopierade, 0 nyare eller lika nya i PostgreSQL behölls." in out
    assert "Installerade Slack-arbetsytor: 1 kopierade." in out
    # A score, a conflict, the decision, three audit entries, a reminder and two messages.
    assert "Juryns poster (poäng, jäv, beslut, logg, påminnelser): 9 kopierade." in out

    assert await _run(["db", "migrate-from-tinydb", str(source)]) == 0  # again: nothing new
    again = capsys.readouterr().out
    assert (
        "Nomineringar: 0 kopierade, 3 fanns redan." in again and "Utskick (jury och bekräftelser): 0 kopierade" in again
    )
    assert "Juryns poster (poäng, jäv, beslut, logg, påminnelser): 0 kopierade." in again
    assert "Installerade Slack-arbetsytor: 0 kopierade." in again

    target = await open_store_async(postgres_url)
    try:
        assert sorted(n.id for n in await target.nominations.list()) == sorted(ids)
        sent = [m for m in await target.outbox.list() if m.status == "sent"]
        assert [m.nomination_id for m in sent] == [ids[0]] and sent[0].deliveries["CJURY1"].ts == "111.1"
        with open_store(source, read_only=True) as tiny:  # the jury's records as they were
            assert await target.jury.state(2023) == await tiny.jury.state(2023)
            assert await target.jury.audit(2023) == await tiny.jury.audit(2023)
            assert await target.jury.reminders(2023) == await tiny.jury.reminders(2023)
            assert await target.jury.messages(2023) == await tiny.jury.messages(2023)
        decision = (await target.jury.state(2023)).decision
        assert decision is not None and decision.nomination_id == ids[0]
        assert [a.action for a in await target.jury.audit(2023)] == ["score", "conflict", "decision"]
        assert await target.installations.find_bot(None, "TA") == {"bot_token": "xoxb-a"}
        assert await target.installations.find_installation(None, "TA") == {"user_id": "U1"}
        conversation = await target.dialogs.load("console:anna")
        assert conversation is not None and conversation.dialog is not None and conversation.dialog.step == "partners"
    finally:
        await target.aclose()


async def test_migrate_refuses_without_a_database_url_or_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TRYGGHETSBOT_DATABASE_URL", raising=False)
    assert await _run(["db", "migrate-from-tinydb", str(tmp_path / "x.json")]) == 2
    assert "TRYGGHETSBOT_DATABASE_URL" in capsys.readouterr().err
    monkeypatch.setenv("TRYGGHETSBOT_DATABASE_URL", "postgresql://nobody@127.0.0.1:9/none")
    assert await _run(["db", "migrate-from-tinydb", str(tmp_path / "missing.json")]) == 2
    assert "Hittar ingen TinyDB-databas" in capsys.readouterr().err


async def _run(argv: list[str]) -> int:
    """The CLI runs its own event loop: off this test's loop."""
    import asyncio

    return await asyncio.to_thread(main, argv)


async def test_migrate_finishes_when_postgresql_holds_some_already_and_converges(
    tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same nomination sent to both (`nominate --file` of one file: the same key, other ids) and a
    conversation carried on after the switch: skipped and named, the rest (the jury's records too) copied."""
    source = tmp_path / "old.json"
    ids = await fill_tinydb(source)
    target = await open_store_async(postgres_url)
    try:
        twin = nomination(0, key="k0")  # TinyDB's first nomination, submitted to PostgreSQL as well
        await target.nominations.submit(twin, event(twin))
        newer = ConversationState(
            key="console:anna",
            user_id="console:anna",
            dialog=DialogState(round_year=2023, step="description", nominator=Nominator(user_id="console:anna")),
            updated_at=NOW + timedelta(days=1),
        )
        await target.dialogs.save(newer)
    finally:
        await target.aclose()
    monkeypatch.setenv("TRYGGHETSBOT_DATABASE_URL", postgres_url)
    monkeypatch.setenv("TRYGGHETSBOT_DB", str(tmp_path / "unused.json"))

    for run in ("first", "again"):
        assert await _run(["db", "migrate-from-tinydb", str(source)]) == 0, run
        out = capsys.readouterr().out
        copied = 2 if run == "first" else 0
        assert f"Nomineringar: {copied} kopierade, {3 - copied} fanns redan." in out
        assert f"”Insats 0” ({ids[0]}) finns redan i PostgreSQL som {twin.id}" in out
        jury = 9 if run == "first" else 0
        assert f"Juryns poster (poäng, jäv, beslut, logg, påminnelser): {jury} kopierade." in out
        assert "Samtal: 0 kopierade, 1 nyare eller lika nya i PostgreSQL behölls." in out

    target = await open_store_async(postgres_url)
    try:
        assert sorted(n.id for n in await target.nominations.list()) == sorted([twin.id, ids[1], ids[2]])
        state = await target.jury.state(2023)
        # The jury's records of the twin follow it to PostgreSQL's id.
        assert [s.nomination_id for s in state.scores] == [twin.id]
        assert state.decision is not None and state.decision.nomination_id == twin.id
        assert [c.nomination_id for c in state.conflicts] == [ids[1]]
        conversation = await target.dialogs.load("console:anna")
        assert conversation is not None and conversation.dialog is not None
        assert conversation.dialog.step == "description"  # the newer one, not TinyDB's older "partners"
    finally:
        await target.aclose()

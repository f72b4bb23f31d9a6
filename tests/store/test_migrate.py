"""`trygghetsbot db migrate-from-tinydb PATH`: everything moves to PostgreSQL once, delivery state included."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.nominations.model import Nominator
from bot.nominations.state import ConversationState, DialogState
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
        await tiny.dialogs.save(
            ConversationState(
                key="console:anna",
                user_id="console:anna",
                dialog=DialogState(round_year=2023, step="partners", nominator=Nominator(user_id="console:anna")),
                updated_at=NOW,
            )
        )
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
    assert "Samtal: 1 kopierade." in out

    assert await _run(["db", "migrate-from-tinydb", str(source)]) == 0  # again: nothing new
    again = capsys.readouterr().out
    assert (
        "Nomineringar: 0 kopierade, 3 fanns redan." in again and "Utskick (jury och bekräftelser): 0 kopierade" in again
    )

    target = await open_store_async(postgres_url)
    try:
        assert sorted(n.id for n in await target.nominations.list()) == sorted(ids)
        sent = [m for m in await target.outbox.list() if m.status == "sent"]
        assert [m.nomination_id for m in sent] == [ids[0]] and sent[0].deliveries["CJURY1"].ts == "111.1"
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

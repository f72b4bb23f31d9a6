"""Each message is answered in its own language: a Swedish command after an English question is answered in Swedish."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.answering import Answerer
from bot.clock import fixed_clock
from bot.conversation import ConversationRouter, command_lang
from bot.knowledge import default_knowledge
from bot.nominations.dialog import NominationDialog
from bot.nominations.model import Nominator
from bot.nominations.service import NominationService
from store import open_store

USER = Nominator(name="Anna", email="anna@example.se", user_id="U1")


def test_a_command_names_its_language() -> None:
    assert command_lang("nominera", "en") == "sv"
    assert command_lang("mina nomineringar", "en") == "sv"
    assert command_lang("avbryt", "en") == "sv"
    assert command_lang("cancel", "sv") == "en"
    assert command_lang("trygga tensta", "en") == "en"  # an answer in the dialog keeps the conversation's


async def test_swedish_commands_after_an_english_question_are_answered_in_swedish(tmp_path: Path) -> None:
    kb, clock = default_knowledge(), fixed_clock(date(2023, 6, 15))
    store = open_store(tmp_path / "db.json")
    try:
        service = NominationService(store.nominations, kb.prize, kb.prize.latest_round, clock)
        router = ConversationRouter(Answerer(kb, clock), NominationDialog(service), store.dialogs, clock)
        english = await router.handle("U1", USER, "who won the prize in 2019?")
        assert english.lang == "en"
        for command in ("nominera", "avbryt", "mina nomineringar"):
            reply = await router.handle("U1", USER, command)
            assert reply.lang == "sv", (command, reply.text)
    finally:
        store.close()

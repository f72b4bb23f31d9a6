"""The nomination dialog driven through the conversation router, as a chat surface drives it."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest

from bot.answering import Answer, ConversationContext
from bot.assistant import DIALOG_INTENT, Assistant, Reply, looks_like_question
from bot.clock import fixed_clock
from bot.knowledge import default_knowledge
from bot.nominations.dialog import NominationDialog
from bot.nominations.model import Nominator
from bot.nominations.service import NominationService
from store import Store, open_store

ADDED_VALUE = "Insatsen ger mycket mer än den ordinarie verksamheten gör"
USER = Nominator(user_id="console:anna")


class FakeAnswerer:
    """Stands in for bot.answering: echoes the question and records the context it got."""

    def __init__(self) -> None:
        self.contexts: list[ConversationContext | None] = []

    def answer(self, question: str, context: ConversationContext | None = None) -> Answer:
        self.contexts.append(context)
        seen = len(self.contexts)
        return Answer(
            text=f"SVAR: {question}", lang="sv", intent="fake", context=ConversationContext(years=[2000 + seen])
        )


class Chat:
    def __init__(self, path: Path, day: date = date(2023, 6, 15), user: Nominator = USER) -> None:
        self.path = path
        self.day = day
        self.user = user
        self.answerer = FakeAnswerer()
        self.store: Store = open_store(path)
        self.assistant = self._assistant()

    def _assistant(self) -> Assistant:
        prize = default_knowledge().prize
        clock = fixed_clock(self.day)
        service = NominationService(self.store.nominations, prize, prize.latest_round, clock)
        return Assistant(self.answerer, NominationDialog(service), self.store.dialogs, clock)

    def restart(self, day: date | None = None) -> None:
        self.store.close()
        self.day = day or self.day
        self.store = open_store(self.path)
        self.assistant = self._assistant()

    async def say(self, text: str) -> Reply:
        return await self.assistant.handle(self.user.user_id or "", self.user, text)

    async def says(self, *texts: str) -> Reply:
        reply = None
        for text in texts:
            reply = await self.say(text)
        assert reply is not None
        return reply

    async def fill_required(self) -> Reply:
        return await self.says("nominera", "Trygga Tensta", "Polisen, Skolan", "Nattvandringar i Tensta", ADDED_VALUE)


@pytest.fixture
async def chat(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened = Chat(tmp_path / "db.json")
    yield opened
    opened.store.close()


async def test_start_phrases_begin_the_dialog(chat: Chat) -> None:
    for phrase in ("nominera", "/nominera", "Jag vill nominera", "jag vill nominera!"):
        reply = await chat.say(phrase)
        assert reply.intent == DIALOG_INTENT
        assert reply.texts[-1].startswith("Vilken insats")
        await chat.say("avbryt")


async def test_full_dialog_submits_with_checklist(chat: Chat) -> None:
    reply = await chat.fill_required()
    assert reply.texts == [
        "På vilket sätt är insatsen nyskapande? Juryn bedömer om ”insatsen är innovativ och nyskapande”. "
        "(Frivilligt: skriv ”hoppa över”.)"
    ]
    reply = await chat.says("Ny metod med föreningar", "hoppa över", "hoppa över", "Lisa, lisa@example.se", "Anna")
    reply = await chat.say("anna@example.se")
    summary = reply.text
    assert "1. nominerad insats eller organisation: Trygga Tensta" in summary
    assert "5. nyskapande: Ny metod med föreningar" in summary
    assert "6. kan inspirera andra: (inte ifyllt)" in summary
    assert "✔ insatsen ska ske i samverkan mellan flera verksamheter/organisationer (obligatoriskt)" in summary
    assert "○ insatsen visar goda resultat (bedöms av juryn – inte besvarat)" in summary
    reply = await chat.say("skicka")
    assert reply.dialog_outcome == "submitted" and "är inskickad" in reply.text
    stored = await chat.store.nominations.list()
    assert len(stored) == 1
    n = stored[0]
    assert (n.nominee, n.partners, n.innovation, n.inspiration, n.contact) == (
        "Trygga Tensta",
        ["Polisen", "Skolan"],
        "Ny metod med föreningar",
        None,
        "Lisa, lisa@example.se",
    )
    assert n.nominator == Nominator(name="Anna", email="anna@example.se", user_id="console:anna")
    assert [m.kind for m in await chat.store.outbox.list()] == ["nomination_submitted"]
    assert (await chat.store.dialogs.load("console:anna")).dialog is None  # type: ignore[union-attr]


async def test_each_answer_is_validated_at_once(chat: Chat) -> None:
    await chat.say("nominera")
    reply = await chat.say("   x\x00y")
    assert "styrtecken" in reply.texts[0] and reply.texts[1].startswith("Försök igen: Vilken insats")
    await chat.say("Trygga Tensta")
    reply = await chat.say("TRYGGA  tensta")
    assert reply.texts[0].startswith(
        "Kriteriet ”insatsen ska ske i samverkan mellan flera verksamheter/organisationer”"
    )
    await chat.says("Polisen", "Beskrivning")
    reply = await chat.say("Bra grej")
    assert "”insatsen är utvecklande och innehåller ett mervärde utöver ordinarie verksamhet”" in reply.texts[0]
    reply = await chat.say("hoppa över")
    assert reply.texts[0] == "Fältet ”mervärde” måste fyllas i och går inte att hoppa över."
    reply = await chat.says(ADDED_VALUE, "hoppa över", "hoppa över", "hoppa över", "hoppa över", "Anna")
    reply = await chat.say("inte-en-adress")
    assert "inte en giltig e-postadress" in reply.texts[0]
    assert await chat.store.nominations.list() == []


async def test_back_goes_to_the_previous_question(chat: Chat) -> None:
    reply = await chat.say("nominera")
    reply = await chat.say("tillbaka")
    assert reply.texts[0] == "Du är redan på första frågan."
    await chat.says("Trygga Tensta", "Polisen")
    reply = await chat.say("tillbaka")
    assert reply.texts[-1].startswith("Vilka organisationer samverkar")
    reply = await chat.say("tillbaka")
    assert reply.texts[-1].startswith("Vilken insats")
    await chat.says("Tryggare Rinkeby", "Polisen", "Beskrivning", ADDED_VALUE)
    n_reply = await chat.says(*["hoppa över"] * 4, "Anna", "hoppa över")
    assert "1. nominerad insats eller organisation: Tryggare Rinkeby" in n_reply.text


async def test_cancel_stores_nothing(chat: Chat) -> None:
    await chat.says("nominera", "Trygga Tensta", "Polisen")
    reply = await chat.say("avbryt")
    assert reply.text == "Nomineringen är avbruten. Inget har skickats in."
    assert await chat.store.nominations.list() == []
    reply = await chat.say("Polisen")
    assert reply.intent == "fake"  # no dialog any more: a normal question


async def test_draft_is_saved_and_resumed(chat: Chat) -> None:
    await chat.says("nominera", "Trygga Tensta", "Polisen")
    reply = await chat.say("spara")
    assert reply.dialog_outcome == "saved" and "fortsätt" in reply.text
    (draft,) = await chat.store.nominations.list()
    assert draft.status == "draft" and draft.partners == ["Polisen"]
    reply = await chat.say("Beskrivning som inte är en del av dialogen")
    assert reply.intent == "fake"  # paused dialog: the bot answers questions
    reply = await chat.say("fortsätt")
    assert reply.texts == [
        "Du har en påbörjad nominering. Vi fortsätter där du var.",
        "Beskriv insatsen: vad görs, var och för vem?",
    ]
    await chat.says("Beskrivning", ADDED_VALUE, *["hoppa över"] * 4, "Anna", "hoppa över")
    reply = await chat.say("skicka")
    assert reply.dialog_outcome == "submitted"
    (submitted,) = await chat.store.nominations.list()
    assert submitted.id == draft.id and submitted.status == "submitted"


async def test_nothing_to_resume(chat: Chat) -> None:
    reply = await chat.say("fortsätt")
    assert reply.text == "Du har ingen påbörjad nominering. Skriv ”nominera” för att börja."


async def test_restart_in_the_middle_loses_nothing(chat: Chat) -> None:
    await chat.says("nominera", "Trygga Tensta", "Polisen, Skolan")
    chat.restart()
    reply = await chat.say("Nattvandringar")
    assert reply.texts[-1].startswith("Vilket mervärde")
    await chat.say(ADDED_VALUE)
    chat.restart()
    reply = await chat.say("nominera")
    assert reply.texts[0] == "Du har en påbörjad nominering. Vi fortsätter där du var."
    assert reply.texts[1].startswith("På vilket sätt är insatsen nyskapande")


async def test_draft_in_the_store_is_resumed_even_without_dialog_state(chat: Chat) -> None:
    await chat.says("nominera", "Trygga Tensta", "Polisen", "spara")
    await chat.store.dialogs.delete("console:anna")
    reply = await chat.say("nominera")
    assert reply.texts[-1].startswith("Beskriv insatsen")


async def test_change_a_field_from_the_summary(chat: Chat) -> None:
    await chat.fill_required()
    await chat.says(*["hoppa över"] * 4, "Anna", "hoppa över")
    reply = await chat.say("ändra samverkanspartner")
    assert reply.texts[0].startswith("Vilka organisationer") and "Nuvarande svar: Polisen, Skolan" in reply.texts[0]
    reply = await chat.say("Polisen, Skolan, Bostadsbolaget")
    assert "2. samverkanspartner: Polisen, Skolan, Bostadsbolaget" in reply.text
    reply = await chat.say("ändra 1")
    reply = await chat.say("Tryggare Tensta")
    assert "1. nominerad insats eller organisation: Tryggare Tensta" in reply.text
    reply = await chat.say("ändra färg")
    assert "känner inte igen fältet" in reply.texts[0]
    reply = await chat.say("skicka")
    assert reply.dialog_outcome == "submitted"


async def test_submit_retried_after_a_crash_stores_one(chat: Chat) -> None:
    await chat.fill_required()
    await chat.says(*["hoppa över"] * 4, "Anna", "hoppa över")
    saved = await chat.store.dialogs.load("console:anna")
    assert saved is not None
    await chat.say("skicka")
    # The dialog state from before "skicka" comes back, as after a crash between the two writes.
    await chat.store.dialogs.save(saved)
    reply = await chat.say("skicka")
    assert "var redan inskickad" in reply.text
    assert len(await chat.store.nominations.list()) == 1


async def test_list_edit_and_withdraw_own_nominations(chat: Chat) -> None:
    reply = await chat.say("mina nomineringar")
    assert reply.text == "Du har inga nomineringar till Trygghetspriset 2023."
    await chat.fill_required()
    await chat.says(*["hoppa över"] * 4, "Anna", "hoppa över", "skicka")
    (n,) = await chat.store.nominations.list()
    reply = await chat.say("mina nomineringar")
    assert f"• {n.id}: Trygga Tensta – inskickad" in reply.text

    reply = await chat.say(f"ändra nominering {n.id}")
    assert "Så här ser nomineringen ut" in reply.text and "spara ändringarna" in reply.text
    await chat.says("ändra resultat", "Färre larm till räddningstjänsten")
    reply = await chat.say("skicka")
    assert reply.dialog_outcome == "edited"
    edited = await chat.store.nominations.get(n.id)
    assert edited is not None and edited.results == "Färre larm till räddningstjänsten" and edited.revision == 1

    reply = await chat.say(f"återkalla {n.id}")
    assert reply.text.startswith(f"Vill du återkalla nomineringen {n.id}")
    reply = await chat.say("nej")
    assert "är kvar" in reply.text
    await chat.says(f"återkalla {n.id}", "ja")
    withdrawn = await chat.store.nominations.get(n.id)
    assert withdrawn is not None and withdrawn.status == "withdrawn"
    assert [m.kind for m in await chat.store.outbox.list(n.id)] == [
        "nomination_submitted",
        "nomination_edited",
        "nomination_withdrawn",
    ]
    reply = await chat.say(f"ändra nominering {n.id}")
    assert "är återkallad" in reply.text


async def test_someone_elses_nomination_cannot_be_touched(chat: Chat, tmp_path: Path) -> None:
    await chat.fill_required()
    await chat.says(*["hoppa över"] * 4, "Anna", "hoppa över", "skicka")
    (n,) = await chat.store.nominations.list()
    chat.user = Nominator(user_id="console:bert")
    reply = await chat.say(f"återkalla {n.id}")
    assert reply.text == f"Jag hittar ingen nominering av dig med id {n.id}."
    reply = await chat.say(f"ändra nominering {n.id}")
    assert "hittar ingen nominering" in reply.text


async def test_outside_the_period_nothing_is_stored(tmp_path: Path) -> None:
    chat = Chat(tmp_path / "db.json", day=date(2023, 9, 2))
    try:
        reply = await chat.say("nominera")
        assert "var 1 juni 2023 till och med 1 september 2023 och är nu stängd" in reply.text
        assert await chat.store.nominations.list() == []
        state = await chat.store.dialogs.load("console:anna")
        assert state is not None and state.dialog is None
    finally:
        chat.store.close()


async def test_period_closing_mid_dialog_stops_edits(tmp_path: Path) -> None:
    chat = Chat(tmp_path / "db.json", day=date(2023, 9, 1))
    try:
        await chat.fill_required()
        await chat.says(*["hoppa över"] * 4, "Anna", "hoppa över", "skicka")
        (n,) = await chat.store.nominations.list()
        chat.restart(day=date(2023, 9, 2))
        reply = await chat.say(f"återkalla {n.id}")
        assert "är nu stängd" in reply.text
        stored = await chat.store.nominations.get(n.id)
        assert stored is not None and stored.status == "submitted"
    finally:
        chat.store.close()


async def test_question_in_the_middle_is_answered_and_the_dialog_resumes(chat: Chat) -> None:
    await chat.says("nominera", "Trygga Tensta")
    reply = await chat.say("Vem vann 2019?")
    assert reply.intent == "fake"
    assert reply.texts == [
        "SVAR: Vem vann 2019?",
        "Tillbaka till nomineringen: Vilka organisationer samverkar i insatsen? Skriv dem separerade med "
        "kommatecken. Kriteriet: ”insatsen ska ske i samverkan mellan flera verksamheter/organisationer”.",
    ]
    reply = await chat.say("Polisen")
    assert reply.texts[-1].startswith("Beskriv insatsen")
    reply = await chat.say("mina nomineringar")
    assert reply.texts[-1].startswith("Tillbaka till nomineringen: Beskriv insatsen")


async def test_answer_context_is_kept_per_conversation_and_survives_restart(chat: Chat) -> None:
    await chat.say("vem vann 2019?")
    await chat.say("och 2020?")
    assert chat.answerer.contexts[0] is None
    assert chat.answerer.contexts[1] == ConversationContext(years=[2001])
    chat.restart()
    await chat.say("och 2021?")
    assert chat.answerer.contexts[-1] == ConversationContext(years=[2002])
    chat.user = Nominator(user_id="console:bert")
    await chat.say("vem vann?")
    assert chat.answerer.contexts[-1] is None


async def test_messages_sent_at_once_are_handled_one_after_the_other(chat: Chat) -> None:
    await chat.say("nominera")
    await asyncio.gather(chat.say("Trygga Tensta"), chat.say("Polisen"), chat.say("Beskrivning"))
    state = await chat.store.dialogs.load("console:anna")
    assert state is not None and state.dialog is not None
    content = state.dialog.content
    assert (content.nominee, content.partners, content.description) == ("Trygga Tensta", ["Polisen"], "Beskrivning")
    assert state.dialog.step == "added_value"


def test_question_detection() -> None:
    assert looks_like_question("Vem vann 2019?")
    assert not looks_like_question("Polisen, Skolan")
    assert not looks_like_question(" ".join(["ord"] * 30) + "?")

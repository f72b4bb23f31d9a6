"""The nomination dialog driven through the conversation router, as a chat surface drives it."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest

from bot.answering import ConversationContext, Intent, Reply
from bot.clock import fixed_clock
from bot.conversation import ConversationRouter, looks_like_question
from bot.knowledge import default_knowledge
from bot.nominations.dialog import NominationDialog
from bot.nominations.model import Nominator
from bot.nominations.service import NominationService
from bot.nominations.state import DialogState
from store import Store, open_store
from tests.nominations.conftest import good_content
from tests.texts import ADDED_VALUE, DESCRIPTION

USER = Nominator(user_id="console:anna")
# The fake answerer's intent (an answerer's, not the dialog's): a reply with it was a question answered.
ANSWERED = Intent.HELP


class FakeAnswerer:
    """Stands in for bot.answering: echoes the question and records the context it got."""

    def __init__(self) -> None:
        self.contexts: list[ConversationContext | None] = []

    def answer(self, question: str, context: ConversationContext | None = None) -> Reply:
        self.contexts.append(context)
        seen = len(self.contexts)
        return Reply(
            texts=[f"SVAR: {question}"], lang="sv", intent=ANSWERED, context=ConversationContext(years=[2000 + seen])
        )


class Chat:
    def __init__(self, path: Path, day: date = date(2023, 6, 15), user: Nominator = USER) -> None:
        self.path = path
        self.day = day
        self.user = user
        self.answerer = FakeAnswerer()
        self.store: Store = open_store(path)
        self.router = self._router()
        # A chat surface with sessions (the console) gives one; None is a surface without (Slack).
        self.session: str | None = None

    def _router(self) -> ConversationRouter:
        prize = default_knowledge().prize
        clock = fixed_clock(self.day)
        service = NominationService(self.store.nominations, prize, prize.latest_round, clock)
        return ConversationRouter(self.answerer, NominationDialog(service), self.store.dialogs, clock)

    def restart(self, day: date | None = None) -> None:
        self.store.close()
        self.day = day or self.day
        self.store = open_store(self.path)
        self.router = self._router()

    async def say(self, text: str) -> Reply:
        return await self.router.handle(self.user.user_id or "", self.user, text, session=self.session)

    async def says(self, *texts: str) -> Reply:
        reply = None
        for text in texts:
            reply = await self.say(text)
        assert reply is not None
        return reply

    async def fill_required(self) -> Reply:
        return await self.says("nominera", "Trygga Tensta", "Polisen, Skolan", DESCRIPTION, ADDED_VALUE)


@pytest.fixture
async def chat(tmp_path: Path):  # type: ignore[no-untyped-def]
    opened = Chat(tmp_path / "db.json")
    yield opened
    opened.store.close()


async def test_start_phrases_begin_the_dialog(chat: Chat) -> None:
    for phrase in ("nominera", "/nominera", "Jag vill nominera", "jag vill nominera!"):
        reply = await chat.say(phrase)
        assert reply.intent == Intent.NOMINATION_DIALOG
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
    reply = await chat.say("Polisen")  # the lead organisation alone is not a collaboration
    assert "minst 2 olika organisationer" in reply.texts[0]
    await chat.say("Polisen, Skolan")
    reply = await chat.say("Beskrivning")
    assert "Beskrivningen är för kort" in reply.texts[0]
    await chat.say(DESCRIPTION)
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
    await chat.says("Trygga Tensta", "Polisen, Skolan")
    reply = await chat.say("tillbaka")
    assert reply.texts[-1].startswith("Vilka organisationer genomför")
    assert reply.texts[-1].endswith("Ditt tidigare svar: Polisen, Skolan")  # the answer to change is shown
    reply = await chat.say("tillbaka")
    assert reply.texts[-1].startswith("Vilken insats")
    assert reply.texts[-1].endswith("Ditt tidigare svar: Trygga Tensta")
    await chat.says("Tryggare Rinkeby", "Polisen, Skolan", DESCRIPTION, ADDED_VALUE)
    n_reply = await chat.says(*["hoppa över"] * 4, "Anna", "hoppa över")
    assert "1. nominerad insats eller organisation: Tryggare Rinkeby" in n_reply.text


async def test_cancel_stores_nothing(chat: Chat) -> None:
    await chat.says("nominera", "Trygga Tensta", "Polisen")
    reply = await chat.say("avbryt")
    assert reply.text == "Nomineringen är avbruten. Inget har skickats in."
    assert await chat.store.nominations.list() == []
    reply = await chat.say("Polisen")
    assert reply.intent == ANSWERED  # no dialog any more: a normal question


async def test_draft_is_saved_and_resumed(chat: Chat) -> None:
    await chat.says("nominera", "Trygga Tensta", "Polisen, Skolan")
    reply = await chat.say("spara")
    assert reply.dialog_outcome == "saved" and "fortsätt" in reply.text
    (draft,) = await chat.store.nominations.list()
    assert draft.status == "draft" and draft.partners == ["Polisen", "Skolan"]
    reply = await chat.say("Beskrivning som inte är en del av dialogen")
    assert reply.intent == ANSWERED  # paused dialog: the bot answers questions
    reply = await chat.say("fortsätt")
    assert reply.texts == [
        "Du har en påbörjad nominering. Vi fortsätter där du var.",
        "Beskriv insatsen: vad görs, var och för vem?",
    ]
    await chat.says(DESCRIPTION, ADDED_VALUE, *["hoppa över"] * 4, "Anna", "hoppa över")
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
    reply = await chat.say(DESCRIPTION)
    assert reply.texts[-1].startswith("Vilket mervärde")
    await chat.say(ADDED_VALUE)
    chat.restart()
    reply = await chat.say("nominera")
    assert reply.texts[0] == "Du har en påbörjad nominering. Vi fortsätter där du var."
    assert reply.texts[1].startswith("På vilket sätt är insatsen nyskapande")


async def test_draft_in_the_store_is_resumed_even_without_dialog_state(chat: Chat) -> None:
    await chat.says("nominera", "Trygga Tensta", "Polisen, Skolan", "spara")
    await chat.store.dialogs.delete("console:anna")
    reply = await chat.say("nominera")
    assert reply.texts[-1].startswith("Beskriv insatsen")


async def test_change_a_field_from_the_summary(chat: Chat) -> None:
    await chat.fill_required()
    await chat.says(*["hoppa över"] * 4, "Anna", "hoppa över")
    reply = await chat.say("ändra samverkanspartner")
    assert reply.texts[0].startswith("Vilka organisationer") and "Nuvarande svar: Polisen, Skolan" in reply.texts[0]
    reply = await chat.say("Polisen, Skolan, Bostadsbolaget")
    assert "2. samverkande organisationer: Polisen, Skolan, Bostadsbolaget" in reply.text
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
    assert reply.intent == ANSWERED
    assert reply.texts == [
        "SVAR: Vem vann 2019?",
        "Tillbaka till nomineringen: Vilka organisationer genomför insatsen tillsammans? Räkna med den ansvariga "
        "organisationen och skriv dem separerade med kommatecken (minst två olika). Kriteriet: ”insatsen ska ske "
        "i samverkan mellan flera verksamheter/organisationer”.",
    ]
    reply = await chat.say("Polisen, Skolan")
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
    await asyncio.gather(chat.say("Trygga Tensta"), chat.say("Polisen, Skolan"), chat.say(DESCRIPTION))
    state = await chat.store.dialogs.load("console:anna")
    assert state is not None and state.dialog is not None
    content = state.dialog.content
    assert (content.nominee, content.partners, content.description) == (
        "Trygga Tensta",
        ["Polisen", "Skolan"],
        DESCRIPTION,
    )
    assert state.dialog.step == "added_value"


def test_question_detection() -> None:
    assert looks_like_question("Vem vann 2019?")
    assert not looks_like_question("Polisen, Skolan")
    assert not looks_like_question(" ".join(["ord"] * 30) + "?")


async def dialog_of(chat: Chat) -> DialogState:
    state = await chat.store.dialogs.load("console:anna")
    assert state is not None and state.dialog is not None
    return state.dialog


async def test_a_new_session_is_shown_the_question_before_its_words_are_taken_as_answers(chat: Chat) -> None:
    """nominera, Trygga Kista, Ctrl-D without spara; restart; what is typed next is not the partners."""
    chat.session = "first run"
    await chat.says("nominera", "Trygga Kista")
    chat.restart()
    chat.session = "second run"
    reply = await chat.say("fortsätt")  # always the command, never an answer
    assert reply.texts[-1].startswith("Vilka organisationer genomför")
    assert (await dialog_of(chat)).content.partners == []
    await chat.say("Polisen, Skolan")  # the question was shown in this session: now it is an answer
    assert (await dialog_of(chat)).content.partners == ["Polisen", "Skolan"]

    chat.restart()
    chat.session = "third run"
    reply = await chat.say("Anna")  # typed before seeing the description question
    assert reply.texts[0] == "Du har en påbörjad nominering (fråga 3 av 10). Vi fortsätter här:"
    assert reply.texts[1].startswith("Beskriv insatsen")
    assert (await dialog_of(chat)).content.description == ""
    await chat.say(DESCRIPTION)
    assert (await dialog_of(chat)).content.description == DESCRIPTION


async def test_a_new_console_session_is_greeted_with_the_nomination_in_progress(chat: Chat) -> None:
    chat.session = "first run"
    await chat.says("nominera", "Trygga Kista", "Polisen, Skolan")
    chat.restart()
    greeting = await chat.router.greeting("console:anna", "second run")
    assert greeting is not None and greeting.texts[0].startswith("Du har en påbörjad nominering (fråga 3 av 10)")
    chat.session = "second run"
    await chat.say(DESCRIPTION)  # seen in the greeting: taken as the answer
    assert (await dialog_of(chat)).content.description == DESCRIPTION
    assert await chat.router.greeting("console:bert", "x") is None


@pytest.mark.parametrize(
    ("typed", "command"), [("tilbaka", "tillbaka"), ("hopa över", "hoppa över"), ("avbrytt", "avbryt")]
)
async def test_a_mistyped_command_is_asked_about_not_stored(chat: Chat, typed: str, command: str) -> None:
    await chat.fill_required()  # now at the optional "nyskapande" question
    reply = await chat.say(typed)
    assert reply.texts == [f"Menade du ”{command}”? Svara ”ja”, eller ”nej” om ”{typed}” är ditt svar."]
    dialog = await dialog_of(chat)
    assert dialog.content.innovation is None and dialog.step == "innovation"
    reply = await chat.say("ja")
    if command == "tillbaka":
        assert (await dialog_of(chat)).step == "added_value"
    elif command == "hoppa över":
        assert (await dialog_of(chat)).step == "inspiration"
    else:
        assert "Vill du verkligen avbryta" in reply.text  # four answered fields: asks before dropping them


async def test_no_to_a_suggested_command_takes_the_text_as_typed(chat: Chat) -> None:
    await chat.fill_required()
    await chat.say("hopa över")
    await chat.say("nej")
    assert (await dialog_of(chat)).content.innovation == "hopa över"


async def test_cancelling_an_edit_says_the_nomination_is_still_submitted(chat: Chat) -> None:
    await chat.fill_required()
    await chat.says(*["hoppa över"] * 4, "Anna", "hoppa över", "skicka")
    (n,) = await chat.store.nominations.list()
    await chat.says(f"ändra nominering {n.id}", "ändra resultat", "Färre larm")
    reply = await chat.say("avbryt")
    assert reply.text == f"Ändringarna är inte sparade. Nomineringen {n.id} är fortfarande inskickad som förut."
    assert "Inget har skickats in" not in reply.text
    assert (await chat.store.nominations.get(n.id)).status == "submitted"  # type: ignore[union-attr]


async def test_cancelling_a_long_nomination_asks_first(chat: Chat) -> None:
    await chat.fill_required()
    reply = await chat.say("avbryt")
    assert reply.text.startswith("Du har fyllt i 4 fält. Vill du verkligen avbryta?")
    reply = await chat.say("nej")
    assert reply.texts[0] == "Bra, vi fortsätter." and reply.texts[1].startswith("På vilket sätt är insatsen")
    await chat.say("avbryt")
    reply = await chat.say("ja")
    assert reply.text == "Nomineringen är avbruten. Inget har skickats in."
    assert await chat.store.dialogs.load("console:anna") is not None
    assert (await chat.store.dialogs.load("console:anna")).dialog is None  # type: ignore[union-attr]


async def test_answers_after_the_last_save_are_not_dropped_silently(chat: Chat) -> None:
    await chat.says("nominera", "Trygga Tensta", "spara", "fortsätt", "Polisen, Skolan", DESCRIPTION, ADDED_VALUE)
    reply = await chat.say("avbryt")
    assert "Vill du verkligen avbryta" in reply.text
    reply = await chat.say("ja")
    assert "svaren du gav efter att du sparade senast är inte sparade" in reply.text
    (draft,) = await chat.store.nominations.list()
    assert draft.partners == []  # indeed not saved: and the user was told


async def test_a_blocked_submit_says_how_to_fix_it(chat: Chat, tmp_path: Path) -> None:
    service = chat.router.dialog.service
    await service.save_draft(good_content(description="För kort text."), USER)  # a draft: no criteria yet
    reply = await chat.say("nominera")
    assert "Så här ser nomineringen ut" in reply.text
    reply = await chat.say("skicka")
    assert reply.texts[0] == "Nomineringen kan inte skickas in än:"
    assert "Beskrivningen är för kort" in reply.texts[1]
    assert reply.texts[-1] == "Skriv ”ändra 3” för att rätta ”beskrivning”."


async def test_after_the_period_my_nominations_no_longer_offers_edit_or_withdraw(chat: Chat) -> None:
    await chat.fill_required()
    await chat.says(*["hoppa över"] * 4, "Anna", "hoppa över", "skicka")
    reply = await chat.say("mina nomineringar")
    assert "Skriv ”ändra nominering ID”" in reply.text
    chat.restart(date(2023, 9, 2))
    reply = await chat.say("mina nomineringar")
    assert "ändra nominering ID" not in reply.text and "återkalla ID" not in reply.text
    assert "kan inte längre ändras eller återkallas" in reply.text


async def test_the_efforts_own_name_is_not_a_partner_in_the_dialog(chat: Chat) -> None:
    await chat.says("nominera", "Nattvandring Tensta")
    reply = await chat.say("Föreningen Nattvandrarna, Nattvandring Tensta")
    assert "”Nattvandring Tensta” är namnet på den nominerade insatsen" in reply.texts[0]
    assert reply.texts[1].startswith("Försök igen: Vilka organisationer")
    reply = await chat.say("Föreningen Nattvandrarna, Polisen")
    assert reply.texts[0].startswith("Beskriv insatsen")


async def test_changing_the_nominee_to_a_partners_name_blocks_the_submission(chat: Chat) -> None:
    await chat.fill_required()
    reply = await chat.says("hoppa över", "hoppa över", "hoppa över", "hoppa över", "Anna", "anna@example.se")
    reply = await chat.says("ändra 1", "Polisen")
    assert "✘ insatsen ska ske i samverkan mellan flera verksamheter/organisationer (obligatoriskt" in reply.text
    reply = await chat.say("skicka")
    assert reply.dialog_outcome == "invalid" and "”Polisen” är namnet på den nominerade insatsen" in reply.text
    assert await chat.store.nominations.list() == []


async def test_polisen_och_faltgruppen_is_asked_about_and_ja_splits_it(chat: Chat) -> None:
    await chat.says("nominera", "Trygga Tensta")
    reply = await chat.say("Polisen och Fältgruppen")
    assert reply.texts == [
        "Är ”Polisen och Fältgruppen” flera organisationer (”Polisen”, ”Fältgruppen”)? Svara ”ja” så räknar jag "
        "dem var för sig, eller ”nej” om det är namnet på en organisation."
    ]
    chat.restart()  # the question survives a restart
    reply = await chat.say("ja")
    assert reply.texts[0].startswith("Beskriv insatsen")
    dialog = (await chat.store.dialogs.load("console:anna")).dialog  # type: ignore[union-attr]
    assert dialog is not None and dialog.content.partners == ["Polisen", "Fältgruppen"]


async def test_nej_keeps_one_name_and_another_answer_replaces_the_question(chat: Chat) -> None:
    await chat.says("nominera", "Trygga Tensta")
    await chat.say("Polisen och Fältgruppen")
    reply = await chat.say("nej")  # one organisation alone is no collaboration
    assert "minst 2 olika organisationer" in reply.texts[0]
    await chat.say("Stiftelsen Idrott och Trygghet, Polisen")
    reply = await chat.say("nej")
    assert reply.texts[0].startswith("Beskriv insatsen")
    dialog = (await chat.store.dialogs.load("console:anna")).dialog  # type: ignore[union-attr]
    assert dialog is not None and dialog.content.partners == ["Stiftelsen Idrott och Trygghet", "Polisen"]
    await chat.say("tillbaka")
    await chat.say("Polisen och Skolan")
    reply = await chat.say("Polisen, Skolan")  # a new answer instead of ja/nej
    assert reply.texts[0].startswith("Beskriv insatsen")


@pytest.mark.parametrize(
    ("command", "syntax"),
    [
        ("återkalla", "Skriv ”återkalla ID”, till exempel ”återkalla {id}”."),
        ("Återkalla nominering", "Skriv ”återkalla ID”, till exempel ”återkalla {id}”."),
        ("ändra nominering", "Skriv ”ändra nominering ID”, till exempel ”ändra nominering {id}”."),
    ],
)
async def test_a_command_without_its_id_shows_how_to_write_it_and_the_ids(
    chat: Chat, command: str, syntax: str
) -> None:
    await chat.fill_required()
    await chat.says(*["hoppa över"] * 4, "Anna", "hoppa över", "skicka")
    (n,) = await chat.store.nominations.list()
    reply = await chat.say(command)
    assert reply.intent == Intent.NOMINATION_DIALOG
    lines = reply.text.splitlines()
    assert lines[0] == syntax.format(id=n.id)
    assert lines[1] == "Dina nomineringar till Trygghetspriset 2023:"
    assert lines[2] == f"• {n.id}: Trygga Tensta – inskickad"
    assert chat.answerer.contexts == []  # not taken for a question


async def test_a_command_without_its_id_in_english_and_with_no_nominations(chat: Chat) -> None:
    reply = await chat.say("withdraw")  # an English command is answered in English
    assert reply.intent == Intent.NOMINATION_DIALOG
    assert reply.text == "You have no nominations for Trygghetspriset 2023."

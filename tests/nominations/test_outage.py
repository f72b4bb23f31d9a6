"""The conversation router while the store cannot be reached: questions are answered, nothing
that changes a nomination or the dialog is half done, and the user is told to try again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.answering import Answerer, Intent
from bot.clock import fixed_clock
from bot.conversation import ConversationRouter
from bot.knowledge import default_knowledge
from bot.nominations.dialog import NominationDialog
from bot.nominations.model import Nominator
from bot.nominations.ports import DialogRepository
from bot.nominations.service import NominationService
from bot.nominations.state import ConversationState
from bot.ports import StoreUnavailable
from bot.texts import t
from store import Store, open_store
from tests.texts import ADDED_VALUE, DESCRIPTION

USER = Nominator(user_id="slack:U1")


class Down(StoreUnavailable):
    pass


class Switchable:
    """The store's dialogs, or an outage: ``down`` makes every call raise, ``saves_fail`` only saves."""

    def __init__(self, inner: DialogRepository) -> None:
        self.inner = inner
        self.down = False
        self.saves_fail = False

    async def load(self, key: str) -> ConversationState | None:
        if self.down:
            raise Down("database away")
        return await self.inner.load(key)

    async def save(self, state: ConversationState, *, durable: bool = True) -> None:
        if self.down or self.saves_fail:
            raise Down("database away")
        await self.inner.save(state, durable=durable)

    async def delete(self, key: str) -> None:
        if self.down:
            raise Down("database away")
        await self.inner.delete(key)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.json")
    yield opened
    opened.close()


@pytest.fixture
def dialogs(store: Store) -> Switchable:
    return Switchable(store.dialogs)


@pytest.fixture
def router(store: Store, dialogs: Switchable) -> ConversationRouter:
    knowledge = default_knowledge()
    clock = fixed_clock(date(2023, 6, 15))
    service = NominationService(store.nominations, knowledge.prize, knowledge.prize.latest_round, clock)
    return ConversationRouter(Answerer(knowledge, clock), NominationDialog(service), dialogs, clock)


async def test_a_question_is_answered_without_the_store(router: ConversationRouter, dialogs: Switchable) -> None:
    dialogs.down = True
    reply = await router.handle("k", USER, "vem vann 2019?")
    assert "Process Kedjan" in reply.text and reply.answered
    english = await router.handle("k", USER, "who won in 2019?")
    assert "Process Kedjan" in english.text and english.lang == "en"


@pytest.mark.parametrize("text", ["nominera", "mina nomineringar", "fortsätt", "Polisen, Skolan"])
async def test_what_needs_the_store_gets_try_again_in_a_minute(
    router: ConversationRouter, dialogs: Switchable, store: Store, text: str
) -> None:
    dialogs.down = True
    reply = await router.handle("k", USER, text)
    assert reply.intent == Intent.STORE_UNAVAILABLE and reply.texts == [t("sv", "chat.unavailable")]
    assert "försök igen om en minut" in reply.text.lower()
    assert await store.nominations.list() == []


async def test_a_dialog_step_that_cannot_be_saved_is_not_pretended(
    router: ConversationRouter, dialogs: Switchable, store: Store
) -> None:
    for text in ("nominera", "Trygga Tensta", "Polisen, Skolan", DESCRIPTION):
        assert (await router.handle("k", USER, text)).intent == Intent.NOMINATION_DIALOG
    dialogs.saves_fail = True
    reply = await router.handle("k", USER, ADDED_VALUE)
    assert reply.intent == Intent.STORE_UNAVAILABLE
    # A question's context is best effort: still answered when it cannot be saved.
    assert "Process Kedjan" in (await router.handle("k", USER, "vem vann 2019?")).text
    dialogs.saves_fail = False
    # The dialog is where it was before the unsaved step: the answer is asked for again.
    again = await router.handle("k", USER, "fortsätt")
    assert again.intent == Intent.NOMINATION_DIALOG and "mervärde" in again.text.lower()
    assert await store.nominations.list() == []


async def test_follow_up_context_of_a_channel_question_lives_in_the_store(
    router: ConversationRouter, dialogs: Switchable, store: Store
) -> None:
    first = await router.ask("slack:T1:C1/1700.1:U1", "slack:U1", "vem vann 2019?")
    assert "Process Kedjan" in first.text
    saved = await store.dialogs.load("slack:T1:C1/1700.1:U1")
    assert saved is not None and saved.answer_context
    # Another process (another router on the same store) keeps the subject.
    knowledge = default_knowledge()
    clock = fixed_clock(date(2023, 6, 15))
    service = NominationService(store.nominations, knowledge.prize, knowledge.prize.latest_round, clock)
    other = ConversationRouter(Answerer(knowledge, clock), NominationDialog(service), store.dialogs, clock)
    follow_up = await other.ask("slack:T1:C1/1700.1:U1", "slack:U1", "och 2018?")
    assert "2018" in follow_up.text and follow_up.answered
    # During an outage a channel question is still answered.
    dialogs.down = True
    assert "Process Kedjan" in (await router.ask("slack:T1:C2:U1", "slack:U1", "vem vann 2019?")).text

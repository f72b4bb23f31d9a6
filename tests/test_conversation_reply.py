"""One result type end to end: what the conversation router gives a platform for a question is the
answerer's own reply, with the frame, the rule, the facts and the sources that explain it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.answering import Answerer, Intent, Reply
from bot.clock import fixed_clock
from bot.conversation import ConversationRouter
from bot.knowledge import default_knowledge
from bot.nominations.dialog import DialogOutcome, NominationDialog
from bot.nominations.model import Nominator
from bot.nominations.service import NominationService
from store import open_store

USER = Nominator(user_id="slack:U1")
CLOCK = fixed_clock(date(2023, 6, 15))
QUESTION = "vad fick trygghetsvärdar 2025?"


@pytest.fixture
def answerer() -> Answerer:
    return Answerer(default_knowledge(), CLOCK)


@pytest.fixture
def router(tmp_path: Path, answerer: Answerer) -> Iterator[ConversationRouter]:
    store = open_store(tmp_path / "db.json")
    kb = answerer.knowledge
    service = NominationService(store.nominations, kb.prize, kb.prize.latest_round, CLOCK)
    yield ConversationRouter(answerer, NominationDialog(service), store.dialogs, CLOCK)
    store.close()


async def test_the_routers_reply_to_a_question_is_the_answerers_reply(
    answerer: Answerer, router: ConversationRouter
) -> None:
    direct = answerer.answer(QUESTION)
    routed = await router.handle("slack:U1", USER, QUESTION)
    assert isinstance(routed, Reply) and routed == direct
    assert routed.rule == "budget_line" and routed.frame["topic"] == "budget" and routed.facts
    assert routed.to_json_dict() == direct.to_json_dict()


async def test_a_question_in_a_dialog_keeps_the_answer_and_adds_the_dialogs_question(
    answerer: Answerer, router: ConversationRouter
) -> None:
    await router.handle("slack:U1", USER, "nominera")
    direct = answerer.answer(QUESTION)
    routed = await router.handle("slack:U1", USER, QUESTION)
    assert routed.texts[0] == direct.text and len(routed.texts) == 2
    assert (routed.frame, routed.rule, routed.facts, routed.sources) == (
        direct.frame,
        direct.rule,
        direct.facts,
        direct.sources,
    )


def test_chat_json_keeps_its_shape_without_the_explanation(answerer: Answerer) -> None:
    data = answerer.answer(QUESTION).to_json_dict(explained=False)
    assert list(data) == ["answer", "intent", "lang", "answered", "facts", "sources"]
    explained = answerer.answer(QUESTION).to_json_dict()
    assert list(explained) == [*data, "frame", "rule"]


async def test_the_routers_own_replies_carry_enum_members(router: ConversationRouter) -> None:
    started = await router.handle("slack:U1", USER, "nominera")
    assert started.intent is Intent.NOMINATION_DIALOG and started.dialog_outcome is DialogOutcome.STARTED
    listed = await router.handle("slack:U1", USER, "mina nomineringar")
    assert listed.dialog_outcome is DialogOutcome.LISTED and listed.to_json_dict()["intent"] == "nomination_dialog"


def test_a_reply_takes_only_known_intents_and_outcomes() -> None:
    with pytest.raises(ValidationError):
        Reply(texts=["x"], lang="sv", intent="fake")
    with pytest.raises(ValidationError):
        Reply(texts=["x"], lang="sv", intent=Intent.NOMINATION_DIALOG, dialog_outcome="done")


async def test_a_stored_context_with_an_intent_no_longer_known_is_dropped(
    answerer: Answerer, router: ConversationRouter
) -> None:
    # Saved by another version of the bot: the question is answered on its own, not refused.
    await router.handle("slack:U1", USER, "vem vann 2019?")
    state = await router.conversations.load("slack:U1")
    assert state is not None
    stale = state.model_copy(update={"answer_context": {**state.answer_context, "intent": "retired_intent"}})
    await router.conversations.save(stale)
    routed = await router.handle("slack:U1", USER, QUESTION)
    assert routed == answerer.answer(QUESTION)

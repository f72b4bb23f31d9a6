"""Reasons, scenarios the criteria decide, what comes after the period, and follow-ups that refer back."""

from __future__ import annotations

from bot.answering import Answerer, ConversationContext
from bot.knowledge import KnowledgeBase


def test_an_effort_done_alone_is_answered_from_the_collaboration_criterion(kb: KnowledgeBase) -> None:
    criterion = next(c for c in kb.prize.mandatory_criteria if c.key == "collaboration")
    for question in (
        "kan en förening nomineras för något den gjort helt själv?",
        "får vi nominera ett projekt vi drivit på egen hand?",
        "can a club be nominated for work it did alone?",
    ):
        answer = Answerer(kb).answer(question)
        assert criterion.text in answer.text, question
        assert answer.text.startswith(("Nej", "No")), question


def test_ordinary_work_is_answered_from_the_added_value_criterion(kb: KnowledgeBase) -> None:
    criterion = next(c for c in kb.prize.mandatory_criteria if c.key == "added_value")
    answer = Answerer(kb).answer("kan man nominera en verksamhet för dess ordinarie verksamhet?")
    assert criterion.text in answer.text


def test_what_happens_after_the_period_comes_from_the_direction(kb: KnowledgeBase) -> None:
    after = kb.prize.latest_round.after_close
    assert after
    assert after in Answerer(kb).answer("vad händer efter att nomineringsperioden har stängt?").text
    assert after not in Answerer(kb).answer("när är nomineringsperioden?").text


def test_why_the_package_is_smaller_names_the_decision_and_the_line_that_left(kb: KnowledgeBase) -> None:
    text = Answerer(kb).answer("varför är trygghetspaketet bara 3,5 mkr?").text
    assert kb.budget.decided_by.text in text
    sspf = kb.budget.line("sspf")
    assert sspf.status_note and sspf.status_note in text


def test_its_outcome_after_a_proposal_question_gives_the_outcome_the_table_has(kb: KnowledgeBase) -> None:
    answerer = Answerer(kb)
    first = answerer.answer("vad fick trygghetsvärdar 2025?", ConversationContext())
    text = answerer.answer("och dess utfall?", first.context).text
    assert "1,4 mkr" in text and "utfall 2024" in text

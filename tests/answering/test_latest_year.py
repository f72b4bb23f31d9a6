"""A year relative to today ("i år", "this year") past every year the documents hold: answered from the
latest year they hold, said first; a year named outright keeps the "not covered" answer (issue 19)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answering import Answerer
from bot.clock import fixed_clock
from bot.knowledge import KnowledgeBase


def _at(kb: KnowledgeBase, day: date) -> Answerer:
    return Answerer(kb, fixed_clock(day))


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("vilket tema har priset i år?", "Dokumenten sträcker sig till 2023"),
        ("när hålls årets trygghetskonferens?", "Dokumenten sträcker sig till 2023"),
        ("what's the prize theme this year?", "The documents go up to 2023"),
        ("on what date is the prize handed out this year?", "The documents go up to 2023"),
    ],
)
def test_this_year_past_the_documents_answers_from_the_latest_prize_year(
    kb: KnowledgeBase, question: str, lead: str
) -> None:
    text = _at(kb, date(2027, 3, 1)).answer(question).text
    assert text.startswith(lead)
    latest = kb.prize.latest_round
    assert latest.theme.split()[0] in text or "26" in text


def test_this_year_for_the_budget_is_its_latest_column(kb: KnowledgeBase) -> None:
    text = _at(kb, date(2027, 3, 1)).answer("hur mycket får trygghetsvärdar i år?").text
    assert text.startswith("Dokumenten sträcker sig till 2025")
    assert "2 mkr" in text


def test_a_year_named_outright_is_still_not_covered(kb: KnowledgeBase) -> None:
    text = _at(kb, date(2027, 3, 1)).answer("vilket tema har priset 2027?").text
    assert "sträcker sig" not in text
    assert "2027" in text


def test_this_year_inside_the_documents_needs_no_lead(kb: KnowledgeBase) -> None:
    text = _at(kb, date(2023, 9, 1)).answer("vilket tema har priset i år?").text
    assert "sträcker sig" not in text

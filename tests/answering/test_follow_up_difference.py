"""Issue 19: a follow-up that asks how a figure differs from another column keeps the line and the year."""

from __future__ import annotations

import pytest

from tests.answering.conftest import Chat
from tests.answering.test_answers import mentions


@pytest.mark.parametrize(
    ("first", "then", "difference"),
    [
        ("vad blev utfallet för trygghetsvärdar 2024?", "hur mycket skiljer det mot budgeten samma år?", "0,2 mkr"),
        ("hur stor var budgeten för trygghetsvärdar 2024?", "vad är skillnaden mot utfallet?", "0,2 mkr"),
        (
            "what was the outcome for the security hosts in 2024?",
            "how much does that differ from the budget that year?",
            "SEK 0.2 million",
        ),
    ],
)
def test_the_difference_is_against_the_same_lines_other_column(
    chat: Chat, first: str, then: str, difference: str
) -> None:
    chat.ask(first)
    answer = chat.ask(then)
    assert "rygghetsvärdar" in answer.text and mentions(answer.text, difference), answer.text
    assert "totalt" not in answer.text.casefold() and "in total" not in answer.text.casefold(), answer.text


# --- history the background gives for years the table lacks ---------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "till vilken nivå höjdes anslaget för trygghetspaketet 2019?",
        "what level was the safety package raised to in 2019?",
    ],
)
def test_a_year_before_the_table_is_answered_from_the_background(chat: Chat, question: str) -> None:
    answer = chat.ask(question)
    assert "6 mkr" in answer.text and answer.answered, answer.text


def test_a_year_the_background_does_not_cover_is_not_stated(chat: Chat) -> None:
    answer = chat.ask("hur mycket ökade trygghetspaketet 2015?")
    assert not answer.answered and "framgår inte" in answer.text.split(". ")[0], answer.text

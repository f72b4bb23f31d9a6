"""Issue 19: a group's share of the total, and per cent under or over budget, for the total or a line."""

from __future__ import annotations

import pytest

from bot.answering import Answerer


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("vilken andel av förslaget 2025 får arbetsgrupperna och de lokala aktörerna sammanlagt?", "40 %"),
        ("together, what share of the 2025 proposal goes to the security hosts and the other efforts?", "60 %"),
    ],
)
def test_the_share_of_a_group_of_lines_is_their_sum_over_the_total(
    answerer: Answerer, question: str, share: str
) -> None:
    answer = answerer.answer(question)
    assert share in answer.text.split(". ")[0], answer.text


@pytest.mark.parametrize(
    ("question", "percent"),
    [
        ("med hur många procent understeg utfallet budgeten 2024?", "18 %"),
        ("how many per cent below budget was the outcome in 2024?", "18 %"),
        ("hur många procent under budget hamnade trygghetsvärdar 2024?", "12,5 %"),
    ],
)
def test_per_cent_under_budget(answerer: Answerer, question: str, percent: str) -> None:
    answer = answerer.answer(question)
    assert percent in answer.text and ("under budget" in answer.text), answer.text


@pytest.mark.parametrize(
    ("question", "percent", "wrong"),
    [
        # The total between columns of different kinds: each kind with its own year, then the change.
        (
            "what is the percentage change in the total from the 2024 outcome to the 2025 proposal?",
            "−15 %",
            "4.1 million (proposal",
        ),
        (
            "hur stor är den procentuella förändringen för hela paketet från budget 2024 till förslag 2025?",
            "−30 %",
            "Förslag 2024",
        ),
    ],
)
def test_a_change_of_the_total_between_two_columns(answerer: Answerer, question: str, percent: str, wrong: str) -> None:
    answer = answerer.answer(question)
    assert percent in answer.text and wrong not in answer.text, answer.text

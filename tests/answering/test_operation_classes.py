"""Operations read by class, not by sentence: a change between columns against a share of one column,
exclusions, sums of named lines, and "which of A or B" among the lines named (issue 19)."""

from __future__ import annotations

import pytest

from bot.answering import Answerer
from bot.answering.draft import AnswerDraft
from bot.knowledge import KnowledgeBase
from bot.texts import Lang
from tests.answering.conftest import sek


def _percent(kb: KnowledgeBase, key: str, before: str, after: str) -> int:
    line = kb.budget.line(key)
    return round(100 * (line.amounts[after] - line.amounts[before]) / line.amounts[before])


@pytest.mark.parametrize(
    "question",
    [
        "How many per cent do the security hosts go up from budget 2024 to proposal 2025?",
        "hur många procent går trygghetsvärdarna upp från budget 2024 till förslag 2025?",
        "What is the percentage change for trygghetsvärdar from the 2024 budget to the 2025 proposal?",
        "trygghetsvärdar i procent från budget 2024 till förslaget 2025?",
    ],
)
def test_a_per_cent_change_of_one_line_is_a_change_not_a_share(kb: KnowledgeBase, question: str) -> None:
    answer = Answerer(kb).answer(question)
    assert answer.frame["operation"] == "percent_change"
    assert f"{_percent(kb, 'trygghetsvardar', 'budget_2024', 'forslag_2025')} %" in answer.text
    assert "57 %" not in answer.text  # the line's share of the 2025 total is not what was asked


@pytest.mark.parametrize(
    "question",
    [
        "vilken andel av förslaget 2025 får trygghetsvärdar?",
        "what share of the 2025 proposal goes to the security hosts?",
    ],
)
def test_a_share_of_one_column_stays_a_share(kb: KnowledgeBase, question: str) -> None:
    answer = Answerer(kb).answer(question)
    assert answer.frame["operation"] == "share"
    assert "57 %" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "vilken post får minst i förslaget 2025 om vi inte räknar SSPF?",
        "vilken post är minst 2025 utan SSPF?",
        "minsta posten i förslag 2025, exkl. SSPF?",
        "smallest line in the 2025 proposal, not counting SSPF?",
        "which line is smallest in the 2025 proposal other than SSPF?",
        "besides SSPF, which line gets the least in the 2025 proposal?",
    ],
)
def test_exclusion_phrasings_leave_the_named_line_out(kb: KnowledgeBase, question: str) -> None:
    answer = Answerer(kb).answer(question)
    assert answer.frame["subjects"] == {"lines": "all_except", "except": ["sspf"]}
    funded = [line for line in kb.budget.lines_with("forslag_2025") if line.key != "sspf"]
    smallest = min(funded, key=lambda line: line.amounts["forslag_2025"])
    assert smallest.name.split()[0] in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "lägg ihop utfallet 2024 för trygghetsvärdar och SSPF",
        "trygghetsvärdar plus SSPF i utfallet 2024?",
        "what do security hosts and SSPF come to combined in the 2024 outcome?",
        "sum up the 2024 outcome of SSPF and the security hosts",
        "how much is the 2024 outcome in total for trygghetsvärdar and SSPF?",
    ],
)
def test_a_sum_of_named_lines_in_any_phrasing(kb: KnowledgeBase, question: str) -> None:
    answer = Answerer(kb).answer(question)
    total = sum(kb.budget.line(key).amounts["utfall_2024"] for key in ("trygghetsvardar", "sspf"))
    lang = "en" if question[0] in "wsh" else "sv"
    assert answer.frame["operation"] == "sum"
    assert sek(total, lang) in answer.text


@pytest.mark.parametrize(
    ("question", "larger", "smaller"),
    [
        ("fick trygghetsvärdar eller lokala arbetsgrupper mest 2025?", "trygghetsvardar", "lokala_arbetsgrupper"),
        ("vem fick minst i utfall 2024, SSPF eller övriga insatser?", "sspf", "ovriga_insatser"),
        ("which got more in the 2024 outcome, övriga insatser or SSPF?", "sspf", "ovriga_insatser"),
        ("did SSPF or the security hosts get the most in budget 2024, and by how much?", "trygghetsvardar", "sspf"),
    ],
)
def test_which_of_two_named_lines_compares_those_two_only(
    kb: KnowledgeBase, question: str, larger: str, smaller: str
) -> None:
    answer = Answerer(kb).answer(question)
    column = answer.frame["columns"][0]
    big, small = kb.budget.line(larger), kb.budget.line(smaller)
    lang = "sv" if answer.lang == "sv" else "en"
    delta = big.amounts[column] - small.amounts[column]
    assert sek(delta, lang) in answer.text
    leading = big if "most" in question or "mest" in question or "more" in question else small
    assert answer.text.startswith(leading.name.split()[0])  # the one asked for leads
    others = {line.name.split()[0] for line in kb.budget.lines} - {big.name.split()[0], small.name.split()[0]}
    assert not any(word in answer.text for word in others)  # no line that was not named


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What percentage of the 2025 proposal goes to other efforts?", "2.9 %"),
        ("hur stor andel av förslaget 2025 är övriga insatser?", "2,9 %"),
        ("hur många procent ökar trygghetsvärdar från budget 2024 till förslag 2025?", "+25 %"),
        ("what share of the 2025 proposal do the security hosts get?", "57 %"),
    ],
)
def test_small_percentages_keep_one_decimal_and_exact_ones_stay_whole(
    kb: KnowledgeBase, question: str, expected: str
) -> None:
    assert expected in Answerer(kb).answer(question).text


@pytest.mark.parametrize(
    ("part", "whole", "lang", "expected"),
    [
        (1, 8, "sv", "12,5"),  # exact in one decimal: neither 12 (banker's float rounding) nor 13
        (-1, 8, "en", "−12.5"),
        (3, 7, "sv", "43"),  # 42,857…: whole from 10 up
        (1, 35, "sv", "2,9"),  # small: one decimal
        (1, 40, "sv", "2,5"),
        (1, 400, "sv", "0,3"),  # 0,25 rounds half up
        (1, 4, "sv", "25"),
        (-6, 41, "sv", "−15"),  # −14,63…
    ],
)
def test_percent_rounds_half_up_and_keeps_an_exact_tenth(
    kb: KnowledgeBase, part: int, whole: int, lang: Lang, expected: str
) -> None:
    assert AnswerDraft(kb, lang).percent(part, whole) == expected

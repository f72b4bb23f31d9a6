"""Operations over the table (difference, per-cent change, exclusion, same-year comparison), with the arithmetic shown.

Every expected figure is computed from the knowledge data, not written down, so the tests
hold for whatever the table says.
"""

from __future__ import annotations

import pytest

from bot.answering import Answerer
from bot.knowledge import KnowledgeBase
from bot.knowledge.money import format_sek


def _amount(kb: KnowledgeBase, line: str, column: str) -> int:
    amount = kb.budget.line(line).amount(column)
    assert amount is not None
    return amount


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("hur mycket mer fick SSPF än övriga insatser i utfallet 2024?", "sv"),
        ("how much more did SSPF get than other efforts in the 2024 outcome?", "en"),
    ],
)
def test_a_difference_between_two_lines_shows_the_subtraction(kb: KnowledgeBase, question: str, lang: str) -> None:
    first, second = _amount(kb, "sspf", "utfall_2024"), _amount(kb, "ovriga_insatser", "utfall_2024")
    text = Answerer(kb).answer(question).text
    money = [format_sek(value, lang) for value in (first, second, first - second)]  # type: ignore[arg-type]
    assert f"{money[0]} − {money[1]} = {money[2]}" in text, text


def test_a_difference_asked_backwards_says_the_first_got_less(kb: KnowledgeBase) -> None:
    hosts, sspf = _amount(kb, "trygghetsvardar", "utfall_2024"), _amount(kb, "sspf", "utfall_2024")
    assert hosts < sspf
    sv = Answerer(kb).answer("hur mycket mer fick trygghetsvärdarna än SSPF i utfallet 2024?").text
    assert "mindre" in sv and format_sek(sspf - hosts, "sv") in sv, sv
    assert sv.index("mindre") < sv.index("−"), "the correction comes before the arithmetic"
    en = Answerer(kb).answer("how much more did the security hosts get than SSPF in the 2024 outcome?").text
    assert "less" in en and format_sek(sspf - hosts, "en") in en, en


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("trygghetsvärdar jämfört med SSPF 2024?", "sv"),
        ("security hosts compared with SSPF in 2024?", "en"),
    ],
)
def test_two_lines_compared_within_one_year_give_each_column_difference(
    kb: KnowledgeBase, question: str, lang: str
) -> None:
    text = Answerer(kb).answer(question).text
    for column in ("utfall_2024", "budget_2024"):
        first, second = _amount(kb, "trygghetsvardar", column), _amount(kb, "sspf", column)
        sign = "−" if first < second else ""
        result = f"{sign}{format_sek(abs(first - second), lang)}"  # type: ignore[arg-type]
        assert f"{format_sek(first, lang)} − {format_sek(second, lang)} = {result}" in text, text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "before", "after", "lang"),
    [
        (
            "med hur många procent minskade paketet från budget 2024 till förslag 2025?",
            "budget_2024",
            "forslag_2025",
            "sv",
        ),
        (
            "by what percentage does the total drop from the 2024 outcome to the 2025 proposal?",
            "utfall_2024",
            "forslag_2025",
            "en",
        ),
    ],
)
def test_a_per_cent_change_of_the_total_shows_both_figures_and_the_per_cent(
    kb: KnowledgeBase, question: str, before: str, after: str, lang: str
) -> None:
    first, second = kb.budget.totals[before], kb.budget.totals[after]
    percent = round(100 * (second - first) / first)
    text = Answerer(kb).answer(question).text
    assert format_sek(first, lang) in text and format_sek(second, lang) in text, text  # type: ignore[arg-type]
    assert f"−{abs(percent)} %" in text, text


@pytest.mark.parametrize(
    ("question", "most"),
    [
        ("what is the largest line in the 2025 proposal apart from the security hosts?", True),
        ("Apart from trygghetsvärdar, which line gets the most in the 2025 proposal?", True),
        ("vilken post är minst i förslaget 2025 om man bortser från SSPF?", False),
        ("vilken post är störst i förslaget 2025 förutom trygghetsvärdar?", True),
    ],
)
def test_largest_or_smallest_leaves_out_the_excluded_line(kb: KnowledgeBase, question: str, most: bool) -> None:
    answer = Answerer(kb).answer(question)
    excluded = "trygghetsvardar" if most else "sspf"
    rest = [line for line in kb.budget.lines if line.key != excluded and "forslag_2025" in line.amounts]
    pick = (max if most else min)(line.amounts["forslag_2025"] for line in rest)
    expected = [line for line in rest if line.amounts["forslag_2025"] == pick]
    for line in expected:
        assert line.name in answer.text, answer.text
    first_sentence = answer.text.split(".")[0]
    assert kb.budget.line(excluded).name not in first_sentence.split(":")[-1], answer.text


def test_second_largest_leaves_out_the_first_place(kb: KnowledgeBase) -> None:
    present = [line for line in kb.budget.lines if "forslag_2025" in line.amounts]
    top = max(line.amounts["forslag_2025"] for line in present)
    second = max(line.amounts["forslag_2025"] for line in present if line.amounts["forslag_2025"] != top)
    text = Answerer(kb).answer("vilken post var näst störst i förslaget 2025?").text
    assert text.startswith("Näst mest") and format_sek(second) in text, text
    assert format_sek(top) not in text.split("\n")[0], text


def test_the_answer_carries_the_frame_read_and_the_rule(kb: KnowledgeBase) -> None:
    data = (
        Answerer(kb).answer("Apart from trygghetsvärdar, which line gets the most in the 2025 proposal?").to_json_dict()
    )
    frame = data["frame"]
    assert isinstance(frame, dict) and data["rule"] == "budget_analysis"
    assert frame["subjects"] == {"lines": "all_except", "except": ["trygghetsvardar"]}
    assert frame["columns"] == ["forslag_2025"] and frame["operation"] == "largest"

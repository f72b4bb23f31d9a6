"""Comparisons across the table's columns: outcome against budget, and a change in per cent."""

from __future__ import annotations

from bot.answering import Answerer
from bot.knowledge import KnowledgeBase


def test_which_lines_went_under_budget_lists_each_line_by_its_outcome(kb: KnowledgeBase) -> None:
    text = Answerer(kb).answer("vilka poster hamnade under budget 2024?").text
    under, rest = text.split("Över budget", 1)
    budget = kb.budget
    for line in budget.lines:
        spent, meant = line.amount("utfall_2024"), line.amount("budget_2024")
        assert spent is not None and meant is not None
        assert (line.name in under) == (spent < meant), line.name
    assert "Som budgeterat" in rest


def test_a_change_in_per_cent_is_computed_from_the_two_figures(kb: KnowledgeBase) -> None:
    line = kb.budget.line("lokala_arbetsgrupper")
    before, after = line.amounts["budget_2024"], line.amounts["forslag_2025"]
    text = Answerer(kb).answer("med hur många procent ökade stödet till lokala arbetsgrupper till 2025?").text
    assert f"{round(100 * (after - before) / before)} %" in text

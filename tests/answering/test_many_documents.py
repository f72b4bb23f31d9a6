"""Many budget documents: each fact from the newest document that states it, an older one for the rest.

The documents are written in the seeds' layout (tests/knowledge/importing/written.py, documents.py)
and go through the real importer, as ``trygghetsbot knowledge import`` would take them.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answering import Answerer, Reply
from bot.knowledge import KnowledgeBase, default_knowledge
from bot.knowledge.imported import with_document
from bot.knowledge.importing import parse_document
from tests.knowledge.importing.documents import budget_decision, prize_2024
from tests.knowledge.importing.written import BudgetDecision

# 2026: trygghetsvärdar 2 mkr -> 2,2 mkr (+200 tkr), widened to Kummelnäs; the grant's law is not named.
DECISION_2026 = BudgetDecision(new_area="Kummelnäs", law="")
# 2027: a document that names no area for the trygghetsvärdar and states no change for them.
ROWS_2027 = [
    ("Trygghetsvärdar", "2,2 mkr", "2,1 mkr", "2,2 mkr"),
    ("Stöd till lokala arbetsgrupper", "0,6 mkr", "0,6 mkr", "0,6 mkr"),
    ("Insatser i samverkan med lokala aktörer", "0,6 mkr", "0,6 mkr", "0,6 mkr"),
    ("Nattvandring", "0,3 mkr", "0,3 mkr", "0,3 mkr"),
    ("Övriga insatser", "0,1 mkr", "0,1 mkr", "0,1 mkr"),
]


def imported(kb: KnowledgeBase, text: str, name: str) -> KnowledgeBase:
    return with_document(kb, parse_document(text, known=kb, file_name=name).item)


@pytest.fixture(scope="module")
def with_2026() -> Answerer:
    return Answerer(imported(default_knowledge(), DECISION_2026.text(), "2026.txt"))


@pytest.fixture(scope="module")
def with_2027() -> Answerer:
    kb = imported(default_knowledge(), DECISION_2026.text(), "2026.txt")
    text = budget_decision(
        2027, ROWS_2027, ("3,8 mkr", "3,7 mkr", "3,8 mkr"), total_text="3,8 mkr", dated="2 februari 2027"
    )
    return Answerer(imported(kb, text, "2027.txt"))


def titles(answer: Reply) -> set[str]:
    return {source.title for source in answer.sources}


@pytest.mark.parametrize(
    "question", ["hur mycket ökade trygghetsvärdar 2026?", "how much did the security hosts increase in 2026?"]
)
def test_a_change_comes_from_the_document_that_states_it_for_that_year(with_2026: Answerer, question: str) -> None:
    answer = with_2026.answer(question)
    assert "0,2 mkr" in answer.text or "0.2" in answer.text
    assert "0,4" not in answer.text and "0.4" not in answer.text
    assert "Trygghetspaketet 2026" in titles(answer)


def test_a_year_only_the_older_document_covers_is_answered_from_it(with_2026: Answerer) -> None:
    answer = with_2026.answer("hur mycket ökade trygghetsvärdar 2025?")
    assert "0,4 mkr" in answer.text
    assert titles(answer) == {"Trygghetspaketet 2025"}


def test_without_a_year_the_newest_stated_change_and_its_reason(with_2026: Answerer) -> None:
    answer = with_2026.answer("varför ökar trygghetsvärdar?")
    assert "0,2 mkr" in answer.text and "Kummelnäs" in answer.text
    assert "Trygghetspaketet 2026" in titles(answer)


@pytest.mark.parametrize("question", ["i vilka områden finns trygghetsvärdar?", "i vilka områden verkar paketet?"])
def test_areas_come_from_the_newest_document_that_names_them(with_2026: Answerer, question: str) -> None:
    answer = with_2026.answer(question)
    assert "Kummelnäs" in answer.text
    assert "Trygghetspaketet 2026" in titles(answer)


def test_areas_fall_back_to_an_older_document_when_the_newest_names_none(with_2027: Answerer) -> None:
    answer = with_2027.answer("i vilka områden finns trygghetsvärdar?")
    assert "Kummelnäs" in answer.text
    assert "Trygghetspaketet 2026" in titles(answer)


@pytest.mark.parametrize("question", ["hur stort är det statliga bidraget?", "how large is the state grant?"])
def test_the_grant_takes_its_law_from_the_older_document_and_cites_it(with_2026: Answerer, question: str) -> None:
    answer = with_2026.answer(question)
    assert "()" not in answer.text and "  " not in answer.text
    assert (
        "24 kr" in answer.text or "SEK 24 " in answer.text
    ) and "(2023:196)" in answer.text  # newest figure, older law
    assert titles(answer) >= {"Trygghetspaketet 2026", "Trygghetspaketet 2025"}


def test_a_grant_whose_law_no_document_names_is_given_without_one() -> None:
    kb = imported(default_knowledge(), DECISION_2026.text(), "2026.txt")
    unnamed = [
        b.model_copy(update={"state_grant": b.state_grant.model_copy(update={"law": "", "law_sfs": ""})})
        for b in kb.budgets
    ]
    lawless = replace(kb, budgets=tuple(unnamed), budget=unnamed[-1])
    for question in ("hur stort är det statliga bidraget?", "how large is the state grant?"):
        text = Answerer(lawless).answer(question).text
        assert "()" not in text and "enligt" not in text and " under " not in text
        assert "24 kr" in text or "SEK 24 " in text


# --- issue 19: year-specific facts by year, and one column kind across two documents -------------


@pytest.mark.parametrize("question", ["hur stort var statsbidraget för 2024?", "what was the state grant in 2024?"])
def test_the_grant_for_a_year_comes_from_the_document_whose_figure_is_for_it(
    with_2026: Answerer, question: str
) -> None:
    answer = with_2026.answer(question)
    assert "2024" in answer.text and ("2,5 mkr" in answer.text or "2.5 million" in answer.text), answer.text


@pytest.mark.parametrize(
    "question",
    [
        "hur mycket mer fick trygghetsvärdar i utfall 2025 än i utfall 2024?",
        "what was the change in outcome for the security hosts from 2024 to 2025?",
    ],
)
def test_one_column_kind_across_two_documents_is_compared_year_to_year(with_2026: Answerer, question: str) -> None:
    answer = with_2026.answer(question)
    assert ("0,5 mkr" in answer.text or "0.5 million" in answer.text) and "2025" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("vad fick nattvandringen i budget 2025?", "ingen egen post"),
        ("how much did Nattvandring get in the 2025 budget?", "no line of its own"),
    ],
)
def test_a_line_a_newer_table_added_had_no_line_of_its_own_before(
    with_2026: Answerer, question: str, says: str
) -> None:
    answer = with_2026.answer(question)
    assert says in answer.text.split(".")[0] and not answer.answered, answer.text
    assert "300" in answer.text or "0,3" in answer.text or "0.3" in answer.text  # where it has one, cited
    assert "ingen uppgift" not in answer.text and "no figure" not in answer.text


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("med hur mycket höjdes prissumman mellan 2023 och 2024?", "10 000 kr mer"),
        ("how much did the prize money change from 2023 to 2024?", "10,000 more"),
    ],
)
def test_the_prize_sums_of_two_directions_are_compared(question: str, says: str) -> None:
    answer = Answerer(imported(default_knowledge(), prize_2024(), "2024.txt")).answer(question)
    assert says in answer.text, answer.text

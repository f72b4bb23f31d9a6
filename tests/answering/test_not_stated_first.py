"""Issue 19: when the documents lack what was asked, the answer's first sentence says so in the standard phrase.

By class: a thing with no budget line, a kind of answer the documents never give (who nominated,
a contact address, members by name, a venue), and "who may nominate" kept to the prize.
"""

from __future__ import annotations

import pytest

from bot.answering import Answerer

LEADS = ("framgår inte av dokumenten", "is not stated in the documents", "not stated in the documents")


def first_sentence(text: str) -> str:
    return text.split(". ")[0]


def leads_with_not_stated(answerer: Answerer, question: str) -> str:
    answer = answerer.answer(question)
    assert any(phrase in first_sentence(answer.text) for phrase in LEADS), answer.text
    return answer.text


@pytest.mark.parametrize(
    "question",
    [
        "hur mycket pengar fick nattvandrarna?",
        "how much money went to the night walkers?",
        "hur mycket pengar går till filmvisning?",
    ],
)
def test_a_thing_without_a_budget_line_leads_with_not_stated(answerer: Answerer, question: str) -> None:
    leads_with_not_stated(answerer, question)


@pytest.mark.parametrize(
    "question",
    [
        "vem hade nominerat vinnaren 2019?",
        "who nominated IGOR for the prize?",
        "vilket telefonnummer ringer man om priset?",
        "what is the email address for sending a nomination?",
        "vilka fastighetsägare är med i arbetet med trygghetsvärdar?",
        "which property owners take part in the security hosts' work?",
        "where will the safety conference be held in 2023?",
    ],
)
def test_a_kind_of_answer_the_documents_never_give_leads_with_not_stated(answerer: Answerer, question: str) -> None:
    leads_with_not_stated(answerer, question)


@pytest.mark.parametrize(
    "question",
    ["får vem som helst i staden lämna in en nominering?", "who is allowed to nominate a project, anyone?"],
)
def test_who_may_nominate_is_about_the_prize_not_the_grant(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.rule == "eligibility.nominator", (answer.rule, answer.text)
    text = leads_with_not_stated(answerer, question)
    assert "nominer" in text.casefold() or "nominat" in text.casefold(), text


def test_names_the_documents_give_are_not_refused(answerer: Answerer) -> None:
    answer = answerer.answer("vilka organisationer står bakom IGOR?")
    assert "Polisen" in answer.text and "framgår inte" not in first_sentence(answer.text), answer.text


@pytest.mark.parametrize(
    "question",
    ["vad kostar SSPF om året numera?", "what is SSPF's annual cost going forward, now that it is permanent?"],
)
def test_the_ongoing_cost_of_a_line_that_left_the_package_is_not_stated(answerer: Answerer, question: str) -> None:
    leads_with_not_stated(answerer, question)


def test_the_ongoing_cost_of_a_line_still_in_the_package_is_answered(answerer: Answerer) -> None:
    answer = answerer.answer("vad kostar trygghetsvärdar per år?")
    assert answer.answered and "framgår inte" not in answer.text, answer.text


@pytest.mark.parametrize(
    "question", ["vem är ordförande i socialnämnden?", "who chairs the municipal executive board?"]
)
def test_the_chair_of_a_body_other_than_the_jury_is_not_stated(answerer: Answerer, question: str) -> None:
    leads_with_not_stated(answerer, question)


def test_the_jurys_chair_is_answered(answerer: Answerer) -> None:
    answer = answerer.answer("vem är ordförande i juryn?")
    assert "socialborgarrådet" in answer.text and "framgår inte" not in answer.text, answer.text

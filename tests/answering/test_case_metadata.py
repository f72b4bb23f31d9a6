"""Issue 19: the documents' facts about the case: its documents, who signed, which body decides or proposes."""

from __future__ import annotations

import pytest

from bot.answering import Answerer


@pytest.mark.parametrize(
    "question",
    ["vilka handlingar ingår i ärendet om paketet?", "what documents are in the case on the safety package?"],
)
def test_the_case_documents_are_the_documents_own_list(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert "Tjänsteskrivelse daterad den 29 januari 2025" in answer.text, answer.text
    assert "Henrik Ahl" not in answer.text, answer.text  # the signatories below the list are not documents


def test_a_case_without_a_list_gives_its_attachments(answerer: Answerer) -> None:
    answer = answerer.answer("vilka handlingar finns i ärendet om trygghetspriset?")
    assert "Nomineringstext om trygghetspris 2023" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    ["who are the signatories of the prize decision?", "vilka är undertecknare av direktivet för priset?"],
)
def test_signatories_whatever_the_document_is_called(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert "Wolgast Carstorp" in answer.text and "Blombergsson" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    ["vem föreslår fördelningen av trygghetspaketet?", "which committee proposes the safety package?"],
)
def test_the_body_that_proposes_comes_from_the_decision_text(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert "trygghetsutskott" in answer.text, answer.text

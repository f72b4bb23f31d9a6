"""What the documents say about themselves, and the questions whose answer no document gives.

The document facts are read from the documents' sections by ``bot.knowledge.metadata``, for
the shipped documents and imported ones alike; an absent fact is said to be absent first.
"""

from __future__ import annotations

import pytest

from bot.answering import Answerer
from bot.knowledge import KnowledgeBase
from bot.knowledge.metadata import read_metadata
from bot.knowledge.models import DocumentSection

NOT_STATED = ("Det framgår inte av dokumenten", "It is not stated in the documents")


def _starts_not_stated(text: str) -> bool:
    return text.startswith(NOT_STATED)


def test_the_loader_reads_each_documents_facts_from_its_own_sections(kb: KnowledgeBase) -> None:
    prize = kb.documents["trygghetspriset-2023"].meta
    assert prize.department == "avdelningen för stadsövergripande sociala frågor"
    assert [a.name for a in prize.approvals] == ["Veronica Wolgast Carstorp", "Maria Karlsson"]
    assert [a.text for a in prize.attachments] == ["Nomineringstext om trygghetspris 2023"]
    assert [p.text for p in prize.proposal][-1] == "Beslutet justeras omedelbart."
    assert any("17 maj 2023" in h.text for h in prize.handled)
    package = kb.documents["trygghetspaketet-2025"].meta
    assert package.registration_number is None  # the document states none
    assert any("700 000 kronor" in p.text for p in package.proposal)


def test_a_registration_number_in_the_text_is_read() -> None:
    sections = [DocumentSection(heading="Ärendet", text="Dnr KS 2026/123. Ärendet har beretts inom Säkerhetsstaben.")]
    meta = read_metadata("doc", sections)
    assert meta.registration_number is not None and meta.registration_number.text == "KS 2026/123"
    assert meta.department == "Säkerhetsstaben"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("vilken förvaltning har skrivit tjänsteskrivelsen om trygghetspaketet?", "Stadsledningskontoret"),
        ("Vilket kontor har tagit fram ärendet om trygghetspaketet?", "Säkerhetsstaben"),
        ("Which department prepared the Trygghetspriset 2023 case?", "stadsövergripande sociala frågor"),
        ("Vilket datum har tjänsteskrivelsen om trygghetspaketet 2025?", "29 januari 2025"),
        ("what date is the safety package document?", "29 January 2025"),
        ("När behandlades trygghetsprisärendet i förvaltningsgruppen?", "17 maj 2023"),
        ("When was the prize document digitally approved?", "2023-05-11"),
        ("Vilken bilaga hör till ärendet om trygghetspriset?", "Nomineringstext om trygghetspris 2023"),
        ("Vad föreslår förvaltningen att socialnämnden ska besluta om trygghetspriset 2023?", "justeras omedelbart"),
        ("What is the board asked to decide about Trygghetspaketet 2025?", "700 000 kronor till stöd"),
    ],
)
def test_document_facts_are_answered_from_the_documents(answerer: Answerer, question: str, expected: str) -> None:
    answer = answerer.answer(question)
    assert answer.intent == "document_meta" and answer.answered, answer.text
    assert expected in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Vilket diarienummer har ärendet om trygghetspaketet?",
        "what is the registration number of the prize case?",
        "Vad kostar juryn för trygghetspriset?",
        "How much does it cost to arrange the trygghetskonferens?",
        "hur mycket kostar juryns arbete?",
        "Vilka organisationer ingår i de lokala arbetsgrupperna?",
        "Hur mycket betalar fastighetsägarna för trygghetsvärdarna?",
    ],
)
def test_what_no_document_says_is_said_first(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert not answer.answered and _starts_not_stated(answer.text), answer.text
    assert len(answer.text.split(". ")) > 1, "then what the documents do say nearby"


def test_who_sat_on_the_jury_is_not_stated(answerer: Answerer) -> None:
    answer = answerer.answer("Who sat on the jury in 2022?")
    assert not answer.answered and "not stated" in answer.text, answer.text


def test_the_prize_sum_is_still_the_prize_sum(answerer: Answerer) -> None:
    answer = answerer.answer("vad kostar priset, hur stor är prissumman?")
    assert answer.answered and "50 000 kr" in answer.text, answer.text


def test_a_follow_up_naming_an_unknown_subject_does_not_borrow_the_previous_line(chat) -> None:  # type: ignore[no-untyped-def]
    chat.ask("vad fick SSPF 2024?")
    answer = chat.ask("vad fick fältassistenterna 2024?")
    assert "SSPF: " not in answer.text and not answer.answered, answer.text
    assert answer.text.startswith("Det framgår inte av dokumenten vad fältassistenterna fick"), answer.text


def test_no_follow_up_gets_an_empty_answer(chat) -> None:  # type: ignore[no-untyped-def]
    chat.ask("vad fick nattvandrarna?")
    answer = chat.ask("vad fick polisen 2024?")
    assert answer.text.split("\n")[0].strip(), answer.text


def test_why_the_difference_after_budget_and_outcome_totals_gives_the_documents_reason(chat) -> None:  # type: ignore[no-untyped-def]
    chat.ask("How big was the 2024 budget in total?")
    chat.ask("and the outcome?")
    answer = chat.ask("why the difference?")
    assert answer.intent == "outcome_reason" and "lugnare" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Other words for the same facts: the signatories, the body asked to approve, the document's date.
        ("vem är avsändare av tjänsteutlåtandet om trygghetspriset?", "Lina Blombergsson"),
        ("who are the senders of the safety package memo?", "Henrik Ahl"),
        ("which committee is asked to approve the direction of the 2023 prize?", "Socialnämnden"),
        ("vilket datum är tjänsteutlåtandet om trygghetspaketet från?", "29 januari 2025"),
    ],
)
def test_document_facts_asked_in_other_words(answerer: Answerer, question: str, expected: str) -> None:
    answer = answerer.answer(question)
    assert answer.answered and expected in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "expected", "intent"),
    [
        ("vilken slutsumma står i tabellen för utfall 2024?", "4,1 mkr", "budget_total"),
        ("what's the grand total of the 2025 proposal?", "3.5 million", "budget_total"),
        ("vem avgör vem som får trygghetspriset?", "jury", "jury"),
        ("who selects the winner of the safety prize?", "jury", "jury"),
    ],
)
def test_the_total_figure_and_who_decides_the_prize(
    answerer: Answerer, question: str, expected: str, intent: str
) -> None:
    answer = answerer.answer(question)
    assert answer.intent == intent and expected in answer.text, answer.text

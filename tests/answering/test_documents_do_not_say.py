"""Issue 12: answers that were wrong or evasive are answered honestly from the data."""

from __future__ import annotations

import pytest

from bot.answering import Answerer
from bot.knowledge import KnowledgeBase
from tests.answering.conftest import Chat, sek
from tests.answering.test_answers import mentions
from tests.texts import says

# --- a column the table lacks ("utfallet 2025") ---------------------------------------------

NOT_STATED = ("framgår inte", "not stated in my documents", "not stated in the documents")


@pytest.mark.parametrize(
    "question",
    [
        "vad blev utfallet för trygghetsvärdar 2025?",
        "hur stort blev utfallet för SSPF 2025?",
        "what was the outcome for the security hosts in 2025?",
        "hur mycket har trygghetsvärdarna förbrukat 2025?",
    ],
)
def test_an_outcome_for_a_year_without_one_is_said_to_be_missing(
    answerer: Answerer, kb: KnowledgeBase, question: str
) -> None:
    answer = answerer.answer(question)
    assert not answer.answered
    says(answer, question, sv="Utfall 2025 framgår inte av dokumentet", en="Outcome 2025 is not stated in the document")
    assert answer.text.startswith(("Utfall 2025 framgår inte", "Outcome 2025 is not stated")), answer.text  # it leads
    key = "sspf" if "SSPF" in question else "trygghetsvardar"
    proposal = kb.budget.line(key).amounts["forslag_2025"]
    assert mentions(answer.text, sek(proposal, answer.lang)), answer.text  # what exists for 2025
    assert answer.text.splitlines()[-1].startswith(("Käll", "Source"))


def test_an_outcome_total_for_2025_is_said_to_be_missing(answerer: Answerer) -> None:
    answer = answerer.answer("vad blev det totala utfallet 2025?")
    assert not answer.answered and answer.text.startswith("Utfall 2025 framgår inte av dokumentet"), answer.text


def test_an_existing_outcome_is_not_flagged(answerer: Answerer) -> None:
    answer = answerer.answer("vad blev utfallet för trygghetsvärdar 2024?")
    assert answer.answered and "inget" not in answer.text


# --- comparing lines within one column --------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "jämför trygghetsvärdar och SSPF i budget 2024",
        "jämför SSPF med trygghetsvärdarna i budgeten för 2024",
        "compare the security hosts and SSPF in the 2024 budget",
        "skillnaden mellan trygghetsvärdar och SSPF i budget 2024?",
    ],
)
def test_two_lines_are_compared_in_the_column_asked_for(answerer: Answerer, kb: KnowledgeBase, question: str) -> None:
    answer = answerer.answer(question)
    hosts, sspf = kb.budget.line("trygghetsvardar"), kb.budget.line("sspf")
    lang = answer.lang
    assert mentions(answer.text, sek(hosts.amounts["budget_2024"], lang)), answer.text
    assert mentions(answer.text, sek(sspf.amounts["budget_2024"], lang)), answer.text
    delta = hosts.amounts["budget_2024"] - sspf.amounts["budget_2024"]
    assert mentions(answer.text, sek(delta, lang)), answer.text
    for other in ("forslag_2025", "utfall_2024"):  # only the budget-2024 column
        assert f"({'förslag' if other.startswith('forslag') else 'utfall'} " not in answer.text
    assert "2025" not in answer.text.splitlines()[0].replace("3,5 mkr för 2025", "")


def test_two_lines_without_a_column_are_compared_in_every_column(answerer: Answerer) -> None:
    text = answerer.answer("vilken post fick mer, SSPF eller trygghetsvärdar?").text
    assert "förslag 2025" in text and "utfall 2024" in text and "budget 2024" in text
    assert "permanentad" in text  # SSPF's 0 kr in 2025 is explained


# --- the least line is not one that has left the package ---------------------------------------


@pytest.mark.parametrize(
    "question",
    ["vilken post fick minst 2025?", "which line gets the least money in 2025?", "lägst belopp 2025?"],
)
def test_the_smallest_line_is_a_line_still_in_the_package(answerer: Answerer, kb: KnowledgeBase, question: str) -> None:
    text = answerer.answer(question).text
    first = text.split(".")[0]
    assert "SSPF" not in first, text
    smallest = min(
        (line for line in kb.budget.lines if line.amounts["forslag_2025"]), key=lambda x: x.amounts["forslag_2025"]
    )
    assert smallest.name in first
    assert "permanentad" in text  # SSPF's 0 kr is named with the reason, not as the smallest line


def test_the_line_that_fell_most_says_why(answerer: Answerer) -> None:
    text = answerer.answer("vilken post minskade mest?").text
    assert "SSPF" in text and "permanentad" in text


def test_the_comparison_keeps_a_follow_up_chat(chat: Chat) -> None:
    chat.ask("jämför trygghetsvärdar och SSPF i budget 2024")
    assert chat.ask("och 2025?").intent == "budget_analysis"


# --- rates and counts the documents do not give ----------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "vad kostar en trygghetsvärd per timme?",
        "vad är timlönen för trygghetsvärdarna?",
        "hur mycket tjänar en trygghetsvärd i månaden?",
        "what does a security host cost per hour?",
        "what is the hourly rate for SSPF?",
        "hur många trygghetsvärdar finns det?",
    ],
)
def test_a_rate_or_count_is_not_answered_but_the_lines_total_is_given(
    answerer: Answerer, kb: KnowledgeBase, question: str
) -> None:
    answer = answerer.answer(question)
    assert not answer.answered, answer.text
    assert any(phrase in answer.text for phrase in NOT_STATED)
    key = "sspf" if "SSPF" in question else "trygghetsvardar"
    total = kb.budget.line(key).amounts["utfall_2024"]
    assert mentions(answer.text, sek(total, answer.lang))
    assert answer.sources  # the figures it gives are cited


def test_a_plain_amount_question_is_still_answered(answerer: Answerer) -> None:
    assert answerer.answer("hur mycket fick trygghetsvärdar 2025?").answered
    assert answerer.answer("hur många kronor fick SSPF 2024?").answered


# --- unit follow-ups ---------------------------------------------------------------------------


def test_a_unit_follow_up_re_renders_the_previous_answer(chat: Chat) -> None:
    first = chat.ask("vad fick trygghetsvärdar 2025?")
    assert "2 mkr" in first.text
    kronor = chat.ask("i kronor?")
    assert kronor.intent == "budget_line" and "2 000 000 kr" in kronor.text
    assert "400 000 kr" in kronor.text  # every amount of the answer, in the unit asked for
    thousands = chat.ask("och i tkr?")
    assert "2 000 tkr" in thousands.text
    assert "1,4 mkr" in chat.ask("och 2024?").text  # the unit was for that answer only


@pytest.mark.parametrize(
    ("first", "follow_up", "expected"),
    [
        ("hur stort är trygghetspaketet 2025?", "vad blir det i kronor?", "3 500 000 kr"),
        ("how much did SSPF get in 2024?", "what is that in kronor?", "SEK 1,500,000"),
        ("how much did SSPF get in 2024?", "in thousands?", "SEK 1,500 thousand"),
        ("vad är prissumman?", "i tkr?", "50 tkr"),
        ("jämför trygghetsvärdar och SSPF i budget 2024", "uttryckt i kronor?", "1 600 000 kr"),
    ],
)
def test_unit_follow_up_variants(answerer: Answerer, first: str, follow_up: str, expected: str) -> None:
    chat = Chat(answerer)
    chat.ask(first)
    answer = chat.ask(follow_up)
    assert expected in answer.text, answer.text
    assert answer.text.splitlines()[-1].startswith(("Käll", "Source"))


def test_a_unit_alone_without_money_before_is_not_guessed(chat: Chat) -> None:
    chat.ask("vem vann 2019?")
    assert not chat.ask("i kronor?").answered

"""Answers that follow the calendar, say what the documents do not give, and count what they do.

Each kind is asked in several phrasings (Swedish and English) so that no answer depends on one
wording; the expected facts come from the knowledge data, never from the test's own text.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.answering import Answerer
from bot.clock import fixed_clock
from bot.knowledge import KnowledgeBase
from tests.answering.conftest import Chat, sek
from tests.texts import says

OPEN_DAY = date(2023, 8, 20)  # 13 days left, the closing day 1 September included
BEFORE = date(2023, 5, 20)
AFTER = date(2023, 10, 1)

NOW_QUESTIONS = ["kan jag nominera nu?", "går det att nominera nu?", "is the nomination period open now?"]

NOT_STATED = ("framgår inte", "not stated in my documents", "not stated in the documents")


def on(kb: KnowledgeBase, day: date) -> Answerer:
    return Answerer(kb, fixed_clock(day))


@pytest.mark.parametrize("question", NOW_QUESTIONS)
def test_after_the_period_nominating_is_not_offered(kb: KnowledgeBase, question: str) -> None:
    answer = on(kb, AFTER).answer(question)
    assert answer.intent == "nomination_period"
    says(answer, question, sv="stängde", en="closed")
    assert "nominera” så hjälper" not in answer.text and "I will help you nominate" not in answer.text


@pytest.mark.parametrize("question", NOW_QUESTIONS)
def test_before_the_period_it_says_when_it_opens(kb: KnowledgeBase, question: str) -> None:
    answer = on(kb, BEFORE).answer(question)
    says(answer, question, sv="1 juni 2023", en="1 June 2023")
    says(answer, question, sv="12 dagar", en="12 days")  # until it opens
    assert "så hjälper jag dig" not in answer.text


@pytest.mark.parametrize(
    "question", ["hur många dagar är det kvar?", "hur många dagar återstår det att nominera?", "how many days left?"]
)
def test_days_left_are_counted_from_today(kb: KnowledgeBase, question: str) -> None:
    answer = on(kb, OPEN_DAY).answer(question)
    assert answer.intent == "nomination_period"
    assert "13" in answer.text
    assert (
        on(kb, date(2023, 9, 1)).answer(question).text.count("sista dagen")
        + on(kb, date(2023, 9, 1)).answer(question).text.count("last day")
        == 1
    )


def test_the_period_answer_says_whether_it_is_open_today(kb: KnowledgeBase) -> None:
    assert "öppen i dag" in on(kb, OPEN_DAY).answer("när kan man nominera?").text
    assert "stängde" in on(kb, AFTER).answer("när kan man nominera?").text


@pytest.mark.parametrize(
    "question",
    ["vad blev utfallet för trygghetsvärdar 2025?", "hur stort var utfallet för SSPF 2025?", "outcome for sspf 2025?"],
)
def test_a_column_the_year_does_not_have_is_said_to_be_missing(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    says(answer, question, sv="Utfall 2025 framgår inte av dokumentet", en="Outcome 2025 is not stated in the document")
    says(answer, question, sv="förslag 2025", en="proposal 2025")


@pytest.mark.parametrize(
    "question",
    [
        "jämför trygghetsvärdar och SSPF i budget 2024",
        "trygghetsvärdar jämfört med sspf i budgeten 2024?",
        "compare trygghetsvärdar and SSPF in the 2024 budget",
    ],
)
def test_two_lines_are_compared_in_the_column_asked(answerer: Answerer, kb: KnowledgeBase, question: str) -> None:
    answer = answerer.answer(question)
    hosts = kb.budget.line("trygghetsvardar").amounts["budget_2024"]
    sspf = kb.budget.line("sspf").amounts["budget_2024"]
    lang = answer.lang
    assert sek(hosts, lang) in answer.text and sek(sspf, lang) in answer.text
    assert sek(abs(hosts - sspf), lang) in answer.text
    assert "2025" not in answer.text.split("\n")[0]  # not the other columns


@pytest.mark.parametrize(
    "question",
    [
        "vad kostar en trygghetsvärd per timme?",
        "vad är timlönen för trygghetsvärdar?",
        "hourly cost of trygghetsvärdar?",
    ],
)
def test_a_unit_cost_the_documents_lack_is_not_answered_with_a_line_total(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.answered is False
    says(answer, question, sv="per timme", en="per hour")


@pytest.mark.parametrize(
    "question",
    [
        "vilken kommun gäller trygghetspaketet?",
        "i vilken kommun används trygghetspaketet?",
        "which municipality is the package for?",
    ],
)
def test_the_package_names_no_municipality_only_places(answerer: Answerer, kb: KnowledgeBase, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.answered is False
    says(answer, question, sv="ingen kommun", en="no municipality")
    areas = [area for line in kb.budget.lines for area in line.areas]
    assert areas and any(area in answer.text for area in areas)
    assert "Stockholm" not in answer.text and "Nacka" not in answer.text


@pytest.mark.parametrize(
    "question", ["vem är socialdirektör?", "vem är socialdirektören?", "who is the socialdirektör?"]
)
def test_the_signatory_named_by_title(answerer: Answerer, kb: KnowledgeBase, question: str) -> None:
    answer = answerer.answer(question)
    signed = [p for doc in kb.documents.values() for p in doc.signed_by if p.title.lower() == "socialdirektör"]
    assert signed and signed[0].name in answer.text
    assert answer.sources and answer.sources[0].section == "Underskrifter"


def test_who_signed_the_package(answerer: Answerer, kb: KnowledgeBase) -> None:
    answer = answerer.answer("vem har skrivit under trygghetspaketet?")
    package = kb.documents[kb.budget.table_source.document]
    assert all(p.name in answer.text for p in package.signed_by)
    prize = kb.documents[kb.prize.winners[0].source.document]
    assert not any(p.name in answer.text for p in prize.signed_by)


@pytest.mark.parametrize(
    "question", ["hur många jurymedlemmar?", "hur många sitter i juryn?", "how many jury members?"]
)
def test_the_jury_size_is_not_stated(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.answered is False and answer.intent == "jury"
    assert any(phrase in answer.text for phrase in NOT_STATED)


@pytest.mark.parametrize(
    "question",
    ["hur många nomineringar kom in 2022?", "hur många nominerades förra året?", "how many nominations were there?"],
)
def test_the_number_of_nominations_is_not_in_the_documents(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.answered is False
    assert not any(char.isdigit() for char in answer.text.split("\n")[0])  # no invented figure


@pytest.mark.parametrize(
    "question", ["hur många gånger har polisen vunnit?", "hur många gånger har polisen fått priset?"]
)
def test_times_won_are_counted(answerer: Answerer, kb: KnowledgeBase, question: str) -> None:
    answer = answerer.answer(question)
    police = [w for w in kb.prize.winners if "polis" in f"{w.winner} {w.description or ''}".lower()]
    assert f"{len(police)} gånger" in answer.text
    assert all(str(w.year) in answer.text for w in police)


@pytest.mark.parametrize(("unit", "expected"), [("i tkr?", "tkr"), ("i kronor?", " kr"), ("in thousands?", "thousand")])
def test_a_unit_follow_up_renders_the_previous_answer_in_that_unit(chat: Chat, unit: str, expected: str) -> None:
    first = chat.ask("vad fick trygghetsvärdar 2025?")
    again = chat.ask(unit)
    assert again.intent == first.intent
    assert expected in again.text and "mkr" not in again.text.split("\n")[0]


def test_units_can_change_twice(chat: Chat) -> None:
    chat.ask("vad fick SSPF 2024?")
    assert "tkr" in chat.ask("i tkr?").text
    assert "tkr" not in chat.ask("i kronor?").text.split("\n")[0]


@pytest.mark.parametrize("question", ["vilken post fick minst 2025?", "which line got the least in 2025?"])
def test_the_least_is_not_a_line_that_left_the_package_without_saying_so(
    answerer: Answerer, kb: KnowledgeBase, question: str
) -> None:
    answer = answerer.answer(question)
    removed = [line for line in kb.budget.lines if line.status_note and line.amounts["forslag_2025"] == 0]
    funded = [line for line in kb.budget.lines if line.amounts["forslag_2025"] > 0]
    least = min(funded, key=lambda line: line.amounts["forslag_2025"])
    assert removed and all(line.status_note in answer.text for line in removed)
    assert least.name in answer.text


@pytest.mark.parametrize("question", ["vilka sitter i juryn?", "who is on the jury?", "vilka är med i juryn?"])
def test_the_jury_members_are_not_named(answerer: Answerer, kb: KnowledgeBase, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.answered is False
    assert kb.prize.jury.chair in answer.text  # what the document does say


@pytest.mark.parametrize("question", ["what city is trygghetspaketet about?", "vilken stad gäller paketet?"])
def test_a_city_question_about_the_package(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.answered is False
    says(answer, question, sv="ingen kommun", en="no municipality")


@pytest.mark.parametrize(
    "question", ["prissumman 2024?", "vad är prissumman 2025?", "what is the prize money in 2026?"]
)
def test_a_year_no_document_covers_is_not_given_another_years_figure(
    answerer: Answerer, kb: KnowledgeBase, question: str
) -> None:
    answer = answerer.answer(question)
    stated = kb.documents[kb.prize.amount_source.document].dated.year
    assert str(stated) in answer.text  # the figure is given as that year's
    assert answer.answered is False
    says(answer, question, sv="framgår inte", en="not stated")


def test_the_prize_sum_of_the_documents_year_is_answered(answerer: Answerer) -> None:
    assert answerer.answer("prissumman 2023?").answered
    assert answerer.answer("hur stor är prissumman?").answered

"""The kind of answer asked for is honoured: a date for "när", an organisation for "vem", a place for
"var", a count for "hur många". When the structured answer gives none, a sentence of the documents
that does is quoted; when none does, the answer says so first, then what the documents do say.
"""

from __future__ import annotations

import pytest

from bot.answering import Answerer
from bot.answering.answer_types import gives
from bot.answering.query import Query

NOT_STATED = ("Det framgår inte av dokumenten", "It is not stated in the documents")


@pytest.mark.parametrize(
    "question",
    [
        "när började SSPF?",  # date: the line's figures date nothing
        "when did SSPF start?",
        "vem leder arbetet med SSPF?",  # organisation: the figures name no one
        "Who is allowed to nominate candidates for Trygghetspriset?",
        "var arbetar SSPF?",  # place
        "where does SSPF work?",
    ],
)
def test_a_kind_the_documents_do_not_give_is_said_to_be_missing_first(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.text.startswith(NOT_STATED)
    assert not answer.answered
    _first, rest = answer.text.split(".", 1)
    assert len(rest.split("\n")[0].strip()) > 20  # then what the documents do say nearby
    assert answer.sources


def test_a_sentence_of_the_kind_asked_is_quoted_when_the_structured_answer_lacks_it(answerer: Answerer) -> None:
    # The jury's answer says who decides, not when; the direction's text dates it.
    answer = answerer.answer("när ska juryn fatta beslut?")
    assert answer.answered
    assert "26 oktober" in answer.text
    assert any(source.section == "Ärendet" for source in answer.sources)


@pytest.mark.parametrize(
    "question",
    [
        "när delas priset ut?",  # months
        "vem vann 2019?",  # a winner is an organisation
        "vem instiftade priset?",  # kommunstyrelsen
        "hur många vinnare har det varit?",
        "var ska trygghetsvärdarna verka?",  # i Fisksätra och Orminge
        "när fick trygghetsvärdarna mer pengar?",  # a column's year answers a question about figures
    ],
)
def test_an_answer_of_the_kind_asked_is_left_as_it_is(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.answered
    assert not answer.text.startswith(NOT_STATED)


def _query(answerer: Answerer, question: str) -> Query:
    """The query the answerer reads for ``question`` (for checking the patterns on their own)."""
    seen: list[Query] = []
    from bot.answering import answer_types

    original = answer_types.honour
    try:
        answer_types.honour = lambda q, intent, said: seen.append(q)  # type: ignore[assignment]
        answerer.answer(question)
    finally:
        answer_types.honour = original  # type: ignore[assignment]
    return seen[0]


@pytest.mark.parametrize(
    ("question", "kind", "text", "expected"),
    [
        ("när började SSPF?", "date", "Den 21 oktober 2020 beslutade kommunstyrelsen.", True),
        ("när började SSPF?", "date", "SSPF: 1,5 mkr (budget 2024).", False),  # a column's name dates nothing
        ("vem leder SSPF?", "organisation", "Socialnämnden följer upp det.", True),
        ("vem leder SSPF?", "organisation", "Henrik Ahl har skrivit under.", True),
        ("vem leder SSPF?", "organisation", "SSPF: 1,5 mkr.", False),  # the question's own subject
        ("var arbetar SSPF?", "place", "Insatsen sker i Orminge.", True),
        ("var arbetar SSPF?", "place", "Medlen är permanentade.", False),
        ("hur många grupper finns?", "count", "Det finns tre grupper.", True),
        ("hur många grupper finns?", "count", "Grupperna får stöd.", False),
    ],
)
def test_each_kind_is_recognised_by_its_pattern(
    answerer: Answerer, question: str, kind: str, text: str, expected: bool
) -> None:
    assert gives(_query(answerer, question), kind, text) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "question",
    [
        "vad heter socialborgarrådet som är juryns ordförande?",  # a name where only a title is given
        "what's the name of the chair of the jury?",
        "hur fördelades pengarna mellan de två vinnarna 2020?",  # a split in other words than the cue list
        "how was the prize money divided between the 2020 winners?",
    ],
)
def test_a_name_or_a_split_the_documents_do_not_give_is_said_to_be_missing_first(
    answerer: Answerer, question: str
) -> None:
    answer = answerer.answer(question)
    assert answer.text.startswith(NOT_STATED), answer.text
    assert not answer.answered


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("vad heter föreningen som vann 2019?", "Process Kedjan"),  # a winner is a name by construction
        ("what was the name of the organisation that won in 2021?", "Gatans lag"),
    ],
)
def test_a_name_the_documents_give_is_answered(answerer: Answerer, question: str, name: str) -> None:
    answer = answerer.answer(question)
    assert answer.answered and name in answer.text and not answer.text.startswith(NOT_STATED), answer.text


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("hur mycket går till gatubelysning i trygghetspaketet 2025?", "gatubelysning"),
        ("how much of the package goes to street lighting in 2025?", "street lighting"),
        ("hur mycket av paketet får kameraövervakningen 2025?", "kameraövervakningen"),
    ],
)
def test_money_for_a_thing_with_no_line_is_not_the_package_total(
    answerer: Answerer, question: str, subject: str
) -> None:
    answer = answerer.answer(question)
    assert answer.text.startswith(NOT_STATED) and subject in answer.text.split(".")[0], answer.text
    assert "3,5 mkr (förslag 2025)" not in answer.text and "3.5 million (proposal 2025)" not in answer.text


def test_the_package_total_for_a_period_is_still_the_total(answerer: Answerer) -> None:
    answer = answerer.answer("hur mycket är paketet totalt för helåret 2025?")
    assert answer.answered and "3,5 mkr" in answer.text, answer.text

"""Questions no structured answer fits: the documents' own words, or an honest "not in my documents"."""

from __future__ import annotations

import pytest

from bot.answering import Answerer
from bot.answering.passages import PassageIndex
from bot.knowledge import KnowledgeBase
from bot.knowledge.models import DocumentSection


def test_a_passage_that_covers_the_question_is_quoted_with_its_section(kb: KnowledgeBase) -> None:
    answer = Answerer(kb).answer("när behandlades ärendet i förvaltningsgruppen?")
    assert "17 maj 2023" in answer.text
    assert [(s.document, s.section) for s in answer.sources] == [("trygghetspriset-2023", "Ärendets beredning")]


def test_a_question_the_documents_do_not_cover_is_not_answered_with_a_nearby_passage(kb: KnowledgeBase) -> None:
    for question in ("vad blir vädret i morgon?", "vem lagar min cykel?", "hur mår polisen?"):
        answer = Answerer(kb).answer(question)
        assert not answer.sources, question
        assert "framgår inte av mina dokument" in answer.text


def test_the_passage_must_hold_most_of_the_question_words() -> None:
    sections = [("doc", DocumentSection(heading="Om", text="Parken städas på våren. Bänkarna målas om varje år."))]
    index = PassageIndex(sections)
    found = index.best("när städas parken?")
    assert found is not None and found.text.startswith("Parken städas på våren.")
    assert index.best("när målas staketet vid dammen i parken?") is None  # two of four content words are too few


BOUNDARY = [
    ("dokument", DocumentSection(heading="Ärendet", text="Cyklisterna målade viadukten blå med kommunens hjälp."))
]


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("viadukten?", False),  # one content word is too few to find a passage by
        ("cyklisterna viadukten?", True),  # two are enough, when both are in it
        ("cyklisterna målade viadukten trappan räcket?", True),  # three of five: 60 %
        ("cyklisterna viadukten trappan räcket bänken?", False),  # two of five: too few
    ],
)
def test_a_passage_needs_two_content_words_and_most_of_them(question: str, quoted: bool) -> None:
    index = PassageIndex(BOUNDARY)
    assert (index.best(question) is not None) is quoted

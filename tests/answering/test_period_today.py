"""Nomination answers by today's date, written as unseen phrasings apart from the implementation."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.answering import Answerer
from bot.clock import STOCKHOLM, fixed_clock
from bot.knowledge import KnowledgeBase
from tests.texts import says

INVITE = ("”nominera”", "“nominera”")


def at(kb: KnowledgeBase, day: date) -> Answerer:
    return Answerer(kb, fixed_clock(day))


def invites(text: str) -> bool:
    return any(word in text for word in INVITE)


NOW_QUESTIONS = [
    "kan jag nominera nu?",
    "går det att nominera just nu?",
    "är nomineringen öppen?",
    "kan man fortfarande nominera någon?",
    "can I nominate now?",
    "is the nomination period open?",
    "is it too late to nominate?",
]


@pytest.mark.parametrize("question", NOW_QUESTIONS)
def test_before_the_period_nothing_is_offered_and_the_opening_day_is_given(kb: KnowledgeBase, question: str) -> None:
    answer = at(kb, date(2023, 5, 20)).answer(question)
    assert answer.intent == "nomination_period", answer.text
    assert not invites(answer.text), answer.text
    says(answer, question, sv="1 juni 2023", en="1 June 2023")
    says(answer, question, sv="inte öppnat", en="not opened")


@pytest.mark.parametrize("question", NOW_QUESTIONS)
def test_after_the_period_it_says_closed_and_does_not_invite(kb: KnowledgeBase, question: str) -> None:
    answer = at(kb, date(2025, 3, 1)).answer(question)
    assert answer.intent == "nomination_period", answer.text
    assert not invites(answer.text), answer.text
    says(answer, question, sv="stängde 1 september 2023", en="closed on 1 September 2023")


@pytest.mark.parametrize("question", NOW_QUESTIONS)
def test_during_the_period_it_invites(kb: KnowledgeBase, question: str) -> None:
    answer = at(kb, date(2023, 7, 1)).answer(question)
    assert invites(answer.text), answer.text
    says(answer, question, sv="öppen i dag", en="open today")


def test_a_plain_period_question_also_says_whether_it_is_open_today(kb: KnowledgeBase) -> None:
    closed = at(kb, date(2024, 1, 10)).answer("när kan man nominera?")
    assert "1 juni" in closed.text and "1 september" in closed.text
    assert "stängde" in closed.text and not invites(closed.text)
    open_ = at(kb, date(2023, 8, 1)).answer("when is the nomination period?")
    assert "open today" in open_.text and invites(open_.text)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 6, 1), "93 dagar kvar"),
        (date(2023, 8, 30), "3 dagar kvar"),
        (date(2023, 8, 31), "2 dagar kvar"),
        (date(2023, 9, 1), "sista dagen"),
    ],
)
def test_days_left_count_the_closing_day(kb: KnowledgeBase, day: date, expected: str) -> None:
    for question in ("hur många dagar är det kvar?", "hur lång tid är det kvar att nominera?"):
        answer = at(kb, day).answer(question)
        assert answer.intent == "nomination_period"
        assert expected in answer.text, answer.text


def test_days_left_in_english_and_after_closing(kb: KnowledgeBase) -> None:
    assert "2 days left" in at(kb, date(2023, 8, 31)).answer("how many days are left to nominate?").text
    closed = at(kb, date(2023, 9, 2)).answer("hur många dagar är det kvar?").text
    assert "stängde" in closed and "dagar kvar" not in closed
    early = at(kb, date(2023, 5, 30)).answer("how many days left?").text
    assert "in 2 days" in early and "not opened" in early


def test_one_day_is_one_dag(kb: KnowledgeBase) -> None:
    assert "om 1 dag." in at(kb, date(2023, 5, 31)).answer("hur många dagar är det kvar?").text
    assert "in 1 day." in at(kb, date(2023, 5, 31)).answer("how many days left?").text


def test_the_stockholm_day_decides_not_utc(kb: KnowledgeBase) -> None:
    after_midnight = datetime(2023, 9, 1, 22, 30, tzinfo=UTC)  # 00:30 on 2 September in Stockholm
    assert "stängde" in Answerer(kb, lambda: after_midnight).answer("kan jag nominera nu?").text
    late_evening = datetime(2023, 9, 1, 23, 30, tzinfo=STOCKHOLM)
    assert "sista dagen" in Answerer(kb, lambda: late_evening).answer("kan jag nominera nu?").text

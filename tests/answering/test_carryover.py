"""Follow-up carry-over (bot/answering/carryover.py): only the slots a question leaves empty are filled."""

from __future__ import annotations

from tests.answering.conftest import Chat


def test_a_follow_up_naming_its_own_line_keeps_it_and_takes_the_year(chat: Chat) -> None:
    chat.ask("vad fick SSPF 2024?")
    answer = chat.ask("och trygghetsvärdar?")
    assert answer.frame["subjects"] == {"lines": ["trygghetsvardar"]}
    assert answer.frame["years"] == [2024]
    assert "lines" not in answer.frame["inherited"]  # type: ignore[operator]
    assert "SSPF" not in answer.text


def test_a_follow_up_without_a_subject_takes_the_previous_line(chat: Chat) -> None:
    chat.ask("vad fick trygghetsvärdar 2024?")
    answer = chat.ask("och 2025?")
    assert answer.frame["subjects"] == {"lines": ["trygghetsvardar"]}
    assert answer.frame["years"] == [2025]


def test_a_subject_the_data_does_not_know_is_never_replaced_by_the_previous_one(chat: Chat) -> None:
    chat.ask("vad fick SSPF 2024?")
    answer = chat.ask("vad fick fältassistenterna 2024?")
    assert "lines" not in answer.frame["inherited"]  # type: ignore[operator]
    assert answer.text.startswith("Det framgår inte av dokumenten")
    assert "fältassistenterna" in answer.text and "1,5 mkr" not in answer.text


def test_a_follow_up_is_never_answered_with_nothing(chat: Chat) -> None:
    chat.ask("vad fick nattvandrarna?")
    answer = chat.ask("vad fick polisen 2024?")
    assert answer.text.split("\n")[0].strip()


def test_a_unit_follow_up_restates_the_previous_question(chat: Chat) -> None:
    chat.ask("vad fick SSPF 2024?")
    answer = chat.ask("i tkr?")
    assert "SSPF" in answer.text and "1 500 tkr" in answer.text


def test_a_follow_up_naming_only_another_column_keeps_the_line(chat: Chat) -> None:
    chat.ask("what does SSPF get in the 2025 proposal?")
    answer = chat.ask("and how about its outcome for 2024?")
    assert answer.frame["subjects"] == {"lines": ["sspf"]}
    assert "1.5 million (outcome 2024)" in answer.text and "in total" not in answer.text.lower(), answer.text


def test_a_follow_up_asking_an_operation_is_not_taken_for_another_column(chat: Chat) -> None:
    chat.ask("vad fick trygghetsvärdar i utfall 2024?")
    answer = chat.ask("och hur stor är skillnaden mot budgeten samma år?")
    assert "0,2 mkr" in answer.text, answer.text  # 1,6 − 1,4: the difference, not one more column

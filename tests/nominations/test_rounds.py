from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.config import load_settings
from bot.knowledge.models import Prize
from bot.nominations.rounds import UnknownRoundError, current_round, period_message, period_state

STHLM = ZoneInfo("Europe/Stockholm")
UTC = ZoneInfo("UTC")


@pytest.mark.parametrize(
    ("moment", "state"),
    [
        (datetime(2023, 5, 31, 23, 59, tzinfo=STHLM), "not_yet_open"),
        (datetime(2023, 6, 1, 0, 0, tzinfo=STHLM), "open"),
        (datetime(2023, 9, 1, 23, 59, tzinfo=STHLM), "open"),
        (datetime(2023, 9, 2, 0, 0, tzinfo=STHLM), "closed"),
        # 22:30 UTC on 1 September is already 2 September in Stockholm.
        (datetime(2023, 9, 1, 22, 30, tzinfo=UTC), "closed"),
        (datetime(2023, 5, 31, 22, 30, tzinfo=UTC), "open"),
    ],
)
def test_period_is_inclusive_in_stockholm_time(prize: Prize, moment: datetime, state: str) -> None:
    assert period_state(current_round(prize, 2023), moment) == state


def test_messages_say_when_the_period_is(prize: Prize) -> None:
    round_ = current_round(prize, 2023)
    assert period_message(round_, datetime(2023, 7, 1, tzinfo=STHLM)) is None
    before = period_message(round_, datetime(2023, 3, 1, tzinfo=STHLM))
    after = period_message(round_, datetime(2023, 10, 1, tzinfo=STHLM))
    assert before is not None and "har inte öppnat än" in before
    assert after is not None and "är nu stängd" in after
    for text in (before, after):
        assert "1 juni 2023" in text and "1 september 2023" in text and "Inget har sparats" in text


def test_round_comes_from_the_data_or_the_setting(prize: Prize) -> None:
    assert current_round(prize).year == 2023
    with pytest.raises(UnknownRoundError):
        current_round(prize, 1999)
    # An administrator adds a round to the data: it becomes current without code changes.
    next_round = prize.rounds[0].model_copy(
        update={"year": 2024, "nomination_opens": date(2024, 5, 1), "nomination_closes": date(2024, 8, 31)}
    )
    extended = prize.model_copy(update={"rounds": [*prize.rounds, next_round]})
    assert current_round(extended).year == 2024
    assert current_round(extended, 2023).year == 2023


def test_trygghetsbot_now_pins_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2023-09-02")
    assert load_settings().clock()().date() == date(2023, 9, 2)
    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2023-06-01T08:30")
    assert load_settings().clock()() == datetime(2023, 6, 1, 8, 30, tzinfo=STHLM)

"""Nomination rounds: which round is current and whether its period is open.

A round (year, theme, opening and closing date) comes from the knowledge data;
``TRYGGHETSBOT_ROUND`` picks one, otherwise the date does (:meth:`Prize.round_on`: the
round whose period holds today, else the latest that has opened, else the earliest to come).
Opening a new round is a data change (an imported direction), never a code change.
Both dates are inclusive and read in Europe/Stockholm.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from bot.clock import STOCKHOLM
from bot.knowledge.models import Prize, Round
from bot.texts import format_date, t

PeriodState = Literal["open", "not_yet_open", "closed"]


class UnknownRoundError(LookupError):
    """``TRYGGHETSBOT_ROUND`` names a year the knowledge data has no round for."""

    def __init__(self, year: int, known: list[int]) -> None:
        self.year = year
        self.known = known
        super().__init__(round_error_text(self))


def round_error_text(error: UnknownRoundError, lang: str = "sv") -> str:
    return t(lang, "nom.cli.round_error", year=error.year, known=", ".join(str(year) for year in error.known))


def current_round(prize: Prize, round_year: int | None = None, today: date | None = None) -> Round:
    """The round ``round_year`` names, else the one in use ``today`` (without a day: the latest)."""
    if round_year is None:
        return prize.latest_round if today is None else prize.round_on(today)
    found = prize.round_for(round_year)
    if found is None:
        raise UnknownRoundError(round_year, [r.year for r in prize.rounds])
    return found


def local_day(moment: datetime) -> date:
    return moment.astimezone(STOCKHOLM).date() if moment.tzinfo else moment.date()


def period_state(round_: Round, now: datetime) -> PeriodState:
    return period_state_on(round_, local_day(now))


def period_state_on(round_: Round, day: date) -> PeriodState:
    """Both ends inclusive, as the document's "1 juni till 1 september"."""
    if day < round_.nomination_opens:
        return "not_yet_open"
    if day > round_.nomination_closes:
        return "closed"
    return "open"


def period_message(round_: Round, now: datetime, lang: str = "sv") -> str | None:
    """Why nothing can be nominated now, or ``None`` while the period is open."""
    state = period_state(round_, now)
    if state == "open":
        return None
    return t(
        lang,
        f"nom.period.{state}",
        year=round_.year,
        theme=round_.theme,
        opens=format_date(round_.nomination_opens, lang),
        closes=format_date(round_.nomination_closes, lang),
    )

"""Injectable clock: the whole app asks this for "now" so tests and demos can pin time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(STOCKHOLM)


def fixed_clock(moment: datetime | date) -> Clock:
    """A clock that always answers ``moment`` (a date means its Stockholm midnight)."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=STOCKHOLM)
    pinned = moment

    def now() -> datetime:
        return pinned

    return now

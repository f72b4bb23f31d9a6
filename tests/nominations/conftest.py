from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.clock import fixed_clock
from bot.knowledge import default_knowledge
from bot.knowledge.models import Prize
from bot.nominations.model import NominationContent, Nominator
from bot.nominations.rules import Rules
from bot.nominations.service import NominationService
from store import Store, open_store
from tests.texts import ADDED_VALUE, DESCRIPTION

OPEN_DAY = date(2023, 6, 15)


@pytest.fixture
def prize() -> Prize:
    return default_knowledge().prize


@pytest.fixture
def rules(prize: Prize) -> Rules:
    return Rules(prize)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.json")
    yield opened
    opened.close()


@pytest.fixture
def service(store: Store, prize: Prize) -> NominationService:
    round_2023 = prize.round_for(2023)
    assert round_2023 is not None
    return NominationService(store.nominations, prize, round_2023, fixed_clock(OPEN_DAY))


def good_content(**changes: object) -> NominationContent:
    base = NominationContent(
        nominee="Trygga Tensta",
        partners=["Polisen", "Fältassistenterna"],
        description=DESCRIPTION,
        added_value=ADDED_VALUE,
    )
    return base.model_copy(update=changes)


async def submit_teams_nominations(db_path: Path, count: int) -> list[str]:
    """``count`` nominations from Teams users submitted on a day of the 2023 period into the TinyDB
    file ``db_path`` (their Teams jury posts wait in the outbox); their ids."""
    prize = default_knowledge().prize
    with open_store(db_path) as store:
        service = NominationService(
            store.nominations, prize, prize.latest_round, fixed_clock(date(2023, 6, 15)), platforms=("teams",)
        )
        ids = []
        for number in range(count):
            nominator = Nominator(name="Anna", email=f"anna{number}@example.se", user_id=f"teams:n{number}")
            result = await service.submit(good_content(nominee=f"Trygga kvarteret {number}"), nominator)
            ids.append(result.nomination.id)
    return ids


ANNA = Nominator(name="Anna Andersson", email="anna@example.se")
BERT = Nominator(name="Bert Berg", email="bert@example.se")

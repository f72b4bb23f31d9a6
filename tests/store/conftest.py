from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.clock import Clock, system_clock
from bot.nominations.model import Nomination, Nominator
from bot.outbox.model import OutboxMessage
from store import DEFAULT_TENANT, Store, open_store_async

NOW = datetime(2023, 6, 15, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def nomination(number: int = 0, *, key: str | None = None, year: int = 2023) -> Nomination:
    return Nomination(
        nominee=f"Insats {number}",
        partners=["Polisen", "Skolan"],
        description="Beskrivning av insatsen.",
        added_value="Ett mervärde som går utöver det ordinarie uppdraget.",
        round_year=year,
        status="submitted",
        nominator=Nominator(name="Anna", email=f"anna{number % 7}@example.se"),
        created_at=NOW,
        updated_at=NOW,
        submitted_at=NOW,
        idempotency_key=key,
    )


def event(n: Nomination) -> OutboxMessage:
    return OutboxMessage(
        kind="nomination_submitted", nomination_id=n.id, round_year=n.round_year, created_at=NOW, next_attempt_at=NOW
    )


class Backend:
    """Opens stores of one database on either backend; ``open`` again reopens the same data."""

    def __init__(self, name: str, target: str) -> None:
        self.name = name
        self.target = target
        self.opened: list[Store] = []

    async def open(
        self, *, tenant: str = DEFAULT_TENANT, clock: Clock = system_clock, read_only: bool = False
    ) -> Store:
        opened = await open_store_async(self.target, tenant=tenant, clock=clock, read_only=read_only)
        self.opened.append(opened)
        return opened

    async def close_all(self) -> None:
        for opened in self.opened:
            await opened.aclose()


@pytest.fixture(params=["tinydb", "postgres"])
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    """The store contract runs once per backend: TinyDB in a temp folder, PostgreSQL in a fresh database."""
    if request.param == "postgres":
        target = str(request.getfixturevalue("postgres_url"))
    else:
        target = str(tmp_path / "data" / "db.json")
    opened = Backend(request.param, target)
    yield opened
    await opened.close_all()


class FakeClock:
    def __init__(self, start: datetime = NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.nominations.model import Nomination, Nominator, OutboxMessage

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

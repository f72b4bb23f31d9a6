"""The jury's CSV export as a Swedish Excel reads it: decimal commas, local times, Swedish words."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from bot.jury.export import details_text, export_bytes, export_data
from bot.jury.service import JuryService
from bot.nominations.model import Nomination
from store import Store
from tests.jury.conftest import MutableClock, grades


async def test_the_csv_has_decimal_commas_local_times_and_swedish_actions_and_details(
    jury: JuryService, store: Store, clock: MutableClock, nominations: list[Nomination]
) -> None:
    a, b = nominations[:2]
    await jury.score(a.id, "J2", **grades(4, innovation=5, comment="Stark samverkan"))  # type: ignore[arg-type]
    clock.tick()
    await jury.score(a.id, "J2", **grades(4, inspiration=5))  # type: ignore[arg-type]
    await jury.conflict(b.id, "J3", "Min kollega")
    clock.set(date(2023, 9, 20))
    await jury.decide(a.id, "J1")
    data = export_data(
        await jury.state("J1"), await jury.ranking("J1"), await jury.audit("J1"), await store.nominations.list()
    )
    raw = export_bytes(data, "csv").decode("utf-8-sig")
    rows = [dict(zip(rows_header, row, strict=True)) for rows_header, row in _rows(raw)]
    [score] = [r for r in rows if r["post"] == "bedömning"]
    assert score["värde"] == "4,33" and score["tid"] == "2023-09-15 12:00"
    log = [r for r in rows if r["post"] == "logg"]
    assert [r["åtgärd"] for r in log] == ["ny bedömning", "ändrad bedömning", "jäv anmält", "vinnare utsedd"]
    assert log[0]["detaljer"] == (
        "samverkan: ja; mervärde: ja; innovativ: 5; inspirerar: 4; resultat: 4; kommentar: Stark samverkan"
    )
    assert log[2]["detaljer"] == "skäl: Min kollega; tidigare bedömning borttagen: nej"
    assert log[3]["detaljer"] == "nominerad: Insats 1; poäng: 4,33; antal bedömningar: 1"
    assert log[3]["tid"] == "2023-09-20 12:00"
    for row in rows:
        assert "{" not in row["detaljer"] and "." not in row["värde"]
        assert "T" not in row["tid"] and "+" not in row["tid"]
    # JSON stays for scripts: numbers and the actions' keys.
    parsed = json.loads(export_bytes(data, "json"))
    assert parsed["scores"][0]["value"] == 13 / 3 and parsed["audit"][1]["action"] == "rescore"


def test_details_in_english_and_unknown_keys() -> None:
    text = details_text({"score": 4.5, "deputy_for": "J1", "extra": True}, "en")
    assert text == "score: 4.50; in place of the chair: J1; extra: yes"


def _rows(raw: str) -> list[tuple[list[str], list[str]]]:
    table = list(csv.reader(io.StringIO(raw), delimiter=";"))
    return [(table[0], row) for row in table[1:]]

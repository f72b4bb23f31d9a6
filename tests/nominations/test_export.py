"""The jury's file formats, shared by the CLI export and the Slack export button."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from bot.knowledge import default_knowledge
from bot.nominations.export import CSV_COLUMNS, export_bytes
from bot.nominations.model import Nomination, Nominator
from bot.nominations.rules import Rules
from tests.texts import ADDED_VALUE

RULES = Rules(default_knowledge().prize)

MOMENT = datetime(2023, 6, 15, 10, 30, tzinfo=UTC)


def nomination(**content: object) -> Nomination:
    fields: dict[str, object] = {
        "nominee": "Trygga Tensta",
        "partners": ["Polisen", "Fältassistenterna"],
        "description": 'Nattvandring;\n"varje" helg',
        "added_value": ADDED_VALUE,
        **content,
    }
    return Nomination.model_validate(
        {
            **fields,
            "round_year": 2023,
            "status": "submitted",
            "nominator": Nominator(name="Anna", email="anna@example.se", user_id="slack:U1"),
            "created_at": MOMENT,
            "updated_at": MOMENT,
            "submitted_at": MOMENT,
        }
    )


def rows(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the byte order mark
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";")
    header, *body = list(reader)
    assert len(header) == len(CSV_COLUMNS) + 5  # and one column per criterion
    return [dict(zip(header, row, strict=True)) for row in body]


def test_csv_keeps_separators_quotes_and_newlines_inside_cells() -> None:
    [row] = rows(export_bytes([nomination()], "csv", RULES))
    assert row["Beskrivning"] == 'Nattvandring;\n"varje" helg'
    assert row["Samverkanspartner"] == "Polisen, Fältassistenterna"


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_cells_that_excel_would_run_are_plain_text(start: str) -> None:
    [row] = rows(export_bytes([nomination(nominee=f"{start}SUM(A1)")], "csv", RULES))
    assert row["Nominerad insats/organisation"] == f"'{start}SUM(A1)"


def test_json_has_every_field_and_keeps_text_as_written() -> None:
    [dumped] = json.loads(export_bytes([nomination(nominee="=SUM(A1)")], "json", RULES))
    assert dumped["nominee"] == "=SUM(A1)"  # only spreadsheets need the guard
    assert dumped["partners"] == ["Polisen", "Fältassistenterna"]
    assert dumped["submitted_at"].startswith("2023-06-15T10:30")


def test_csv_status_in_swedish_dates_excel_reads_and_the_criteria_checklist() -> None:
    edited = nomination(results="Färre larm").model_copy(update={"updated_at": datetime(2023, 6, 20, 8, 5, tzinfo=UTC)})
    [row] = rows(export_bytes([edited], "csv", RULES))
    assert row["Status"] == "inskickad"
    assert row["Inskickad"] == "2023-06-15 12:30"  # Stockholm summer time, as Excel reads a date
    assert row["Senast ändrad"] == "2023-06-20 10:05"
    assert row["Kriterium: insatsen ska ske i samverkan mellan flera verksamheter/organisationer"] == "ja"
    assert row["Kriterium: insatsen är innovativ och nyskapande"] == "nej"
    assert row["Kriterium: insatsen visar goda resultat"] == "ja"

"""Nominations as files for the jury: CSV for spreadsheets, JSON for scripts.

CSV is UTF-8 with a byte order mark and semicolons, which is what Swedish Excel opens
correctly without an import wizard. Used by ``trygghetsbot nominations export`` and by
the jury's export button in Slack.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Literal

from bot.nominations.model import CONTENT_FIELDS, Nomination
from bot.texts import t

ExportFormat = Literal["csv", "json"]

CSV_COLUMNS = (
    "id",
    "round_year",
    "status",
    "submitted_at",
    *CONTENT_FIELDS,
    "nominator_name",
    "nominator_email",
    "nominator_user",
    "duplicate_of",
)
# Excel runs a cell starting with one of these as a formula; a leading quote makes it text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_row(n: Nomination) -> list[str]:
    values: dict[str, object] = {
        **n.model_dump(include={"id", "round_year", "status", "nominee", "description", "added_value"}),
        **n.model_dump(include={"innovation", "inspiration", "results", "contact", "duplicate_of"}),
        "submitted_at": n.submitted_at.isoformat(timespec="minutes") if n.submitted_at else "",
        "partners": ", ".join(n.partners),
        "nominator_name": n.nominator.name,
        "nominator_email": n.nominator.email,
        "nominator_user": n.nominator.user_id,
    }
    return [_cell(values[column]) for column in CSV_COLUMNS]


def to_csv(nominations: Sequence[Nomination], lang: str = "sv") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([t(lang, f"nom.csv.{column}") for column in CSV_COLUMNS])
    writer.writerows(csv_row(n) for n in nominations)
    return buffer.getvalue()


def export_bytes(nominations: Sequence[Nomination], fmt: ExportFormat, lang: str = "sv") -> bytes:
    """The file's bytes: CSV with a byte order mark, or indented JSON."""
    if fmt == "csv":
        return ("\ufeff" + to_csv(nominations, lang)).encode("utf-8")
    dumped = [n.model_dump(mode="json") for n in nominations]
    return (json.dumps(dumped, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

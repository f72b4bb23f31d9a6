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
from datetime import datetime
from typing import Literal

from bot.clock import STOCKHOLM
from bot.nominations.model import CONTENT_FIELDS, Nomination, NominationContent
from bot.nominations.rules import Rules
from bot.texts import t

ExportFormat = Literal["csv", "json"]

CSV_COLUMNS = (
    "id",
    "round_year",
    "status",
    "submitted_at",
    "updated_at",
    *CONTENT_FIELDS,
    "nominator_name",
    "nominator_email",
    "nominator_user",
    "duplicate_of",
)
# Excel runs a cell starting with one of these as a formula; a leading quote makes it text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads "2023-06-15 12:00" as a date and time; ISO's "T" and offset it leaves as text.
EXCEL_MOMENT = "%Y-%m-%d %H:%M"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def excel_moment(moment: datetime | None) -> str:
    """Local (Stockholm) time as Excel reads it without an import wizard; empty when unset."""
    return moment.astimezone(STOCKHOLM).strftime(EXCEL_MOMENT) if moment else ""


def csv_header(rules: Rules, lang: str = "sv") -> list[str]:
    criteria = [t(lang, "nom.csv.criterion", text=check.text) for check in rules.checklist(NominationContent())]
    return [t(lang, f"nom.csv.{column}") for column in CSV_COLUMNS] + criteria


def csv_row(n: Nomination, rules: Rules, lang: str = "sv") -> list[str]:
    values: dict[str, object] = {
        **n.model_dump(include={"id", "round_year", "nominee", "description", "added_value"}),
        **n.model_dump(include={"innovation", "inspiration", "results", "contact", "duplicate_of"}),
        "status": t(lang, f"nom.status.{n.status}"),
        "submitted_at": excel_moment(n.submitted_at),
        "updated_at": excel_moment(n.updated_at),
        "partners": ", ".join(n.partners),
        "nominator_name": n.nominator.name,
        "nominator_email": n.nominator.email,
        "nominator_user": n.nominator.user_id,
    }
    # The criteria checklist as the dialog and the jury post show it: met (mandatory) or answered (assessed).
    checks = [
        t(lang, "nom.csv.jury" if check.for_jury else "nom.csv.yes" if check.met else "nom.csv.no")
        for check in rules.checklist(n.content())
    ]
    return [_cell(values[column]) for column in CSV_COLUMNS] + checks


def to_csv(nominations: Sequence[Nomination], rules: Rules, lang: str = "sv") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(csv_header(rules, lang))
    writer.writerows(csv_row(n, rules, lang) for n in nominations)
    return buffer.getvalue()


def export_bytes(nominations: Sequence[Nomination], fmt: ExportFormat, rules: Rules, lang: str = "sv") -> bytes:
    """The file's bytes: CSV with a byte order mark, or indented JSON."""
    if fmt == "csv":
        return ("\ufeff" + to_csv(nominations, rules, lang)).encode("utf-8")
    dumped = [n.model_dump(mode="json") for n in nominations]
    return (json.dumps(dumped, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

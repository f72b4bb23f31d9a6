"""The jury's export: scores, conflicts, the decision, the ranking and the audit trail.

Only for jurors (the command checks ``--juror``). The nominators' export
(:mod:`bot.nominations.export`) never contains any of this.

* JSON: ``{"round", "winner", "decision", "ranking", "scores", "conflicts", "audit"}``.
* CSV (UTF-8 with BOM, semicolons, like the nominations export): one row per record,
  the first column says which: a score set (``bedömning``), a conflict (``jäv``), the
  decision (``beslut``) or an audit entry (``logg``). Written for a Swedish Excel: decimal
  commas (``4,33``), local times it reads as dates, and the audit's action and details in
  words ("ändrad bedömning"; "samverkan: ja; innovativ: 4; …"), not the JSON's keys.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.jury.model import ASSESSED_FIELDS, MANDATORY_FIELDS, AuditEntry, JuryState
from bot.jury.service import RankingView
from bot.nominations.export import ExportFormat, excel_moment
from bot.nominations.model import Nomination
from bot.texts import CATALOGS, format_decimal, t

# A score set's criteria, as the prize data names them: the mandatory ones, then the assessed ones.
CRITERIA = (*MANDATORY_FIELDS, *ASSESSED_FIELDS)
# The audit details' keys in the order a reader wants them (any other key follows, by name).
DETAIL_ORDER = (
    "nominee",
    *CRITERIA,
    "comment",
    "reason",
    "score_removed",
    "score",
    "scored_by",
    "deputy_for",
)

CSV_COLUMNS = (
    "record",
    "at",
    "juror",
    "nomination_id",
    "nominee",
    *CRITERIA,
    "value",
    "comment",
    "reason",
    "action",
    "details",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def export_data(
    state: JuryState, ranking: RankingView, audit: Sequence[AuditEntry], nominations: Sequence[Nomination]
) -> dict[str, Any]:
    names = {n.id: n.nominee for n in nominations}
    return {
        "round": state.round_year,
        "winner": ranking.winner,
        "decision": state.decision.model_dump(mode="json") if state.decision else None,
        "ranking": ranking.to_json()["ranking"],
        "scores": [
            {**s.model_dump(mode="json"), "nominee": names.get(s.nomination_id), "value": float(s.value)}
            for s in state.scores
        ],
        "conflicts": [{**c.model_dump(mode="json"), "nominee": names.get(c.nomination_id)} for c in state.conflicts],
        "audit": [{**a.model_dump(mode="json"), "nominee": names.get(a.nomination_id or "")} for a in audit],
    }


def _yes_no(value: bool, lang: str) -> str:
    return t(lang, "jury.yes" if value else "jury.no")


def _value_text(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return _yes_no(value, lang)
    if isinstance(value, float):
        return format_decimal(value, lang)
    return str(value)


def details_text(details: dict[str, Any], lang: str = "sv") -> str:
    """An audit entry's details in words: "samverkan: ja; innovativ: 4; kommentar: …" (unset ones left out)."""
    keys = [key for key in DETAIL_ORDER if key in details] + sorted(details.keys() - set(DETAIL_ORDER))
    parts = []
    for key in keys:
        value = details[key]
        if value is None:
            continue
        label = t(lang, f"jury.detail.{key}") if f"jury.detail.{key}" in CATALOGS["sv"] else key
        parts.append(t(lang, "jury.detail.item", label=label, value=_value_text(value, lang)))
    return "; ".join(parts)


def _moment(value: str | None) -> str:
    """An ISO time from the JSON as Excel reads it (local time, no "T" or offset)."""
    return excel_moment(datetime.fromisoformat(value)) if value else ""


def to_csv(data: dict[str, Any], lang: str = "sv") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([t(lang, f"jury.csv.{column}") for column in CSV_COLUMNS])
    rows: list[dict[str, object]] = []
    for s in data["scores"]:
        rows.append(
            {
                **s,
                "record": t(lang, "jury.record.score"),
                "at": _moment(s["at"]),
                "collaboration": _yes_no(s["collaboration"], lang),
                "added_value": _yes_no(s["added_value"], lang),
                "value": format_decimal(s["value"], lang),
            }
        )
    for c in data["conflicts"]:
        rows.append({**c, "record": t(lang, "jury.record.conflict"), "at": _moment(c["at"])})
    decision = data["decision"]
    if decision:
        nominee = next((r["nominee"] for r in data["ranking"] if r["nomination_id"] == decision["nomination_id"]), None)
        rows.append(
            {
                **decision,
                "record": t(lang, "jury.record.decision"),
                "at": _moment(decision["at"]),
                "juror": decision["chair"],
                "nominee": nominee,
            }
        )
    for a in data["audit"]:
        rows.append(
            {
                **a,
                "record": t(lang, "jury.record.audit"),
                "at": _moment(a["at"]),
                "action": t(lang, f"jury.action.{a['action']}"),
                "details": details_text(a["details"], lang),
            }
        )
    writer.writerows([_cell(row.get(column)) for column in CSV_COLUMNS] for row in rows)
    return buffer.getvalue()


def export_bytes(data: dict[str, Any], fmt: ExportFormat, lang: str = "sv") -> bytes:
    if fmt == "csv":
        return ("\ufeff" + to_csv(data, lang)).encode("utf-8")
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

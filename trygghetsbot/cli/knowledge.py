"""``trygghetsbot knowledge import FILE`` and ``knowledge list``: the documents the bot answers from.

``import`` reads a decision document (text or PDF), prints what it found with the
loader's checks and any disagreement with the documents already known, and saves it
into ``TRYGGHETSBOT_KNOWLEDGE_DIR`` after asking (``--yes`` skips the question,
``--dry-run`` changes nothing). Exit 0 when saved, unchanged or dry-run; 1 when the
admin declines; 2 when the document is refused (nothing is saved).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.knowledge import KnowledgeBase, KnowledgeError
from bot.knowledge.imported import Disagreement, disagreements, is_known, save, with_document
from bot.knowledge.models import Budget, Prize
from bot.knowledge.money import format_sek
from bot.nominations.rounds import local_day, period_state_on
from bot.texts import format_date, t
from trygghetsbot.compose import settings_knowledge

if TYPE_CHECKING:
    from bot.knowledge.importing import ParsedDocument

LANG = "sv"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("knowledge", help="Dokumenten boten svarar från: läs in nästa års beslut.")
    actions = parser.add_subparsers(dest="action", metavar="ÅTGÄRD", required=True)
    importing = actions.add_parser("import", help="Läs in ett beslutsdokument (text eller PDF).")
    importing.add_argument("file", type=Path, metavar="FIL", help="Dokumentet: en .txt med PDF:ens text, eller PDF:en.")
    importing.add_argument("--dry-run", action="store_true", help="Visa vad som hittades men spara inget.")
    importing.add_argument("--yes", action="store_true", help="Spara utan att fråga.")
    importing.add_argument("--json", action="store_true", help="Skriv resultatet som JSON.")
    importing.set_defaults(func=run_import)
    listing = actions.add_parser("list", help="Visa dokumenten boten svarar från.")
    listing.set_defaults(func=run_list)


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    try:
        kb = settings_knowledge(settings)
    except KnowledgeError as error:
        print(t(LANG, "cli.knowledge.broken", error=error), file=sys.stderr)
        return 2
    for document in sorted(kb.documents.values(), key=lambda d: d.dated):
        print(t(LANG, "cli.knowledge.listed", title=document.title, dated=document.dated.isoformat(), id=document.id))
    print(t(LANG, "cli.knowledge.folder", path=settings.knowledge_path))
    return 0


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    # The parsers (and pypdf) load only for an import, not for every command the parser builds.
    from bot.knowledge.importing import ImportRefused, parse_document, read_document_text

    try:
        kb = settings_knowledge(settings)
        parsed = parse_document(read_document_text(args.file), known=kb, file_name=args.file.name)
        after = with_document(kb, parsed.item)
    except ImportRefused as refused:
        print(refused.text(LANG), file=sys.stderr)
        return 2
    except KnowledgeError as error:
        print(t(LANG, "cli.knowledge.inconsistent", error=error), file=sys.stderr)
        return 2
    directory = settings.knowledge_path
    unchanged = is_known(kb, directory, parsed.item)
    differences = disagreements(kb, parsed.item)
    if args.json:
        print(json.dumps(_as_json(parsed, after, differences, unchanged), ensure_ascii=False, indent=1))
    else:
        print("\n".join(summary(parsed, after, differences)))
    if parsed.item.prize is not None:
        key, values = _round_in_use(after, settings)
        _say(args, key, **values)
    if unchanged:
        _say(args, "cli.knowledge.unchanged", title=parsed.item.document.title)
        return 0
    if args.dry_run:
        _say(args, "cli.knowledge.dry_run")
        return 0
    if not args.yes and not _confirm():
        _say(args, "cli.knowledge.declined")
        return 1
    path = save(directory, parsed.item)
    _say(args, "cli.knowledge.saved", title=parsed.item.document.title, path=path)
    return 0


def _round_in_use(after: KnowledgeBase, settings: Settings) -> tuple[str, dict[str, object]]:
    """Which nomination round the bot uses with this direction: the one ``TRYGGHETSBOT_ROUND`` names,
    else the one whose period holds today (see :meth:`Prize.round_on`)."""
    today = local_day(settings.clock()())
    if settings.round_year is not None:
        if after.prize.round_for(settings.round_year) is None:
            known = ", ".join(str(r.year) for r in after.prize.rounds)
            return "cli.knowledge.round_setting_unknown", {"year": settings.round_year, "known": known}
        return "cli.knowledge.round_setting", {"year": settings.round_year}
    round_ = after.prize.round_on(today)
    return "cli.knowledge.round_in_use", {
        "today": format_date(today, LANG),
        "year": round_.year,
        "opens": format_date(round_.nomination_opens, LANG),
        "closes": format_date(round_.nomination_closes, LANG),
        "state": t(LANG, f"cli.knowledge.period_{period_state_on(round_, today)}"),
    }


def _say(args: argparse.Namespace, key: str, **values: object) -> None:
    print(t(LANG, key, **values), file=sys.stderr if args.json else sys.stdout)


def _confirm() -> bool:
    try:
        answer = input(t(LANG, "cli.knowledge.confirm"))
    except EOFError:
        return False
    return answer.strip().casefold() in {"j", "ja", "y", "yes"}


def summary(parsed: ParsedDocument, after: KnowledgeBase, differences: list[Disagreement]) -> list[str]:
    """What the document holds, in Swedish, with the checks the loader ran."""
    document = parsed.item.document
    kind = t(LANG, f"cli.knowledge.kind.{parsed.kind}")
    out = [t(LANG, "cli.knowledge.found", kind=kind, title=document.title, dated=document.dated.isoformat())]
    if parsed.item.budget is not None:
        out += _budget_summary(parsed.item.budget, after)
    if parsed.item.prize is not None:
        out += _prize_summary(parsed.item.prize)
    out += [t(LANG, "cli.knowledge.warning", text=warning) for warning in parsed.warnings]
    for item in differences:
        out.append(
            t(
                LANG,
                "cli.knowledge.disagrees",
                what=item.what,
                known=_value(item.known),
                new=_value(item.new),
                document=item.known_document,
            )
        )
    return out


def _value(value: str | int) -> str:
    return format_sek(value) if isinstance(value, int) else value


def _budget_summary(budget: Budget, after: KnowledgeBase) -> list[str]:
    header = [t(LANG, "cli.knowledge.line"), *(c.label for c in budget.columns)]
    rows = [[line.name, *(_cell(line.amount(c.key)) for c in budget.columns)] for line in budget.lines]
    rows.append(["SUMMA", *(_cell(budget.totals.get(c.key)) for c in budget.columns)])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    table = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [header, *rows]
    ]
    out = ["", *table, ""]
    own = {c.key for c in budget.columns}
    for discrepancy in after.discrepancies:
        if discrepancy.column in own and discrepancy.source.document == budget.table_source.document:
            out.append(
                t(
                    LANG,
                    "cli.knowledge.sum_differs",
                    column=budget.column(discrepancy.column).label,
                    stated=format_sek(discrepancy.stated_sek),
                    computed=format_sek(discrepancy.computed_sek),
                )
            )
    if not any(d.source.document == budget.table_source.document for d in after.discrepancies):
        out.append(t(LANG, "cli.knowledge.sums_ok"))
    grant = budget.state_grant
    out.append(
        t(LANG, "cli.knowledge.grant", per=grant.per_inhabitant_sek, total=format_sek(grant.total_sek), year=grant.year)
    )
    out.append(t(LANG, "cli.knowledge.history", count=len(budget.history)))
    return out


def _cell(amount: int | None) -> str:
    return "–" if amount is None else format_sek(amount)


def _prize_summary(prize: Prize) -> list[str]:
    round_ = prize.latest_round
    out = [
        t(
            LANG,
            "cli.knowledge.round",
            year=round_.year,
            theme=round_.theme or "–",
            amount=format_sek(prize.amount_sek),
        ),
        t(
            LANG,
            "cli.knowledge.period",
            opens=round_.nomination_opens.isoformat(),
            closes=round_.nomination_closes.isoformat(),
            conference=round_.conference_date.isoformat() if round_.conference_date else "–",
        ),
    ]
    for criterion in (*prize.mandatory_criteria, *prize.assessment_criteria):
        out.append(t(LANG, "cli.knowledge.criterion", text=criterion.text))
    out.append(t(LANG, "cli.knowledge.jury", chair=prize.jury.chair, years=prize.jury.term_years))
    for winner in prize.winners:
        out.append(t(LANG, "cli.knowledge.winner", year=winner.year, winner=winner.winner, theme=winner.theme))
    return out


def _as_json(
    parsed: ParsedDocument, after: KnowledgeBase, differences: list[Disagreement], unchanged: bool
) -> dict[str, Any]:
    data: dict[str, Any] = parsed.item.model_dump(mode="json", exclude={"sections"})
    return {
        "kind": parsed.kind,
        "unchanged": unchanged,
        "warnings": parsed.warnings,
        "discrepancies": [
            d.model_dump(mode="json") for d in after.discrepancies if d.source.document == parsed.item.document.id
        ],
        "disagreements": [vars(d) for d in differences],
        **data,
    }

"""``trygghetsbot nominations list|export``: the nominations for the jury and administrators.

The file formats are in :mod:`bot.nominations.export`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.nominations.export import export_bytes
from bot.nominations.model import Nomination, NominationStatus
from bot.nominations.rules import Rules
from bot.texts import os_reason, t, t_count
from store import DEFAULT_TENANT, StoreError, tenant_path
from trygghetsbot.cli.output import write_export
from trygghetsbot.cli.tenant import tenant_argument
from trygghetsbot.compose import open_settings_store, settings_knowledge

STATUSES: tuple[NominationStatus, ...] = tuple(NominationStatus)
# --status takes the words the list prints, in Swedish or English ("inskickad", "submitted").
STATUS_WORDS: dict[str, NominationStatus] = {
    word.casefold(): status
    for status in STATUSES
    for word in (status, t("sv", f"nom.status.{status}"), t("en", f"nom.status.{status}"))
}


def status_word(text: str) -> NominationStatus:
    """``--status``'s value as a status; argparse reports an unknown word with the choices."""
    found = STATUS_WORDS.get(text.strip().casefold())
    if found is None:
        # argparse's own wording, which the Swedish parser translates (trygghetsbot/cli/parser.py).
        raise argparse.ArgumentTypeError(f"invalid choice: {text!r} (choose from {', '.join(STATUS_WORDS)})")
    return found


_CHOICES = ", ".join(t("sv", f"nom.status.{status}") for status in STATUSES)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("nominations", help="Lista eller exportera nomineringar.")
    actions = parser.add_subparsers(dest="action", metavar="ÅTGÄRD", required=True)

    listing = actions.add_parser("list", help="Lista nomineringar.")
    listing.add_argument("--json", action="store_true", help="Skriv som JSON.")
    _selection(listing, f"Bara denna status (kan upprepas): {_CHOICES}.")
    listing.set_defaults(func=run_list)

    export = actions.add_parser("export", help="Exportera inskickade nomineringar för juryn.")
    export.add_argument("--format", choices=("csv", "json"), required=True)
    export.add_argument("--out", type=Path, help="Fil att skriva till (standard: skärmen).")
    _selection(export, f"Status att ta med: {_CHOICES} (standard: inskickad).")
    export.set_defaults(func=run_export)


def _selection(parser: argparse.ArgumentParser, status_help: str) -> None:
    """Which nominations a command reads: ``--round``, ``--status`` (repeatable) and ``--tenant``."""
    parser.add_argument("--round", type=int, help="Bara nomineringar för detta år.")
    parser.add_argument("--status", type=status_word, action="append", metavar="STATUS", help=status_help)
    tenant_argument(parser)


async def load(
    settings: Settings, round_year: int | None, statuses: list[str] | None, tenant: str = DEFAULT_TENANT
) -> list[Nomination]:
    if not settings.database_url and not tenant_path(settings.db_path, tenant).exists():
        return []
    store = await open_settings_store(settings, read_only=True, tenant=tenant)
    try:
        return await store.nominations.list(round_year=round_year, statuses=statuses)
    finally:
        await store.aclose()


def _load_or_fail(
    settings: Settings, round_year: int | None, statuses: list[str] | None, tenant: str = DEFAULT_TENANT
) -> list[Nomination] | None:
    try:
        return asyncio.run(load(settings, round_year, statuses, tenant))
    except StoreError as error:
        print(t("sv", "nom.cli.store_error", error=error), file=sys.stderr)
        return None


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    found = _load_or_fail(settings, args.round, args.status, args.tenant)
    if found is None:
        return 2
    if args.json:
        print(json.dumps([n.model_dump(mode="json") for n in found], ensure_ascii=False, indent=2))
        return 0
    print(t_count("sv", "nom.cli.list_header", len(found)))
    for n in found:
        status = t("sv", f"nom.status.{n.status}")
        if n.duplicate_of:
            status += f" ({t('sv', 'nom.status.duplicate')})"
        print(
            t(
                "sv",
                "nom.cli.list_item",
                id=n.id,
                year=n.round_year,
                status=status,
                nominee=n.nominee,
                nominator=n.nominator.name,
            )
        )
    return 0


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    found = _load_or_fail(settings, args.round, args.status or ["submitted"], args.tenant)
    if found is None:
        return 2
    error = write_export(export_bytes(found, args.format, Rules(settings_knowledge(settings).prize)), args.out)
    if error is not None:
        print(t("sv", "nom.cli.write_error", path=args.out, error=os_reason(error)), file=sys.stderr)
        return 2
    if args.out is None:
        return 0
    print(t_count("sv", "nom.cli.exported", len(found), path=args.out), file=sys.stderr)
    return 0

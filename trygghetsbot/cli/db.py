"""``trygghetsbot db upgrade|status``: the PostgreSQL schema (``TRYGGHETSBOT_DATABASE_URL``).

``upgrade`` applies the versioned SQL migrations the database lacks
(:mod:`store.postgres.migrations`), each in a transaction, safe to run twice and
from two machines at once; ``status`` prints the schema version. Exit 0 on
success, 2 when the database cannot be used. Without a database URL the TinyDB
file is in use and there is nothing to upgrade.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.texts import t
from store import StoreError, open_store, open_store_async


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("db", help="PostgreSQL-databasens schema (TRYGGHETSBOT_DATABASE_URL).")
    actions = parser.add_subparsers(dest="action", metavar="ÅTGÄRD", required=True)
    upgrade = actions.add_parser("upgrade", help="Uppgradera schemat till den här versionens.")
    upgrade.set_defaults(func=run_upgrade)
    status = actions.add_parser("status", help="Visa schemats version.")
    status.set_defaults(func=run_status)
    move = actions.add_parser(
        "migrate-from-tinydb", help="Kopiera en TinyDB-databas till PostgreSQL (kan köras igen utan dubbletter)."
    )
    move.add_argument("path", type=Path, metavar="SÖKVÄG", help="TinyDB-filen, till exempel data/trygghetsbot.json.")
    move.set_defaults(func=run_migrate)


async def upgrade(url: str) -> list[str]:
    from store.postgres.db import connect, describe
    from store.postgres.migrations import SCHEMA_VERSION
    from store.postgres.migrations import upgrade as apply

    conn = await connect(url)
    try:
        applied = await apply(conn)
    finally:
        await conn.close()
    lines = [t("sv", "cli.db.applied", version=m.version, name=m.name) for m in applied]
    done = "cli.db.upgraded" if applied else "cli.db.up_to_date"
    lines.append(t("sv", done, location=describe(url), version=SCHEMA_VERSION))
    return lines


async def status(url: str) -> tuple[str, bool]:
    from store.postgres.db import connect, describe
    from store.postgres.migrations import SCHEMA_VERSION, current_version

    conn = await connect(url)
    try:
        found = await current_version(conn)
    finally:
        await conn.close()
    line = t("sv", "cli.db.status", location=describe(url), found=found, wanted=SCHEMA_VERSION)
    return line, found == SCHEMA_VERSION


def _run(settings: Settings, action: str) -> int:
    if not settings.database_url:
        print(t("sv", "cli.db.no_url", path=settings.db_path))
        return 0
    import psycopg

    try:
        if action == "upgrade":
            for line in asyncio.run(upgrade(settings.database_url)):
                print(line)
            return 0
        line, current = asyncio.run(status(settings.database_url))
        print(line)
        return 0 if current else 1
    except (StoreError, psycopg.Error) as error:
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        print(t("sv", "nom.cli.store_error", error=message), file=sys.stderr)
        return 2


async def migrate(path: Path, url: str) -> list[str]:
    from store.migrate import copy_tinydb

    source = open_store(path, read_only=True)
    try:
        target = await open_store_async(url)
        try:
            report = await copy_tinydb(source, target)
        finally:
            await target.aclose()
    finally:
        source.close()
    return [
        t("sv", "cli.db.migrated_nominations", copied=report.nominations_copied, present=report.nominations_present),
        *(
            t("sv", "cli.db.migrated_held_elsewhere", nominee=n.nominee, id=n.id, other=other)
            for n, other in report.held_elsewhere
        ),
        t("sv", "cli.db.migrated_messages", copied=report.messages_copied, present=report.messages_present),
        t(
            "sv",
            "cli.db.migrated_conversations",
            copied=report.conversations_copied,
            kept=report.conversations_kept,
        ),
        t("sv", "cli.db.migrated_jury", copied=report.jury_records_copied),
        t("sv", "cli.db.migrated_installations", copied=report.installations_copied),
    ]


def run_migrate(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.database_url:
        print(t("sv", "cli.db.migrate_needs_url"), file=sys.stderr)
        return 2
    if not args.path.is_file():
        print(t("sv", "cli.db.migrate_no_file", path=args.path), file=sys.stderr)
        return 2
    try:
        for line in asyncio.run(migrate(args.path, settings.database_url)):
            print(line)
    except StoreError as error:
        print(t("sv", "nom.cli.store_error", error=error), file=sys.stderr)
        return 2
    return 0


def run_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    return _run(settings, "upgrade")


def run_status(args: argparse.Namespace, settings: Settings) -> int:
    return _run(settings, "status")

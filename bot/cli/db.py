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
from typing import Any

from bot.config import Settings
from bot.texts import t
from store import StoreError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("db", help="PostgreSQL-databasens schema (TRYGGHETSBOT_DATABASE_URL).")
    actions = parser.add_subparsers(dest="action", metavar="ÅTGÄRD", required=True)
    upgrade = actions.add_parser("upgrade", help="Uppgradera schemat till den här versionens.")
    upgrade.set_defaults(func=run_upgrade)
    status = actions.add_parser("status", help="Visa schemats version.")
    status.set_defaults(func=run_status)


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


def run_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    return _run(settings, "upgrade")


def run_status(args: argparse.Namespace, settings: Settings) -> int:
    return _run(settings, "status")

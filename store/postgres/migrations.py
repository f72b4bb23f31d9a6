"""Versioned schema migrations: ``migrations/NNNN_name.sql``, applied in order by ``db upgrade``.

The ``schema_version`` table holds one row per applied migration; the schema's
version is the highest. :func:`upgrade` applies the missing ones, each in its own
transaction, under an advisory lock so two ``db upgrade`` runs cannot interleave.
Opening a store (:func:`check_version`) refuses a schema that is older or newer
than :data:`SCHEMA_VERSION` with one Swedish line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from store.errors import SchemaVersionError
from store.postgres.db import Conn

_NAME = re.compile(r"(\d{4})_([a-z0-9_]+)\.sql")
# Any constant; it names the lock that serialises concurrent upgrades.
ADVISORY_LOCK = 0x7472_7967  # "tryg"


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    found = []
    for entry in resources.files("store.postgres").joinpath("migrations").iterdir():
        match = _NAME.fullmatch(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("migrations must be numbered 0001, 0002, … without gaps")
    return found


SCHEMA_VERSION = len(migrations())

_CREATE_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version    integer     PRIMARY KEY,
    name       text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)
"""


async def current_version(conn: Conn) -> int:
    """The schema's version; 0 for a database without Trygghetsbot's tables."""
    cur = await conn.execute("SELECT to_regclass('schema_version') IS NOT NULL AS present")
    row = await cur.fetchone()
    if not row or not row["present"]:
        return 0
    cur = await conn.execute("SELECT coalesce(max(version), 0) AS version FROM schema_version")
    row = await cur.fetchone()
    return int(row["version"]) if row else 0


def schema_error(found: int, wanted: int = SCHEMA_VERSION) -> SchemaVersionError:
    """An old schema needs ``db upgrade``; a newer one needs a newer Trygghetsbot."""
    key = "store.pg_schema_old" if found < wanted else "store.pg_schema_new"
    return SchemaVersionError(key, found=found, wanted=wanted)


async def check_version(conn: Conn) -> None:
    found = await current_version(conn)
    if found != SCHEMA_VERSION:
        raise schema_error(found)


async def upgrade(conn: Conn) -> list[Migration]:
    """Apply the migrations the database lacks; returns those applied (none when up to date)."""
    applied: list[Migration] = []
    async with conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK,))
        await conn.execute(_CREATE_VERSION_TABLE)
        found = await current_version(conn)
        if found > SCHEMA_VERSION:
            raise schema_error(found)
        for migration in migrations():
            if migration.version <= found:
                continue
            async with conn.transaction():
                await conn.execute(migration.sql.encode())  # bytes: run as a script, no parameters
                await conn.execute(
                    "INSERT INTO schema_version (version, name) VALUES (%s, %s)", (migration.version, migration.name)
                )
            applied.append(migration)
    return applied

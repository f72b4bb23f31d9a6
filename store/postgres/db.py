"""The connection pool of one PostgreSQL store handle, bound to one tenant.

Connections run in autocommit; a write that spans statements (a nomination and its
outbox message) opens an explicit transaction. The session time zone is
Europe/Stockholm, so timestamps come back as the rest of the app writes them.
Every driver error becomes a :class:`~store.errors.StoreError` with one line.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import DictRow, dict_row
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from bot.texts import t
from store.errors import StoreError

Conn = psycopg.AsyncConnection[DictRow]
TIME_ZONE = "Europe/Stockholm"


def describe(url: str) -> str:
    """``postgresql://user@host:port/dbname`` without the password, for messages."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.Error:
        return "postgresql://?"
    user = f"{info['user']}@" if info.get("user") else ""
    port = f":{info['port']}" if info.get("port") else ""
    return f"postgresql://{user}{info.get('host', '')}{port}/{info.get('dbname', '')}"


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


# The driver's (libpq's) English for the failures an operator meets first, as text keys. The
# SQLSTATE decides where the server sent one; a connection that failed before the server spoke
# has none, so the message is matched too.
_MISSING_DATABASE = re.compile(r'database "(?P<name>[^"]*)" does not exist')
_REASONS: list[tuple[frozenset[str], re.Pattern[str], str]] = [
    (
        frozenset({"28P01", "28000"}),
        re.compile(r"authentication failed|role \S+ does not exist|no password supplied"),
        "pg.auth",
    ),
    (frozenset({"3D000"}), _MISSING_DATABASE, "pg.no_database"),
    (frozenset(), re.compile(r"Connection refused"), "pg.refused"),
    (frozenset({"57014"}), re.compile(r"timeout expired|timed out"), "pg.timeout"),
    (
        frozenset(),
        re.compile(r"could not translate host name|Name or service not known|failed to resolve host"),
        "pg.unknown_host",
    ),
]


def pg_reason(error: BaseException, lang: str = "sv") -> str:
    """Why the driver failed, in the user's language: one line, never the password."""
    if isinstance(error, PoolTimeout):
        return t(lang, "pg.timeout")
    state = getattr(error, "sqlstate", None)
    text = str(error)
    for states, pattern, key in _REASONS:
        if state in states or pattern.search(text):
            missing = _MISSING_DATABASE.search(text)
            return t(lang, key, name=missing.group("name") if missing else "?")
    return t(lang, "pg.other", detail=first_line(error))


def connect_kwargs(*, read_only: bool = False) -> dict[str, Any]:
    options = f"-c TimeZone={TIME_ZONE}"
    if read_only:
        options += " -c default_transaction_read_only=on"
    return {"autocommit": True, "row_factory": dict_row, "options": options}


async def connect(url: str, *, read_only: bool = False, timeout: float = 10) -> Conn:
    """One connection (for checks and migrations); raises :class:`StoreError` when it cannot connect."""
    try:
        conn: Conn = await psycopg.AsyncConnection.connect(
            url, connect_timeout=max(2, int(timeout)), **connect_kwargs(read_only=read_only)
        )
    except psycopg.Error as error:
        raise StoreError("store.pg_unreachable", url=describe(url), reason=pg_reason(error)) from None
    return conn


class Database:
    """The pool plus the tenant every query of this handle filters by."""

    def __init__(
        self,
        url: str,
        tenant: str,
        *,
        read_only: bool = False,
        max_size: int = 10,
        pool: AsyncConnectionPool[Conn] | None = None,
    ) -> None:
        self.url = url
        self.tenant = tenant
        # A handle made by for_tenant borrows its maker's pool: the maker opens and closes it.
        self.owns_pool = pool is None
        self.pool: AsyncConnectionPool[Conn] = pool or AsyncConnectionPool(
            url,
            min_size=1,
            max_size=max_size,
            kwargs=connect_kwargs(read_only=read_only),
            open=False,
            name=f"trygghetsbot-{tenant}",
        )

    def for_tenant(self, tenant: str) -> Database:
        """The same pool, filtering by another tenant (many workspaces in one process share connections)."""
        return Database(self.url, tenant, pool=self.pool)

    async def open(self, timeout: float = 10) -> None:
        try:
            await self.pool.open(wait=True, timeout=timeout)
        except (PoolTimeout, psycopg.Error) as error:
            await self.pool.close()
            raise StoreError("store.pg_unreachable", url=describe(self.url), reason=pg_reason(error)) from None

    async def close(self) -> None:
        if self.owns_pool:
            await self.pool.close()

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[Conn]:
        """A pooled connection; driver errors become :class:`StoreError`."""
        try:
            async with self.pool.connection() as conn:
                yield conn
        except (PoolTimeout, psycopg.Error) as error:
            raise StoreError("store.pg_error", url=describe(self.url), reason=pg_reason(error)) from error

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Conn]:
        async with self.connection() as conn, conn.transaction():
            yield conn

"""The connection pool of one PostgreSQL store handle, bound to one tenant.

Connections run in autocommit; a write that spans statements (a nomination and its
outbox message) opens an explicit transaction. The session time zone is
Europe/Stockholm, so timestamps come back as the rest of the app writes them.
Every driver error becomes a :class:`~store.errors.StoreError` with one line.

An outage (a restart, a fail-over) must not make every request wait: waiting for a pooled
connection is bounded (:data:`POOL_TIMEOUT`), and a :class:`Circuit` shared by every handle on
the pool opens at the first lost or refused connection. While it is open every call fails at
once with :class:`~store.errors.StoreUnavailableError`, and one call every
:data:`RETRY_SECONDS` is let through as a probe (with a shorter wait); the first that gets a
working connection closes the circuit. The pool gives up reconnecting a lost connection after
:data:`RECONNECT_TIMEOUT` (psycopg_pool's backoff would otherwise grow to minutes and delay the
recovery); the next call that needs one connects afresh.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import DictRow, dict_row
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from bot.texts import t
from store.errors import StoreError, StoreUnavailableError

Conn = psycopg.AsyncConnection[DictRow]
TIME_ZONE = "Europe/Stockholm"
log = logging.getLogger(__name__)

# Seconds a call waits for a pooled connection (psycopg_pool's default is 30): with a probe's
# wait after it, still inside Slack's 3 s. A wait that runs out while other calls hold working
# connections is load, not an outage, and does not open the circuit.
POOL_TIMEOUT = 1.0
# A probe of an open circuit waits this long: a database that is back connects in milliseconds.
PROBE_TIMEOUT = 0.5
# How often an open circuit lets a call through to see whether the database is back.
RETRY_SECONDS = 2.0
# The pool stops retrying a lost connection after this long (it retries with a doubling backoff).
RECONNECT_TIMEOUT = 4.0
# libpq's connect_timeout (whole seconds, at least 2): a server that does not answer at all.
CONNECT_TIMEOUT = 2


class Circuit:
    """Whether the database answers, shared by every handle on one pool.

    Closed: calls go through. A lost or refused connection opens it: calls fail at once,
    except one probe every ``retry_seconds``; a probe that gets a working connection closes it.
    """

    def __init__(self, retry_seconds: float = RETRY_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.retry_seconds = retry_seconds
        self.clock = clock
        self.reason: str | None = None
        self.retry_at = 0.0
        # Connections handed out and not yet given back, across the handles on the pool.
        self.in_use = 0

    @property
    def is_open(self) -> bool:
        return self.reason is not None

    def admit(self) -> bool:
        """Whether a call may go through now: always while closed; while open, one probe per interval."""
        if self.reason is None:
            return True
        now = self.clock()
        if now < self.retry_at:
            return False
        self.retry_at = now + self.retry_seconds  # the rest keep failing fast while the probe runs
        return True

    def trip(self, reason: str) -> bool:
        """Open (again); True if it was closed."""
        opened = self.reason is None
        if opened:
            log.warning(
                "PostgreSQL cannot be reached (%s): failing fast, retrying every %.0f s", reason, self.retry_seconds
            )
        self.reason = reason
        self.retry_at = self.clock() + self.retry_seconds
        return opened

    def close(self) -> None:
        if self.reason is not None:
            log.warning("PostgreSQL answers again")
        self.reason = None


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
    return {"autocommit": True, "row_factory": dict_row, "options": options, "connect_timeout": CONNECT_TIMEOUT}


async def connect(url: str, *, read_only: bool = False, timeout: float = 10) -> Conn:
    """One connection (for checks and migrations); raises :class:`StoreError` when it cannot connect."""
    try:
        conn: Conn = await psycopg.AsyncConnection.connect(
            url, **(connect_kwargs(read_only=read_only) | {"connect_timeout": max(2, int(timeout))})
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
        circuit: Circuit | None = None,
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
            timeout=POOL_TIMEOUT,
            reconnect_timeout=RECONNECT_TIMEOUT,
        )
        self.circuit = circuit or Circuit()
        self._checks: set[asyncio.Task[None]] = set()

    def for_tenant(self, tenant: str) -> Database:
        """The same pool and circuit, filtering by another tenant (many workspaces in one process share connections)."""
        return Database(self.url, tenant, pool=self.pool, circuit=self.circuit)

    async def open(self, timeout: float = 10) -> None:
        try:
            await self.pool.open(wait=True, timeout=timeout)
        except (PoolTimeout, psycopg.Error) as error:
            await self.pool.close()
            raise StoreError("store.pg_unreachable", url=describe(self.url), reason=pg_reason(error)) from None

    async def close(self) -> None:
        for task in list(self._checks):
            task.cancel()
        if self.owns_pool:
            await self.pool.close()

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[Conn]:
        """A pooled connection; driver errors become :class:`StoreError`, and a lost or refused
        connection (or an open circuit) :class:`StoreUnavailableError`."""
        probe = self.circuit.is_open
        if not self.circuit.admit():
            raise StoreUnavailableError("store.pg_unavailable", url=describe(self.url), reason=self.circuit.reason)
        lost = True  # until a connection is handed out: failing to get one is losing it
        try:
            async with self.pool.connection(timeout=PROBE_TIMEOUT if probe else None) as conn:
                lost = False
                self.circuit.in_use += 1
                try:
                    yield conn
                except psycopg.Error:
                    # Seen here: once the pool has discarded a broken connection it reads as closed.
                    lost = conn.broken
                    raise
                finally:
                    self.circuit.in_use -= 1
        except (PoolTimeout, psycopg.Error) as error:
            reason = pg_reason(error)
            if isinstance(error, PoolTimeout) and self.circuit.in_use > 0 and not probe:
                lost = False  # every connection is busy: the database answers, slowly
            if lost:
                self._trip(reason)
                raise StoreUnavailableError("store.pg_unavailable", url=describe(self.url), reason=reason) from error
            raise StoreError("store.pg_error", url=describe(self.url), reason=reason) from error
        if probe:
            self.circuit.close()

    def _trip(self, reason: str) -> None:
        if self.circuit.trip(reason) and not self.pool.closed:
            # Idle connections to a server that went away are broken too: find them now, so that
            # none is handed out after the server is back.
            task = asyncio.get_running_loop().create_task(self._check_pool())
            self._checks.add(task)
            task.add_done_callback(self._checks.discard)

    async def _check_pool(self) -> None:
        try:
            await self.pool.check()
        except Exception as error:  # a best-effort clean-up; the next probe tells
            log.info("checking the pool's connections failed: %s", first_line(error))

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Conn]:
        async with self.connection() as conn, conn.transaction():
            yield conn

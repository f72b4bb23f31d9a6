"""Fixtures shared by every test package: the PostgreSQL server.

``postgres_server`` (session) is the throwaway server of :mod:`tests.postgres_server`
(or ``TRYGGHETSBOT_TEST_DATABASE_URL``); ``postgres_url`` is a fresh, migrated
database per test, dropped afterwards. When no server can be had the PostgreSQL
tests are skipped with the reason, except in CI (``CI=true``), where they fail:
they must never silently skip there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.postgres_server import PostgresServer, ServerUnavailable, start_server


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def started_server(*, own: bool = False) -> PostgresServer:
    """A throwaway PostgreSQL server, or a skip with the reason (a failure in CI, where they must run)."""
    try:
        return start_server(own=own)
    except ServerUnavailable as error:
        if in_ci():
            pytest.fail(f"PostgreSQL tests cannot run in CI: {error}", pytrace=False)
        pytest.skip(f"no PostgreSQL server: {error}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = started_server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    """A server of the test's own, which it may stop and start under the bot (an outage)."""
    server = started_server(own=True)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


@pytest.fixture
def empty_postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A database without Trygghetsbot's schema (version 0)."""
    url = postgres_server.create_database(migrated=False)
    yield url
    postgres_server.drop_database(url)

"""The ports every bounded context shares: the store's outage, and dedupe of platform deliveries.

``store`` implements them, the core never imports it. Each context's own ports live in its
``ports.py`` (:mod:`bot.nominations.ports`, :mod:`bot.jury.ports`, :mod:`bot.outbox.ports`).
"""

from __future__ import annotations

from typing import Protocol


class StoreUnavailable(Exception):
    """The store cannot be reached right now (a database restart or fail-over); nothing was written.

    A backend raises a subclass for a lost or refused connection, not for a failed statement, so
    the core can answer what needs no store and ask the user to try again in a minute."""


class DedupeRepository(Protocol):
    async def first_time(self, key: str, ttl_seconds: float) -> bool:
        """True exactly once per ``key`` within ``ttl_seconds``, across every process on the store.

        Used for platform deliveries that may be retried (Slack ``event_id``); after the
        time-to-live the key may be used again.
        """
        ...

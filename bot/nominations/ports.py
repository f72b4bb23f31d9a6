"""The nominations context's ports (nominations, dialogs); ``store`` implements them, the core never
imports it. The outbox's ports are in :mod:`bot.outbox.ports`, those every context shares in
:mod:`bot.ports`."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from bot.nominations.model import Nomination
from bot.nominations.state import ConversationState
from bot.outbox.model import Events

# Which statuses a listing keeps (every status when ``None``).
Statuses = Collection[str] | None


@dataclass(frozen=True)
class RepeatWindow:
    """A submission repeated within ``seconds`` of real time (a double click, a client's retry)
    is the same submission: it gets the first nomination, and nothing is written.

    The repeat is recognised by the nomination's ``content_fingerprint`` (its content and its
    nominator). ``now`` is the real time, not the app's (which demos and tests may pin)."""

    now: datetime
    seconds: float

    @property
    def until(self) -> datetime:
        return self.now + timedelta(seconds=self.seconds)


class NominationRepository(Protocol):
    async def get(self, nomination_id: str) -> Nomination | None: ...

    async def list(
        self, *, round_year: int | None = None, nominator_key: str | None = None, statuses: Statuses = None
    ) -> list[Nomination]:
        """Oldest first."""
        ...

    async def submit(
        self, nomination: Nomination, event: Events, *, repeat: RepeatWindow | None = None
    ) -> tuple[Nomination, bool]:
        """Store a submitted nomination and its outbox message(s) (one per platform) in one atomic write.

        Idempotent on ``nomination.idempotency_key``: if a nomination with that key
        exists it is returned with ``False`` and nothing is written. With ``repeat``, likewise
        when a nomination with the same ``content_fingerprint`` was submitted within the window,
        decided atomically with the write (across processes where the backend has several).
        """
        ...

    async def save(self, nomination: Nomination, event: Events | None = None) -> Nomination:
        """Insert or replace by id, together with ``event`` (one or more messages) in one atomic write."""
        ...


class DialogRepository(Protocol):
    async def load(self, key: str) -> ConversationState | None: ...

    async def save(self, state: ConversationState, *, durable: bool = True) -> None:
        """``durable=False``: only a question's follow-up context changed, whose loss in a crash is
        harmless; a backend may then save it a moment later instead of waiting for the disk."""
        ...

    async def delete(self, key: str) -> None: ...

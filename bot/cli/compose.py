"""Composition for the nomination commands: settings -> store, round, service.

The core never opens the store itself; this is the one place that knows the
store package, the database path (``TRYGGHETSBOT_DB``), the clock
(``TRYGGHETSBOT_NOW``) and the round (``TRYGGHETSBOT_ROUND`` or the latest in
the knowledge data).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from bot.answering import Answerer
from bot.assistant import Assistant
from bot.config import Settings
from bot.knowledge import default_knowledge
from bot.knowledge.models import Round
from bot.nominations.dialog import NominationDialog
from bot.nominations.rounds import current_round
from bot.nominations.service import NominationService
from store import Store, open_store


def settings_round(settings: Settings) -> Round:
    """Raises :class:`bot.nominations.rounds.UnknownRoundError` for an unknown year."""
    return current_round(default_knowledge().prize, settings.round_year)


def open_settings_store(settings: Settings, *, read_only: bool = False) -> Store:
    """The database; a writer waits up to ``TRYGGHETSBOT_LOCK_WAIT`` seconds for another writer."""
    return open_store(settings.db_path, read_only=read_only, lock_wait=settings.lock_wait)


def build_service(store: Store, settings: Settings) -> NominationService:
    return NominationService(store.nominations, default_knowledge().prize, settings_round(settings), settings.clock())


def build_assistant(
    store: Store, settings: Settings, answer_contexts: MutableMapping[str, dict[str, Any]] | None = None
) -> Assistant:
    """The conversation router over ``store``: what every chat surface talks to."""
    service = build_service(store, settings)
    return Assistant(
        answerer=Answerer(default_knowledge(), settings.clock()),
        dialog=NominationDialog(service),
        conversations=store.dialogs,
        clock=settings.clock(),
        answer_contexts=answer_contexts,
    )

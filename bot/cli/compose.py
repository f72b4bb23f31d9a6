"""Composition for the nomination commands: settings -> store, round, service.

The core never opens the store itself; this is the one place that knows the
store package, the database path (``TRYGGHETSBOT_DB``), the clock
(``TRYGGHETSBOT_NOW``) and the round (``TRYGGHETSBOT_ROUND`` or the latest in
the knowledge data).
"""

from __future__ import annotations

from bot.config import Settings
from bot.knowledge import default_knowledge
from bot.knowledge.models import Round
from bot.nominations.rounds import current_round
from bot.nominations.service import NominationService
from store import Store, open_store


def settings_round(settings: Settings) -> Round:
    """Raises :class:`bot.nominations.rounds.UnknownRoundError` for an unknown year."""
    return current_round(default_knowledge().prize, settings.round_year)


def open_settings_store(settings: Settings, *, read_only: bool = False) -> Store:
    return open_store(settings.db_path, read_only=read_only)


def build_service(store: Store, settings: Settings) -> NominationService:
    return NominationService(store.nominations, default_knowledge().prize, settings_round(settings), settings.clock())

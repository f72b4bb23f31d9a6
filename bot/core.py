"""What a chat platform drives: the conversation router, the nominations and the jury, built over one store.

The composition root (``trygghetsbot.compose``) builds it; an adapter receives a factory and
calls it with the store it opened, so no adapter builds the core itself, nor reaches into one
part of it for another (the nomination service is the one the conversation router's dialog uses).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.conversation import ConversationRouter
from bot.jury.service import JuryService
from bot.knowledge import KnowledgeBase
from bot.nominations.service import NominationService


@dataclass(frozen=True)
class Core:
    router: ConversationRouter
    nominations: NominationService
    jury: JuryService
    knowledge: KnowledgeBase  # what the answers and the nomination form are built from

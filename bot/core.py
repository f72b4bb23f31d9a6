"""What a chat platform drives: the conversation router and the jury, built over one store.

The composition root (``trygghetsbot.compose``) builds it; an adapter receives a factory and
calls it with the store it opened, so no adapter builds the core itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.assistant import Assistant
from bot.jury.service import JuryService
from bot.knowledge import KnowledgeBase


@dataclass(frozen=True)
class Core:
    assistant: Assistant
    jury: JuryService
    knowledge: KnowledgeBase  # what the answers and the nomination form are built from

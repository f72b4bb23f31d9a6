"""Placeholder wiring of the pipeline; replaced by the real pipeline in the next commit."""

from __future__ import annotations

from bot.answering.model import Answer, ConversationContext
from bot.knowledge import KnowledgeBase


class Answerer:
    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge

    def answer(self, question: str, context: ConversationContext | None = None) -> Answer:
        return Answer(text="…", lang="sv", intent="unknown", answered=False)

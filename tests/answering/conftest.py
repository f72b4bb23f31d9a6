from __future__ import annotations

import pytest

from bot.answering import Answerer, ConversationContext, Reply
from bot.knowledge import KnowledgeBase, default_knowledge
from bot.knowledge.money import format_sek


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return default_knowledge()


@pytest.fixture(scope="session")
def answerer(kb: KnowledgeBase) -> Answerer:
    return Answerer(kb)


class Chat:
    """A conversation: each question gets the context the previous answer left."""

    def __init__(self, answerer: Answerer) -> None:
        self.answerer = answerer
        self.context = ConversationContext()

    def ask(self, question: str) -> Reply:
        answer = self.answerer.answer(question, self.context)
        self.context = answer.context
        return answer


@pytest.fixture
def chat(answerer: Answerer) -> Chat:
    return Chat(answerer)


def sek(amount: int, lang: str = "sv") -> str:
    return format_sek(amount, lang)

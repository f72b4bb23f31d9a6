"""Follow-up context for questions asked in channels (/trygghet, mentions), kept in memory.

Channel questions are answers only (the nomination dialog lives in DMs, whose state is
persisted by the core's router). Their context is small and short-lived, so an LRU in
memory serves follow-ups without a store write per question.
"""

from __future__ import annotations

from collections import OrderedDict

from bot.answering import Answer, ConversationContext
from bot.assistant import QuestionAnswerer


class ChannelQuestions:
    def __init__(self, answerer: QuestionAnswerer, max_conversations: int = 5000) -> None:
        self.answerer = answerer
        self.max_conversations = max_conversations
        self._contexts: OrderedDict[str, ConversationContext] = OrderedDict()

    def answer(self, key: str, question: str) -> Answer:
        answer = self.answerer.answer(question, self._contexts.get(key))
        self._contexts[key] = answer.context
        self._contexts.move_to_end(key)
        if len(self._contexts) > self.max_conversations:
            self._contexts.popitem(last=False)
        return answer

"""Question answering: normalise -> entities -> intent -> lookup -> render.

One entry: ``Answerer(knowledge).answer(question, context)`` returns an
:class:`Reply` whose ``context`` is passed to the next call for follow-ups. The same type is
what the conversation router gives every platform.
"""

from bot.answering.answerer import Answerer
from bot.answering.intents import Intent
from bot.answering.model import ConversationContext, Fact, Reply, Source

__all__ = ["Answerer", "ConversationContext", "Fact", "Intent", "Reply", "Source"]

"""Question answering: normalise -> entities -> intent -> lookup -> render.

One entry: ``Answerer(knowledge).answer(question, context)`` returns an
:class:`Answer` whose ``context`` is passed to the next call for follow-ups.
"""

from bot.answering.answerer import Answerer
from bot.answering.model import Answer, ConversationContext, Fact, Source

__all__ = ["Answer", "Answerer", "ConversationContext", "Fact", "Source"]

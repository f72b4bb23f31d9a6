"""The bot's knowledge: facts from the source documents, as validated data with sources."""

from bot.knowledge.loader import KnowledgeBase, KnowledgeError, default_knowledge, knowledge_in, load_knowledge

__all__ = ["KnowledgeBase", "KnowledgeError", "default_knowledge", "knowledge_in", "load_knowledge"]

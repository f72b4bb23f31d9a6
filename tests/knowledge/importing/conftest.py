"""Shared helpers: the project's own copies of the seed documents, and the knowledge they became."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.loader import KnowledgeBase, load_knowledge

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text("utf-8")


@pytest.fixture(scope="session")
def shipped() -> KnowledgeBase:
    """The hand-made knowledge in bot/knowledge/data, loaded through the loader."""
    return load_knowledge()

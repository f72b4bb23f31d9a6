"""Realistic nomination texts for tests: long enough to meet the prize's criteria as the core checks them;
and the language a test question expects its answer in."""

from __future__ import annotations

import re
from typing import Literal

from bot.answering import Reply

DESCRIPTION = (
    "Varje fredag och lördag nattvandrar vuxna från föreningen tillsammans med fältassistenter "
    "i Tensta centrum och samtalar med unga om trygghet."
)
ADDED_VALUE = (
    "Polisen, fältassistenterna och föreningen planerar kvällarna gemensamt och delar lägesbild, "
    "något ingen av dem gör i sin ordinarie verksamhet, så att insatserna når fler unga på rätt plats."
)


# Words only the English test questions use: the language a test expects an answer in is decided
# here, independently of the bot's own language detection.
_ENGLISH_QUESTION = re.compile(
    r"\b(what|how|who|which|is|the|can|compare|outcome|hourly|left|city|municipality)\b", re.IGNORECASE
)


def question_lang(question: str) -> Literal["sv", "en"]:
    return "en" if _ENGLISH_QUESTION.search(question) else "sv"


def says(answer: Reply, question: str, *, sv: str, en: str) -> None:
    """The answer is in the question's language and says that language's phrase (not the other's)."""
    expected = question_lang(question)
    assert answer.lang == expected, (question, answer.lang, answer.text)
    assert (sv if expected == "sv" else en) in answer.text, answer.text

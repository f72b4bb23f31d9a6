"""The project's own set of phrasings (tests/answering/cases/*.jsonl), written before their answers.

Each case names facts the answer must hold ("contains", "any_of", "not_contains", an amount in
any of the bot's renderings), never a whole answer; a list of questions is one conversation.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from bot.answering import Answerer, ConversationContext
from bot.knowledge import KnowledgeBase
from bot.knowledge.money import format_sek

CASES = sorted(Path(__file__).with_name("cases").glob("*.jsonl"))


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for path in CASES for line in path.read_text("utf-8").splitlines() if line.strip()]


def fold(text: str) -> str:
    return " " + " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").casefold().split()) + " "


def amount_forms(amount: int) -> set[str]:
    return {fold(format_sek(amount, lang, unit)).strip() for lang in ("sv", "en") for unit in ("auto", "kr", "tkr")}


def holds(check: dict[str, Any], answer: str) -> bool:
    text = fold(answer)
    if "contains" in check:
        return fold(check["contains"]).strip() in text
    if "any_of" in check:
        return any(fold(item).strip() in text for item in check["any_of"])
    if "not_contains" in check:
        return fold(check["not_contains"]).strip() not in text
    return any(form in text for form in amount_forms(check["amount_sek"]))


@pytest.mark.parametrize("case", load(), ids=lambda case: case["id"])
def test_case(case: dict[str, Any], kb: KnowledgeBase) -> None:
    answerer, context = Answerer(kb), ConversationContext()
    questions = case["q"] if isinstance(case["q"], list) else [case["q"]]
    for question in questions:
        answer = answerer.answer(question, context)
        context = answer.context
    failed = [check for check in case["expect"] if not holds(check, answer.text)]
    assert not failed, f"{case['q']!r}: {failed} not in {answer.text!r}"

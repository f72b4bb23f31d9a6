"""The rule table (bot/answering/rules.py) and the vocabulary it reads (bot/knowledge/data/vocabulary.json)."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from pydantic import ValidationError

from bot.answering import Answerer, ConversationContext, Intent
from bot.answering import lexicon as lx
from bot.answering.answerer import RESOLVERS
from bot.answering.rules import CONTINUE, RULES, Rule


def _fired(answerer: Answerer, example: tuple[str, ...]) -> str:
    context = ConversationContext()
    answer = None
    for turn in example:
        answer = answerer.answer(turn, context)
        context = answer.context
    assert answer is not None
    return answer.rule


def test_rule_ids_are_unique_and_the_last_rule_always_holds() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    assert RULES[-1].id == "out_of_scope"


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_each_rules_example_fires_that_rule_so_none_is_shadowed(answerer: Answerer, rule: Rule) -> None:
    # An example caught by an earlier rule fails here: that rule shadows this one.
    assert _fired(answerer, rule.example) == rule.id


def test_ask_json_names_the_rule_that_decided(answerer: Answerer) -> None:
    data = answerer.answer("vem vann 2019?").to_json_dict()
    assert data["rule"] == "winner_by_year"
    assert data["frame"]["topic"] == "prize"  # type: ignore[index]


def test_every_word_list_in_the_vocabulary_file_is_read_by_a_cue() -> None:
    assert lx.unnamed_cues() == set()


def test_the_vocabulary_file_is_validated() -> None:
    raw = json.loads(resources.files("bot.knowledge").joinpath("data/vocabulary.json").read_text("utf-8"))
    lx.Vocabulary.model_validate(raw)
    for broken in (
        {**raw, "cues": {**raw["cues"], "HELP": []}},
        {**raw, "cues": {"HELP": [" hjälp"]}},
        {**raw, "x": 1},
    ):
        with pytest.raises(ValidationError):
            lx.Vocabulary.model_validate(broken)


def test_intent_covers_every_intent_the_rule_table_gives() -> None:
    given = {rule.intent for rule in RULES if rule.intent != CONTINUE}
    assert all(isinstance(intent, Intent) for intent in given), given
    # Each intent the answerer ends on has its resolver; year_by_theme has its own call.
    answered = set(Intent) - {Intent.NOMINATION_DIALOG, Intent.STORE_UNAVAILABLE}
    assert given <= answered and set(RESOLVERS) | {Intent.YEAR_BY_THEME} == answered


def test_an_intent_reads_and_prints_as_the_string_it_always_was(answerer: Answerer) -> None:
    answer = answerer.answer("vad fick trygghetsvärdar 2025?")
    assert answer.intent is Intent.BUDGET_LINE and answer.context and answer.context.intent is Intent.BUDGET_LINE
    assert json.loads(json.dumps(answer.to_json_dict()))["intent"] == "budget_line"
    stored = answer.context.model_dump(mode="json")
    assert stored["intent"] == "budget_line"
    assert ConversationContext.model_validate(stored).intent is Intent.BUDGET_LINE

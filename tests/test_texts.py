"""Every text has an English twin: the same keys and placeholders in each area's sv and en module."""

from __future__ import annotations

import string
from importlib import import_module

import pytest

from bot.texts import AREAS

# Texts whose languages use different values on purpose (each gets all of them).
DIFFERENT_PLACEHOLDERS = {"budget.line_areas"}  # the Swedish sentence names the line elsewhere


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("area", AREAS)
def test_english_has_the_same_keys_and_placeholders(area: str) -> None:
    swedish: dict[str, str] = import_module(f"bot.texts.sv.{area}").TEXTS
    english: dict[str, str] = import_module(f"bot.texts.en.{area}").TEXTS
    assert sorted(swedish.keys() - english.keys()) == [], "missing in English"
    assert sorted(english.keys() - swedish.keys()) == [], "only in English"
    for key in swedish.keys() - DIFFERENT_PLACEHOLDERS:
        assert placeholders(swedish[key]) == placeholders(english[key]), key

from __future__ import annotations

import string

from bot.texts.en.jury import TEXTS as EN
from bot.texts.sv.jury import TEXTS as SV


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_english_has_the_same_jury_keys_and_placeholders() -> None:
    assert SV.keys() == EN.keys()
    for key in SV:
        assert placeholders(SV[key]) == placeholders(EN[key]), key


def test_refusals_are_one_line() -> None:
    assert all("\n" not in text for key, text in SV.items() if key.startswith("jury.error."))

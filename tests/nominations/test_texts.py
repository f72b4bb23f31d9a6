from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from bot.nominations.rules import InvalidField, clean_text, distinct_organisations
from bot.texts.en.nominations import TEXTS as EN
from bot.texts.sv.nominations import TEXTS as SV


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_english_has_the_same_keys_and_placeholders() -> None:
    assert SV.keys() == EN.keys()
    for key in SV:
        assert placeholders(SV[key]) == placeholders(EN[key]), key


@given(st.text(max_size=300))
def test_cleaned_single_line_text_has_no_control_characters(value: str) -> None:
    try:
        cleaned = clean_text("nominee", value)
    except InvalidField as invalid:
        assert invalid.error.field == "nominee"
        return
    assert cleaned is not None and cleaned == cleaned.strip() and 0 < len(cleaned) <= 150
    assert all(ord(char) >= 32 and char != "\x7f" for char in cleaned)


NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöéABCÅÄÖ -/", min_size=1, max_size=40).filter(str.strip)


@given(NAMES, st.lists(st.sampled_from([" ", "  ", "\t"]), max_size=3), st.booleans())
def test_spacing_and_case_never_make_two_organisations(name: str, padding: list[str], upper: bool) -> None:
    cased = name.upper() if upper else name.lower()
    variant = "".join(padding) + cased.replace(" ", "  ") + "".join(padding)
    assert distinct_organisations([name, variant]) == 1
    assert distinct_organisations([name, variant, name + " X"]) == 2

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.nominations.rules import InvalidField, clean_text, distinct_organisations, field_label


@given(st.text(max_size=300))
def test_cleaned_single_line_text_has_no_control_characters(value: str) -> None:
    try:
        cleaned = clean_text("nominee", value)
    except InvalidField as invalid:
        assert invalid.error.field == "nominee"
        return
    assert cleaned is not None and cleaned == cleaned.strip() and 0 < len(cleaned) <= 150
    assert all(ord(char) >= 32 and char != "\x7f" for char in cleaned)


# A name has a letter: punctuation alone ("-", "/") names no organisation (see distinct_organisations).
NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöéABCÅÄÖ -/", min_size=1, max_size=40).filter(
    lambda name: any(char.isalpha() for char in name)
)


@given(NAMES, st.lists(st.sampled_from([" ", "  ", "\t"]), max_size=3), st.booleans())
def test_spacing_and_case_never_make_two_organisations(name: str, padding: list[str], upper: bool) -> None:
    cased = name.upper() if upper else name.lower()
    variant = "".join(padding) + cased.replace(" ", "  ") + "".join(padding)
    assert distinct_organisations([name, variant]) == 1
    assert distinct_organisations([name, variant, name + " X"]) == 2


SINGLE_LINE_REJECTED = [
    ("\u2028", "radbrytning", "U+2028"),
    ("\u2029", "radbrytning", "U+2029"),
    ("\n", "radbrytning", "U+000A"),
    ("\u200f", "läsriktning", "U+200F"),
    ("\u200e", "läsriktning", "U+200E"),
    ("\u061c", "läsriktning", "U+061C"),
    ("\u202e", "läsriktning", "U+202E"),
    ("\ue000", "inte kan visas", "U+E000"),
    ("\U000f0000", "inte kan visas", "U+F0000"),
    ("\ud800", "inte kan visas", "U+D800"),
    ("\x07", "styrtecken", "U+0007"),
]


@pytest.mark.parametrize(("char", "words", "code"), SINGLE_LINE_REJECTED)
@pytest.mark.parametrize("field", ["nominee", "contact", "nominator.name", "partners"])
def test_single_line_fields_reject_line_breaks_bidi_and_unreadable_characters(
    field: str, char: str, words: str, code: str
) -> None:
    with pytest.raises(InvalidField) as refused:
        clean_text(field, f"Trygga{char}Tensta")
    assert refused.value.error.field == field
    message = refused.value.error.message
    assert words in message and code in message and field_label(field, "sv") in message


@pytest.mark.parametrize("char", ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u180e"])
@pytest.mark.parametrize("field", ["nominee", "description"])
def test_invisible_format_characters_are_removed(field: str, char: str) -> None:
    assert clean_text(field, f"{char}Trygga{char} Tensta{char}") == "Trygga Tensta"
    with pytest.raises(InvalidField):
        clean_text(field, char * 3)  # nothing left: empty


def test_emoji_joiners_are_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_text("nominee", f"Familjer {family}") == f"Familjer {family}"


def test_multi_line_fields_turn_separators_into_newlines_and_treat_format_characters_alike() -> None:
    assert clean_text("description", "Rad ett\u2028Rad två\u2029Rad tre\x85Slut") == "Rad ett\nRad två\nRad tre\nSlut"
    assert clean_text("description", "Ett\u200b ord\u00ad\ufeff") == "Ett ord"
    for char, code in [("\u200f", "U+200F"), ("\ue000", "U+E000")]:
        with pytest.raises(InvalidField) as refused:
            clean_text("description", f"Text{char}")
        assert code in refused.value.error.message


@given(st.text(max_size=200))
def test_cleaned_text_holds_no_invisible_or_unreadable_characters(value: str) -> None:
    for field in ("nominee", "description"):
        try:
            cleaned = clean_text(field, value)
        except InvalidField:
            continue
        assert cleaned is not None
        for char in cleaned:
            category = unicodedata.category(char)
            assert category not in {"Co", "Cs", "Cn", "Zl", "Zp"}
            assert category != "Cf" or char in "\u200c\u200d" or 0xE0020 <= ord(char) < 0xE0080

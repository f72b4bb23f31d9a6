from __future__ import annotations

import pytest

from bot.knowledge.models import Prize
from bot.nominations.rules import (
    FIELD_SPECS,
    MIN_ADDED_VALUE_WORDS,
    MIN_DESCRIPTION_WORDS,
    InvalidField,
    Rules,
    clean_nominator,
    clean_partners,
    clean_text,
    distinct_organisations,
    joined_names,
    split_joined,
    split_partners,
)
from tests.nominations.conftest import good_content
from tests.texts import ADDED_VALUE, DESCRIPTION

SAMVERKAN = "insatsen ska ske i samverkan mellan flera verksamheter/organisationer"
MERVARDE = "insatsen är utvecklande och innehåller ett mervärde utöver ordinarie verksamhet"


def test_criteria_come_from_the_prize_document(rules: Rules) -> None:
    assert rules.criterion("collaboration").text == SAMVERKAN
    assert rules.criterion("added_value").text == MERVARDE


@pytest.mark.parametrize(
    ("organisations", "ok"),
    [
        (["Polisen", "Fältassistenterna"], True),
        (["Polisen"], False),
        ([], False),
        (["Polisen", "polisen"], False),
        (["Polisen", "  POLISEN  "], False),
        (["Södermalms stadsdelsförvaltning", "södermalms   STADSDELSFÖRVALTNING"], False),
        (["Polisen", "Polisen", "Bostadsbolaget"], True),
        (["Polisen", "   "], False),
    ],
)
def test_samverkan_needs_two_distinct_organisations(rules: Rules, organisations: list[str], ok: bool) -> None:
    error = rules.collaboration_error(organisations)
    assert (error is None) == ok
    if error:
        assert error.field == "partners"
        assert error.criterion == "collaboration"
        assert f"”{SAMVERKAN}”" in error.message


def test_the_efforts_name_is_not_an_organisation(rules: Rules) -> None:
    """'Nattvandring Tensta' run by 'Föreningen Nattvandrarna' alone is one organisation, not two."""
    content = good_content(nominee="Nattvandring Tensta", partners=["Föreningen Nattvandrarna"])
    _, errors = rules.submission_errors(content)
    assert [(e.field, e.criterion) for e in errors] == [("partners", "collaboration")]
    assert "den ansvariga organisationen medräknad" in errors[0].message


@pytest.mark.parametrize(
    ("nominee", "partners", "ok"),
    [
        # The two cases: the effort's name plus one organisation is one organisation.
        ("Trygga Gatan", ["Trygga Gatan", "Polisen"], False),
        ("Nattvandring Tensta", ["Föreningen Nattvandrarna", "Nattvandring Tensta"], False),
        # Compared case, spacing and punctuation aside.
        ("Trygga Gatan", ["  trygga-GATAN! ", "Polisen"], False),
        ("Trygga Gatan", ["Trygga Gatan.", "Polisen"], False),
        # A name that merely extends the effort's is the effort too.
        ("Nattvandring Tensta", ["Nattvandring Tensta 2023", "Polisen"], False),
        ("Trygga Gatan", ["Projektet Trygga Gatan", "Polisen"], False),
        # ... unless it says it is an organisation's: the one running the effort counts.
        ("Trygga Gatan", ["Föreningen Trygga Gatan", "Polisen"], True),
        ("Trygga Gatan", ["Trygga Gatan ideell förening", "Polisen"], True),
        # A nominee that is an organisation is the lead organisation when listed.
        ("Föreningen Nattvandrarna", ["Föreningen Nattvandrarna", "Polisen"], True),
        # An organisation named inside the effort's name is an organisation of its own.
        ("Trygghetsvandring med Polisen och Skolan", ["Polisen", "Skolan"], True),
        ("Trygga Gatan", ["Polisen", "Fältgruppen"], True),
        # Two spellings of one organisation stay one, punctuation aside.
        ("Trygga Gatan", ["Fält-gruppen", "FÄLT  GRUPPEN."], False),
    ],
)
def test_the_efforts_own_name_is_not_a_partner(rules: Rules, nominee: str, partners: list[str], ok: bool) -> None:
    content = good_content(nominee=nominee, partners=partners)
    _, errors = rules.submission_errors(content)
    assert ([(e.field, e.criterion) for e in errors] == []) == ok, errors
    [samverkan] = [c for c in rules.checklist(content) if c.key == "collaboration"]
    assert samverkan.met == ok


def test_the_refusal_names_the_efforts_name(rules: Rules) -> None:
    error = rules.collaboration_error(["Trygga Gatan", "Polisen"], "Trygga Gatan")
    assert error is not None and error.criterion == "collaboration"
    assert "”Trygga Gatan” är namnet på den nominerade insatsen och räknas inte som en organisation" in error.message
    assert f"”{SAMVERKAN}”" in error.message
    english = rules.collaboration_error(["Trygga Gatan", "Polisen"], "Trygga Gatan", lang="en")
    assert english is not None and "“Trygga Gatan” is the name of the nominated effort" in english.message


def test_names_joined_by_och_are_split_only_when_asked() -> None:
    assert joined_names("Polisen och Fältgruppen") == ["Polisen", "Fältgruppen"]
    assert joined_names("Polisen & Skolan samt Fältgruppen") == ["Polisen", "Skolan", "Fältgruppen"]
    assert joined_names("Polisen") == ["Polisen"]
    assert joined_names("Ochsenfurt AB") == ["Ochsenfurt AB"]  # "och" only as a word of its own
    assert split_joined(["Bostadsbolaget", "Polisen och Fältgruppen"]) == ["Bostadsbolaget", "Polisen", "Fältgruppen"]


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("", False),
        ("   ", False),
        ("Bra", False),
        ("det är bra för alla", False),
        ("Det är ett mervärde", False),
        ("Insatsen samlar föreningar utöver uppdraget", False),
        # Long enough but only filler: says nothing about what goes beyond ordinary activity.
        ("det är bra och mycket bra för alla och det är bra för alla som bor där och alla andra också", False),
        (ADDED_VALUE, True),
        (
            "Skolan, polisen och fritidsgården bemannar tillsammans en mötesplats på kvällstid som ingen "
            "av dem har uppdrag eller resurser att driva ensam.",
            True,
        ),
    ],
)
def test_mervarde_needs_a_real_explanation(rules: Rules, text: str, ok: bool) -> None:
    error = rules.added_value_error(text)
    assert (error is None) == ok
    if error:
        assert error.field == "added_value"
        assert error.criterion == "added_value"
        assert f"”{MERVARDE}”" in error.message  # the criterion in the document's own words
        assert f"minst {MIN_ADDED_VALUE_WORDS} ord" in error.message


@pytest.mark.parametrize(("text", "ok"), [("x", False), ("Nattvandring i Tensta", False), (DESCRIPTION, True)])
def test_the_description_must_describe(rules: Rules, text: str, ok: bool) -> None:
    _, errors = rules.submission_errors(good_content(description=text))
    assert ([e.field for e in errors] == []) == ok
    if not ok:
        assert [e.field for e in errors] == ["description"]
        assert f"minst {MIN_DESCRIPTION_WORDS} ord" in errors[0].message


def test_submission_errors_report_every_problem_and_clean_the_rest(rules: Rules) -> None:
    content = good_content(nominee="  Trygga  Tensta ", partners=["Polisen", "polisen", " Skolan"])
    cleaned, errors = rules.submission_errors(content)
    assert errors == []
    assert cleaned.nominee == "Trygga  Tensta"
    assert cleaned.partners == ["Polisen", "Skolan"]

    _, errors = rules.submission_errors(good_content(description=" ", partners=["Polisen"], added_value="ja"))
    assert [(e.field, e.criterion) for e in errors] == [
        ("description", None),
        ("partners", "collaboration"),
        ("added_value", "added_value"),
    ]


@pytest.mark.parametrize("value", ["", "   ", "\n\t "])
def test_empty_required_field_is_refused_by_name(value: str) -> None:
    with pytest.raises(InvalidField) as caught:
        clean_text("description", value)
    assert caught.value.error.field == "description"
    assert caught.value.error.message == "Fältet ”beskrivning” får inte vara tomt."


def test_empty_optional_field_is_none() -> None:
    assert clean_text("innovation", "  ") is None


def test_over_long_text_is_refused_with_the_limit() -> None:
    limit = FIELD_SPECS["nominee"].max_length
    assert clean_text("nominee", "x" * limit) == "x" * limit
    with pytest.raises(InvalidField) as caught:
        clean_text("nominee", "x" * (limit + 1))
    assert f"Högst {limit} tecken" in caught.value.error.message
    assert "nominerad insats eller organisation" in caught.value.error.message


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("Polis\x00en", "styrtecken"),
        ("Polis\x1b[31men", "styrtecken"),
        ("a\x7fb", "styrtecken"),
        ("Polisen\u202e", "läsriktning"),
        ("rad ett\nrad två", "radbrytning"),
    ],
)
def test_control_characters_are_refused_in_single_line_fields(bad: str, words: str) -> None:
    with pytest.raises(InvalidField) as caught:
        clean_text("nominee", bad)
    assert words in caught.value.error.message


def test_newlines_and_tabs_are_fine_in_long_texts() -> None:
    assert clean_text("description", "Rad ett\r\n\tRad två") == "Rad ett\n\tRad två"
    with pytest.raises(InvalidField):
        clean_text("description", "Rad\x07ett")


@pytest.mark.parametrize("email", ["anna@example.se", "a.b+c@kommun.stockholm.se"])
def test_valid_email(email: str) -> None:
    assert clean_text("nominator.email", email) == email


@pytest.mark.parametrize("email", ["anna", "anna@", "@example.se", "anna@example", "an na@example.se", "a@b@c.se"])
def test_invalid_email_is_refused(email: str) -> None:
    with pytest.raises(InvalidField) as caught:
        clean_text("nominator.email", email)
    assert caught.value.error.field == "nominator.email"
    assert "inte en giltig e-postadress" in caught.value.error.message


def test_contact_may_be_free_text_but_an_email_in_it_must_be_valid() -> None:
    assert clean_text("contact", "Lisa Lund, 08-123 45, lisa@example.se") == "Lisa Lund, 08-123 45, lisa@example.se"
    with pytest.raises(InvalidField):
        clean_text("contact", "Lisa Lund lisa@example")


def test_nominator_needs_a_name_and_the_email_is_optional_on_every_path() -> None:
    person, errors = clean_nominator("Anna", None, None)
    assert errors == [] and person.email is None
    person, errors = clean_nominator(" Anna ", None, "console:anna")
    assert errors == [] and person.name == "Anna"
    _, errors = clean_nominator("", "x", None)
    assert {e.field for e in errors} == {"nominator.name", "nominator.email"}


def test_partners_are_split_cleaned_and_deduplicated() -> None:
    assert split_partners("Polisen, Fältassistenterna;Bostadsbolaget\n,") == [
        "Polisen",
        "Fältassistenterna",
        "Bostadsbolaget",
    ]
    assert clean_partners([" Polisen", "POLISEN", "", "Skolan"]) == ["Polisen", "Skolan"]
    with pytest.raises(InvalidField):
        clean_partners([f"Org {i}" for i in range(31)])
    assert distinct_organisations(["A", "a", " A "]) == 1


def test_checklist_marks_mandatory_and_assessment_criteria(rules: Rules, prize: Prize) -> None:
    checks = rules.checklist(good_content(results="Färre anmälningar"))
    assert [(c.key, c.mandatory, c.met) for c in checks] == [
        ("collaboration", True, True),
        ("added_value", True, True),
        ("innovation", False, False),
        ("inspiration", False, False),
        ("results", False, True),
    ]
    assert [c.text for c in checks[2:]] == [c.text for c in prize.assessment_criteria]


def test_messages_exist_in_english(rules: Rules) -> None:
    error = rules.collaboration_error(["A"], lang="en")
    assert error is not None and error.message.startswith("The criterion “insatsen ska ske")

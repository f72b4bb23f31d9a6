"""The importer's parts on their own: sums of money, table rows, headings, paragraphs, name forms."""

from __future__ import annotations

import pytest

from bot.knowledge.importing.amounts import amounts_in, parse_amount, split_row
from bot.knowledge.importing.budget import name_forms
from bot.knowledge.importing.common import document_id, signatories
from bot.knowledge.importing.sections import join_lines, split_sections


@pytest.mark.parametrize(
    ("text", "sek"),
    [
        ("2 mkr", 2_000_000),
        ("0", 0),
        ("0,6, mkr", 600_000),  # the stray comma of the seed's table
        ("1,4 mkr", 1_400_000),
        ("700 tkr", 700_000),
        ("100 000 kr", 100_000),
        ("2 miljoner kronor", 2_000_000),
        ("fem miljoner kronor", 5_000_000),
        ("0,1 miljoner kronor", 100_000),
        ("50 000 kronor", 50_000),
        ("Trygghetsvärdar", None),
        ("2025", None),
    ],
)
def test_a_sum_in_kronor(text: str, sek: int | None) -> None:
    assert parse_amount(text) == sek


def test_sums_in_a_sentence_and_no_year_taken_for_one() -> None:
    found = amounts_in("För 2025 föreslås 700 tkr till insatser, totalt cirka 2,5 mkr för 2024 och 100 000 kr.")
    assert [a.sek for a in found] == [700_000, 2_500_000, 100_000]


@pytest.mark.parametrize(
    ("row", "name", "cells"),
    [
        ("Trygghetsvärdar  2 mkr 1,4 mkr 1,6 mkr", "Trygghetsvärdar", [2_000_000, 1_400_000, 1_600_000]),
        ("SSPF 0 1,5 mkr 1,5 mkr", "SSPF", [0, 1_500_000, 1_500_000]),
        ("Nattvandring 300 tkr – –", "Nattvandring", [300_000, None, None]),
        ("SUMMA 3,5 mkr 4,1 mkr", "SUMMA", [3_500_000, 4_100_000]),
        ("5,0 mkr", "", [5_000_000]),
        ("Trygghetsvärdar", "Trygghetsvärdar", []),
    ],
)
def test_a_table_row(row: str, name: str, cells: list[int | None]) -> None:
    assert split_row(row) == (name, cells)


def test_headings_are_found_by_their_shape_not_a_list() -> None:
    text = (
        "Uppföljning av trygghetsarbetet\n\n"
        "Rubriken ovan finns i ingen lista men har en rubriks form. Den följs av en mening.\n\n"
        "Fortsatt arbete\n"
        "Även en rubrik direkt över texten räknas, när texten är prosa som slutar med punkt.\n"
        "Henrik Ahl\nStabs- och säkerhetsdirektör\nStadsledningskontoret\n"
    )
    sections = split_sections("Rapport 2026\n\n" + text)
    assert [s.heading for s in sections] == ["Uppföljning av trygghetsarbetet", "Fortsatt arbete"]


def test_line_breaks_inside_a_paragraph_are_joined() -> None:
    lines = [
        "trygghet och ideella föreningar eller civilsamhälles-",
        "organisationer och mellan flera verksamheter/",
        "organisationer",
        "",
        "Stabs-",
        "och säkerhetsdirektör",
    ]
    assert join_lines(lines).split("\n") == [
        "trygghet och ideella föreningar eller civilsamhällesorganisationer och mellan flera "
        "verksamheter/organisationer",
        "Stabs- och säkerhetsdirektör",
    ]


def test_a_page_foot_note_inside_a_paragraph_is_left_out() -> None:
    lines = ["bidrar till ökad trygghet i", "", "1 Trygghetsprogram 2020–2023, s.14", "staden. Förvaltningen föreslår."]
    assert join_lines(lines) == "bidrar till ökad trygghet i staden. Förvaltningen föreslår."


def test_name_forms_of_a_new_line() -> None:
    assert name_forms("Nattvandring") == ["nattvandring", "nattvandringen", "nattvandringar", "nattvandringarna"]
    assert name_forms("Trygghetsvärdar") == ["trygghetsvärdar", "trygghetsvärdarna", "trygghetsvärdarnas"]
    assert name_forms("Stöd till skola") == [
        "stöd till skola",
        "stöd till skolan",
        "stöd till skolor",
        "stöd till skolorna",
    ]


def test_document_ids_and_two_column_signatures() -> None:
    assert document_id("Trygghetspaketet 2026") == "trygghetspaketet-2026"
    assert document_id("Trygghetspriset 2024") == "trygghetspriset-2024"
    people = signatories(
        ["Anna Berg  Per Ek", "Socialdirektör  Avdelningschef", "Socialförvaltningen  Socialförvaltningen"]
    )
    assert [(p.name, p.title, p.unit) for p in people] == [
        ("Anna Berg", "Socialdirektör", "Socialförvaltningen"),
        ("Per Ek", "Avdelningschef", "Socialförvaltningen"),
    ]


def test_page_numbers_do_not_break_a_paragraph() -> None:
    text = "Rapport\n\nBakgrund\nDet här stycket fortsätter\n2 (3)\npå nästa sida. Slut.\nSida 3 av 3\n"
    assert [(s.heading, s.text) for s in split_sections(text)] == [
        ("Bakgrund", "Det här stycket fortsätter på nästa sida. Slut.")
    ]

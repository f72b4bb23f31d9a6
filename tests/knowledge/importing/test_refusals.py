"""What is refused (a document of neither kind, a table that cannot be read) and what is kept with a
warning (a SUMMA the lines do not reach, a sentence the table contradicts, a figure left unsaid)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.knowledge.importing import ImportRefused, parse_document
from bot.knowledge.loader import KnowledgeBase, build_knowledge
from bot.texts import CATALOGS
from tests.knowledge.importing.written import AGENDA, BudgetDecision, PrizeDirection

HEADER = "Trygghetspaketet Förslag\n\n2026\nUtfall\n2025 Budget 2025\n\n"


def refused(text: str, shipped: KnowledgeBase, file_name: str = "beslut.txt") -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        parse_document(text, known=shipped, file_name=file_name)
    return caught.value


def test_a_document_of_neither_kind_is_refused(shipped: KnowledgeBase) -> None:
    error = refused(AGENDA, shipped, "dagordning.txt")
    assert (error.key, error.params) == ("cli.import.unknown_kind", {"file": "dagordning.txt"})
    assert error.text("sv").startswith("dagordning.txt ser inte ut som ett beslut om Trygghetspaketet")
    assert error.text("en").startswith("dagordning.txt does not look like a Trygghetspaketet decision")


def test_a_table_whose_rows_have_no_amounts_is_refused(shipped: KnowledgeBase) -> None:
    table = (
        HEADER + "Trygghetsvärdar\nStöd till lokala arbetsgrupper\nÖvriga insatser\n\nSUMMA 3,8 mkr 3,2 mkr\n3,5 mkr"
    )
    error = refused(BudgetDecision(table=table).text(), shipped)
    assert error.key == "cli.import.budget.row_without_figures"
    assert error.params == {"title": "Trygghetspaketet 2026", "row": "Trygghetsvärdar"}
    assert "”Trygghetsvärdar”" in error.text("sv")


def test_a_table_without_columns_is_refused(shipped: KnowledgeBase) -> None:
    table = "Trygghetsvärdar 2,2 mkr 1,9 mkr 2 mkr\nSUMMA 2,2 mkr 1,9 mkr 2 mkr"
    assert refused(BudgetDecision(table=table).text(), shipped).key == "cli.import.budget.no_columns"


def test_a_table_with_only_its_header_is_refused(shipped: KnowledgeBase) -> None:
    error = refused(BudgetDecision(table=HEADER + "SUMMA 3,8 mkr 3,2 mkr 3,5 mkr").text(), shipped)
    assert error.key == "cli.import.budget.no_rows"


def test_a_row_with_more_figures_than_columns_is_refused(shipped: KnowledgeBase) -> None:
    table = HEADER + "Trygghetsvärdar 2,2 mkr 1,9 mkr 2 mkr 5 mkr\nSUMMA 2,2 mkr 1,9 mkr 2 mkr"
    error = refused(BudgetDecision(table=table).text(), shipped)
    assert (error.key, error.params["columns"]) == ("cli.import.budget.too_many_figures", 3)


def test_a_summa_that_disagrees_is_kept_with_a_warning(shipped: KnowledgeBase) -> None:
    parsed = parse_document(
        BudgetDecision(summa=("4,0 mkr", "3,2 mkr", "3,5 mkr")).text(), known=shipped, file_name="b.txt"
    )
    assert parsed.budget is not None
    assert parsed.budget.totals == {"forslag_2026": 4_000_000, "utfall_2025": 3_200_000, "budget_2025": 3_500_000}
    assert parsed.warnings == [
        "Summan för Förslag 2026 är 4 mkr i dokumentet men raderna blir 3,8 mkr; dokumentets summa behålls."
    ]
    # The loader records it as the document disagreeing with itself, and keeps the document's figure.
    documents = {**shipped.documents, parsed.document.id: parsed.document}
    kb = build_knowledge(documents, [*shipped.budgets, parsed.budget], list(shipped.prizes))
    discrepancy = kb.discrepancy_for("forslag_2026")
    assert discrepancy is not None
    assert (discrepancy.stated_sek, discrepancy.computed_sek) == (4_000_000, 3_800_000)
    assert kb.budget.totals["forslag_2026"] == 4_000_000


def test_a_sentence_the_table_contradicts_is_left_out_with_a_warning(shipped: KnowledgeBase) -> None:
    parsed = parse_document(BudgetDecision(pair_total="1,5 mkr").text(), known=shipped, file_name="b.txt")
    assert parsed.budget is not None
    assert all(s.amount_sek != 1_500_000 for s in parsed.budget.stated_sums)
    assert [n.key for n in parsed.notes] == ["cli.import.note.stated_sum_disagrees"]
    assert "Totalt 1,5 mkr föreslås fördelas" in parsed.warnings[0]
    # So the loader, which refuses a stated sum the table contradicts, still takes the document.
    documents = {**shipped.documents, parsed.document.id: parsed.document}
    build_knowledge(documents, [*shipped.budgets, parsed.budget], list(shipped.prizes))


def test_a_stated_change_the_table_contradicts_is_left_out_with_a_warning(shipped: KnowledgeBase) -> None:
    parsed = parse_document(BudgetDecision(increase="300 tkr").text(), known=shipped, file_name="b.txt")
    assert parsed.budget is not None and parsed.budget.stated_changes == []
    assert [n.key for n in parsed.notes] == ["cli.import.note.stated_change_disagrees"]


def test_a_row_with_fewer_figures_is_read_from_the_left_with_a_warning(shipped: KnowledgeBase) -> None:
    rows = (*BudgetDecision().rows[:3], ("Nattvandring", "300 tkr", "", ""), BudgetDecision().rows[4])
    parsed = parse_document(BudgetDecision(rows=rows).text(), known=shipped, file_name="b.txt")
    assert parsed.budget is not None
    assert parsed.budget.line("nattvandring").amounts == {"forslag_2026": 300_000}
    assert [n.key for n in parsed.notes] == ["cli.import.note.short_row"]
    assert parsed.notes[0].params == {"row": "Nattvandring", "count": 1, "columns": 3}


def test_a_row_name_wrapped_onto_two_lines_is_one_row(shipped: KnowledgeBase) -> None:
    table = (
        BudgetDecision()
        ._table()
        .replace("Insatser i samverkan med lokala aktörer 0,6", "Insatser i samverkan med\nlokala aktörer 0,6")
    )
    parsed = parse_document(BudgetDecision(table=table).text(), known=shipped, file_name="b.txt")
    assert parsed.budget is not None
    assert parsed.budget.line("lokala_aktorer").amounts["forslag_2026"] == 600_000


def test_a_fact_the_document_does_not_state_is_kept_from_the_known_document(shipped: KnowledgeBase) -> None:
    text = re.sub(r"Den föreslagna fördelningen.*?syfte\. \n", "", BudgetDecision().text(), flags=re.S)
    assert "per invånare" not in text
    parsed = parse_document(text, known=shipped, file_name="b.txt")
    assert parsed.budget is not None and parsed.budget.state_grant == shipped.budget.state_grant
    assert parsed.warnings == [
        "Dokumentet nämner inget statsbidrag; uppgiften från trygghetspaketet-2025 gäller fortfarande."
    ]


def test_a_direction_without_a_nomination_period_keeps_the_known_rounds(shipped: KnowledgeBase) -> None:
    text = PrizeDirection(period="inte bestämd ännu").text()
    parsed = parse_document(text, known=shipped, file_name="p.txt")
    assert parsed.prize is not None and parsed.prize.rounds == shipped.prize.rounds
    assert [n.key for n in parsed.notes] == ["cli.import.note.no_round"]


def test_every_text_key_the_importer_uses_exists_in_both_languages() -> None:
    package = Path(__file__).resolve().parents[3] / "bot" / "knowledge" / "importing"
    used = {
        key
        for path in package.glob("*.py")
        for key in re.findall(r'"(cli\.import\.[a-z_.]+)"', path.read_text("utf-8"))
    }
    assert len(used) > 15
    assert sorted(used - CATALOGS["sv"].keys()) == [] and sorted(used - CATALOGS["en"].keys()) == []

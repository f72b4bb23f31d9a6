"""The parsers read the shipped documents back, and new years' documents in the same layout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.knowledge import default_knowledge
from bot.knowledge.importing import ImportRefused, parse_document
from bot.knowledge.models import Budget, Prize
from tests.knowledge.importing.documents import budget_2026, prize_2024

FIXTURES = Path(__file__).parent.parent / "fixtures"


def parsed_budget(text: str) -> Budget:
    budget = parse_document(text, known=default_knowledge(), file_name="doc.txt").item.budget
    assert budget is not None
    return budget


def parsed_prize(text: str) -> Prize:
    prize = parse_document(text, known=default_knowledge(), file_name="doc.txt").item.prize
    assert prize is not None
    return prize


def test_the_shipped_budget_document_reads_back_as_the_shipped_data() -> None:
    shipped = default_knowledge().budgets[0]
    budget = parsed_budget((FIXTURES / "trygghetspaketet-2025.txt").read_text("utf-8"))
    assert [(c.key, c.kind, c.year) for c in budget.columns] == [(c.key, c.kind, c.year) for c in shipped.columns]
    assert {line.key: line.amounts for line in budget.lines} == {line.key: line.amounts for line in shipped.lines}
    assert budget.totals == shipped.totals
    assert budget.table_source == shipped.table_source
    grant, known = budget.state_grant, shipped.state_grant
    assert (grant.per_inhabitant_sek, grant.total_sek, grant.year, grant.law_sfs) == (
        known.per_inhabitant_sek, known.total_sek, known.year, known.law_sfs
    )  # fmt: skip
    assert [(h.year_from, h.amount_sek) for h in budget.history if h.amount_sek in (5_000_000, 6_000_000)][:2] == [
        (2018, 5_000_000),
        (2019, 6_000_000),
    ]
    assert [(c.line, c.delta_sek) for c in budget.stated_changes] == [("trygghetsvardar", 400_000)]
    assert [(o.column, o.compared_to) for o in budget.outcomes_below_budget] == [("utfall_2024", "budget_2024")]
    assert sorted(m.name for m in budget.unbudgeted_mentions) == sorted(m.name for m in shipped.unbudgeted_mentions)


def test_the_shipped_prize_document_reads_back_as_the_shipped_data() -> None:
    shipped = default_knowledge().prizes[0]
    prize = parsed_prize((FIXTURES / "trygghetspriset-2023.txt").read_text("utf-8"))
    assert prize.amount_sek == shipped.amount_sek
    assert [c.text.replace("/ ", "/") for c in prize.mandatory_criteria] == [c.text for c in shipped.mandatory_criteria]
    assert [(c.key, c.text) for c in prize.assessment_criteria] == [
        (c.key, c.text) for c in shipped.assessment_criteria
    ]
    round_, known = prize.rounds[0], shipped.rounds[0]
    assert (round_.year, round_.theme, round_.nomination_opens, round_.nomination_closes, round_.conference_date) == (
        known.year, known.theme, known.nomination_opens, known.nomination_closes, known.conference_date
    )  # fmt: skip
    assert [(w.year, w.theme, w.winner) for w in prize.winners] == [
        (w.year, w.theme, w.winner) for w in shipped.winners
    ]
    assert (prize.first_awarded_year, prize.awarded_until_year) == (2012, 2023)
    assert (prize.jury.chair, prize.jury.term_years) == ("socialborgarrådet", 1)
    assert [d.year for d in prize.decisions] == [2012, 2016, 2020]


def test_a_new_year_budget_with_a_new_line_and_a_dash_for_no_figure() -> None:
    parsed = parse_document(budget_2026(), known=default_knowledge(), file_name="tp-2026.txt")
    budget = parsed.item.budget
    assert budget is not None
    assert parsed.item.document.id == "trygghetspaketet-2026"
    assert parsed.item.document.dated == date(2026, 2, 3)
    assert [c.key for c in budget.columns] == ["forslag_2026", "utfall_2025", "budget_2025"]
    assert budget.line("trygghetsvardar").amounts == {
        "forslag_2026": 2_200_000, "utfall_2025": 1_900_000, "budget_2025": 2_000_000
    }  # fmt: skip
    assert budget.line("sspf").amounts == {"forslag_2026": 0, "utfall_2025": 0, "budget_2025": 0}
    night = budget.line("nattvandring")
    assert night.name == "Nattvandring"
    assert night.amounts == {"forslag_2026": 400_000}  # no figure is not 0
    assert "Nattvandring i Orminge" in night.description
    assert budget.totals == {"forslag_2026": 3_800_000, "utfall_2025": 3_300_000, "budget_2025": 3_500_000}
    assert budget.state_grant.per_inhabitant_sek == 25
    assert budget.state_grant.total_sek == 2_700_000
    assert budget.outcomes_below_budget[0].column == "utfall_2025"
    assert budget.outcomes_below_budget[0].reason.startswith("Färre insatser behövdes under hösten.")
    assert [m.name for m in budget.unbudgeted_mentions] == ["skolvärdarna"]
    assert parsed.warnings == []


def test_a_new_prize_direction() -> None:
    prize = parsed_prize(prize_2024())
    assert prize.amount_sek == 60_000
    round_ = prize.rounds[0]
    assert (round_.year, round_.theme) == (2024, "Trygga mötesplatser för unga")
    assert (round_.nomination_opens, round_.nomination_closes) == (date(2024, 5, 15), date(2024, 8, 31))
    assert round_.conference_date == date(2024, 10, 24)
    assert [(w.year, w.winner) for w in prize.winners] == [(2023, "Föreningen Trygga Gatan i Rinkeby"), (2022, "IGOR")]
    assert prize.winners[1].aliases == ["IGOR"]
    assert prize.awarded_until_year == 2026
    assert [c.key for c in prize.assessment_criteria] == ["innovation", "inspiration", "results"]


def test_a_document_of_neither_kind_is_refused() -> None:
    agenda = "Dagordning för socialnämndens möte\n\n1. Mötets öppnande\n2. Val av justerare\n"
    with pytest.raises(ImportRefused) as refused:
        parse_document(agenda, known=default_knowledge(), file_name="agenda.txt")
    assert refused.value.key == "cli.import.unknown_kind"


def test_a_broken_table_is_refused() -> None:
    broken = budget_2026().replace("2,2 mkr 1,9 mkr 2 mkr", "").replace("0,6 mkr 0,7 mkr 0,7 mkr", "")
    broken = broken.replace("Trygghetspaketet Förslag", "Trygghetspaketet")
    with pytest.raises(ImportRefused) as refused:
        parse_document(broken, known=default_knowledge(), file_name="broken.txt")
    assert refused.value.key.startswith("cli.import.budget.")  # a table without figures, columns or rows


def test_a_budget_that_names_no_year_is_refused() -> None:
    text = budget_2026().replace(" Trygghetspaketet 2026 \n", " Trygghetspaketet \n", 1)
    text = text.replace("Trygghetspaketet Förslag \n", "Trygghetspaketet Budget \n")  # no proposal column
    with pytest.raises(ImportRefused) as refused:
        parse_document(text, known=default_knowledge(), file_name="utan-ar.txt")
    assert refused.value.key == "cli.import.budget.no_year"

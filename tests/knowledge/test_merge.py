"""Several documents of one kind: the newer decision wins for the same figure, and is cited."""

from __future__ import annotations

from datetime import date

from bot.answering import Answerer
from bot.knowledge import default_knowledge
from bot.knowledge.loader import build_knowledge
from bot.knowledge.models import Budget, SourceRef


def revised(budget: Budget, document: str) -> Budget:
    """The same table restated by a later document: one figure changed, one line left out."""
    source = SourceRef(document=document, section="Tabell")
    lines = [
        line.model_copy(
            update={"amounts": {**line.amounts, "forslag_2025": 2_100_000}, "source": source}
            if line.key == "trygghetsvardar"
            else {"source": source}
        )
        for line in budget.lines
        if line.key != "ovriga_insatser"
    ]
    totals = {**budget.totals, "forslag_2025": 3_500_000}
    return budget.model_copy(
        update={"table_source": source, "lines": lines, "totals": totals, "stated_sums": [], "stated_changes": []}
    )


def test_the_newer_document_gives_the_figure_and_its_source() -> None:
    kb = default_knowledge()
    newer = kb.documents["trygghetspaketet-2025"].model_copy(
        update={"id": "rattelse-2025", "title": "Rättelse 2025", "dated": date(2025, 3, 1)}
    )
    merged = build_knowledge(
        {**kb.documents, newer.id: newer}, [*kb.budgets, revised(kb.budgets[0], newer.id)], list(kb.prizes)
    )
    budget = merged.budget
    assert budget.line("trygghetsvardar").amount("forslag_2025") == 2_100_000
    assert budget.column_source("forslag_2025").document == "rattelse-2025"
    # The line the newer table leaves out has no figure there (not the older one's, not 0).
    assert budget.line("ovriga_insatser").amount("forslag_2025") is None
    text = Answerer(merged).answer("vad fick trygghetsvärdar 2025?").text
    assert "2,1 mkr" in text and "Rättelse 2025" in text


def test_the_older_document_dated_later_in_the_list_still_loses() -> None:
    kb = default_knowledge()
    older = kb.documents["trygghetspaketet-2025"].model_copy(
        update={"id": "utkast-2025", "title": "Utkast 2025", "dated": date(2024, 12, 1)}
    )
    merged = build_knowledge(
        {**kb.documents, older.id: older}, [revised(kb.budgets[0], older.id), *kb.budgets], list(kb.prizes)
    )
    assert merged.budget.line("trygghetsvardar").amount("forslag_2025") == 2_000_000
    assert merged.budget.column_source("forslag_2025").document == "trygghetspaketet-2025"

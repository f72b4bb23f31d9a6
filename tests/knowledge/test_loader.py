"""The knowledge data loads, is checked against itself, and keeps the document's figures."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from bot.knowledge import KnowledgeError, load_knowledge
from bot.knowledge.models import SourceRef


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    source = resources.files("bot.knowledge").joinpath("data")
    for name in ("documents.json", "prize.json", "budget.json", "glossary.json", "sections.json"):
        shutil.copy(str(source.joinpath(name)), tmp_path / name)
    return tmp_path


def edit(data_dir: Path, name: str, change: object) -> None:
    path = data_dir / name
    data = json.loads(path.read_text("utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def test_shipped_data_loads_with_the_documented_discrepancy() -> None:
    kb = load_knowledge()
    budget = kb.budget
    computed = sum(line.amounts["budget_2024"] for line in budget.lines)
    assert budget.totals["budget_2024"] != computed
    discrepancy = kb.discrepancy_for("budget_2024")
    assert discrepancy is not None
    assert discrepancy.stated_sek == budget.totals["budget_2024"]  # the document's figure is kept
    assert discrepancy.computed_sek == computed
    assert [d.column for d in kb.discrepancies] == ["budget_2024"]


def test_every_source_names_a_known_document_and_section() -> None:
    kb = load_knowledge()
    refs = [w.source for w in kb.prize.winners] + [line.source for line in kb.budget.lines]
    refs += [c.source for c in kb.prize.mandatory_criteria + kb.prize.assessment_criteria]
    assert refs
    for ref in refs:
        assert isinstance(ref, SourceRef)
        assert ref.document in kb.documents
        assert ref.section.strip()


def test_winners_cover_every_year_from_the_first_award(data_dir: Path) -> None:
    kb = load_knowledge(data_dir)
    years = sorted(w.year for w in kb.prize.winners)
    assert years == list(range(kb.prize.first_awarded_year, years[-1] + 1))


def test_a_stated_change_that_disagrees_with_the_table_is_refused(data_dir: Path) -> None:
    edit(data_dir, "budget.json", lambda d: d["stated_changes"][0].update(delta_sek=123))
    with pytest.raises(KnowledgeError, match="says 123"):
        load_knowledge(data_dir)


def test_a_stated_sum_that_disagrees_with_the_table_is_refused(data_dir: Path) -> None:
    # Only the stated sum changes (the table and every stated change stay), so only the sum check can fail.
    edit(data_dir, "budget.json", lambda d: d["stated_sums"][1].update(amount_sek=1_500_000))
    with pytest.raises(KnowledgeError, match=r"Totalt 1,4 mkr.*says 1500000, table gives 1400000"):
        load_knowledge(data_dir)


def test_a_line_without_a_figure_in_a_column_has_none_not_zero(data_dir: Path) -> None:
    edit(data_dir, "budget.json", lambda d: d["lines"][2]["amounts"].pop("utfall_2024"))
    line = load_knowledge(data_dir).budget.line("lokala_arbetsgrupper")
    assert line.amount("utfall_2024") is None
    assert line.amount("budget_2024") == 600_000


def test_a_figure_in_an_unknown_column_is_refused(data_dir: Path) -> None:
    edit(data_dir, "budget.json", lambda d: d["lines"][1]["amounts"].update(utfall_2031=5))
    with pytest.raises(KnowledgeError, match="unknown column"):
        load_knowledge(data_dir)


def test_unknown_document_in_a_source_is_refused(data_dir: Path) -> None:
    edit(data_dir, "prize.json", lambda d: d["winners"][0]["source"].update(document="nope"))
    with pytest.raises(KnowledgeError, match="nope"):
        load_knowledge(data_dir)


def test_newer_schema_version_is_refused(data_dir: Path) -> None:
    edit(data_dir, "prize.json", lambda d: d.update(schema_version=99))
    with pytest.raises(KnowledgeError, match="schema_version 99"):
        load_knowledge(data_dir)


def test_a_negative_amount_is_refused(data_dir: Path) -> None:
    edit(data_dir, "budget.json", lambda d: d["lines"][0]["amounts"].update(utfall_2024=-1))
    with pytest.raises(KnowledgeError, match=r"(?s)budget\.json.*amounts must be zero or positive"):
        load_knowledge(data_dir)


def test_duplicate_winner_year_is_refused(data_dir: Path) -> None:
    edit(data_dir, "prize.json", lambda d: d["winners"].append(dict(d["winners"][0])))
    with pytest.raises(KnowledgeError, match="same year"):
        load_knowledge(data_dir)


def test_broken_json_names_the_file(data_dir: Path) -> None:
    (data_dir / "budget.json").write_text("{", "utf-8")
    with pytest.raises(KnowledgeError, match=r"budget\.json"):
        load_knowledge(data_dir)


def test_a_new_winner_added_to_the_data_is_answered(data_dir: Path) -> None:
    from bot.answering import Answerer

    def add(d: dict) -> None:  # type: ignore[type-arg]
        d["winners"].append(
            {
                "year": 2023,
                "theme": "stärkt samverkan",
                "winner": "Exempelföreningen Trygga Gatan",
                "description": None,
                "aliases": ["Trygga Gatan"],
                "source": {"document": "trygghetspriset-2023", "section": "Bakgrund"},
            }
        )

    edit(data_dir, "prize.json", add)
    answerer = Answerer(load_knowledge(data_dir))
    assert "Trygga Gatan" in answerer.answer("vem vann 2023?").text
    assert "2023" in answerer.answer("när vann Trygga Gatan?").text

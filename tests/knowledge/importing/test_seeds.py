"""Parsing the two seed documents reproduces the hand-made knowledge shipped in bot/knowledge/data.

Compared field by field. Intended differences, each checked below where it matters:

* every free text (descriptions, history, reasons, children, decided_by ...) is the document's own
  sentence; the shipped JSON paraphrases some of them, so texts are compared only where the JSON
  quotes the document;
* the parser states more sums than the JSON (every sentence whose sum the table confirms, e.g.
  "Kommunstyrelsen har beslutat om 3,5 mkr för 2025 års trygghetspaket"), so the JSON's stated
  sums must be a subset;
* SSPF's partners come from the first expansion the document gives, "(skola, socialtjänst, polis
  och fritid)", where the JSON says "fritidsverksamheter" (from the later wording).
"""

from __future__ import annotations

from bot.knowledge.importing import ParsedDocument, parse_document
from bot.knowledge.loader import KnowledgeBase, build_knowledge
from bot.knowledge.models import DocumentSection
from tests.knowledge.importing.conftest import fixture_text


def parse(name: str, known: KnowledgeBase) -> ParsedDocument:
    return parse_document(fixture_text(name), known=known, file_name=name)


def test_the_budget_seed_gives_the_shipped_budget(shipped: KnowledgeBase) -> None:
    parsed = parse("trygghetspaketet-2025.txt", shipped)
    want, got = shipped.budget, parsed.budget
    assert parsed.kind == "budget" and got is not None and parsed.prize is None
    assert (got.name, got.year) == (want.name, want.year)
    assert got.table_source == want.table_source
    assert [c.model_dump(exclude={"source"}) for c in got.columns] == [
        c.model_dump(exclude={"source"}) for c in want.columns
    ]
    assert [line.key for line in got.lines] == [line.key for line in want.lines]
    for mine, theirs in zip(got.lines, want.lines, strict=True):
        assert mine.amounts == theirs.amounts, mine.key
        assert (mine.name, mine.name_en, mine.synonyms) == (theirs.name, theirs.name_en, theirs.synonyms)
        assert mine.expansion == theirs.expansion
        assert mine.source == theirs.source, mine.key
        assert set(mine.activities) == set(theirs.activities), mine.key
        assert set(mine.areas) == set(theirs.areas), mine.key
        assert (mine.status_note is None) == (theirs.status_note is None), mine.key
    assert got.line("lokala_aktorer").partners == ["lokala aktörer"]
    assert got.line("trygghetsvardar").partners == ["fastighetsägare"]
    assert got.line("sspf").partners == ["skola", "socialtjänst", "polis", "fritid"]  # JSON: fritidsverksamheter
    assert got.totals == want.totals
    assert got.state_grant.model_dump(exclude={"text"}) == want.state_grant.model_dump(exclude={"text"})
    assert "23 kr per invånare, totalt cirka 2,5 mkr för 2024" in got.state_grant.text
    history = {h.key: (h.year_from, h.year_to, h.amount_sek, h.source) for h in got.history}
    assert history == {h.key: (h.year_from, h.year_to, h.amount_sek, h.source) for h in want.history}
    assert [m.name for m in got.unbudgeted_mentions] == sorted(m.name for m in want.unbudgeted_mentions)[::-1]
    assert {m.name: m.synonyms for m in got.unbudgeted_mentions} == {
        m.name: m.synonyms for m in want.unbudgeted_mentions
    }
    stated = {(s.column, tuple(s.lines), s.amount_sek, s.source) for s in got.stated_sums}
    for expected in want.stated_sums:
        assert (expected.column, tuple(expected.lines), expected.amount_sek, expected.source) in stated
    assert [c.model_dump(exclude={"reason"}) for c in got.stated_changes] == [
        c.model_dump(exclude={"reason"}) for c in want.stated_changes
    ]
    assert "Älta och på Sicklaön" in got.stated_changes[0].reason
    assert [o.model_dump(exclude={"reason"}) for o in got.outcomes_below_budget] == [
        o.model_dump(exclude={"reason"}) for o in want.outcomes_below_budget
    ]
    assert "läget varit lugnare än förväntat" in got.outcomes_below_budget[0].reason
    assert got.decided_by.source == want.decided_by.source
    assert got.decided_by.text == want.decided_by.text.split(". ")[0] + "."  # the JSON adds who proposes
    assert got.children.source == want.children.source
    assert got.children.text.startswith("Aktiviteterna inom trygghetspaketet har stort fokus på barn och unga")


def test_the_budget_seed_warns_of_the_total_the_lines_do_not_reach(shipped: KnowledgeBase) -> None:
    parsed = parse("trygghetspaketet-2025.txt", shipped)
    assert parsed.budget is not None and parsed.budget.totals["budget_2024"] == 5_000_000  # the document's figure
    assert parsed.warnings == [
        "Summan för Budget 2024 är 5 mkr i dokumentet men raderna blir 4,4 mkr; dokumentets summa behålls."
    ]
    assert parsed.notes[0].text("en").startswith("The total for Budget 2024 is 5 mkr")


def test_the_prize_seed_gives_the_shipped_prize(shipped: KnowledgeBase) -> None:
    parsed = parse("trygghetspriset-2023.txt", shipped)
    want, got = shipped.prize, parsed.prize
    assert parsed.kind == "prize" and got is not None and parsed.budget is None
    assert (got.name, got.amount_sek, got.amount_source) == (want.name, want.amount_sek, want.amount_source)
    assert got.eligible == want.eligible  # the JSON quotes the document here
    assert got.purpose.source == want.purpose.source
    assert got.purpose.text.startswith("att stimulera verksamheter och organisationer att verka för en ökad trygghet")
    assert got.first_awarded_year == want.first_awarded_year == 2012
    assert (got.awarded_at.months, got.awarded_at.source) == (want.awarded_at.months, want.awarded_at.source)
    assert [(d.year, d.date, d.by, d.source) for d in got.decisions] == [
        (d.year, d.date, d.by, d.source) for d in want.decisions
    ]
    assert got.awarded_until_year == want.awarded_until_year
    assert got.jury == want.jury
    assert got.mandatory_criteria == want.mandatory_criteria
    assert got.assessment_criteria == want.assessment_criteria
    assert got.rounds == want.rounds
    assert got.winners == want.winners


def test_the_seeds_give_the_shipped_documents(shipped: KnowledgeBase) -> None:
    for name in ("trygghetspaketet-2025.txt", "trygghetspriset-2023.txt"):
        parsed = parse(name, shipped)
        assert parsed.document == shipped.documents[parsed.document.id]


def test_the_seed_sections_are_the_documents_headings(shipped: KnowledgeBase) -> None:
    budget = parse("trygghetspaketet-2025.txt", shipped)
    assert [s.heading for s in budget.sections] == [
        "Förslag till beslut",
        "Sammanfattning av ärendet",
        "Bakgrund",
        "Trygghetspaketet 2025",
        "Förslag till fördelning av trygghetspaketets 3,5 mkr för 2025",
        "Ekonomiska konsekvenser",
        "Konsekvenser för barn",
        "Handlingar i ärendet",
    ]
    prize = parse("trygghetspriset-2023.txt", shipped)
    headings = [s.heading for s in prize.sections]
    assert headings[:7] == [
        "Trygghetspriset 2023",  # the title block ("Tema: ...") before the first heading
        "Förvaltningens förslag till beslut",
        "Sammanfattning",
        "Bakgrund",
        "Ärendets beredning",
        "Ärendet",
        "Förvaltningens synpunkter och förslag",
    ]
    criteria = next(s for s in prize.sections if s.heading == "Ärendet")
    assert "• insatsen ska ske i samverkan mellan flera verksamheter/organisationer" in criteria.text.split("\n")
    background = next(s for s in prize.sections if s.heading == "Bakgrund")
    assert "civilsamhällesorganisationer" in background.text  # the hyphenated line break joined
    assert isinstance(criteria, DocumentSection)


def test_the_parsed_seeds_load_as_imported_documents(shipped: KnowledgeBase) -> None:
    budget = parse("trygghetspaketet-2025.txt", shipped).imported()
    prize = parse("trygghetspriset-2023.txt", shipped).imported()
    assert budget.budget is not None and prize.prize is not None
    documents = {budget.document.id: budget.document, prize.document.id: prize.document}
    sections = {d.document.id: d.sections for d in (budget, prize)}
    kb = build_knowledge(documents, [budget.budget], [prize.prize], sections)
    assert [d.column for d in kb.discrepancies] == [d.column for d in shipped.discrepancies] == ["budget_2024"]
    assert kb.budget.totals == shipped.budget.totals
    assert kb.prize.rounds[0].prize_sek == 50_000

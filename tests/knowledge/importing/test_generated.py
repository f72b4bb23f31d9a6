"""Documents the tests write themselves, in the seeds' layout: every extracted fact is checked.

A 2026 budget decision with new figures, new columns and a new "Nattvandring" line; a 2024 prize
direction with a new period, theme, prize sum, jury term and the 2023 winner added. Both are then
loaded beside the shipped documents, as the import command will store them.

Every test runs twice: on the text, and on a PDF of it (written with fpdf2, read back through
``read_document_text``, whose pypdf text has no blank lines between paragraphs).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.knowledge.importing import ParsedDocument, parse_document, read_document_text
from bot.knowledge.loader import KnowledgeBase, build_knowledge
from bot.knowledge.models import Budget, Prize, SourceRef
from tests.knowledge.importing.written import BudgetDecision, PrizeDirection, write_pdf

BUDGET_DOC = "trygghetspaketet-2026"
PRIZE_DOC = "trygghetspriset-2024"


def src(section: str, document: str = BUDGET_DOC) -> SourceRef:
    return SourceRef(document=document, section=section)


@pytest.fixture(scope="module", params=["txt", "pdf"])
def suffix(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def read_back(text: str, name: str, suffix: str, folder: Path) -> str:
    """The text as the import reads it: from a text file, or from a PDF written from it."""
    if suffix == "txt":
        return text
    return read_document_text(write_pdf(text, folder / f"{name}.pdf"))


@pytest.fixture(scope="module")
def budget_doc(shipped: KnowledgeBase, suffix: str, tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    text = read_back(BudgetDecision().text(), BUDGET_DOC, suffix, tmp_path_factory.mktemp("pdf"))
    return parse_document(text, known=shipped, file_name=f"{BUDGET_DOC}.{suffix}")


@pytest.fixture(scope="module")
def budget(budget_doc: ParsedDocument) -> Budget:
    assert budget_doc.kind == "budget" and budget_doc.budget is not None
    return budget_doc.budget


@pytest.fixture(scope="module")
def prize_doc(shipped: KnowledgeBase, suffix: str, tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    text = read_back(PrizeDirection().text(), PRIZE_DOC, suffix, tmp_path_factory.mktemp("pdf"))
    return parse_document(text, known=shipped, file_name=f"{PRIZE_DOC}.{suffix}")


@pytest.fixture(scope="module")
def prize(prize_doc: ParsedDocument) -> Prize:
    assert prize_doc.kind == "prize" and prize_doc.prize is not None
    return prize_doc.prize


TABLE = "Förslag till fördelning av trygghetspaketets 3,8 mkr för 2026"


def test_the_2026_document(budget_doc: ParsedDocument, suffix: str) -> None:
    document = budget_doc.document
    assert (document.id, document.title, document.file) == (
        BUDGET_DOC,
        "Trygghetspaketet 2026",
        f"trygghetspaketet-2026.{suffix}",
    )
    assert document.dated == date(2026, 1, 28)  # "Tjänsteskrivelse daterad den 28 januari 2026"
    assert document.issuer == "Stadsledningskontoret, Säkerhetsstaben"
    assert [(s.name, s.title, s.unit) for s in document.signed_by] == [
        ("Henrik Ahl", "Stabs- och säkerhetsdirektör", "Stadsledningskontoret"),
        ("Jonas Raber", "Säkerhetschef", "Säkerhetsstaben"),
    ]
    assert budget_doc.warnings == []  # every total adds up


def test_the_2026_columns_and_figures(budget: Budget) -> None:
    assert (budget.name, budget.year, budget.table_source) == ("Trygghetspaketet", 2026, src(TABLE))
    assert [(c.key, c.kind, c.year, c.label) for c in budget.columns] == [
        ("forslag_2026", "forslag", 2026, "Förslag 2026"),
        ("utfall_2025", "utfall", 2025, "Utfall 2025"),
        ("budget_2025", "budget", 2025, "Budget 2025"),
    ]
    assert {line.key: line.amounts for line in budget.lines} == {
        "trygghetsvardar": {"forslag_2026": 2_200_000, "utfall_2025": 1_900_000, "budget_2025": 2_000_000},
        "lokala_arbetsgrupper": {"forslag_2026": 600_000, "utfall_2025": 600_000, "budget_2025": 700_000},
        "lokala_aktorer": {"forslag_2026": 600_000, "utfall_2025": 600_000, "budget_2025": 700_000},
        "nattvandring": {"forslag_2026": 300_000},  # "–" in the older columns: no figure, not 0
        "ovriga_insatser": {"forslag_2026": 100_000, "utfall_2025": 100_000, "budget_2025": 100_000},
    }
    assert budget.totals == {"forslag_2026": 3_800_000, "utfall_2025": 3_200_000, "budget_2025": 3_500_000}


def test_known_lines_keep_their_words_and_a_new_line_gets_its_own(budget: Budget, shipped: KnowledgeBase) -> None:
    before = shipped.budget.line("trygghetsvardar")
    line = budget.line("trygghetsvardar")
    assert (line.name_en, line.synonyms) == (before.name_en, before.synonyms)
    assert line.source == src("Trygghetspaketet 2026")
    assert line.areas == ["Boo", "Fisksätra", "Orminge"] and line.partners == ["fastighetsägare"]
    assert "utökas även i Boo" in line.description
    new = budget.line("nattvandring")
    assert (new.name, new.name_en) == ("Nattvandring", "Nattvandring")
    assert new.synonyms[:4] == ["nattvandring", "nattvandringen", "nattvandringar", "nattvandringarna"]
    # What the bot knew as "nattvandrarna" (mentioned without a line) now finds this line.
    assert {"nattvandrarna", "night walkers"} <= set(new.synonyms)
    assert new.description == (
        "Nattvandring får från i år en egen rad i fördelningen. "
        "Nattvandring sker i Orminge och Fisksätra i samverkan med lokala föreningar."
    )
    assert (new.partners, new.areas, new.source) == (
        ["lokala föreningar"],
        ["Orminge", "Fisksätra"],
        src("Trygghetspaketet 2026"),
    )


def test_the_2026_prose(budget: Budget) -> None:
    assert (
        budget.decided_by.text
        == "Kommunfullmäktige har beslutat att avsätta totalt 3,8 mkr för 2026 till trygghetspaketet."
    )
    assert budget.decided_by.source == src("Sammanfattning av ärendet")
    sums = {(s.text, s.column, tuple(s.lines), s.amount_sek, s.source.section) for s in budget.stated_sums}
    assert (
        "300 000 kronor till nattvandring.",
        "forslag_2026",
        ("nattvandring",),
        300_000,
        "Förslag till beslut",
    ) in sums
    assert (
        "2,2 miljoner kronor kommer att fördelas till trygghetsvärdar.",
        "forslag_2026",
        ("trygghetsvardar",),
        2_200_000,
        "Förslag till beslut",
    ) in sums
    pair = [s for s in budget.stated_sums if s.amount_sek == 1_200_000]
    assert [(s.lines, s.source.section) for s in pair] == [
        (["lokala_arbetsgrupper", "lokala_aktorer"], "Sammanfattning av ärendet")
    ]
    everything = [s for s in budget.stated_sums if s.amount_sek == 3_800_000]
    assert everything and all(len(s.lines) == 5 for s in everything)
    [change] = budget.stated_changes
    assert (change.line, change.from_column, change.to_column, change.delta_sek) == (
        "trygghetsvardar",
        "budget_2025",
        "forslag_2026",
        200_000,
    )
    assert (
        change.reason == "I förslaget till fördelning finns en utökad satsning på trygghetsvärdar att även verka i Boo."
    )
    [outcome] = budget.outcomes_below_budget
    assert (outcome.column, outcome.compared_to, outcome.source) == (
        "utfall_2025",
        "budget_2025",
        src("Trygghetspaketet 2026"),
    )
    assert outcome.reason.startswith("Färre akuta insatser behövdes än planerat")
    grant = budget.state_grant
    assert (grant.per_inhabitant_sek, grant.total_sek, grant.total_is_approximate, grant.year) == (
        24,
        2_600_000,
        True,
        2025,
    )
    assert (grant.law, grant.law_sfs, grant.source) == (
        "lagen för kommuners ansvar för brottsförebyggande arbete",
        "2023:196",
        src("Ekonomiska konsekvenser"),
    )
    assert budget.children.text.endswith("Nattvandringen möter unga där de är på kvällarna.")
    assert budget.children.source == src("Konsekvenser för barn")


def test_the_2026_background(budget: Budget) -> None:
    assert [(h.key, h.year_from, h.year_to, h.amount_sek) for h in budget.history] == [
        ("start", 2018, 2020, 5_000_000),
        ("increase", 2019, None, 6_000_000),
        ("socialnamnden", 2019, None, 1_000_000),
        ("remaining", 2019, None, 5_000_000),
        ("priorities_2025", 2025, 2025, None),
    ]
    assert all(h.source == src("Bakgrund") for h in budget.history)
    # "stöd till nattvandrarna" has a line now; the support to "polarna" still has none.
    assert [m.name for m in budget.unbudgeted_mentions] == ["polarna och ungdomsverksamheten"]


def test_the_2026_decision_loads_beside_the_shipped_ones(budget_doc: ParsedDocument, shipped: KnowledgeBase) -> None:
    imported = budget_doc.imported()
    assert imported.budget is not None
    documents = {**shipped.documents, BUDGET_DOC: imported.document}
    kb = build_knowledge(documents, [*shipped.budgets, imported.budget], list(shipped.prizes))
    merged = kb.budget
    assert [c.key for c in merged.columns][:3] == ["forslag_2026", "utfall_2025", "budget_2025"]
    assert merged.line("nattvandring").amounts == {"forslag_2026": 300_000}
    assert merged.line("sspf").amount("forslag_2026") is None  # the 2026 table has no SSPF line
    assert merged.line("sspf").amount("forslag_2025") == 0
    assert "nattvandrarna" not in [m.name for m in merged.unbudgeted_mentions]
    assert merged.state_grant.per_inhabitant_sek == 24
    assert [d.column for d in kb.discrepancies] == ["budget_2024"]  # the 2025 document's own


def test_the_2024_direction(prize_doc: ParsedDocument, prize: Prize, shipped: KnowledgeBase) -> None:
    document = prize_doc.document
    assert (document.id, document.title, document.issuer) == (PRIZE_DOC, "Trygghetspriset 2024", "Socialförvaltningen")
    assert document.dated == date(2024, 4, 30)  # the latest "Attesterat" date
    assert [(s.name, s.title) for s in document.signed_by] == [
        ("Veronica Wolgast Carstorp", "Socialdirektör"),
        ("Lina Blombergsson", "Avdelningschef"),
    ]
    assert prize_doc.warnings == []
    p = lambda section: src(section, PRIZE_DOC)  # noqa: E731
    assert (prize.name, prize.amount_sek, prize.amount_source) == ("Trygghetspriset", 60_000, p("Sammanfattning"))
    assert prize.purpose.text == "att stimulera verksamheter och organisationer att verka för en ökad trygghet i staden"
    assert prize.eligible.text.startswith("Verksamheter eller organisationer som arbetar framgångsrikt")
    assert (prize.first_awarded_year, prize.awarded_until_year, prize.awarded_at.months) == (2012, 2027, [10])
    assert [(d.year, d.date, d.by) for d in prize.decisions] == [
        (2012, None, "kommunstyrelsen"),
        (2023, date(2023, 10, 18), "kommunstyrelsen"),
    ]
    assert (prize.jury.chair, prize.jury.appointed_by, prize.jury.term_years, prize.jury.task) == (
        "socialborgarrådet",
        "socialborgarrådet",
        2,
        "att utse en vinnare",
    )
    assert [(c.key, c.text) for c in prize.mandatory_criteria] == [
        (c.key, c.text) for c in shipped.prize.mandatory_criteria
    ]
    assert [(c.key, c.text, c.source) for c in prize.assessment_criteria] == [
        ("innovation", "insatsen är innovativ och nyskapande", p("Ärendet")),
        ("langsiktig_leva_vidare", "insatsen är långsiktig och kan leva vidare efter prisåret", p("Ärendet")),
    ]
    [round_] = prize.rounds
    assert (round_.year, round_.theme, round_.focus) == (
        2024,
        "Trygghet i skolan och på fritiden",
        "verksamheter som gör skolvägen och fritiden tryggare för barn och unga",
    )
    assert (round_.nomination_opens, round_.nomination_closes, round_.conference_date) == (
        date(2024, 5, 15),
        date(2024, 8, 15),
        date(2024, 10, 24),
    )
    assert (round_.prize_sek, round_.source) == (60_000, p("Ärendet"))
    assert [(w.year, w.theme, w.winner, w.description) for w in prize.winners] == [
        (
            2023,
            "Stärkt samverkan för ökad trygghet",
            "Föreningen Trygga Gatan",
            "ett samarbete mellan skolor och polisen i Rinkeby",
        ),
        (
            2022,
            "socialtjänstens brottsförebyggande arbete",
            "IGOR",
            "ett samverkansprojekt mellan Polisen och Södermalms stadsdelsförvaltning",
        ),
        (2021, "missbruk, beroende och kriminalitet", "Föreningen Gatans lag FF", None),
    ]
    assert prize.winners[0].aliases == ["Föreningen Trygga Gatan", "Trygga Gatan"]
    assert prize.winners[2].aliases == shipped.prize.winner_for(2021).aliases  # type: ignore[union-attr]


def test_the_2024_direction_loads_beside_the_shipped_one(prize_doc: ParsedDocument, shipped: KnowledgeBase) -> None:
    imported = prize_doc.imported()
    assert imported.prize is not None
    documents = {**shipped.documents, PRIZE_DOC: imported.document}
    kb = build_knowledge(documents, list(shipped.budgets), [*shipped.prizes, imported.prize])
    assert [(r.year, r.prize_sek) for r in kb.prize.rounds] == [(2023, 50_000), (2024, 60_000)]
    assert kb.prize.amount_sek == 60_000
    assert [w.year for w in kb.prize.winners] == list(range(2023, 2011, -1))
    assert kb.prize.winner_for(2023).winner == "Föreningen Trygga Gatan"  # type: ignore[union-attr]

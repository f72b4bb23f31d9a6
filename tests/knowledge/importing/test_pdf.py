"""The same documents as PDFs (written here with fpdf2) read through pypdf."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from bot.knowledge import default_knowledge
from bot.knowledge.importing import ImportRefused, parse_document, read_document_text
from tests.knowledge.importing.documents import budget_2026, prize_2024

# The built-in PDF fonts are Latin-1: the few characters outside it are written as their ASCII cousins.
LATIN1 = str.maketrans({"–": "-", "”": '"', "“": '"', "\uf0b7": "-"})


def write_pdf(text: str, path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in text.translate(LATIN1).split("\n"):
        pdf.cell(0, 5, line.rstrip(), new_x="LMARGIN", new_y="NEXT")
        if pdf.get_y() > 270:
            pdf.add_page()
    pdf.output(str(path))
    return path


def test_a_budget_pdf_reads_like_its_text(tmp_path: Path) -> None:
    text = read_document_text(write_pdf(budget_2026(), tmp_path / "tp-2026.pdf"))
    budget = parse_document(text, known=default_knowledge(), file_name="tp-2026.pdf").item.budget
    assert budget is not None
    assert [c.key for c in budget.columns] == ["forslag_2026", "utfall_2025", "budget_2025"]
    assert budget.line("nattvandring").amounts == {"forslag_2026": 400_000}
    assert budget.line("trygghetsvardar").amounts["utfall_2025"] == 1_900_000
    assert budget.totals["budget_2025"] == 3_500_000


def test_a_prize_pdf_reads_like_its_text(tmp_path: Path) -> None:
    text = read_document_text(write_pdf(prize_2024(), tmp_path / "pris-2024.pdf"))
    prize = parse_document(text, known=default_knowledge(), file_name="pris-2024.pdf").item.prize
    assert prize is not None
    assert prize.amount_sek == 60_000
    assert prize.rounds[0].theme == "Trygga mötesplatser för unga"
    assert [w.year for w in prize.winners] == [2023, 2022]
    assert len(prize.assessment_criteria) == 3


def test_a_file_that_is_not_a_pdf_or_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.pdf"
    path.write_bytes(b"%PDF-1.4\n\x00\xff garbage")
    with pytest.raises(ImportRefused):
        read_document_text(path)
    binary = tmp_path / "data.bin"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    with pytest.raises(ImportRefused) as refused:
        read_document_text(binary)
    assert refused.value.key == "cli.import.not_utf8"

"""Reading a file: a PDF through pypdf gives the same knowledge as its text; what cannot be read is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.importing import ImportRefused, parse_document, read_document_text
from bot.knowledge.loader import KnowledgeBase
from tests.knowledge.importing.conftest import fixture_text
from tests.knowledge.importing.written import BudgetDecision, PrizeDirection, write_pdf


@pytest.mark.parametrize("name", ["trygghetspaketet-2025.txt", "trygghetspriset-2023.txt"])
def test_a_seed_as_pdf_gives_what_its_text_gives(name: str, shipped: KnowledgeBase, tmp_path: Path) -> None:
    text = fixture_text(name)
    pdf = read_document_text(write_pdf(text, tmp_path / "seed.pdf"))
    assert "\n\n" not in pdf.strip()  # pypdf gives no blank lines: paragraphs are found another way
    from_text = parse_document(text, known=shipped, file_name=name)
    from_pdf = parse_document(pdf, known=shipped, file_name=name)
    assert from_pdf.kind == from_text.kind
    assert from_pdf.budget == from_text.budget
    assert from_pdf.prize == from_text.prize
    assert from_pdf.document == from_text.document == shipped.documents[from_text.document.id]
    assert [s.heading for s in from_pdf.sections] == [s.heading for s in from_text.sections]
    assert from_pdf.warnings == from_text.warnings


@pytest.mark.parametrize("document", [BudgetDecision(), PrizeDirection()], ids=["budget", "prize"])
def test_a_written_document_as_pdf_gives_what_its_text_gives(
    document: BudgetDecision | PrizeDirection, shipped: KnowledgeBase, tmp_path: Path
) -> None:
    text = document.text()
    from_pdf = parse_document(
        read_document_text(write_pdf(text, tmp_path / "doc.pdf")), known=shipped, file_name="doc.pdf"
    )
    from_text = parse_document(text, known=shipped, file_name="doc.pdf")
    assert (from_pdf.budget, from_pdf.prize, from_pdf.document) == (
        from_text.budget,
        from_text.prize,
        from_text.document,
    )


def test_a_text_file_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "beslut.txt"
    path.write_text("Trygghetspaketet 2026 – åäö", "utf-8")
    assert read_document_text(path) == "Trygghetspaketet 2026 – åäö"


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as refused:
        read_document_text(tmp_path / "saknas.pdf")
    assert refused.value.key == "cli.import.unreadable"
    assert refused.value.text("sv").startswith("Filen saknas.pdf kunde inte läsas")


def test_a_file_in_another_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "beslut.txt"
    path.write_bytes("Trygghetspaketet åäö".encode("utf-16"))
    with pytest.raises(ImportRefused) as refused:
        read_document_text(path)
    assert refused.value.key == "cli.import.not_utf8"


def test_a_broken_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "trasig.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not a PDF body")
    with pytest.raises(ImportRefused) as refused:
        read_document_text(path)
    assert refused.value.key in {"cli.import.bad_pdf", "cli.import.pdf_without_text"}
    assert "trasig.pdf" in refused.value.text("en")


def test_a_pdf_without_text_is_refused(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()  # a page with nothing on it, as a scan has no text to extract
    pdf.output(str(tmp_path / "skannad.pdf"))
    with pytest.raises(ImportRefused) as refused:
        read_document_text(tmp_path / "skannad.pdf")
    assert refused.value.key == "cli.import.pdf_without_text"

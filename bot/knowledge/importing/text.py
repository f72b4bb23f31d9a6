"""A document's plain text: a PDF through pypdf (maintained, pure Python), anything else as UTF-8."""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.importing.errors import ImportRefused


def read_document_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused("cli.knowledge.unreadable", path=str(path), error=error.strerror or str(error)) from None
    if data.startswith(b"%PDF"):
        return _pdf_text(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused("cli.knowledge.not_text", path=str(path)) from None


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PyPdfError, ValueError, OSError) as error:
        raise ImportRefused("cli.knowledge.bad_pdf", path=str(path), error=str(error)) from None

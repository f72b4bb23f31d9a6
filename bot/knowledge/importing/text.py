"""The plain text of a document file: a PDF through pypdf, anything else read as UTF-8."""

from __future__ import annotations

import logging
from io import BytesIO
from pathlib import Path

from bot.files import MEGABYTE, FileTooLarge, read_limited
from bot.knowledge.importing.errors import ImportRefused
from bot.texts import os_reason

PDF_MAGIC = b"%PDF-"
# A decision of a few pages is well under a megabyte as a PDF; nothing larger than this is read.
MAX_DOCUMENT_BYTES = 50 * MEGABYTE


def read_document_text(path: Path) -> str:
    """The document's text, lines as the PDF (or text file) gives them; raises :class:`ImportRefused`."""
    try:
        data = read_limited(path, MAX_DOCUMENT_BYTES)
    except FileTooLarge as error:
        raise ImportRefused("cli.import.too_large", file=path.name, megabytes=MAX_DOCUMENT_BYTES // MEGABYTE) from error
    except OSError as error:
        raise ImportRefused("cli.import.unreadable", file=path.name, reason=os_reason(error)) from error
    if path.suffix.lower() == ".pdf" or data.startswith(PDF_MAGIC):
        return _pdf_text(path, data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused("cli.import.not_utf8", file=path.name) from error


def _pdf_text(path: Path, data: bytes) -> str:
    from pypdf import PdfReader  # 150 ms to import: only when a PDF is read, not for every command
    from pypdf.errors import PyPdfError

    # pypdf logs recoverable oddities of real-world PDFs as warnings; the text is what matters here.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise ImportRefused("cli.import.bad_pdf", file=path.name) from error
    text = "\n".join(pages)
    if not text.strip():
        # A scanned PDF has pictures of text only; reading those would need OCR.
        raise ImportRefused("cli.import.pdf_without_text", file=path.name)
    return text

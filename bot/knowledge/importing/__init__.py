"""Decision documents (text extracted from PDFs) parsed into the knowledge models.

``parse_document`` tells a Trygghetspaketet budget decision from a Trygghetspriset direction and
returns the document's own :class:`Budget` or :class:`Prize`, its :class:`Document` and its
sections; merging it with what the bot already knows is the loader's work. Platform-free: no
file is read here except by :func:`read_document_text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from bot.knowledge.importing.budget import parse_budget
from bot.knowledge.importing.common import ParsedText, build_document, fold, title_year
from bot.knowledge.importing.errors import ImportNote, ImportRefused
from bot.knowledge.importing.prize import parse_prize
from bot.knowledge.importing.sections import Section, heading_key
from bot.knowledge.importing.text import read_document_text
from bot.knowledge.loader import KnowledgeBase
from bot.knowledge.metadata import with_metadata
from bot.knowledge.models import SUPPORTED_SCHEMA, Budget, Document, ImportedDocument, Prize

Kind = Literal["budget", "prize"]

__all__ = [
    "ImportNote",
    "ImportRefused",
    "Kind",
    "ParsedDocument",
    "Section",
    "detect_kind",
    "parse_document",
    "read_document_text",
]


@dataclass(frozen=True)
class ParsedDocument:
    document: Document
    kind: Kind
    budget: Budget | None
    prize: Prize | None
    sections: list[Section]
    warnings: list[str]  # what the reader should check, in Swedish (``notes`` has them for any language)
    notes: list[ImportNote] = field(default_factory=list)

    @property
    def item(self) -> ImportedDocument:
        return self.imported()

    def imported(self) -> ImportedDocument:
        """The document as the data file ``trygghetsbot knowledge import`` stores."""
        return ImportedDocument(
            schema_version=SUPPORTED_SCHEMA,
            document=self.document,
            budget=self.budget,
            prize=self.prize,
            sections=self.sections,
        )


def detect_kind(parsed: ParsedText) -> Kind | None:
    """Budget decision or prize direction, by title first, then headings and wording; None if neither."""
    title = fold(parsed.title)
    text = fold(" ".join(parsed.lines))
    headings = [heading_key(block.heading) for block in parsed.blocks]
    budget = 3 * ("trygghetspaket" in title) + 2 * any(h.startswith("förslag till fördelning") for h in headings)
    budget += bool(re.search(r"\bsumma\b", text)) + bool(re.search(r"\butfall\b", text) and re.search(r"\bmkr\b", text))
    prize = 3 * ("pris" in title) + bool(re.search(r"\bprissumman?\b", text))
    prize += bool(re.search(r"\bnominer", text)) + bool(re.search(r"\bvinnare\b", text))
    if max(budget, prize) < 3 or budget == prize:
        return None
    return "budget" if budget > prize else "prize"


def parse_document(text: str, *, known: KnowledgeBase, file_name: str) -> ParsedDocument:
    """The document's knowledge; raises :class:`ImportRefused` for a document of neither kind or
    a budget whose table cannot be read. A total the lines do not add up to is kept, with a warning."""
    parsed = ParsedText.of(text)
    kind = detect_kind(parsed)
    if kind is None:
        raise ImportRefused("cli.import.unknown_kind", file=file_name)
    budget = parse_budget(parsed, known) if kind == "budget" else None
    prize = parse_prize(parsed, known) if kind == "prize" else None
    sections = [block.section() for block in parsed.blocks if block.text]
    # What the document says about itself, read as the loader reads it for the shipped documents.
    document = with_metadata(build_document(parsed, file_name, title_year(parsed.title)), sections)
    return ParsedDocument(
        document=document,
        kind=kind,
        budget=budget,
        prize=prize,
        sections=sections,
        warnings=[note.text("sv") for note in parsed.notes],
        notes=list(parsed.notes),
    )

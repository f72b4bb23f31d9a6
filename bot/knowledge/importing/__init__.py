"""Read a decision document the bot knows the layout of, as the knowledge models.

Two kinds: a Trygghetspaketet budget decision (:mod:`.budget`) and a Trygghetspriset
direction (:mod:`.prize`), as plain text extracted from the PDF or as the PDF itself
(:mod:`.text`). What cannot be read raises :class:`ImportRefused` with a text key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from bot.knowledge.importing.budget import parse_budget
from bot.knowledge.importing.common import Sections, document, title_and_year
from bot.knowledge.importing.errors import ImportRefused
from bot.knowledge.importing.prize import parse_prize
from bot.knowledge.importing.sections import Section, split_sections
from bot.knowledge.importing.text import read_document_text
from bot.knowledge.loader import KnowledgeBase
from bot.knowledge.models import SUPPORTED_SCHEMA, DocumentSection, ImportedDocument

Kind = Literal["budget", "prize"]


@dataclass(frozen=True)
class ParsedDocument:
    item: ImportedDocument
    kind: Kind
    warnings: list[str] = field(default_factory=list)


def detect_kind(text: str) -> Kind:
    head = text[:2000].casefold()
    if re.search(r"\btrygghetspaketet\s+\d{4}", head) and re.search(r"\bsumma\b", text, re.IGNORECASE):
        return "budget"
    if re.search(r"\btrygghetspriset\s+\d{4}", head) and re.search(r"nominering", text, re.IGNORECASE):
        return "prize"
    raise ImportRefused("cli.knowledge.not_recognised")


def parse_document(text: str, *, known: KnowledgeBase, file_name: str) -> ParsedDocument:
    kind = detect_kind(text)
    title, year = title_and_year(text, "Trygghetspaketet" if kind == "budget" else "Trygghetspriset")
    split = split_sections(text)
    issuer = _issuer(split)
    doc = document(title, year, text, file_name, issuer)
    sections = Sections(doc.id, split)
    warnings: list[str] = []
    budget = prize = None
    if kind == "budget":
        budget = parse_budget(title, year, sections, list(known.budget.lines), warnings)
    else:
        prize = parse_prize(title, year, sections, text, known.prize)
    item = ImportedDocument(
        schema_version=SUPPORTED_SCHEMA,
        document=doc,
        budget=budget,
        prize=prize,
        sections=[DocumentSection(heading=s.heading, text=s.text) for s in split if s.heading and s.text],
    )
    return ParsedDocument(item=item, kind=kind, warnings=warnings)


def _issuer(sections: list[Section]) -> str:
    units = [
        word for section in sections for word in re.findall(r"\b(\w+(?:förvaltningen|kontoret|staben))\b", section.text)
    ]
    return ", ".join(dict.fromkeys(units)) or "okänd"


__all__ = ["ImportRefused", "ParsedDocument", "detect_kind", "parse_document", "read_document_text"]

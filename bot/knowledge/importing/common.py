"""Helpers both parsers share: sentences, sources, document ids and dates."""

from __future__ import annotations

import re
from datetime import date

from bot.knowledge.importing.amounts import latest_date
from bot.knowledge.importing.errors import ImportRefused
from bot.knowledge.importing.sections import Section
from bot.knowledge.models import Document, SourceRef

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def slug(text: str) -> str:
    table = str.maketrans("åäöéü", "aaoeu")
    return re.sub(r"[^a-z0-9]+", "_", text.casefold().translate(table)).strip("_")


class Sections:
    """A document's sections with the sources of what is found in them."""

    def __init__(self, doc_id: str, sections: list[Section]) -> None:
        self.doc_id = doc_id
        self.all = sections

    def source(self, section: Section) -> SourceRef:
        return SourceRef(document=self.doc_id, section=section.heading or self.all[0].heading)

    def named(self, *starts: str) -> Section | None:
        """The first section whose heading starts with one of ``starts`` (case-insensitive)."""
        for section in self.all:
            if any(section.heading.casefold().startswith(start.casefold()) for start in starts):
                return section
        return None

    def sentence(self, pattern: str, *, sections: list[Section] | None = None) -> tuple[str, Section] | None:
        """The first sentence matching ``pattern`` (a regular expression), with its section."""
        regex = re.compile(pattern, re.IGNORECASE)
        for section in sections or self.all:
            for sentence in sentences(section.text):
                if regex.search(sentence):
                    return sentence, section
        return None


def document(title: str, year: int, text: str, file_name: str, issuer: str) -> Document:
    dated = latest_date(text, year) or date(year, 1, 1)
    return Document(id=slug(title).replace("_", "-"), title=title, file=file_name, issuer=issuer, dated=dated)


def title_and_year(text: str, name: str) -> tuple[str, int]:
    match = re.search(rf"\b({name})\s+(\d{{4}})\b", text, re.IGNORECASE)
    if match is None:
        raise ImportRefused("cli.knowledge.not_recognised")
    return f"{match.group(1)[:1].upper()}{match.group(1)[1:].casefold()} {match.group(2)}", int(match.group(2))

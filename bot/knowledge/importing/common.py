"""What both kinds of decision share: the document's id, date, signatories and words to match on."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from bot.knowledge.importing.errors import ImportNote
from bot.knowledge.importing.sections import Block, clean_lines, heading_key, sentences, split_blocks
from bot.knowledge.models import Document, Signatory, SourceRef

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH = "|".join(MONTHS)
SWEDISH_DATE = re.compile(rf"\b(\d{{1,2}})\s+({MONTH})(?:\s+(\d{{4}}))?\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
# A person's name in a signature block: two to four capitalised words.
_PERSON = re.compile(r"^[A-ZÅÄÖÉ][a-zåäöéü'-]+(?:\s[A-ZÅÄÖÉ][a-zåäöéü'-]+){1,3}$")


@dataclass
class ParsedText:
    """One document's text, split once, and the notes its parser collects."""

    title: str
    doc_id: str
    lines: list[str]
    blocks: list[Block]
    notes: list[ImportNote] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> ParsedText:
        title, blocks = split_blocks(text)
        return cls(title=title, doc_id=document_id(title), lines=clean_lines(text), blocks=blocks)

    def source(self, heading: str) -> SourceRef:
        return SourceRef(document=self.doc_id, section=heading)

    def block(self, *keys: str) -> Block | None:
        """The first section whose heading (numbers as "#") starts with one of ``keys``."""
        for key in keys:
            for block in self.blocks:
                if heading_key(block.heading).startswith(key):
                    return block
        return None

    def sentences(self, blocks: Iterable[Block] | None = None) -> Iterator[tuple[str, str]]:
        """(heading, sentence) for every sentence of ``blocks`` (all sections by default)."""
        for block in self.blocks if blocks is None else blocks:
            for sentence in sentences(block.text):
                yield block.heading, sentence

    def first(self, pattern: re.Pattern[str]) -> tuple[str, str, re.Match[str]] | None:
        """The first sentence that matches: (heading, sentence, match)."""
        for heading, sentence in self.sentences():
            match = pattern.search(sentence)
            if match:
                return heading, sentence, match
        return None

    def note(self, key: str, **params: object) -> None:
        self.notes.append(ImportNote(key, dict(params)))


def fold(text: str) -> str:
    """Lower case without accents or punctuation, words single-spaced: what names are compared as."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", bare).split())


def slug(text: str, sep: str = "-") -> str:
    return fold(text).replace(" ", sep)


def document_id(title: str) -> str:
    """ "Trygghetspaketet 2026" -> "trygghetspaketet-2026"."""
    return slug(title) or "dokument"


def title_year(title: str) -> int | None:
    match = YEAR.search(title)
    return int(match.group(1)) if match else None


def mentions(sentence: str, names: Iterable[str]) -> bool:
    """Does the sentence name any of ``names`` as whole words?"""
    folded = f" {fold(sentence)} "
    return any(f" {fold(name)} " in folded for name in names if fold(name))


def swedish_date(match: re.Match[str], default_year: int | None) -> date | None:
    year = int(match.group(3)) if match.group(3) else default_year
    if year is None:
        return None
    try:
        return date(year, MONTHS[match.group(2).casefold()], int(match.group(1)))
    except ValueError:
        return None


def signatories(lines: list[str]) -> list[Signatory]:
    """The signature blocks: name, title and unit on three lines, one block per column.

    Two signatories side by side (a two-column signature) are split where the line has two or
    more spaces. No blank line is required around a block: pypdf's text has none.
    """
    found: list[Signatory] = []
    for index in range(len(lines) - 2):
        rows = [re.split(r"\s{2,}", line.strip()) for line in lines[index : index + 3]]
        if not all(rows[0][0]) or len({len(row) for row in rows}) != 1:
            continue
        for name, title, unit in zip(*rows, strict=True):
            if _PERSON.match(name) and _is_label(title) and _is_label(unit):
                found.append(Signatory(name=name, title=title, unit=unit))
    return _dedupe_people(found)


def _is_label(text: str) -> bool:
    return bool(text) and text[0].isupper() and len(text) <= 60 and not re.search(r"[\d.:;,]$|\d", text)


def _dedupe_people(people: list[Signatory]) -> list[Signatory]:
    return list({person.name: person for person in people}.values())


def document_date(parsed: ParsedText) -> date | None:
    """The date the document was approved ("Attesterat", a signed date), else the date it says it has
    ("daterad den …"), else the latest approval stamp (an ISO date beside a name); None if it has none.

    Other dates in the text (a nomination period's last day, an earlier decision, a meeting) are what
    the document is about, not when it was written: a document with only those is undated.
    """
    text = "\n".join(parsed.lines)
    attested = text.find("Attesterat")
    if attested >= 0:
        dates = [_iso(m) for m in ISO_DATE.finditer(text, attested)]
        if any(dates):
            return max(d for d in dates if d)
    dated = re.search(rf"daterad(?:\s+den)?\s+(\d{{1,2}}\s+(?:{MONTH})\s+\d{{4}})", " ".join(text.split()), re.I)
    if dated:
        match = SWEDISH_DATE.search(dated.group(1))
        if match:
            return swedish_date(match, None)
    stamps = [d for m in ISO_DATE.finditer(" ".join(text.split())) if (d := _iso(m))]
    return max(stamps) if stamps else None


def _iso(match: re.Match[str]) -> date | None:
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def build_document(parsed: ParsedText, file_name: str, year: int | None) -> Document:
    people = signatories(parsed.lines)
    dated = document_date(parsed)
    if dated is None:
        dated = date(year or date.today().year, 1, 1)
        parsed.note("cli.import.note.no_date", assumed=dated.isoformat())
    units = list(dict.fromkeys(person.unit for person in people))
    if not people:
        parsed.note("cli.import.note.no_signatories")
    return Document(
        id=parsed.doc_id,
        title=parsed.title,
        file=file_name,
        issuer=", ".join(units),
        dated=dated,
        signed_by=people,
    )

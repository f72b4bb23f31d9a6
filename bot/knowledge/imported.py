"""Documents imported by the administrator: what a new one changes, and saving it safely.

An imported document is one validated data file, ``<knowledge dir>/<document id>.json``
(:class:`ImportedDocument`), beside the documents shipped in the package. Saving writes a
temporary file, flushes it to disk and renames it over the old one, so an import that fails
half way leaves the folder as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.files import atomic_write_bytes
from bot.knowledge.loader import KnowledgeBase, KnowledgeError, build_knowledge, read_imported
from bot.knowledge.models import Budget, DocumentSection, ImportedDocument, Prize


@dataclass(frozen=True)
class Disagreement:
    """A figure or fact the new document gives differently from a document already known."""

    what: str  # "Trygghetsvärdar, Förslag 2025", "vinnare 2022"
    known: str | int  # an amount in kronor, or a text
    new: str | int
    known_document: str  # the title of the document that said ``known``


def path_for(directory: Path, item: ImportedDocument) -> Path:
    return directory / f"{item.document.id}.json"


def is_known(kb: KnowledgeBase, directory: Path, item: ImportedDocument) -> bool:
    """The same document with the same content is already imported (or shipped)."""
    path = path_for(directory, item)
    if path.exists():
        found = next((doc for doc in read_imported(directory) if doc.document.id == item.document.id), None)
        return found == item
    if item.document.id not in kb.documents or kb.documents[item.document.id] != item.document:
        return False
    if item.budget is not None:
        return item.budget in kb.budgets
    return item.prize is not None and item.prize in kb.prizes


def with_document(kb: KnowledgeBase, item: ImportedDocument) -> KnowledgeBase:
    """The knowledge as it would be with ``item`` imported (it replaces a document with its id).

    Raises :class:`KnowledgeError` when the result does not pass the loader's checks.
    """
    doc_id = item.document.id
    documents = {**kb.documents, doc_id: item.document}
    budgets = [b for b in kb.budgets if b.table_source.document != doc_id]
    prizes = [p for p in kb.prizes if p.amount_source.document != doc_id]
    sections: dict[str, list[DocumentSection]] = {}
    for owner, section in kb.sections:
        sections.setdefault(owner, []).append(section)
    sections[doc_id] = list(item.sections)
    if item.budget is not None:
        budgets.append(item.budget)
    if item.prize is not None:
        prizes.append(item.prize)
    if not item.budget and not item.prize:
        raise KnowledgeError(f"{doc_id}: neither a budget nor a prize direction")
    return build_knowledge(documents, budgets, prizes, sections, kb.glossary)


def disagreements(kb: KnowledgeBase, item: ImportedDocument) -> list[Disagreement]:
    """Where ``item`` and the other known documents give the same figure differently."""
    others_id = item.document.id
    found: list[Disagreement] = []
    if item.budget is not None:
        for other in kb.budgets:
            if other.table_source.document != others_id:
                found += _budget_disagreements(kb, other, item.budget)
    if item.prize is not None:
        for prize in kb.prizes:
            if prize.amount_source.document != others_id:
                found += _prize_disagreements(kb, prize, item.prize)
    return found


def _budget_disagreements(kb: KnowledgeBase, old: Budget, new: Budget) -> list[Disagreement]:
    title = kb.documents[old.table_source.document].title
    found = []
    shared = [column for column in new.columns if any(c.key == column.key for c in old.columns)]
    for column in shared:
        for line in new.lines:
            known_line = next((x for x in old.lines if x.key == line.key), None)
            before = known_line.amount(column.key) if known_line else None
            after = line.amount(column.key)
            if before is not None and after is not None and before != after:
                found.append(Disagreement(f"{line.name}, {column.label}", before, after, title))
        before_total, after_total = old.totals.get(column.key), new.totals.get(column.key)
        if before_total is not None and after_total is not None and before_total != after_total:
            found.append(Disagreement(f"SUMMA, {column.label}", before_total, after_total, title))
    return found


def _prize_disagreements(kb: KnowledgeBase, old: Prize, new: Prize) -> list[Disagreement]:
    title = kb.documents[old.amount_source.document].title
    found = []
    for winner in new.winners:
        known = old.winner_for(winner.year)
        if known and known.winner != winner.winner:
            found.append(Disagreement(f"{winner.year}", known.winner, winner.winner, title))
    return found


def save(directory: Path, item: ImportedDocument) -> Path:
    """Write ``item`` atomically into ``directory`` (created if missing); returns its path."""
    target = path_for(directory, item)
    atomic_write_bytes(target, item.model_dump_json(indent=1).encode("utf-8"))
    return target

"""Load the knowledge data, validate it, and check it against itself.

Checks that fail because the *data files* are inconsistent (an unknown column,
a source naming an unknown document) raise :class:`KnowledgeError`. Checks that
fail because the *source document* disagrees with itself (a column's lines do
not add up to its stated total) are recorded as :class:`Discrepancy` and the
document's figure is kept: a source is never "fixed".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.knowledge.merge import merge_budgets, merge_prizes
from bot.knowledge.metadata import with_metadata
from bot.knowledge.models import (
    SUPPORTED_SCHEMA,
    Budget,
    Discrepancy,
    Document,
    DocumentSection,
    DocumentsFile,
    Glossary,
    ImportedDocument,
    Prize,
    SectionsFile,
    SourceRef,
)

M = TypeVar("M", bound=BaseModel)
F = TypeVar("F")


class KnowledgeError(Exception):
    """The knowledge data cannot be used as it is."""


@dataclass(frozen=True)
class KnowledgeBase:
    """All documents' knowledge; ``prize`` and ``budget`` are the merged views answers read."""

    documents: dict[str, Document]
    prize: Prize
    budget: Budget
    discrepancies: list[Discrepancy] = field(default_factory=list)
    # Each document's own view, oldest first (what an import compares against).
    budgets: tuple[Budget, ...] = ()
    prizes: tuple[Prize, ...] = ()
    sections: tuple[tuple[str, DocumentSection], ...] = ()  # (document id, section)
    glossary: Glossary = field(default_factory=lambda: Glossary(schema_version=SUPPORTED_SCHEMA, theme_words_en={}))

    def document_title(self, ref: SourceRef) -> str:
        return self.documents[ref.document].title

    def discrepancy_for(self, column: str) -> Discrepancy | None:
        return next((d for d in self.discrepancies if d.column == column), None)

    def newest_stating(self, pick: Callable[[Budget], F | None]) -> F | None:
        """A fact from the newest budget document that states it; an older one fills what newer ones leave out.

        ``pick`` returns the fact as one document gives it, or None (or an empty value) when that
        document does not state it. Newest first with an early stop: the newest usually states it.
        """
        for budget in reversed(self.budgets or (self.budget,)):
            found = pick(budget)
            if found:
                return found
        return None


def _read(directory: Path | None, name: str) -> Any:
    try:
        if directory is None:
            text = resources.files("bot.knowledge").joinpath("data").joinpath(name).read_text("utf-8")
        else:
            text = (directory / name).read_text("utf-8")
        return json.loads(text)
    except (OSError, json.JSONDecodeError) as error:
        raise KnowledgeError(f"{name}: {error}") from error


def _parse(model: type[M], data: Any, name: str) -> M:
    try:
        parsed = model.model_validate(data)
    except ValidationError as error:
        raise KnowledgeError(f"{name}: {error}") from error
    version = getattr(parsed, "schema_version", SUPPORTED_SCHEMA)
    if version != SUPPORTED_SCHEMA:
        raise KnowledgeError(f"{name}: schema_version {version} is not supported ({SUPPORTED_SCHEMA} is)")
    return parsed


def load_knowledge(directory: Path | None = None, imported: Path | None = None) -> KnowledgeBase:
    """Load the shipped data (or ``directory``'s) and every document imported into ``imported``.

    An imported document with the id of a shipped one replaces it.
    """
    documents = {d.id: d for d in _parse(DocumentsFile, _read(directory, "documents.json"), "documents.json").documents}
    prize = _parse(Prize, _read(directory, "prize.json"), "prize.json")
    budget = _parse(Budget, _read(directory, "budget.json"), "budget.json")
    budgets = {budget.table_source.document: budget}
    prizes = {prize.amount_source.document: prize}
    sections = dict(_parse(SectionsFile, _read(directory, "sections.json"), "sections.json").documents)
    for item in read_imported(imported):
        doc_id = item.document.id
        documents[doc_id] = item.document
        sections[doc_id] = item.sections
        if item.budget is not None:
            budgets[doc_id] = item.budget
        if item.prize is not None:
            prizes[doc_id] = item.prize
    glossary = _parse(Glossary, _read(directory, "glossary.json"), "glossary.json")
    return build_knowledge(documents, list(budgets.values()), list(prizes.values()), sections, glossary)


def build_knowledge(
    documents: dict[str, Document],
    budgets: list[Budget],
    prizes: list[Prize],
    sections: dict[str, list[DocumentSection]] | None = None,
    glossary: Glossary | None = None,
) -> KnowledgeBase:
    """Check every document's data, then merge them (raises :class:`KnowledgeError`)."""

    def dated(doc_id: str) -> tuple[object, str]:
        document = documents.get(doc_id)
        if document is None:
            raise KnowledgeError(f"source names unknown document {doc_id!r}")
        return (document.dated, doc_id)

    # What each document says about itself, read from its sections (shipped and imported alike).
    documents = {doc_id: with_metadata(doc, (sections or {}).get(doc_id, [])) for doc_id, doc in documents.items()}
    budgets = sorted(budgets, key=lambda b: dated(b.table_source.document))
    prizes = sorted(prizes, key=lambda p: dated(p.amount_source.document))
    discrepancies: list[Discrepancy] = []
    for item in (*budgets, *prizes):
        _check_references(documents, item)
    for prize_doc in prizes:
        _check_prize(prize_doc)
    for budget_doc in budgets:
        discrepancies += _check_budget(budget_doc)
    budget = merge_budgets(budgets)
    prize = merge_prizes(prizes)
    _check_prize(prize)
    # A discrepancy counts only where its document still gives the column's figures.
    discrepancies = [d for d in discrepancies if budget.column_source(d.column).document == d.source.document]
    ordered = tuple((doc_id, section) for doc_id in sorted(sections or {}) for section in (sections or {})[doc_id])
    kb = KnowledgeBase(documents, prize, budget, discrepancies, tuple(budgets), tuple(prizes), ordered)
    return replace(kb, glossary=glossary) if glossary else kb


def read_imported(directory: Path | None) -> list[ImportedDocument]:
    """The documents imported into ``directory`` (none when it is unset or does not exist yet)."""
    if directory is None or not directory.is_dir():
        return []
    return [
        _parse(ImportedDocument, _read(directory, path.name), path.name) for path in sorted(directory.glob("*.json"))
    ]


@cache
def default_knowledge() -> KnowledgeBase:
    """The shipped documents only."""
    return load_knowledge()


def knowledge_in(imported: Path) -> KnowledgeBase:
    """The shipped documents and those imported into ``imported``, loaded again only when its files change."""
    return _cached(imported, _signature(imported))


def _signature(directory: Path) -> tuple[tuple[str, int, int], ...]:
    try:
        files = sorted(directory.glob("*.json"))
        return tuple((path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in files)
    except OSError:
        return ()


@lru_cache(maxsize=4)
def _cached(imported: Path, signature: tuple[tuple[str, int, int], ...]) -> KnowledgeBase:
    return load_knowledge(imported=imported) if signature else default_knowledge()


def _all_sources(model: BaseModel) -> list[SourceRef]:
    found: list[SourceRef] = []

    def walk(value: object) -> None:
        if isinstance(value, SourceRef):
            found.append(value)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(model)
    return found


def _check_references(documents: dict[str, Document], model: BaseModel) -> None:
    for ref in _all_sources(model):
        if ref.document not in documents:
            raise KnowledgeError(f"source names unknown document {ref.document!r}")


def _check_prize(prize: Prize) -> None:
    name = prize.amount_source.document
    years = [w.year for w in prize.winners]
    if len(years) != len(set(years)):
        raise KnowledgeError(f"{name}: two winners for the same year")
    if any(year < prize.first_awarded_year for year in years):
        raise KnowledgeError(f"{name}: a winner before the prize was first awarded")
    for round_ in prize.rounds:
        if round_.nomination_closes < round_.nomination_opens:
            raise KnowledgeError(f"{name}: round {round_.year} closes before it opens")


def _check_budget(budget: Budget) -> list[Discrepancy]:
    """A figure may be absent from a line (its table has none), never from an unknown column."""
    name = budget.table_source.document
    columns = {c.key for c in budget.columns}
    lines = {line.key for line in budget.lines}
    for line in budget.lines:
        if not set(line.amounts) <= columns:
            raise KnowledgeError(f"{name}: line {line.key} has a figure in an unknown column")
    if not set(budget.totals) <= columns:
        raise KnowledgeError(f"{name}: a total names an unknown column")
    for stated in budget.stated_sums:
        _require(stated.column in columns and set(stated.lines) <= lines, name, stated.text)
        figures = [budget.line(key).amount(stated.column) for key in stated.lines]
        _require(None not in figures, name, stated.text)
        actual_sum = sum(figure or 0 for figure in figures)
        if actual_sum != stated.amount_sek:
            raise KnowledgeError(f"{name}: {stated.text!r} says {stated.amount_sek}, table gives {actual_sum}")
    for change in budget.stated_changes:
        _require({change.from_column, change.to_column} <= columns and change.line in lines, name, change.text)
        line = budget.line(change.line)
        after, before = line.amount(change.to_column), line.amount(change.from_column)
        _require(after is not None and before is not None, name, change.text)
        actual = (after or 0) - (before or 0)
        if actual != change.delta_sek:
            raise KnowledgeError(f"{name}: {change.text!r} says {change.delta_sek}, table gives {actual}")
    for outcome in budget.outcomes_below_budget:
        _require({outcome.column, outcome.compared_to} <= columns, name, outcome.reason)

    discrepancies = []
    for column in budget.columns:
        total = budget.totals.get(column.key)
        computed = sum(line.amounts[column.key] for line in budget.lines_with(column.key))
        if total is not None and computed != total:
            discrepancies.append(
                Discrepancy(column=column.key, stated_sek=total, computed_sek=computed, source=budget.table_source)
            )
    return discrepancies


def _require(condition: bool, name: str, what: str) -> None:
    if not condition:
        raise KnowledgeError(f"{name}: {what!r} names an unknown line or column, or one without a figure")

"""Load the knowledge data, validate it, and check it against itself.

Checks that fail because the *data files* are inconsistent (an unknown column,
a source naming an unknown document) raise :class:`KnowledgeError`. Checks that
fail because the *source document* disagrees with itself (a column's lines do
not add up to its stated total) are recorded as :class:`Discrepancy` and the
document's figure is kept: a source is never "fixed".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.knowledge.models import (
    SUPPORTED_SCHEMA,
    Budget,
    Discrepancy,
    Document,
    DocumentsFile,
    Prize,
    SourceRef,
)

M = TypeVar("M", bound=BaseModel)


class KnowledgeError(Exception):
    """The knowledge data cannot be used as it is."""


@dataclass(frozen=True)
class KnowledgeBase:
    documents: dict[str, Document]
    prize: Prize
    budget: Budget
    discrepancies: list[Discrepancy] = field(default_factory=list)

    def document_title(self, ref: SourceRef) -> str:
        return self.documents[ref.document].title

    def discrepancy_for(self, column: str) -> Discrepancy | None:
        return next((d for d in self.discrepancies if d.column == column), None)


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


def load_knowledge(directory: Path | None = None) -> KnowledgeBase:
    """Load from ``directory`` (default: the data shipped in the package)."""
    documents = _parse(DocumentsFile, _read(directory, "documents.json"), "documents.json")
    prize = _parse(Prize, _read(directory, "prize.json"), "prize.json")
    budget = _parse(Budget, _read(directory, "budget.json"), "budget.json")
    kb = KnowledgeBase({d.id: d for d in documents.documents}, prize, budget)
    _check_references(kb)
    _check_prize(prize)
    return KnowledgeBase(kb.documents, prize, budget, _check_budget(budget))


@cache
def default_knowledge() -> KnowledgeBase:
    return load_knowledge()


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


def _check_references(kb: KnowledgeBase) -> None:
    for model in (kb.prize, kb.budget):
        for ref in _all_sources(model):
            if ref.document not in kb.documents:
                raise KnowledgeError(f"source names unknown document {ref.document!r}")


def _check_prize(prize: Prize) -> None:
    years = [w.year for w in prize.winners]
    if len(years) != len(set(years)):
        raise KnowledgeError("prize.json: two winners for the same year")
    if any(year < prize.first_awarded_year for year in years):
        raise KnowledgeError("prize.json: a winner before the prize was first awarded")
    for round_ in prize.rounds:
        if round_.nomination_closes < round_.nomination_opens:
            raise KnowledgeError(f"prize.json: round {round_.year} closes before it opens")


def _check_budget(budget: Budget) -> list[Discrepancy]:
    columns = {c.key for c in budget.columns}
    lines = {line.key for line in budget.lines}
    for line in budget.lines:
        if set(line.amounts) != columns:
            raise KnowledgeError(f"budget.json: line {line.key} lacks a column or has an unknown one")
    if set(budget.totals) != columns:
        raise KnowledgeError("budget.json: totals must name every column")
    for stated in budget.stated_sums:
        _require(stated.column in columns and set(stated.lines) <= lines, stated.text)
    for change in budget.stated_changes:
        _require({change.from_column, change.to_column} <= columns and change.line in lines, change.text)
        line = budget.line(change.line)
        actual = line.amounts[change.to_column] - line.amounts[change.from_column]
        if actual != change.delta_sek:
            raise KnowledgeError(f"budget.json: {change.text!r} says {change.delta_sek}, table gives {actual}")
    for stated in budget.stated_sums:
        actual_sum = sum(budget.line(key).amounts[stated.column] for key in stated.lines)
        if actual_sum != stated.amount_sek:
            raise KnowledgeError(f"budget.json: {stated.text!r} says {stated.amount_sek}, table gives {actual_sum}")

    discrepancies = []
    for column in budget.columns:
        computed = sum(line.amounts[column.key] for line in budget.lines)
        total = budget.totals[column.key]
        if computed != total:
            discrepancies.append(
                Discrepancy(
                    column=column.key,
                    stated_sek=total,
                    computed_sek=computed,
                    source=budget.table_source,
                )
            )
    return discrepancies


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise KnowledgeError(f"budget.json: {what!r} names an unknown line or column")

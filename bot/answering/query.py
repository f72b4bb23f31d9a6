"""One question on its way through the pipeline: normalised text, entities, context."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.answering.draft import AnswerDraft
from bot.answering.entities import Entities
from bot.answering.lexicon import Cue
from bot.answering.model import ConversationContext
from bot.answering.normalize import Normalized
from bot.answering.passages import PassageIndex
from bot.knowledge import KnowledgeBase
from bot.knowledge.models import Column, ColumnKind


@dataclass
class Query:
    text: Normalized
    entities: Entities
    context: ConversationContext
    knowledge: KnowledgeBase
    draft: AnswerDraft  # the answer being written; the answer functions add to it
    years: list[int]
    follow_up: bool
    today: date  # the app's clock: is the nomination period open now?
    passages: PassageIndex | None = None  # the documents' own sentences, for what nothing structured answers

    def has(self, cue: Cue) -> bool:
        return cue.in_(self.text)

    @property
    def lines(self) -> list[str]:
        return self.entities.lines

    def columns(self, default_all: bool = True) -> list[Column] | None:
        """Table columns the question asks about; None when it names a year the table lacks."""
        budget = self.knowledge.budget
        kinds: list[ColumnKind] = self.entities.column_kinds
        years = self.years
        if years:
            in_years = [c for c in budget.columns if c.year in years]
            if not in_years:
                return None
            chosen = [c for c in in_years if c.kind in kinds] if kinds else []
            if kinds and not chosen:  # "och dess utfall?" about 2025: the year's columns, and that kind's
                return in_years + [c for c in budget.columns if c.kind in kinds]
            return chosen or in_years
        if kinds:
            return [c for c in budget.columns if c.kind in kinds]
        return list(budget.columns) if default_all else []

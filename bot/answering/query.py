"""One question on its way through the pipeline: normalised text, entities, context."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.answering import lexicon as lx
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

    def paired_columns(self) -> list[Column]:
        """ "utfall 2024 och förslag 2025", "the 2024 outcome to the 2025 proposal": each kind with its
        own year, as written, rather than every kind in every year. Empty unless every year named
        has its kind beside it and there are two or more such columns."""
        tokens, budget = self.text.tokens, self.knowledge.budget
        found: dict[tuple[str, int], None] = {}
        for index, token in enumerate(tokens):
            if not (len(token) == 4 and token.isdigit() and int(token) in self.years):
                continue
            for near in (index - 1, index + 1, index - 2):  # "utfall 2024", "2024 outcome", "utfallet för 2024"
                kind = _kind_of(tokens[near]) if 0 <= near < len(tokens) else None
                if kind is not None:
                    found[(kind, int(token))] = None
                    break
        keys = {column.key for column in budget.columns}
        named = [f"{kind}_{year}" for kind, year in found]
        if len(named) < 2 or {year for _kind, year in found} != set(self.years) or not set(named) <= keys:
            return []
        return [budget.column(key) for key in named]

    def columns(self, default_all: bool = True) -> list[Column] | None:
        """Table columns the question asks about; None when it names a year the table lacks."""
        budget = self.knowledge.budget
        kinds: list[ColumnKind] = self.entities.column_kinds
        years = self.years
        paired = self.paired_columns()
        if paired:
            return paired
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


_KIND_CUES: tuple[tuple[ColumnKind, Cue], ...] = (
    ("forslag", lx.COLUMN_FORSLAG),
    ("utfall", lx.COLUMN_UTFALL),
    ("budget", lx.COLUMN_BUDGET),
)


def _kind_of(token: str) -> ColumnKind | None:
    return next((kind for kind, cue in _KIND_CUES if cue.matches_token(token)), None)

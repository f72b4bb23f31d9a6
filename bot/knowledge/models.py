"""Pydantic models of the knowledge data (``data/*.json``).

Every fact carries a :class:`SourceRef` (document and section heading) so an
answer can always cite where it came from.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SUPPORTED_SCHEMA = 1


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceRef(Frozen):
    document: str
    section: str


class Signatory(Frozen):
    """Who signed a document, with the title and unit the document gives."""

    name: str
    title: str
    unit: str


class SourcedText(Frozen):
    text: str
    source: SourceRef


class Approval(Frozen):
    """A digital approval in the document's footer: who, in what role, on what day."""

    name: str
    title: str
    on: date
    source: SourceRef


class DocumentMeta(Frozen):
    """What a document says about itself (read from its sections by ``bot.knowledge.metadata``)."""

    registration_number: SourcedText | None = None  # None: the document states none
    prepared_in: SourcedText | None = None  # "Ärendet har beretts inom avdelningen för …"
    department: str | None = None
    handled: list[SourcedText] = Field(default_factory=list)  # "behandlats i förvaltningsgruppen den …"
    approvals: list[Approval] = Field(default_factory=list)
    attachments: list[SourcedText] = Field(default_factory=list)
    case_documents: list[SourcedText] = Field(default_factory=list)  # "Handlingar i ärendet", less the signatories
    proposal: list[SourcedText] = Field(default_factory=list)  # the decision it asks for, point by point


class Document(Frozen):
    id: str
    title: str
    file: str
    issuer: str
    dated: date
    signed_by: list[Signatory] = Field(default_factory=list)
    # The section a signatory is cited from (the signature block has no heading of its own).
    signature_section: str = "Underskrifter"
    meta: DocumentMeta = Field(default_factory=DocumentMeta)

    def signature_source(self) -> SourceRef:
        return SourceRef(document=self.id, section=self.signature_section)


class DocumentsFile(Frozen):
    schema_version: int
    documents: list[Document]


# --- the prize -------------------------------------------------------------


class AwardOccasion(SourcedText):
    months: list[int] = Field(min_length=1)  # month numbers, rendered in the reader's language


class Decision(Frozen):
    year: int
    date: date | None
    by: str
    text: str
    source: SourceRef


class Jury(Frozen):
    chair: str
    appointed_by: str
    term_years: int = Field(gt=0)
    task: str
    source: SourceRef


# One name per prize criterion, alike in the data, the nomination rules, the nominations' fields,
# the jury's scores and on every surface: the mandatory criteria (met or not), then the assessed ones.
MANDATORY_CRITERIA = ("collaboration", "added_value")
ASSESSMENT_CRITERIA = ("innovation", "inspiration", "results")
# The Swedish keys the data used before; imported documents saved then still load.
_FORMER_KEYS = {"samverkan": "collaboration", "mervarde": "added_value"}


class Criterion(Frozen):
    key: str
    text: str
    source: SourceRef

    @field_validator("key", mode="before")
    @classmethod
    def _one_name(cls, value: object) -> object:
        return _FORMER_KEYS.get(value, value) if isinstance(value, str) else value


class Round(Frozen):
    year: int
    theme: str
    focus: str
    nomination_opens: date
    nomination_closes: date
    conference_date: date | None
    source: SourceRef
    # The prize sum of this round's direction; filled in when the documents are merged.
    prize_sek: int | None = None
    # What the direction says happens once the period has closed (assessment, decision, award).
    after_close: str | None = None
    # The criteria of this round's direction (what its nominations are checked against); filled in
    # when the documents are merged, like the prize sum.
    mandatory_criteria: list[Criterion] | None = None
    assessment_criteria: list[Criterion] | None = None


class Winner(Frozen):
    year: int
    theme: str
    winner: str
    description: str | None
    aliases: list[str]
    source: SourceRef


class Prize(Frozen):
    schema_version: int
    name: str
    amount_sek: int = Field(gt=0)
    amount_source: SourceRef
    purpose: SourcedText
    eligible: SourcedText  # who may be nominated
    first_awarded_year: int
    awarded_at: AwardOccasion
    decisions: list[Decision]
    awarded_until_year: int
    jury: Jury
    mandatory_criteria: list[Criterion] = Field(min_length=1)
    assessment_criteria: list[Criterion]
    rounds: list[Round] = Field(min_length=1)
    winners: list[Winner]

    def winner_for(self, year: int) -> Winner | None:
        return next((w for w in self.winners if w.year == year), None)

    def round_for(self, year: int) -> Round | None:
        return next((r for r in self.rounds if r.year == year), None)

    @property
    def latest_round(self) -> Round:
        return max(self.rounds, key=lambda r: r.year)

    def round_on(self, day: date) -> Round:
        """The round in use on ``day``: the one whose nomination period holds it, else the latest
        that has opened (its jury may still be at work), else the earliest still to come."""
        started = [r for r in self.rounds if r.nomination_opens <= day]
        if started:
            return max(started, key=lambda r: (r.nomination_opens, r.year))
        return min(self.rounds, key=lambda r: (r.nomination_opens, r.year))


# --- the safety package ----------------------------------------------------

ColumnKind = Literal["forslag", "utfall", "budget"]


class Column(Frozen):
    key: str
    kind: ColumnKind
    year: int
    label: str
    # Which document's table the column's figures come from; filled in when documents are merged
    # (one document's file leaves it out: its table_source is the source).
    source: SourceRef | None = None


class BudgetLine(Frozen):
    key: str
    name: str
    name_en: str
    expansion: str | None = None
    synonyms: list[str]
    amounts: dict[str, int]
    description: str
    status_note: str | None = None
    partners: list[str]
    activities: list[str]
    areas: list[str]
    source: SourceRef

    def amount(self, column: str) -> int | None:
        """The line's figure in ``column``; None when that table has no figure for it (never 0)."""
        return self.amounts.get(column)

    @field_validator("amounts")
    @classmethod
    def _non_negative(cls, amounts: dict[str, int]) -> dict[str, int]:
        if any(value < 0 for value in amounts.values()):
            raise ValueError("amounts must be zero or positive")
        return amounts


class StatedSum(Frozen):
    text: str
    column: str
    lines: list[str]
    amount_sek: int
    source: SourceRef


class StatedChange(Frozen):
    text: str
    line: str
    from_column: str
    to_column: str
    delta_sek: int
    reason: str
    source: SourceRef


class OutcomeBelowBudget(Frozen):
    column: str
    compared_to: str
    reason: str
    source: SourceRef


class HistoryEntry(Frozen):
    key: str
    year_from: int
    year_to: int | None
    amount_sek: int | None
    text: str
    source: SourceRef


class UnbudgetedMention(Frozen):
    name: str
    synonyms: list[str]
    text: str
    source: SourceRef


class StateGrant(Frozen):
    per_inhabitant_sek: int
    total_sek: int
    total_is_approximate: bool
    year: int
    law: str
    law_sfs: str
    text: str
    source: SourceRef


class Budget(Frozen):
    schema_version: int
    name: str
    year: int
    decided_by: SourcedText
    table_source: SourceRef
    columns: list[Column] = Field(min_length=1)
    lines: list[BudgetLine] = Field(min_length=1)
    totals: dict[str, int]
    stated_sums: list[StatedSum]
    stated_changes: list[StatedChange]
    outcomes_below_budget: list[OutcomeBelowBudget]
    history: list[HistoryEntry]
    unbudgeted_mentions: list[UnbudgetedMention]
    state_grant: StateGrant
    children: SourcedText

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def column_source(self, key: str) -> SourceRef:
        return self.column(key).source or self.table_source

    def lines_with(self, column: str) -> list[BudgetLine]:
        """The lines that have a figure in ``column`` (a line the table lacks is left out, not 0)."""
        return [line for line in self.lines if column in line.amounts]

    def outcome_below_budget(self, years: list[int] | None = None) -> OutcomeBelowBudget | None:
        """Why an outcome fell short of its budget: for one of ``years`` if given, else the newest."""
        known = {self.column(o.column).year: o for o in self.outcomes_below_budget}
        for year in years or []:
            if year in known:
                return known[year]
        return known[max(known)] if known else None

    def line(self, key: str) -> BudgetLine:
        return next(line for line in self.lines if line.key == key)


class Discrepancy(Frozen):
    """A place where the document disagrees with itself; the document's figure is kept."""

    column: str
    stated_sek: int
    computed_sek: int
    source: SourceRef


class DocumentSection(Frozen):
    """One headed section of a document, kept for searching the documents' own words."""

    heading: str
    text: str


class ImportedDocument(Frozen):
    """One decision document imported by ``trygghetsbot knowledge import``: one data file."""

    schema_version: int
    document: Document
    budget: Budget | None = None
    prize: Prize | None = None
    sections: list[DocumentSection] = Field(default_factory=list)


class Glossary(Frozen):
    """Words that map a question's language onto the documents' (English -> the themes' Swedish)."""

    schema_version: int
    note: str = ""
    theme_words_en: dict[str, str]


class SectionsFile(Frozen):
    """The shipped documents' sections, per document id."""

    schema_version: int
    note: str = ""
    documents: dict[str, list[DocumentSection]]

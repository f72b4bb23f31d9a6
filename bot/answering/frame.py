"""The question as read: one frame per question, for tracing (``ask --json`` shows it)."""

from __future__ import annotations

from bot.answering import lexicon as lx
from bot.answering.intents import Intent
from bot.answering.query import Query

# Answer types in the order they are recognised: the first cue present names the type.
_ANSWER_TYPES: tuple[tuple[str, lx.Cue], ...] = (
    ("date", lx.DOCUMENT_DATE),
    ("count", lx.HOW_MANY),
    ("reason", lx.WHY),
    ("organisation", lx.ORGANISATIONS),
    ("organisation", lx.OFFICE),
    ("place", lx.AREAS),
    ("amount", lx.MONEY),
    ("amount", lx.COST),
    ("purpose", lx.DESCRIPTION),
    ("person", lx.WHO),
    ("date", lx.YEAR_QUESTION),
)
# Operations over the table, most specific first.
_OPERATIONS: tuple[tuple[str, tuple[lx.Cue, ...]], ...] = (
    ("share", (lx.SHARE,)),
    ("second_rank", (lx.SECOND_RANK,)),
    ("largest", (lx.MOST,)),
    ("smallest", (lx.LEAST,)),
    ("sum", (lx.SUM_OF,)),
    ("difference", (lx.DIFFERENCE,)),
    ("difference", (lx.LINE_VERSUS, lx.COMPARATIVE)),
    ("change", (lx.CHANGE,)),
)
_TOPICS = {"budget": "budget_", "prize": "prize_"}


def read_frame(q: Query, intent: str, inherited: list[str]) -> dict[str, object]:
    answer_type = next((name for name, cue in _ANSWER_TYPES if q.has(cue)), "yes_no" if lx.is_yes_no(q.text) else "")
    operation = next((name for name, cues in _OPERATIONS if all(q.has(cue) for cue in cues)), "value")
    if lx.asks_change(q.text, len(set(q.years)) >= 2):
        operation = "percent_change" if q.has(lx.SHARE) else "change" if operation == "value" else operation
    if q.lines and q.has(lx.EXCEPT):
        subjects: dict[str, object] = {"lines": "all_except", "except": list(q.lines)}
    else:
        subjects = {"lines": list(q.lines)}
    if q.entities.winner_years:
        subjects["winners"] = list(q.entities.winner_years)
    columns = q.columns(default_all=False) or []
    return {
        "topic": _topic(intent),
        "subjects": subjects,
        "years": list(q.years),
        "columns": [column.key for column in columns],
        "operation": operation,
        "answer_type": answer_type or "value",
        "inherited": inherited,
    }


def _topic(intent: str) -> str:
    if intent.startswith("budget") or intent in {
        Intent.OUTCOME_REASON,
        Intent.STATE_GRANT,
        Intent.AREAS,
        Intent.UNBUDGETED,
        Intent.CHILDREN,
        Intent.ACTIVITY,
    }:
        return "budget"
    if intent == Intent.DOCUMENT_META or intent == Intent.SIGNATORY:
        return "document"
    if intent in {Intent.HELP, Intent.OUT_OF_SCOPE, Intent.YEAR_ONLY}:
        return "general"
    return "prize"

"""Many documents of one kind seen as one: the newer decision wins for the same figure.

Each decision document is loaded as its own :class:`Budget` or :class:`Prize`. The
answering reads one merged view of each, built here:

* a budget column (``forslag_2026``, ``utfall_2025`` ...) takes every figure from the
  newest document whose table has that column, and keeps that document as its source;
  a line that table lacks has no figure in the column (not 0);
* a prize round, winner or decision is taken from the newest direction that gives it;
  each round carries the prize sum and the criteria of the direction that set it;
* single facts (who decides, the state grant, the criteria, the jury) come from the
  newest document, which is what a reader of the newest decision would be told.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from pydantic import BaseModel

from bot.knowledge.models import Budget, Prize, Round, Winner

T = TypeVar("T", bound=BaseModel)
K = TypeVar("K", bound=Hashable)
D = TypeVar("D")


def merge_budgets(budgets: list[Budget]) -> Budget:
    """``budgets`` oldest first (by their documents' dates)."""
    budgets = [_with_column_sources(budget) for budget in budgets]
    newest = budgets[-1]
    owner: dict[str, Budget] = {}  # column key -> the newest budget whose table has it
    for budget in budgets:
        for column in budget.columns:
            owner[column.key] = budget
    columns = [owner[key].column(key) for key in _keys_newest_first(budgets, lambda b: b.columns, lambda c: c.key)]
    line_meta = {line.key: line for budget in budgets for line in budget.lines}  # the newest text wins
    lines = []
    for key in _keys_newest_first(budgets, lambda b: b.lines, lambda line: line.key):
        amounts = {}
        for column in columns:
            line = next((x for x in owner[column.key].lines if x.key == key), None)
            if line is not None and column.key in line.amounts:
                amounts[column.key] = line.amounts[column.key]
        lines.append(line_meta[key].model_copy(update={"amounts": amounts}))
    line_names = {_norm(name) for line in lines for name in [line.name, *line.synonyms]}
    mentions = [
        mention
        for mention in _newest_by(budgets, lambda b: b.unbudgeted_mentions, lambda m: m.name)
        if not ({_norm(mention.name), *map(_norm, mention.synonyms)} & line_names)  # it has a line now
    ]
    totals = {c.key: owner[c.key].totals[c.key] for c in columns if c.key in owner[c.key].totals}
    return newest.model_copy(
        update={
            "columns": columns,
            "lines": lines,
            "totals": totals,
            "stated_sums": _every(budgets, lambda b: b.stated_sums),
            "stated_changes": _every(budgets, lambda b: b.stated_changes),
            "outcomes_below_budget": _newest_by(budgets, lambda b: b.outcomes_below_budget, lambda o: o.column),
            "history": sorted(_newest_by(budgets, lambda b: b.history, lambda h: h.key), key=lambda h: h.year_from),
            "unbudgeted_mentions": mentions,
        }
    )


def merge_prizes(prizes: list[Prize]) -> Prize:
    """``prizes`` oldest first (by their documents' dates)."""
    rounds: dict[int, Round] = {}
    for prize in prizes:
        for round_ in prize.rounds:
            rounds[round_.year] = round_.model_copy(
                update={
                    "prize_sek": round_.prize_sek or prize.amount_sek,
                    "mandatory_criteria": round_.mandatory_criteria or prize.mandatory_criteria,
                    "assessment_criteria": (
                        prize.assessment_criteria if round_.assessment_criteria is None else round_.assessment_criteria
                    ),
                }
            )
    winners: dict[int, Winner] = {}
    for prize in prizes:
        for winner in prize.winners:
            known = winners.get(winner.year)
            aliases = _dedupe([*winner.aliases, *(known.aliases if known else [])])  # names the bot knew stay
            winners[winner.year] = winner.model_copy(update={"aliases": aliases})
    newest = prizes[-1]
    return newest.model_copy(
        update={
            "first_awarded_year": min(p.first_awarded_year for p in prizes),
            "awarded_until_year": max(p.awarded_until_year for p in prizes),
            "decisions": sorted(
                _newest_by(prizes, lambda p: p.decisions, lambda d: (d.year, d.text)),
                key=lambda d: d.year,
            ),
            "rounds": [rounds[year] for year in sorted(rounds)],
            "winners": [winners[year] for year in sorted(winners, reverse=True)],
        }
    )


def _with_column_sources(budget: Budget) -> Budget:
    columns = [c.model_copy(update={"source": c.source or budget.table_source}) for c in budget.columns]
    return budget.model_copy(update={"columns": columns})


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _dedupe(items: Iterable[K]) -> list[K]:
    return list(dict.fromkeys(items))


def _keys_newest_first(docs: list[D], items: Callable[[D], list[T]], key: Callable[[T], K]) -> list[K]:
    """The keys of every document's items: the newest document's in its order, then older ones'."""
    return _dedupe(key(item) for doc in reversed(docs) for item in items(doc))


def _newest_by(docs: list[D], items: Callable[[D], list[T]], key: Callable[[T], K]) -> list[T]:
    """One item per key, taken from the newest document that has it."""
    chosen = {key(item): item for doc in docs for item in items(doc)}
    return [chosen[k] for k in _keys_newest_first(docs, items, key)]


def _every(docs: list[D], items: Callable[[D], list[T]]) -> list[T]:
    """Every item of every document once (the same sentence in two documents counts once)."""
    unique = {item.model_dump_json(): item for doc in docs for item in items(doc)}  # models with lists: no hash
    return list(unique.values())

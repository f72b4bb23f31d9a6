"""Answers about Trygghetspaketet: lines, totals, history, grant, areas, and table questions."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.answering import lexicon as lx
from bot.answering.intents import all_but
from bot.answering.normalize import fold, normalize
from bot.answering.query import Query
from bot.knowledge.models import BudgetLine, Column, OutcomeBelowBudget, StatedChange


def _no_such_year(q: Query, what: str) -> None:
    columns = [q.draft.column(c) for c in q.knowledge.budget.columns]
    q.draft.not_found(
        "budget.year_unknown",
        what=what,
        years=q.draft.join([str(y) for y in q.years]),
        columns=q.draft.join(columns),
    )


def _cite_amount(q: Query, line: BudgetLine, column: Column) -> str:
    """ "Förslag 2025: 2 mkr" with its source, or that the column's table has no figure for the line."""
    amount = line.amount(column.key)
    if amount is None:
        return q.draft.text("budget.figure_missing", column=q.draft.column(column))
    q.draft.fact(f"budget.lines.{line.key}.{column.key}", amount, q.knowledge.budget.column_source(column.key))
    return q.draft.text("budget.figure", column=q.draft.column(column), amount=q.draft.money(amount))


def _cite_total(q: Query, column: Column) -> int | None:
    budget = q.knowledge.budget
    total = budget.totals.get(column.key)
    if total is not None:
        q.draft.fact(f"budget.totals.{column.key}", total, budget.column_source(column.key))
    return total


def budget_line(q: Query) -> None:
    budget = q.knowledge.budget
    facets: list[tuple[lx.Cue, Callable[[Query, BudgetLine], None]]] = [
        (lx.ORGANISATIONS, _partners),  # "vilka organisationer ingår i arbetsgrupperna?"
        (lx.EXPANSION, _expansion),
        (lx.ACTIVITIES, _activities),
        (lx.PARTNERS, _partners),
        (lx.WHY, _why),
        (lx.CHANGE, _change),
    ]
    head_count = q.has(lx.HEAD_COUNT) and not (q.has(lx.MONEY) or q.has(lx.SHARE) or q.entities.amounts)
    if q.has(lx.PER_UNIT) or head_count:
        # Not in the documents: say so, then the line's whole amounts, which the document gives.
        q.draft.not_found("budget.no_head_count" if head_count else "budget.no_unit_cost")
    _place_notes(q)
    _partner_payments(q)
    _left_the_package(q)
    for key in q.lines:
        line = budget.line(key)
        chosen = next((answer for cue, answer in facets if q.has(cue)), None)
        if not q.draft.answered:  # a rate or head count the documents lack: the line's whole amounts
            chosen = _amounts
        if chosen is _change and _one_kind_two_years(q):  # "outcome from 2024 to 2025": those two columns
            chosen = _between_years
        if chosen is _expansion and (q.entities.column_kinds or q.years):
            # "what does 'utfall' mean, and what was the utfall for X?": the figure too, and "not an
            # abbreviation" only for a line that is one
            chosen = _expansion_and_amounts
        # "vad är SSPF?", and "what does that money cover?" about the line just discussed.
        about_it = q.has(lx.DESCRIPTION) and ((not q.has(lx.MONEY) and not q.years) or q.has(lx.REFERS_BACK))
        if chosen is None and about_it and not q.entities.amounts:
            chosen = _description
        if chosen is None and q.has(lx.AREAS) and _stated_areas(q, line):
            chosen = _line_areas
        (chosen or _amounts)(q, line)


def _status_note(q: Query, line: BudgetLine) -> bool:
    """Why a line gets nothing (it left the package), from the newest document that says so: a newer
    table may give only the 0, or leave the line out."""
    noted = q.knowledge.newest_stating(
        lambda budget: next((own for own in budget.lines if own.key == line.key and own.status_note), None)
    )
    if noted is None or not noted.status_note:
        return False
    q.draft.fact(f"budget.lines.{line.key}.status_note", noted.status_note, noted.source)
    q.draft.say("budget.note", note=noted.status_note)
    return True


def _no_own_line(q: Query, line: BudgetLine, columns: list[Column]) -> None:
    """A line that a newer table added ("Nattvandring" in 2026) has no figure in an older column: say
    it had no line of its own there, and where it has one, rather than only "ingen uppgift"."""
    r = q.draft
    missing = [column for column in columns if line.amount(column.key) is None]
    if not missing:
        return
    stated = [column for column in q.knowledge.budget.columns if line.amount(column.key) is not None]
    r.not_found_first("budget.no_own_line", line=r.line(line), columns=r.join([r.column(c) for c in missing]))
    if stated:
        r.say("budget.own_line_in", figures=r.join([_cite_amount(q, line, column) for column in stated]))
    _status_note(q, line)


def _left_the_package(q: Query) -> None:
    """ "vad kostar SSPF per år nu?" of a line with nothing in the latest proposal: the package no longer says."""
    if not q.has(lx.ONGOING_COST) or q.years:
        return
    budget = q.knowledge.budget
    proposals = [c for c in budget.columns if c.kind == "forslag"]
    if not proposals:
        return
    latest = max(proposals, key=lambda c: c.year)
    for key in q.lines:
        line = budget.line(key)
        if not line.amount(latest.key):
            q.draft.not_found_first("budget.left_package", line=q.draft.line(line), column=q.draft.column(latest))


def _partner_payments(q: Query) -> None:
    """ "hur mycket betalar fastighetsägarna för trygghetsvärdarna?": the documents give only the package's money."""
    if not q.has(lx.PAYS):
        return
    for key in q.lines:
        line = q.knowledge.budget.line(key)
        for partner in line.partners:
            stem = fold(partner)[: max(5, len(partner) - 2)]  # "fastighetsägare" in "fastighetsägarna"
            if any(token.startswith(stem) for token in q.text.tokens):
                q.draft.not_found("budget.partner_payment_unknown", partner=partner, line=q.draft.line(line))
                return


# A capitalised word after the question's first: a place or body the question names ("i Nacka", "Malmö").
_PLACE = re.compile(r"(?<=\S)\s+([A-ZÅÄÖ][a-zåäöéü][\wåäöÅÄÖ-]+)")


def _place_notes(q: Query) -> None:
    """A place in the question: the documents do not split amounts by area, nor speak of other places."""
    r, budget = q.draft, q.knowledge.budget
    areas = {area.casefold(): area for line in budget.lines for area in line.areas}
    # Words the bot knows for its lines ("Security hosts") are not places, whatever their case.
    known = {
        word for line in budget.lines for name in (line.name_en, *line.synonyms) for word in name.casefold().split()
    }
    for match in _PLACE.finditer(q.text.raw):
        place = match.group(1)
        folded = place.casefold()
        if folded in areas and (q.has(lx.MONEY) or q.has(lx.SHARE)):
            r.not_found("budget.no_area_split", area=areas[folded])
        elif folded not in known and q.passages is not None and not q.passages.mentions(place):
            r.not_found("budget.unknown_place", place=place)


def _amounts(q: Query, line: BudgetLine) -> None:
    r, budget = q.draft, q.knowledge.budget
    columns = q.columns()
    if columns is None:
        _no_such_year(q, r.line(line))
        return
    _missing_columns(q, columns)
    below_asked = q.has(lx.UNDER_BUDGET) or q.has(lx.OUTCOME_REASON)
    if below_asked:  # "fick X mindre än budgeterat 2024?": the outcome beside the budget, whichever was named
        years = {c.year for c in columns}
        pair = [c for c in budget.columns if c.year in years and c.kind in ("utfall", "budget")]
        columns = [*columns, *(c for c in pair if c not in columns)]
    if q.entities.amounts and lx.is_yes_no(q.text):  # "fick trygghetsvärdar 3 mkr 2025?": the check first
        stated = {line.amount(column.key) for column in columns}
        r.say("check.yes" if set(q.entities.amounts) & stated else "check.no")
    elif below_asked and lx.is_yes_no(q.text):
        short = _below_budget(line, columns)
        if short is not None:
            r.say("check.yes" if short else "check.no")
    if any(line.amount(column.key) is not None for column in columns):
        figures = [_cite_amount(q, line, column) for column in columns]
        r.say("budget.line_figures", line=r.line(line), figures=r.join(figures))
    _no_own_line(q, line, columns)
    present = [amount for column in columns if (amount := line.amount(column.key)) is not None]
    _average(q, present)
    if q.has(lx.SUM_OF) and len(present) >= 2:  # "… i utfall och budget 2024 tillsammans?"
        r.say("budget.line_sum", line=r.line(line), amount=r.money(sum(present)))
    keys = {c.key for c in columns}
    if any(line.amount(k) == 0 for k in keys):
        _status_note(q, line)
    for change in budget.stated_changes:
        if change.line == line.key and change.to_column in keys:
            r.fact(f"budget.changes.{line.key}", change.delta_sek, change.source)
            r.say(
                "budget.stated_change",
                delta=r.money(change.delta_sek),
                column=r.column(budget.column(change.from_column)),
                reason=change.reason,
            )
            _percent_of_change(q, line, budget.column(change.from_column), budget.column(change.to_column))
    below = budget.outcome_below_budget(q.years)
    if below is None or not {below.column, below.compared_to} <= keys:
        return
    outcome, planned = line.amount(below.column), line.amount(below.compared_to)
    if outcome is not None and planned is not None and outcome < planned:
        r.say("budget.line_below_budget", diff=r.money(planned - outcome))


def _below_budget(line: BudgetLine, columns: list[Column]) -> bool | None:
    """Whether the line's outcome fell short of its budget in the year of ``columns`` (None if unknown)."""
    for outcome in (c for c in columns if c.kind == "utfall"):
        planned = next((c for c in columns if c.kind == "budget" and c.year == outcome.year), None)
        spent, meant = line.amount(outcome.key), line.amount(planned.key) if planned else None
        if spent is not None and meant is not None:
            return spent < meant
    return None


def _missing_columns(q: Query, columns: list[Column]) -> None:
    """ "utfallet 2025?" when the table has only a proposal for 2025: say so before what it does have."""
    r = q.draft
    if q.paired_columns():
        return  # each kind was named with its own year: nothing was asked that the table lacks
    for year in q.years:
        present = {c.kind for c in columns if c.year == year}
        for kind in q.entities.column_kinds:
            if present and kind not in present:
                missing = r.text(f"column.{kind}", year=year)
                missing = missing[:1].upper() + missing[1:]  # it leads the sentence
                available = r.join([r.column(c) for c in columns if c.year == year])
                r.not_found("budget.no_such_column", missing=missing, year=year, available=available)


def _description(q: Query, line: BudgetLine) -> None:
    q.draft.fact(f"budget.lines.{line.key}.description", line.description, line.source)
    if line.expansion:
        _expansion(q, line)
    q.draft.say("budget.line_description", line=q.draft.line(line), description=line.description)


def _expansion(q: Query, line: BudgetLine) -> None:
    if not line.expansion:
        q.draft.not_found("budget.no_expansion", line=q.draft.line(line))
        return
    q.draft.fact(f"budget.lines.{line.key}.expansion", line.expansion, line.source)
    q.draft.say("budget.expansion", line=line.name, expansion=line.expansion)


def _expansion_and_amounts(q: Query, line: BudgetLine) -> None:
    if line.expansion:
        _expansion(q, line)
    _amounts(q, line)


def _activities(q: Query, line: BudgetLine) -> None:
    r = q.draft
    if not line.activities:
        r.not_found("budget.no_activities", line=r.line(line), description=line.description)
        r.fact(f"budget.lines.{line.key}.description", line.description, line.source)
        return
    r.fact(f"budget.lines.{line.key}.activities", ", ".join(line.activities), line.source)
    r.say("budget.activities", line=r.line(line), items=r.join(line.activities), description=line.description)


def _partners(q: Query, line: BudgetLine) -> None:
    r = q.draft
    if not line.partners:
        r.not_found("budget.no_partners", line=r.line(line))
        _description(q, line)  # what the document does say about the line
        return
    r.fact(f"budget.lines.{line.key}.partners", ", ".join(line.partners), line.source)
    r.say("budget.partners", line=r.line(line), items=r.join(line.partners))


def _stated_areas(q: Query, line: BudgetLine) -> BudgetLine | None:
    """The line as the newest document that names its areas gives it (a newer one may name none)."""
    return q.knowledge.newest_stating(
        lambda budget: next((x for x in budget.lines if x.key == line.key and x.areas), None)
    )


def _line_areas(q: Query, line: BudgetLine) -> None:
    r = q.draft
    stated = _stated_areas(q, line) or line
    r.fact(f"budget.lines.{line.key}.areas", ", ".join(stated.areas), stated.source)
    r.say("budget.line_areas", line=r.line(line), description=stated.description)


def _stated_change(q: Query, line: BudgetLine) -> StatedChange | None:
    """The change a document states for the line: for the year asked if one is, else the newest.

    A year no stated change reaches has none (the table's figures answer it instead).
    """
    return _stated_change_in(q, line, q.years)


def _stated_change_in(q: Query, line: BudgetLine, years: list[int]) -> StatedChange | None:
    budget = q.knowledge.budget
    stated = [(budget.column(c.to_column).year, index, c) for index, c in enumerate(budget.stated_changes)]
    stated = [item for item in stated if item[2].line == line.key]
    if years:
        stated = [item for item in stated if item[0] in years]
    return max(stated, key=lambda item: item[:2])[2] if stated else None  # a later document wins a tie


def _why(q: Query, line: BudgetLine) -> None:
    r, budget = q.draft, q.knowledge.budget
    if _status_note(q, line):
        return
    change = _stated_change(q, line)
    if change:
        r.fact(f"budget.changes.{line.key}", change.delta_sek, change.source)
        r.say("budget.change_reason", line=r.line(line), delta=r.money(change.delta_sek), reason=change.reason)
        return
    below = budget.outcome_below_budget(q.years)
    spent, meant = (line.amount(below.column), line.amount(below.compared_to)) if below else (None, None)
    if spent is not None and meant is not None and spent < meant:
        outcome_reason(q)  # the line's outcome fell short: the document's reason for that
    else:
        _description(q, line)  # no reason given for the figure: what the money is for


def _change(q: Query, line: BudgetLine) -> None:
    r, budget = q.draft, q.knowledge.budget
    change = _stated_change(q, line)
    named = sorted(q.columns(default_all=False) or [], key=lambda c: (c.year, _KIND_ORDER.get(c.kind, 0)))
    if change and len(named) == 2 and {c.key for c in named} != {change.from_column, change.to_column}:
        # "from the 2024 outcome to the 2025 proposal": the columns asked, not the change a document states
        _line_difference(q, line, named[0], named[1])
        return
    # "2025 respektive 2026": each year's stated change, when the documents state one for several.
    each = [found for year in q.years if (found := _stated_change_in(q, line, [year])) is not None]
    for stated in each if len(each) >= 2 else [change] if change else []:
        before = budget.column(stated.from_column)
        after = budget.column(stated.to_column)
        r.fact(f"budget.changes.{line.key}", stated.delta_sek, stated.source)
        r.say(
            "budget.change",
            line=r.line(line),
            delta=r.money(stated.delta_sek),
            before=r.money(line.amounts[before.key]),  # the loader checked both figures exist
            before_column=r.column(before),
            after=r.money(line.amounts[after.key]),
            after_column=r.column(after),
            reason=stated.reason,
        )
        _percent_of_change(q, line, before, after)
    if not change:
        _line_difference(q, line, *_compared_columns(q))


# Within one year the columns run budget, outcome, then the next year's proposal.
_KIND_ORDER = {"budget": 0, "utfall": 1, "forslag": 2}


def _percent_of_change(q: Query, line: BudgetLine, before: Column, after: Column) -> None:
    """ "hur många procent mer är det?": a stated change in per cent of the earlier figure, when asked."""
    first, second = line.amount(before.key), line.amount(after.key)
    if q.has(lx.SHARE) and first and second is not None:
        r = q.draft
        r.say("budget.percent_change", percent=r.percent(second - first, first, True), before_column=r.column(before))


def _one_kind_two_years(q: Query) -> bool:
    """ "utfall 2025 mot utfall 2024": one kind of column, named for two years the tables both have."""
    kinds, keys = set(q.entities.column_kinds), {(c.kind, c.year) for c in q.knowledge.budget.columns}
    return len(kinds) == 1 and len(q.years) == 2 and all((next(iter(kinds)), year) in keys for year in q.years)


def _between_years(q: Query, line: BudgetLine) -> None:
    _line_difference(q, line, *_compared_columns(q))


def _compared_columns(q: Query) -> tuple[Column, Column]:
    """Which two columns a rise/fall/difference question compares."""
    budget = q.knowledge.budget
    kinds = q.entities.column_kinds
    latest = max(budget.columns, key=lambda c: c.year)
    by_kind = {(c.kind, c.year): c for c in budget.columns}
    if _one_kind_two_years(q):  # "utfall 2025 mot utfall 2024": one kind, two years
        first, second = sorted(q.years)
        return by_kind[(kinds[0], first)], by_kind[(kinds[0], second)]
    if len(q.years) == 1 and not kinds:  # "ökade X 2025?": the year's proposal against the budget before it
        proposal, before = by_kind.get(("forslag", q.years[0])), by_kind.get(("budget", q.years[0] - 1))
        if proposal and before:
            return before, proposal
    below = budget.outcome_below_budget(q.years)
    if below is None:  # no outcome was compared in the documents: the two newest columns
        older = [c for c in budget.columns if c.year < latest.year] or budget.columns
        return max(older, key=lambda c: c.year), latest
    planned, outcome = budget.column(below.compared_to), budget.column(below.column)
    if "utfall" in kinds and ("budget" in kinds or latest.year not in q.years):
        return planned, outcome
    return (outcome if "utfall" in kinds else planned), latest


def _line_difference(q: Query, line: BudgetLine, before: Column, after: Column) -> None:
    r = q.draft
    first, second = line.amount(before.key), line.amount(after.key)
    figures = [_cite_amount(q, line, before), _cite_amount(q, line, after)]
    if first is None or second is None:  # one table lacks the line: no difference to give
        r.say("budget.line_figures", line=r.line(line), figures=r.join(figures))
        return
    delta = second - first
    r.say(
        "budget.difference",
        line=r.line(line),
        before_column=r.column(before),
        after_column=r.column(after),
        before=r.money(first),
        after=r.money(second),
        delta=r.money(abs(delta)),
        direction=r.direction(delta),
    )
    if q.has(lx.SHARE) and first:  # "hur många procent ökade …?": the change against the earlier figure
        r.say("budget.percent_change", percent=r.percent(delta, first, signed=True), before_column=r.column(before))


def budget_total(q: Query) -> None:
    r, budget = q.draft, q.knowledge.budget
    if q.has(lx.WHY):  # "varför är paketet bara 3,5 mkr?": the decision, then what left the package
        _why_total(q)
        return
    if q.has(lx.DESCRIPTION) and not q.years:  # "vad är trygghetspaketet?"
        decided_by(q)
    columns = q.columns()
    if columns is None:
        history(q)
        return
    _missing_columns(q, columns)
    figures = []
    for column in columns:
        total = _cite_total(q, column)
        if total is None:
            figures.append(r.text("budget.figure_missing", column=r.column(column)))
        else:
            figures.append(r.text("budget.figure", column=r.column(column), amount=r.money(total)))
    r.say("budget.totals", name=budget.name, figures=r.join(figures))
    _average(q, [total for column in columns if (total := budget.totals.get(column.key)) is not None])
    _discrepancy_notes(q, columns)
    if any(c.year == budget.year for c in columns):
        r.fact("budget.decided_by", budget.decided_by.text, budget.decided_by.source)


def _average(q: Query, amounts: list[int]) -> None:
    """ "genomsnittet av utfall 2024 och förslag 2025": the mean of the figures given, worked out."""
    if not q.has(lx.AVERAGE) or len(amounts) < 2:
        return
    r = q.draft
    mean = round(sum(amounts) / len(amounts))
    terms = " + ".join(r.money(amount) for amount in amounts)
    r.say("budget.average", terms=terms, count=len(amounts), mean=r.money(mean))


def _why_total(q: Query) -> None:
    """The reasons the documents give for a total: who decided it, and lines that left the package."""
    r, budget = q.draft, q.knowledge.budget
    columns = q.columns() or [max(budget.columns, key=lambda c: (c.year, c.kind == "forslag"))]
    decided_by(q)
    for column in columns:
        for line in budget.lines:
            if line.amount(column.key) == 0:
                _status_note(q, line)
    before, after = _compared_columns(q)
    sentence = _total_change(q, before, after)
    if sentence and budget.totals[before.key] != budget.totals[after.key]:
        r.say("budget.total_difference", **sentence)
        _discrepancy_notes(q, [before, after])


def _total_change(q: Query, before: Column, after: Column) -> dict[str, str] | None:
    """The package's total from one column to another, cited; None when either total is missing."""
    r, totals = q.draft, q.knowledge.budget.totals
    first, second = totals.get(before.key), totals.get(after.key)
    if first is None or second is None:
        return None
    _cite_total(q, before)
    _cite_total(q, after)
    return {
        "before": r.text("budget.figure", column=r.column(before), amount=r.money(first)),
        "after": r.text("budget.figure", column=r.column(after), amount=r.money(second)),
        "delta": r.money(abs(second - first)),
        "direction": r.text("budget.up" if second > first else "budget.down"),
    }


def _by_change(q: Query, before: Column, after: Column) -> tuple[str, str, str, list[str]]:
    """The lines, cited, that rose, fell or stayed from ``before`` to ``after``, and those in one table only."""
    r = q.draft
    rose: list[str] = []
    fell: list[str] = []
    same: list[str] = []
    partial: list[str] = []
    for line in q.knowledge.budget.lines:
        figures = [_cite_amount(q, line, before), _cite_amount(q, line, after)]
        first, second = line.amount(before.key), line.amount(after.key)
        if first is None or second is None:
            if first is not None or second is not None:
                partial.append(r.text("budget.line_amount", line=r.line(line), amount=r.join(figures)))
            continue
        delta = second - first
        item = r.text("budget.delta_item", line=r.line(line), delta=r.money(abs(delta)))
        (rose if delta > 0 else fell if delta < 0 else same).append(item if delta else r.line(line))
    none = r.text("budget.none")
    return r.join(rose) or none, r.join(fell) or none, r.join(same) or none, partial


def _discrepancy_notes(q: Query, columns: list[Column]) -> None:
    """A total the document contradicts is given as stated, with the contradiction named."""
    r = q.draft
    for column in columns:
        discrepancy = q.knowledge.discrepancy_for(column.key)
        if discrepancy:
            r.say(
                "budget.discrepancy",
                column=r.column(column),
                computed=r.money(discrepancy.computed_sek),
                stated=r.money(discrepancy.stated_sek),
            )


def _in_history(q: Query) -> bool:
    """The question names an amount the background gives for one of its years, or a year only it covers.

    "till vilken nivå höjdes anslaget 2019?": the table has no 2019 column, the background does.
    """
    budget = q.knowledge.budget
    named_amount = any(
        entry.amount_sek in q.entities.amounts and any(entry.year_from <= year for year in q.years)
        for entry in budget.history
    )
    covered = bool(q.years) and all(
        any(entry.year_from <= year <= (entry.year_to or budget.year) for entry in budget.history) for year in q.years
    )
    return named_amount or covered


def history(q: Query) -> None:
    r, budget = q.draft, q.knowledge.budget
    entries = [
        entry
        for entry in budget.history
        if not q.years or any(entry.year_from <= year <= (entry.year_to or budget.year) for year in q.years)
    ]
    if not entries:
        r.not_found("budget.history_unknown", years=r.join([str(y) for y in q.years]))
        return
    if q.years and q.has(lx.COLUMN_UTFALL):
        # The background gives the levels granted, not what was spent: an outcome it does not state.
        r.not_found("budget.outcome_unknown_year", years=r.join([str(y) for y in q.years]))
    for entry in entries:
        r.fact(f"budget.history.{entry.key}", entry.amount_sek, entry.source)
        r.say("budget.history_entry", text=entry.text)


def outcome_reason(q: Query) -> None:
    budget = q.knowledge.budget
    # "år för år": each year's own explanation, from the document that gives it.
    each = [found for year in q.years if (found := budget.outcome_below_budget([year])) is not None]
    each = [below for below in dict.fromkeys(each) if budget.column(below.column).year in q.years]
    for below in each if len(each) >= 2 else [budget.outcome_below_budget(q.years)]:
        _outcome_reason(q, below)


def _outcome_reason(q: Query, below: OutcomeBelowBudget | None) -> None:
    r, budget = q.draft, q.knowledge.budget
    if below is None:
        r.not_found("budget.no_outcome_reason")
        return
    outcome, planned = budget.column(below.column), budget.column(below.compared_to)
    r.fact("budget.outcome_below_budget.reason", below.reason, below.source)
    outcome_total, planned_total = _cite_total(q, outcome), budget.totals.get(planned.key)
    r.say(
        "budget.outcome_reason",
        outcome=r.column(outcome),
        planned=r.column(planned),
        outcome_total=r.money(outcome_total) if outcome_total is not None else r.text("budget.not_in_table"),
        planned_total=r.money(planned_total) if planned_total is not None else r.text("budget.not_in_table"),
        reason=below.reason,
    )
    if outcome_total is not None and planned_total is not None and outcome_total < planned_total:
        # "… och hur mycket lägre?": the gap worked out, beside the reason
        r.say(
            "budget.outcome_gap",
            planned=r.money(planned_total),
            outcome=r.money(outcome_total),
            gap=r.money(planned_total - outcome_total),
        )


def state_grant(q: Query) -> None:
    r, grant = q.draft, q.knowledge.budget.state_grant
    # "för 2024": the document whose figure is for that year, when a later one gives another year's.
    for_year = [b.state_grant for b in q.knowledge.budgets if b.state_grant.year in q.years]
    if for_year:
        grant = for_year[-1]
    r.fact("budget.state_grant.per_inhabitant_sek", grant.per_inhabitant_sek, grant.source)
    r.fact("budget.state_grant.total_sek", grant.total_sek, grant.source)
    figures = {
        "per_inhabitant": r.money(grant.per_inhabitant_sek),
        "total": r.money(grant.total_sek),
        "year": grant.year,
    }
    # The newest document may give the grant without its law: the law from the newest one that names it, cited.
    named = q.knowledge.newest_stating(lambda budget: budget.state_grant if budget.state_grant.law else None)
    if named is None:
        r.say("budget.state_grant_no_law", **figures)
    else:
        r.fact("budget.state_grant.law", f"{named.law} ({named.law_sfs})", named.source)
        r.say("budget.state_grant", law=named.law, sfs=named.law_sfs, **figures)
    _state_grant_change(q)


def _state_grant_change(q: Query) -> None:
    """ "hur har statsbidraget ändrats?": the oldest and the newest document's figures side by side."""
    r = q.draft
    grants = sorted({b.state_grant.year: b.state_grant for b in q.knowledge.budgets}.values(), key=lambda g: g.year)
    asked = lx.asks_change(q.text, True) or q.has(lx.DIFFERENCE) or q.has(lx.COMPARATIVE) or len(q.years) >= 2
    if len(grants) < 2 or not asked:
        return
    before, after = grants[0], grants[-1]
    for grant in (before, after):
        r.fact(f"budget.state_grant.{grant.year}.per_inhabitant_sek", grant.per_inhabitant_sek, grant.source)
    r.say(
        "budget.state_grant_change",
        before_year=before.year,
        after_year=after.year,
        before_per=r.money(before.per_inhabitant_sek),
        after_per=r.money(after.per_inhabitant_sek),
        before_total=r.money(before.total_sek),
        after_total=r.money(after.total_sek),
    )


def areas(q: Query) -> None:
    budget = q.knowledge.budget
    if q.has(lx.MUNICIPALITY):
        q.draft.not_found("budget.no_municipality")  # then the places it does name
    r = q.draft
    for line in budget.lines:
        if _stated_areas(q, line):
            _line_areas(q, line)
            change = _stated_change(q, line)
            if change:
                r.fact(f"budget.changes.{line.key}", change.delta_sek, change.source)
                year = budget.column(change.to_column).year
                key = "budget.areas_change" if change.delta_sek >= 0 else "budget.areas_change_down"
                r.say(key, line=r.line(line), delta=r.money(abs(change.delta_sek)), year=year)


def unknown_subject(q: Query, subject: str) -> None:
    """ "vad fick fältassistenterna 2024?": no line, no mention; say so, then the lines there are."""
    r, budget = q.draft, q.knowledge.budget
    r.not_found("budget.unknown_subject", subject=subject)
    r.fact("budget.table_source", budget.name, budget.table_source)
    r.say("budget.lines_are", lines=r.join([r.line(line) for line in budget.lines]))


def unbudgeted(q: Query) -> None:
    for index in q.entities.unbudgeted:
        mention = q.knowledge.budget.unbudgeted_mentions[index]
        q.draft.fact(f"budget.unbudgeted.{mention.name}", mention.text, mention.source)
        q.draft.not_found("budget.unbudgeted", text=mention.text)


def activity(q: Query) -> None:
    """An activity named in the documents has no amount of its own: say where it belongs."""
    r, budget = q.draft, q.knowledge.budget
    for key, name in q.entities.activities:
        line = budget.line(key)
        r.fact(f"budget.lines.{key}.activities", ", ".join(line.activities), line.source)
        figures = [_cite_amount(q, line, column) for column in budget.columns]
        r.not_found("budget.activity", activity=name, line=r.line(line), figures=r.join(figures))


def decided_by(q: Query) -> None:
    decided = q.knowledge.budget.decided_by
    q.draft.fact("budget.decided_by", decided.text, decided.source)
    q.draft.say("budget.decided_by", text=decided.text)
    if q.has(lx.DISTRIBUTION) and not q.lines:  # "… ge fördelningen": the decided split, from the table
        columns = q.columns(default_all=False) or [max(q.knowledge.budget.columns, key=lambda c: (c.year, c.kind))]
        _table(q, columns)


def children(q: Query) -> None:
    text = q.knowledge.budget.children
    q.draft.fact("budget.children", text.text, text.source)
    q.draft.say("budget.children", text=text.text)


# --- questions over the table ---------------------------------------------


def analysis(q: Query) -> None:
    columns = q.columns()
    spans = columns is not None and len({c.year for c in columns}) >= 2
    if columns is None and _in_history(q):  # "har paketet legat på 6 mkr sedan 2019?": the background
        history(q)
    elif columns is None:
        _no_such_year(q, q.draft.text("budget.table"))
    elif q.has(lx.UNDER_BUDGET) and q.has(lx.SHARE):
        _percent_against_budget(q)  # "hur många procent under budget låg utfallet?"
    elif q.has(lx.UNDER_BUDGET) and not q.lines:
        _against_budget(q)
    elif q.has(lx.SHARE) and q.lines and not (lx.asks_change(q.text, spans) or (spans and q.has(lx.COMPARATIVE))):
        _shares(q, columns)
    elif q.has(lx.RANK) and len(q.lines) == 1:
        _rank(q, q.knowledge.budget.line(q.lines[0]), columns)
    elif q.entities.amounts:
        _lines_with_amount(q, columns)
    elif (q.has(lx.ROSE) or q.has(lx.FELL)) and (q.has(lx.MOST) or q.has(lx.LEAST)) and not _named_lines(q):
        _largest_change(q, rising=q.has(lx.ROSE), most=q.has(lx.MOST))
    elif (q.has(lx.MOST) or q.has(lx.LEAST)) and len(_named_lines(q)) == 2:
        _line_differences(q, columns)  # "fick A eller B mest?": the candidates are the lines named
    elif q.has(lx.MOST) or q.has(lx.LEAST):
        _extreme(q, columns, most=q.has(lx.MOST))
    elif len(q.lines) >= 2 and not q.has(lx.SUM_OF) and not _between_columns(q, columns):
        _line_differences(q, columns)  # "hur mycket mer fick X än Y 2024?", "X jämfört med Y"
    elif all_but(q.text, q.lines):
        rest = [line.key for line in q.knowledge.budget.lines if line.key not in q.lines]
        _sum_of_lines(q, columns, rest, the_rest=True)
    elif len(q.lines) >= 2 and q.has(lx.SUM_OF):
        _sum_of_lines(q, columns, q.lines)
    elif any(q.has(cue) for cue in (lx.DIFFERENCE, lx.COMPARATIVE, lx.UNCHANGED)) or lx.asks_change(q.text, spans):
        _changes(q)
    else:
        _table(q, columns)


def _shares(q: Query, columns: list[Column]) -> None:
    """A line's share of its column's total (the document's total, as stated)."""
    r, budget = q.draft, q.knowledge.budget
    left_out = _left_out(q)
    if left_out is not None:
        _shares_of_the_rest(q, columns, left_out)
        return
    if len(q.lines) >= 2 and q.has(lx.SUM_OF):  # "hur stor andel får A och B tillsammans?": the group's share first
        for column in columns:
            total = budget.totals.get(column.key)
            amounts = [budget.line(key).amount(column.key) for key in q.lines]
            if not total or any(amount is None for amount in amounts):
                continue
            together = sum(amount or 0 for amount in amounts)
            for key in q.lines:
                _cite_amount(q, budget.line(key), column)
            _cite_total(q, column)
            r.say(
                "budget.share_together",
                lines=r.join([r.line(budget.line(key)) for key in q.lines]),
                column=r.column(column),
                amount=r.money(together),
                total=r.money(total),
                percent=r.percent(together, total),
            )
    for key in q.lines:
        line = budget.line(key)
        for column in columns:
            total, amount = budget.totals.get(column.key), line.amount(column.key)
            if not total or amount is None:
                continue
            _cite_amount(q, line, column)
            _cite_total(q, column)
            r.say(
                "budget.share",
                line=r.line(line),
                column=r.column(column),
                amount=r.money(amount),
                total=r.money(total),
                percent=r.percent(amount, total),
            )
    _discrepancy_notes(q, columns)


def _left_out(q: Query) -> str | None:
    """ "leaving SSPF out, what share went to X?": the named line the exclusion word stands before."""
    tokens = q.text.tokens
    if len(q.lines) < 2 or not q.has(lx.EXCEPT):
        return None
    phrases = [phrase.split() for phrase in lx.EXCEPT.phrases]
    where = next(
        (
            index
            for index, token in enumerate(tokens)
            if lx.EXCEPT.matches_token(token) or any(list(tokens[index : index + len(p)]) == p for p in phrases)
        ),
        None,
    )
    if where is None:
        return None
    mentions = {key: _first_mention(q, key) for key in q.lines}
    after = [(index, key) for key, index in mentions.items() if index is not None and index > where]
    return min(after)[1] if after else None


def _first_mention(q: Query, key: str) -> int | None:
    line = q.knowledge.budget.line(key)
    firsts = {normalize(name).tokens[0] for name in (line.name, *line.synonyms) if normalize(name).tokens}
    return next((index for index, token in enumerate(q.text.tokens) if token in firsts), None)


def _shares_of_the_rest(q: Query, columns: list[Column], left_out: str) -> None:
    """Each other named line's share of the column's total less the line left out, worked out."""
    r, budget = q.draft, q.knowledge.budget
    gone = budget.line(left_out)
    for column in columns:
        total, removed = budget.totals.get(column.key), gone.amount(column.key)
        if not total or removed is None:
            continue
        rest = total - removed
        _cite_total(q, column)
        _cite_amount(q, gone, column)
        for key in q.lines:
            line = budget.line(key)
            amount = line.amount(column.key)
            if key == left_out or amount is None or not rest:
                continue
            _cite_amount(q, line, column)
            r.say(
                "budget.share_of_rest",
                line=r.line(line),
                gone=r.line(gone),
                column=r.column(column),
                amount=r.money(amount),
                total=r.money(total),
                removed=r.money(removed),
                rest=r.money(rest),
                percent=r.percent(amount, rest),
            )


def _named_lines(q: Query) -> list[str]:
    """The lines an operation works on: those named, or every line but those after "utom"/"apart from"."""
    return [] if q.has(lx.EXCEPT) else q.lines


def _candidates(q: Query, lines: list[BudgetLine]) -> list[BudgetLine]:
    """``lines`` without those the question excludes ("bortsett från SSPF")."""
    if not q.has(lx.EXCEPT):
        return lines
    return [line for line in lines if line.key not in q.lines]


def _between_columns(q: Query, columns: list[Column]) -> bool:
    """A change over time ("hur ökade X och Y från 2024 till 2025?"), not one line set against another."""
    moved = lx.asks_change(q.text, True) or q.has(lx.UNCHANGED)
    return moved and len({c.year for c in columns}) >= 2 and not q.has(lx.LINE_VERSUS)


def signed(r_money: str, negative: bool) -> str:
    return f"−{r_money}" if negative else r_money


def _line_differences(q: Query, columns: list[Column]) -> None:
    """The first line named minus the second, per column, with the subtraction written out.

    When the question takes a direction for granted that the table contradicts ("hur mycket
    mer fick X än Y?" when X got less), that is said first.
    """
    r, budget = q.draft, q.knowledge.budget
    # The question's order when it named the lines itself; the data's when a follow-up inherited them.
    asked = q.entities.asked_lines if set(q.entities.asked_lines) == set(q.lines) else q.lines
    first, second = (budget.line(key) for key in asked[:2])
    takes_for_granted = not q.has(lx.WHICH_OF) and not (q.has(lx.MOST) or q.has(lx.LEAST))
    if not takes_for_granted and columns:
        # "which got more, A or B?": the answer leads with the larger (the smaller for "less"/"least")
        smaller_first = q.has(lx.LEAST) or (q.has(lx.ASKED_LESS) and not q.has(lx.ASKED_MORE) and not q.has(lx.MOST))
        a, b = first.amount(columns[0].key), second.amount(columns[0].key)
        if a is not None and b is not None and (a < b if not smaller_first else a > b):
            first, second = second, first
    asked_more, asked_less = q.has(lx.ASKED_MORE) and takes_for_granted, q.has(lx.ASKED_LESS) and takes_for_granted
    for column in columns:
        a, b = first.amount(column.key), second.amount(column.key)
        _cite_amount(q, first, column)
        _cite_amount(q, second, column)
        if a is None or b is None:
            figures = [_cite_amount(q, line, column) for line in (first, second)]
            r.say("budget.line_figures", line=r.join([r.line(first), r.line(second)]), figures=r.join(figures))
            continue
        delta = a - b
        names = {"first_line": r.line(first), "second_line": r.line(second), "column": r.column(column)}
        wrong_way = (asked_more and not asked_less and delta < 0) or (asked_less and not asked_more and delta > 0)
        if wrong_way:
            asked_word = r.text("budget.word_more" if asked_more else "budget.word_less")
            actual_word = r.text("budget.word_less" if delta < 0 else "budget.word_more")
            r.say("budget.premise_wrong", asked=asked_word, actual=actual_word, delta=r.money(abs(delta)), **names)
        r.say(
            "budget.line_minus",
            first=r.money(a),
            second=r.money(b),
            result=signed(r.money(abs(delta)), delta < 0),
            **names,
        )
        if wrong_way:
            continue
        if delta == 0:
            r.say("budget.lines_equal", amount=r.money(a), **names)
        else:
            key = "budget.line_more" if delta > 0 else "budget.line_less"
            r.say(key, delta=r.money(abs(delta)), **names)
    _discrepancy_notes(q, columns)
    for line in (first, second):  # a line at 0 kr because it left the package: the document's reason
        if any(line.amount(c.key) == 0 for c in columns):
            _status_note(q, line)


def _rank(q: Query, line: BudgetLine, columns: list[Column]) -> None:
    """The line's place from the largest in each column (tied lines share a place), and who is ahead."""
    r, budget = q.draft, q.knowledge.budget
    for column in columns:
        amount = line.amount(column.key)
        if amount is None:
            _cite_amount(q, line, column)
            continue
        present = budget.lines_with(column.key)
        ahead = [other for other in present if other.amounts[column.key] > amount]
        figures = [_cite_amount(q, other, column) for other in ahead]
        r.say(
            "budget.rank",
            line=r.line(line),
            place=len(ahead) + 1,
            count=len(present),
            column=r.column(column),
            amount=_cite_amount(q, line, column),
        )
        if ahead:
            r.say("budget.rank_ahead", lines=r.join([f"{r.line(o)} {f}" for o, f in zip(ahead, figures, strict=True)]))


def _extreme(q: Query, columns: list[Column], most: bool) -> None:
    r, budget = q.draft, q.knowledge.budget
    for column in columns:
        pick = max if most else min
        present = _candidates(q, budget.lines_with(column.key))
        if present and q.has(lx.SECOND_RANK):  # "näst störst": the first place's lines left out
            first_place = pick(line.amounts[column.key] for line in present)
            present = [line for line in present if line.amounts[column.key] != first_place]
        if not present:
            continue
        target = pick(line.amounts[column.key] for line in present)
        winners = [line for line in present if line.amounts[column.key] == target]
        for line in winners:
            _cite_amount(q, line, column)
        removed = [line for line in winners if line.status_note and target == 0]
        if not most and removed:
            # 0 kr because the line left the package (the document says why): the least among the
            # lines that still get money comes first, then the one that left, with its reason.
            funded = [line for line in present if line.amounts[column.key] > 0]
            if funded:
                least = min(line.amounts[column.key] for line in funded)
                smallest = [line for line in funded if line.amounts[column.key] == least]
                for line in smallest:
                    _cite_amount(q, line, column)
                names = r.join([r.line(line) for line in smallest])
                r.say("budget.least_funded", lines=names, column=r.column(column), amount=r.money(least))
            for line in removed:
                r.fact(f"budget.lines.{line.key}.status_note", line.status_note, line.source)
                note = line.status_note
                r.say("budget.least_removed", lines=r.line(line), amount=r.money(0), column=r.column(column), note=note)
            continue
        excluded = [budget.line(key) for key in q.lines] if q.has(lx.EXCEPT) else []
        second = "second_" if q.has(lx.SECOND_RANK) else ""
        r.say(
            f"budget.{second}most" if most else f"budget.{second}least",
            column=r.column(column),
            lines=r.join([r.line(line) for line in winners]),
            amount=r.money(target),
        )
        if excluded:  # say what was left out, so the answer cannot be read as the whole table's
            r.say("budget.excluded", lines=r.join([r.line(line) for line in excluded]))


def _largest_change(q: Query, *, rising: bool, most: bool) -> None:
    """ "vilken post minskade mest?": the line(s) with the largest (or smallest) rise or fall."""
    r, budget = q.draft, q.knowledge.budget
    before, after = _compared_columns(q)
    sign = 1 if rising else -1
    both = [line for line in _candidates(q, budget.lines_with(after.key)) if line.amount(before.key) is not None]
    moved = {line.key: sign * (line.amounts[after.key] - line.amounts[before.key]) for line in both}
    candidates = [line for line in both if moved[line.key] > 0]
    if not candidates:
        r.say(
            "budget.no_change_direction",
            direction=r.text("budget.rose" if rising else "budget.fell"),
            before=r.column(before),
            after=r.column(after),
        )
        return
    target = (max if most else min)(moved[line.key] for line in candidates)
    picked = [line for line in candidates if moved[line.key] == target]
    for line in picked:
        _line_difference(q, line, before, after)
        if line.amount(after.key) == 0:
            _status_note(q, line)
    r.say(
        "budget.largest_change" if len(picked) == 1 else "budget.largest_change_many",
        extent=r.text("budget.most_word" if most else "budget.least_word"),
        direction=r.text("budget.rose" if rising else "budget.fell"),
        before=r.column(before),
        after=r.column(after),
    )


def _sum_of_lines(q: Query, columns: list[Column], keys: list[str], *, the_rest: bool = False) -> None:
    """The sum of the lines ``keys`` per column; ``the_rest``: every line but those named, so each
    column sums the lines its own table has (a line added or gone later is not "no figure")."""
    r, budget = q.draft, q.knowledge.budget
    named = [budget.line(key) for key in keys]
    sums: list[tuple[Column, int]] = []
    for column in columns:
        lines = [line for line in named if line.amount(column.key) is not None] if the_rest else named
        figures = [_cite_amount(q, line, column) for line in lines]
        if any(line.amount(column.key) is None for line in lines):  # a sum of what the table lacks is no sum
            r.say("budget.line_figures", line=r.join([r.line(x) for x in lines]), figures=r.join(figures))
            continue
        total = sum(line.amounts[column.key] for line in lines)
        sums.append((column, total))
        r.say(
            "budget.sum_of_lines",
            lines=r.join([r.line(x) for x in lines]),
            column=r.column(column),
            amount=r.money(total),
        )
    asks_change = lx.asks_change(q.text, True) or q.has(lx.DIFFERENCE) or q.has(lx.COMPARATIVE)
    if len(sums) == 2 and asks_change:  # "utan nattvandringen, hur mycket ändras totalen från … till …?"
        (first, before), (second, after) = sorted(sums, key=lambda item: (item[0].year, _KIND_ORDER[item[0].kind]))
        r.say(
            "budget.sum_change",
            before_column=r.column(first),
            after_column=r.column(second),
            before=r.money(before),
            after=r.money(after),
            delta=r.money(abs(after - before)),
            direction=r.direction(after - before),
        )


def _changes(q: Query) -> None:
    r, budget = q.draft, q.knowledge.budget
    before, after = _compared_columns(q)
    if q.lines:
        for key in q.lines:
            _line_difference(q, budget.line(key), before, after)
        return
    rose, fell, same, partial = _by_change(q, before, after)
    notes = [line for line in budget.lines if line.status_note and line.amount(after.key) == 0]
    total_sentence = _total_change(q, before, after)
    # "how does that compare with 2024?" right after the package's total: still the total
    after_a_total = q.context.intent == "budget_total" and not q.lines
    about_the_total = q.has(lx.PACKAGE) or q.has(lx.TOTAL) or after_a_total
    totals = budget.totals
    if about_the_total and q.has(lx.SHARE) and totals.get(before.key) and after.key in totals:
        # "med hur många procent minskade paketet?": the two totals and the change in per cent, nothing else
        first, second = totals[before.key], totals[after.key]
        _cite_total(q, before)
        _cite_total(q, after)
        r.say(
            "budget.total_percent_change",
            before=r.text("budget.figure", column=r.column(before), amount=r.money(first)),
            after=r.text("budget.figure", column=r.column(after), amount=r.money(second)),
            delta=signed(r.money(abs(second - first)), second < first),
            percent=r.percent(second - first, first, signed=True),
        )
        _discrepancy_notes(q, [before, after])
        return
    if about_the_total and total_sentence:  # "hur mycket krympte paketet?": the total first, then the lines
        r.say("budget.total_difference", **total_sentence)
    r.say(
        "budget.changes",
        before=r.column(before),
        after=r.column(after),
        rose=rose,
        fell=fell,
        same=same,
    )
    if partial:  # a line only one of the two tables has (new, or gone)
        r.say("budget.in_one_table", before=r.column(before), after=r.column(after), items=r.join(partial))
    if not about_the_total and total_sentence:
        r.say("budget.total_difference", **total_sentence)
    _discrepancy_notes(q, [before, after])
    for line in notes:
        _status_note(q, line)


def _against_budget(q: Query) -> None:
    """Each line's outcome against the budget of the same year: which went under, which matched."""
    r, budget = q.draft, q.knowledge.budget
    years = q.years or sorted({c.year for c in budget.columns if c.kind == "utfall"})
    pairs = [
        (budget.column(f"utfall_{year}"), budget.column(f"budget_{year}"))
        for year in years
        if {f"utfall_{year}", f"budget_{year}"} <= {c.key for c in budget.columns}
    ]
    if not pairs:
        _no_such_year(q, r.text("budget.table"))
        return
    for outcome, planned in pairs:
        _total_against_budget(q, outcome, planned)
        over, under, matched, _ = _by_change(q, planned, outcome)  # outcome above, below or equal to plan
        r.say(
            "budget.against_budget",
            outcome=r.column(outcome),
            planned=r.column(planned),
            under=under,
            over=over,
            matched=matched,
        )
    # Each year's own explanation, from the document that gives it ("förklaringen respektive år").
    if len(pairs) > 1:
        for outcome, _planned in pairs:
            below = budget.outcome_below_budget([outcome.year])
            if below is not None and budget.column(below.column).year == outcome.year:
                r.fact("budget.outcome_below_budget.reason", below.reason, below.source)
                r.say("budget.why_below_year", year=outcome.year, reason=below.reason)
        return
    below = budget.outcome_below_budget(q.years)
    if below is not None:
        r.fact("budget.outcome_below_budget.reason", below.reason, below.source)
        r.say("budget.why_below", reason=below.reason)


def _total_against_budget(q: Query, outcome: Column, planned: Column) -> None:
    """The whole package's outcome against its budget, the difference worked out ("3,3 mot 3,5 mkr")."""
    r = q.draft
    spent, meant = _cite_total(q, outcome), _cite_total(q, planned)
    if spent is None or meant is None:
        return
    key = "budget.total_under_budget" if spent < meant else "budget.total_over_budget"
    if spent == meant:
        key = "budget.total_as_budgeted"
    r.say(
        key,
        outcome=r.column(outcome),
        planned=r.column(planned),
        spent=r.money(spent),
        meant=r.money(meant),
        delta=r.money(abs(meant - spent)),
    )


def _percent_against_budget(q: Query) -> None:
    """How many per cent the outcome fell under (or over) the budget of the same year, for lines or the total."""
    r, budget = q.draft, q.knowledge.budget
    years = q.years or sorted({c.year for c in budget.columns if c.kind == "utfall"})
    keys = {c.key for c in budget.columns}
    pairs = [(f"utfall_{year}", f"budget_{year}") for year in years if {f"utfall_{year}", f"budget_{year}"} <= keys]
    if not pairs:
        _no_such_year(q, r.text("budget.table"))
        return
    for outcome_key, planned_key in pairs:
        outcome, planned = budget.column(outcome_key), budget.column(planned_key)
        subjects: list[tuple[str, int | None, int | None]] = [
            (r.line(budget.line(key)), budget.line(key).amount(outcome_key), budget.line(key).amount(planned_key))
            for key in q.lines
        ] or [(budget.name, _cite_total(q, outcome), _cite_total(q, planned))]
        for key in q.lines:
            _cite_amount(q, budget.line(key), outcome)
            _cite_amount(q, budget.line(key), planned)
        for subject, spent, meant in subjects:
            if spent is None or not meant:
                continue
            r.say(
                "budget.percent_under" if spent <= meant else "budget.percent_over",
                subject=subject,
                outcome=r.money(spent),
                planned=r.money(meant),
                outcome_column=r.column(outcome),
                planned_column=r.column(planned),
                percent=r.percent(abs(meant - spent), meant),
                diff=r.money(abs(meant - spent)),
                used=r.percent(spent, meant),
            )
    if not q.lines:
        _discrepancy_notes(q, [budget.column(key) for pair in pairs for key in pair])


def _lines_with_amount(q: Query, columns: list[Column]) -> None:
    r, budget = q.draft, q.knowledge.budget
    for amount in q.entities.amounts:
        found = []
        for column in columns:
            for line in budget.lines:
                if line.amount(column.key) == amount:
                    _cite_amount(q, line, column)
                    found.append(r.text("budget.line_in_column", line=r.line(line), column=r.column(column)))
            if budget.totals.get(column.key) == amount:
                _cite_total(q, column)
                found.append(r.text("budget.total_in_column", column=r.column(column)))
        if found:
            r.say("budget.lines_with_amount", amount=r.money(amount), items=r.join(found))
            continue
        # Not in the table: the background may mention the amount ("6 mkr since 2019").
        entries = [entry for entry in budget.history if entry.amount_sek == amount]
        for entry in entries:
            r.fact(f"budget.history.{entry.key}", entry.amount_sek, entry.source)
            r.say("budget.history_entry", text=entry.text)
        if not entries:
            r.not_found("budget.no_line_with_amount", amount=r.money(amount))


def _table(q: Query, columns: list[Column]) -> None:
    r, budget = q.draft, q.knowledge.budget
    if q.has(lx.HOW_MANY) and not q.lines:  # "hur många poster har tabellen?": the count, then the lines
        stated = [line for line in budget.lines if any(line.amount(c.key) is not None for c in columns)]
        r.say("budget.line_count", count=len(stated), columns=r.join([r.column(c) for c in columns]))
    for line in [budget.line(key) for key in q.lines] or budget.lines:
        figures = [_cite_amount(q, line, column) for column in columns]
        r.say("budget.line_figures", line=r.line(line), figures=r.join(figures))

"""Help and the polite "not in my documents" answer."""

from __future__ import annotations

from bot.answering.query import Query


def help_(q: Query) -> None:
    q.reply.say("general.help")


def year_only(q: Query) -> None:
    """A bare year: suggest what can be asked about it (only what the documents cover for that year)."""
    r, year = q.reply, q.years[0]
    examples = []
    if q.knowledge.prize.winner_for(year):
        examples.append(r.text("general.example_winner", year=year))
    if q.knowledge.prize.round_for(year) or q.knowledge.prize.winner_for(year):
        examples.append(r.text("general.example_theme", year=year))
    if any(column.year == year for column in q.knowledge.budget.columns):
        examples.append(r.text("general.example_budget", year=year))
    if examples:
        r.say("general.year_only", year=year, examples=r.join(examples, "fmt.or"))
    else:
        r.not_found("general.year_unknown", year=year)


def out_of_scope(q: Query) -> None:
    q.reply.not_found("general.out_of_scope")

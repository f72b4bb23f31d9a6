"""Follow-up carry-over: what a question takes from the conversation, in one place.

A follow-up fills only the slots it leaves empty (years, lines, columns, the winner talked about);
what it names itself is kept. A subject the data does not know ("vad fick fältassistenterna?") is
a subject of its own: it is never replaced by the previous one. Two short follow-ups restate the
previous question: "i tkr?" (the same question in another unit) and "och 2024?" (another year).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.answering import lexicon as lx
from bot.answering.entities import Entities, EntityExtractor
from bot.answering.intents import BUDGET_INTENTS, PRIZE_YEAR_INTENTS, Intent
from bot.answering.model import ConversationContext
from bot.answering.normalize import Normalized

TOPICS = (BUDGET_INTENTS, PRIZE_YEAR_INTENTS)  # a follow-up may switch intent within a topic and keep its year
# Answers that carry amounts, which a unit follow-up can render again.
MONEY_INTENTS = BUDGET_INTENTS | {Intent.PRIZE_FACTS, Intent.BUDGET_ANALYSIS, Intent.STATE_GRANT}
UNIT_WORDS = frozenset({"tkr", "ksek", "kronor", "sek", "tusen", "thousand", "thousands", "exakt", "belopp"})

Classifier = Callable[[Normalized, Entities, ConversationContext], str]


class CarryOver:
    def __init__(self, extractor: EntityExtractor, classify: Classifier) -> None:
        self.extractor = extractor
        self.classify = classify

    # --- restating the previous question -------------------------------------
    def restate(self, text: Normalized, e: Entities, ctx: ConversationContext) -> tuple[Normalized, Entities]:
        """ "i tkr?" and "och 2024?" ask the previous question again; any other question is its own."""
        if _only_changes_unit(text, e, ctx):
            tokens = [tok for tok in ctx.tokens if tok not in UNIT_WORDS] + list(text.tokens)
            merged = Normalized(raw=text.raw, clean=" ".join(tokens), tokens=tuple(tokens))
            return merged, self.extractor.extract(merged)
        if _only_changes_year(text, e, ctx) and not self._stands_alone(text, e):
            base = ctx.years or ([ctx.winner_year] if ctx.winner_year else [])
            years = e.years or [year + e.relative_year for year in base]
            tokens = [tok for tok in ctx.tokens if not _is_year(tok)] + [str(year) for year in years]
            merged = Normalized(raw=text.raw, clean=text.clean, tokens=tuple(tokens))
            return merged, self.extractor.extract(merged)
        return text, e

    def _stands_alone(self, text: Normalized, e: Entities) -> bool:
        """ "och vem vann 2019?" after a prize-sum question is a question of its own, not "och 2019?"."""
        return self.classify(text, e, ConversationContext()) not in {Intent.OUT_OF_SCOPE, Intent.HELP}

    # --- filling empty slots -----------------------------------------------------
    @staticmethod
    def years(intent: Intent, e: Entities, ctx: ConversationContext, text: Normalized) -> list[int]:
        """The years the question is about: its own, else the conversation's where it continues it."""
        if e.years:
            # "året efter 2019" counts from the year named; "nästa år … för 2025" names its year.
            shift = 0 if lx.NEXT_YEAR.in_(text) else e.relative_year
            return [year + shift for year in e.years]
        if intent == Intent.THEME_BY_YEAR and e.winner_years:
            return list(e.winner_years)
        same_topic = intent == ctx.intent or any(intent in group and ctx.intent in group for group in TOPICS)
        base = ctx.years or ([ctx.winner_year] if ctx.winner_year else [])
        if e.relative_year and base:
            return [year + e.relative_year for year in base]
        if ctx.intent == Intent.YEAR_ONLY and base:
            return list(base)  # "2019", then "vem vann?"
        if lx.THEN.in_(text) and base:
            return list(base)
        if same_topic and base and (lx.FOLLOW_UP.in_(text) or len(text.tokens) <= 4 or e.lines):
            return list(base)
        if intent == Intent.THEME_BY_YEAR and base:
            return list(base)
        return []

    @staticmethod
    def fill(
        intent: Intent,
        e: Entities,
        ctx: ConversationContext,
        text: Normalized,
        years: list[int],
        unknown_subject: str | None,
    ) -> list[str]:
        """Fill the empty slots ``e`` may take from the conversation; returns the names of those filled."""
        inherited = ["years"] if years and not e.years else []
        follow_up = intent == ctx.intent
        if intent == Intent.YEAR_BY_WINNER and not e.winner_years and ctx.winner_year:
            # "vad gör de?" about the winner just named, or "och året innan?" after it
            e.winner_years = list(years) or [ctx.winner_year]
            inherited.append("winners")
        # A subject the data does not know is the question's own: the previous line never replaces it.
        # "hur mycket skiljer det mot budgeten?" after a line's outcome: that line, against its own figure.
        against_previous = intent == Intent.BUDGET_ANALYSIS and ctx.intent in BUDGET_INTENTS and lx.DIFFERENCE.in_(text)
        if not e.lines and ctx.lines and not unknown_subject:
            share_of_line = intent == Intent.BUDGET_ANALYSIS and lx.SHARE.in_(text)  # "och i procent av paketet?"
            if share_of_line or against_previous or (intent in BUDGET_INTENTS and follow_up):
                e.lines = list(ctx.lines)
                inherited.append("lines")
        if against_previous and ctx.columns and e.column_kinds and set(ctx.columns) - set(e.column_kinds):
            e.column_kinds = list(dict.fromkeys([*ctx.columns, *e.column_kinds]))  # type: ignore[list-item]
            inherited.append("columns")
        if intent == Intent.BUDGET_LINE and not e.column_kinds and follow_up and not e.years and ctx.columns:
            e.column_kinds = list(ctx.columns)  # type: ignore[arg-type]
            inherited.append("columns")
        return inherited


def _only_changes_year(text: Normalized, e: Entities, ctx: ConversationContext) -> bool:
    if not ctx.tokens or not (e.years or (e.relative_year and (ctx.years or ctx.winner_year))):
        return False
    if e.lines or e.winner_years or e.unbudgeted or len(text.tokens) > 5:
        return False
    return lx.FOLLOW_UP.in_(text) or bool(e.relative_year) or len(text.tokens) == len(e.years)


def _only_changes_unit(text: Normalized, e: Entities, ctx: ConversationContext) -> bool:
    """ "i tkr?", "vad blir det i kronor?" after an answer with amounts (not after a winner)."""
    unit = lx.UNIT_THOUSANDS.in_(text) or lx.UNIT_KRONOR.in_(text)
    about_money = ctx.intent in MONEY_INTENTS
    return bool(unit and about_money and len(text.tokens) <= 6 and not (e.lines or e.years or e.amounts))


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit()

"""The intents and the signals the rule table (bot/answering/rules.py) reads beyond single cues."""

from __future__ import annotations

from enum import StrEnum

from bot.answering import lexicon as lx
from bot.answering.entities import Entities
from bot.answering.normalize import Normalized


class Intent(StrEnum):
    """What a message is about: every intent the rule table (and the answerer after it) gives, and
    the conversation router's own. The values are what ``ask --json`` and ``chat --json`` print."""

    HELP = "help"
    OUT_OF_SCOPE = "out_of_scope"
    YEAR_ONLY = "year_only"
    WINNER_BY_YEAR = "winner_by_year"
    OTHER_CONTEST = "other_contest"
    YEAR_BY_WINNER = "year_by_winner"
    YEAR_BY_THEME = "year_by_theme"
    WINNERS_LIST = "winners_list"
    THEME_BY_YEAR = "theme_by_year"
    CRITERIA = "criteria"
    CRITERIA_SCENARIO = "criteria_scenario"
    ELIGIBILITY = "eligibility"
    NOMINATION_PERIOD = "nomination_period"
    NOMINATION_COUNT = "nomination_count"
    SIGNATORY = "signatory"
    DOCUMENT_META = "document_meta"
    JURY = "jury"
    PRIZE_FACTS = "prize_facts"
    BUDGET_LINE = "budget_line"
    BUDGET_TOTAL = "budget_total"
    BUDGET_HISTORY = "budget_history"
    BUDGET_ANALYSIS = "budget_analysis"
    OUTCOME_REASON = "outcome_reason"
    STATE_GRANT = "state_grant"
    AREAS = "areas"
    UNBUDGETED = "unbudgeted"
    CHILDREN = "children"
    ACTIVITY = "activity"
    BUDGET_DECISION = "budget_decision"
    # The conversation router's: a step of the nomination dialog, and the store out of reach.
    NOMINATION_DIALOG = "nomination_dialog"
    STORE_UNAVAILABLE = "store_unavailable"


BUDGET_INTENTS = frozenset(
    {
        Intent.BUDGET_DECISION,
        Intent.ACTIVITY,
        Intent.BUDGET_LINE,
        Intent.BUDGET_TOTAL,
        Intent.BUDGET_HISTORY,
        Intent.BUDGET_ANALYSIS,
        Intent.OUTCOME_REASON,
        Intent.AREAS,
    }
)
PRIZE_YEAR_INTENTS = frozenset(
    {Intent.WINNER_BY_YEAR, Intent.THEME_BY_YEAR, Intent.YEAR_BY_WINNER, Intent.YEAR_BY_THEME}
)


def is_analysis(q: Normalized, e: Entities) -> bool:
    if (lx.COMPARATIVE.in_(q) and (len(e.years) >= 2 or len(e.column_kinds) >= 2)) or lx.UNCHANGED.in_(q):
        return True
    if lx.RANK.in_(q) and len(e.lines) == 1:
        return True  # "vilken plats hamnar trygghetsvärdarna på 2024?"
    if lx.SHARE.in_(q) and (e.lines or lx.UNDER_BUDGET.in_(q)):
        return True  # a line's share; "hur många procent under budget låg utfallet?"
    if lx.UNDER_BUDGET.in_(q) and not e.lines and not lx.is_yes_no(q):
        return True  # "hur mycket under budget hamnade det totala utfallet?": the difference
    if e.amounts and (lx.WHICH_LINES.in_(q) or not e.lines) and not lx.TOTAL.in_(q):
        return True
    if (lx.MOST.in_(q) or lx.LEAST.in_(q)) and (not e.lines or lx.EXCEPT.in_(q) or len(e.lines) >= 2):
        return True  # "vilken post är störst förutom trygghetsvärdar?", "fick A eller B mest?"
    if len(e.lines) >= 2 and (lx.LINE_VERSUS.in_(q) or lx.DIFFERENCE.in_(q) or lx.COMPARATIVE.in_(q)):
        return True  # "hur mycket mer fick X än Y?", "X jämfört med Y 2024"
    if len(e.lines) >= 2 and lx.SUM_OF.in_(q):
        return True
    if all_but(q, e.lines):
        return True  # "alla poster utom trygghetsvärdar tillsammans", "paketet minus X"
    if lx.DIFFERENCE.in_(q) or ((lx.ROSE.in_(q) or lx.FELL.in_(q)) and not e.lines):
        return True
    if lx.asks_change(q, len(e.years) >= 2 or len(e.column_kinds) >= 2) and not e.lines:
        return True  # "the per cent change in the total from the 2024 outcome to the 2025 proposal"
    if lx.DISTRIBUTION.in_(q) and not (e.lines or lx.TOTAL_FIGURE.in_(q)):
        return True
    if lx.TABLE_WORD.in_(q) and not (e.lines or lx.TOTAL.in_(q)):
        return True  # "show me the budget table"
    return lx.WHICH_LINES.in_(q) and not e.lines


def all_but(q: Normalized, lines: list[str]) -> bool:
    """The package, or what is left of it, with named lines taken away ("paketet 2025 minus X")."""
    whole = lx.SUM_OF.in_(q) or lx.TOTAL.in_(q) or lx.PACKAGE.in_(q) or lx.REMAINDER.in_(q)
    return bool(lines) and lx.EXCEPT.in_(q) and whole


def is_short_follow_up(q: Normalized) -> bool:
    """ "och 2024?", "and in 2025?", "what about SSPF?": a continuation, not a new question."""
    return len(q.tokens) <= 5 and lx.FOLLOW_UP.in_(q)

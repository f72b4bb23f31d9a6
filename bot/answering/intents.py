"""Intent classification: which question is this, given its cues, entities and context.

Ordered rules from the most specific signal to the least; a question with no
signal of its own but a year, a line or "why" continues the previous intent.
"""

from __future__ import annotations

from bot.answering import lexicon as lx
from bot.answering.document_answers import asks_about_document
from bot.answering.entities import Entities
from bot.answering.model import ConversationContext
from bot.answering.normalize import Normalized

BUDGET_INTENTS = frozenset(
    {
        "budget_decision",
        "activity",
        "budget_line",
        "budget_total",
        "budget_history",
        "budget_analysis",
        "outcome_reason",
        "areas",
    }
)
PRIZE_YEAR_INTENTS = frozenset({"winner_by_year", "theme_by_year", "year_by_winner", "year_by_theme"})


def classify(q: Normalized, e: Entities, ctx: ConversationContext, table_years: set[int]) -> str:
    present = lx.cues_in(q)

    def has(cue: lx.Cue) -> bool:
        return cue.id in present

    if not q.tokens or has(lx.HELP):
        return "help"
    if (has(lx.OTHER_CONTEST) or lx.names_another_prize(q)) and not (e.lines or e.winner_years or e.unbudgeted):
        return "other_contest"
    if not e.lines and asks_about_document(has):
        return "document_meta"  # "vilket diarienummer har ärendet?", "vilken förvaltning har tagit fram det?"
    if (e.signatories or has(lx.SIGNED)) and not e.lines:
        return "signatory"
    if has(lx.NOMINATION_COUNT):
        return "nomination_count"
    if e.unbudgeted:
        return "unbudgeted"
    if e.activities and not e.lines:
        return "activity"
    if has(lx.STATE_GRANT) and not e.lines:
        return "state_grant"
    if ctx.intent == "state_grant" and is_short_follow_up(q) and not (e.lines or has(lx.PACKAGE)):
        return "state_grant"  # "and in total?" after the grant per inhabitant: the grant's total
    if has(lx.NOMINATION) and has(lx.NOMINATE_NOW) and not e.lines:
        return "nomination_period"  # "can I nominate now?": whether the period is open today
    scenario = (has(lx.SOLO) and not has(lx.SELF_NOMINATION)) or has(lx.ORDINARY)
    about_the_prize = has(lx.NOMINATION) or has(lx.ELIGIBLE) or has(lx.PRIZE) or has(lx.WIN) or has(lx.ENOUGH)
    if scenario and about_the_prize and not e.lines:
        return "criteria_scenario"  # "kan en förening nomineras för något den gjort helt själv?"
    eligible = has(lx.ELIGIBLE) or (has(lx.MAY) and (has(lx.BE_NOMINATED) or has(lx.SELF_NOMINATION)))
    if eligible and not (e.lines or has(lx.YEAR_QUESTION)):
        return "eligibility"
    if has(lx.CRITERIA) and not e.lines:
        return "criteria"
    if has(lx.PACKAGE_DECISION) and not e.lines:
        not_the_prize = not (has(lx.PRIZE) or has(lx.WIN) or has(lx.JURY_ONLY))
        if has(lx.PACKAGE) or (not_the_prize and (has(lx.BUDGET_MONEY) or has(lx.DECISION_BODY))):
            return "budget_decision"
    if has(lx.JURY):
        return "jury"
    if has(lx.WHO) and has(lx.PRIZE_DECISIONS) and has(lx.PRIZE) and not e.lines:
        return "prize_facts"  # "vem har fattat beslut om inriktningen för trygghetspriset?": the decisions
    if has(lx.THEME) and not e.lines:
        if (
            e.years
            or e.winner_years
            or e.relative_year
            or (ctx.intent in PRIZE_YEAR_INTENTS and not has(lx.YEAR_QUESTION))
        ):
            return "theme_by_year"
        return "year_by_theme"
    if e.winner_years and not e.years:
        return "year_by_winner"
    about_last_winner = ctx.winner_year is not None and ctx.intent in PRIZE_YEAR_INTENTS
    if about_last_winner and has(lx.DESCRIPTION) and len(q.tokens) <= 4 and not (e.years or e.lines):
        return "year_by_winner"  # "vem vann 2020?" then "vad gör de?"
    bare = len(q.tokens) <= 2 or has(lx.FOLLOW_UP)
    then = (has(lx.THEN) or (bare and not has(lx.WINNER_LIST) and not has(lx.EARLIEST) and not has(lx.LATEST))) and (
        bool(ctx.years) and (ctx.intent in PRIZE_YEAR_INTENTS or ctx.intent == "year_only")
    )
    if has(lx.WHO) and has(lx.PRIZE) and e.years and not e.lines:
        return "winner_by_year"
    if has(lx.WIN) and has(lx.PRIZE_MONEY) and not (e.years or e.lines):
        return "prize_facts"
    if has(lx.WIN) and not e.lines:
        if e.years or e.relative_year or then:
            return "winner_by_year"
        return "winners_list"
    if e.theme_years and has(lx.YEAR_QUESTION) and not (e.lines or e.years or e.amounts):
        return "year_by_theme"
    if (has(lx.NOMINATION) or has(lx.DAYS_LEFT)) and not e.lines:
        return "nomination_period"
    counting_to = not e.years or has(lx.PRIZE_UNTIL)  # "hur många gånger … fram till 2022?"
    if has(lx.HOW_MANY) and (has(lx.PRIZE) or has(lx.WIN)) and counting_to and not (e.lines or has(lx.PRIZE_MONEY)):
        return "winners_list"  # "hur många gånger har priset delats ut?": the list says how many
    other_prize_facts = has(lx.PRIZE_MONEY) or has(lx.PRIZE_CONFERENCE) or has(lx.PRIZE_UNTIL) or has(lx.PRIZE_PURPOSE)
    if has(lx.PRIZE) and e.years and not (e.lines or has(lx.PACKAGE) or other_prize_facts):
        return "winner_by_year"  # "vad delades trygghetspriset ut för 2019?": that year's winner and theme
    if (has(lx.PRIZE) or has(lx.PRIZE_CONFERENCE)) and not (e.lines or has(lx.PACKAGE)):
        return "prize_facts"
    return _budget_intent(q, e, ctx, table_years) or _follow_up(q, e, ctx)


def _budget_intent(q: Normalized, e: Entities, ctx: ConversationContext, table_years: set[int]) -> str | None:
    present = lx.cues_in(q)

    def has(cue: lx.Cue) -> bool:
        return cue.id in present

    continuing_line = ctx.intent == "budget_line" and ctx.lines and not (e.lines or has(lx.TOTAL) or has(lx.PACKAGE))
    column_only = len(q.tokens) <= 3 and bool(e.years or e.column_kinds)  # "utfall 2024?"
    if continuing_line and (is_short_follow_up(q) or column_only or (has(lx.WHY) and len(q.tokens) <= 5)):
        return "budget_line"  # "och 2024?", "varför ökar det?" about the line just discussed
    if has(lx.DISCREPANCY) and not e.lines:  # "stämmer summan?", "why don't the lines add up?"
        return "budget_total"
    if has(lx.WHY) and (has(lx.OUTCOME_REASON) or "utfall" in e.column_kinds) and not e.lines:
        return "outcome_reason"
    if has(lx.WHY) and not (e.lines or e.years) and ctx.intent == "budget_total" and "utfall" in ctx.columns:
        return "outcome_reason"  # "why the difference?" after the budget's and the outcome's totals
    if has(lx.WHY) and (has(lx.PACKAGE) or has(lx.TOTAL)) and not e.lines:
        return "budget_total"  # "varför är paketet bara 3,5 mkr?": who decided it and what left it
    if has(lx.SHARE) and not e.lines and ctx.lines and ctx.intent == "budget_line":
        return "budget_analysis"  # "och i procent av paketet?" about the line just discussed
    if _is_analysis(q, e):
        return "budget_analysis"
    if has(lx.MUNICIPALITY) and not e.lines:
        return "areas"  # the package's document names places, not a municipality
    if has(lx.AREAS) and not has(lx.MONEY) and len(e.lines) <= 1:
        return "areas" if not e.lines else "budget_line"
    if e.lines:
        return "budget_line"
    if has(lx.CHILDREN):
        return "children"
    money_talk = has(lx.PACKAGE) or has(lx.MONEY) or has(lx.HISTORY) or has(lx.TOTAL)
    if e.years and money_talk and not set(e.years) & table_years:
        return "budget_history"
    if has(lx.HISTORY) and not e.years:
        return "budget_history"
    if has(lx.TOTAL) or has(lx.PACKAGE) or (e.column_kinds and (e.years or has(lx.MONEY))):
        return "budget_total"
    return None


def _is_analysis(q: Normalized, e: Entities) -> bool:
    if (lx.COMPARATIVE.in_(q) and (len(e.years) >= 2 or len(e.column_kinds) >= 2)) or lx.UNCHANGED.in_(q):
        return True
    if lx.SHARE.in_(q) and e.lines:
        return True
    if e.amounts and (lx.WHICH_LINES.in_(q) or not e.lines) and not lx.TOTAL.in_(q):
        return True
    if (lx.MOST.in_(q) or lx.LEAST.in_(q)) and (not e.lines or lx.EXCEPT.in_(q)):
        return True  # "vilken post är störst förutom trygghetsvärdar?"
    if len(e.lines) >= 2 and (lx.LINE_VERSUS.in_(q) or lx.DIFFERENCE.in_(q) or lx.COMPARATIVE.in_(q)):
        return True  # "hur mycket mer fick X än Y?", "X jämfört med Y 2024"
    if len(e.lines) >= 2 and lx.SUM_OF.in_(q):
        return True
    if e.lines and lx.EXCEPT.in_(q) and (lx.SUM_OF.in_(q) or lx.TOTAL.in_(q)):
        return True  # "alla poster utom trygghetsvärdar tillsammans"
    if lx.DIFFERENCE.in_(q) or ((lx.ROSE.in_(q) or lx.FELL.in_(q)) and not e.lines):
        return True
    if lx.DISTRIBUTION.in_(q) and not e.lines:
        return True
    return lx.WHICH_LINES.in_(q) and not e.lines


def is_short_follow_up(q: Normalized) -> bool:
    """ "och 2024?", "and in 2025?", "what about SSPF?": a continuation, not a new question."""
    return len(q.tokens) <= 5 and lx.FOLLOW_UP.in_(q)


def _follow_up(q: Normalized, e: Entities, ctx: ConversationContext) -> str:
    continues = e.years or e.relative_year or lx.WHY.in_(q) or lx.FOLLOW_UP.in_(q) or e.column_kinds
    if ctx.intent and ctx.intent not in {"help", "out_of_scope"} and continues:
        return ctx.intent
    if lx.GREETING.in_(q) and len(q.tokens) <= 3:
        return "help"
    if e.years and len(q.tokens) == len(e.years):
        return "year_only"  # "2019": ask what about it rather than guess
    return "out_of_scope"

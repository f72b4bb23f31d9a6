"""The rule table: which intent a question's frame gets, decided in one ordered, declarative place.

Each rule has an id (``ask --json`` shows it as ``rule``), the intent it gives, an example
phrasing (a conversation: earlier turns first) and the condition over the question's signals.
The first rule whose condition holds decides, so rules run from the most specific signal to the
least; a question with no signal of its own but a year, a line or "why" continues the previous
intent. tests/answering/test_rules.py checks that each example fires its own rule, so no rule is
shadowed by an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.answering import lexicon as lx
from bot.answering.document_answers import asks_about_document
from bot.answering.entities import Entities
from bot.answering.intents import PRIZE_YEAR_INTENTS, Intent, is_analysis, is_short_follow_up
from bot.answering.model import ConversationContext
from bot.answering.normalize import Normalized

CONTINUE = ""  # a rule whose intent is the conversation's previous one


@dataclass(frozen=True)
class Signals:
    """What a rule may look at: the question's cues and entities, the conversation, the table's years."""

    q: Normalized
    e: Entities
    ctx: ConversationContext
    table_years: frozenset[int]
    present: frozenset[int]

    def has(self, *cues: lx.Cue) -> bool:
        """Any of ``cues`` is in the question."""
        return any(cue.id in self.present for cue in cues)

    @property
    def lines(self) -> bool:
        return bool(self.e.lines)

    @property
    def short(self) -> bool:
        return is_short_follow_up(self.q)


@dataclass(frozen=True)
class Rule:
    id: str
    intent: str  # CONTINUE: the previous intent
    example: tuple[str, ...]  # the last turn is the question the rule decides; earlier ones set the context
    when: Callable[[Signals], bool]


# --- conditions too long for one line ---------------------------------------------


def _scenario(s: Signals) -> bool:
    """ "kan en förening nomineras för något den gjort helt själv?" """
    scenario = (s.has(lx.SOLO) and not s.has(lx.SELF_NOMINATION)) or s.has(lx.ORDINARY)
    about_the_prize = s.has(lx.NOMINATION, lx.ELIGIBLE, lx.PRIZE, lx.WIN, lx.ENOUGH)
    return scenario and about_the_prize and not s.lines


def _eligibility(s: Signals) -> bool:
    eligible = s.has(lx.ELIGIBLE) or (s.has(lx.MAY) and s.has(lx.BE_NOMINATED, lx.SELF_NOMINATION))
    return eligible and not (s.lines or s.has(lx.YEAR_QUESTION))


def _who_decides_the_prize(s: Signals) -> bool:
    """ "vem ska besluta om vinnaren?", "who picks the winner?": the jury, in any form of the verb."""
    about_the_prize_itself = s.has(lx.PACKAGE, lx.PRIZE_FIRST, lx.PRIZE_UNTIL, lx.HISTORY)
    return (
        s.has(lx.WHO) and s.has(lx.DECIDE_VERB) and s.has(lx.WIN, lx.PRIZE) and not (s.lines or about_the_prize_itself)
    )


def _package_decision(s: Signals) -> bool:
    if not s.has(lx.PACKAGE_DECISION) or s.lines or _history_year(s):
        return False  # "how big was the appropriation after 2019?": the background, not who decides
    not_the_prize = not s.has(lx.PRIZE, lx.WIN, lx.JURY_ONLY)
    return s.has(lx.PACKAGE) or (not_the_prize and s.has(lx.BUDGET_MONEY, lx.DECISION_BODY))


def _theme_of_a_year(s: Signals) -> bool:
    e = s.e
    continuing = s.ctx.intent in PRIZE_YEAR_INTENTS and not s.has(lx.YEAR_QUESTION)
    return bool(e.years or e.winner_years or e.relative_year or continuing)


def _about_last_winner(s: Signals) -> bool:
    """ "vem vann 2020?" then "vad gör de?" """
    after_winner = s.ctx.winner_year is not None and s.ctx.intent in PRIZE_YEAR_INTENTS
    return after_winner and s.has(lx.DESCRIPTION) and len(s.q.tokens) <= 4 and not (s.e.years or s.lines)


def _then(s: Signals) -> bool:
    """ "och då?" after a winner: the year the conversation is about."""
    bare = len(s.q.tokens) <= 2 or s.has(lx.FOLLOW_UP)
    bare_then = bare and not s.has(lx.WINNER_LIST, lx.EARLIEST, lx.LATEST)
    about_years = bool(s.ctx.years) and (s.ctx.intent in PRIZE_YEAR_INTENTS or s.ctx.intent == Intent.YEAR_ONLY)
    return (s.has(lx.THEN) or bare_then) and about_years


def _winner_of_a_year(s: Signals) -> bool:
    return s.has(lx.WIN) and not s.lines and bool(s.e.years or s.e.relative_year or _then(s))


def _count_of_prizes(s: Signals) -> bool:
    """ "hur många gånger har priset delats ut (fram till 2022)?": the list says how many."""
    counting_to = not s.e.years or s.has(lx.PRIZE_UNTIL)
    return s.has(lx.HOW_MANY) and s.has(lx.PRIZE, lx.WIN) and counting_to and not (s.lines or s.has(lx.PRIZE_MONEY))


def _prize_of_a_year(s: Signals) -> bool:
    """ "vad delades trygghetspriset ut för 2019?": that year's winner and theme."""
    other_facts = s.has(lx.PRIZE_MONEY, lx.PRIZE_CONFERENCE, lx.PRIZE_UNTIL, lx.PRIZE_PURPOSE)
    return s.has(lx.PRIZE) and bool(s.e.years) and not (s.lines or s.has(lx.PACKAGE) or other_facts)


def _continuing_line(s: Signals) -> bool:
    """ "och 2024?", "varför ökar det?" about the line just discussed."""
    continuing = (
        s.ctx.intent == Intent.BUDGET_LINE and bool(s.ctx.lines) and not (s.lines or s.has(lx.TOTAL, lx.PACKAGE))
    )
    column_only = len(s.q.tokens) <= 3 and bool(s.e.years or s.e.column_kinds)  # "utfall 2024?"
    # "and what was the outcome in 2024?": a continuation naming only another column or year.
    other_column = s.has(lx.FOLLOW_UP) and bool(s.e.years or s.e.column_kinds) and not is_analysis(s.q, s.e)
    # "what does that money cover?": a question about the line that points back at it.
    points_back = s.has(lx.REFERS_BACK) and len(s.q.tokens) <= 8 and not (s.e.years or is_analysis(s.q, s.e))
    short_why = s.has(lx.WHY) and len(s.q.tokens) <= 5
    return continuing and (s.short or column_only or other_column or points_back or short_why)


def _history_year(s: Signals) -> bool:
    money_talk = s.has(lx.PACKAGE, lx.MONEY, lx.HISTORY, lx.TOTAL)
    return bool(s.e.years) and money_talk and not set(s.e.years) & s.table_years


def _total(s: Signals) -> bool:
    return s.has(lx.TOTAL, lx.PACKAGE) or bool(s.e.column_kinds and (s.e.years or s.has(lx.MONEY)))


def _continues(s: Signals) -> bool:
    """A question with no signal of its own but a year, "why" or "and": the previous intent goes on."""
    own = s.e.years or s.e.relative_year or s.has(lx.WHY, lx.FOLLOW_UP) or s.e.column_kinds
    return bool(s.ctx.intent) and s.ctx.intent not in {Intent.HELP, Intent.OUT_OF_SCOPE} and bool(own)


RULES: tuple[Rule, ...] = (
    Rule("help", Intent.HELP, ("vad kan du hjälpa till med?",), lambda s: not s.q.tokens or s.has(lx.HELP)),
    Rule(
        "other_contest",
        Intent.OTHER_CONTEST,
        ("vem vann nobelpriset 2019?",),
        lambda s: (
            (s.has(lx.OTHER_CONTEST) or lx.names_another_prize(s.q))
            and not (s.lines or s.e.winner_years or s.e.unbudgeted)
        ),
    ),
    Rule(
        "document_meta",
        Intent.DOCUMENT_META,
        ("vilket diarienummer har ärendet om trygghetspriset?",),
        # A person named ("Henrik Ahl – vilken roll har han?") is asked about, not the document,
        # unless the digital approval is (its list names who approved, with the acting titles).
        lambda s: not (s.lines or (s.e.signatories and not s.has(lx.APPROVED))) and asks_about_document(s.has),
    ),
    Rule(
        "signatory",
        Intent.SIGNATORY,
        ("vem har skrivit under tjänsteskrivelsen?",),
        lambda s: bool(s.e.signatories or s.has(lx.SIGNED)) and not s.lines,
    ),
    Rule(
        "nomination_count",
        Intent.NOMINATION_COUNT,
        ("hur många nomineringar kom in?",),
        lambda s: s.has(lx.NOMINATION_COUNT),
    ),
    Rule("unbudgeted", Intent.UNBUDGETED, ("vad fick polarna?",), lambda s: bool(s.e.unbudgeted)),
    Rule(
        "activity",
        Intent.ACTIVITY,
        ("hur mycket pengar går till filmvisning?",),
        lambda s: bool(s.e.activities) and not s.lines,
    ),
    Rule(
        "eligibility.nominator",  # "vem får lämna in en nominering?": the direction's words on nominating
        Intent.ELIGIBILITY,
        ("vem får lämna in en nominering?",),
        lambda s: s.has(lx.ASKS_NOMINATOR) and not (s.lines or s.e.winner_years),
    ),
    Rule(
        "state_grant",
        Intent.STATE_GRANT,
        ("hur stort är det statliga bidraget?",),
        lambda s: s.has(lx.STATE_GRANT) and not s.lines,
    ),
    Rule(
        "state_grant.follow_up",  # "and in total?" after the grant per inhabitant: the grant's total
        Intent.STATE_GRANT,
        ("hur stort är det statliga bidraget?", "och totalt?"),
        lambda s: s.ctx.intent == Intent.STATE_GRANT and s.short and not (s.lines or s.has(lx.PACKAGE)),
    ),
    Rule(
        "nomination_period.now",  # "can I nominate now?": whether the period is open today
        Intent.NOMINATION_PERIOD,
        ("kan jag nominera nu?",),
        lambda s: s.has(lx.NOMINATION) and s.has(lx.NOMINATE_NOW) and not s.lines,
    ),
    Rule(
        "criteria_scenario",
        Intent.CRITERIA_SCENARIO,
        ("kan en förening nomineras för något den gjort helt själv?",),
        _scenario,
    ),
    Rule("eligibility", Intent.ELIGIBILITY, ("vem kan nomineras till priset?",), _eligibility),
    Rule("criteria", Intent.CRITERIA, ("vilka kriterier gäller?",), lambda s: s.has(lx.CRITERIA) and not s.lines),
    Rule("budget_decision", Intent.BUDGET_DECISION, ("vem beslutar om trygghetspaketet?",), _package_decision),
    Rule("jury", Intent.JURY, ("vem sitter i juryn?",), lambda s: s.has(lx.JURY)),
    Rule("jury.who_decides", Intent.JURY, ("vem ska besluta om vinnaren?",), _who_decides_the_prize),
    Rule(
        "prize_facts.decisions",
        Intent.PRIZE_FACTS,
        ("vem har fattat beslut om inriktningen för trygghetspriset?",),
        lambda s: s.has(lx.WHO) and s.has(lx.PRIZE_DECISIONS) and s.has(lx.PRIZE) and not s.lines,
    ),
    Rule(
        "theme_by_year",
        Intent.THEME_BY_YEAR,
        ("vilket tema hade priset 2019?",),
        lambda s: s.has(lx.THEME) and not s.lines and _theme_of_a_year(s),
    ),
    Rule(
        "year_by_theme",
        Intent.YEAR_BY_THEME,
        ("vilket år var temat barn och trygghet?",),
        lambda s: s.has(lx.THEME) and not s.lines,
    ),
    Rule(
        "year_by_winner",
        Intent.YEAR_BY_WINNER,
        ("när vann IGOR?",),
        lambda s: bool(s.e.winner_years) and not s.e.years,
    ),
    Rule("year_by_winner.description", Intent.YEAR_BY_WINNER, ("vem vann 2020?", "vad gör de?"), _about_last_winner),
    Rule(
        "winner_by_year.who",
        Intent.WINNER_BY_YEAR,
        ("vem fick priset 2019?",),
        lambda s: s.has(lx.WHO) and s.has(lx.PRIZE) and bool(s.e.years) and not s.lines,
    ),
    Rule(
        "prize_facts.winner_money",
        Intent.PRIZE_FACTS,
        ("hur mycket pengar vinner man?",),
        lambda s: s.has(lx.WIN) and s.has(lx.PRIZE_MONEY) and not (s.e.years or s.lines),
    ),
    Rule(
        "prize_facts.money_use",
        Intent.PRIZE_FACTS,
        ("what can the winner spend the 50 000 kr on?",),
        lambda s: s.has(lx.USE_OF_MONEY) and s.has(lx.WIN, lx.PRIZE) and s.has(lx.MONEY) and not s.lines,
    ),
    Rule("winner_by_year", Intent.WINNER_BY_YEAR, ("vem vann 2019?",), _winner_of_a_year),
    Rule("winners_list", Intent.WINNERS_LIST, ("vilka har vunnit?",), lambda s: s.has(lx.WIN) and not s.lines),
    Rule(
        "year_by_theme.words",
        Intent.YEAR_BY_THEME,
        ("vilket år gällde det våld i nära relationer?",),
        lambda s: bool(s.e.theme_years) and s.has(lx.YEAR_QUESTION) and not (s.lines or s.e.years or s.e.amounts),
    ),
    Rule(
        "nomination_period",
        Intent.NOMINATION_PERIOD,
        ("hur länge kan man nominera?",),
        lambda s: s.has(lx.NOMINATION, lx.DAYS_LEFT) and not s.lines,
    ),
    Rule("winners_list.count", Intent.WINNERS_LIST, ("hur många gånger har priset delats ut?",), _count_of_prizes),
    Rule(
        "winner_by_year.prize_year",
        Intent.WINNER_BY_YEAR,
        ("vad delades trygghetspriset ut för 2019?",),
        _prize_of_a_year,
    ),
    Rule(
        "winners_list.first_or_latest",  # the first or the latest winner, whatever the verb
        Intent.WINNERS_LIST,
        ("who got the very first trygghetspris?",),
        lambda s: s.has(lx.WHO) and s.has(lx.EARLIEST, lx.LATEST) and s.has(lx.RECEIVED) and s.has(lx.PRIZE),
    ),
    Rule(
        "prize_facts",
        Intent.PRIZE_FACTS,
        ("hur stor är prissumman?",),
        lambda s: s.has(lx.PRIZE, lx.PRIZE_CONFERENCE) and not (s.lines or s.has(lx.PACKAGE)),
    ),
    # --- the package ------------------------------------------------------------
    Rule("budget_line.continuing", Intent.BUDGET_LINE, ("vad fick SSPF 2024?", "varför?"), _continuing_line),
    Rule(
        "budget_total.discrepancy",  # "stämmer summan?", "why don't the lines add up?"
        Intent.BUDGET_TOTAL,
        ("stämmer summan i tabellen?",),
        lambda s: s.has(lx.DISCREPANCY) and not s.lines,
    ),
    Rule(
        "outcome_reason",
        Intent.OUTCOME_REASON,
        ("varför blev utfallet lägre än budget?",),
        lambda s: s.has(lx.WHY) and (s.has(lx.OUTCOME_REASON) or "utfall" in s.e.column_kinds) and not s.lines,
    ),
    Rule(
        "outcome_reason.follow_up",  # "why the difference?" after the budget's and the outcome's totals
        Intent.OUTCOME_REASON,
        ("vad var utfallet och budgeten totalt 2024?", "varför skillnaden?"),
        lambda s: (
            s.has(lx.WHY)
            and not (s.lines or s.e.years)
            and s.ctx.intent == Intent.BUDGET_TOTAL
            and "utfall" in s.ctx.columns
        ),
    ),
    Rule(
        "budget_total.why",  # "varför är paketet bara 3,5 mkr?": who decided it and what left it
        Intent.BUDGET_TOTAL,
        ("varför är paketet bara 3,5 mkr?",),
        lambda s: s.has(lx.WHY) and s.has(lx.PACKAGE, lx.TOTAL) and not s.lines,
    ),
    Rule(
        "budget_analysis.share_of_line",  # "och i procent av paketet?" about the line just discussed
        Intent.BUDGET_ANALYSIS,
        ("vad fick trygghetsvärdar 2025?", "och i procent av paketet?"),
        lambda s: s.has(lx.SHARE) and not s.lines and bool(s.ctx.lines) and s.ctx.intent == Intent.BUDGET_LINE,
    ),
    Rule("budget_analysis", Intent.BUDGET_ANALYSIS, ("vilken post är störst 2025?",), lambda s: is_analysis(s.q, s.e)),
    Rule(
        "areas.municipality",  # the package's document names places, not a municipality
        Intent.AREAS,
        ("vilken kommun gäller trygghetspaketet?",),
        lambda s: s.has(lx.MUNICIPALITY) and not s.lines,
    ),
    Rule(
        "areas",
        Intent.AREAS,
        ("i vilka områden verkar paketet?",),
        lambda s: s.has(lx.AREAS) and not s.has(lx.MONEY) and not s.lines,
    ),
    Rule(
        "budget_line.areas",
        Intent.BUDGET_LINE,
        ("var verkar trygghetsvärdarna?",),
        lambda s: s.has(lx.AREAS) and not s.has(lx.MONEY) and len(s.e.lines) == 1,
    ),
    Rule("budget_line", Intent.BUDGET_LINE, ("vad fick SSPF 2024?",), lambda s: s.lines),
    Rule("children", Intent.CHILDREN, ("vad betyder paketet för barnen?",), lambda s: s.has(lx.CHILDREN)),
    Rule("budget_history.year", Intent.BUDGET_HISTORY, ("hur stort var trygghetspaketet 2019?",), _history_year),
    Rule(
        "budget_history",
        Intent.BUDGET_HISTORY,
        ("hur mycket var paketet från början?",),
        lambda s: s.has(lx.HISTORY) and not s.e.years,
    ),
    Rule("budget_total", Intent.BUDGET_TOTAL, ("hur mycket är paketet totalt 2025?",), _total),
    # --- the conversation -------------------------------------------------------
    Rule("follow_up", CONTINUE, ("vem vann 2019?", "varför?"), _continues),
    Rule("greeting", Intent.HELP, ("hej",), lambda s: s.has(lx.GREETING) and len(s.q.tokens) <= 3),
    Rule(
        "year_only",  # "2019": ask what about it rather than guess
        Intent.YEAR_ONLY,
        ("2019",),
        lambda s: bool(s.e.years) and len(s.q.tokens) == len(s.e.years),
    ),
    Rule("out_of_scope", Intent.OUT_OF_SCOPE, ("hur blir vädret i morgon?",), lambda s: True),
)


def decide(q: Normalized, e: Entities, ctx: ConversationContext, table_years: set[int] | frozenset[int]) -> Rule:
    """The first rule whose condition holds (the last rule always does)."""
    signals = Signals(q, e, ctx, frozenset(table_years), lx.cues_in(q))
    return next(rule for rule in RULES if rule.when(signals))


def classify(q: Normalized, e: Entities, ctx: ConversationContext, table_years: set[int] | frozenset[int]) -> str:
    """The intent the deciding rule gives (the previous intent for a follow-up)."""
    rule = decide(q, e, ctx, table_years)
    return rule.intent or ctx.intent or Intent.OUT_OF_SCOPE

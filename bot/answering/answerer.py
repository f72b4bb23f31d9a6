"""The answering pipeline: normalise -> entities -> intent -> lookup -> render."""

from __future__ import annotations

from collections.abc import Callable

from bot.answering import answer_types
from bot.answering import budget_answers as budget
from bot.answering import document_answers as documents
from bot.answering import general_answers as general
from bot.answering import lexicon as lx
from bot.answering import prize_answers as prize
from bot.answering.carryover import UNIT_WORDS, CarryOver
from bot.answering.draft import AnswerDraft
from bot.answering.entities import EntityExtractor
from bot.answering.frame import read_frame
from bot.answering.intents import BUDGET_INTENTS, PRIZE_YEAR_INTENTS, Intent
from bot.answering.model import ConversationContext, Reply
from bot.answering.normalize import Normalized, fold
from bot.answering.passages import PassageIndex
from bot.answering.query import Query
from bot.answering.rules import classify, decide
from bot.clock import Clock, system_clock
from bot.knowledge import KnowledgeBase
from bot.knowledge.money import MoneyUnit
from bot.nominations.rounds import local_day
from bot.texts import Lang

MAX_QUESTION_CHARS = 2000

RESOLVERS: dict[Intent, Callable[[Query], None]] = {
    Intent.HELP: general.help_,
    Intent.OUT_OF_SCOPE: general.out_of_scope,
    Intent.YEAR_ONLY: general.year_only,
    Intent.WINNER_BY_YEAR: prize.winner_by_year,
    Intent.OTHER_CONTEST: prize.other_contest,
    Intent.YEAR_BY_WINNER: prize.year_by_winner,
    Intent.WINNERS_LIST: prize.winners_list,
    Intent.THEME_BY_YEAR: prize.theme_by_year,
    Intent.CRITERIA: prize.criteria,
    Intent.CRITERIA_SCENARIO: prize.criteria_scenario,
    Intent.ELIGIBILITY: prize.eligibility,
    Intent.NOMINATION_PERIOD: prize.nomination_period,
    Intent.NOMINATION_COUNT: prize.nomination_count,
    Intent.SIGNATORY: general.signatory,
    Intent.DOCUMENT_META: documents.document_meta,
    Intent.JURY: prize.jury,
    Intent.PRIZE_FACTS: prize.prize_facts,
    Intent.BUDGET_LINE: budget.budget_line,
    Intent.BUDGET_TOTAL: budget.budget_total,
    Intent.BUDGET_HISTORY: budget.history,
    Intent.BUDGET_ANALYSIS: budget.analysis,
    Intent.OUTCOME_REASON: budget.outcome_reason,
    Intent.STATE_GRANT: budget.state_grant,
    Intent.AREAS: budget.areas,
    Intent.UNBUDGETED: budget.unbudgeted,
    Intent.CHILDREN: budget.children,
    Intent.ACTIVITY: budget.activity,
    Intent.BUDGET_DECISION: budget.decided_by,
}


class Answerer:
    """Answers one question at a time; pass ``answer.context`` back in for follow-ups."""

    def __init__(self, knowledge: KnowledgeBase, clock: Clock = system_clock) -> None:
        """``clock`` dates "i år" and "förra året" (the app's clock, so TRYGGHETSBOT_NOW applies)."""
        self.knowledge = knowledge
        self.clock = clock
        self.extractor = EntityExtractor(knowledge)
        self._table_years = {c.year for c in knowledge.budget.columns}
        self.passages = PassageIndex(knowledge.sections)
        self.carry = CarryOver(self.extractor, lambda text, e, ctx: classify(text, e, ctx, self._table_years))

    def answer(self, question: str, context: ConversationContext | None = None) -> Reply:
        context = context or ConversationContext()
        text = self.extractor.normalize(question[:MAX_QUESTION_CHARS])
        entities = self.extractor.extract(text)
        calendar = False  # "i år", "this year": today's year, not one the question names
        if not entities.years:
            entities.years = self._calendar_years(text)
            calendar = bool(entities.years) and lx.THIS_YEAR.in_(text)
        no_year_to_follow = not (entities.years or context.years or context.winner_year)
        if no_year_to_follow and entities.relative_year > 0 and lx.NEXT_YEAR.in_(text):
            # "nästa år" with no year in the conversation: next calendar year.
            entities.years, entities.relative_year = [self.clock().year + 1], 0
        lang = detect_language(text, context.lang)
        # "i tkr?", "och 2024?": the previous question again, in that unit or for that year.
        text, entities = self.carry.restate(text, entities, context)
        rule = decide(text, entities, context, self._table_years)  # the rule table decides the intent
        intent = Intent(rule.intent or context.intent or Intent.OUT_OF_SCOPE)
        years = self.carry.years(intent, entities, context, text)
        if intent == Intent.YEAR_BY_THEME:
            theme_years = self.extractor.themes_matching(entities.content_words)
            if not theme_years:
                intent = Intent.THEME_BY_YEAR
        if intent == Intent.WINNERS_LIST:
            # "vem vann i Skärholmen?": the winners the question describes, not all of them.
            entities.described_winner_years = self.extractor.winners_described_by(entities.content_words)
        if (
            intent in PRIZE_YEAR_INTENTS
            and len(years) == 2
            and lx.YEAR_RANGE.in_(text)
            and 0 < years[1] - years[0] <= 20
        ):
            years = list(range(years[0], years[1] + 1))  # "mellan 2015 och 2017": 2016 too
        if intent == Intent.OUT_OF_SCOPE and lx.ACTIVITIES.in_(text):
            # "vilka exempel på aktiviteter finns?": the lines whose activities the documents name.
            entities.lines = [line.key for line in self.knowledge.budget.lines if line.activities]
            intent = Intent.BUDGET_LINE if entities.lines else intent
        # "i år" when today is past every year the documents hold: the latest they hold, said so first.
        latest = self._latest_year(intent) if calendar and years else None
        if latest is not None and min(years) > latest:
            years = [latest]
        else:
            latest = None
        follow_up = intent == context.intent
        unknown_subject = self._unknown_subject(text)
        inherited = self.carry.fill(intent, entities, context, text, years, unknown_subject)
        draft = AnswerDraft(self.knowledge, lang, unit=money_unit(text))
        today = local_day(self.clock())
        query = Query(text, entities, context, self.knowledge, draft, years, follow_up, today, self.passages)
        if _asks_unstated_cost(query, intent):
            # "vad kostar juryns arbete?": no document gives that cost; say so first, then what they do say.
            draft.not_found("general.cost_unknown")
        if (
            intent in {Intent.BUDGET_LINE, Intent.UNBUDGETED}
            and not (entities.lines or entities.unbudgeted)
            and unknown_subject
        ):
            budget.unknown_subject(query, unknown_subject)
        elif intent == Intent.BUDGET_TOTAL and not entities.lines and _named_recipient(text, unknown_subject):
            # "hur mycket går till gatubelysning i paketet?": a thing with no line, not the package's total.
            budget.unknown_subject(query, unknown_subject or "")
        elif intent == Intent.YEAR_BY_THEME:
            prize.year_by_theme(query, theme_years)
        else:
            RESOLVERS[intent](query)
        if unknown_subject and lx.is_yes_no(text) and draft.answered and not draft.checked:
            # "is the prize money taxable?": a yes/no about something the documents never mention.
            draft.not_found_first("general.yes_no_not_stated", subject=unknown_subject)
        if not draft.has_sentences():  # never an empty answer: the documents' words, or that they are silent
            general.out_of_scope(query)
        else:  # a date for "när", a place for "var" … or "det framgår inte" first
            answer_types.honour(query, intent, draft.said())
        if latest is not None:
            draft.lead("general.latest_covered", year=latest)
        answer = draft.build(intent, self._next_context(intent, query, lang))
        answer.frame = read_frame(query, intent, inherited)
        answer.rule = rule.id
        return answer

    def _unknown_subject(self, text: Normalized) -> str | None:
        """A word the documents do not know, as the question wrote it ("fältassistenterna"), or None."""
        speller = self.extractor.speller

        def unknown(token: str) -> bool:
            return len(token) >= 6 and token.isalpha() and not speller.knows(token) and not lx.ENGLISH.words & {token}

        words = [w.strip("?!.,:;") for w in text.clean.split()]
        for index, word in enumerate(words):
            if unknown(fold(word)):
                # "street lighting": the unknown words that follow belong to the same name.
                end = index + 1
                while end < len(words) and unknown(fold(words[end])):
                    end += 1
                return " ".join(words[index:end])
        return None

    def _latest_year(self, intent: Intent) -> int | None:
        """The latest year the documents hold for the question's topic (budget columns, prize rounds)."""
        if intent in _COSTED_INTENTS:
            return max((c.year for c in self.knowledge.budget.columns), default=None)
        if intent in {Intent.HELP, Intent.OUT_OF_SCOPE, Intent.YEAR_ONLY, Intent.DOCUMENT_META, Intent.SIGNATORY}:
            return None
        prize = self.knowledge.prize
        return max([r.year for r in prize.rounds] + [w.year for w in prize.winners])

    def _calendar_years(self, text: Normalized) -> list[int]:
        """ "i år", "förra året": years relative to today, not to the conversation."""
        if lx.LAST_YEAR.in_(text):
            return [self.clock().year - 1]
        if lx.THIS_YEAR.in_(text):
            return [self.clock().year]
        return []

    @staticmethod
    def _next_context(intent: Intent, q: Query, lang: Lang) -> ConversationContext:
        years = q.years
        winner_year = years[0] if years and intent in {Intent.WINNER_BY_YEAR, Intent.THEME_BY_YEAR} else None
        if intent == Intent.YEAR_BY_WINNER and q.entities.winner_years:
            years = q.entities.winner_years[:1]
            winner_year = years[0]
        return ConversationContext(
            intent=intent,
            years=years,
            lines=q.entities.lines,
            columns=list(q.entities.column_kinds),
            winner_year=winner_year,
            lang=lang,
            # A unit belongs to its own answer: "i kronor?" then "och 2024?" is in the usual form again.
            tokens=[tok for tok in q.text.tokens if tok not in UNIT_WORDS],
        )


# Intents whose answers are amounts the documents give (the package's lines and totals, the grant).
_COSTED_INTENTS = BUDGET_INTENTS | {
    Intent.BUDGET_ANALYSIS,
    Intent.STATE_GRANT,
    Intent.ACTIVITY,
    Intent.UNBUDGETED,
    Intent.BUDGET_HISTORY,
}
# Intents that already say the documents do not answer.
_UNANSWERED_INTENTS = frozenset({Intent.OUT_OF_SCOPE, Intent.HELP, Intent.OTHER_CONTEST, Intent.YEAR_ONLY})


def _asks_unstated_cost(q: Query, intent: Intent) -> bool:
    """A cost asked of something with no amount in the documents: the jury, the conference, the work.

    The package's lines and totals are amounts, and so is the prize sum, unless the question asks
    what the conference or the jury costs.
    """
    if not q.has(lx.COST) or q.lines or intent in _COSTED_INTENTS or intent in _UNANSWERED_INTENTS:
        return False
    if intent == Intent.PRIZE_FACTS:
        return q.has(lx.PRIZE_CONFERENCE) or q.has(lx.JURY_ONLY)
    return True


def money_unit(text: Normalized) -> MoneyUnit:
    if lx.UNIT_THOUSANDS.in_(text):
        return "tkr"
    return "kr" if lx.UNIT_KRONOR.in_(text) else "auto"


def detect_language(text: Normalized, fallback: Lang) -> Lang:
    english = sum(map(lx.ENGLISH.words.__contains__, text.tokens))
    swedish = sum(map(lx.SWEDISH.words.__contains__, text.tokens))
    # A word with å, ä or ö is Swedish once, whatever its length: the name of a line
    # ("trygghetsvärdar") in an English question must not outweigh the English words around it.
    swedish += sum(1 for word in text.clean.split() if any(char in "åäöÅÄÖ" for char in word))
    if english > swedish:
        return "en"
    if swedish > english:
        return "sv"
    return fallback


def _named_recipient(text: Normalized, subject: str | None) -> bool:
    """Whether the unknown word is what money goes to ("till gatubelysning", "for street lighting"):
    the word before it marks a recipient, so the question is not about the package as a whole."""
    if not subject or lx.TOTAL.in_(text):
        return False  # "paketet totalt för helåret": the total, whatever the period is called
    if lx.INCLUSION.in_(text):
        return True  # "ingår kameraövervakning i paketet?"
    tokens = text.tokens
    first = fold(subject.split()[0])
    return any(
        token == first and index > 0 and lx.RECIPIENT_MARKER.matches_token(tokens[index - 1])
        for index, token in enumerate(tokens)
    )

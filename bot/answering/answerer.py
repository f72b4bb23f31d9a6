"""The answering pipeline: normalise -> entities -> intent -> lookup -> render."""

from __future__ import annotations

from collections.abc import Callable

from bot.answering import answer_types
from bot.answering import budget_answers as budget
from bot.answering import document_answers as documents
from bot.answering import general_answers as general
from bot.answering import lexicon as lx
from bot.answering import prize_answers as prize
from bot.answering.entities import Entities, EntityExtractor
from bot.answering.frame import read_frame
from bot.answering.intents import BUDGET_INTENTS, PRIZE_YEAR_INTENTS, classify
from bot.answering.model import Answer, ConversationContext
from bot.answering.normalize import Normalized, fold
from bot.answering.passages import PassageIndex
from bot.answering.query import Query
from bot.answering.reply import Reply
from bot.clock import Clock, system_clock
from bot.knowledge import KnowledgeBase
from bot.knowledge.money import MoneyUnit
from bot.nominations.rounds import local_day
from bot.texts import Lang

MAX_QUESTION_CHARS = 2000
TOPICS = (BUDGET_INTENTS, PRIZE_YEAR_INTENTS)  # a follow-up may switch intent within a topic and keep its year
# Answers that carry amounts, which a unit follow-up can render again.
MONEY_INTENTS = BUDGET_INTENTS | {"prize_facts", "budget_analysis", "state_grant"}

RESOLVERS: dict[str, Callable[[Query], None]] = {
    "help": general.help_,
    "out_of_scope": general.out_of_scope,
    "year_only": general.year_only,
    "winner_by_year": prize.winner_by_year,
    "other_contest": prize.other_contest,
    "year_by_winner": prize.year_by_winner,
    "winners_list": prize.winners_list,
    "theme_by_year": prize.theme_by_year,
    "criteria": prize.criteria,
    "criteria_scenario": prize.criteria_scenario,
    "eligibility": prize.eligibility,
    "nomination_period": prize.nomination_period,
    "nomination_count": prize.nomination_count,
    "signatory": general.signatory,
    "document_meta": documents.document_meta,
    "jury": prize.jury,
    "prize_facts": prize.prize_facts,
    "budget_line": budget.budget_line,
    "budget_total": budget.budget_total,
    "budget_history": budget.history,
    "budget_analysis": budget.analysis,
    "outcome_reason": budget.outcome_reason,
    "state_grant": budget.state_grant,
    "areas": budget.areas,
    "unbudgeted": budget.unbudgeted,
    "children": budget.children,
    "activity": budget.activity,
    "budget_decision": budget.decided_by,
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

    def answer(self, question: str, context: ConversationContext | None = None) -> Answer:
        context = context or ConversationContext()
        text = self.extractor.normalize(question[:MAX_QUESTION_CHARS])
        entities = self.extractor.extract(text)
        if not entities.years:
            entities.years = self._calendar_years(text)
        no_year_to_follow = not (entities.years or context.years or context.winner_year)
        if no_year_to_follow and entities.relative_year > 0 and lx.NEXT_YEAR.in_(text):
            # "nästa år" with no year in the conversation: next calendar year.
            entities.years, entities.relative_year = [self.clock().year + 1], 0
        lang = detect_language(text, context.lang)
        if self._only_changes_unit(text, entities, context):
            # "i tkr?" after a question about a line: the same question in that unit.
            text, entities = self._with_previous(text, context)
        elif self._only_changes_year(text, entities, context) and not self._stands_alone(text, entities):
            # "och 2024?", "vem vann året efter?": ask the previous question again for the new year.
            text, entities = self._with_new_years(text, entities, context)
        intent = classify(text, entities, context, self._table_years)
        years = self._years(intent, entities, context, text)
        if intent == "year_by_theme":
            theme_years = self.extractor.themes_matching(entities.content_words)
            if not theme_years:
                intent = "theme_by_year"
        if intent == "year_by_winner" and not entities.winner_years and context.winner_year:
            # "vad gör de?" about the winner just named, or "och året innan?" after it
            entities.winner_years = list(years) or [context.winner_year]
        if intent == "winners_list":
            # "vem vann i Skärholmen?": the winners the question describes, not all of them.
            entities.described_winner_years = self.extractor.winners_described_by(entities.content_words)
        if (
            intent in PRIZE_YEAR_INTENTS
            and len(years) == 2
            and lx.YEAR_RANGE.in_(text)
            and 0 < years[1] - years[0] <= 20
        ):
            years = list(range(years[0], years[1] + 1))  # "mellan 2015 och 2017": 2016 too
        if intent == "budget_analysis" and not entities.lines and context.lines and lx.SHARE.in_(text):
            entities.lines = list(context.lines)  # "och i procent av paketet?" about the line just discussed
        if intent == "out_of_scope" and lx.ACTIVITIES.in_(text):
            # "vilka exempel på aktiviteter finns?": the lines whose activities the documents name.
            entities.lines = [line.key for line in self.knowledge.budget.lines if line.activities]
            intent = "budget_line" if entities.lines else intent
        follow_up = intent == context.intent
        unknown_subject = self._unknown_subject(text)
        inherited = ["years"] if years and not entities.years else []
        if intent in BUDGET_INTENTS and not entities.lines and follow_up and context.lines and not unknown_subject:
            # Carry-over fills only an empty slot: "vad fick fältassistenterna?" names a subject of its own.
            entities.lines = list(context.lines)
            inherited.append("lines")
        if intent == "budget_line" and not entities.column_kinds and follow_up and not entities.years:
            entities.column_kinds = list(context.columns)  # type: ignore[arg-type]
        reply = Reply(self.knowledge, lang, unit=money_unit(text))
        today = local_day(self.clock())
        query = Query(text, entities, context, self.knowledge, reply, years, follow_up, today, self.passages)
        if _asks_unstated_cost(query, intent):
            # "vad kostar juryns arbete?": no document gives that cost; say so first, then what they do say.
            reply.not_found("general.cost_unknown")
        if intent in {"budget_line", "unbudgeted"} and not (entities.lines or entities.unbudgeted) and unknown_subject:
            budget.unknown_subject(query, unknown_subject)
        elif intent == "year_by_theme":
            prize.year_by_theme(query, theme_years)
        else:
            RESOLVERS[intent](query)
        if not reply.has_sentences():  # never an empty answer: the documents' words, or that they are silent
            general.out_of_scope(query)
        else:
            answer_types.honour(
                query, intent, reply.said()
            )  # a date for "när", a place for "var" … or "det framgår inte"
        answer = query.reply.build(intent, self._next_context(intent, query, lang))
        answer.frame = read_frame(query, intent, inherited)
        answer.rule = f"{intent}.{answer.frame['operation']}" if intent == "budget_analysis" else intent
        return answer

    def _unknown_subject(self, text: Normalized) -> str | None:
        """A word the documents do not know, as the question wrote it ("fältassistenterna"), or None."""
        speller = self.extractor.speller
        for token in text.tokens:
            if len(token) >= 6 and token.isalpha() and not speller.knows(token) and not lx.ENGLISH.words & {token}:
                words = [w for w in text.clean.split() if fold(w.strip("?!.,:;")) == token]
                return words[0].strip("?!.,:;") if words else token
        return None

    def _calendar_years(self, text: Normalized) -> list[int]:
        """ "i år", "förra året": years relative to today, not to the conversation."""
        if lx.LAST_YEAR.in_(text):
            return [self.clock().year - 1]
        if lx.THIS_YEAR.in_(text):
            return [self.clock().year]
        return []

    @staticmethod
    def _only_changes_year(text: Normalized, e: Entities, ctx: ConversationContext) -> bool:
        if not ctx.tokens or not (e.years or (e.relative_year and (ctx.years or ctx.winner_year))):
            return False
        if e.lines or e.winner_years or e.unbudgeted or len(text.tokens) > 5:
            return False
        return lx.FOLLOW_UP.in_(text) or bool(e.relative_year) or len(text.tokens) == len(e.years)

    @staticmethod
    def _only_changes_unit(text: Normalized, e: Entities, ctx: ConversationContext) -> bool:
        """ "i tkr?", "vad blir det i kronor?" after an answer with amounts (not after a winner)."""
        unit = lx.UNIT_THOUSANDS.in_(text) or lx.UNIT_KRONOR.in_(text)
        about_money = ctx.intent in MONEY_INTENTS
        return bool(unit and about_money and len(text.tokens) <= 6 and not (e.lines or e.years or e.amounts))

    def _with_previous(self, text: Normalized, ctx: ConversationContext) -> tuple[Normalized, Entities]:
        # The earlier question without its own unit ("i tkr?" then "i kronor?").
        tokens = [tok for tok in ctx.tokens if tok not in _UNIT_WORDS] + list(text.tokens)
        merged = Normalized(raw=text.raw, clean=" ".join(tokens), tokens=tuple(tokens))
        return merged, self.extractor.extract(merged)

    def _stands_alone(self, text: Normalized, e: Entities) -> bool:
        """ "och vem vann 2019?" after a prize-sum question is a question of its own, not "och 2019?"."""
        return classify(text, e, ConversationContext(), self._table_years) not in {"out_of_scope", "help"}

    def _with_new_years(self, text: Normalized, e: Entities, ctx: ConversationContext) -> tuple[Normalized, Entities]:
        base = ctx.years or ([ctx.winner_year] if ctx.winner_year else [])
        years = e.years or [year + e.relative_year for year in base]
        tokens = [tok for tok in ctx.tokens if not _is_year(tok)] + [str(year) for year in years]
        merged = Normalized(raw=text.raw, clean=text.clean, tokens=tuple(tokens))
        return merged, self.extractor.extract(merged)

    def _years(self, intent: str, e: Entities, ctx: ConversationContext, text: Normalized) -> list[int]:
        if e.years:
            # "året efter 2019" counts from the year named; "nästa år … för 2025" names its year.
            shift = 0 if lx.NEXT_YEAR.in_(text) else e.relative_year
            return [year + shift for year in e.years]
        if intent == "theme_by_year" and e.winner_years:
            return list(e.winner_years)
        same_topic = intent == ctx.intent or any(intent in group and ctx.intent in group for group in TOPICS)
        base = ctx.years or ([ctx.winner_year] if ctx.winner_year else [])
        if e.relative_year and base:
            return [year + e.relative_year for year in base]
        if ctx.intent == "year_only" and base:
            return list(base)  # "2019", then "vem vann?"
        if lx.THEN.in_(text) and base:
            return list(base)
        if same_topic and base and (lx.FOLLOW_UP.in_(text) or len(text.tokens) <= 4 or e.lines):
            return list(base)
        if intent == "theme_by_year" and base:
            return list(base)
        return []

    @staticmethod
    def _next_context(intent: str, q: Query, lang: Lang) -> ConversationContext:
        years = q.years
        winner_year = years[0] if years and intent in {"winner_by_year", "theme_by_year"} else None
        if intent == "year_by_winner" and q.entities.winner_years:
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
            tokens=[tok for tok in q.text.tokens if tok not in _UNIT_WORDS],
        )


# Intents whose answers are amounts the documents give (the package's lines and totals, the grant).
_COSTED_INTENTS = BUDGET_INTENTS | {"budget_analysis", "state_grant", "activity", "unbudgeted", "budget_history"}
# Intents that already say the documents do not answer.
_UNANSWERED_INTENTS = frozenset({"out_of_scope", "help", "other_contest", "year_only"})


def _asks_unstated_cost(q: Query, intent: str) -> bool:
    """A cost asked of something with no amount in the documents: the jury, the conference, the work.

    The package's lines and totals are amounts, and so is the prize sum, unless the question asks
    what the conference or the jury costs.
    """
    if not q.has(lx.COST) or q.lines or intent in _COSTED_INTENTS or intent in _UNANSWERED_INTENTS:
        return False
    if intent == "prize_facts":
        return q.has(lx.PRIZE_CONFERENCE) or q.has(lx.JURY_ONLY)
    return True


_UNIT_WORDS = frozenset({"tkr", "ksek", "kronor", "sek", "tusen", "thousand", "thousands", "exakt", "belopp"})


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit()


def money_unit(text: Normalized) -> MoneyUnit:
    if lx.UNIT_THOUSANDS.in_(text):
        return "tkr"
    return "kr" if lx.UNIT_KRONOR.in_(text) else "auto"


def detect_language(text: Normalized, fallback: Lang) -> Lang:
    english = sum(map(lx.ENGLISH.words.__contains__, text.tokens))
    swedish = sum(map(lx.SWEDISH.words.__contains__, text.tokens))
    swedish += sum(map(text.clean.count, "åäöÅÄÖ"))
    if english > swedish:
        return "en"
    if swedish > english:
        return "sv"
    return fallback

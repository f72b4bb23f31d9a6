"""The question vocabulary: words that signal an intent, a facet or a column.

The word lists live in ``bot/knowledge/data/vocabulary.json`` (validated when loaded); this module
names each list as a :class:`Cue`. Written with diacritics for readability and folded on load. A cue is
  "word"    an exact token,
  "stem*"   a token starting with the stem,
  "*part*"  a token containing the part (Swedish compounds: "bedömningskriterier"),
  "a b"     a phrase of tokens.
These are recognisers, not answers: every fact comes from the knowledge data.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from bot.answering.normalize import Normalized, fold


class Cue:
    """A recogniser for a group of words; ``cue.in_(question)`` is a set lookup.

    Which cues a token triggers is worked out once per distinct token and cached, so a
    question costs a few dictionary lookups however many cues there are (phrases, which
    span tokens, are checked on the whole text).
    """

    __slots__ = ("id", "parts", "phrases", "prefixes", "words")

    def __init__(self, words: frozenset[str], prefixes: tuple[str, ...], parts: tuple[str, ...], phrases: tuple[str, ...]):
        self.words = words
        self.prefixes = prefixes
        self.parts = parts
        self.phrases = phrases
        self.id = _registry.add(self)

    @classmethod
    def of(cls, *patterns: str) -> Cue:
        words, prefixes, parts, phrases = set(), [], [], []
        for raw in patterns:
            pattern = fold(raw)
            if " " in pattern:
                phrases.append(pattern)
            elif pattern.startswith("*") and pattern.endswith("*"):
                parts.append(pattern.strip("*"))
            elif pattern.endswith("*"):
                prefixes.append(pattern.rstrip("*"))
            else:
                words.add(pattern)
        return cls(frozenset(words), tuple(prefixes), tuple(parts), tuple(phrases))

    def matches_token(self, token: str) -> bool:
        return token in self.words or token.startswith(self.prefixes) or any(part in token for part in self.parts)

    def in_(self, question: Normalized) -> bool:
        return self.id in _registry.present(question)

    def vocabulary(self) -> Iterable[str]:
        yield from self.words
        yield from (p for p in self.prefixes if len(p) >= 5)
        for phrase in self.phrases:
            yield from phrase.split()


class _Registry:
    """Every cue, and per token the ids of the cues it triggers."""

    MAX_CACHED_TOKENS = 50_000

    def __init__(self) -> None:
        self.cues: list[Cue] = []
        self.phrase_ids: dict[str, set[int]] = {}  # "hur mycket" -> cues containing that phrase
        self.longest_phrase = 1
        self.token_hits: dict[str, frozenset[int]] = {}

    def add(self, cue: Cue) -> int:
        self.cues.append(cue)
        cue_id = len(self.cues) - 1
        for phrase in cue.phrases:
            self.phrase_ids.setdefault(phrase, set()).add(cue_id)
            self.longest_phrase = max(self.longest_phrase, len(phrase.split()))
        self.token_hits.clear()  # a new cue may match tokens seen before
        return cue_id

    def hits(self, token: str) -> frozenset[int]:
        found = self.token_hits.get(token)
        if found is None:
            found = frozenset(cue.id for cue in self.cues if cue.matches_token(token))
            if len(self.token_hits) >= self.MAX_CACHED_TOKENS:
                self.token_hits.clear()
            self.token_hits[token] = found
        return found

    def present(self, question: Normalized) -> frozenset[int]:
        cached: frozenset[int] | None = question.__dict__.get("_cue_ids")
        if cached is None:
            ids: set[int] = set()
            for token in question.tokens:
                ids |= self.hits(token)
            # Phrases: every run of 2..n tokens, looked up (numbers may hold spaces, so split the text).
            words = question.text.split()
            for size in range(2, min(self.longest_phrase, len(words)) + 1):
                for start in range(len(words) - size + 1):
                    hit = self.phrase_ids.get(" ".join(words[start : start + size]))
                    if hit:
                        ids |= hit
            cached = frozenset(ids)
            question.__dict__["_cue_ids"] = cached  # computed once per question
        return cached


_registry = _Registry()


def cues_in(question: Normalized) -> frozenset[int]:
    """Ids of every cue the question contains (``cue.id in cues_in(q)`` == ``cue.in_(q)``)."""
    return _registry.present(question)


class Vocabulary(BaseModel):
    """``vocabulary.json``: every cue's patterns by name, and plain word lists."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: Literal[1]
    note: str = ""
    cues: dict[str, list[str]]
    words: dict[str, list[str]]

    def model_post_init(self, _context: object) -> None:
        for name, patterns in {**self.cues, **self.words}.items():
            if not patterns or any(not p.strip() or p != p.strip() for p in patterns):
                raise ValueError(f"vocabulary {name!r}: empty, or a pattern that is blank or padded")


@cache
def load_vocabulary() -> Vocabulary:
    raw = resources.files("bot.knowledge").joinpath("data/vocabulary.json").read_text("utf-8")
    return Vocabulary.model_validate_json(raw)


_VOCABULARY = load_vocabulary()
_NAMED: set[str] = set()


def _cue(name: str) -> Cue:
    _NAMED.add(name)
    return Cue.of(*_VOCABULARY.cues[name])


def unnamed_cues() -> set[str]:
    """Lists in the data file no cue in this module reads (a test keeps the two in step)."""
    return set(_VOCABULARY.cues) - _NAMED


# --- language -------------------------------------------------------------
ENGLISH = _cue("ENGLISH")
SWEDISH = _cue("SWEDISH")

# --- conversation ---------------------------------------------------------
HELP = _cue("HELP")
GREETING = _cue("GREETING")
FOLLOW_UP = _cue("FOLLOW_UP")
WHY = _cue("WHY")
THEN = _cue("THEN")
WHO = _cue("WHO")
LAST_YEAR = _cue("LAST_YEAR")
THIS_YEAR = _cue("THIS_YEAR")
EARLIEST = _cue("EARLIEST")
LATEST = _cue("LATEST")
YEAR_BEFORE = _cue("YEAR_BEFORE")
# Calendar-relative when the conversation has no year to lean on ("vad får SSPF nästa år?").
NEXT_YEAR = _cue("NEXT_YEAR")
YEAR_AFTER = _cue("YEAR_AFTER")

# --- the prize ------------------------------------------------------------
WIN = _cue("WIN")
WINNER_LIST = _cue("WINNER_LIST")
# Other contests and prizes: "vem vann melodifestivalen 2019?" is not about Trygghetspriset.
OTHER_CONTEST = _cue("OTHER_CONTEST")
# Prize names of the form "<something>priset" that are still Trygghetspriset, or no prize in particular.
_GENERIC_PRIZE_PREFIXES = frozenset(fold(word) for word in _VOCABULARY.words["generic_prize_prefixes"])
_PRIZE_SUFFIXES = tuple(_VOCABULARY.words["prize_suffixes"])


def names_another_prize(question: Normalized) -> bool:
    """ "vem fick nobelpriset 2019?": a compound prize name that is not Trygghetspriset."""
    if "pris" not in question.text:
        return False
    for token in question.tokens:
        for suffix in _PRIZE_SUFFIXES:
            if token.endswith(suffix) and len(token) > len(suffix) + 2:
                return token[: -len(suffix)] not in _GENERIC_PRIZE_PREFIXES
    return False

THEME = _cue("THEME")
YEAR_QUESTION = _cue("YEAR_QUESTION")
PRIZE = _cue("PRIZE")
CRITERIA = _cue("CRITERIA")
ASSESSMENT = _cue("ASSESSMENT")
# Who may be nominated ("vem kan nomineras?", "kan man nominera sig själv?").
ELIGIBLE = _cue("ELIGIBLE")
# Scenarios the mandatory criteria decide: an effort done alone, or ordinary work.
SOLO = _cue("SOLO")
# "kan man nominera sig själv?": who may nominate, not an effort done alone.
SELF_NOMINATION = _cue("SELF_NOMINATION")
ORDINARY = _cue("ORDINARY")
# "räcker det …?": a yes/no question about what qualifies.
ENOUGH = _cue("ENOUGH")
# "vad händer efter att perioden stängt?": what the direction says comes next.
AFTER_CLOSE = _cue("AFTER_CLOSE")
# "kan privatpersoner nomineras?": who may be nominated, the subject between the words.
MAY = _cue("MAY")
BE_NOMINATED = _cue("BE_NOMINATED")
NOMINATION = _cue("NOMINATION")
JURY = _cue("JURY")
JURY_ONLY = _cue("JURY_ONLY")
PRIZE_MONEY = _cue("PRIZE_MONEY")
PRIZE_AMOUNT = _cue("PRIZE_AMOUNT")
PRIZE_FIRST = _cue("PRIZE_FIRST")
PRIZE_CONFERENCE = _cue("PRIZE_CONFERENCE")
PRIZE_PURPOSE = _cue("PRIZE_PURPOSE")
PRIZE_UNTIL = _cue("PRIZE_UNTIL")
PRIZE_DECISIONS = _cue("PRIZE_DECISIONS")

# --- the safety package ---------------------------------------------------
PACKAGE = _cue("PACKAGE")
TOTAL = _cue("TOTAL")
# The total's own figure ("vilken totalsumma anger tabellen?"), not the table it sums.
TOTAL_FIGURE = _cue("TOTAL_FIGURE")
MONEY = _cue("MONEY")
HISTORY = _cue("HISTORY")
STATE_GRANT = _cue("STATE_GRANT")
AREAS = _cue("AREAS")
CHILDREN = _cue("CHILDREN")
OUTCOME_REASON = _cue("OUTCOME_REASON")

# --- table columns and facets ---------------------------------------------
COLUMN_FORSLAG = _cue("COLUMN_FORSLAG")
COLUMN_UTFALL = _cue("COLUMN_UTFALL")
COLUMN_BUDGET = _cue("COLUMN_BUDGET")
EXPANSION = _cue("EXPANSION")
DESCRIPTION = _cue("DESCRIPTION")
# "alla poster utom trygghetsvärdar": every line but the ones named.
EXCEPT = _cue("EXCEPT")
# "hur mycket mer fick X än Y?", "X jämfört med Y": one line set against another.
LINE_VERSUS = _cue("LINE_VERSUS")
# The direction a question takes for granted: "hur mycket mer …", "how much less …".
ASKED_MORE = _cue("ASKED_MORE")
ASKED_LESS = _cue("ASKED_LESS")
# "vilken post fick mer, X eller Y?": asks which, so it takes no direction for granted.
WHICH_OF = _cue("WHICH_OF")
ACTIVITIES = _cue("ACTIVITIES")
PARTNERS = _cue("PARTNERS")
# "vilka vann mellan 2015 och 2017?": every year of the span, not only its ends.
YEAR_RANGE = _cue("YEAR_RANGE")
CHANGE = _cue("CHANGE")
# "från budget 2024 till förslag 2025", "from … to …": a span between two columns, so a change.
FROM_TO = _cue("FROM_TO")
TO_COLUMN = _cue("TO_COLUMN")

# --- questions over the table ---------------------------------------------
MOST = _cue("MOST")
# "näst störst", "second largest": the rank after the first.
SECOND_RANK = _cue("SECOND_RANK")
LEAST = _cue("LEAST")
ROSE = _cue("ROSE")
FELL = _cue("FELL")
DIFFERENCE = _cue("DIFFERENCE")
SUM_OF = _cue("SUM_OF")
WHICH_LINES = _cue("WHICH_LINES")

COMPARATIVE = _cue("COMPARATIVE")
UNCHANGED = _cue("UNCHANGED")
DISCREPANCY = _cue("DISCREPANCY")
# "vilka poster gick under budget?": an outcome against its budget, line by line.
UNDER_BUDGET = _cue("UNDER_BUDGET")
SHARE = _cue("SHARE")
DISTRIBUTION = _cue("DISTRIBUTION")
# The package's money as a thing someone decides on ("vem bestämmer hur pengarna fördelas?").
BUDGET_MONEY = _cue("BUDGET_MONEY")
# The unit a reader asks for: "hur mycket fick SSPF i tkr?", "how many kronor?".
UNIT_THOUSANDS = _cue("UNIT_THOUSANDS")
UNIT_KRONOR = _cue("UNIT_KRONOR")
# A yes/no question states a fact to check: "fick SSPF 2 mkr 2024?", "vann IGOR 2021?".
_YES_NO_OPENERS = frozenset(fold(word) for word in _VOCABULARY.words["yes_no_openers"])
CHECK = _cue("CHECK")


def asks_change(question: Normalized, spans_years: bool) -> bool:
    """A change between columns ("ökar", "go up", "från … till …"), as against a share of one column's total."""
    moved = ROSE.in_(question) or FELL.in_(question) or CHANGE.in_(question)
    return moved or (spans_years and FROM_TO.in_(question) and TO_COLUMN.in_(question))


def is_yes_no(question: Normalized) -> bool:
    return bool(question.tokens) and (question.tokens[0] in _YES_NO_OPENERS or CHECK.in_(question))


# The kind of answer asked for (bot/answering/answer_types.py checks the answer gives it).
ASKS_COUNT = _cue("ASKS_COUNT")
ASKS_DATE = _cue("ASKS_DATE")
ASKS_PLACE = _cue("ASKS_PLACE")
ASKS_ORGANISATION = _cue("ASKS_ORGANISATION")
# "vem nominerade X?", "vem får nominera?": who nominates, which no winner's name answers.
ASKS_NOMINATOR = _cue("ASKS_NOMINATOR")
# "vilka fastighetsägare …?": the ones by name, which a category ("fastighetsägare") does not give.
ASKS_NAMED = _cue("ASKS_NAMED")
# An e-mail address, a phone number or a postal address.
ASKS_CONTACT = _cue("ASKS_CONTACT")
# How joint winners split the prize money.
ASKS_SPLIT = _cue("ASKS_SPLIT")
# ... or in other words: a verb of splitting, the money, and "between"/"each" ("hur delades
# prispengarna mellan A och B?"), so that no one phrasing is needed.
SPLIT_VERB = _cue("SPLIT_VERB")
PRIZE_CASH = _cue("PRIZE_CASH")
BETWEEN_OR_EACH = _cue("BETWEEN_OR_EACH")
# A person's or a body's name ("vad heter socialborgarrådet?"), which a role or a title does not give.
ASKS_NAME = _cue("ASKS_NAME")
# The jury's chair by role ("vad heter ordföranden?" asks the chair's name, not the members').
JURY_CHAIR = _cue("JURY_CHAIR")
# Deciding, in any form ("vem ska besluta om vinnaren?", "who picks the winner?").
DECIDE_VERB = _cue("DECIDE_VERB")
# A line's place in its column ("vilken plats hamnar X på?", "where does X rank?").
RANK = _cue("RANK")
# Words pointing back at the previous subject ("what does that money cover?", "vad går den till?").
REFERS_BACK = _cue("REFERS_BACK")
# What is left once something is taken away ("what is left of the proposal without X?").
REMAINDER = _cue("REMAINDER")
# An average over columns or lines ("genomsnittet av utfall 2024 och förslag 2025").
AVERAGE = _cue("AVERAGE")
# The table's own words ("kolumnen", "column", "raden"): known words, never a subject of their own.
TABLE_TERMS = _cue("TABLE_TERMS")
# The table itself: shown whole, unless the question asks its total ("what total does the table give?").
TABLE_WORD = _cue("TABLE_WORD")
# Receiving the prize in other words than winning ("who got the very first prize?").
RECEIVED = _cue("RECEIVED")
# One person in another's place ("vem har ersatt X bland undertecknarna 2026?").
REPLACED = _cue("REPLACED")
# The word before a thing money goes to ("går till gatubelysning", "what did X get"): marks a recipient.
RECIPIENT_MARKER = _cue("RECIPIENT_MARKER")
# What money may be used for ("vad får vinnaren använda prispengarna till?").
USE_OF_MONEY = _cue("USE_OF_MONEY")
# Whether a thing is part of something ("ingår kameraövervakning i paketet?").
INCLUSION = _cue("INCLUSION")
# A day is asked, not a year ("på vilket sammanträde (datum)").
EXACT_DATE = _cue("EXACT_DATE")
HOW_MANY = _cue("HOW_MANY")
PACKAGE_DECISION = _cue("PACKAGE_DECISION")
# The bodies that decide the package (the prize's founding decisions name the prize as well).
DECISION_BODY = _cue("DECISION_BODY")


# "hur många dagar är det kvar?": the period, counted from today.
DAYS_LEFT = _cue("DAYS_LEFT")
# "kan jag nominera nu?": the period as of today, not who may be nominated.
NOMINATE_NOW = _cue("NOMINATE_NOW")
# A count of nominations: the documents give none.
NOMINATION_COUNT = _cue("NOMINATION_COUNT")
# "vilken kommun gäller trygghetspaketet?": the package's document names no municipality.
MUNICIPALITY = _cue("MUNICIPALITY")
# "vilka sitter i juryn?": the members, whom the document does not name.
JURY_MEMBERS = _cue("JURY_MEMBERS")
# A cost per hour, person or month: the documents give only each line's total.
PER_UNIT = _cue("PER_UNIT")
# "hur många trygghetsvärdar finns det?": a head count, which the documents do not give.
HEAD_COUNT = _cue("HEAD_COUNT")
# "vad kostar SSPF per år nu?": an ongoing cost, which a line that has left the package no longer shows.
ONGOING_COST = _cue("ONGOING_COST")
# Who signed a document ("vem har skrivit under?"); titles themselves come from the data.
SIGNED = _cue("SIGNED")
# "vem är ordförande i kommunstyrelsen?": a body other than the jury, whose chair no document names.
OTHER_BODY = _cue("OTHER_BODY")
JURY_WORD = _cue("JURY_WORD")



# --- what a document says about itself --------------------------------------
DOCUMENT_WORDS = _cue("DOCUMENT_WORDS")
REGISTRATION_NUMBER = _cue("REGISTRATION_NUMBER")
DOCUMENT_DATE = _cue("DOCUMENT_DATE")
PREPARED_BY = _cue("PREPARED_BY")
APPROVED = _cue("APPROVED")
HANDLED = _cue("HANDLED")
ATTACHMENT = _cue("ATTACHMENT")
CASE_DOCUMENTS = _cue("CASE_DOCUMENTS")
PROPOSED_DECISION = _cue("PROPOSED_DECISION")
OFFICE = _cue("OFFICE")
# A cost the documents do not give (the jury's work, arranging the conference): not a line, not the prize sum.
COST = _cue("COST")
# Someone else paying ("hur mycket betalar fastighetsägarna?"): the documents give the municipality's money only.
PAYS = _cue("PAYS")
ORGANISATIONS = _cue("ORGANISATIONS")
ALL_CUES: tuple[Cue, ...] = tuple(value for value in list(globals().values()) if isinstance(value, Cue))

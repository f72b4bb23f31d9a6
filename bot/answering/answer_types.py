"""The kind of answer a question asks for, and whether an answer gives it.

"när" asks for a date, "vem"/"vilken nämnd" for an organisation or a person, "var"/"vilken lokal"
for a place, "hur många" for a count. When the structured answer carries no text of that kind,
the documents' own sentences are searched for one that does; when none does, the answer says
first that the documents do not state it, then what they do say nearby. By class: each type is a
pattern over text, not a list of questions.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.answering import lexicon as lx
from bot.answering.intents import Intent
from bot.answering.query import Query

AnswerType = Literal[
    "nominator", "contact", "split", "named", "name", "reason", "date", "organisation", "place", "count"
]

_MONTHS = (
    "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
    "january|february|march|may|june|july|august|october"
)
# "en"/"ett"/"one" are left out: as articles they are in almost every sentence and count nothing.
_NUMBER_WORDS = "två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|two|three|four|five|six|seven|eight|nine|ten"
# Figures that are not counts: money, per cents, years and dates ("0,4 mkr", "2026", "SEK 0.4 million").
_NOT_A_COUNT = re.compile(
    r"(?:SEK\s*)?\d[\d\s,.]*\s*(?:mkr|tkr|kr\b|kronor|million|miljoner|%|procent|per cent)"
    r"|\b(?:19|20)\d{2}(?:-\d{2}-\d{2})?\b",
    re.IGNORECASE,
)
# Text of each kind. A year counts as a date ("när vann de?" is answered by a year).
GIVES: dict[AnswerType, re.Pattern[str]] = {
    "date": re.compile(rf"\b(?:{_MONTHS})\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b(?:19|20)\d{{2}}\b", re.IGNORECASE),
    # A body's word, an acronym ("IGOR") or a name of two capitalised words ("Henrik Ahl").
    "organisation": re.compile(
        r"(?i:\w*(?:nämnd|styrelse|förvaltning|fullmäktige|utskott|kontor|avdelning|stab|polis|förening|"
        r"kommun|jury|myndighet|enhet|förbund|råd|ägare|aktör|socialtjänst|skola|board|committee|council|office|"
        r"department|police|association|owner|partner)\w*)"
        r"|\b[A-ZÅÄÖ]{3,}\b|\b[A-ZÅÄÖ][a-zåäöé]+ [A-ZÅÄÖ][a-zåäöé]+",
    ),
    # "in October" dates, it does not place.
    "place": re.compile(
        rf"\b(?:i|på|vid|in|at)\s+(?!(?i:{_MONTHS})\b)[A-ZÅÄÖ][\wåäö-]+"
        r"|\w*(?:lokal|konferens|stadshus|skola|venue|conference)\w*",
    ),
    # Who nominated or may nominate: the document must say so in those words.
    "nominator": re.compile(
        r"nominerad(?:e|es)? av|nominated by|nomineringar (?:kan|får) lämnas av|nominations (?:may|can) be \w+ by"
        r"|\b(?:alla|vem som helst|anyone|everyone)\s+(?:får|kan|may|can)\s+nominat?e",
        re.IGNORECASE,
    ),
    "contact": re.compile(r"@|\+?\d[\d -]{6,}\d|\b\w+(?:gatan|vägen|torget)\s+\d|\bbox\s+\d", re.IGNORECASE),
    "split": re.compile(
        r"\bvar(?:dera|\s+och\s+en)\b|\beach\b|per vinnare|per winner|delades lika|delas lika|split|shared|halva|half",
        re.IGNORECASE,
    ),
    # A name, not a category: a capitalised word inside a sentence, or an acronym (checked per sentence).
    "named": re.compile(r"(?<=[\wåäöÅÄÖ,] )(?:[A-ZÅÄÖ][a-zåäöé]+|[A-ZÅÄÖ]{3,})\b"),
    "count": re.compile(rf"\d|\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE),
    # A cause or an aim, in the words that give one.
    "reason": re.compile(
        r"\b(?:eftersom|därför|för att|på grund av|med anledning av|i syfte att|syfte[tn]?|så att|mot bakgrund av"
        r"|behov\w*|because|since|due to|in order to|so that|as a result|owing to|aim\w*|purpose|need\w*)\b",
        re.IGNORECASE,
    ),
    # A proper name: two capitalised words ("Process Kedjan", "Anna Svensson"), not a title
    # ("socialborgarrådet") or a role.
    "name": re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)? [A-ZÅÄÖ][a-zåäöé]+\b"),
}
_ASKS: tuple[tuple[AnswerType, lx.Cue], ...] = (
    ("nominator", lx.ASKS_NOMINATOR),
    ("contact", lx.ASKS_CONTACT),
    ("split", lx.ASKS_SPLIT),
    ("named", lx.ASKS_NAMED),
    ("name", lx.ASKS_NAME),
    ("reason", lx.WHY),
    ("count", lx.ASKS_COUNT),
    ("date", lx.ASKS_DATE),
    ("place", lx.ASKS_PLACE),
    ("organisation", lx.ASKS_ORGANISATION),
)


def asked_type(q: Query) -> AnswerType | None:
    """The kind of answer the question asks for, if it is one a pattern can check."""
    tokens = q.text.tokens
    if tokens and tokens[0] in {"var", "vart"} and len(tokens) > 1 and tokens[1] not in _VAR_AS_VERB:
        return "place"  # "var delas priset ut?"; "var det 2019?" is the verb
    kind = next((kind for kind, cue in _ASKS if q.has(cue)), None)
    if kind == "place" and q.has(lx.RANK) and q.lines:
        return None  # "vilken plats hamnar X på?": a line's rank, which the figures give
    if kind == "count" and _MONEY_COUNTED.search(q.text.raw):
        return None  # "hur många kronor fick SSPF?" is an amount: the figures answer it
    if kind is None and q.has(lx.SPLIT_VERB) and q.has(lx.PRIZE_CASH) and q.has(lx.BETWEEN_OR_EACH):
        return "split"  # "hur delades prispengarna mellan A och B?"
    if kind is None and q.has(lx.EXACT_DATE) and q.has(lx.WHICH_OF):
        return "date"  # "på vilket sammanträde (datum) …?"
    return kind


_VAR_AS_VERB = frozenset({"det", "den", "detta", "de", "utfallet", "budgeten", "summan", "beloppet", "hon", "han"})


# A day: "26 oktober", "2023-05-11" (a year alone is not one).
_DAY = re.compile(
    rf"\b\d{{1,2}}\.?\s+(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{1,2}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b", re.IGNORECASE
)
# "hur många kronor", "how many per cent": an amount or a share asked as a count.
_MONEY_COUNTED = re.compile(
    r"\b(?:många|many)\s+(?:kronor|kr|mkr|tkr|miljoner|procent\w*|sek|millions?|crowns|per\s*cent|percent)\b",
    re.IGNORECASE,
)
# An event a question may ask the venue of; in either language, since the answer may be in the other.
_EVENT = re.compile(r"\w*(?:konferens|conference|prisutdelning|ceremony)\w*", re.IGNORECASE)
# A table column's name ("förslag 2025") names a year without dating anything.
_COLUMN_LABEL = re.compile(r"\b(?:förslag|utfall|budget|proposal|outcome)\s+(?:19|20)\d{2}\b", re.IGNORECASE)


def gives(q: Query, kind: AnswerType, said: str) -> bool:
    # "när fick X mer pengar?" is answered by a column ("förslag 2025"); "när började X?" is not.
    about_figures = q.has(lx.MONEY) or q.has(lx.CHANGE) or q.has(lx.ROSE) or q.has(lx.FELL)
    if kind == "date" and not about_figures:
        said = _COLUMN_LABEL.sub("", said)
    if kind == "date" and q.has(lx.EXACT_DATE):
        return bool(_DAY.search(said))  # "vilket datum": a year does not give the day
    if kind in ("organisation", "place", "named", "name"):
        # The question's own subject repeated ("SSPF", "trygghetskonferensen") names no one and no place.
        asked = [word.casefold() for word in _WORDS.findall(q.text.raw)]
        said = "".join(word for word in _WORDS_AND_GAPS.findall(said) if not _same_word(word.casefold(), asked))
    if kind == "named":
        return _names_of_the_kind(q, said)
    if kind == "place" and _EVENT.search(q.text.raw):
        said = _EVENT.sub("", said)  # "where is the conference held?": the conference is not its own venue
    if kind == "count":
        said = _NOT_A_COUNT.sub("", said)
    return bool(GIVES[kind].search(said))


def _names_of_the_kind(q: Query, said: str) -> bool:
    """A sentence that names some of the kind asked for ("vilka fastighetsägare"): the kind and a name."""
    match = _KIND_ASKED.search(q.text.raw)
    kind = [word.casefold() for word in match.groups() if word] if match else []  # "property owners": either word
    # "vilka organisationer": any body's name answers.
    any_body = not kind or any(word.startswith(_ANY_BODY) for word in kind)
    return any(
        GIVES["named"].search(sentence)
        for sentence in _SENTENCE.split(said)
        if any_body or any(_same_word(word.casefold(), kind) for word in _WORDS.findall(sentence))
    )


_ANY_BODY = ("organis", "organiz", "aktör", "actor", "partner", "samarbetspart", "verksamhet")


_KIND_ASKED = re.compile(r"(?i:\b(?:vilka|which|name the)\s+([\wåäöÅÄÖ-]+)(?:\s+([\wåäöÅÄÖ-]+))?)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _same_word(word: str, asked: list[str]) -> bool:
    """ "trygghetskonferensen" repeats "trygghetskonferens": the same word in another form."""
    if len(word) < 5:
        return word in asked
    return any(len(a) >= 5 and (a.startswith(word[:-2]) or word.startswith(a[:-2])) for a in asked)


_WORDS = re.compile(r"[\wåäöÅÄÖ-]+")
_WORDS_AND_GAPS = re.compile(r"[\wåäöÅÄÖ-]+|[^\wåäöÅÄÖ-]+")


# Answers that are of a kind by construction (a winner is an organisation, a period is dates).
GIVEN_BY: dict[Intent, frozenset[AnswerType]] = {
    Intent.WINNER_BY_YEAR: frozenset({"organisation", "place", "name"}),
    Intent.THEME_BY_YEAR: frozenset({"organisation", "place", "name"}),
    Intent.YEAR_BY_THEME: frozenset({"organisation", "place", "date", "name"}),
    Intent.JURY: frozenset({"organisation"}),
    Intent.YEAR_BY_WINNER: frozenset({"organisation", "place", "date", "name"}),
    Intent.WINNERS_LIST: frozenset({"organisation", "place", "date", "count", "name"}),
    Intent.SIGNATORY: frozenset({"organisation"}),
    Intent.DOCUMENT_META: frozenset({"organisation", "date"}),
    Intent.BUDGET_DECISION: frozenset({"organisation"}),
    Intent.NOMINATION_PERIOD: frozenset({"date"}),
    Intent.NOMINATION_COUNT: frozenset({"count"}),
}


_PRIZE_INTENTS = frozenset(
    {
        Intent.WINNER_BY_YEAR,
        Intent.YEAR_BY_WINNER,
        Intent.WINNERS_LIST,
        Intent.THEME_BY_YEAR,
        Intent.YEAR_BY_THEME,
        Intent.PRIZE_FACTS,
    }
)


# Kinds so particular that a gap said about something else ("nothing about the prize sum in 2020")
# does not answer them: "how was the money split" still needs its own "not stated" first.
_ALWAYS_LEAD: frozenset[AnswerType] = frozenset({"split", "name"})


def honour(q: Query, intent: Intent, said: str) -> None:
    """Make the reply give the kind of answer asked for, or say first that the documents do not."""
    kind = asked_type(q)
    by_construction = kind in GIVEN_BY.get(intent, ()) and not (kind == "date" and q.has(lx.EXACT_DATE))
    if kind is None or by_construction or gives(q, kind, said):
        return  # (a document's answer is dated, but "vilket datum sammanträder …" asks another day)
    if not q.draft.answered and kind not in _ALWAYS_LEAD:
        return  # the answer already leads with what the documents do not say
    if kind == "split" and (q.lines or intent not in _PRIZE_INTENTS):
        return  # "hur fördelas paketet?" is the table's distribution, not joint winners' shares
    if kind == "organisation" and len(q.lines) >= 2 and intent == Intent.BUDGET_ANALYSIS:
        return  # "vem fick mest, A eller B?": the candidates are the lines named, and the answer is one of them
    passage = q.passages.best_with(q.text.raw, lambda text: gives(q, kind, text)) if q.passages else None
    if passage is not None:
        q.draft.restart()
        q.draft.fact(f"passage.{passage.source.document}", passage.text, passage.source)
        q.draft.say("general.passage", text=passage.text)
        return
    q.draft.not_found_first(f"general.type_not_stated.{kind}")

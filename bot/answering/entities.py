"""Entity extraction: years, budget lines, table columns, winners, themes, amounts.

The recognisers are built from the knowledge data (line synonyms, winner
aliases, theme words), so a new line or winner in the data is recognised
without touching this code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.answering import lexicon as lx
from bot.answering.lexicon import Cue
from bot.answering.normalize import Normalized, Speller, fold, normalize
from bot.knowledge import KnowledgeBase
from bot.knowledge.models import ColumnKind

_UNIT_FACTORS = {
    "mkr": 1_000_000,
    "miljon": 1_000_000,
    "miljoner": 1_000_000,
    "miljonen": 1_000_000,
    "miljonerna": 1_000_000,
    "million": 1_000_000,
    "millions": 1_000_000,
    "mn": 1_000_000,
    "msek": 1_000_000,
    "tkr": 1_000,
    "tusen": 1_000,
    "thousand": 1_000,
    "ksek": 1_000,
    "kr": 1,
    "kronor": 1,
    "sek": 1,
    "kronan": 1,
}
_MAX_CACHED_WORDS = 20_000
# Words that describe every winner alike ("vilka organisationer har vunnit?"), not one of them.
_GENERIC_WINNER_WORDS = frozenset(
    fold(word)
    for word in (
        "arbete",
        "arbetet",
        "arbetat",
        "arbetar",
        "jobbat",
        "jobb",
        "insats",
        "insatsen",
        "insatser",
        "verksamhet",
        "verksamheten",
        "verksamheter",
        "organisation",
        "organisationen",
        "organisationer",
        "förening",
        "föreningen",
        "föreningar",
        "projekt",
        "projektet",
        "vunnit",
        "vann",
        "fick",
        "work",
        "worked",
        "organisations",
        "organization",
        "organizations",
        "association",
        "associations",
        "project",
        "winner",
        "winners",
        "vinnare",
    )
)
_ENGLISH_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_STOPWORDS = frozenset(
    fold(word)
    for word in [
        "vad",
        "vem",
        "när",
        "hur",
        "var",
        "vilket",
        "vilka",
        "vilken",
        "år",
        "året",
        "och",
        "i",
        "på",
        "av",
        "för",
        "med",
        "till",
        "om",
        "att",
        "det",
        "den",
        "de",
        "är",
        "som",
        "har",
        "hade",
        "var",
        "tema",
        "temat",
        "temana",
        "trygghetspriset",
        "priset",
        "pris",
        "the",
        "what",
        "which",
        "year",
        "was",
        "theme",
        "of",
        "in",
        "for",
        "and",
        "a",
        "an",
        "to",
        "is",
        "did",
        "were",
        "it",
    ]
)


@dataclass
class Entities:
    years: list[int] = field(default_factory=list)
    relative_year: int = 0
    lines: list[str] = field(default_factory=list)
    # The same lines in the order the question names them ("mer fick X än Y": X first).
    asked_lines: list[str] = field(default_factory=list)
    unbudgeted: list[int] = field(default_factory=list)
    winner_years: list[int] = field(default_factory=list)
    column_kinds: list[ColumnKind] = field(default_factory=list)
    amounts: list[int] = field(default_factory=list)
    content_words: list[str] = field(default_factory=list)
    theme_years: list[int] = field(default_factory=list)
    described_winner_years: list[int] = field(default_factory=list)  # set for winner lists only
    activities: list[tuple[str, str]] = field(default_factory=list)  # (line key, activity)
    signatories: list[tuple[str, int]] = field(default_factory=list)  # (document id, index in signed_by)


class EntityExtractor:
    def __init__(self, knowledge: KnowledgeBase) -> None:
        self.knowledge = knowledge
        self.theme_words_en = knowledge.glossary.theme_words_en
        budget = knowledge.budget
        self._line_cues = [(line.key, _cue_from_names([line.name, *line.synonyms])) for line in budget.lines]
        self._activity_cues = [
            ((line.key, activity), _cue_from_names([activity])) for line in budget.lines for activity in line.activities
        ]
        self._unbudgeted_cues = [
            (index, _cue_from_names(mention.synonyms)) for index, mention in enumerate(budget.unbudgeted_mentions)
        ]
        self._winner_cues = [(winner.year, _cue_from_names(winner.aliases)) for winner in knowledge.prize.winners]
        # A signatory is recognised by the title the document gives ("socialdirektör") or the name.
        self._signatory_cues = [
            ((doc.id, index), _cue_from_names([person.title, person.name, person.name.split()[-1]]))
            for doc in knowledge.documents.values()
            for index, person in enumerate(doc.signed_by)
        ]
        self._column_cues: list[tuple[ColumnKind, Cue]] = [
            ("forslag", lx.COLUMN_FORSLAG),
            ("utfall", lx.COLUMN_UTFALL),
            ("budget", lx.COLUMN_BUDGET),
        ]
        prize = knowledge.prize
        themes = [(w.year, w.theme) for w in prize.winners] + [(r.year, r.theme) for r in prize.rounds]
        self._themes = _Profiles(themes, common_after=2)
        # What each winner is known by: its name, the year's theme and what the documents say it did.
        self._winner_profiles = _Profiles(
            [(w.year, " ".join(filter(None, (w.winner, w.theme, w.description)))) for w in prize.winners],
            common_after=3,
            ignore=_GENERIC_WINNER_WORDS,
        )
        # Which entity each recogniser stands for, by cue id: a question triggers a handful of
        # cues, so extraction walks those instead of testing every line, winner and activity.
        self._entity_by_cue: dict[int, tuple[str, int, object]] = {}
        for kind, pairs in (
            ("lines", self._line_cues),
            ("activities", self._activity_cues),
            ("unbudgeted", self._unbudgeted_cues),
            ("winner_years", self._winner_cues),
            ("column_kinds", self._column_cues),
            ("signatories", self._signatory_cues),
        ):
            for order, (value, cue) in enumerate(pairs):
                self._entity_by_cue[cue.id] = (kind, order, value)
        self.speller = Speller(self._vocabulary(), prefixes=[p for cue in lx.ALL_CUES for p in cue.prefixes])

    def _vocabulary(self) -> Iterable[str]:
        for cue in lx.ALL_CUES:
            yield from cue.vocabulary()
        budget, prize = self.knowledge.budget, self.knowledge.prize
        texts = [name for line in budget.lines for name in (line.name, *line.synonyms)]
        texts += [name for mention in budget.unbudgeted_mentions for name in mention.synonyms]
        texts += [activity for line in budget.lines for activity in line.activities]
        texts += [alias for winner in prize.winners for alias in winner.aliases]
        texts += [winner.theme for winner in prize.winners] + [r.theme for r in prize.rounds]
        texts += [winner.winner for winner in prize.winners]
        texts += [winner.description for winner in prize.winners if winner.description]
        texts += [
            part for doc in self.knowledge.documents.values() for p in doc.signed_by for part in (p.title, p.name)
        ]
        for text in texts:
            yield from normalize(text).tokens

    def normalize(self, question: str) -> Normalized:
        return normalize(question, self.speller)

    def extract(self, question: Normalized) -> Entities:
        found = Entities()
        found.amounts, found.years = _numbers(question.tokens)
        if lx.YEAR_BEFORE.in_(question):
            found.relative_year = -1
        elif lx.YEAR_AFTER.in_(question):
            found.relative_year = 1
        hits: dict[str, list[tuple[int, object]]] = {}
        for cue_id in lx.cues_in(question):
            entity = self._entity_by_cue.get(cue_id)
            if entity is not None:
                kind, order, value = entity
                hits.setdefault(kind, []).append((order, value))
        for kind, found_values in hits.items():
            found_values.sort(key=_first)  # the data's order, whatever order the cues were found in
            setattr(found, kind, [value for _, value in found_values])
        if len(found.lines) >= 2:
            cues = dict(self._line_cues)
            found.asked_lines = sorted(found.lines, key=lambda key: _position(cues[key], question.tokens))
        else:
            found.asked_lines = list(found.lines)
        found.content_words = [
            self.theme_words_en.get(tok, tok)
            for tok in question.tokens
            if tok.isalpha() and len(tok) >= 4 and tok not in _STOPWORDS
        ]
        if lx.YEAR_QUESTION.in_(question) or lx.THEME.in_(question):  # the only intents that use themes
            found.theme_years = self.themes_matching(found.content_words)
        return found

    def themes_matching(self, words: list[str]) -> list[int]:
        """Years whose theme shares the most distinctive words with the question."""
        return self._themes.best(words, min_score=0.5)

    def winners_described_by(self, words: list[str]) -> list[int]:
        """Years whose winner the question describes ("vem vann i Skärholmen?"), by name, theme or work."""
        return self._winner_profiles.best(words, min_score=1.0)


class _Profiles:
    """Texts per year (themes, winner descriptions), scored by the words a question shares with them.

    A word found in more than ``common_after`` texts ("trygghet") says little about which one
    is meant, so it only breaks ties.
    """

    def __init__(
        self, texts: list[tuple[int, str]], *, common_after: int, ignore: frozenset[str] = frozenset()
    ) -> None:
        self._ignore = _STOPWORDS | ignore
        tokenised = [(year, normalize(text).tokens) for year, text in texts]
        counts = Counter(tok for _, tokens in tokenised for tok in set(tokens))
        self._entries = [
            (
                year,
                tuple(
                    (tok, 1.0 if counts[tok] <= common_after else 0.1)
                    for tok in tokens
                    if len(tok) >= 4 and tok not in self._ignore
                ),
            )
            for year, tokens in tokenised
        ]
        self._word_weights: dict[str, tuple[float, ...]] = {}

    def best(self, words: list[str], *, min_score: float) -> list[int]:
        weights = [self._weights_of(word) for word in words if len(word) >= 4 and word not in self._ignore]
        scored: list[tuple[float, int]] = []
        for index, (year, _) in enumerate(self._entries):
            score = sum(word_weights[index] for word_weights in weights)
            if score >= min_score:
                scored.append((score, year))
        if not scored:
            return []
        top = max(score for score, _ in scored)
        return sorted(set(year for score, year in scored if score == top))

    def _weights_of(self, word: str) -> tuple[float, ...]:
        """What ``word`` says about each text (in entry order), worked out once per word."""
        weights = self._word_weights.get(word)
        if weights is None:
            weights = tuple(
                max((_theme_weight(word, tok, w) for tok, w in tokens), default=0.0) for _, tokens in self._entries
            )
            if len(self._word_weights) >= _MAX_CACHED_WORDS:
                self._word_weights.clear()
            self._word_weights[word] = weights
        return weights


def _position(cue: Cue, tokens: tuple[str, ...]) -> int:
    """Where in the question ``cue`` first matches (a word, a stem or the start of a phrase)."""
    phrases = [tuple(phrase.split()) for phrase in cue.phrases]
    for index, token in enumerate(tokens):
        if cue.matches_token(token) or any(tokens[index : index + len(p)] == p for p in phrases):
            return index
    return len(tokens)


def _first(pair: tuple[int, object]) -> int:
    return pair[0]


def _theme_weight(word: str, theme_token: str, distinctive: float) -> float:
    """How much a question word says about a theme word: whole-word hits count most."""
    if theme_token.startswith(word):  # the word itself or an inflection ("barn", "barnen")
        return max(distinctive, 0.5)
    if word in theme_token:  # the tail of a compound: "organisationer" in "civilsamhällesorganisationer"
        return max(distinctive, 0.5) / 2
    if len(theme_token) >= 5 and theme_token in word:  # a compound containing the theme word
        return distinctive
    return 0.0


def _cue_from_names(names: Iterable[str]) -> Cue:
    patterns: list[str] = []
    for name in names:
        folded = " ".join(normalize(name).tokens)
        patterns.append(folded)
        if " " not in folded and len(folded) >= 7:
            patterns.append(folded + "*")
    return Cue.of(*patterns)


_COLUMN_WORDS = frozenset(
    {"budget", "budgeten", "utfall", "utfallet", "forslag", "forslaget", "proposal", "outcome", "ar", "year"}
)


def _numbers(tokens: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """Amounts in kronor and years (4-digit numbers without a money unit)."""
    amounts: list[int] = []
    years: list[int] = []
    for index, token in enumerate(tokens):
        if not token[0].isdigit():
            continue
        unit = tokens[index + 1] if index + 1 < len(tokens) else ""
        factor = _UNIT_FACTORS.get(unit)
        if index and tokens[index - 1] == "sek" and factor is None:
            factor = 1
        if (factor is None or factor == 1) and _ENGLISH_THOUSANDS.fullmatch(token):
            token = token.replace(",", "")  # "SEK 700,000": a thousands separator, not a decimal comma
        try:
            value = float(token.replace(" ", "").replace("\u00a0", "").replace(",", "."))
        except ValueError:
            continue
        after_column = index > 0 and tokens[index - 1] in _COLUMN_WORDS
        if value.is_integer() and 1900 <= value <= 2100 and len(token) == 4 and (factor is None or after_column):
            years.append(int(value))  # "förslag 2026 – mkr": the column's year, then the unit asked for
        elif factor is None and after_column and len(token) == 2 and 10 <= value <= 40:
            years.append(2000 + int(value))  # "budget 25", "utfall 24": a year written short
        elif factor is not None:
            amounts.append(round(value * factor))
        elif value >= 1000:
            amounts.append(round(value))
    return amounts, list(dict.fromkeys(years))

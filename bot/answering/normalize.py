"""Normalisation: strip chat noise, fold case and diacritics, tokenise, fix typos.

Everything downstream matches on the folded, spell-corrected tokens, so
"Trygghetsvardar", "trygghetsvärdar" and "trygghetsvärdr" look the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

_MENTION = re.compile(r"<[@#!][^>]*>|@\w+")
# Numbers keep their thousands groups ("2 000 000") and decimal comma ("0,7").
_TOKEN = re.compile(
    r"\d{1,3}(?:[ \u00a0]\d{3})+(?![\d,])|\d{1,3}(?:,\d{3}){2,}(?!\d)|\d+(?:[,.]\d+)?|[^\W\d_]+",
    re.UNICODE,
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case-fold and drop diacritics: "Älta" -> "alta"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=20_000)
def fold_word(word: str) -> str:
    """:func:`fold` for one token, memoised: questions draw on a small vocabulary, and
    Unicode decomposition is the costliest step of normalising a known word."""
    return fold(word)


def strip_chat_noise(text: str) -> str:
    """Remove Slack mentions ("<@U123>", "<!channel>") and "@trygghetsbot"."""
    if "<" in text or "@" in text:
        text = _MENTION.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Normalized:
    raw: str
    clean: str  # chat noise removed, original case and diacritics (for language detection)
    tokens: tuple[str, ...]  # folded and spell-corrected

    @cached_property
    def text(self) -> str:
        """The tokens as one string with a space at each end, so cues can match whole words."""
        return " " + " ".join(self.tokens) + " "


class Speller:
    """Corrects unknown tokens to the nearest vocabulary word (rapidfuzz Levenshtein)."""

    def __init__(self, vocabulary: Iterable[str], prefixes: Iterable[str] = ()) -> None:
        words = {fold(word) for word in vocabulary}
        self._known = frozenset(words)
        # Inflections of a known stem ("beslutade" for "beslut*") are words, not typos of a neighbour.
        self._prefixes = tuple(sorted({fold(prefix) for prefix in prefixes if len(prefix) >= 4}))
        # Typos rarely hit the first letter, and requiring it keeps "dagen" from becoming "lagen".
        self._choices: dict[str, list[str]] = {}
        for word in sorted(w for w in words if len(w) >= 4 and w.isalpha()):
            self._choices.setdefault(word[0], []).append(word)
        self._cache: dict[str, str] = {}

    def knows(self, token: str) -> bool:
        """Whether ``token`` is a word of the vocabulary (or an inflection of a known stem)."""
        return token in self._known or token.startswith(self._prefixes)

    def correct(self, token: str) -> str:
        if token in self._known or len(token) < 3 or not token.isalpha() or token.startswith(self._prefixes):
            return token
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        limit = 1 if len(token) < 8 else 2
        choices = self._choices.get(token[0], ())
        match = process.extractOne(token, choices, scorer=Levenshtein.distance, score_cutoff=limit)
        corrected = match[0] if match else token
        if len(self._cache) < 10_000:
            self._cache[token] = corrected
        return corrected


_SHORT_YEAR = re.compile(r"(?<![\w,.])[-–'’]([123]\d)\b")


def normalize(text: str, speller: Speller | None = None) -> Normalized:
    clean = strip_chat_noise(text)
    # "%" is a word ("the % increase", "hur många %"): read as "procent", which the cues know;
    # "-24", "'25" are years written short ("sspf -24").
    spelled = _SHORT_YEAR.sub(r" 20\1", clean.replace("%", " procent "))
    tokens = [fold_word(tok) for tok in _TOKEN.findall(spelled)]
    if speller is not None:
        tokens = [speller.correct(tok) for tok in tokens]
    return Normalized(raw=text, clean=clean, tokens=tuple(tokens))

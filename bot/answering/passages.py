"""Ranked retrieval over the documents' own sentences, for questions no structured answer fits.

BM25 (bm25s, with the Snowball Swedish stemmer from PyStemmer) ranks windows of two
sentences from every section of every document. A passage is quoted only when it truly
answers: most of the question's content words (stemmed, stop words left out) occur in it.
Otherwise the caller says what the documents do not say. The index is built on first use,
so questions a structured answer handles never pay for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.knowledge.models import DocumentSection, SourceRef

_SENTENCE = re.compile(r"(?<=[.!?”])\d*\s+(?=[A-ZÅÄÖ0-9])|\s*[\uf0b7\u2022]\s*")
MAX_CHARS = 320  # a quoted passage: one sentence, and the next one while the two stay short
_WORD = re.compile(r"[0-9a-zåäöéü]+")
# Question words and filler that say nothing about the topic (besides the stop-word list).
_QUESTION_WORDS = frozenset(
    [
        "vad",
        "vem",
        "vilka",
        "vilken",
        "vilket",
        "hur",
        "när",
        "var",
        "varför",
        "finns",
        "kan",
        "ska",
        "skulle",
        "får",
        "fick",
        "man",
        "jag",
        "vi",
        "ni",
        "det",
        "den",
        "är",
        "blir",
        "bli",
        "gör",
        "göra",
        "säger",
        "står",
        "sägs",
        "om",
        "något",
        "några",
        "mycket",
        "mer",
        "mest",
        "what",
        "who",
        "which",
        "how",
        "when",
        "where",
        "why",
        "is",
        "are",
        "was",
        "were",
        "do",
        "does",
        "did",
        "can",
        "could",
        "should",
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "for",
        "to",
        "about",
        "tell",
        "me",
    ]
)
MIN_SHARE = 0.6  # of the question's content words the passage must contain
MIN_WORDS = 2


@dataclass(frozen=True)
class Passage:
    text: str
    source: SourceRef
    score: float


class PassageIndex:
    def __init__(self, sections: Sequence[tuple[str, DocumentSection]]) -> None:
        self._units: list[tuple[str, SourceRef]] = []
        for document, section in sections:
            # Section text may keep its list items and table rows on lines of their own: quote it as prose.
            sentences = [" ".join(s.split()) for s in _SENTENCE.split(section.text) if s.strip()]
            source = SourceRef(document=document, section=section.heading)
            for index, sentence in enumerate(sentences):
                pair = " ".join(sentences[index : index + 2])
                self._units.append((pair if len(pair) <= MAX_CHARS else sentence, source))
        self._index: Any = None
        self._stems: list[set[str]] = []
        self._words: frozenset[str] | None = None

    def mentions(self, word: str) -> bool:
        """Whether any document uses ``word`` (case-insensitive, as a word or the start of one)."""
        if self._words is None:
            self._words = frozenset(w for text, _ in self._units for w in _WORD.findall(text.casefold()))
        folded = word.casefold()
        return any(w.startswith(folded) for w in self._words)

    def _stem(self, text: str) -> list[str]:
        stemmer = _stemmer()
        words = [w for w in _WORD.findall(text.casefold()) if w not in _QUESTION_WORDS and w not in _stopwords()]
        return list(stemmer.stemWords(words))

    def _build(self) -> Any:
        if self._index is None:
            import bm25s

            tokens = [self._stem(text) for text, _ in self._units]
            self._stems = [set(t) for t in tokens]
            index = bm25s.BM25()
            index.index(tokens, show_progress=False)
            self._index = index
        return self._index

    def best(self, question: str) -> Passage | None:
        """The passage that answers ``question``, or None when none covers most of its content words."""
        wanted = set(self._stem(question))
        if len(wanted) < MIN_WORDS or not self._units:
            return None
        index = self._build()
        documents, scores = index.retrieve([list(wanted)], k=min(5, len(self._units)), show_progress=False)
        for position, score in zip(documents[0], scores[0], strict=True):
            covered = wanted & self._stems[int(position)]
            if score > 0 and len(covered) >= MIN_WORDS and len(covered) >= MIN_SHARE * len(wanted):
                text, source = self._units[int(position)]
                return Passage(text=text, source=source, score=float(score))
        return None

    def best_with(self, question: str, holds: Callable[[str], bool]) -> Passage | None:
        """The best-ranked passage on the question's subject whose text ``holds`` what is asked (a date, a place …)."""
        wanted = set(self._stem(question))
        if len(wanted) < MIN_WORDS or not self._units:
            return None
        index = self._build()
        documents, scores = index.retrieve([list(wanted)], k=min(10, len(self._units)), show_progress=False)
        for position, score in zip(documents[0], scores[0], strict=True):
            text, source = self._units[int(position)]
            covered = wanted & self._stems[int(position)]
            if score > 0 and len(covered) >= MIN_WORDS and len(covered) >= MIN_SHARE * len(wanted) and holds(text):
                return Passage(text=text, source=source, score=float(score))
        return None


def _stemmer() -> Any:
    global _STEMMER
    if _STEMMER is None:
        import Stemmer

        _STEMMER = Stemmer.Stemmer("swedish")
    return _STEMMER


def _stopwords() -> frozenset[str]:
    global _STOPWORDS
    if _STOPWORDS is None:
        from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_SWEDISH

        _STOPWORDS = frozenset(STOPWORDS_SWEDISH) | frozenset(STOPWORDS_EN)
    return _STOPWORDS


_STEMMER: Any = None
_STOPWORDS: frozenset[str] | None = None

"""The answer being written: sentences from the text catalog, the facts used, their sources.

The answer functions write into an :class:`AnswerDraft` (``q.draft``); ``build`` makes the result."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from bot.answering.intents import Intent
from bot.answering.model import ConversationContext, Fact, Reply, Source
from bot.knowledge import KnowledgeBase
from bot.knowledge.models import BudgetLine, Column, SourceRef
from bot.knowledge.money import MoneyUnit, format_sek
from bot.texts import Lang, format_date, month_name, t, t_count

# How an answer that settles a yes/no question begins ("Nej, inte enligt kriterierna …").
_YES_OR_NO = ("Ja,", "Nej,", "Yes,", "No,")


class AnswerDraft:
    def __init__(self, knowledge: KnowledgeBase, lang: Lang, unit: MoneyUnit = "auto") -> None:
        self.knowledge = knowledge
        self.lang: Lang = lang
        self.unit: MoneyUnit = unit
        self._sentences: list[str] = []
        self._facts: list[Fact] = []
        self._sources: list[SourceRef] = []
        self.answered = True
        self.checked = False

    # --- collecting -------------------------------------------------------
    def say(self, key: str, /, **values: object) -> None:
        self._sentences.append(t(self.lang, key, **values))
        if key in ("check.yes", "check.no") or self._sentences[-1].startswith(_YES_OR_NO):
            self.checked = True  # a yes/no question was answered yes or no

    def has_sentences(self) -> bool:
        return bool(self._sentences)

    def said(self) -> str:
        """The sentences so far, without the source line."""
        return " ".join(self._sentences)

    def restart(self) -> None:
        """Drop what was said: a better answer replaces it."""
        self._sentences, self._facts, self._sources, self.answered = [], [], [], True

    def not_found_first(self, key: str, /, **values: object) -> None:
        """The documents do not give what was asked: say so before what they do say."""
        self.answered = False
        self._sentences.insert(0, t(self.lang, key, **values))

    def lead(self, key: str, /, **values: object) -> None:
        """A sentence that frames the whole answer (which year it is for), said before the rest."""
        self._sentences.insert(0, t(self.lang, key, **values))

    def text(self, key: str, /, **values: object) -> str:
        """A piece of text for a list or a sentence, not added on its own."""
        return t(self.lang, key, **values)

    def fact(self, path: str, value: str | int | None, source: SourceRef) -> None:
        self._facts.append(Fact(path=path, value=value))
        if source not in self._sources:
            self._sources.append(source)

    def not_found(self, key: str, /, **values: object) -> None:
        """The documents do not answer this: say so; the answer counts as unanswered."""
        self.answered = False
        self.say(key, **values)

    # --- formatting helpers ------------------------------------------------
    def direction(self, delta: int) -> str:
        """ "en ökning med" / "en minskning med" / "oförändrat," for a change of ``delta``."""
        return self.text("budget.up" if delta > 0 else "budget.down") if delta else self.text("budget.same")

    def money(self, amount: int) -> str:
        return format_sek(amount, self.lang, self.unit)

    def percent(self, part: int, whole: int, signed: bool = False) -> str:
        """``part`` of ``whole`` in per cent: whole numbers from 10 up ("43"), one decimal below ("2,9")
        where rounding to a whole number would hide most of a small figure, and wherever one decimal is
        exact ("12,5": rounding a half either way would misstate it); exact values stay whole ("25").
        Decimals round half up, as people round, not as binary floats do."""
        value = Decimal(100 * part) / Decimal(whole)
        rounded = abs(value).quantize(Decimal(1), ROUND_HALF_UP)
        tenths = abs(value).quantize(Decimal("0.1"), ROUND_HALF_UP)
        small = tenths != rounded and (abs(value) < 10 or tenths == abs(value))
        text = str(tenths).replace(".", self.text("fmt.decimal_point")) if small else str(rounded)
        if text == "0":
            return text
        return ("−" if value < 0 else "+" if signed else "") + text

    def month(self, number: int) -> str:
        return month_name(number, self.lang)

    def date(self, day: date) -> str:
        return format_date(day, self.lang)

    def days(self, count: int) -> str:
        """ "1 dag" / "3 dagar"."""
        return t_count(self.lang, "fmt.days", count)

    def join(self, items: Sequence[str], conjunction: str = "fmt.and") -> str:
        items = list(items)
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + t(self.lang, conjunction) + items[-1]

    def column(self, column: Column) -> str:
        return t(self.lang, f"column.{column.kind}", year=column.year)

    def line(self, line: BudgetLine) -> str:
        if self.lang == "en" and line.name_en.casefold() != line.name.casefold():
            return f"{line.name} ({line.name_en})"
        return line.name

    # --- result -------------------------------------------------------------
    def build(self, intent: Intent, context: ConversationContext) -> Reply:
        text = " ".join(self._sentences) + "\n" + self._source_line()
        sources = [
            Source(document=ref.document, title=self.knowledge.document_title(ref), section=ref.section)
            for ref in self._sources
        ]
        return Reply(
            texts=[text],
            lang=self.lang,
            intent=intent,
            facts=self._facts,
            sources=sources,
            context=context,
            answered=self.answered,
        )

    def _source_line(self) -> str:
        if not self._sources:
            titles = [doc.title for doc in self.knowledge.documents.values()]
            # Help cites what the bot knows; an unanswered question says its sources had no answer.
            return t(self.lang, "source.about" if self.answered else "source.none", documents=self.join(titles))
        by_document: dict[str, list[str]] = {}
        for ref in self._sources:
            by_document.setdefault(ref.document, []).append(ref.section)
        parts = [
            t(
                self.lang,
                "source.part",
                title=self.knowledge.documents[doc].title,
                sections=", ".join(t(self.lang, "fmt.quote", text=section) for section in _unique(sections)),
            )
            for doc, sections in by_document.items()
        ]
        key = "source.one" if len(self._sources) == 1 else "source.many"
        return t(self.lang, key, parts="; ".join(parts))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))

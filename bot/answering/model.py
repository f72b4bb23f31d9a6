"""The answering core's public types: what goes in and what comes out."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from bot.texts import Lang


class Source(BaseModel):
    model_config = ConfigDict(frozen=True)

    document: str
    title: str
    section: str


class Fact(BaseModel):
    """One fact an answer used: a dotted path into the knowledge data and its value."""

    model_config = ConfigDict(frozen=True)

    path: str
    value: str | int | None


class ConversationContext(BaseModel):
    """What a follow-up ("och 2024?", "why?") may lean on. JSON-serialisable for storage."""

    intent: str | None = None
    years: list[int] = Field(default_factory=list)
    lines: list[str] = Field(default_factory=list)
    columns: list[str] = Field(default_factory=list)
    winner_year: int | None = None
    lang: Lang = "sv"
    tokens: list[str] = Field(default_factory=list)  # the previous question, normalised


class Answer(BaseModel):
    text: str
    lang: Lang
    intent: str
    facts: list[Fact] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    context: ConversationContext = Field(default_factory=ConversationContext)
    answered: bool = True
    # The question as read (topic, subjects, years, columns, operation, answer type, inherited slots)
    # and the rule that decided the answer: a wrong answer can be explained from ``ask --json``.
    frame: dict[str, object] = Field(default_factory=dict)
    rule: str = ""

    def to_json_dict(self) -> dict[str, object]:
        data = reply_json(self.text, self.intent, self.lang, self.answered, self.facts, self.sources)
        return {**data, "frame": self.frame, "rule": self.rule}


def reply_json(
    text: str, intent: str, lang: str, answered: bool, facts: list[Fact], sources: list[Source]
) -> dict[str, object]:
    """The JSON shape scripts read from ``ask --json`` and ``chat --json``, for answers and dialog replies."""
    return {
        "answer": text,
        "intent": intent,
        "lang": lang,
        "answered": answered,
        "facts": [fact.model_dump() for fact in facts],
        "sources": [source.model_dump() for source in sources],
    }

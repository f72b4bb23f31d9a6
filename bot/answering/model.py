"""The answering core's public types: what goes in and what comes out (the one :class:`Reply` the
conversation router passes on to the platforms too)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from bot.answering.intents import Intent
from bot.nominations.dialog import DialogOutcome
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

    intent: Intent | None = None
    years: list[int] = Field(default_factory=list)
    lines: list[str] = Field(default_factory=list)
    columns: list[str] = Field(default_factory=list)
    winner_year: int | None = None
    lang: Lang = "sv"
    tokens: list[str] = Field(default_factory=list)  # the previous question, normalised


class Reply(BaseModel):
    """What the bot says back to one message, from the answerer to every platform: the answer to a
    question, or the conversation router's reply to a dialog step. ``texts`` are separate chat
    messages (an answer in the middle of a nomination is followed by the dialog's question)."""

    texts: list[str]
    lang: Lang
    intent: Intent
    answered: bool = True
    facts: list[Fact] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    # Set by the answerer: what a follow-up may lean on (pass it back in with the next question).
    context: ConversationContext | None = None
    # The question as read (topic, subjects, years, columns, operation, answer type, inherited slots)
    # and the rule that decided the answer: a wrong answer can be explained from ``ask --json``.
    frame: dict[str, object] = Field(default_factory=dict)
    rule: str = ""
    # Set by the router for a step of the nomination dialog: what the step did and the nomination it
    # saved, submitted, edited or withdrawn, for platform side effects.
    dialog_outcome: DialogOutcome | None = None
    nomination_id: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.texts)

    def to_json_dict(self, *, explained: bool = True) -> dict[str, object]:
        """The JSON shape scripts read: ``ask --json`` with the explanation (frame and rule),
        ``chat --json`` without it (``explained=False``), as it has always been."""
        data: dict[str, object] = {
            "answer": self.text,
            "intent": self.intent.value,
            "lang": self.lang,
            "answered": self.answered,
            "facts": [fact.model_dump() for fact in self.facts],
            "sources": [source.model_dump() for source in self.sources],
        }
        return {**data, "frame": self.frame, "rule": self.rule} if explained else data

"""Why a document is not imported, and what the reader should know about one that is.

Both carry a text key (``bot/texts/<lang>/cli.py``) and its values, so the command line can
say it in the reader's language; the parsers themselves never choose a language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.texts import t


class ImportRefused(Exception):
    """The document cannot be imported as it is (unreadable, of no known kind, a table without figures)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, params)
        self.key = key
        self.params = params

    def text(self, lang: str = "sv") -> str:
        return t(lang, self.key, **self.params)


@dataclass(frozen=True)
class ImportNote:
    """Something the document says that the reader should check (kept as the document says it)."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str = "sv") -> str:
        return t(lang, self.key, **self.params)

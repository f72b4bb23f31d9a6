"""Why a document cannot be imported, as a text key the CLI renders in the reader's language."""

from __future__ import annotations


class ImportRefused(Exception):
    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

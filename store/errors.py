"""Store errors. Each carries a text key and its values, so the user reads it in their language.

``str(error)`` is the Swedish text (the bot's main language); :meth:`StoreError.text`
gives another language. The messages name the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from bot.ports import StoreUnavailable
from bot.texts import os_reason, t
from bot.validation import describe

M = TypeVar("M", bound=BaseModel)


class StoreError(Exception):
    """The database cannot be used."""

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.text("sv"))

    def text(self, lang: str = "sv") -> str:
        return t(lang, self.key, **self.values)


class StoreUnavailableError(StoreError, StoreUnavailable):
    """The database cannot be reached right now (it refused, lost or did not give a connection in
    time, or the circuit is open after such a failure); nothing was written."""


class StoreCorruptError(StoreError):
    """The file is not a readable Trygghetsbot database; it is never overwritten."""


class SchemaVersionError(StoreError):
    """The file was written by an incompatible version of Trygghetsbot."""


class StoreLockedError(StoreError):
    """Another process is writing the database right now and did not finish in time."""


def os_error(key: str, path: Path, error: OSError) -> StoreError:
    """An operating-system failure on ``path`` as a store error (``cannot_read``/``cannot_write``/``cannot_lock``)."""
    return StoreError(key, path=path, reason=os_reason(error))


def parse_record(model: type[M], doc: object, path: Path, table: str) -> M:
    """A stored document as ``model``; a document that fails validation names its file."""
    try:
        return model.model_validate(doc)
    except ValidationError as error:
        raise StoreCorruptError("store.bad_record", path=path, table=table, detail=describe(error)) from None

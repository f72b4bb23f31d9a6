"""Pydantic's validation errors in the user's language.

Pydantic writes English ("Field required", "Input should be a valid dictionary");
these functions translate an error by its ``type`` through the text catalog
(``pydantic.<type>`` in ``bot/texts/<lang>/validation.py``) and name the field
by its path (``nominator.email``, ``partners[1]``).
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from bot.texts import CATALOGS, t


def field_path(loc: Sequence[int | str]) -> str:
    """``("partners", 1)`` as ``partners[1]``, ``("nominator", "email")`` as ``nominator.email``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def validation_message(item: ErrorDetails, lang: str = "sv") -> str:
    """What is wrong with the value, without the field (for example "ska vara text")."""
    kind = item["type"]
    key = f"pydantic.{kind}"
    if key not in CATALOGS["sv"]:
        key = "pydantic.other"
    values = {name: str(value) for name, value in (item.get("ctx") or {}).items()}
    if "expected" in values:  # pydantic joins the choices with an English "or"
        values["expected"] = values["expected"].replace(" or ", f" {t(lang, 'pydantic.or')} ")
    try:
        return t(lang, key, **values)
    except (KeyError, IndexError):
        return t(lang, "pydantic.other")


def describe(error: ValidationError, lang: str = "sv", limit: int = 3) -> str:
    """The first few errors as "fältet PATH: MESSAGE", joined by semicolons."""
    parts = [
        t(lang, "pydantic.field", path=field_path(item["loc"]) or "?", message=validation_message(item, lang))
        for item in error.errors()[:limit]
    ]
    return "; ".join(parts)

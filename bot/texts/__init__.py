"""Every sentence a user reads, per language.

Texts live in ``bot/texts/<lang>/<area>.py`` as ``TEXTS`` dicts of
``str.format`` templates; this module merges them into one catalog per language.
An English text that is missing falls back to Swedish, the bot's main language.
"""

from __future__ import annotations

import errno
from datetime import date
from importlib import import_module
from typing import Literal

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")
AREAS = ("answers", "nominations", "jury", "forms", "slack", "teams", "cli", "store", "validation")


def _catalog(lang: Lang) -> dict[str, str]:
    merged: dict[str, str] = {}
    for area in AREAS:
        try:
            module = import_module(f"bot.texts.{lang}.{area}")
        except ModuleNotFoundError:
            continue
        texts: dict[str, str] = module.TEXTS
        clash = merged.keys() & texts.keys()
        if clash:
            raise RuntimeError(f"text keys defined twice in {lang}: {sorted(clash)}")
        merged.update(texts)
    return merged


CATALOGS: dict[Lang, dict[str, str]] = {lang: _catalog(lang) for lang in LANGS}


def t(lang: str, key: str, /, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``values`` filled in."""
    catalog = CATALOGS["en" if lang == "en" else "sv"]
    template = catalog.get(key) or CATALOGS["sv"][key]
    return template.format(**values) if values else template


def t_count(lang: str, key: str, count: int, /, **values: object) -> str:
    """The text for ``count`` things: ``key.one`` for exactly one ("1 nominering"), else ``key.many``
    ("0 nomineringar", "3 nomineringar"), with ``count`` filled in."""
    return t(lang, f"{key}.one" if count == 1 else f"{key}.many", count=count, **values)


def quoted(text: str, lang: str) -> str:
    """``text`` in the language's quotation marks (”…” in Swedish, “…” in English)."""
    return t(lang, "fmt.quote", text=text)


def month_name(number: int, lang: str) -> str:
    return t(lang, "fmt.months").split(",")[number - 1]


def format_date(day: date, lang: str) -> str:
    """``15 juni 2023`` / ``15 June 2023``: the one way a date is written for people."""
    return t(lang, "fmt.date", day=day.day, month=month_name(day.month, lang), year=day.year)
def format_decimal(value: float, lang: str, places: int = 2) -> str:
    """``4,33`` / ``4.33``: a decimal number as people (and a Swedish Excel) read it."""
    return f"{value:.{places}f}".replace(".", t(lang, "fmt.decimal_point"))


def os_reason(error: OSError, lang: str = "sv") -> str:
    """Why a file operation failed, in the user's language (the OS's own text is English)."""
    name = errno.errorcode.get(error.errno or 0, "")
    key = f"os.{name}"
    if name and key in CATALOGS["sv"]:
        return t(lang, key)
    return t(lang, "os.other", number=error.errno if error.errno is not None else "?")

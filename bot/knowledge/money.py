"""Swedish rendering of amounts stored as integer kronor: "2 mkr", "0,7 mkr", "50 000 kr"."""

from __future__ import annotations

from typing import Literal

MILLION = 1_000_000
_NBSP = "\u00a0"


def group_thousands(value: int, sep: str = " ") -> str:
    return f"{value:,}".replace(",", sep)


MoneyUnit = Literal["auto", "tkr", "kr"]


def format_sek(amount: int, lang: str = "sv", unit: MoneyUnit = "auto") -> str:
    """Millions as "x,y mkr" (Swedish) or "SEK x.y million" (English); smaller sums in full.

    ``unit`` is the reader's wish: "tkr" gives thousands ("700 tkr"), "kr" whole kronor.
    """
    if unit == "tkr" and amount % 1000 == 0:
        thousands = amount // 1000
        return (
            f"SEK {group_thousands(thousands, ',')} thousand" if lang == "en" else f"{group_thousands(thousands)} tkr"
        )
    if unit == "kr" or (unit == "tkr" and amount % 1000):
        return f"SEK {group_thousands(amount, ',')}" if lang == "en" else f"{group_thousands(amount)} kr"
    if lang == "en":
        if amount and amount % 100_000 == 0 and abs(amount) >= 100_000:
            millions = amount / MILLION
            return f"SEK {millions:g} million"
        return f"SEK {group_thousands(amount, ',')}"
    if amount and amount % 100_000 == 0 and abs(amount) >= 100_000:
        millions = amount / MILLION
        return f"{millions:g}".replace(".", ",") + " mkr"
    return f"{group_thousands(amount)} kr"

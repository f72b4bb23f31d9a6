"""Swedish rendering of amounts stored as integer kronor: "2 mkr", "0,7 mkr", "50 000 kr"."""

from __future__ import annotations

MILLION = 1_000_000
_NBSP = "\u00a0"


def group_thousands(value: int, sep: str = " ") -> str:
    return f"{value:,}".replace(",", sep)


def format_sek(amount: int, lang: str = "sv") -> str:
    """Millions as "x,y mkr" (Swedish) or "SEK x.y million" (English); smaller sums in full."""
    if lang == "en":
        if amount and amount % 100_000 == 0 and abs(amount) >= 100_000:
            millions = amount / MILLION
            return f"SEK {millions:g} million"
        return f"SEK {group_thousands(amount, ',')}"
    if amount and amount % 100_000 == 0 and abs(amount) >= 100_000:
        millions = amount / MILLION
        return f"{millions:g}".replace(".", ",") + " mkr"
    return f"{group_thousands(amount)} kr"

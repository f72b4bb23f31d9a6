"""Amounts and dates as the decision documents write them, to integer kronor and dates."""

from __future__ import annotations

import re
from datetime import date

UNITS = {"mkr": 1_000_000, "miljoner kronor": 1_000_000, "miljoner": 1_000_000, "tkr": 1_000, "kr": 1, "kronor": 1}
WORD_NUMBERS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
}  # fmt: skip
_MONTH_NAMES = "januari februari mars april maj juni juli augusti september oktober november december"
MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES.split(), start=1)}
_NUMBER = r"(?:\d{1,3}(?:[  ]\d{3})+|\d+(?:,\d+)?|" + "|".join(WORD_NUMBERS) + r")"
_UNIT = r"(?:miljoner kronor|miljoner|mkr|tkr|kronor|kr)"
AMOUNT = re.compile(rf"(?<![\w,])({_NUMBER})\s*,?\s*({_UNIT})\b", re.IGNORECASE)
# One table cell at the end of a row: "1,4 mkr", "0,6, mkr", "100 000 kr", "0", or a dash for no figure.
CELL_AT_END = re.compile(rf"(?:({_NUMBER})\s*,?\s*({_UNIT})?|([-–—]))\s*$", re.IGNORECASE)
DAY_MONTH = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")(?:\s+(\d{4}))?", re.IGNORECASE)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def number(text: str) -> float:
    word = WORD_NUMBERS.get(text.casefold())
    if word is not None:
        return word
    return float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))


def to_sek(value: str, unit: str | None, default_unit: str = "kr") -> int:
    return round(number(value) * UNITS[(unit or default_unit).casefold()])


def amounts_in(text: str) -> list[int]:
    """Every amount with a unit in ``text``, in order ("fem miljoner kronor" -> 5 000 000)."""
    return [to_sek(m.group(1), m.group(2)) for m in AMOUNT.finditer(text)]


def day_month(text: str, year: int) -> list[date]:
    found = []
    for match in DAY_MONTH.finditer(text):
        try:
            found.append(date(int(match.group(3) or year), MONTHS[match.group(2).casefold()], int(match.group(1))))
        except ValueError:
            continue
    return found


def latest_date(text: str, year: int) -> date | None:
    """The document's own date: the latest ISO date it gives, else its latest written date of ``year``."""
    iso = []
    for match in ISO_DATE.finditer(text):
        try:
            iso.append(date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
        except ValueError:
            continue
    written = [d for d in day_month(text, year) if d.year in (year, year - 1)]
    return max(iso or written, default=None)

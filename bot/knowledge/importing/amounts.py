"""Sums of money as Swedish decision documents write them, to integer kronor.

"2 mkr", "0,6, mkr" (a stray comma from the table), "1,4 mkr", "700 tkr", "100 000 kr",
"2 miljoner kronor", "fem miljoner kronor"; a bare "0" in a table is a real zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

NUMBER_WORDS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
    "tio": 10, "elva": 11, "tolv": 12, "femton": 15, "tjugo": 20,
}  # fmt: skip
_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_UNITS = {"mkr": 1_000_000, "miljon": 1_000_000, "miljoner": 1_000_000, "tkr": 1000, "tusen": 1000}
# Digits grouped by spaces ("100 000") or with a decimal comma ("0,7"); never glued to a digit before.
_NUMBER = rf"(?<![\d,])(?:\d{{1,3}}(?:[ \u00a0]\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d])|\b(?:{_WORD})\b"
_UNIT = r"(?:mkr|tkr|miljon(?:er)?\s+(?:kronor|kr)|tusen\s+(?:kronor|kr)|kronor|kr)(?![a-zåäö])"
AMOUNT = re.compile(rf"(?P<number>{_NUMBER})\s*,?\s*(?P<unit>{_UNIT})", re.IGNORECASE)
# One table cell: a sum, a bare zero, or a dash for "no figure".
_CELL = re.compile(rf"(?:^|\s)(?P<cell>(?:{_NUMBER})\s*,?\s*{_UNIT}|0|[–—-])\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    sek: int
    text: str
    start: int
    end: int


def to_sek(number: str, unit: str) -> int:
    word = number.casefold()
    if word in NUMBER_WORDS:
        value = Decimal(NUMBER_WORDS[word])
    else:
        try:
            value = Decimal(re.sub(r"[ \u00a0]", "", number).replace(",", "."))
        except InvalidOperation as error:
            raise ValueError(number) from error
    factor = _UNITS.get(unit.casefold().split()[0], 1)
    return int(value * factor)


def amounts_in(text: str) -> list[Amount]:
    """Every sum of money in ``text``, in order."""
    return [
        Amount(to_sek(m.group("number"), m.group("unit")), m.group(0), m.start(), m.end())
        for m in AMOUNT.finditer(text)
    ]


def parse_amount(text: str) -> int | None:
    """The one sum ``text`` is ("0" is 0); None when it is no sum."""
    text = text.strip()
    if text == "0":
        return 0
    match = AMOUNT.fullmatch(text)
    return to_sek(match.group("number"), match.group("unit")) if match else None


def split_row(line: str) -> tuple[str, list[int | None]]:
    """A table row as its name and its cells, left to right (a dash is a cell without a figure)."""
    cells: list[int | None] = []
    rest = line.strip()
    while True:
        match = _CELL.search(rest)
        if match is None:
            break
        cell = match.group("cell")
        cells.insert(0, None if cell in "–—-" else parse_amount(cell))
        rest = rest[: match.start()].rstrip()
    return rest, cells

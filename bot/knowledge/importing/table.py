"""The allocation table of a Trygghetspaketet decision, read from its text lines.

In the extracted text the header is broken across lines ("Trygghetspaketet Förslag / 2025 /
Utfall / 2024 Budget 2024"), each row is a name followed by one cell per column ("0" is a real
zero, a dash a missing figure) and the SUMMA row may wrap its last cells onto the next line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.importing.amounts import split_row
from bot.knowledge.importing.common import ParsedText
from bot.knowledge.importing.errors import ImportRefused
from bot.knowledge.importing.sections import Block
from bot.knowledge.models import Column, ColumnKind

KINDS: dict[str, ColumnKind] = {"förslag": "forslag", "utfall": "utfall", "budget": "budget"}
_COLUMN = re.compile(r"\b(Förslag|Utfall|Budget)\s+(\d{4})\b", re.IGNORECASE)
_TOTAL = re.compile(r"^(?:summa|totalt|total|sammanlagt)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Row:
    name: str
    cells: dict[str, int]  # column key -> figure; a column without a figure is absent


@dataclass(frozen=True)
class Table:
    heading: str
    columns: list[Column]
    rows: list[Row]
    totals: dict[str, int]


def _is_header_line(line: str, package: str) -> bool:
    words = [word for word in line.split() if word]
    allowed = {package.casefold(), "belopp", "kr", "tkr", "mkr", "(kr)", "(tkr)", "(mkr)", *KINDS}
    return bool(words) and all(word.casefold() in allowed or re.fullmatch(r"\d{4}", word) for word in words)


def _table_block(parsed: ParsedText) -> Block | None:
    block = parsed.block("förslag till fördelning", "fördelning")
    if block is not None:
        return block
    return next((b for b in parsed.blocks if any(_TOTAL.match(line) for line in b.lines)), None)


def find_table(parsed: ParsedText, package: str) -> Table:
    """The table, or :class:`ImportRefused` when the document has none that can be read."""
    block = _table_block(parsed)
    if block is None:
        raise ImportRefused("cli.import.budget.no_table", title=parsed.title)
    lines = [line for line in block.lines if line]
    start = next((i for i, line in enumerate(lines) if _is_header_line(line, package) and _names_a_kind(line)), None)
    if start is None:
        raise ImportRefused("cli.import.budget.no_columns", title=parsed.title)
    end = start
    while end < len(lines) and _is_header_line(lines[end], package):
        end += 1
    columns = [
        Column(
            key=f"{KINDS[kind.casefold()]}_{year}", kind=KINDS[kind.casefold()], year=int(year), label=f"{kind} {year}"
        )
        for kind, year in _COLUMN.findall(" ".join(lines[start:end]))
    ]
    if not columns or len({c.key for c in columns}) != len(columns):
        raise ImportRefused("cli.import.budget.no_columns", title=parsed.title)
    rows, totals = _rows(parsed, lines[end:], columns)
    if not rows:
        raise ImportRefused("cli.import.budget.no_rows", title=parsed.title)
    return Table(heading=block.heading, columns=columns, rows=rows, totals=totals)


def _names_a_kind(line: str) -> bool:
    return any(word.casefold() in KINDS for word in line.split())


def _rows(parsed: ParsedText, lines: list[str], columns: list[Column]) -> tuple[list[Row], dict[str, int]]:
    rows: list[Row] = []
    totals: dict[str, int] = {}
    pending = ""  # a row name wrapped onto the next line
    index = 0
    while index < len(lines):
        line = f"{pending} {lines[index]}".strip() if pending else lines[index]
        pending = ""
        index += 1
        name, cells = split_row(line)
        if _TOTAL.match(name):
            # The total's last cells may wrap onto lines of their own.
            while len(cells) < len(columns) and index < len(lines) and not split_row(lines[index])[0]:
                cells += split_row(lines[index])[1]
                index += 1
            totals = _cells(parsed, name, cells, columns)
            break
        if not cells:
            if index < len(lines) and lines[index][:1].islower():
                pending = line
                continue
            raise ImportRefused("cli.import.budget.row_without_figures", title=parsed.title, row=name)
        if not name:
            raise ImportRefused("cli.import.budget.row_without_name", title=parsed.title)
        rows.append(Row(name=name, cells=_cells(parsed, name, cells, columns)))
    else:
        parsed.note("cli.import.note.no_total", title=parsed.title)
    return rows, totals


def _cells(parsed: ParsedText, name: str, cells: list[int | None], columns: list[Column]) -> dict[str, int]:
    if len(cells) > len(columns):
        raise ImportRefused("cli.import.budget.too_many_figures", title=parsed.title, row=name, columns=len(columns))
    if len(cells) < len(columns):
        # An empty cell leaves no trace in the text; the figures are read from the left (the first
        # column is the proposal, the one a new line has), and the reader is told to check.
        parsed.note("cli.import.note.short_row", row=name, count=len(cells), columns=len(columns))
    return {column.key: cell for column, cell in zip(columns, cells, strict=False) if cell is not None}

"""Split a decision document's text into headed sections, joining its PDF line breaks.

A heading is a short line that starts with a capital letter, does not end like a
sentence, stands after a finished sentence or a blank line, and is followed by a line
that starts a new sentence (a capital letter or a digit), not by the rest of a
paragraph. Table header lines and amount rows are not headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_AMOUNT = re.compile(r"\d+(?:,\d+)?\s*,?\s*(?:mkr|tkr|kr)\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^[\d\s]+$")
_SENTENCE_END = (".", ":", "!", "?", ")")
_ENDS_WITH_AMOUNT = re.compile(r"(?:\d+(?:,\d+)?\s*,?\s*(?:mkr|tkr|kr)|(?<![\d,])0)\s*$", re.IGNORECASE)
# A line ending in one of these continues on the next line: it is not a heading.
_CONTINUES = frozenset(
    [
        "mellan",
        "och",
        "i",
        "på",
        "för",
        "av",
        "till",
        "med",
        "som",
        "att",
        "om",
        "eller",
        "samt",
        "den",
        "det",
        "de",
        "en",
        "ett",
    ]
)


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...]  # the section's lines as extracted (tables keep their rows)

    @property
    def text(self) -> str:
        return join_lines(self.lines)


def join_lines(lines: tuple[str, ...] | list[str]) -> str:
    """Paragraph text: line breaks become spaces, a word broken with a hyphen is joined again."""
    text = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        broken_word = text.endswith("-") and line[:1].islower()
        text = text[:-1] + line if broken_word else f"{text} {line}" if text else line
    return text


def split_sections(text: str) -> list[Section]:
    lines = text.replace("\r\n", "\n").replace("\f", "\n").split("\n")
    sections: list[Section] = []
    heading = ""
    body: list[str] = []
    for index, raw in enumerate(lines):
        if _is_heading(lines, index):
            if heading or any(x.strip() for x in body):
                sections.append(Section(heading, tuple(body)))
            heading, body = " ".join(raw.split()), []
        else:
            body.append(raw)
    sections.append(Section(heading, tuple(body)))
    return [s for s in sections if s.heading or s.text]


def _neighbour(lines: list[str], index: int, step: int) -> tuple[str, bool]:
    """The nearest non-blank line before/after ``index`` and whether a blank line came between."""
    blank = False
    index += step
    while 0 <= index < len(lines):
        line = lines[index].strip()
        if line:
            return line, blank
        blank = True
        index += step
    return "", True


def _is_heading(lines: list[str], index: int) -> bool:
    line = " ".join(lines[index].split())
    if not line or len(line) > 80 or len(line.split()) > 10 or not line[0].isupper():
        return False
    if line.endswith((*_SENTENCE_END, ",", ";", "-", '"', "”")) or ", " in line or line.startswith("SUMMA"):
        return False
    table_row = len(_AMOUNT.findall(line)) >= 2 or line.endswith(("–", "—"))
    if table_row or _ENDS_WITH_AMOUNT.search(line) or line.split()[-1].casefold() in _CONTINUES:
        return False
    before, blank_before = _neighbour(lines, index, -1)
    after, _ = _neighbour(lines, index, 1)
    finished = before.endswith(_SENTENCE_END) or bool(_ENDS_WITH_AMOUNT.search(before))  # a sentence or a table row
    if (before and not blank_before and not finished) or _YEAR_ONLY.match(before):
        return False  # the middle of a paragraph, or of a table header broken over lines
    if not after or not (after[0].isupper() or after[0].isdigit()):
        return False
    return not _YEAR_ONLY.match(after)  # a table header broken over lines ("Förslag" / "2025")

"""A document's text as headed sections, with the PDF's line breaks joined back into paragraphs.

A heading is recognised by its shape, not by a list of strings: a short line that starts with a
capital letter, has no final punctuation, is not a table row, follows a paragraph's end (or a
blank line) and is followed by body text. The headings these decisions usually have are a hint
on top (they count as headings even where the shape test is unsure, e.g. "Ärendet" followed
directly by "Bakgrund").
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from bot.knowledge.models import DocumentSection

# One headed part of a document (the model the imported document stores).
Section = DocumentSection

# The usual headings of a Swedish municipal decision document, numbers written as "#".
KNOWN_HEADINGS = frozenset(
    {
        "förslag till beslut",
        "förvaltningens förslag till beslut",
        "sammanfattning",
        "sammanfattning av ärendet",
        "ärendet",
        "bakgrund",
        "ärendets beredning",
        "förvaltningens synpunkter och förslag",
        "förvaltningens synpunkter",
        "ekonomiska konsekvenser",
        "konsekvenser för barn",
        "handlingar i ärendet",
        "beslutsunderlag",
        "bilagor",
        "trygghetspaketet #",
        "trygghetspriset #",
        "förslag till fördelning av trygghetspaketets # mkr för #",
        "förslag till fördelning av trygghetspaketets # miljoner kronor för #",
    }
)
BULLETS = ("\uf0b7", "•", "●", "▪", "◦", "– ", "- ", "* ")
# A figure with its unit at the end of a line: the line is a table row, not a heading.
_ENDS_WITH_AMOUNT = re.compile(r"(?:\d[\d ,]*\s*(?:mkr|tkr|kr|kronor)|\s0)\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][”\"]?\s*$")
# Words after a line-end hyphen that show the hyphen is a real one ("Stabs- och säkerhetsdirektör").
_KEEP_HYPHEN_BEFORE = {"och", "eller", "samt", "som", "till"}


@dataclass(frozen=True)
class Block:
    """A section as lines (what the table and list readers need) and as joined text."""

    heading: str
    lines: tuple[str, ...]
    width: int | None = None  # the document's full line length, to tell where a paragraph ends

    @property
    def text(self) -> str:
        return join_lines(self.lines, self.width)

    def section(self) -> Section:
        return Section(heading=self.heading, text=self.text)


def heading_key(line: str) -> str:
    """A heading compared regardless of case, spacing and the numbers in it."""
    words = re.sub(r"\d+(?:[ ,.]\d+)*", "#", line.casefold())
    return " ".join(words.split())


# A page number on a line of its own ("2 (4)", "Sida 2 av 4") interrupts a paragraph at a page break.
_PAGE_NUMBER = re.compile(r"^(?:Sida\s+)?\d{1,3}\s*(?:\(\d{1,3}\)|av\s+\d{1,3})$", re.IGNORECASE)


def clean_lines(text: str) -> list[str]:
    """The text's lines, stripped, with no-break spaces and form feeds as plain spaces, page numbers left out."""
    text = text.replace("\u00a0", " ").replace("\f", "\n").replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip() for line in text.split("\n") if not _PAGE_NUMBER.match(line.strip())]


def document_title(lines: list[str]) -> str:
    return next((line for line in lines if line), "")


def split_blocks(text: str) -> tuple[str, list[Block]]:
    """The document's title and its sections; what precedes the first heading is headed by the title."""
    lines = clean_lines(text)
    title = document_title(lines)
    width = _body_width(lines)
    blocks: list[Block] = []
    heading, body = title, list[str]()
    seen_title = False
    for index, line in enumerate(lines):
        if not seen_title:
            seen_title = line == title
            continue
        # The title is sometimes repeated on the first page (a page header); that is no new section.
        if line == title and not blocks:
            continue
        if _is_heading(lines, index, width):
            blocks.append(Block(heading, tuple(body), width))
            heading, body = line, []
        else:
            body.append(line)
    blocks.append(Block(heading, tuple(body), width))
    return title, [block for block in blocks if block.heading != title or _has_text(block.lines, title)]


def split_sections(text: str) -> list[Section]:
    """The document's headed sections with their paragraphs joined (a heading with no text of its own,
    like "Ärendet" directly over "Bakgrund", is left out)."""
    return [block.section() for block in split_blocks(text)[1] if block.text]


def _has_text(lines: Iterable[str], title: str) -> bool:
    return any(line and line != title for line in lines)


def _body_width(lines: list[str]) -> int:
    """How long a full line of body text is in this document (PDF text wraps at a fixed width)."""
    lengths = sorted(len(line) for line in lines if len(line) > 20)
    if not lengths:
        return 80
    return int(statistics.quantiles(lengths, n=4)[2]) if len(lengths) > 1 else lengths[0]


def _is_heading(lines: list[str], index: int, width: int) -> bool:
    line = lines[index]
    if not line or not (line[0].isupper() and line[0].isalpha()):
        return False
    if line.endswith((".", ",", ":", ";", "!", "?", "-")) or _ENDS_WITH_AMOUNT.search(line):
        return False
    if heading_key(line) in KNOWN_HEADINGS:
        return True
    if ":" in line or len(line.split()) > 10 or len(line) > 0.8 * width:
        return False
    previous = lines[index - 1] if index else ""
    follows_paragraph = not previous or (_SENTENCE_END.search(previous) is not None and not is_bullet(previous))
    return follows_paragraph and _followed_by_body(lines, index)


_SENTENCE_INSIDE = re.compile(r"[.!?](?:\s+[A-ZÅÄÖ0-9]|\s*$)")


def _followed_by_body(lines: list[str], index: int, look: int = 6) -> bool:
    """Do the next lines (up to a blank line) read as prose, i.e. contain a sentence's end?

    Labels such as "Attesterat av", a signature's name or a table's header are followed by more
    short lines without one.
    """
    seen = 0
    for line in lines[index + 1 :]:
        if not line:
            if seen:
                break
            continue
        if heading_key(line) in KNOWN_HEADINGS:
            break
        if _SENTENCE_INSIDE.search(line):
            return True
        seen += 1
        if seen >= look:
            break
    return False


def is_bullet(line: str) -> bool:
    return line.startswith(BULLETS)


def strip_bullet(line: str) -> str:
    for bullet in BULLETS:
        if line.startswith(bullet):
            return line[len(bullet) :].strip()
    return line


def join_pair(left: str, right: str) -> str:
    """Two lines of one paragraph as the author wrote them (PDF line breaks undone)."""
    if not left:
        return right
    if not right:
        return left
    first_word = right.split()[0]
    if left.endswith("-") and right[0].islower() and first_word not in _KEEP_HYPHEN_BEFORE:
        return left[:-1] + right  # "civilsamhälles-" + "organisationer": a word broken by the line end
    if left.endswith("/"):
        return left + right  # "verksamheter/" + "organisationer"
    return f"{left} {right}"


def join_lines(lines: Iterable[str], width: int | None = None) -> str:
    """Paragraphs each on one line; list items and table rows keep their own line.

    A paragraph ends at a blank line, or (pypdf gives no blank lines) after a sentence's end on a
    line clearly shorter than the document's full ``width``.
    """
    paragraphs: list[str] = []
    current = ""
    for line in drop_footnotes(list(lines)):
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
        elif current.startswith("• ") and line[0].isupper() and not is_bullet(line):
            paragraphs.append(current)  # a list item goes on in lower case; a capital starts something new
            current = line
        elif is_bullet(line):
            if current:
                paragraphs.append(current)
            current = "• " + strip_bullet(line)
        elif _ENDS_WITH_AMOUNT.search(line) and current and _ENDS_WITH_AMOUNT.search(current):
            paragraphs.append(current)  # table rows stay rows
            current = line
        else:
            current = join_pair(current, line)
            if width and _SENTENCE_END.search(line) and len(line) < 0.7 * width:
                paragraphs.append(current)
                current = ""
    if current:
        paragraphs.append(current)
    return "\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


_FOOTNOTE = re.compile(r"^\d{1,2}\s+\S")
_FOOTNOTE_MARK = re.compile(r"(?<=[”\"a-zåäö])(\d{1,2})(?=[\s.,]|$)")


def drop_footnotes(lines: list[str]) -> list[str]:
    """Page-foot notes removed, so a paragraph broken by a page end reads as one again.

    A note is a run of lines that starts with its number after a blank line, inside a paragraph
    that has not ended; the paragraph continues on the first line that starts in lower case.
    """
    result: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        last = next((kept for kept in reversed(result) if kept), "")
        open_paragraph = bool(last) and not _SENTENCE_END.search(last) and not _ENDS_WITH_AMOUNT.search(last)
        if _FOOTNOTE.match(line) and open_paragraph and (not result or not result[-1]):
            end = index
            while end < len(lines) and not (lines[end] and lines[end][0].islower()):
                end += 1
            if end < len(lines):
                while result and not result[-1]:
                    result.pop()  # the page break's blank lines are no paragraph break
                index = end
                continue
        result.append(_FOOTNOTE_MARK.sub("", line) if "”" in line or '"' in line else line)
        index += 1
    return result


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[A-ZÅÄÖ0-9”\"•])")


def sentences(text: str) -> list[str]:
    """The text's sentences (a list item or table row counts as one)."""
    found: list[str] = []
    for paragraph in text.split("\n"):
        found += [part.strip() for part in _SENTENCE_SPLIT.split(paragraph) if part.strip()]
    return found

"""A Trygghetspaketet decision as a :class:`Budget`: its table, totals and the facts around them."""

from __future__ import annotations

import re

from bot.knowledge.importing.amounts import AMOUNT, CELL_AT_END, amounts_in, to_sek
from bot.knowledge.importing.common import Sections, sentences, slug
from bot.knowledge.importing.errors import ImportRefused
from bot.knowledge.importing.sections import Section
from bot.knowledge.models import (
    SUPPORTED_SCHEMA,
    Budget,
    BudgetLine,
    Column,
    ColumnKind,
    HistoryEntry,
    OutcomeBelowBudget,
    SourcedText,
    StatedChange,
    StatedSum,
    StateGrant,
    UnbudgetedMention,
)

_KINDS: dict[str, ColumnKind] = {"förslag": "forslag", "utfall": "utfall", "budget": "budget"}
_COLUMN = re.compile(r"\b(förslag|utfall|budget)\s+(\d{4})\b", re.IGNORECASE)
_HEADER_WORD = re.compile(r"^(?:förslag|utfall|budget|trygghetspaketet|belopp|\d{4}|mkr|tkr|kr)$", re.IGNORECASE)


def parse_budget(
    title: str, year: int, sections: Sections, known_lines: list[BudgetLine], warnings: list[str]
) -> Budget:
    table = _table_section(sections)
    columns, rows, totals = _read_table(table)
    source = sections.source(table)
    lines = [_line(name, cells, columns, sections, known_lines, warnings) for name, cells in rows]
    body = [s for s in sections.all if s is not table]
    return Budget(
        schema_version=SUPPORTED_SCHEMA,
        name="Trygghetspaketet",
        year=year,
        decided_by=_decided_by(sections, year),
        table_source=source,
        columns=columns,
        lines=lines,
        totals=totals,
        stated_sums=_stated_sums(sections, lines, columns, warnings),
        stated_changes=_stated_changes(sections, lines, columns),
        outcomes_below_budget=_outcomes(sections, columns),
        history=_history(sections, year),
        unbudgeted_mentions=_unbudgeted(sections, lines),
        state_grant=_state_grant(sections, year),
        children=_children(sections, body),
    )


def _table_section(sections: Sections) -> Section:
    for section in sections.all:
        has_table = any(line.strip().upper().startswith("SUMMA") for line in section.lines) or _COLUMN.search(
            section.text
        )
        if has_table and any(CELL_AT_END.search(line.strip()) and AMOUNT.search(line) for line in section.lines):
            return section
    raise ImportRefused("cli.knowledge.no_table")


def _read_table(section: Section) -> tuple[list[Column], list[tuple[str, list[str]]], dict[str, int]]:
    lines = [" ".join(line.split()) for line in section.lines]
    lines = [line for line in lines if line]
    header: list[str] = []
    index = 0
    while index < len(lines) and all(_HEADER_WORD.match(word) for word in lines[index].split()):
        header.append(lines[index])
        index += 1
    columns = [
        Column(
            key=f"{_KINDS[kind.casefold()]}_{year}",
            kind=_KINDS[kind.casefold()],
            year=int(year),
            label=f"{kind.capitalize()} {year}",
        )
        for kind, year in _COLUMN.findall(" ".join(header))
    ]
    if not columns or len({c.key for c in columns}) != len(columns):
        raise ImportRefused("cli.knowledge.no_table")
    rows: list[tuple[str, list[str]]] = []
    totals: dict[str, int] = {}
    pending_name = ""
    unit = _table_unit(lines[index:])
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.upper().startswith("SUMMA"):
            cells_text = line[5:]
            while index < len(lines) and not _name_part(lines[index]):  # "SUMMA 3,5 mkr 4,1 mkr" / "5,0 mkr"
                cells_text += " " + lines[index]
                index += 1
            name, cells = _cells(cells_text, len(columns))
            totals = {c.key: to_sek(*cell, default_unit=unit) for c, cell in zip(columns, cells, strict=True) if cell}
            break
        name, cells = _cells(line, len(columns))
        if not any(cells):
            pending_name = f"{pending_name} {line}".strip()  # a row's name broken over two lines
            continue
        rows.append((f"{pending_name} {name}".strip(), [f"{v} {u or unit}" if v else "" for v, u in cells]))
        pending_name = ""
    if not rows or any(sum(1 for cell in cells if cell) == 0 for _, cells in rows):
        raise ImportRefused("cli.knowledge.no_table")
    return columns, rows, totals


def _name_part(line: str) -> bool:
    return bool(re.search(r"[A-Za-zÅÄÖåäö]{3,}", AMOUNT.sub("", line)))


def _table_unit(lines: list[str]) -> str:
    units = [m.group(2).casefold() for line in lines for m in AMOUNT.finditer(line)]
    return max(set(units), key=units.count) if units else "kr"


def _cells(line: str, count: int) -> tuple[str, list[tuple[str, str | None]]]:
    """The row's name and its cells read from the right (a dash is a cell without a figure)."""
    cells: list[tuple[str, str | None]] = []
    rest = line.strip()
    while len(cells) < count:
        match = CELL_AT_END.search(rest)
        if match is None or match.start() == len(rest):
            break
        before = rest[: match.start()]
        if match.group(1) and before and before[-1].isdigit():
            break
        cells.append(("", None) if match.group(3) else (match.group(1), match.group(2)))
        rest = before.rstrip()
    cells.reverse()
    # Fewer figures than columns and no dashes: the figures belong to the first (newest) columns.
    cells += [("", None)] * (count - len(cells))
    return rest, [cell if cell[0] else ("", None) for cell in cells]


def _line(
    name: str,
    cells: list[str],
    columns: list[Column],
    sections: Sections,
    known_lines: list[BudgetLine],
    warnings: list[str],
) -> BudgetLine:
    amounts = {}
    for column, cell in zip(columns, cells, strict=True):
        if cell:
            value, unit = cell.rsplit(" ", 1)
            amounts[column.key] = to_sek(value, unit)
    known = _known(name, known_lines)
    mentions = _mentions(sections, [name, *(known.synonyms if known else [])])
    if known is not None and not mentions:
        return known.model_copy(update={"amounts": amounts})
    if known is not None and mentions:
        description, section = mentions
        return known.model_copy(
            update={"amounts": amounts, "description": description, "source": sections.source(section)}
        )
    if not mentions:
        warnings.append(f"new line without description: {name}")
    description, section = mentions or (name, sections.all[0])
    return BudgetLine(
        key=slug(name),
        name=name,
        name_en=name,
        synonyms=_inflections(name),
        amounts=amounts,
        description=description,
        partners=[],
        activities=[],
        areas=[],
        source=sections.source(section),
    )


def _known(name: str, known_lines: list[BudgetLine]) -> BudgetLine | None:
    key = " ".join(name.casefold().split())
    return next(
        (line for line in known_lines if key in {n.casefold() for n in [line.name, *line.synonyms]}),
        None,
    )


def _inflections(name: str) -> list[str]:
    base = name.casefold()
    forms = {base}
    if " " not in base:
        forms |= {base + "en", base + "ar", base + "arna", base + "s"}
        if base.endswith("e"):
            forms.add(base + "n")
    return sorted(forms)


def _mentions(sections: Sections, names: list[str]) -> tuple[str, Section] | None:
    """Sentences outside the table and the decision list that speak about a line."""
    wanted = [n.casefold() for n in names if len(n) >= 4]
    for section in sections.all:
        if section.heading.casefold().startswith(("förslag till", "sammanfattning", "bakgrund")):
            continue
        found = [s for s in sentences(section.text) if any(n in s.casefold() for n in wanted) and not _row_like(s)]
        if found:
            return " ".join(found[:2]), section
    return None


def _row_like(sentence: str) -> bool:
    return len(AMOUNT.findall(sentence)) >= 3


def _decided_by(sections: Sections, year: int) -> SourcedText:
    found = sections.sentence(r"beslutat.*\bmkr\b|\bmkr\b.*beslutat")
    if found is None:
        found = sections.sentence(r"beslut")
    if found is None:
        return SourcedText(text="", source=sections.source(sections.all[0]))
    sentence, section = found
    return SourcedText(text=sentence, source=sections.source(section))


def _stated_sums(
    sections: Sections, lines: list[BudgetLine], columns: list[Column], warnings: list[str]
) -> list[StatedSum]:
    proposal = next((c for c in columns if c.kind == "forslag"), None)
    if proposal is None:
        return []
    found = []
    total = sections.sentence(r"totalt\s+\S+\s+mkr\s+för\s+\d{4}")
    present = [line.key for line in lines if proposal.key in line.amounts]
    if total is not None:
        sentence, section = total
        amount = amounts_in(sentence)[0]
        if amount == sum(line.amounts[proposal.key] for line in lines if proposal.key in line.amounts):
            found.append(
                StatedSum(
                    text=sentence,
                    column=proposal.key,
                    lines=present,
                    amount_sek=amount,
                    source=sections.source(section),
                )
            )
        else:
            warnings.append(f"stated total {amount} differs from the table's lines")
    return found


def _stated_changes(sections: Sections, lines: list[BudgetLine], columns: list[Column]) -> list[StatedChange]:
    proposal = next((c for c in columns if c.kind == "forslag"), None)
    budget = next((c for c in columns if c.kind == "budget"), None)
    if proposal is None or budget is None:
        return []
    changes = []
    for section in sections.all:
        said = sentences(section.text)
        for index, sentence in enumerate(said):
            match = re.search(r"(utökas|ökas|minskas|sänks)\s+med\s+(" + AMOUNT.pattern + ")", sentence, re.IGNORECASE)
            if not match:
                continue
            delta = amounts_in(match.group(2))[0] * (1 if "ök" in match.group(1) else -1)
            for line in lines:
                names = [n.casefold() for n in [line.name, *line.synonyms] if len(n) >= 4]
                before, after = line.amount(budget.key), line.amount(proposal.key)
                if any(n in sentence.casefold() for n in names) and before is not None and after == before + delta:
                    reason = said[index - 1] if index else sentence
                    changes.append(
                        StatedChange(
                            text=sentence,
                            line=line.key,
                            from_column=budget.key,
                            to_column=proposal.key,
                            delta_sek=delta,
                            reason=reason,
                            source=sections.source(section),
                        )
                    )
    return changes


def _outcomes(sections: Sections, columns: list[Column]) -> list[OutcomeBelowBudget]:
    found = sections.sentence(r"utfallet\s+för\s+\d{4}\s+understiger")
    if found is None:
        return []
    sentence, section = found
    year = int(re.search(r"utfallet\s+för\s+(\d{4})", sentence, re.IGNORECASE).group(1))  # type: ignore[union-attr]
    keys = {c.key for c in columns}
    outcome, planned = f"utfall_{year}", f"budget_{year}"
    if not {outcome, planned} <= keys:
        return []
    reason = re.split(r"\bär att\b", sentence, maxsplit=1)[-1].strip()
    said = sentences(section.text)
    following = said[said.index(sentence) + 1 : said.index(sentence) + 2] if sentence in said else []
    text = " ".join([reason[:1].upper() + reason[1:], *following])
    return [OutcomeBelowBudget(column=outcome, compared_to=planned, reason=text, source=sections.source(section))]


def _history(sections: Sections, year: int) -> list[HistoryEntry]:
    background = sections.named("Bakgrund")
    if background is None:
        return []
    entries = []
    for index, sentence in enumerate(sentences(background.text), start=1):
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", sentence)]
        amounts = amounts_in(sentence)
        if not years and not amounts:
            continue
        span = re.search(r"\b((?:19|20)\d{2})\s*[–-]\s*((?:19|20)\d{2})\b", sentence)
        year_from = int(span.group(1)) if span else (years[0] if years else year)
        year_to = int(span.group(2)) if span else None
        entries.append(
            HistoryEntry(
                key=f"background_{index}",
                year_from=year_from,
                year_to=year_to,
                amount_sek=amounts[0] if amounts else None,
                text=sentence,
                source=sections.source(background),
            )
        )
    return entries


def _unbudgeted(sections: Sections, lines: list[BudgetLine]) -> list[UnbudgetedMention]:
    found = sections.sentence(r"använts till bland annat")
    if found is None:
        return []
    sentence, section = found
    listed = re.split(r",|\bsamt\b|\boch\b", re.sub(r"\(.*?\)", "", sentence.split("bland annat", 1)[1]))
    names = {n.casefold() for line in lines for n in [line.name, *line.synonyms]}
    mentions = []
    for item in listed:
        words = re.sub(r"\(.*?\)|[.]", "", item).split()
        words = [w for w in words if w.casefold() not in {"stöd", "till", "insatser", "i", "annan"}]
        thing = " ".join(words).strip()
        if len(words) != 1 or thing.casefold() in names:
            continue
        text = f"{thing[:1].upper()}{thing[1:]} nämns i bakgrunden men har ingen egen rad i budgettabellen."
        forms = [*_inflections(thing[:-4] + "are"), thing] if thing.endswith("arna") else _inflections(thing)
        mentions.append(UnbudgetedMention(name=thing, synonyms=forms, text=text, source=sections.source(section)))
    return mentions


def _state_grant(sections: Sections, year: int) -> StateGrant:
    found = sections.sentence(r"per\s+invånare")
    if found is None:
        raise ImportRefused("cli.knowledge.missing_fact", fact="statsbidraget (kr per invånare)")
    sentence, section = found
    per = re.search(r"(\d+)\s*kr\s+per\s+invånare", sentence)
    total = re.search(r"totalt\s+(cirka\s+)?(" + AMOUNT.pattern + r")\s+för\s+(\d{4})", sentence, re.IGNORECASE)
    law = re.search(r"(lagen\s+[^()]+?)\s*\((\d{4}:\d+)\)", sentence)
    if per is None or total is None:
        raise ImportRefused("cli.knowledge.missing_fact", fact="statsbidraget (kr per invånare)")
    return StateGrant(
        per_inhabitant_sek=int(per.group(1)),
        total_sek=amounts_in(total.group(2))[0],
        total_is_approximate=bool(total.group(1)),
        year=int(total.group(total.lastindex or 0)),
        law=law.group(1) if law else "",
        law_sfs=law.group(2) if law else "",
        text=sentence,
        source=sections.source(section),
    )


def _children(sections: Sections, body: list[Section]) -> SourcedText:
    section = sections.named("Konsekvenser för barn")
    if section is None:
        return SourcedText(text="", source=sections.source(body[0]))
    return SourcedText(text=" ".join(sentences(section.text)[:2]), source=sections.source(section))

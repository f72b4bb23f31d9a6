"""A Trygghetspaketet decision as one document's :class:`Budget`.

Figures come from the table; the prose gives what the table cannot: who decides, sums and
changes the text states (kept only where the table agrees, since the loader refuses a stated
figure the table contradicts), why an outcome fell short, the history, things paid for without
a line of their own, the state grant and the consequences for children.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.importing.amounts import AMOUNT, amounts_in
from bot.knowledge.importing.common import YEAR, ParsedText, fold, mentions, slug
from bot.knowledge.importing.errors import ImportRefused
from bot.knowledge.importing.sections import Block, heading_key, sentences
from bot.knowledge.importing.table import Table, find_table
from bot.knowledge.loader import KnowledgeBase
from bot.knowledge.models import (
    SUPPORTED_SCHEMA,
    Budget,
    BudgetLine,
    Column,
    HistoryEntry,
    OutcomeBelowBudget,
    SourcedText,
    StatedChange,
    StatedSum,
    StateGrant,
    UnbudgetedMention,
)
from bot.knowledge.money import format_sek

_CHANGE = re.compile(
    rf"\b(?P<verb>utökas|utökades|ökas|ökar|höjs|minskas|minskar|sänks)\s+med\s+(?P<amount>{AMOUNT.pattern})",
    re.IGNORECASE,
)
_OUTCOME = re.compile(
    r"Anledningen till att utfallet (?:för|under) (?P<year>\d{4}) understiger (?:det )?budgeterat?\w* (?:belopp )?"
    r"(?:är|var) att (?P<reason>.+)",
    re.IGNORECASE,
)
_PER_INHABITANT = re.compile(r"(?P<per>\d+)\s*(?:kr|kronor) per invånare", re.IGNORECASE)
_GRANT_TOTAL = re.compile(
    rf"totalt\s+(?P<about>cirka\s+|ca\.?\s+|omkring\s+|ungefär\s+)?(?P<amount>{AMOUNT.pattern})\s+(?:för|under)\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
_LAW = re.compile(r"\b(?P<law>lag(?:en)?\b[^()]{3,150}?)\s*\((?P<sfs>\d{4}:\d+)\)")
_ACTIVITIES = re.compile(r"\b(?:som exempelvis|exempelvis|till exempel|såsom)\s+(?P<list>[^.;]+)", re.IGNORECASE)
_PARTNERS = re.compile(r"\bi samverkan med (?P<who>[a-zåäö ]+?)(?=\s+och\b|[.,;]|$)")
_AREAS = re.compile(
    r"(?:\b(?:i|på|utöver)\s+)(?P<first>[A-ZÅÄÖ][a-zåäö]+)(?P<more>(?:,?\s+(?:och|samt)?\s*(?:i\s+|på\s+)?[A-ZÅÄÖ][a-zåäö]+)*)"
)
_SUPPORT_OF = re.compile(r"\bstöd till (?P<what>[^,.;()]+?)(?=,| samt | och (?:följs|har|är|ska|går)|\.|$)")
_STATUS = re.compile(r"\binte längre\b|\bpermanentad\b|\bupphör\b|\bavslutas\b", re.IGNORECASE)
_POINTS_BACK = re.compile(r"\bdenna (?:punkt|post|insats|satsning)\b", re.IGNORECASE)
_TOTAL_WORDS = re.compile(r"\b(?:totalt|avsätta|avsatt|beslutat om)\b", re.IGNORECASE)


def parse_budget(parsed: ParsedText, known: KnowledgeBase) -> Budget:
    name = re.sub(r"\s*\b\d{4}\b.*$", "", parsed.title).strip() or "Trygghetspaketet"
    table = find_table(parsed, name)
    year = _year(parsed, table)
    lines = _lines(parsed, table, known.budget.lines, known.budget.unbudgeted_mentions)
    budget_lines = {line.key: line for line in lines}
    _check_totals(parsed, table, lines)
    prose = [b for b in parsed.blocks if b.heading != table.heading]
    sums, changes = _stated(parsed, prose, table, budget_lines, year)
    background = parsed.block("bakgrund")
    return Budget(
        schema_version=SUPPORTED_SCHEMA,
        name=name,
        year=year,
        decided_by=_decided_by(parsed, known),
        table_source=parsed.source(table.heading),
        columns=table.columns,
        lines=lines,
        totals=table.totals,
        stated_sums=sums,
        stated_changes=changes,
        outcomes_below_budget=_outcomes(parsed, prose, table.columns),
        history=_history(parsed, background) if background else [],
        unbudgeted_mentions=_mentions(parsed, background, lines, known) if background else [],
        state_grant=_state_grant(parsed, known),
        children=_children(parsed, known),
    )


def _year(parsed: ParsedText, table: Table) -> int:
    title = YEAR.search(parsed.title)
    if title:
        return int(title.group(1))
    proposals = [c.year for c in table.columns if c.kind == "forslag"]
    if not proposals:  # neither the title nor a proposal column says which year the decision is for
        raise ImportRefused("cli.import.budget.no_year", title=parsed.title or "dokumentet")
    return max(proposals)


# --- lines ---------------------------------------------------------------------------


def name_forms(name: str) -> list[str]:
    """A line's name lower-cased with simple Swedish definite and plural forms of its last word."""
    base = name.casefold().strip()
    head, _, last = base.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.endswith("ing"):
        endings = ["en", "ar", "arna"]
    elif last.endswith(("ar", "er", "or")):
        endings = ["na", "nas"]
    elif last.endswith("a"):
        return _dedupe([base, f"{base}n", f"{prefix}{last[:-1]}or", f"{prefix}{last[:-1]}orna"])
    elif last.endswith("e"):
        endings = ["n", "r", "rna"]
    else:
        endings = ["en", "er", "erna"]
    return _dedupe([base, *(f"{base}{ending}" for ending in endings)])


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


def _names(line: BudgetLine) -> list[str]:
    return [line.name, *line.synonyms]


def _match(row_name: str, known: list[BudgetLine]) -> BudgetLine | None:
    wanted = fold(row_name)
    return next((line for line in known if wanted in {fold(name) for name in _names(line)}), None)


def _lines(
    parsed: ParsedText, table: Table, known: list[BudgetLine], mentions_known: list[UnbudgetedMention]
) -> list[BudgetLine]:
    result: list[BudgetLine] = []
    describing = parsed.block(heading_key(parsed.title)) if parsed.title else None
    prose = [
        b
        for b in parsed.blocks
        if b.heading != table.heading and not heading_key(b.heading).startswith(("förslag till beslut", "bakgrund"))
    ]
    for row in table.rows:
        match = _match(row.name, known)
        if match is not None:
            key, name_en, synonyms, expansion = match.key, match.name_en, match.synonyms, match.expansion
        else:
            key = _unique_key(slug(row.name, "_"), {line.key for line in [*known, *result]})
            forms = name_forms(row.name)
            # A thing the bot knew as "mentioned without a line" keeps its words once it has a line.
            extra = [
                s
                for m in mentions_known
                if {fold(x) for x in [m.name, *m.synonyms]} & {fold(f) for f in forms}
                for s in [m.name, *m.synonyms]
            ]
            name_en, synonyms, expansion = row.name, _dedupe([*forms, *extra]), None
        names = [row.name, *synonyms]
        found = _describing(parsed, [describing] if describing else prose, names) or _describing(parsed, prose, names)
        heading = found[0][0] if found else table.heading
        said = [sentence for _, sentence in found]
        all_said = [s for _, s in parsed.sentences(prose) if mentions(s, names)]
        expansion = expansion or _expansion(parsed, row.name)
        result.append(
            BudgetLine(
                key=key,
                name=row.name,
                name_en=name_en,
                expansion=expansion,
                synonyms=synonyms,
                amounts=row.cells,
                description=" ".join(s for s in said if not _STATUS.search(s)) or " ".join(said),
                status_note=next((s for s in said if _STATUS.search(s)), None),
                partners=_partners(row.name, all_said, expansion),
                activities=_activities(said),
                areas=_areas(all_said),
                source=parsed.source(heading),
            )
        )
    return result


def _unique_key(key: str, taken: set[str]) -> str:
    key = key or "rad"
    candidate, number = key, 2
    while candidate in taken:
        candidate, number = f"{key}_{number}", number + 1
    return candidate


def _describing(parsed: ParsedText, blocks: list[Block], names: list[str]) -> list[tuple[str, str]]:
    """The sentences that name the line, and a following one that points back to it ("denna punkt")."""
    found: list[tuple[str, str]] = []
    for block in blocks:
        said = sentences(block.text)
        for index, sentence in enumerate(said):
            if mentions(sentence, names):
                found.append((block.heading, sentence))
                if index + 1 < len(said) and _POINTS_BACK.search(said[index + 1]):
                    found.append((block.heading, said[index + 1]))
    return found


def _expansion(parsed: ParsedText, name: str) -> str | None:
    """ "SSPF (skola, socialtjänst, polis och fritid)": what an abbreviation stands for."""
    if not name.isupper():
        return None
    pattern = re.compile(rf"\b{re.escape(name)}\s*\((?P<words>[^)]+)\)")
    for _, sentence in parsed.sentences():
        match = pattern.search(sentence)
        if match:
            return match.group("words").strip()
    return None


def _split_list(text: str) -> list[str]:
    parts = re.split(r",\s*(?:och\s+|samt\s+)?|\s+(?:och|samt)\s+", text.strip().rstrip("."))
    return [part.strip() for part in parts if part.strip()]


def _partners(name: str, said: list[str], expansion: str | None) -> list[str]:
    found = [m.group("who").strip() for text in [name, *said] for m in _PARTNERS.finditer(text)]
    if expansion:
        found += _split_list(re.sub(r"^(?:samarbetet|samverkan) mellan\s+", "", expansion))
    return _dedupe(found)


def _activities(said: list[str]) -> list[str]:
    return _dedupe(item for text in said for m in _ACTIVITIES.finditer(text) for item in _split_list(m.group("list")))


def _areas(said: list[str]) -> list[str]:
    found: list[str] = []
    for text in said:
        for match in _AREAS.finditer(text):
            found.append(match.group("first"))
            found += re.findall(r"[A-ZÅÄÖ][a-zåäö]+", match.group("more"))
    return _dedupe(found)


def _check_totals(parsed: ParsedText, table: Table, lines: list[BudgetLine]) -> None:
    """A total the lines do not add up to is kept as the document states it, with a note."""
    for column in table.columns:
        stated = table.totals.get(column.key)
        computed = sum(line.amounts[column.key] for line in lines if column.key in line.amounts)
        if stated is not None and stated != computed:
            parsed.note(
                "cli.import.note.total_disagrees",
                column=column.label,
                stated=format_sek(stated),
                computed=format_sek(computed),
            )


# --- what the prose states -------------------------------------------------------------


def _column_for(text: str, context_year: int | None, columns: list[Column]) -> Column | None:
    years = [int(y) for y in YEAR.findall(text)] or ([context_year] if context_year else [])
    for year in years:
        of_year = [c for c in columns if c.year == year]
        for kind, cue in (("budget", r"budget"), ("utfall", r"utfall"), ("forslag", r"")):
            column = next((c for c in of_year if c.kind == kind), None)
            if column and re.search(cue, text, re.IGNORECASE):
                return column
        if len(of_year) == 1:
            return of_year[0]
    return None


def _stated(
    parsed: ParsedText, prose: list[Block], table: Table, lines: dict[str, BudgetLine], year: int
) -> tuple[list[StatedSum], list[StatedChange]]:
    sums: list[StatedSum] = []
    changes: list[StatedChange] = []
    for block in prose:
        if heading_key(block.heading).startswith("bakgrund"):
            continue  # the history's sums are of other years' packages
        context: int | None = year if heading_key(block.heading).startswith("förslag till beslut") else None
        said = sentences(block.text)
        for index, sentence in enumerate(said):
            years = [int(y) for y in YEAR.findall(sentence)]
            context = years[-1] if years else context
            change = _CHANGE.search(sentence)
            if change:
                reason = said[index - 1] if index and re.search(r"\bdärför\b", sentence) else ""
                found = _change(parsed, block.heading, sentence, change, reason, table, lines, context)
                changes += [found] if found else []
            for amount_text, segment in _segments(sentence):
                if change and change.start() <= sentence.find(amount_text) < change.end():
                    continue
                found_sum = _sum(parsed, block.heading, sentence, amount_text, segment, table, lines, context)
                sums += [found_sum] if found_sum else []
    return sums, changes


def _segments(sentence: str) -> list[tuple[str, str]]:
    """Each sum in the sentence with the words that belong to it (up to the next sum)."""
    found = amounts_in(sentence)
    if len(found) <= 1:
        return [(a.text, sentence) for a in found]
    result = []
    for index, amount in enumerate(found):
        start = 0 if index == 0 else amount.start
        end = found[index + 1].start if index + 1 < len(found) else len(sentence)
        result.append((amount.text, sentence[start:end]))
    return result


def _clause(segment: str) -> str:
    text = re.sub(r"[\s,;]+(?:och|samt)?\s*$", "", segment.strip()).rstrip(".")
    return text[:1].upper() + text[1:] + "."


def _sum(
    parsed: ParsedText,
    heading: str,
    sentence: str,
    amount_text: str,
    segment: str,
    table: Table,
    lines: dict[str, BudgetLine],
    context: int | None,
) -> StatedSum | None:
    amount = amounts_in(amount_text)[0].sek
    column = _column_for(segment, context, table.columns) or _column_for(sentence, context, table.columns)
    if column is None or "per invånare" in sentence:
        return None
    named = [key for key, line in lines.items() if mentions(segment, _names(line))]
    explicit = bool(named)
    if not named:
        if not _TOTAL_WORDS.search(segment):
            return None
        named = [key for key, line in lines.items() if column.key in line.amounts]
    figures = [lines[key].amounts.get(column.key) for key in named]
    if None in figures or not named:
        return None
    text = sentence if segment == sentence else _clause(segment)
    if sum(f or 0 for f in figures) != amount:
        if explicit:
            parsed.note("cli.import.note.stated_sum_disagrees", text=text, column=column.label)
        return None
    return StatedSum(text=text, column=column.key, lines=named, amount_sek=amount, source=parsed.source(heading))


def _change(
    parsed: ParsedText,
    heading: str,
    sentence: str,
    match: re.Match[str],
    reason: str,
    table: Table,
    lines: dict[str, BudgetLine],
    context: int | None,
) -> StatedChange | None:
    named = [key for key, line in lines.items() if mentions(sentence, _names(line))]
    to = _column_for(sentence, context, [c for c in table.columns if c.kind == "forslag"])
    if len(named) != 1 or to is None:
        return None
    before = next((c for c in table.columns if c.kind == "budget" and c.year == to.year - 1), None)
    line = lines[named[0]]
    if before is None or before.key not in line.amounts or to.key not in line.amounts:
        return None
    delta = amounts_in(match.group("amount"))[0].sek
    if match.group("verb").casefold().startswith(("minsk", "sänk")):
        delta = -delta
    if line.amounts[to.key] - line.amounts[before.key] != delta:
        parsed.note("cli.import.note.stated_change_disagrees", text=sentence)
        return None
    return StatedChange(
        text=sentence,
        line=line.key,
        from_column=before.key,
        to_column=to.key,
        delta_sek=delta,
        reason=reason,
        source=parsed.source(heading),
    )


def _outcomes(parsed: ParsedText, prose: list[Block], columns: list[Column]) -> list[OutcomeBelowBudget]:
    found: list[OutcomeBelowBudget] = []
    for block in prose:
        for paragraph in block.text.split("\n"):
            match = _OUTCOME.search(paragraph)
            if not match:
                continue
            year = int(match.group("year"))
            outcome = next((c for c in columns if c.kind == "utfall" and c.year == year), None)
            budget = next((c for c in columns if c.kind == "budget" and c.year == year), None)
            if outcome and budget:
                reason = match.group("reason").strip()
                found.append(
                    OutcomeBelowBudget(
                        column=outcome.key,
                        compared_to=budget.key,
                        reason=reason[:1].upper() + reason[1:],
                        source=parsed.source(block.heading),
                    )
                )
    return found


# --- background, state grant, children, who decides ---------------------------------------


def _history(parsed: ParsedText, block: Block) -> list[HistoryEntry]:
    entries: list[HistoryEntry] = []
    for sentence in sentences(block.text):
        span = re.search(r"\b(\d{4})\s*[–-]\s*(\d{4})\b", sentence)
        years = [int(y) for y in YEAR.findall(sentence)]
        parts = re.split(r",\s*(?=varav\b)", sentence)
        found = amounts_in(parts[0])
        if not years and not found and entries:
            last = entries[-1]  # a sentence that goes on about the previous fact
            entries[-1] = last.model_copy(update={"text": f"{last.text} {sentence}"})
            continue
        if not years and not found:
            continue
        year_from = int(span.group(1)) if span else (years[0] if years else (entries[-1].year_from if entries else 0))
        year_to: int | None = int(span.group(2)) if span else None
        lowered = sentence.casefold()
        if re.search(r"\b(?:utökades|ökades|höjdes)\b", lowered):
            key, amount = "increase", _after_till(parts[0])
        elif "återstående" in lowered:
            key, amount = "remaining", found[0].sek if found else None
        elif "priorit" in lowered and not found:
            key, amount, year_to = f"priorities_{year_from}", None, year_from
        elif not entries:
            key, amount = "start", found[0].sek if found else None
        else:
            key, amount = f"history_{len(entries) + 1}", found[0].sek if found else None
        if "sedan dess" in lowered:
            year_to = None
        entries.append(_entry(parsed, block, key, year_from, year_to, amount, sentence))
        for part in parts[1:]:
            organ = re.search(r"\btill (\w+(?:nämnden|styrelsen|fullmäktige))\b", part)
            share = amounts_in(part)
            if organ and share:
                entries.append(_entry(parsed, block, slug(organ.group(1), "_"), year_from, None, share[0].sek, part))
    return entries


def _after_till(text: str) -> int | None:
    match = re.search(rf"\btill\s+({AMOUNT.pattern})", text)
    found = amounts_in(match.group(1)) if match else amounts_in(text)
    return found[-1].sek if found else None


def _entry(
    parsed: ParsedText, block: Block, key: str, year_from: int, year_to: int | None, amount: int | None, text: str
) -> HistoryEntry:
    text = text.strip()
    return HistoryEntry(
        key=key,
        year_from=year_from,
        year_to=year_to,
        amount_sek=amount,
        text=text[:1].upper() + text[1:],
        source=parsed.source(block.heading),
    )


def _mentions(
    parsed: ParsedText, block: Block, lines: list[BudgetLine], known: KnowledgeBase
) -> list[UnbudgetedMention]:
    """What the background says money went to that has no line of its own in the table."""
    line_names = {fold(name) for line in lines for name in _names(line)}
    found: dict[str, UnbudgetedMention] = {}
    for sentence in sentences(block.text):
        for match in _SUPPORT_OF.finditer(sentence):
            what = match.group("what").strip()
            before = next((m for m in known.budget.unbudgeted_mentions if fold(m.name) == fold(what)), None)
            synonyms = before.synonyms if before else name_forms(what)
            if {fold(what), *map(fold, synonyms)} & line_names or fold(what) in found:
                continue
            found[fold(what)] = UnbudgetedMention(
                name=what, synonyms=synonyms, text=sentence, source=parsed.source(block.heading)
            )
    return list(found.values())


def _state_grant(parsed: ParsedText, known: KnowledgeBase) -> StateGrant:
    for heading, sentence in parsed.sentences():
        per = _PER_INHABITANT.search(sentence)
        total = _GRANT_TOTAL.search(sentence)
        law = _LAW.search(sentence)
        if per and total:
            return StateGrant(
                per_inhabitant_sek=int(per.group("per")),
                total_sek=amounts_in(total.group("amount"))[0].sek,
                total_is_approximate=bool(total.group("about")),
                year=int(total.group("year")),
                law=" ".join(law.group("law").split()) if law else "",
                law_sfs=law.group("sfs") if law else "",
                text=sentence,
                source=parsed.source(heading),
            )
    grant = known.budget.state_grant
    parsed.note("cli.import.note.no_state_grant", document=grant.source.document)
    return grant


def _children(parsed: ParsedText, known: KnowledgeBase) -> SourcedText:
    block = parsed.block("konsekvenser för barn")
    if block and block.text:
        return SourcedText(text=block.text, source=parsed.source(block.heading))
    parsed.note("cli.import.note.no_children", document=known.budget.children.source.document)
    return known.budget.children


def _decided_by(parsed: ParsedText, known: KnowledgeBase) -> SourcedText:
    for keys in (("sammanfattning",), ("förslag till beslut",)):
        block = parsed.block(*keys)
        said = [s for s in sentences(block.text) if re.search(r"\bbeslut", s, re.IGNORECASE)] if block else []
        if block and said:
            return SourcedText(text=said[0], source=parsed.source(block.heading))
    parsed.note("cli.import.note.no_decided_by", document=known.budget.decided_by.source.document)
    return known.budget.decided_by

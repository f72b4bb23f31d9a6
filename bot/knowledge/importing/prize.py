"""A Trygghetspriset direction as one document's :class:`Prize`.

The prize's standing facts (sum, purpose, who may be nominated, the jury, the decisions behind
it), this year's round (theme, focus, nomination period, conference) and the list of earlier
winners with their themes. A fact the model requires that the document does not state is kept
from the knowledge the bot already has, with a note saying so.
"""

from __future__ import annotations

import re
from datetime import date

from bot.knowledge.importing.amounts import AMOUNT, NUMBER_WORDS, amounts_in
from bot.knowledge.importing.common import MONTH, MONTHS, SWEDISH_DATE, YEAR, ParsedText, fold, slug, swedish_date
from bot.knowledge.importing.sections import Block, is_bullet, join_pair, sentences, strip_bullet
from bot.knowledge.loader import KnowledgeBase
from bot.knowledge.models import (
    SUPPORTED_SCHEMA,
    AwardOccasion,
    Criterion,
    Decision,
    Jury,
    Prize,
    Round,
    SourcedText,
    Winner,
)

_PRIZE_SUM = re.compile(rf"Prissumman (?:är|uppgår till|blir)\s+(?P<amount>{AMOUNT.pattern})", re.IGNORECASE)
_PURPOSE = re.compile(r"Syftet med priset är (?P<purpose>att .+?)\.?$", re.IGNORECASE)
_ELIGIBLE = re.compile(r"\bkan\s+nomineras\b", re.IGNORECASE)
_FIRST = re.compile(
    r"(?:första \w+ delades ut|delats ut årligen sedan|instiftades)\D*?(?P<year>\d{4})|(?P<before>\d{4}) instiftades",
    re.IGNORECASE,
)
_OCCASION = re.compile(
    rf"\b(?:Prisutdelning(?:en)? sker|Priset delas ut)\b.*?"
    rf"\b(?P<months>(?:{MONTH})(?:\s+(?:eller|och|–|-)\s+(?:{MONTH}))*)\b",
    re.IGNORECASE,
)
_ORGAN = r"(?:kommunstyrelsen|kommunfullmäktige|\w+nämnden|\w+styrelsen|\w+rådet)"
_DECIDED = re.compile(r"\b(?:instiftades|beslut\w*)\b", re.IGNORECASE)
_BY = re.compile(rf"\b(?:av|beslutade|beslöt)\s+(?P<by>{_ORGAN})\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(?:fram till|till och med|t\.o\.m\.)\s+(?:år\s+)?(?P<year>\d{4})\b", re.IGNORECASE)
_CHAIR = re.compile(r"\b(?P<chair>\w+) är ordförande i juryn", re.IGNORECASE)
_APPOINTS = re.compile(r"\b(?:och\s+)?utser (?:jurymedlemmar|juryn|ledamöter)", re.IGNORECASE)
_APPOINTED_BY = re.compile(r"\b(?P<who>\w+) utser (?:jurymedlemmar|juryn|ledamöter)", re.IGNORECASE)
_TERM = re.compile(r"\buppdraget under (?P<n>\d+|\w+) år\b", re.IGNORECASE)
_TASK = re.compile(r"Juryns uppdrag är (?P<task>att .+?)\.?$", re.IGNORECASE)
# "ska uppfylla följande två kriterier", "måste uppfylla båda av följande krav",
# "följande kriterier ska vara uppfyllda".
_MANDATORY = re.compile(
    r"\b(?:ska|skall|måste)\s+uppfylla\s+(?:\w+\s+){0,3}?(?:kriterier|krav)\b"
    r"|\bföljande\s+(?:\w+\s+)?(?:kriterier|krav)\s+(?:ska|skall|måste)\s+(?:vara\s+)?uppfyll",
    re.IGNORECASE,
)
_ASSESSMENT = re.compile(r"tas (?:även )?hänsyn till", re.IGNORECASE)
_THEME = re.compile(r"^Tema:\s*(?P<theme>.+?)\s*$", re.IGNORECASE)
_FOCUS = re.compile(r"\bårs trygghetspris (?:ska|skall) tilldelas (?P<focus>.+?)\.?$", re.IGNORECASE)
_PERIOD = re.compile(
    rf"Nomineringsperioden (?:är|pågår|löper)(?: från| mellan)?"
    rf"\s+(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH})(?:\s+(?P<y1>\d{{4}}))?"
    rf"\s*(?:till|–|-|och)\s*(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTH})(?:\s+(?P<y2>\d{{4}}))?",
    re.IGNORECASE,
)
_CONFERENCE = re.compile(
    rf"trygghetskonferensen\b.*?\bden\s+(?P<day>\d{{1,2}})\s+(?P<month>{MONTH})(?:\s+(?P<year>\d{{4}}))?", re.IGNORECASE
)
_WINNERS_START = re.compile(r"vinnare och teman\b[^:]*:", re.IGNORECASE)
_WINNER = re.compile(r"(?P<year>\d{4})\s*:\s*[”\"“]\s*(?P<theme>[^”\"“]+?)\s*[”\"“]\s*\.?\s*(?P<rest>.*)$")
_ORG_PREFIX = re.compile(r"^(?:Föreningen|Organisationen|Stiftelsen|Projektet)\s+")


def parse_prize(parsed: ParsedText, known: KnowledgeBase) -> Prize:
    name = re.sub(r"\s*\b\d{4}\b.*$", "", parsed.title).strip() or "Trygghetspriset"
    year = int(m.group(1)) if (m := YEAR.search(parsed.title)) else date.today().year
    before = known.prize
    amount = parsed.first(_PRIZE_SUM)
    if amount is None:
        parsed.note("cli.import.note.no_prize_sum", document=before.amount_source.document)
    decisions = _decisions(parsed)
    until = [int(m.group("year")) for d in decisions if (m := _UNTIL.search(d.text))]
    mandatory, assessment = _criteria(parsed, before.mandatory_criteria + before.assessment_criteria)
    if not mandatory:
        parsed.note("cli.import.note.no_criteria", document=before.amount_source.document)
    # The round's prize sum and criteria are this direction's (the merge keeps them per round).
    own: dict[str, object] = {
        "mandatory_criteria": mandatory or before.mandatory_criteria,
        "assessment_criteria": assessment if mandatory else before.assessment_criteria,
    }
    if amount:
        own["prize_sek"] = amounts_in(amount[2].group("amount"))[0].sek
    rounds = [r.model_copy(update=own) for r in _round(parsed, year)]
    if not rounds:
        parsed.note("cli.import.note.no_round", year=year)
    winners = _winners(parsed, before.winners)
    first = parsed.first(_FIRST)
    first_year = int(first[2].group("year") or first[2].group("before")) if first else None
    return Prize(
        schema_version=SUPPORTED_SCHEMA,
        name=name,
        amount_sek=amounts_in(amount[2].group("amount"))[0].sek if amount else before.amount_sek,
        amount_source=parsed.source(amount[0]) if amount else before.amount_source,
        purpose=_text(parsed, _PURPOSE, "purpose") or before.purpose,
        eligible=_sentence(parsed, _ELIGIBLE) or before.eligible,
        first_awarded_year=min([first_year or year, *(w.year for w in winners)]),
        awarded_at=_occasion(parsed) or before.awarded_at,
        decisions=decisions,
        awarded_until_year=max(until) if until else year,
        jury=_jury(parsed) or before.jury,
        mandatory_criteria=mandatory or before.mandatory_criteria,
        assessment_criteria=assessment if mandatory else before.assessment_criteria,
        rounds=rounds or before.rounds,
        winners=winners,
    )


def _text(parsed: ParsedText, pattern: re.Pattern[str], group: str) -> SourcedText | None:
    found = parsed.first(pattern)
    return SourcedText(text=found[2].group(group).strip(), source=parsed.source(found[0])) if found else None


def _sentence(parsed: ParsedText, pattern: re.Pattern[str]) -> SourcedText | None:
    found = parsed.first(pattern)
    return SourcedText(text=found[1], source=parsed.source(found[0])) if found else None


def _occasion(parsed: ParsedText) -> AwardOccasion | None:
    found = parsed.first(_OCCASION)
    if found is None:
        return None
    months = [MONTHS[word.casefold()] for word in re.findall(MONTH, found[2].group("months"), re.IGNORECASE)]
    return AwardOccasion(text=found[1], months=months, source=parsed.source(found[0]))


def _decisions(parsed: ParsedText) -> list[Decision]:
    """The decisions behind the prize, from the background: year, date if given, and by whom."""
    block = parsed.block("bakgrund")
    found: list[Decision] = []
    for sentence in sentences(block.text) if block else []:
        years = YEAR.findall(sentence)
        by = _BY.search(sentence)
        if not (years and by and _DECIDED.search(sentence)):
            continue
        day = SWEDISH_DATE.search(sentence)
        dated = swedish_date(day, None) if day and day.group(3) else None
        found.append(
            Decision(
                year=dated.year if dated else int(years[0]),
                date=dated,
                by=by.group("by").casefold(),
                text=sentence,
                source=parsed.source(block.heading if block else ""),
            )
        )
    return found


def _jury(parsed: ParsedText) -> Jury | None:
    chair = parsed.first(_CHAIR)
    if chair is None:
        return None
    heading, sentence, match = chair
    appointed = _APPOINTED_BY.search(sentence)
    if _APPOINTS.search(sentence) and (appointed is None or appointed.group("who").casefold() in {"och", "som"}):
        appointed_by = match.group("chair").casefold()  # "X är ordförande i juryn, och utser ...": X appoints
    else:
        appointed_by = appointed.group("who").casefold() if appointed else ""
    term = _TERM.search(sentence) or (found[2] if (found := parsed.first(_TERM)) else None)
    years = term.group("n") if term else "1"
    task = parsed.first(_TASK)
    return Jury(
        chair=match.group("chair").casefold(),
        appointed_by=appointed_by,
        term_years=int(years) if years.isdigit() else NUMBER_WORDS.get(years.casefold(), 1),
        task=task[2].group("task") if task else "",
        source=parsed.source(heading),
    )


def _list_after(block: Block, intro: re.Pattern[str]) -> list[str]:
    """The list items that follow the sentence matching ``intro`` (wrapped items joined).

    Items are bulleted, or, where the PDF's bullet glyph was lost in the text extraction, lines in
    lower case: then an item starts after a blank line or with the first item's opening word
    ("insatsen …"), and any other line continues the item before it. The list ends at the next line
    that starts with a capital (a new paragraph).
    """
    lines = list(block.lines)
    start = _after_intro(lines, intro)
    if start is None:
        return []
    items: list[str] = []
    bulleted = False
    new_item = True
    for line in lines[start:]:
        if is_bullet(line):
            items.append(strip_bullet(line))
            bulleted = True
        elif not line:
            new_item = True
        elif not line[0].islower():
            break
        elif items and (bulleted or not (new_item or line.split()[0] == items[0].split()[0])):
            items[-1] = join_pair(items[-1], line)
        else:
            items.append(line)
        new_item = new_item and not line
    return [" ".join(item.split()) for item in items]


def _after_intro(lines: list[str], intro: re.Pattern[str]) -> int | None:
    """Where the list after the introduction starts: after its line that ends with ":" (it may be
    wrapped over a few lines), else right after the line that matches."""
    for index, line in enumerate(lines):
        # The introduction itself may be wrapped: test it with the next line joined.
        joined = join_pair(line, lines[index + 1]) if index + 1 < len(lines) else line
        if intro.search(line) or (intro.search(joined) and not intro.search(lines[index + 1])):
            ends = [i for i in range(index, min(index + 3, len(lines))) if lines[i].rstrip().endswith(":")]
            return (ends[0] if ends else index) + 1
    return None


# The criteria the nomination rules and the jury's score set know, by what they are about: a
# reworded criterion keeps its key, so the rules check it and quote the new wording.
_CRITERION_MEANINGS = (
    ("collaboration", re.compile(r"\bsamverk|\bsamarbet", re.IGNORECASE)),
    ("added_value", re.compile(r"\bmervärde", re.IGNORECASE)),
    ("innovation", re.compile(r"\binnovativ|\bnyskapande", re.IGNORECASE)),
    ("inspiration", re.compile(r"\binspirer", re.IGNORECASE)),
    ("results", re.compile(r"\bresultat", re.IGNORECASE)),
)


def _criteria(parsed: ParsedText, known: list[Criterion]) -> tuple[list[Criterion], list[Criterion]]:
    keys = {fold(c.text): c.key for c in known}
    result: list[list[Criterion]] = []
    used: set[str] = set()
    for intro in (_MANDATORY, _ASSESSMENT):
        # The first section whose introduction is followed by a list (a summary may name the
        # criteria in a sentence before the section that lists them).
        found = ((b, _list_after(b, intro)) for b in parsed.blocks if intro.search(b.text))
        block, items = next(((b, items) for b, items in found if items), (None, []))
        criteria = []
        for text in items:
            key = keys.get(fold(text)) or _meaning(text, used) or _criterion_key(text)
            used.add(key)
            criteria.append(Criterion(key=key, text=text, source=parsed.source(block.heading if block else "")))
        result.append(criteria)
    return result[0], result[1]


def _meaning(text: str, used: set[str]) -> str | None:
    return next((key for key, words in _CRITERION_MEANINGS if key not in used and words.search(text)), None)


def _criterion_key(text: str) -> str:
    words = [
        w for w in fold(text).split() if w not in {"insatsen", "ska", "skall", "ar", "kan", "och", "i", "en", "ett"}
    ]
    return slug(" ".join(words[:3]), "_") or "kriterium"


def _round(parsed: ParsedText, year: int) -> list[Round]:
    period = parsed.first(_PERIOD)
    if period is None:
        return []
    heading, period_sentence, match = period
    closes_year = int(match.group("y2")) if match.group("y2") else year
    opens_year = int(match.group("y1")) if match.group("y1") else closes_year
    try:
        opens = date(opens_year, MONTHS[match.group("m1").casefold()], int(match.group("d1")))
        closes = date(closes_year, MONTHS[match.group("m2").casefold()], int(match.group("d2")))
    except ValueError:
        return []
    conference = parsed.first(_CONFERENCE)
    conference_date = None
    if conference:
        found = conference[2]
        try:
            conference_date = date(
                int(found.group("year") or year), MONTHS[found.group("month").casefold()], int(found.group("day"))
            )
        except ValueError:
            conference_date = None
    theme = next((m.group("theme") for line in parsed.lines if (m := _THEME.match(line))), "")
    focus = parsed.first(_FOCUS)
    return [
        Round(
            after_close=_after_close(parsed, heading, period_sentence),
            year=year,
            theme=theme,
            focus=focus[2].group("focus").strip() if focus else "",
            nomination_opens=opens,
            nomination_closes=closes,
            conference_date=conference_date,
            source=parsed.source(heading),
        )
    ]


def _after_close(parsed: ParsedText, heading: str, period_sentence: str) -> str | None:
    """What the direction says comes once the period has closed: the two sentences after it."""
    said = [sentence for at, sentence in parsed.sentences() if at == heading]
    if period_sentence not in said:
        return None
    following = said[said.index(period_sentence) + 1 : said.index(period_sentence) + 3]
    return " ".join(following) or None


def _winners(parsed: ParsedText, known: list[Winner]) -> list[Winner]:
    """The earlier winners: " 2022:”theme” Winner, description" items after "vinnare och teman är:"."""
    block = next((b for b in parsed.blocks if _WINNERS_START.search(b.text)), None)
    start = _WINNERS_START.search(block.text) if block else None
    if block is None or start is None:
        return []
    text = block.text[start.end() :]
    items = re.split(r"\n(?=•?\s*\d{4}\s*:)|(?<=\s)(?=\d{4}\s*:\s*[”\"“])", text)
    winners: list[Winner] = []
    for item in items:
        match = _WINNER.search(" ".join(strip_bullet(item.strip()).split()))
        if not match:
            continue
        year = int(match.group("year"))
        rest = match.group("rest").strip().rstrip(".").strip()
        winner, _, description = rest.partition(", ")
        before = next((w for w in known if w.year == year), None)
        if before is not None and fold(before.winner) == fold(winner):
            aliases = before.aliases  # the names people use for a winner the bot already knew
        else:
            short = _ORG_PREFIX.sub("", winner)
            aliases = list(dict.fromkeys([winner, short]))
        winners.append(
            Winner(
                year=year,
                theme=" ".join(match.group("theme").split()),
                winner=winner.strip(),
                description=description.strip() or None,
                aliases=aliases,
                source=parsed.source(block.heading),
            )
        )
    return sorted(winners, key=lambda w: -w.year)

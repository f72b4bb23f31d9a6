"""A Trygghetspriset direction as a :class:`Prize`: sum, period, criteria, jury and past winners."""

from __future__ import annotations

import re
from datetime import date

from bot.knowledge.importing.amounts import MONTHS, WORD_NUMBERS, amounts_in, day_month
from bot.knowledge.importing.common import Sections, sentences, slug
from bot.knowledge.importing.errors import ImportRefused
from bot.knowledge.importing.sections import join_lines
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

_BULLETS = re.compile(r"[\uf0b7\u2022\u25cf]")
_BULLET = re.compile(r"^\s*[\uf0b7\u2022\u25cf\-–•*]\s*")
_WINNER = re.compile(
    r"(?:^|\s)((?:19|20)\d{2})\s*:\s*[”\"“]\s*(.+?)\s*[”\"“]\.?\s*(.*?)(?=\s(?:19|20)\d{2}\s*:\s*[”\"“]|$)"
)


def parse_prize(title: str, year: int, sections: Sections, text: str, known: Prize | None) -> Prize:
    amount = _find(sections, r"prissumma\w*\s+är\s+[\d  ]+\s*kr")
    if amount is None:
        raise ImportRefused("cli.knowledge.missing_fact", fact="prissumman")
    round_ = _round(year, sections, text)
    first = re.search(r"(?:första trygghetspriset delades ut år|delats ut årligen sedan)\s+(\d{4})", text)
    until = re.search(r"fram till\s+(\d{4})", text)
    return Prize(
        schema_version=SUPPORTED_SCHEMA,
        name="Trygghetspriset",
        amount_sek=amounts_in(amount[0])[0],
        amount_source=amount[1],
        purpose=_sourced(sections, r"syftet med priset är", lambda s: _after(s, "är ").rstrip(".")),
        eligible=_sourced(sections, r"kan\s+nomineras"),
        first_awarded_year=int(first.group(1)) if first else (known.first_awarded_year if known else year),
        awarded_at=_occasion(sections),
        decisions=_decisions(sections),
        awarded_until_year=int(until.group(1)) if until else year,
        jury=_jury(sections),
        mandatory_criteria=_criteria(sections, r"uppfylla följande", known.mandatory_criteria if known else []),
        assessment_criteria=_criteria(sections, r"hänsyn till", known.assessment_criteria if known else []),
        rounds=[round_],
        winners=_winners(sections, known),
    )


def _find(sections: Sections, pattern: str) -> tuple[str, object] | None:
    found = sections.sentence(pattern)
    return (found[0], sections.source(found[1])) if found else None


def _after(sentence: str, word: str) -> str:
    return sentence.split(word, 1)[-1].strip()


def _sourced(sections: Sections, pattern: str, shape: object = None) -> SourcedText:
    found = sections.sentence(pattern)
    if found is None:
        raise ImportRefused("cli.knowledge.missing_fact", fact=pattern)
    text = shape(found[0]) if callable(shape) else found[0]
    return SourcedText(text=text, source=sections.source(found[1]))


def _occasion(sections: Sections) -> AwardOccasion:
    found = sections.sentence(r"prisutdelning|priset delas ut")
    if found is None:
        raise ImportRefused("cli.knowledge.missing_fact", fact="prisutdelningen")
    months = sections.sentence(r"prisutdelning\s+sker.*\b(" + "|".join(MONTHS) + r")\b")
    in_text = months[0] if months else found[0]
    numbers = [MONTHS[m.casefold()] for m in re.findall(r"\b(" + "|".join(MONTHS) + r")\b", in_text, re.IGNORECASE)]
    return AwardOccasion(text=found[0], months=numbers or [10], source=sections.source(found[1]))


def _decisions(sections: Sections) -> list[Decision]:
    background = sections.named("Bakgrund")
    decisions = []
    for sentence in sentences(background.text) if background else []:
        if not re.search(r"beslut|instiftades", sentence) or re.search(r"vinnare|teman", sentence):
            continue
        years = re.findall(r"\b((?:19|20)\d{2})\b", sentence)
        if not years:
            continue
        dates = day_month(sentence, int(years[0]))
        by = re.search(r"\b(kommunstyrelsen|kommunfullmäktige|socialnämnden)\b", sentence)
        decisions.append(
            Decision(
                year=int(years[0]),
                date=dates[0] if dates else None,
                by=by.group(1) if by else "",
                text=sentence,
                source=sections.source(background),  # type: ignore[arg-type]
            )
        )
    return decisions


def _jury(sections: Sections) -> Jury:
    found = sections.sentence(r"ordförande i juryn")
    if found is None:
        raise ImportRefused("cli.knowledge.missing_fact", fact="juryn")
    section = found[1]
    text = section.text
    chair = re.search(r"(\w+)\s+är\s+ordförande i juryn", text)
    appoints = re.search(r"(\w+)\s+(?:är ordförande i juryn, och\s+)?utser jurymedlemmar", text)
    term = re.search(r"under\s+(\w+)\s+år", text)
    task = re.search(r"Juryns uppdrag är\s+(att [^.]+)\.", text)
    chair_name = chair.group(1).casefold() if chair else ""
    term_word = term.group(1).casefold() if term else "ett"
    term_years = WORD_NUMBERS.get(term_word) or (int(term_word) if term_word.isdigit() else 1)
    return Jury(
        chair=chair_name,
        appointed_by=appoints.group(1).casefold() if appoints and appoints.group(1) != "och" else chair_name,
        term_years=term_years,
        task=task.group(1) if task else "",
        source=sections.source(section),
    )


def _criteria(sections: Sections, intro: str, known: list[Criterion]) -> list[Criterion]:
    regex = re.compile(intro, re.IGNORECASE)
    for section in sections.all:
        lines = list(section.lines)
        for index, line in enumerate(lines):
            if not regex.search(line):
                continue
            items: list[list[str]] = []
            for following in lines[index + 1 :]:
                if _BULLET.match(following):
                    items.append([_BULLET.sub("", following)])
                elif following.strip() and items and following.strip()[0].islower():
                    items[-1].append(following)  # a bullet's text broken over lines
                elif following.strip() and items:
                    break
            texts = [join_lines(parts) for parts in items]
            return [
                Criterion(
                    key=known[i].key if i < len(known) and len(known) == len(texts) else slug(text)[:40],
                    text=text,
                    source=sections.source(section),
                )
                for i, text in enumerate(texts)
            ]
    raise ImportRefused("cli.knowledge.missing_fact", fact="kriterierna")


def _round(year: int, sections: Sections, text: str) -> Round:
    period = sections.sentence(r"nomineringsperioden")
    if period is None:
        raise ImportRefused("cli.knowledge.missing_fact", fact="nomineringsperioden")
    dates = day_month(period[0], year)
    if len(dates) < 2:
        match = re.search(r"(\d{1,2})\s+(\w+)\s+till\s+(\d{1,2})\s+(\w+)\s+(\d{4})", period[0])
        if match is None:
            raise ImportRefused("cli.knowledge.missing_fact", fact="nomineringsperioden")
        dates = day_month(f"{match.group(1)} {match.group(2)} {match.group(5)}", year) + day_month(
            f"{match.group(3)} {match.group(4)} {match.group(5)}", year
        )
    theme = re.search(r"Tema:\s*(.+)", text)
    focus = sections.sentence(r"års trygghetspris ska tilldelas")
    conference = sections.sentence(r"konferens\w*.*\bden\s+\d{1,2}\s+\w+")
    conference_dates = day_month(conference[0], year) if conference else []
    said = sentences(period[1].text)
    after = said[said.index(period[0]) + 1 : said.index(period[0]) + 3] if period[0] in said else []
    return Round(
        after_close=" ".join(after) or None,
        year=year,
        theme=" ".join(theme.group(1).split()) if theme else "",
        focus=_after(focus[0], "tilldelas").rstrip(".") if focus else "",
        nomination_opens=dates[0],
        nomination_closes=dates[1],
        conference_date=conference_dates[-1] if conference_dates else None,
        source=sections.source(period[1]),
    )


def _winners(sections: Sections, known: Prize | None) -> list[Winner]:
    found = sections.sentence(r"tidigare års vinnare")
    if found is None:
        return []
    section = found[1]
    start = re.search(r"tidigare års vinnare[^:]*:", section.text, re.IGNORECASE)
    listing = _BULLETS.sub(" ", section.text[start.end() :] if start else section.text)
    winners = []
    for match in _WINNER.finditer(listing):
        year, theme, rest = int(match.group(1)), match.group(2).rstrip(".").strip(), match.group(3).strip()
        rest = rest.strip().rstrip(".").strip()
        name, _, description = rest.partition(", ")
        known_winner = known.winner_for(year) if known else None
        aliases = known_winner.aliases if known_winner and known_winner.winner == name else [name]
        winners.append(
            Winner(
                year=year,
                theme=" ".join(theme.replace("- ", "").split()),
                winner=name,
                description=description or None,
                aliases=aliases,
                source=sections.source(section),
            )
        )
    return winners


__all__ = ["date", "parse_prize"]

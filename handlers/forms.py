"""What every chat platform shows alike: the nomination form (fields, hints, intro, error placement)
and the jury post's header and meta line.

Slack renders it as a Block Kit modal (handlers.slack.views.blocks), Teams as an Adaptive Card
(handlers.teams.cards); the texts come from ``bot/texts`` and the rules from the core.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from bot.jury.service import RankingView
from bot.knowledge.models import Prize, Round
from bot.nominations.model import CONTENT_FIELDS, Nomination, NominationContent
from bot.nominations.rules import (
    FIELD_SPECS,
    MIN_ADDED_VALUE_WORDS,
    MIN_DESCRIPTION_WORDS,
    CriterionCheck,
    FieldError,
    FieldSpec,
    checklist_lines,
    split_partners,
)
from bot.texts import format_date, format_decimal, quoted, t

# Inputs are named after the fields: the content fields and the nominator's e-mail.
FORM_FIELDS = (*CONTENT_FIELDS, "nominator_email")
OPTIONAL_FIELDS = frozenset({"innovation", "inspiration", "results", "contact", "nominator_email"})
# Partners are one organisation per line; their input is longer than one organisation's limit.
PARTNERS_MAX_LENGTH = 150 * 30


def field_spec(field: str) -> FieldSpec:
    """The core's limits of an input (``nominator_email`` is the core's ``nominator.email``)."""
    return FIELD_SPECS[field.replace("nominator_", "nominator.")]


def initial_value(content: NominationContent | None, email: str | None, field: str) -> str | None:
    """What an input shows at first: the field's current value (partners one per line)."""
    if field == "nominator_email":
        return email
    if content is None:
        return None
    value = getattr(content, field)
    if isinstance(value, list):
        return "\n".join(value) or None
    return value or None


def field_hint(prize: Prize, field: str, lang: str) -> str | None:
    """The hint under an input: the criterion in the document's words where one applies."""
    criteria = {c.key: c.text for c in [*prize.mandatory_criteria, *prize.assessment_criteria]}
    if field == "partners":
        return t(lang, "form.hint.partners", criterion=criteria["collaboration"])
    if field == "added_value":
        return t(lang, "form.hint.added_value", criterion=criteria["added_value"], minimum=MIN_ADDED_VALUE_WORDS)
    if field == "description":
        return t(lang, "form.hint.description", minimum=MIN_DESCRIPTION_WORDS)
    if field in ("innovation", "inspiration", "results"):
        return t(lang, "form.hint.assessment", criterion=criteria[field])
    if field in ("nominee", "contact", "nominator_email", "nominator_name"):
        return t(lang, f"form.hint.{field}")
    return None


def form_intro(prize: Prize, round_: Round, lang: str) -> str:
    """The round, its theme and period, and the criteria (``*bold*`` marks the headings)."""
    return t(
        lang,
        "form.intro",
        year=round_.year,
        theme=round_.theme,
        opens=format_date(round_.nomination_opens, lang),
        closes=format_date(round_.nomination_closes, lang),
        mandatory="; ".join(quoted(c.text, lang) for c in prize.mandatory_criteria),
        assessment="; ".join(quoted(c.text, lang) for c in prize.assessment_criteria),
    )


def errors_by_field(
    errors: Iterable[FieldError], fields: Iterable[str] = FORM_FIELDS, limit: int = 2000
) -> dict[str, str]:
    """Core field errors by the input they belong to; errors without an input of their own
    (the period, the name) go to the first input, so they show on top."""
    names = tuple(fields)
    placed: dict[str, str] = {}
    for error in errors:
        field = error.field.replace("nominator.", "nominator_")
        if field not in names:
            field = names[0]
        placed.setdefault(field, error.message[:limit])
    return placed


def form_content(values: Mapping[str, str | None]) -> NominationContent:
    """The nomination content from a form's values (blank means not given; partners one per line)."""

    def text(field: str) -> str | None:
        value = values.get(field)
        return value if value is not None and value.strip() else None

    return NominationContent(
        nominee=text("nominee") or "",
        partners=split_partners(text("partners") or ""),
        description=text("description") or "",
        added_value=text("added_value") or "",
        innovation=text("innovation"),
        inspiration=text("inspiration"),
        results=text("results"),
        contact=text("contact"),
    )


def post_header(nomination: Nomination, lang: str) -> str:
    """The jury post's heading: new, edited or withdrawn."""
    key = {
        "submitted": "post.header_edited" if nomination.revision else "post.header",
        "withdrawn": "post.header_withdrawn",
    }.get(nomination.status, "post.header")
    return t(lang, key, year=nomination.round_year)


def post_meta(nomination: Nomination, lang: str) -> str:
    status = t(lang, f"nom.status.{nomination.status}")
    return t(lang, "post.meta", id=nomination.id, year=nomination.round_year, status=status)


def submitted_text(
    nomination: Nomination, checks: list[CriterionCheck], lang: str, escape: Callable[[str, int], str], newline: str
) -> str:
    """The nominator's confirmation: the effort (user text, made inert by ``escape``), id and checklist."""
    text = t(
        lang,
        "chat.submitted",
        nominee=escape(nomination.nominee, 500),
        year=nomination.round_year,
        id=nomination.id,
        summary=newline.join(checklist_lines(checks, lang)),
    )
    if nomination.duplicate_of is not None:
        text += newline + t(lang, "chat.duplicate_note", id=nomination.duplicate_of)
    return text


def ranking_lines(view: RankingView, lang: str, item_key: str, escape: Callable[[str, int], str]) -> list[str]:
    """The jury's ranking as lines (place, nominee, score, how many scored, eligible), for App Home
    and the Teams ranking card alike: ``item_key`` is the surface's line, ``escape`` its user-text guard."""
    lines = []
    for place, ranked in enumerate(view.ranking, start=1):
        verdict = {True: "yes", False: "no", None: "unknown"}[ranked.eligible]
        score = format_decimal(ranked.score_float, lang) if ranked.score_float is not None else "–"
        values = {"place": place, "nominee": escape(ranked.nominee, 200), "id": ranked.nomination_id}
        values |= {"score": score, "scored_by": ranked.scored_by, "eligible": t(lang, f"jury.eligible.{verdict}")}
        lines.append(t(lang, item_key, **values))
    if not view.ranking:
        lines.append(t(lang, "jury.ranking.none", year=view.round_year))
    return lines


def todo_text(view: RankingView, juror: str, lang: str, key: str, escape: Callable[[str, int], str]) -> str:
    """What ``juror`` still has to assess (``key`` lists them), or that nothing is left."""
    names = {r.nomination_id: r.nominee for r in view.ranking}
    todo = view.missing.get(juror, [])
    if not todo:
        return t(lang, "slack.home.jury_todo_none")
    return t(lang, key, items=", ".join(f"{escape(names.get(i, i), 100)} ({i})" for i in todo))

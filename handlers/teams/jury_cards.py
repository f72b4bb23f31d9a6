"""Adaptive Cards for the jury in Teams: the scoring card, the ranking card, the digest.

The same content as Slack's scoring modal and App Home (:mod:`handlers.slack.views.jury`): the
criteria quoted from the prize data, every sentence from the text catalog, the rules in
:mod:`bot.jury`. What a card's ``Action.Submit`` sends back is parsed by :class:`JuryCardAction`
(pydantic): anything else is not a jury card.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.jury.model import ASSESSED_FIELDS, GRADES, MANDATORY_FIELDS, MAX_COMMENT, MAX_REASON
from bot.jury.service import RankingView
from bot.knowledge.models import Prize
from bot.nominations.model import Nomination
from bot.texts import Lang, t
from handlers import forms
from handlers.teams.cards import (
    SUBMIT_ASSESS,
    SUBMIT_DECIDE,
    SUBMIT_KEY,
    SUBMIT_LANG,
    SUBMIT_SCORE,
    adaptive_card,
    inert,
    text_block,
)

ASSESS = SUBMIT_ASSESS
SCORE = SUBMIT_SCORE
DECIDE = SUBMIT_DECIDE
CONFLICT_ON = "conflict"
SCORE_INPUTS = (*MANDATORY_FIELDS, *ASSESSED_FIELDS, "comment", "conflict", "reason")


class JuryCardAction(BaseModel):
    """A jury card's submission: which action, on which nomination, in which language, and its inputs."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    trygghetsbot: Literal["assess", "score", "decide"]
    lang: Lang = "sv"
    nomination_id: str = ""
    winner: str = ""
    collaboration: str | None = None
    added_value: str | None = None
    innovation: str | None = None
    inspiration: str | None = None
    results: str | None = None
    comment: str | None = None
    conflict: str | None = None
    reason: str | None = None

    @property
    def conflict_declared(self) -> bool:
        return self.conflict == CONFLICT_ON

    def inputs(self) -> dict[str, str | None]:
        return {field: getattr(self, field) for field in SCORE_INPUTS}


def jury_action(value: object) -> JuryCardAction | None:
    """The jury card action in an activity's ``value``, or None if it is none (or malformed)."""
    if not isinstance(value, dict) or value.get(SUBMIT_KEY) not in (ASSESS, SCORE, DECIDE):
        return None
    try:
        return JuryCardAction.model_validate(value)
    except ValidationError:
        return None


def _choices(options: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"title": title, "value": value} for value, title in options]


def score_card(
    nomination: Nomination,
    prize: Prize,
    lang: Lang = "sv",
    *,
    values: Mapping[str, str | None] | None = None,
    errors: Mapping[str, str] | None = None,
    refusal: str | None = None,
) -> dict[str, Any]:
    """The scoring card; after a refusal with what the juror chose and each field's error beside it."""
    values = values or {}
    errors = errors or {}
    criteria = {c.key: c.text for c in [*prize.mandatory_criteria, *prize.assessment_criteria]}
    title = t(lang, "teams.jury.score_title", nominee=inert(nomination.nominee, 300), id=nomination.id)
    body = [text_block(title, size="Large", weight="Bolder"), text_block(t(lang, "teams.jury.score_intro"))]
    if refusal or errors:
        problem = inert(refusal or t(lang, "teams.jury.fix_errors"), 2000)
        body.append(text_block(problem, color="Attention", weight="Bolder"))
    yes_no = _choices([("yes", t(lang, "slack.jury.yes")), ("no", t(lang, "slack.jury.no"))])
    grades = _choices([(str(grade), str(grade)) for grade in GRADES])

    def add(item: dict[str, Any], hint: str | None = None) -> None:
        if values.get(item["id"]):
            item["value"] = values[item["id"]]
        body.append(item)
        if hint:
            body.append(text_block(hint, isSubtle=True, size="Small", spacing="None"))
        if item["id"] in errors:
            body.append(text_block(inert(errors[item["id"]], 2000), color="Attention", spacing="None"))

    for field in MANDATORY_FIELDS:
        label = criteria[field].capitalize()
        add({"type": "Input.ChoiceSet", "id": field, "label": label, "style": "expanded", "choices": yes_no})
    for field in ASSESSED_FIELDS:
        label = criteria[field].capitalize()
        item = {"type": "Input.ChoiceSet", "id": field, "label": label, "style": "compact", "choices": grades}
        add({**item, "placeholder": t(lang, "slack.jury.grade")}, t(lang, "slack.jury.grade_hint"))
    add(
        {
            "type": "Input.Text",
            "id": "comment",
            "label": t(lang, "slack.jury.comment_label"),
            "isMultiline": True,
            "maxLength": MAX_COMMENT,
        }
    )
    add(
        {
            "type": "Input.Toggle",
            "id": "conflict",
            "label": t(lang, "slack.jury.conflict_label"),
            "title": t(lang, "slack.jury.conflict_option"),
            "valueOn": CONFLICT_ON,
            "valueOff": "",
        }
    )
    add({"type": "Input.Text", "id": "reason", "label": t(lang, "slack.jury.reason_label"), "maxLength": MAX_REASON})
    submit = {
        "type": "Action.Submit",
        "title": t(lang, "slack.jury.score_submit"),
        "data": {SUBMIT_KEY: SCORE, "nomination_id": nomination.id, SUBMIT_LANG: lang},
    }
    return adaptive_card(body, [submit])


def ranking_card(
    view: RankingView, juror: str, *, decidable: Collection[str], closed_reason: str | None, lang: Lang = "sv"
) -> dict[str, Any]:
    """What Slack's App Home shows a juror: the ranking, what they still have to assess, and the
    choice of winner among ``decidable`` (the chair's; where the chair declared jäv, the deputy's)."""
    lines = forms.ranking_lines(view, lang, "teams.jury.rank_item", inert)
    names = {r.nomination_id: r.nominee for r in view.ranking}
    if view.winner:
        lines.append(t(lang, "jury.ranking.winner", nominee=inert(names.get(view.winner, view.winner)), id=view.winner))
    todo_text = forms.todo_text(view, juror, lang, "teams.jury.todo", inert)
    body: list[dict[str, Any]] = [
        text_block(t(lang, "teams.jury.ranking_title", year=view.round_year), size="Large", weight="Bolder"),
        text_block("\n\n".join(lines)),
        text_block(inert(closed_reason, 2000) if closed_reason else todo_text),
    ]
    actions: list[dict[str, Any]] = []
    eligible = [r for r in view.ranking if r.eligible and r.nomination_id in decidable]
    if view.winner is None and eligible:
        options = [(r.nomination_id, f"{r.nominee[:70]} ({r.nomination_id})") for r in eligible[:100]]
        body.append(
            {
                "type": "Input.ChoiceSet",
                "id": "winner",
                "label": t(lang, "teams.jury.winner_label"),
                "style": "compact",
                "isRequired": True,
                "choices": _choices(options),
            }
        )
        actions.append(
            {
                "type": "Action.Submit",
                "title": t(lang, "slack.home.decide"),
                "data": {SUBMIT_KEY: DECIDE, SUBMIT_LANG: lang},
            }
        )
    return adaptive_card(body, actions)


def digest_text(year: int, nominations: list[Nomination], lang: str = "sv") -> str:
    """The jury channels' post when the nomination period has closed: every nomination to assess."""
    items = [t(lang, "teams.jury.digest_item", nominee=inert(n.nominee, 200), id=n.id) for n in nominations]
    return "\n\n".join([t(lang, "teams.jury.digest_header", year=year, count=len(nominations)), *items])

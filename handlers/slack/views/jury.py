"""Block Kit for the jury's work: the scoring modal, the jurors' App Home section, the digest.

The criteria are quoted from the prize document (the knowledge data); every sentence comes
from the text catalog; the rules (what a valid score is, who may decide) stay in bot.jury.
"""

from __future__ import annotations

import json
from collections.abc import Collection

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    CheckboxesElement,
    ConfirmObject,
    DividerBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    RadioButtonsElement,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.jury.model import ASSESSED_FIELDS, GRADES, MANDATORY_FIELDS, MAX_COMMENT, MAX_REASON
from bot.jury.service import RankingView
from bot.knowledge.models import Prize
from bot.nominations.model import Nomination
from bot.texts import t, t_count
from handlers import forms
from handlers.slack.transport.escaping import cut, safe
from handlers.slack.views.blocks import ASSESS_ACTION

__all__ = ["ASSESS_ACTION", "DECIDE_ACTION", "SCORE_CALLBACK", "digest_text", "jury_home_blocks", "score_modal"]

SCORE_CALLBACK = "jury_score_modal"
DECIDE_ACTION = "jury_decide"
MANDATORY = MANDATORY_FIELDS
ASSESSED = ASSESSED_FIELDS
CONFLICT_VALUE = "conflict"


def score_modal(nomination: Nomination, prize: Prize, lang: str = "sv") -> View:
    criteria = {c.key: c.text for c in [*prize.mandatory_criteria, *prize.assessment_criteria]}
    yes_no = [
        Option(value="yes", text=PlainTextObject(text=t(lang, "slack.jury.yes"))),
        Option(value="no", text=PlainTextObject(text=t(lang, "slack.jury.no"))),
    ]
    grades = [Option(value=str(grade), text=PlainTextObject(text=str(grade))) for grade in GRADES]
    blocks: list[Block] = [
        SectionBlock(
            text=MarkdownTextObject(
                text=t(lang, "slack.jury.score_intro", nominee=safe(nomination.nominee, 300), id=nomination.id)
            )
        )
    ]
    for field in MANDATORY:
        blocks.append(
            InputBlock(
                block_id=field,
                optional=True,  # not needed when the juror declares a conflict instead
                label=PlainTextObject(text=cut(criteria[field].capitalize(), 2000)),
                element=RadioButtonsElement(action_id=field, options=yes_no),
            )
        )
    for field in ASSESSED:
        blocks.append(
            InputBlock(
                block_id=field,
                optional=True,
                label=PlainTextObject(text=cut(criteria[field].capitalize(), 2000)),
                hint=PlainTextObject(text=t(lang, "slack.jury.grade_hint")),
                element=StaticSelectElement(
                    action_id=field, placeholder=PlainTextObject(text=t(lang, "slack.jury.grade")), options=grades
                ),
            )
        )
    blocks += [
        InputBlock(
            block_id="comment",
            optional=True,
            label=PlainTextObject(text=t(lang, "slack.jury.comment_label")),
            element=PlainTextInputElement(action_id="comment", multiline=True, max_length=MAX_COMMENT),
        ),
        InputBlock(
            block_id="conflict",
            optional=True,
            label=PlainTextObject(text=t(lang, "slack.jury.conflict_label")),
            element=CheckboxesElement(
                action_id="conflict",
                options=[
                    Option(value=CONFLICT_VALUE, text=PlainTextObject(text=t(lang, "slack.jury.conflict_option")))
                ],
            ),
        ),
        InputBlock(
            block_id="reason",
            optional=True,
            label=PlainTextObject(text=t(lang, "slack.jury.reason_label")),
            element=PlainTextInputElement(action_id="reason", max_length=MAX_REASON),
        ),
    ]
    return View(
        type="modal",
        callback_id=SCORE_CALLBACK,
        title=PlainTextObject(text=t(lang, "slack.jury.score_title")),
        submit=PlainTextObject(text=t(lang, "slack.jury.score_submit")),
        close=PlainTextObject(text=t(lang, "slack.modal.close")),
        private_metadata=json.dumps({"nomination_id": nomination.id}),
        blocks=blocks,
    )


def jury_home_blocks(
    view: RankingView, juror: str, *, decidable: Collection[str], closed_reason: str | None, lang: str = "sv"
) -> list[Block]:
    """The ranking, what this juror still has to do, and the winner's choice among ``decidable``
    (the chair's; where the chair declared jäv, the deputy chair's)."""
    lines = [t(lang, "slack.home.jury_ranking", year=view.round_year)]
    lines += forms.ranking_lines(view, lang, "slack.home.jury_rank_item", safe)
    todo_text = forms.todo_text(view, juror, lang, "slack.home.jury_todo", safe)
    blocks: list[Block] = [
        DividerBlock(),
        SectionBlock(text=MarkdownTextObject(text=cut("\n".join(lines), 3000))),
        SectionBlock(text=MarkdownTextObject(text=cut(closed_reason or todo_text, 3000))),
    ]
    eligible = [r for r in view.ranking if r.eligible and r.nomination_id in decidable]
    if view.winner is None and eligible:
        blocks.append(
            ActionsBlock(
                block_id="jury_decide",
                elements=[
                    StaticSelectElement(
                        action_id=DECIDE_ACTION,
                        placeholder=PlainTextObject(text=t(lang, "slack.home.decide")),
                        options=[
                            Option(value=r.nomination_id, text=PlainTextObject(text=cut(r.nominee, 70)))
                            for r in eligible[:100]
                        ],
                        confirm=ConfirmObject(
                            title=t(lang, "slack.home.decide_confirm_title"),
                            text=t(lang, "slack.home.decide_confirm_text"),
                            confirm=t(lang, "slack.home.decide_confirm_yes"),
                            deny=t(lang, "slack.home.decide_confirm_no"),
                        ),
                    )
                ],
            )
        )
    return blocks


def digest_text(
    year: int, nominations: list[Nomination], links: dict[str, str], lang: str = "sv"
) -> tuple[str, list[Block]]:
    """One post per jury channel when the period has closed: every nomination, linked to its post."""
    items = []
    for nomination in nominations:
        nominee = safe(nomination.nominee, 200)
        link = links.get(nomination.id)
        key = "slack.jury.digest_item" if link else "slack.jury.digest_item_nolink"
        items.append(t(lang, key, nominee=nominee, id=nomination.id, link=link or ""))
    header = t_count(lang, "slack.jury.digest_header", len(nominations), year=year)
    text = "\n".join([header, *items])
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=cut(header, 3000)))]
    for start in range(0, len(items), 30):  # a section holds 3000 characters
        blocks.append(SectionBlock(text=MarkdownTextObject(text=cut("\n".join(items[start : start + 30]), 3000))))
    return cut(text, 3000), blocks[:50]

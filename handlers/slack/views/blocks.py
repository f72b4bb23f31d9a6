"""Block Kit views and messages, built with slack_sdk's typed models.

The models check Slack's limits (title 24 characters, text 3000, ...) when the
payload is built; user text is escaped and cut to fit before it gets there.
"""

from __future__ import annotations

import json

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.knowledge.models import Prize, Round
from bot.nominations.model import Nomination, NominationContent
from bot.nominations.rules import CriterionCheck, checklist_lines
from bot.texts import t
from handlers.forms import (
    FORM_FIELDS,
    OPTIONAL_FIELDS,
    PARTNERS_MAX_LENGTH,
    field_hint,
    field_spec,
    form_intro,
    initial_value,
    post_header,
    post_meta,
)
from handlers.slack.transport.escaping import cut, escape_mrkdwn, safe

MODAL_CALLBACK = "nomination_modal"
SHOW_FULL_ACTION = "jury_show_full"
HOME_EDIT_ACTION = "home_edit"
HOME_WITHDRAW_ACTION = "home_withdraw"
JURY_LIST_ACTION = "jury_list_all"
JURY_EXPORT_ACTION = "jury_export_csv"
ASSESS_ACTION = "jury_assess"  # "Bedöm": opens the scoring modal (handlers.slack.listeners.jury_actions)
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
FALLBACK_LIMIT = 3000


def nomination_modal(
    prize: Prize,
    round_: Round,
    lang: str = "sv",
    *,
    content: NominationContent | None = None,
    email: str | None = None,
    nomination_id: str | None = None,
) -> View:
    intro = form_intro(prize, round_, lang)
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=cut(intro, SECTION_LIMIT)))]
    for field in FORM_FIELDS:
        spec = field_spec(field)
        multiline = spec.multiline or field == "partners"
        max_length = PARTNERS_MAX_LENGTH if field == "partners" else spec.max_length
        initial = initial_value(content, email, field)
        hint = field_hint(prize, field, lang)
        blocks.append(
            InputBlock(
                block_id=field,
                label=PlainTextObject(text=t(lang, f"form.label.{field}")),
                hint=PlainTextObject(text=cut(hint, 2000)) if hint else None,
                optional=field in OPTIONAL_FIELDS,
                element=PlainTextInputElement(
                    action_id=field,
                    multiline=multiline,
                    max_length=min(max_length, 3000),
                    initial_value=cut(initial, 3000) if initial else None,
                ),
            )
        )
    return View(
        type="modal",
        callback_id=MODAL_CALLBACK,
        title=PlainTextObject(text=t(lang, "slack.modal.title_edit" if nomination_id else "slack.modal.title")),
        submit=PlainTextObject(text=t(lang, "form.submit")),
        close=PlainTextObject(text=t(lang, "slack.modal.close")),
        private_metadata=json.dumps({"nomination_id": nomination_id} if nomination_id else {}),
        blocks=blocks,
    )


def _checklist_text(checks: list[CriterionCheck], lang: str) -> str:
    return t(
        lang, "slack.jury.checklist", items="\n".join(escape_mrkdwn(line) for line in checklist_lines(checks, lang))
    )


def _nominator_line(nomination: Nomination, lang: str) -> str:
    return t(lang, "slack.jury.nominator", label=t(lang, "post.nominated_by"), nominator=_nominator_text(nomination))


def _nominator_text(nomination: Nomination) -> str:
    person = nomination.nominator
    slack_id = (person.user_id or "").removeprefix("slack:")
    parts = [escape_mrkdwn(person.name)] if person.name else []
    if person.email:
        parts.append(escape_mrkdwn(person.email))
    # A real mention of the nominator is ours to make, not user text: ids are checked to be Slack ids.
    if slack_id.isalnum():
        parts.append(f"<@{slack_id}>")
    return ", ".join(parts) or "–"


def jury_message(nomination: Nomination, checks: list[CriterionCheck], lang: str = "sv") -> tuple[str, list[Block]]:
    """The jury post for a nomination in its current state: fallback text and blocks."""
    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=cut(post_header(nomination, lang), HEADER_LIMIT))),
        SectionBlock(text=MarkdownTextObject(text=t(lang, "slack.jury.lead", nominee=safe(nomination.nominee, 500)))),
        SectionBlock(
            text=MarkdownTextObject(
                text=t(lang, "slack.jury.partners", partners=safe(", ".join(nomination.partners), 2500))
            )
        ),
        SectionBlock(text=MarkdownTextObject(text=cut(_checklist_text(checks, lang), SECTION_LIMIT))),
        SectionBlock(text=MarkdownTextObject(text=_nominator_line(nomination, lang))),
    ]
    if nomination.status == "withdrawn":
        blocks.append(SectionBlock(text=MarkdownTextObject(text=t(lang, "post.withdrawn_note"))))
    blocks += [
        ContextBlock(elements=[MarkdownTextObject(text=post_meta(nomination, lang))]),
        ActionsBlock(
            elements=[
                ButtonElement(
                    text=PlainTextObject(text=t(lang, "slack.jury.show_full")),
                    action_id=SHOW_FULL_ACTION,
                    value=nomination.id,
                ),
                ButtonElement(
                    text=PlainTextObject(text=t(lang, "slack.jury.assess")),
                    action_id=ASSESS_ACTION,
                    value=nomination.id,
                    style="primary",
                ),
            ]
        ),
    ]
    fallback = t(lang, "post.fallback", year=nomination.round_year, nominee=nomination.nominee, id=nomination.id)
    return safe(fallback, FALLBACK_LIMIT), blocks


def full_nomination_view(nomination: Nomination, labels: dict[str, str], lang: str = "sv") -> View:
    """Every field of a nomination, for the jury (each field cut to fit one section)."""
    blocks: list[Block] = []
    for field, label in labels.items():
        value = getattr(nomination, field, None)
        if isinstance(value, list):
            value = ", ".join(value)
        text = f"*{escape_mrkdwn(label)}*\n{safe(value, SECTION_LIMIT - len(label) - 10) if value else '–'}"
        blocks.append(SectionBlock(text=MarkdownTextObject(text=text)))
    blocks.append(SectionBlock(text=MarkdownTextObject(text=_nominator_line(nomination, lang))))
    return View(type="modal", title=PlainTextObject(text=t(lang, "slack.jury.full_title")), blocks=blocks[:100])


def home_view(
    *,
    lang: str,
    period_text: str,
    nominations: list[Nomination],
    example_questions: list[str],
    jury_text: str | None,
    jury_blocks: list[Block] | None = None,
) -> View:
    blocks: list[Block] = [
        HeaderBlock(text=PlainTextObject(text=t(lang, "slack.home.title"))),
        SectionBlock(text=MarkdownTextObject(text=cut(period_text, SECTION_LIMIT))),
        DividerBlock(),
        SectionBlock(text=MarkdownTextObject(text=t(lang, "slack.home.mine"))),
    ]
    if not nominations:
        blocks.append(SectionBlock(text=MarkdownTextObject(text=t(lang, "slack.home.none"))))
    for nomination in nominations[:30]:  # App Home holds 100 blocks
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(
                    text=t(
                        lang,
                        "slack.home.item",
                        nominee=safe(nomination.nominee, 500),
                        status=t(lang, f"nom.status.{nomination.status}"),
                        id=nomination.id,
                    )
                )
            )
        )
        if nomination.status != "withdrawn":
            blocks.append(_home_actions(nomination, lang))
    items = "\n".join(f"• {escape_mrkdwn(question)}" for question in example_questions)
    blocks += [DividerBlock(), SectionBlock(text=MarkdownTextObject(text=t(lang, "slack.home.examples", items=items)))]
    if jury_text:
        blocks += [
            DividerBlock(),
            SectionBlock(text=MarkdownTextObject(text=cut(jury_text, SECTION_LIMIT))),
            ActionsBlock(
                elements=[
                    ButtonElement(
                        text=PlainTextObject(text=t(lang, "slack.home.jury_list")), action_id=JURY_LIST_ACTION
                    ),
                    ButtonElement(
                        text=PlainTextObject(text=t(lang, "slack.home.jury_export")), action_id=JURY_EXPORT_ACTION
                    ),
                ]
            ),
        ]
    blocks += jury_blocks or []
    return View(type="home", blocks=blocks)


def _home_actions(nomination: Nomination, lang: str) -> ActionsBlock:
    return ActionsBlock(
        block_id=f"home_{nomination.id}",
        elements=[
            ButtonElement(
                text=PlainTextObject(text=t(lang, "slack.home.edit")), action_id=HOME_EDIT_ACTION, value=nomination.id
            ),
            ButtonElement(
                text=PlainTextObject(text=t(lang, "slack.home.withdraw")),
                action_id=HOME_WITHDRAW_ACTION,
                value=nomination.id,
                style="danger",
                confirm=ConfirmObject(
                    title=t(lang, "slack.home.withdraw_confirm_title"),
                    text=t(lang, "slack.home.withdraw_confirm_text"),
                    confirm=t(lang, "slack.home.withdraw_confirm_yes"),
                    deny=t(lang, "slack.home.withdraw_confirm_no"),
                ),
            ),
        ],
    )


def jury_list_view(nominations: list[Nomination], year: int, lang: str = "sv") -> View:
    """Every submitted nomination of the round, one section each (the jury's overview)."""
    blocks: list[Block] = [
        SectionBlock(text=MarkdownTextObject(text=t(lang, "slack.jury.list_title", year=year, count=len(nominations))))
    ]
    for nomination in nominations[:99]:
        text = t(
            lang,
            "slack.jury.list_item",
            nominee=safe(nomination.nominee, 300),
            partners=safe(", ".join(nomination.partners), 1000),
            nominator=_nominator_text(nomination),
            id=nomination.id,
        )
        blocks.append(SectionBlock(text=MarkdownTextObject(text=cut(text, SECTION_LIMIT))))
    return View(type="modal", title=PlainTextObject(text=t(lang, "slack.jury.list_modal_title")), blocks=blocks)

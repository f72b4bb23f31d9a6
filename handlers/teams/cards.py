"""Adaptive Cards for Teams: the nomination form and the jury post.

Texts come from ``bot/texts`` (the form's labels, hints and intro are the ones the Slack modal
shows, :mod:`handlers.forms`), the criteria from the knowledge data. User text is made inert with
:func:`inert` before it goes into a card: no markdown or HTML markup, no ``{{DATE()}}``
functions, and no ``@channel``/``@team`` (Teams only mentions through ``<at>`` plus a mention
entity, which the bot never sends for user text).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from bot.knowledge.models import Prize, Round
from bot.nominations.model import Nomination
from bot.nominations.rules import CriterionCheck, checklist_lines
from bot.texts import Lang, t
from handlers import forms

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_VERSION = "1.5"
# The card's inputs: the nominator's name (Teams gives only a display name) beside the shared fields.
CARD_FIELDS = (*forms.FORM_FIELDS[:-1], "nominator_name", forms.FORM_FIELDS[-1])
# Action.Submit data: tells a form submission from other card actions.
SUBMIT_KEY = "trygghetsbot"
SUBMIT_NOMINATE = "nominate"
SUBMIT_LANG = "lang"
# On the form card that edits a nomination: its id (handlers.teams.editing).
SUBMIT_EDIT = "edit"
# The jury's card actions (handlers.teams.jury_cards): "Bedöm", a scoring card's submission, the chair's choice.
SUBMIT_ASSESS = "assess"
SUBMIT_SCORE = "score"
SUBMIT_DECIDE = "decide"
VALUE_LIMIT = 3000
# Teams refuses a message over about 28 KB (the user would see a generic error instead of the card):
# a card the bot sends stays within this many bytes of JSON.
CARD_BUDGET_BYTES = 24_000

_MARKUP = re.compile(r"([\\`*_~\[\]])")
_MENTION = re.compile(r"@(?=(channel|team|everyone|here)\b)", re.IGNORECASE)


def inert(text: str, limit: int = VALUE_LIMIT) -> str:
    """User text shown as written: markdown escaped, HTML and card functions broken, no group mentions."""
    text = text[:limit]
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("{{", "{\u200b{")
    text = _MENTION.sub("@\u200b", text)
    return _MARKUP.sub(r"\\\1", text)


def attachment(card: dict[str, Any]) -> dict[str, Any]:
    return {"contentType": CARD_CONTENT_TYPE, "content": card}


def adaptive_card(body: list[dict[str, Any]], actions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    card: dict[str, Any] = {"type": "AdaptiveCard", "$schema": CARD_SCHEMA, "version": CARD_VERSION, "body": body}
    if actions:
        card["actions"] = actions
    return card


def text_block(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def nomination_form(
    prize: Prize,
    round_: Round,
    lang: Lang = "sv",
    *,
    values: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    editing: str | None = None,
) -> dict[str, Any]:
    """The form card; ``values`` (what the user wrote, or the nomination's fields when ``editing``
    its id) and ``errors`` (field -> message) after a refusal."""
    values = values or {}
    errors = errors or {}
    body: list[dict[str, Any]] = [
        text_block(t(lang, "teams.card.title", year=round_.year), size="Large", weight="Bolder"),
        # The shared intro marks headings with *…*, Slack's bold; Adaptive Cards' markdown wants **…**.
        text_block(forms.form_intro(prize, round_, lang).replace("*", "**")),
    ]
    if errors:
        body.append(text_block(t(lang, "teams.card.fix_errors"), color="Attention", weight="Bolder"))
    for field in CARD_FIELDS:
        spec = forms.field_spec(field)
        multiline = spec.multiline or field == "partners"
        item: dict[str, Any] = {
            "type": "Input.Text",
            "id": field,
            "label": t(lang, f"form.label.{field}"),
            "isMultiline": multiline,
            "maxLength": forms.PARTNERS_MAX_LENGTH if field == "partners" else spec.max_length,
            "isRequired": field not in forms.OPTIONAL_FIELDS,
        }
        if values.get(field):
            # What the user wrote comes back, but never more than the input itself holds.
            item["value"] = values[field][: item["maxLength"]]
        body.append(item)
        hint = forms.field_hint(prize, field, lang)
        if hint:
            body.append(text_block(hint, isSubtle=True, size="Small", spacing="None"))
        if field in errors:
            body.append(text_block(inert(errors[field], 2000), color="Attention", spacing="None"))
    submit = {
        "type": "Action.Submit",
        "title": t(lang, "form.submit"),
        # The card's language comes back with its inputs: the answer to it is in the same one.
        "data": {SUBMIT_KEY: SUBMIT_NOMINATE, SUBMIT_LANG: lang, **({SUBMIT_EDIT: editing} if editing else {})},
    }
    return _within_budget(adaptive_card(body, [submit]))


def card_size(card: dict[str, Any]) -> int:
    return len(json.dumps(card, ensure_ascii=False).encode())


def _within_budget(card: dict[str, Any]) -> dict[str, Any]:
    """Drops the longest echoed inputs until the card fits Teams' message size; the field errors stay."""
    echoed = sorted((item for item in card["body"] if "value" in item), key=lambda item: len(item["value"]))
    while echoed and card_size(card) > CARD_BUDGET_BYTES:
        del echoed.pop()["value"]
    return card


def assess_action(nomination_id: str, lang: str = "sv") -> dict[str, Any]:
    """The jury post's "Bedöm": gives the juror who presses it the scoring card."""
    return {
        "type": "Action.Submit",
        "title": t(lang, "teams.jury.assess"),
        "data": {SUBMIT_KEY: SUBMIT_ASSESS, "nomination_id": nomination_id, SUBMIT_LANG: lang},
    }


def form_values(value: object) -> dict[str, str] | None:
    """The inputs of a submitted form card (strings only), or None if ``value`` is not one."""
    if not isinstance(value, dict) or value.get(SUBMIT_KEY) != SUBMIT_NOMINATE:
        return None
    return {field: text for field in CARD_FIELDS if isinstance(text := value.get(field), str)}


def form_editing(value: object) -> str | None:
    """The id of the nomination a submitted form card edits, or None for a new nomination."""
    editing = value.get(SUBMIT_EDIT) if isinstance(value, dict) else None
    return editing if isinstance(editing, str) and editing.strip() else None


def form_lang(value: object) -> Lang:
    """The language of the submitted form card (Swedish for a card without one)."""
    return "en" if isinstance(value, dict) and value.get(SUBMIT_LANG) == "en" else "sv"


def jury_post(
    nomination: Nomination,
    checks: list[CriterionCheck],
    lang: str = "sv",
    *,
    scored: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """The jury's post about a nomination in its current state: summary text and card.

    ``scored``: how many jurors have assessed it, of how many; a submitted nomination's card
    carries "Bedöm", which gives the juror who presses it the scoring card (handlers.teams.jury).
    """
    person = nomination.nominator
    nominator = ", ".join(part for part in (person.name, person.email or "") if part) or "–"
    facts = [
        {"title": t(lang, "form.label.nominee"), "value": inert(nomination.nominee, 500)},
        {"title": t(lang, "form.label.partners"), "value": inert(", ".join(nomination.partners), 2500)},
        {"title": t(lang, "post.nominated_by"), "value": inert(nominator, 500)},
    ]
    body: list[dict[str, Any]] = [
        text_block(forms.post_header(nomination, lang), size="Large", weight="Bolder"),
        {"type": "FactSet", "facts": facts},
        text_block("\n\n".join(inert(line) for line in checklist_lines(checks, lang))),
    ]
    if nomination.status == "withdrawn":
        body.append(text_block(t(lang, "post.withdrawn_note"), color="Attention"))
    elif scored is not None:
        body.append(text_block(t(lang, "teams.jury.scored", count=scored[0], total=scored[1]), weight="Bolder"))
    body.append(text_block(forms.post_meta(nomination, lang), isSubtle=True, size="Small"))
    actions = None
    if nomination.status == "submitted":
        actions = [assess_action(nomination.id, lang)]
    summary = t(lang, "post.fallback", year=nomination.round_year, nominee=nomination.nominee, id=nomination.id)
    return {
        "type": "message",
        "summary": inert(summary, 300),
        "attachments": [attachment(adaptive_card(body, actions))],
    }

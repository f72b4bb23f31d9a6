"""Editing a nomination in Teams: "ändra nominering ID" gives the nomination form card filled in
with the nomination as it stands (instead of the chat's step-by-step dialog); its submission goes
to :meth:`NominationService.edit`, refusals come back on the card beside their inputs, and the
jury's posts are replaced through the outbox as for any edit.
"""

from __future__ import annotations

from microsoft_agents.hosting.core import TurnContext

from bot.nominations.model import Nomination
from bot.nominations.service import NominationError, Rejected
from bot.texts import Lang, t
from handlers.forms import errors_by_field, form_content, initial_value
from handlers.teams.activities import TeamsBot, client_lang, teams_nominator
from handlers.teams.cards import CARD_FIELDS, attachment, form_editing, form_lang, nomination_form


def _filled(nomination: Nomination) -> dict[str, str]:
    content = nomination.content()
    fields = [field for field in CARD_FIELDS if field != "nominator_name"]  # not a content field
    values = {field: initial_value(content, nomination.nominator.email, field) for field in fields}
    values["nominator_name"] = nomination.nominator.name
    return {field: value for field, value in values.items() if value}


async def send_edit_form(bot: TeamsBot, context: TurnContext, nomination_id: str) -> None:
    activity = context.activity
    lang = client_lang(activity)
    service = bot.deps.service
    closed = service.period_message(lang)
    if closed:
        await bot.say(context, closed)
        return
    try:
        nomination = await service.get_own(nomination_id, teams_nominator(activity), lang)
    except NominationError as refused:
        await bot.say(context, refused.errors[0].message)
        return
    if nomination.status == "withdrawn":
        await bot.say(context, t(lang, "nom.error.withdrawn", id=nomination.id))
        return
    await _send_card(bot, context, lang, nomination.id, _filled(nomination))


async def _send_card(
    bot: TeamsBot,
    context: TurnContext,
    lang: Lang,
    nomination_id: str,
    values: dict[str, str],
    errors: dict[str, str] | None = None,
) -> None:
    prize, round_ = bot.deps.knowledge.prize, bot.deps.service.round
    card = nomination_form(prize, round_, lang, values=values, errors=errors, editing=nomination_id)
    await bot.send(context, {"type": "message", "attachments": [attachment(card)]})


async def submit_edit(bot: TeamsBot, context: TurnContext, values: dict[str, str]) -> None:
    activity = context.activity
    nomination_id = form_editing(activity.value) or ""
    lang = form_lang(activity.value)
    person = teams_nominator(activity, values.get("nominator_name", ""), values.get("nominator_email"))
    try:
        edited = await bot.deps.service.edit(
            nomination_id, form_content(values), person, lang, idempotency_key=f"teams-activity:{activity.id}"
        )
    except Rejected as refused:
        await _send_card(bot, context, lang, nomination_id, values, errors_by_field(refused.errors, CARD_FIELDS))
        return
    except NominationError as refused:  # period closed, not theirs, withdrawn
        await bot.say(context, refused.errors[0].message)
        return
    bot.deps.outbox_ready.set()
    await bot.say(context, t(lang, "nom.edited", id=edited.id))

"""Buttons: the jury's "show full nomination", and edit/withdraw in App Home."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.nominations.rules import field_label
from bot.nominations.service import NominationError
from bot.texts import t
from handlers.slack.blocks import (
    HOME_EDIT_ACTION,
    HOME_WITHDRAW_ACTION,
    JURY_LIST_ACTION,
    SHOW_FULL_ACTION,
    full_nomination_view,
    jury_list_view,
    nomination_modal,
)
from handlers.slack.deps import SlackDeps, slack_nominator
from handlers.slack.home import publish_home
from handlers.slack.jury import is_jury_member
from handlers.slack.payloads import BlockAction

LANG = "sv"
FULL_FIELDS = ("nominee", "partners", "description", "added_value", "innovation", "inspiration", "results", "contact")


def register(app: AsyncApp, deps: SlackDeps) -> None:
    @app.action(SHOW_FULL_ACTION)
    async def show_full(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient, respond: AsyncRespond) -> None:
        await ack()
        action = BlockAction.from_body(body)
        if not await is_jury_member(client, deps.settings, action.user.id):
            await respond(t(LANG, "slack.jury.refused"), response_type="ephemeral", replace_original=False)
            return
        nomination = await deps.store.nominations.get(action.value)
        if nomination is None:
            await respond(t(LANG, "slack.jury.not_found", id=action.value), replace_original=False)
            return
        labels = {field: field_label(field, LANG).capitalize() for field in FULL_FIELDS}
        await client.views_open(trigger_id=action.trigger_id, view=full_nomination_view(nomination, labels, LANG))

    @app.action(JURY_LIST_ACTION)
    async def list_all(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        action = BlockAction.from_body(body)
        # Checked again on every press: the button is only shown to the jury, but a payload can be forged.
        if not await is_jury_member(client, deps.settings, action.user.id):
            await client.chat_postMessage(channel=action.user.id, text=t(LANG, "slack.jury.refused"))
            return
        year = deps.service.round.year
        submitted = await deps.store.nominations.list(round_year=year, statuses=("submitted",))
        await client.views_open(trigger_id=action.trigger_id, view=jury_list_view(submitted, year, LANG))

    @app.action(HOME_EDIT_ACTION)
    async def edit(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        action = BlockAction.from_body(body)
        user = slack_nominator(action.user.id)
        try:
            nomination = await deps.service.get_own(action.value, user, LANG)
        except NominationError as error:
            await client.chat_postMessage(
                channel=action.user.id, text=t(LANG, "slack.action_failed", message=error.errors[0].message)
            )
            return
        modal = nomination_modal(
            deps.knowledge.prize,
            deps.service.round,
            LANG,
            content=nomination.content(),
            email=nomination.nominator.email,
            nomination_id=nomination.id,
        )
        await client.views_open(trigger_id=action.trigger_id, view=modal)

    @app.action(HOME_WITHDRAW_ACTION)
    async def withdraw(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        action = BlockAction.from_body(body)
        try:
            nomination = await deps.service.withdraw(action.value, slack_nominator(action.user.id), LANG)
        except NominationError as error:
            text = t(LANG, "slack.action_failed", message=error.errors[0].message)
        else:
            deps.outbox_ready.set()
            text = t(LANG, "slack.withdrawn_dm", id=nomination.id)
        await client.chat_postMessage(channel=action.user.id, text=text)
        await publish_home(client, deps, action.user.id)

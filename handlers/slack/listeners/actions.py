"""Buttons: the jury's "show full nomination", overview and export, and edit/withdraw in App Home.

Every button is acknowledged first; the work (a jury check is a Web API call) runs after.
"""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.nominations.export import export_bytes
from bot.nominations.model import CONTENT_FIELDS, Nomination
from bot.nominations.rules import field_label
from bot.nominations.service import NominationError
from bot.texts import t, t_count
from handlers.slack.deps import SlackDeps, slack_nominator
from handlers.slack.listeners.jury_membership import is_jury_member
from handlers.slack.transport.client import respond_via
from handlers.slack.transport.payloads import BlockAction
from handlers.slack.views.blocks import (
    HOME_EDIT_ACTION,
    HOME_WITHDRAW_ACTION,
    JURY_EXPORT_ACTION,
    JURY_LIST_ACTION,
    SHOW_FULL_ACTION,
    full_nomination_view,
    jury_list_view,
    nomination_modal,
)
from handlers.slack.views.home import publish_home

LANG = "sv"


def register(app: AsyncApp, deps: SlackDeps) -> None:
    def on_press(action_id: str, work: Any) -> None:
        @app.action(action_id)
        async def listener(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
            await ack()
            deps.tasks.spawn(work(deps, client, BlockAction.from_body(body), body.get("response_url")))

    on_press(SHOW_FULL_ACTION, _show_full)
    on_press(JURY_LIST_ACTION, _list_all)
    on_press(JURY_EXPORT_ACTION, _export)
    on_press(HOME_EDIT_ACTION, _edit)
    on_press(HOME_WITHDRAW_ACTION, _withdraw)


async def _refuse(deps: SlackDeps, client: AsyncWebClient, action: BlockAction, response_url: str | None) -> None:
    text = t(LANG, "slack.jury.refused")
    if response_url:
        await respond_via(deps.http, response_url, text)
    else:
        await client.chat_postMessage(channel=action.user.id, text=text)


async def _show_full(deps: SlackDeps, client: AsyncWebClient, action: BlockAction, response_url: str | None) -> None:
    if not await is_jury_member(client, deps.settings, action.user.id):
        await _refuse(deps, client, action, response_url)
        return
    nomination = await deps.store.nominations.get(action.value)
    if nomination is None:
        await client.chat_postMessage(channel=action.user.id, text=t(LANG, "slack.jury.not_found", id=action.value))
        return
    labels: dict[str, str] = {field: field_label(field, LANG).capitalize() for field in CONTENT_FIELDS}
    await client.views_open(trigger_id=action.trigger_id, view=full_nomination_view(nomination, labels, LANG))


async def _round_for_jury(
    deps: SlackDeps, client: AsyncWebClient, action: BlockAction, response_url: str | None
) -> tuple[int, list[Nomination]] | None:
    """The round's year and submitted nominations, or None (and a polite refusal) for non-jury users.

    Checked on every press: the buttons are only shown to the jury, but a payload can be forged.
    """
    if not await is_jury_member(client, deps.settings, action.user.id):
        await _refuse(deps, client, action, response_url)
        return None
    year = deps.service.round.year
    return year, await deps.store.nominations.list(round_year=year, statuses=("submitted",))


async def _list_all(deps: SlackDeps, client: AsyncWebClient, action: BlockAction, response_url: str | None) -> None:
    found = await _round_for_jury(deps, client, action, response_url)
    if found is not None:
        year, submitted = found
        await client.views_open(trigger_id=action.trigger_id, view=jury_list_view(submitted, year, LANG))


async def _export(deps: SlackDeps, client: AsyncWebClient, action: BlockAction, response_url: str | None) -> None:
    """The round's submitted nominations as a CSV file, sent to the jury member's DM."""
    found = await _round_for_jury(deps, client, action, response_url)
    if found is None:
        return
    year, submitted = found
    try:
        opened = await client.conversations_open(users=action.user.id)
        await client.files_upload_v2(
            channel=opened["channel"]["id"],
            filename=f"nomineringar-trygghetspriset-{year}.csv",
            title=t(LANG, "slack.jury.export_title", year=year),
            content=export_bytes(submitted, "csv", deps.service.rules, LANG),
            initial_comment=t_count(LANG, "slack.jury.export_comment", len(submitted), year=year),
        )
    except Exception:
        # Whatever failed (the client has already retried), the jury member is told instead of
        # left waiting; re-raised so the background task logs it.
        await client.chat_postMessage(channel=action.user.id, text=t(LANG, "slack.jury.export_failed"))
        raise


async def _edit(deps: SlackDeps, client: AsyncWebClient, action: BlockAction, response_url: str | None) -> None:
    try:
        nomination = await deps.service.get_own(action.value, slack_nominator(action.user.id), LANG)
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


async def _withdraw(deps: SlackDeps, client: AsyncWebClient, action: BlockAction, response_url: str | None) -> None:
    try:
        await deps.service.withdraw(action.value, slack_nominator(action.user.id), LANG, notify_nominator=True)
    except NominationError as error:
        text = t(LANG, "slack.action_failed", message=error.errors[0].message)
        await client.chat_postMessage(channel=action.user.id, text=text)
    else:
        deps.outbox_ready.set()  # the confirmation DM goes out with the jury's update
    await publish_home(client, deps, action.user.id)

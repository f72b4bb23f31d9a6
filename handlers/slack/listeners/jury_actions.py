"""The jury in Slack: "Bedöm" on a jury post opens the scoring modal; its submission, and the
chair's choice of winner in App Home. Every decision is the core's (bot.jury); refusals come
back in Swedish, inline in the modal or as a DM, and nothing is stored.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.jury.service import JuryRefused, check_score_fields
from bot.texts import t
from handlers.slack.deps import SlackDeps
from handlers.slack.transport.payloads import BlockAction, ModalSubmission
from handlers.slack.views.home import publish_home
from handlers.slack.views.jury import (
    ASSESS_ACTION,
    ASSESSED,
    CONFLICT_VALUE,
    DECIDE_ACTION,
    MANDATORY,
    SCORE_CALLBACK,
    score_modal,
)

log = logging.getLogger(__name__)


def register(app: AsyncApp, deps: SlackDeps) -> None:
    @app.action(ASSESS_ACTION)
    async def on_assess(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        deps.tasks.spawn(_open_scoring(deps, client, BlockAction.from_body(body)))

    @app.view(SCORE_CALLBACK)
    async def on_score(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        submission = ModalSubmission.from_body(body)
        errors, confirmation = await _score(deps, submission)
        if errors:
            await ack(response_action="errors", errors=errors)
            return
        await ack()
        deps.tasks.spawn(_after_score(deps, client, submission.user.id, confirmation))

    @app.action(DECIDE_ACTION)
    async def on_decide(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        deps.tasks.spawn(_decide(deps, client, BlockAction.from_body(body)))


async def _open_scoring(deps: SlackDeps, client: AsyncWebClient, action: BlockAction) -> None:
    lang = await deps.languages.of(action.user.id)  # as they last wrote to the bot
    if not deps.jury.is_juror(action.user.id):
        await client.chat_postMessage(channel=action.user.id, text=t(lang, "slack.jury.refused"))
        return
    nomination = await deps.store.nominations.get(action.value)
    if nomination is None or nomination.status != "submitted":
        await client.chat_postMessage(channel=action.user.id, text=t(lang, "slack.jury.not_found", id=action.value))
        return
    await client.views_open(trigger_id=action.trigger_id, view=score_modal(nomination, deps.knowledge.prize, lang))


async def _score(deps: SlackDeps, submission: ModalSubmission) -> tuple[dict[str, str], str]:
    """Inline errors by block (empty when stored), and the confirmation to send."""
    jury, juror = deps.jury, submission.user.id
    lang = await deps.languages.of(juror)  # as they last wrote to the bot
    nomination_id = submission.nomination_id or ""
    try:
        if CONFLICT_VALUE in submission.choices("conflict"):
            declaration, removed = await jury.conflict(nomination_id, juror, submission.text("reason"), lang)
            nomination = await deps.store.nominations.get(declaration.nomination_id)
            key = "jury.conflict_score_removed" if removed else "jury.conflict_declared"
            return {}, t(lang, key, nominee=nomination.nominee if nomination else "", id=declaration.nomination_id)
        # Each field through the core's own parser, so an error shows next to its field.
        raw = {field: submission.choice(field) for field in (*MANDATORY, *ASSESSED)}
        values, errors = check_score_fields({**raw, "comment": submission.text("comment")}, lang)
        if errors:
            return {field: message[:2000] for field, message in errors.items()}, ""
        comment = values.pop("comment")
        score, replaced = await jury.score(nomination_id, juror, comment=comment, lang=lang, **values)
    except JuryRefused as refused:
        return {MANDATORY[0]: refused.message[:2000]}, ""
    nomination = await deps.store.nominations.get(score.nomination_id)
    key = "jury.rescored" if replaced else "jury.scored"
    return {}, t(lang, key, nominee=nomination.nominee if nomination else "", id=score.nomination_id)


async def _after_score(deps: SlackDeps, client: AsyncWebClient, user_id: str, confirmation: str) -> None:
    await client.chat_postMessage(channel=user_id, text=confirmation)
    await publish_home(client, deps, user_id)


async def _decide(deps: SlackDeps, client: AsyncWebClient, action: BlockAction) -> None:
    lang = await deps.languages.of(action.user.id)  # as they last wrote to the bot
    try:
        decision = await deps.jury.decide(action.value, action.user.id, lang)
    except JuryRefused as refused:
        await client.chat_postMessage(channel=action.user.id, text=refused.message)
        return
    nomination = await deps.store.nominations.get(decision.nomination_id)
    nominee = nomination.nominee if nomination else decision.nomination_id
    text = t(lang, "jury.decided", year=decision.round_year, nominee=nominee, id=decision.nomination_id)
    deps.outbox_ready.set()  # the announcement waits in the jury's messages
    await client.chat_postMessage(channel=action.user.id, text=text)
    await publish_home(client, deps, action.user.id)

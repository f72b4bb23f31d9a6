"""The nomination modal's submission: the core's rules decide; errors go back inline."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.nominations.model import Nomination
from bot.nominations.rules import FieldError
from bot.nominations.service import NominationError, SubmitResult
from bot.texts import t
from handlers.slack.blocks import MODAL_CALLBACK, MODAL_FIELDS
from handlers.slack.deps import SlackDeps, slack_nominator
from handlers.slack.escaping import safe
from handlers.slack.home import publish_home
from handlers.slack.payloads import ModalSubmission
from store import StoreError

LANG = "sv"
log = logging.getLogger(__name__)


def register(app: AsyncApp, deps: SlackDeps) -> None:
    @app.view(MODAL_CALLBACK)
    async def on_submit(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        submission = ModalSubmission.from_body(body)
        user = slack_nominator(
            submission.user.id, submission.user.name or submission.user.username, submission.text("nominator_email")
        )
        try:
            if submission.nomination_id:
                edited = await deps.service.edit(submission.nomination_id, submission.content(), user, LANG)
                outcome: SubmitResult | Nomination = edited
            else:
                outcome = await deps.service.submit(
                    submission.content(), user, idempotency_key=f"slack-view:{submission.view_id}", lang=LANG
                )
        except NominationError as error:
            await ack(response_action="errors", errors=inline_errors(error.errors))
            return
        except StoreError:
            # Nothing was stored; the modal stays open with what the user wrote, so nothing is lost.
            log.exception("could not store a nomination from Slack")
            await ack(response_action="errors", errors={MODAL_FIELDS[0]: t(LANG, "slack.error")})
            return
        await ack()
        deps.outbox_ready.set()
        deps.tasks.spawn(_confirm(deps, client, submission.user.id, outcome))


def inline_errors(errors: list[FieldError]) -> dict[str, str]:
    """Core field errors as Slack's ``response_action: errors`` (block id -> message)."""
    inline: dict[str, str] = {}
    for error in errors:
        block = "nominator_email" if error.field == "nominator.email" else error.field
        if block not in MODAL_FIELDS:
            block = "nominee"  # errors without an input of their own (the period, the name) show on top
        inline.setdefault(block, error.message[:2000])
    return inline


async def _confirm(deps: SlackDeps, client: AsyncWebClient, user_id: str, outcome: SubmitResult | Nomination) -> None:
    if isinstance(outcome, Nomination):
        text = t(LANG, "slack.edited_dm", id=outcome.id)
    else:
        nomination = outcome.nomination
        summary = "\n".join(
            ("✅ " if check.met else "⚪ ") + check.text for check in deps.service.rules.checklist(nomination.content())
        )
        text = t(
            LANG,
            "slack.submitted_dm",
            nominee=safe(nomination.nominee, 500),
            year=nomination.round_year,
            id=nomination.id,
            summary=summary,
        )
        if outcome.duplicate_of is not None:
            text += "\n" + t(LANG, "slack.duplicate_note", id=outcome.duplicate_of.id)
    await client.chat_postMessage(channel=user_id, text=text)
    await publish_home(client, deps, user_id)

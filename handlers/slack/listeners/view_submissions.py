"""The nomination modal's submission: the core's rules decide; errors go back inline."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.nominations.rules import FieldError
from bot.nominations.service import NominationError
from bot.ports import StoreUnavailable
from bot.texts import t
from handlers.forms import FORM_FIELDS, errors_by_field
from handlers.slack.deps import SlackDeps, slack_nominator
from handlers.slack.transport.payloads import ModalSubmission
from handlers.slack.views.blocks import MODAL_CALLBACK
from handlers.slack.views.home import publish_home
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
        view_key = f"slack-view:{submission.view_id}"
        try:
            if submission.nomination_id:
                await deps.service.edit(
                    submission.nomination_id,
                    submission.content(),
                    user,
                    LANG,
                    idempotency_key=view_key,
                    notify_nominator=True,
                )
            else:
                await deps.service.submit(
                    submission.content(), user, idempotency_key=view_key, lang=LANG, notify_nominator=True
                )
        except NominationError as error:
            await ack(response_action="errors", errors=inline_errors(error.errors))
            return
        except StoreUnavailable as error:
            # The database is away (a restart, a fail-over): nothing was stored, the modal stays
            # open with what the user wrote, and the user is told to send it again in a minute.
            log.warning("a nomination from Slack could not be stored: %s", error)
            await ack(response_action="errors", errors={FORM_FIELDS[0]: t(LANG, "nom.error.unavailable")})
            return
        except StoreError:
            # Nothing was stored; the modal stays open with what the user wrote, so nothing is lost.
            log.exception("could not store a nomination from Slack")
            await ack(response_action="errors", errors={FORM_FIELDS[0]: t(LANG, "chat.error")})
            return
        await ack()
        # The confirmation DM went into the outbox with the nomination (sent once, retried through
        # outages); a replayed submission stores nothing and so sends nothing again.
        deps.outbox_ready.set()
        deps.tasks.spawn(publish_home(client, deps, submission.user.id))


def inline_errors(errors: list[FieldError]) -> dict[str, str]:
    """Core field errors as Slack's ``response_action: errors`` (block id -> message)."""
    return errors_by_field(errors)

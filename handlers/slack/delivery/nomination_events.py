"""The outbox worker: jury posts and nominators' confirmations, exactly once, eventually.

The nomination and its outbox message were written in one atomic store write.
This worker sends what is due to every destination — each jury channel, and the
nominator's DM when the message asks for it — records each destination's
message ``ts`` as soon as Slack answers ok (so a retry after a partial failure
sends only where it is missing), marks the message sent when every destination
has it, and otherwise schedules a retry with exponential backoff, or after
Slack's ``Retry-After``. Edits and withdrawals update the jury's original post
with ``chat.update``. A restart simply finds the pending messages again.

Exactly once across crashes: a post can reach Slack while the process dies (or
the connection breaks) before the answer arrives, and Slack keeps that post.
So before each post the worker writes down that a send to that destination is in
flight, and tags the post with Slack message metadata (the outbox message id,
the nomination id and its revision). A later attempt at a destination with a
send in flight first looks for the tagged post in the channel's recent history
and records its ``ts`` instead of posting again.

Any number of workers, in any number of processes, may drain one outbox: each
round claims due messages with ``outbox.claim_due`` (a lease of
``TRYGGHETSBOT_OUTBOX_LEASE_SECONDS`` per message for this worker, renewed while it works), so no
two workers send the same message; a worker killed mid-round stops renewing, and another
worker picks the messages up within a lease, the tagged-post lookup above telling it
whether a post in flight at the kill had reached Slack.

Retry times use the real clock, not the app's clock: ``TRYGGHETSBOT_NOW`` pins
the business date (is the period open?), but a retry must still come later.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.models.blocks import Block
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import system_clock
from bot.nominations.model import Nomination
from bot.outbox.model import OutboxMessage, nominator_destination
from bot.texts import t
from handlers.forms import submitted_text
from handlers.outbox_worker import DEFAULT_TIMING, OutboxWorker, RetryLater, WorkerTiming
from handlers.slack.deps import SlackDeps
from handlers.slack.transport.escaping import safe
from handlers.slack.views.blocks import jury_message

log = logging.getLogger(__name__)
METADATA_EVENT_TYPE = "trygghetsbot_outbox"
# How far back before a send started a tagged post is looked for (clock differences with Slack).
HISTORY_MARGIN_SECONDS = 120
HISTORY_PAGES = 5
SLACK_USER_PREFIX = "slack:"
LANG = "sv"


@dataclass(frozen=True)
class Destination:
    """Where one outbox message goes: ``key`` in the message's deliveries, ``channel`` for the Web API."""

    key: str
    channel: str
    direct: bool  # a nominator's DM: always a new post, never an update of the jury's


@dataclass(frozen=True)
class Post:
    text: str
    blocks: list[Block] | None


async def find_tagged_post(
    client: AsyncWebClient,
    destination: Destination,
    since: datetime,
    event_type: str,
    matches: Callable[[dict[str, Any]], bool],
) -> str | None:
    """The ts of a post this bot tagged (message metadata ``event_type``, a payload ``matches``
    accepts) in the destination's recent history, if there is one: a send that reached Slack
    although its answer was lost."""
    channel = destination.channel
    if destination.direct:
        opened = await client.conversations_open(users=destination.channel)
        channel = str(opened["channel"]["id"])
    oldest = f"{since.timestamp() - HISTORY_MARGIN_SECONDS:.6f}"
    cursor: str | None = None
    for _ in range(HISTORY_PAGES):
        page = await client.conversations_history(
            channel=channel, oldest=oldest, include_all_metadata=True, limit=200, cursor=cursor
        )
        for item in page.get("messages") or []:
            metadata = item.get("metadata") or {}
            if metadata.get("event_type") == event_type and matches(metadata.get("event_payload") or {}):
                return str(item["ts"])
        cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
        if not cursor:
            break
    return None


class JuryNotifier(OutboxWorker[SlackDeps]):
    """The Slack outbox worker: jury channel posts and the nominator's DM."""

    platform = "slack"

    def __init__(
        self,
        deps: SlackDeps,
        client: AsyncWebClient,
        timing: WorkerTiming = DEFAULT_TIMING,
        also: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(deps, timing, also)
        self.client = client

    def destinations(self, message: OutboxMessage, nomination: Nomination) -> list[Destination]:
        found = [Destination(channel, channel, False) for channel in self.deps.settings.jury_channel_ids]
        user = nomination.nominator.user_id or ""
        if message.notify_nominator and user.startswith(SLACK_USER_PREFIX):
            found.append(Destination(nominator_destination(user), user.removeprefix(SLACK_USER_PREFIX), True))
        return found

    async def deliver(self, message: OutboxMessage) -> None:
        outbox = self.deps.store.outbox
        nomination = await self.deps.store.nominations.get(message.nomination_id)
        if nomination is None:
            return
        earlier = await outbox.deliveries_for(message.nomination_id)
        try:
            for destination in self.destinations(message, nomination):
                if destination.key in message.deliveries:
                    continue
                post = self._render(message, nomination, destination)
                if not destination.direct and destination.key in earlier:
                    # An update is idempotent: sending it twice leaves the same post.
                    response = await self.client.chat_update(
                        channel=destination.channel, ts=earlier[destination.key].ts, text=post.text, blocks=post.blocks
                    )
                    ts = str(response["ts"])
                else:
                    ts = await self._post_once(message, nomination, destination, post)
                message = await outbox.record_delivery(message.id, destination.key, ts, system_clock())
        except SlackApiError as error:
            status = error.response.status_code
            retry_after = error.response.headers.get("Retry-After") or error.response.headers.get("retry-after")
            reason = f"{status} {error.response.get('error')}"
            raise RetryLater(reason, str(retry_after) if status == 429 and retry_after else None) from None

    async def _post_once(
        self, message: OutboxMessage, nomination: Nomination, destination: Destination, post: Post
    ) -> str:
        """Post, unless an earlier attempt whose answer was lost already did: then that post's ts."""
        started = message.in_flight.get(destination.key)
        if started is not None:
            found = await find_tagged_post(
                self.client, destination, started, METADATA_EVENT_TYPE, lambda tag: tag.get("outbox_id") == message.id
            )
            if found is not None:
                log.info("outbox %s: %s already has the post (ts %s)", message.id, destination.key, found)
                return found
        else:
            await self.deps.store.outbox.record_attempt(message.id, destination.key, system_clock())
        response = await self.client.chat_postMessage(
            channel=destination.channel,
            text=post.text,
            blocks=post.blocks,
            metadata={"event_type": METADATA_EVENT_TYPE, "event_payload": self._tag(message, nomination, destination)},
        )
        return str(response["ts"])

    @staticmethod
    def _tag(message: OutboxMessage, nomination: Nomination, destination: Destination) -> dict[str, Any]:
        return {
            "outbox_id": message.id,
            "nomination_id": nomination.id,
            "revision": nomination.revision,
            "destination": destination.key,
        }

    def _render(self, message: OutboxMessage, nomination: Nomination, destination: Destination) -> Post:
        checks = self.deps.service.rules.checklist(nomination.content())
        if not destination.direct:
            text, blocks = jury_message(nomination, checks)
            return Post(text, blocks)
        if message.kind == "nomination_edited":
            return Post(t(LANG, "chat.edited", id=nomination.id), None)
        if message.kind == "nomination_withdrawn":
            return Post(t(LANG, "chat.withdrawn", id=nomination.id), None)
        text = submitted_text(nomination, checks, LANG, safe, "\n")
        return Post(text, None)

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
``TRYGGHETSBOT_OUTBOX_LEASE_SECONDS`` per message for this worker), so no two workers send the
same message; a worker killed mid-round leaves its leases to expire and another
worker picks the messages up.

Retry times use the real clock, not the app's clock: ``TRYGGHETSBOT_NOW`` pins
the business date (is the period open?), but a retry must still come later.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.models.blocks import Block
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import system_clock
from bot.nominations.model import Nomination, OutboxMessage, nominator_destination
from bot.nominations.rules import checklist_lines
from bot.texts import t
from handlers.slack.blocks import jury_message
from handlers.slack.deps import SlackDeps
from handlers.slack.escaping import safe

log = logging.getLogger(__name__)
MAX_BACKOFF_SECONDS = 15 * 60
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


CLAIM_BATCH = 10


def worker_id() -> str:
    """This worker's name in leases: host, process and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


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


class JuryNotifier:
    def __init__(
        self,
        deps: SlackDeps,
        client: AsyncWebClient,
        *,
        poll_seconds: float = 1.0,
        retry_base_seconds: float | None = None,
        also: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        """``also``: more work for each round (the jury's messages), kept out of this module."""
        self.deps = deps
        self.client = client
        self.poll_seconds = poll_seconds
        self.retry_base_seconds = retry_base_seconds or deps.settings.outbox_retry_seconds
        self.lease_seconds = deps.settings.outbox_lease_seconds
        self.also = also
        self._task: asyncio.Task[None] | None = None
        self.worker = worker_id()

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name="jury-notifier")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            try:
                await self.deliver_due()
                if self.also is not None:
                    await self.also()
            except Exception as error:  # the worker must outlive any single failure
                log.error("outbox delivery round failed: %s: %s", type(error).__name__, error)
            ready = self.deps.outbox_ready
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ready.wait(), timeout=self.poll_seconds)
            ready.clear()

    async def deliver_due(self) -> int:
        """Send every due message once; returns how many were completed."""
        done = 0
        outbox = self.deps.store.outbox
        while claimed := await outbox.claim_due(self.worker, system_clock(), self.lease_seconds, limit=CLAIM_BATCH):
            round_done = 0
            for position, message in enumerate(claimed):
                try:
                    completed = await self._deliver(message)
                except BaseException:
                    # Give back what this round did not finish, so the next round (or worker) retries it now.
                    for unfinished in claimed[position:]:
                        with contextlib.suppress(Exception):
                            await outbox.release(unfinished.id, self.worker)
                    raise
                round_done += completed
            done += round_done
            # A full batch may mean more are due; a batch that all failed waits for the next round.
            if len(claimed) < CLAIM_BATCH or not round_done:
                break
        return done

    def destinations(self, message: OutboxMessage, nomination: Nomination) -> list[Destination]:
        found = [Destination(channel, channel, False) for channel in self.deps.settings.jury_channel_ids]
        user = nomination.nominator.user_id or ""
        if message.notify_nominator and user.startswith(SLACK_USER_PREFIX):
            found.append(Destination(nominator_destination(user), user.removeprefix(SLACK_USER_PREFIX), True))
        return found

    async def _deliver(self, message: OutboxMessage) -> bool:
        outbox = self.deps.store.outbox
        nomination = await self.deps.store.nominations.get(message.nomination_id)
        if nomination is None:
            await outbox.mark_sent(message.id, system_clock())
            return True
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
            await self._retry_later(message, f"{error.response.status_code} {error.response.get('error')}", error)
            return False
        except (aiohttp.ClientError, TimeoutError) as error:
            await self._retry_later(message, f"{type(error).__name__}: {error}", None)
            return False
        await outbox.mark_sent(message.id, system_clock())
        return True

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
        summary = "\n".join(checklist_lines(checks, LANG))
        text = t(
            LANG,
            "chat.submitted",
            nominee=safe(nomination.nominee, 500),
            year=nomination.round_year,
            id=nomination.id,
            summary=summary,
        )
        if nomination.duplicate_of is not None:
            text += "\n" + t(LANG, "chat.duplicate_note", id=nomination.duplicate_of)
        return Post(text, None)

    async def _retry_later(self, message: OutboxMessage, reason: str, error: SlackApiError | None) -> None:
        delay = min(self.retry_base_seconds * 2**message.attempts, MAX_BACKOFF_SECONDS)
        if error is not None and error.response.status_code == 429:
            retry_after = error.response.headers.get("Retry-After") or error.response.headers.get("retry-after")
            with contextlib.suppress(TypeError, ValueError):
                delay = max(float(retry_after), 0.0)
        log.warning("outbox message %s failed (%s); retrying in %.1f s", message.id, reason, delay)
        await self.deps.store.outbox.schedule_retry(message.id, reason, system_clock() + timedelta(seconds=delay))

"""The jury's messages in Slack, each exactly once: the decision's announcement in every jury
channel, reminder DMs to jurors, and the digest when the nomination period has closed.

The core writes a decision or a reminder together with its message (bot.jury); this sender
posts what is pending and records that Slack has it everywhere; the message is marked sent
when every platform has it (:mod:`handlers.jury_messages`). Every post is tagged
with message metadata, and before posting the sender looks for its own tagged post in the
destination's recent history, so a post that reached Slack before a crash (or whose answer
was lost) is never made twice. The digest has no message of its own: it is due once the
period has closed, and the tagged post in each channel is what records that it was sent, so
a server that was down at closing time sends it when it comes back, and never twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable
from datetime import datetime, timedelta
from datetime import time as clock_time

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import STOCKHOLM, system_clock
from bot.jury.roster import Roster
from bot.nominations.rounds import period_state
from bot.outbox.model import JuryMessage
from bot.outbox.policy import MAX_BACKOFF_SECONDS
from handlers.jury_messages import JuryDeliveries
from handlers.slack.delivery.nomination_events import Destination, find_tagged_post
from handlers.slack.deps import SlackDeps
from handlers.slack.transport.escaping import safe
from handlers.slack.views.jury import digest_text

log = logging.getLogger(__name__)
JURY_EVENT = "trygghetsbot_jury"
DIGEST_EVENT = "trygghetsbot_digest"
LANG = "sv"


async def send_jury_message(
    client: AsyncWebClient,
    deliveries: JuryDeliveries,
    channels: list[str],
    message: JuryMessage,
    roster: Roster | None = None,
) -> None:
    """Post one jury message where it goes (every jury channel, or the juror's DM) and record that
    Slack has it (sent when every platform has it).

    Each destination is first searched for the tagged post, so sending again never posts twice.
    Also used by ``trygghetsbot jury remind``, which sends at once when Slack is configured.
    ``roster``: the juror's Slack id for a DM (a juror on Teams only has none: Teams reminds them).
    """
    if message.recipient:
        users = roster.slack_ids(message.recipient) if roster else [message.recipient]
        destinations = [Destination(f"dm:{user}", user, True) for user in users]
    else:
        destinations = [Destination(channel, channel, False) for channel in channels]
    since = min(message.created_at, system_clock())
    for destination in destinations:
        found = await find_tagged_post(
            client, destination, since, JURY_EVENT, lambda tag: tag.get("message_id") == message.id
        )
        if found is None:
            await client.chat_postMessage(
                channel=destination.channel,
                text=safe(message.text, 3000),
                metadata={"event_type": JURY_EVENT, "event_payload": {"message_id": message.id}},
            )
    await deliveries.delivered(message.id, "slack")


class JuryMessenger:
    def __init__(self, deps: SlackDeps, client: AsyncWebClient, *, check_seconds: float = 60.0) -> None:
        """``check_seconds``: how often reminders and the digest are checked (messages go out every round)."""
        self.deps = deps
        self.client = client
        self.deliveries = JuryDeliveries(deps.store, deps.settings.platforms)
        self.check_seconds = check_seconds
        self._next_check = 0.0
        self._digest_sent_for: int | None = None
        self._retry_at: dict[str, tuple[float, float]] = {}  # message id -> (when, current delay)
        # Reminders found stale (decided, or past the deadline: that never changes back), not looked at again.
        self._stale: set[str] = set()

    async def run_round(self) -> None:
        if time.monotonic() >= self._next_check:
            self._next_check = time.monotonic() + self.check_seconds
            await self.deps.jury.send_reminders()  # each reminder recorded once, its message queued
            await self._guarded("digest", self._digest())
        for message in await self.deps.store.jury.messages(pending_only=True):
            retry = self._retry_at.get(message.id)
            if message.id in self._stale or (retry and time.monotonic() < retry[0]):
                continue
            if await self.deliveries.delivered_by(message.id, "slack"):
                continue  # pending only until the other platform has it too
            if not await self.deps.jury.still_due(message):
                # Queued before the decision or the deadline: it stays unsent in the jury's records.
                self._stale.add(message.id)
                log.info("jury message %s (%s) no longer due; not sent", message.id, message.kind)
                continue
            await self._guarded(message.id, self._send(message))

    async def _guarded(self, key: str, work: Awaitable[None]) -> None:
        try:
            await work
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
            _, delay = self._retry_at.get(key, (0.0, 1.0))
            self._retry_at[key] = (time.monotonic() + delay, min(delay * 2, MAX_BACKOFF_SECONDS))
            if key == "digest":
                self._next_check = time.monotonic() + delay
            log.warning(
                "jury message %s not sent (%s: %s); retrying in %.0f s", key, type(error).__name__, error, delay
            )
        else:
            self._retry_at.pop(key, None)

    async def _send(self, message: JuryMessage) -> None:
        channels = self.deps.settings.jury_channel_ids
        await send_jury_message(self.client, self.deliveries, channels, message, self.deps.jury.roster)

    async def _digest(self) -> None:
        round_ = self.deps.service.round
        if self._digest_sent_for == round_.year or period_state(round_, self.deps.clock()) != "closed":
            return
        store = self.deps.store
        nominations = await store.nominations.list(round_year=round_.year, statuses=("submitted",))
        closed_at = datetime.combine(round_.nomination_closes + timedelta(days=1), clock_time(), STOCKHOLM)
        since = min(closed_at, system_clock())
        for channel in self.deps.settings.jury_channel_ids:
            destination = Destination(channel, channel, False)
            found = await find_tagged_post(
                self.client, destination, since, DIGEST_EVENT, lambda tag: tag.get("round") == round_.year
            )
            if found is not None:
                continue
            links: dict[str, str] = {}
            for nomination in nominations:
                delivery = (await store.outbox.deliveries_for(nomination.id)).get(channel)
                if delivery is not None:
                    links[nomination.id] = f"https://slack.com/archives/{channel}/p{delivery.ts.replace('.', '')}"
            text, blocks = digest_text(round_.year, nominations, links, LANG)
            await self.client.chat_postMessage(
                channel=channel,
                text=text,
                blocks=blocks,
                metadata={"event_type": DIGEST_EVENT, "event_payload": {"round": round_.year}},
            )
        self._digest_sent_for = round_.year

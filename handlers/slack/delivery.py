"""The outbox worker: posts nomination events to every jury channel, exactly once, eventually.

The nomination and its outbox message were written in one atomic store write.
This worker sends what is due, records each channel's message ``ts`` as soon as
Slack answers ok (so a retry after a partial failure posts only where it is
missing), marks the message sent when every channel has it, and otherwise
schedules a retry with exponential backoff, or after Slack's ``Retry-After``.
Edits and withdrawals update the jury's original post with ``chat.update``.
A restart simply finds the pending messages again.

Any number of workers, in any number of processes, may drain one outbox: each
round claims due messages with ``outbox.claim_due`` (a lease of
:data:`LEASE_SECONDS` per message for this worker), so no two workers send the
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
from datetime import timedelta

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.clock import system_clock
from bot.nominations.model import OutboxMessage
from handlers.slack.blocks import jury_message
from handlers.slack.deps import SlackDeps

log = logging.getLogger(__name__)
MAX_BACKOFF_SECONDS = 15 * 60
# How long a claimed message stays this worker's; far longer than a round of sends takes.
LEASE_SECONDS = 300.0
CLAIM_BATCH = 10


def worker_id() -> str:
    """This worker's name in leases: host, process and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class JuryNotifier:
    def __init__(
        self, deps: SlackDeps, client: AsyncWebClient, *, poll_seconds: float = 1.0, retry_base_seconds: float = 2.0
    ) -> None:
        self.deps = deps
        self.client = client
        self.poll_seconds = poll_seconds
        self.retry_base_seconds = retry_base_seconds
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
            except Exception:  # the worker must outlive any single failure
                log.exception("outbox delivery round failed")
            ready = self.deps.outbox_ready
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ready.wait(), timeout=self.poll_seconds)
            ready.clear()

    async def deliver_due(self) -> int:
        """Send every due message once; returns how many were completed."""
        done = 0
        outbox = self.deps.store.outbox
        while claimed := await outbox.claim_due(self.worker, system_clock(), LEASE_SECONDS, limit=CLAIM_BATCH):
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

    async def _deliver(self, message: OutboxMessage) -> bool:
        deps = self.deps
        nomination = await deps.store.nominations.get(message.nomination_id)
        if nomination is None:
            await deps.store.outbox.mark_sent(message.id, system_clock())
            return True
        text, blocks = jury_message(nomination, deps.service.rules.checklist(nomination.content()))
        earlier = await deps.store.outbox.deliveries_for(message.nomination_id)
        try:
            for channel in deps.settings.jury_channel_ids:
                if channel in message.deliveries:
                    continue
                if channel in earlier:
                    response = await self.client.chat_update(
                        channel=channel, ts=earlier[channel].ts, text=text, blocks=blocks
                    )
                else:
                    response = await self.client.chat_postMessage(channel=channel, text=text, blocks=blocks)
                await deps.store.outbox.record_delivery(message.id, channel, str(response["ts"]), system_clock())
        except SlackApiError as error:
            await self._retry_later(message, f"{error.response.status_code} {error.response.get('error')}", error)
            return False
        except (aiohttp.ClientError, TimeoutError) as error:
            await self._retry_later(message, f"{type(error).__name__}: {error}", None)
            return False
        await deps.store.outbox.mark_sent(message.id, system_clock())
        return True

    async def _retry_later(self, message: OutboxMessage, reason: str, error: SlackApiError | None) -> None:
        delay = min(self.retry_base_seconds * 2**message.attempts, MAX_BACKOFF_SECONDS)
        if error is not None and error.response.status_code == 429:
            retry_after = error.response.headers.get("Retry-After") or error.response.headers.get("retry-after")
            with contextlib.suppress(TypeError, ValueError):
                delay = max(float(retry_after), 0.0)
        log.warning("jury notification %s failed (%s); retrying in %.1f s", message.id, reason, delay)
        await self.deps.store.outbox.schedule_retry(message.id, reason, system_clock() + timedelta(seconds=delay))

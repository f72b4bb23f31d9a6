"""The Teams outbox worker: every nomination, edit and withdrawal in each jury channel, once.

It claims only Teams' outbox messages (``platform == "teams"``; the Slack worker has its own). A
new nomination starts a thread in each ``TEAMS_JURY_CHANNEL_IDS`` channel (``POST
/v3/conversations``) and the posted activity's id is recorded per channel as soon as the
connector answers, so a retry after a partial failure posts only where it is missing. An edit
or a withdrawal replaces that post (``PUT …/activities/{id}``), which is idempotent. Connector
5xx, 429 (after ``Retry-After``) and network errors are retried with backoff; pending messages
survive a restart in the store.

A post whose answer was lost (the process died mid-call) cannot be looked up in Teams the way
Slack's tagged posts are, so that narrow case may post a second time.
"""

from __future__ import annotations

import logging

from bot.clock import system_clock
from bot.outbox.model import OutboxMessage
from handlers.outbox_worker import OutboxWorker, RetryLater
from handlers.teams.activities import TeamsDeps
from handlers.teams.connector import ConnectorError
from handlers.teams.jury import jury_post_now

log = logging.getLogger(__name__)


class TeamsJuryNotifier(OutboxWorker[TeamsDeps]):
    platform = "teams"

    async def deliver(self, message: OutboxMessage) -> None:
        outbox = self.store.outbox
        nomination = await self.store.nominations.get(message.nomination_id)
        channels = self.deps.settings.teams_jury_channel_ids
        if nomination is None or not channels:
            return
        service_url = self.deps.settings.teams_service_url
        if not service_url:
            raise RetryLater("TEAMS_SERVICE_URL is not set")
        earlier = await outbox.deliveries_for(message.nomination_id)
        post = await jury_post_now(self.deps, nomination)
        connector = self.deps.connector
        try:
            for channel in channels:
                if channel in message.deliveries:
                    continue
                if channel in earlier:
                    activity_id = earlier[channel].ts
                    await connector.update_channel_post(service_url, channel, activity_id, post)
                else:
                    activity_id = await connector.create_channel_thread(service_url, channel, post)
                message = await outbox.record_delivery(message.id, channel, activity_id, system_clock())
        except ConnectorError as error:
            raise RetryLater(str(error), error.retry_after if error.status in (429, 503) else None) from None

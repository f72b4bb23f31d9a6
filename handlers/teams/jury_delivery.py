"""The jury's messages in Teams, each exactly once: the chair's decision in every Teams jury
channel, the digest there when the nomination period has closed, and reminders to Teams jurors
as proactive 1:1 messages (``POST /v3/conversations`` with the juror as member and the tenant,
then the message in that conversation).

The core writes a decision or a reminder together with its message (:mod:`bot.jury`). This
sender keeps its own record per message and Teams destination (``store.records``, kind
``teams-jury``) and looks at the round's messages that Teams has not delivered everywhere yet;
once it has, it says so (:class:`handlers.jury_messages.JuryDeliveries`), and the message is
marked sent when every platform has it (on a Teams-only installation, then). Before a send it
takes a short lease on the destination (``store.dedupe``, shared by every process on the
store), so two processes never send the same message; the record is
written as soon as the connector answers, so a restart, or the other process, skips it. A send
that failed is tried again when its lease has run out. As with the jury posts
(:mod:`handlers.teams.delivery`), a send whose answer was lost (the process died mid-call) may be
made a second time: Teams has no history to look it up in, as Slack has.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

import aiohttp

from bot.clock import system_clock
from bot.nominations.rounds import period_state
from bot.outbox.model import JuryMessage
from handlers.jury_messages import JuryDeliveries
from handlers.teams.activities import TeamsDeps
from handlers.teams.cards import inert
from handlers.teams.connector import ConnectorError
from handlers.teams.jury_cards import digest_text

log = logging.getLogger(__name__)
RECORD_KIND = "teams-jury"
PLATFORM = "teams"
# Long enough for one send (two connector calls of at most 10 s); a failed send is retried after it.
SEND_LEASE_SECONDS = 60.0


class TeamsJuryMessenger:
    def __init__(self, deps: TeamsDeps, *, check_seconds: float = 60.0) -> None:
        """``check_seconds``: how often reminders and the digest are looked at (messages every round)."""
        self.deps = deps
        self.deliveries = JuryDeliveries(deps.store, deps.settings.platforms)
        self.check_seconds = check_seconds
        self._next_check = 0.0
        self._done: set[str] = set()  # records known to exist: no store read for them again

    async def run_round(self) -> None:
        deps = self.deps
        if not deps.settings.teams_service_url:
            return
        if time.monotonic() >= self._next_check:
            self._next_check = time.monotonic() + self.check_seconds
            await deps.jury.send_reminders()  # each reminder recorded once, its message queued
            await self._digest()
        for message in await deps.store.jury.messages(deps.jury.round.year):
            await self._message(message)

    async def _message(self, message: JuryMessage) -> None:
        if await self.deliveries.delivered_by(message.id, PLATFORM):
            return
        text = {"type": "message", "text": inert(message.text, 3000)}
        if message.recipient is None:
            sends = [
                (channel, partial(self._post, channel, text)) for channel in self.deps.settings.teams_jury_channel_ids
            ]
        else:
            users = self.deps.jury.roster.teams_ids(message.recipient)
            sends = [(f"dm:{user}", partial(self._direct, user, text)) for user in users]
        done = [await self._once(message.id, destination, send) for destination, send in sends]
        if all(done):
            await self.deliveries.delivered(message.id, PLATFORM)

    async def _digest(self) -> None:
        round_ = self.deps.jury.round
        if period_state(round_, self.deps.jury.clock()) != "closed":
            return
        nominations = await self.deps.store.nominations.list(round_year=round_.year, statuses=("submitted",))
        post = {"type": "message", "text": digest_text(round_.year, nominations)}
        for channel in self.deps.settings.teams_jury_channel_ids:
            await self._once(f"digest:{round_.year}", channel, partial(self._post, channel, post))

    async def _once(self, key: str, destination: str, send: Callable[[], Awaitable[str]]) -> bool:
        """``send`` to ``destination`` unless it was sent there, or another worker is sending it
        now; whether it is known to be there now."""
        record = f"{key}:{destination}"
        if record in self._done:
            return True
        records = self.deps.store.records
        if await records.get(RECORD_KIND, record) is not None:
            self._done.add(record)
            return True
        if not await self.deps.store.dedupe.first_time(f"teams-jury-lease:{record}", SEND_LEASE_SECONDS):
            return False  # another worker holds it, or an attempt failed: tried again after the lease
        try:
            activity_id = await send()
        except (ConnectorError, aiohttp.ClientError, TimeoutError) as error:
            log.warning("Teams jury message %s not sent to %s (%s); retrying later", key, destination, error)
            return False
        await records.put(RECORD_KIND, record, {"activity_id": activity_id, "at": system_clock().isoformat()})
        self._done.add(record)
        return True

    async def _post(self, channel: str, activity: dict[str, Any]) -> str:
        return await self.deps.connector.create_channel_thread(self._service_url(), channel, activity)

    async def _direct(self, user: str, activity: dict[str, Any]) -> str:
        service_url = self._service_url()
        connector = self.deps.connector
        conversation = await connector.create_personal_chat(service_url, user, self.deps.settings.teams_tenant_id)
        return await connector.reply(service_url, conversation, None, activity)

    def _service_url(self) -> str:
        return self.deps.settings.teams_service_url or ""

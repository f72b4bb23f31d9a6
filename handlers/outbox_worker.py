"""The outbox worker every chat platform runs: claim its own due messages, deliver, retry later.

A platform subclasses :class:`OutboxWorker` with ``platform`` (the ``OutboxMessage.platform`` it
delivers) and :meth:`OutboxWorker.deliver`, which sends one claimed message to each of the
platform's destinations still missing it; it returns when all have it (the message is then
marked sent) and raises :class:`RetryLater` (or a network error) when not. Claims are leases
(``outbox.claim_due``), so several workers in several processes never send the same message; a
failed attempt is retried as :mod:`bot.outbox.policy` says (exponential backoff, at most 15 minutes,
or after the platform's ``Retry-After``).

Leases are short (``TRYGGHETSBOT_OUTBOX_LEASE_SECONDS``, 15 s) and renewed while their owner works
through its batch (:class:`Claims`: a heartbeat three times per lease). So a killed process's
claims are free within one lease and another process, which looks for due messages every
``poll_seconds``, delivers them; a live owner's never lapse, however long a send takes (Slack's
``Retry-After``, a slow answer). Should renewing fail for longer than a lease (the database out
of reach) and another worker take a message over, the owner learns so at its next renewal and
leaves the messages it has not started to that worker.

Every :attr:`WorkerTiming.purge_every_seconds` (an hour) the worker also deletes the sent messages
older than ``TRYGGHETSBOT_OUTBOX_RETENTION_DAYS`` (``outbox.purge_sent``), so the outbox does not
grow without end; in the round being served it keeps the messages that record where a
nomination's posts live, which an edit or a withdrawal updates.

Retry times use the real clock, not the app's: ``TRYGGHETSBOT_NOW`` pins the business date, but a
retry must still come later.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Generic, TypeVar

import aiohttp

from bot.clock import system_clock
from bot.outbox.model import OutboxMessage
from bot.outbox.policy import MAX_BACKOFF_SECONDS as MAX_BACKOFF_SECONDS
from bot.outbox.policy import retry_delay
from bot.outbox.ports import OutboxRepository
from handlers.deps import ChatDeps

log = logging.getLogger(__name__)
CLAIM_BATCH = 10
# Renewals per lease: two can fail (a slow database round trip) before the lease lapses.
HEARTBEATS_PER_LEASE = 3


def worker_id() -> str:
    """This worker's name in leases: host, process and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True)
class WorkerTiming:
    """How often a worker looks for due messages, and its first retry's delay (default: the settings')."""

    poll_seconds: float = 1.0
    retry_base_seconds: float | None = None
    # How often sent messages past the retention are deleted.
    purge_every_seconds: float = 3600.0


DEFAULT_TIMING = WorkerTiming()


class RetryLater(Exception):
    """The platform did not take the message now; ``retry_after``: its ``Retry-After`` (seconds)."""

    def __init__(self, reason: str, retry_after: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


async def cancel_and_wait(task: asyncio.Task[None]) -> None:
    """Cancel ``task`` and wait for it to end. A cancellation of the *calling* task that arrives
    meanwhile is passed on, never swallowed: swallowing it kept a stopped worker looping for ever."""
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        current = asyncio.current_task()
        if current is not None and current.cancelling():
            raise


class Claims:
    """One claimed batch of a worker: its leases renewed (the heartbeat) until the batch is done.

    ``lost``: messages another worker took over because renewing failed for longer than a lease;
    the owner must not start them.
    """

    def __init__(self, outbox: OutboxRepository, worker: str, lease_seconds: float, ids: Iterable[str]) -> None:
        self.outbox = outbox
        self.worker = worker
        self.lease_seconds = lease_seconds
        self.held = set(ids)
        self.lost: set[str] = set()
        self.current: str | None = None

    def done(self, message_id: str) -> None:
        """``message_id`` is finished (sent, retry scheduled or released): nothing to renew."""
        self.held.discard(message_id)
        if self.current == message_id:
            self.current = None

    @contextlib.asynccontextmanager
    async def renewed(self) -> AsyncIterator[Claims]:
        heartbeat = asyncio.get_running_loop().create_task(self._heartbeat(), name=f"lease-{self.worker}")
        try:
            yield self
        finally:
            await cancel_and_wait(heartbeat)

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(self.lease_seconds / HEARTBEATS_PER_LEASE)
            asked = sorted(self.held)
            if not asked:
                continue
            try:
                kept = await self.outbox.renew(self.worker, asked, system_clock(), self.lease_seconds)
            except Exception as error:  # the next beat tries again; the lease outlasts two misses
                log.warning("could not renew the outbox leases of %s: %s: %s", self.worker, type(error).__name__, error)
                continue
            # Finished meanwhile (no longer held) is not lost; the one being sent may have just finished too.
            for message_id in set(asked) - kept:
                if message_id in self.held and message_id != self.current:
                    log.warning(
                        "outbox message %s was taken over by another worker; leaving it to that one", message_id
                    )
                    self.held.discard(message_id)
                    self.lost.add(message_id)


D = TypeVar("D", bound=ChatDeps)


class OutboxWorker(ABC, Generic[D]):
    platform: str

    def __init__(
        self, deps: D, timing: WorkerTiming = DEFAULT_TIMING, also: Callable[[], Awaitable[None]] | None = None
    ) -> None:
        """``also``: more work for each round (the jury's messages), kept out of this module."""
        self.deps = deps
        self.store = deps.store
        self.ready = deps.outbox_ready
        self.poll_seconds = timing.poll_seconds
        self.retry_base_seconds = timing.retry_base_seconds or deps.settings.outbox_retry_seconds
        self.lease_seconds = deps.settings.outbox_lease_seconds
        self.retention = timedelta(days=deps.settings.outbox_retention_days)
        self.purge_every_seconds = timing.purge_every_seconds
        self._purged_at: float | None = None
        self.also = also
        self._task: asyncio.Task[None] | None = None
        self.worker = worker_id()

    @abstractmethod
    async def deliver(self, message: OutboxMessage) -> None:
        """Send ``message`` wherever it is still missing; raise :class:`RetryLater` if it must wait."""

    async def attempt(self, message: OutboxMessage) -> bool:
        """One attempt at ``message``: True when complete (marked sent), else a retry is scheduled."""
        try:
            await self.deliver(message)
        except RetryLater as later:
            await self.retry_later(message, later.reason, later.retry_after)
            return False
        except (aiohttp.ClientError, TimeoutError) as error:
            await self.retry_later(message, f"{type(error).__name__}: {error}")
            return False
        await self.store.outbox.mark_sent(message.id, system_clock())
        return True

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run(), name=f"{self.platform}-outbox")

    async def stop(self) -> None:
        if self._task is not None:
            await cancel_and_wait(self._task)
            self._task = None

    async def _run(self) -> None:
        while True:
            try:
                await self.deliver_due()
                await self.purge_when_due()
                if self.also is not None:
                    await self.also()
            except Exception as error:  # the worker must outlive any single failure
                log.error("%s outbox round failed: %s: %s", self.platform, type(error).__name__, error)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.ready.wait(), timeout=self.poll_seconds)
            self.ready.clear()

    async def deliver_due(self) -> int:
        """Send every due message of this platform once; returns how many were completed."""
        done = 0
        outbox = self.store.outbox
        while claimed := await outbox.claim_due(
            self.worker, system_clock(), self.lease_seconds, limit=CLAIM_BATCH, platform=self.platform
        ):
            round_done = 0
            async with Claims(outbox, self.worker, self.lease_seconds, (m.id for m in claimed)).renewed() as claims:
                for position, message in enumerate(claimed):
                    if message.id in claims.lost:
                        continue
                    claims.current = message.id
                    try:
                        completed = await self.attempt(message)
                    except BaseException:
                        # Give back what this round did not finish, so the next round (or worker) retries it now.
                        for unfinished in claimed[position:]:
                            with contextlib.suppress(Exception):
                                await outbox.release(unfinished.id, self.worker)
                        raise
                    finally:
                        claims.done(message.id)
                    round_done += completed
            done += round_done
            # A full batch may mean more are due; a batch that all failed waits for the next round.
            if len(claimed) < CLAIM_BATCH or not round_done:
                break
        return done

    async def purge_when_due(self) -> int:
        """Delete the sent messages past the retention, at most once per ``purge_every_seconds``."""
        now = time.monotonic()
        if self._purged_at is not None and now - self._purged_at < self.purge_every_seconds:
            return 0
        self._purged_at = now
        # The real clock, as sent_at is: a pinned TRYGGHETSBOT_NOW must not make everything look old.
        purged = await self.store.outbox.purge_sent(
            system_clock() - self.retention, live_rounds=(self.deps.service.round.year,)
        )
        if purged:
            log.info("%s outbox: %d sent messages past the retention deleted", self.platform, purged)
        return purged

    async def retry_later(self, message: OutboxMessage, reason: str, retry_after: str | None = None) -> None:
        """Schedule the next attempt: exponential backoff, or the platform's ``Retry-After`` (seconds)."""
        delay = retry_delay(self.retry_base_seconds, message.attempts, retry_after)
        log.warning("%s outbox message %s failed (%s); retrying in %.1f s", self.platform, message.id, reason, delay)
        await self.store.outbox.schedule_retry(message.id, reason, system_clock() + timedelta(seconds=delay))

"""When a jury message (a decision's announcement, a reminder) counts as sent: once every platform
that serves the jury has delivered it, not when the first one has.

Each platform's sender records, in ``store.records`` (kind ``jury-delivered``, shared by every
process on the store), that it has delivered a message everywhere it goes on that platform (every
jury channel, or the juror's ids there; a juror with no id on a platform needs nothing from it).
The sender that finds every platform's record marks the message sent in the jury's records.
Installations with one platform mark a message sent as soon as that platform has it; with Slack
and Teams both configured, only when both have.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.clock import system_clock
from store import Store

KIND = "jury-delivered"


@dataclass
class JuryDeliveries:
    store: Store
    # The platforms that deliver the jury's messages (Settings.platforms).
    platforms: Sequence[str]
    _known: set[str] = field(default_factory=set)  # "message:platform" records known to exist

    async def delivered_by(self, message_id: str, platform: str) -> bool:
        key = f"{message_id}:{platform}"
        if key in self._known:
            return True
        if await self.store.records.get(KIND, key) is None:
            return False
        self._known.add(key)
        return True

    async def delivered(self, message_id: str, platform: str) -> None:
        """``platform`` has delivered the message everywhere it goes; sent once all platforms have."""
        key = f"{message_id}:{platform}"
        if key not in self._known:
            await self.store.records.put(KIND, key, {"at": system_clock().isoformat()})
            self._known.add(key)
        # Written before the others are read: of two senders that finish at once, at least one sees both.
        for other in self.platforms:
            if other != platform and not await self.delivered_by(message_id, other):
                return
        await self.store.jury.mark_message_sent(message_id, system_clock())

"""Who is on the jury: listed in JURY_USER_IDS or a member of a jury channel."""

from __future__ import annotations

import logging

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings
from bot.jury.roster import Roster

log = logging.getLogger(__name__)


async def is_jury_member(client: AsyncWebClient, settings: Settings, user_id: str) -> bool:
    if Roster.parse(settings.jury_user_ids).juror(user_id) is not None:
        return True
    for channel in settings.jury_channel_ids:
        cursor: str | None = None
        while True:
            try:
                page = await client.conversations_members(channel=channel, cursor=cursor, limit=200)
            except SlackApiError as error:
                # Refusing is the safe answer when membership cannot be checked.
                log.warning("conversations.members failed for %s: %s", channel, error)
                break
            if user_id in page.get("members", []):
                return True
            cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
            if not cursor:
                break
    return False

"""The language a Slack user reads: the one they last wrote to the bot in.

Slack's payloads carry no locale (``users.info`` has it only with an extra scope), so App Home,
the scoring modal and the jury's answers follow the language of the user's last question or
message, kept in the store (``records``) so every process and a restart know it. Swedish until
the user has written anything. Recording is best effort: an answer never waits on an outage.
"""

from __future__ import annotations

import logging

from bot.texts import Lang
from store import Store

log = logging.getLogger(__name__)

KIND = "slack_user_lang"


class UserLanguages:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._known: dict[str, Lang] = {}  # what this process read or wrote last, to write only on a change

    async def of(self, user_id: str) -> Lang:
        try:
            record = await self.store.records.get(KIND, user_id)
        except Exception as error:  # the store may be out of reach: Swedish, the city's language
            log.warning("the language of %s is not known now: %s", user_id, type(error).__name__)
            return self._known.get(user_id, "sv")
        lang: Lang = "en" if record is not None and record.get("lang") == "en" else "sv"
        self._known[user_id] = lang
        return lang

    async def remember(self, user_id: str, lang: Lang) -> None:
        if not user_id or self._known.get(user_id) == lang:
            return
        try:
            await self.store.records.put(KIND, user_id, {"lang": lang})
        except Exception as error:
            log.warning("could not remember the language of %s: %s", user_id, type(error).__name__)
            return
        self._known[user_id] = lang

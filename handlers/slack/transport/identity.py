"""Who the bot is in its workspace, known without Slack answering at start-up.

bolt's single-workspace authorization calls ``auth.test`` before the first
listener runs and, while Slack's API is down, answers every request with
"please reinstall" and runs nothing. Instead the app gets an ``authorize``
function that always returns the configured bot token with the identity known
so far: ``SLACK_BOT_USER_ID`` from the settings, then what ``auth.test`` says
once it answers. :meth:`BotIdentity.learn` retries it in the background with
backoff until it does. No listener needs the identity to work: messages from bots
(ourselves included) are recognised by their ``bot_id``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

import aiohttp
from slack_bolt.authorization import AuthorizeResult
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)
MAX_RETRY_SECONDS = 300.0


class BotIdentity:
    def __init__(self, token: str, *, bot_user_id: str | None = None) -> None:
        self.token = token
        self.bot_user_id = bot_user_id
        self.bot_id: str | None = None
        self.team_id: str | None = None
        self.known = asyncio.Event()

    def authorize_function(self) -> Callable[..., Awaitable[AuthorizeResult]]:
        """bolt's ``authorize`` hook: the bot token, never a network call.

        A plain function, as bolt passes the arguments it finds in the signature by name.
        """

        async def authorize(enterprise_id: str | None, team_id: str | None, user_id: str | None) -> AuthorizeResult:
            return AuthorizeResult(
                enterprise_id=enterprise_id,
                team_id=team_id or self.team_id,
                bot_token=self.token,
                bot_user_id=self.bot_user_id,
                bot_id=self.bot_id,
                user_id=user_id,
            )

        return authorize

    async def learn(self, client: AsyncWebClient, *, first_delay: float = 1.0) -> None:
        """Ask ``auth.test`` until it answers; keeps trying through an outage (run as a background task)."""
        delay = first_delay
        while True:
            try:
                result = await client.auth_test()
            except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
                log.warning("auth.test failed (%s); the bot keeps serving and asks again in %.0f s", error, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_RETRY_SECONDS)
                continue
            self.bot_user_id = result.get("user_id") or self.bot_user_id
            self.bot_id = result.get("bot_id")
            self.team_id = result.get("team_id")
            self.known.set()
            return

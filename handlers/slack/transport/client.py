"""The Slack Web API client: pointed at ``SLACK_API_URL``, retrying what is worth retrying."""

from __future__ import annotations

import aiohttp
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.config import Settings


async def respond_via(session: aiohttp.ClientSession, response_url: str, text: str) -> None:
    """Answer a slash command through its response_url on the shared session."""
    await AsyncWebhookClient(url=response_url, session=session).send(text=text, response_type="ephemeral")


# slack_sdk applies its own timeout only to sessions it makes itself; a shared session needs one
# too, or a request that Slack never answers holds its caller (the outbox worker) for aiohttp's
# default of five minutes.
WEB_API_TIMEOUT_SECONDS = 10


def http_session() -> aiohttp.ClientSession:
    """The one connection pool for the Web API, response_urls and uploads, with a timeout."""
    return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=WEB_API_TIMEOUT_SECONDS))


def build_outbox_client(settings: Settings, session: aiohttp.ClientSession | None = None) -> AsyncWebClient:
    """The outbox's client: retries only 429s, which Slack guarantees it did not act on.

    A post whose connection broke or that got a 5xx may still have reached the channel, so
    it is not simply sent again here: the outbox retries it later and first looks for the
    tagged post (handlers.slack.delivery.nomination_events).
    """
    return AsyncWebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=WEB_API_TIMEOUT_SECONDS,
        session=session,
        retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=2)],
    )


def build_web_client(settings: Settings, session: aiohttp.ClientSession | None = None) -> AsyncWebClient:
    """``session``: one shared connection pool (slack_sdk otherwise opens a session per call)."""
    # Only the connection-error handler is on by default in slack_sdk; 429 (honouring
    # Retry-After) and 5xx are retried here too. The outbox adds its own slower backoff.
    return AsyncWebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=WEB_API_TIMEOUT_SECONDS,
        session=session,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=2),
            AsyncRateLimitErrorRetryHandler(max_retry_count=2),
            AsyncServerErrorRetryHandler(max_retry_count=1),
        ],
    )

"""The Slack Web API client: pointed at ``SLACK_API_URL``, retrying what is worth retrying."""

from __future__ import annotations

from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings


def build_web_client(settings: Settings) -> AsyncWebClient:
    # Only the connection-error handler is on by default in slack_sdk; 429 (honouring
    # Retry-After) and 5xx are retried here too. The outbox adds its own slower backoff.
    return AsyncWebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=10,
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=2),
            AsyncRateLimitErrorRetryHandler(max_retry_count=2),
            AsyncServerErrorRetryHandler(max_retry_count=1),
        ],
    )

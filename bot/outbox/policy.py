"""When a failed delivery is tried again: exponential backoff, capped, or the platform's ``Retry-After``.

Both kinds of message follow it: the nomination events (``handlers.outbox_worker``) and the
jury's messages (``handlers.slack.delivery.jury_messages``).
"""

from __future__ import annotations

import contextlib

MAX_BACKOFF_SECONDS = 15 * 60


def retry_delay(base_seconds: float, attempts: int, retry_after: str | None = None) -> float:
    """Seconds until the next attempt after ``attempts`` failed ones: ``base_seconds`` doubled per
    attempt, or the platform's ``Retry-After`` (seconds) when it gave a usable one; at most
    :data:`MAX_BACKOFF_SECONDS`."""
    delay: float = min(base_seconds * 2.0**attempts, MAX_BACKOFF_SECONDS)
    if retry_after is not None:
        with contextlib.suppress(TypeError, ValueError):
            delay = min(max(float(retry_after), 0.0), MAX_BACKOFF_SECONDS)
    return delay

"""Make user text inert in Slack mrkdwn.

Slack reads ``<!channel>``, ``<@U123>`` and ``<https://x|label>`` as control
sequences; escaping ``&``, ``<`` and ``>`` (Slack's own rule) turns them into
plain text, so a nomination can neither ping people nor forge links.
"""

from __future__ import annotations

ELLIPSIS = "…"


def escape_mrkdwn(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cut(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[: limit - len(ELLIPSIS)]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip() + ELLIPSIS


def safe(text: str, limit: int) -> str:
    """Escaped and cut so the escaped form (which is longer) still fits ``limit``."""
    escaped = escape_mrkdwn(text)
    if len(escaped) <= limit:
        return escaped
    # Cut the raw text so no escape sequence is split in half.
    budget = limit
    while budget > 0:
        candidate = escape_mrkdwn(cut(text, budget))
        if len(candidate) <= limit:
            return candidate
        budget -= max(1, len(candidate) - limit)
    return ELLIPSIS

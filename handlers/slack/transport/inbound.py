"""The gate in front of bolt: signature first, then the body's syntax, then its shape.

bolt parses a request body before it checks the signature, and its listeners
read payloads as plain dicts, so a body like ``payload=%ZZ`` or a
``view_submission`` whose ``user`` is a string ends in a traceback and HTTP 500.
Here every request is checked in the order that costs an attacker the most:

1. the signature (``X-Slack-Signature`` over the raw bytes, a numeric timestamp
   at most five minutes off), before the body is parsed at all: 401;
2. the body's syntax, parsed exactly the way bolt will parse it: 400;
3. the payload's shape, for every kind of request a listener reads, with the
   pydantic models in :mod:`handlers.slack.transport.payloads`: 400.

A refused request is logged as one line, never a traceback. Socket Mode has no
signatures (the websocket is authenticated) but uses the same shape check.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

from pydantic import ValidationError

from handlers.slack.transport.payloads import validate_payload

MAX_CLOCK_SKEW_SECONDS = 5 * 60


class RejectedRequest(Exception):
    """A request refused before bolt sees it; ``status`` is the HTTP status to answer."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def verify_signature(secret: str, headers: Mapping[str, str], body: bytes, *, now: float | None = None) -> None:
    """Raise :class:`RejectedRequest` (401) unless Slack signed ``body`` with ``secret`` recently."""
    timestamp = headers.get("X-Slack-Request-Timestamp") or ""
    signature = headers.get("X-Slack-Signature") or ""
    if not signature or not timestamp:
        raise RejectedRequest(401, "unsigned request")
    # Slack's timestamps are whole seconds; anything else ("1.5", "abc", "١٢") is not Slack.
    if not (timestamp.isascii() and timestamp.isdigit()) or len(timestamp) > 12:
        raise RejectedRequest(401, "malformed signature timestamp")
    current = time.time() if now is None else now
    if abs(current - int(timestamp)) > MAX_CLOCK_SKEW_SECONDS:
        raise RejectedRequest(401, "stale or future signature timestamp")
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
        raise RejectedRequest(401, "bad signature")


def parse_body(raw: bytes, content_type: str | None) -> tuple[str, dict[str, Any]]:
    """The body as text and as the dict bolt will make of it; :class:`RejectedRequest` (400) if it is not one.

    Mirrors ``slack_bolt.request.internals.parse_body`` so that bolt's own parse cannot fail after this one
    succeeded.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RejectedRequest(400, "body is not UTF-8") from None
    if not text:
        raise RejectedRequest(400, "empty body")
    try:
        if content_type == "application/json" or text.startswith("{"):
            parsed: object = json.loads(text)
        elif "payload" in text:
            payload = dict(parse_qsl(text, keep_blank_values=True)).get("payload")
            parsed = json.loads(payload) if payload is not None else {}
        else:
            parsed = dict(parse_qsl(text, keep_blank_values=True))
    except (ValueError, RecursionError) as error:  # JSONDecodeError is a ValueError
        raise RejectedRequest(400, f"body is not valid JSON or form data ({type(error).__name__})") from None
    if not isinstance(parsed, dict):
        raise RejectedRequest(400, f"payload is a JSON {type(parsed).__name__}, not an object")
    return text, parsed


def check_shape(payload: dict[str, Any]) -> None:
    """Raise :class:`RejectedRequest` (400) when a payload a listener reads has the wrong shape."""
    try:
        validate_payload(payload)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "payload"
        raise RejectedRequest(400, f"malformed payload at {where}: {first['type']}") from None
    except RecursionError:
        raise RejectedRequest(400, "payload nested too deeply") from None

"""Text from outside (a request's field names, a library's exception) made safe for one log line."""

from __future__ import annotations

import re

# Control characters that survive whitespace folding (ESC, NUL, DEL, C1): shown as escapes, so a
# log line cannot be split or recoloured by what a request carried.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
LIMIT = 300


def one_line(value: object, limit: int = LIMIT) -> str:
    """``value`` as text on one line: every run of whitespace (line breaks included) one space,
    other control characters escaped, at most ``limit`` characters."""
    text = _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", " ".join(str(value).split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""What the commands print: a reply, exports (to a file, or standard output when none
is named), and text that may hold characters a terminal cannot print."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from bot.answering import Reply


def print_text_or_json(reply: Reply, as_json: bool, *, explained: bool = True) -> None:
    """The reply's text, or all of it as JSON; ``explained``: with the frame and rule (``ask``)."""
    if as_json:
        print(json.dumps(reply.to_json_dict(explained=explained), ensure_ascii=False), flush=True)
    else:
        print(reply.text, flush=True)


_SURROGATES = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with lone surrogates (which no terminal can print) shown as U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def has_surrogates(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate: bytes that were not UTF-8 (Python's surrogateescape)."""
    return _SURROGATES.search(text) is not None


def write_export(payload: bytes, out: Path | None) -> OSError | None:
    """Write ``payload`` to ``out`` (or stdout); the error when the file cannot be written."""
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return None
    try:
        out.write_bytes(payload)
    except OSError as error:
        return error
    return None

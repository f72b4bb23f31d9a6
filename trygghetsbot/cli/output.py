"""What the commands print: a reply or an answer, exports (to a file, or standard output when none
is named), and text that may hold characters a terminal cannot print."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Protocol


class Printable(Protocol):
    """An answer (``ask``) or a reply (``chat``): its text, or all of it as JSON."""

    @property
    def text(self) -> str: ...

    def to_json_dict(self) -> dict[str, Any]: ...


def print_text_or_json(result: Printable, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result.to_json_dict(), ensure_ascii=False), flush=True)
    else:
        print(result.text, flush=True)


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

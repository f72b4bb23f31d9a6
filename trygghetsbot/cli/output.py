"""Where an export goes: a file, or standard output when none is named."""

from __future__ import annotations

import sys
from pathlib import Path


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

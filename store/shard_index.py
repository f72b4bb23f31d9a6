"""Which shard file holds which nomination, so that a command opens only the shard files it needs.

``<db>.shard-index.json`` (beside the main file) lists every shard file with its signature
(inode, size and modification time) and, for each nomination in it, the id, round, nominator
and idempotency key. It is a cache, only ever used to choose which shard files to open: what a
command reads, checks and returns comes from the shard files themselves, opened and checked as
always. A shard file whose signature is not the listed one (it changed after the index was
written) is opened and read again; a missing, unreadable or foreign index is rebuilt by reading
every shard file once.

The writing process saves the index when it closes the store (one atomic write, and only when
something changed) and removes it before its first change to a nomination, so after a crash
the next command rebuilds it instead of trusting an index that misses a write. (The signatures
would catch such a write too, unless the file kept its inode, size and modification time.)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.files import atomic_write_bytes
from bot.nominations.model import Nomination

INDEX_VERSION = 1


# A shard file's inode, size and modification time (nanoseconds).
Signature = tuple[int, int, int]
# What the index keeps of one nomination, enough to find the file a lookup needs: id, round,
# nominator key, idempotency key. Plain tuples, so that reading 10 000 of them takes milliseconds.
Entry = tuple[str, int, str, str | None]
ID, ROUND, NOMINATOR, KEY = range(4)


def entry(nomination: Nomination) -> Entry:
    return (nomination.id, nomination.round_year, nomination.nominator.key, nomination.idempotency_key)


class IndexedShard(BaseModel):
    model_config = ConfigDict(frozen=True)

    signature: Signature
    nominations: list[Entry]


class IndexFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    app: Literal["trygghetsbot"]
    version: Literal[1]
    # Shard file (relative to the shard folder, e.g. "round-2023/1f.json") -> what it holds.
    shards: dict[str, IndexedShard]


def signature(file: Path) -> Signature | None:
    """The file's inode, size and modification time; ``None`` if it is gone or cannot be seen."""
    try:
        stat = os.stat(file)
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def read_index(path: Path, shard_dir: Path) -> dict[Path, IndexedShard]:
    """The saved index by shard file; empty when there is none or it cannot be used (it is rebuilt)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return {}
    try:
        saved = IndexFile.model_validate_json(raw)
    except ValidationError:
        return {}
    return {shard_dir / name: shard for name, shard in saved.shards.items()}


def write_index(path: Path, shard_dir: Path, shards: dict[Path, IndexedShard]) -> None:
    """Replace the saved index atomically; raises :class:`OSError`."""
    listed = {file.relative_to(shard_dir).as_posix(): shard for file, shard in sorted(shards.items())}
    saved = IndexFile(app="trygghetsbot", version=INDEX_VERSION, shards=listed)
    atomic_write_bytes(path, saved.model_dump_json().encode("utf-8"))


def remove_index(path: Path) -> None:
    """Remove the saved index (before a change to the nominations it describes); raises :class:`OSError`."""
    path.unlink(missing_ok=True)

"""Embedded TinyDB store: nominations, conversation/dialog state and the notification outbox.

Open with :func:`open_store` (path from ``TRYGGHETSBOT_DB``); the returned
:class:`Store` has three repositories implementing the core's Protocols
(:mod:`bot.nominations.ports`):

* ``store.nominations`` — :class:`store.nominations.TinyNominationRepository`
* ``store.dialogs`` — :class:`store.dialogs.TinyDialogRepository`
* ``store.outbox`` — :class:`store.outbox.TinyOutboxRepository` (see its module
  docstring for the delivery API a platform sender uses)

Durability: every write is an atomic file replace with fsync (:mod:`store.atomic`);
layout, schema check and locking are described in :mod:`store.engine`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store.dialogs import TinyDialogRepository
from store.engine import SCHEMA_VERSION, Engine
from store.errors import SchemaVersionError, StoreCorruptError, StoreError, StoreLockedError
from store.nominations import OutboxIndex, TinyNominationRepository
from store.outbox import TinyOutboxRepository

__all__ = [
    "SCHEMA_VERSION",
    "SchemaVersionError",
    "Store",
    "StoreCorruptError",
    "StoreError",
    "StoreLockedError",
    "open_store",
]


@dataclass
class Store:
    engine: Engine
    nominations: TinyNominationRepository
    dialogs: TinyDialogRepository
    outbox: TinyOutboxRepository

    def close(self) -> None:
        self.engine.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_store(path: str | Path, *, read_only: bool = False, lock_wait: float = 0.0) -> Store:
    """Open (and for writing, create) the database at ``path``; raises :class:`StoreError`.

    A writer waits up to ``lock_wait`` seconds for another process's lock.
    """
    engine = Engine(Path(path), read_only=read_only, lock_wait=lock_wait)
    engine.open()
    try:
        index = OutboxIndex(engine)
        return Store(
            engine=engine,
            nominations=TinyNominationRepository(engine, index),
            dialogs=TinyDialogRepository(engine),
            outbox=TinyOutboxRepository(engine, index),
        )
    except BaseException:
        engine.close()
        raise

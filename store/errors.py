"""Store errors. Their messages name the file; the CLI shows them to the user as they are."""

from __future__ import annotations


class StoreError(Exception):
    """The database cannot be used."""


class StoreCorruptError(StoreError):
    """The file is not a readable Trygghetsbot database; it is never overwritten."""


class SchemaVersionError(StoreError):
    """The file was written by an incompatible version of Trygghetsbot."""


class StoreLockedError(StoreError):
    """Another process is writing the database right now and did not finish in time."""

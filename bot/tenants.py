"""Each workspace's own settings when one installation serves many (Slack OAuth installs).

Kept in a small JSON file (``TRYGGHETSBOT_TENANTS_FILE``, default ``tenants.json`` beside
the database) that the admin edits with ``trygghetsbot tenant set``; it is written
atomically and read when a workspace's runtime starts. A file rather than a database table
so that the admin can change it while a TinyDB-backed server holds the database's lock.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.files import atomic_write_bytes


class TenantSettings(BaseModel):
    """What one workspace sets for itself; everything else is the server's."""

    model_config = ConfigDict(extra="forbid")

    jury_channel_ids: list[str] = Field(default_factory=list)
    jury_user_ids: list[str] = Field(default_factory=list)
    jury_chair_id: str | None = None
    round_year: int | None = None


class TenantsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: int = 1
    tenants: dict[str, TenantSettings] = Field(default_factory=dict)


class TenantsError(Exception):
    """The tenants file cannot be read or written (the message names the file)."""


def load_tenants(path: Path) -> dict[str, TenantSettings]:
    if not path.exists():
        return {}
    try:
        return TenantsFile.model_validate_json(path.read_bytes()).tenants
    except (OSError, ValidationError, ValueError) as error:
        raise TenantsError(f"{path}: {error}") from None


def save_tenant(path: Path, tenant: str, settings: TenantSettings) -> None:
    """Replace ``tenant``'s settings; the file is replaced atomically (:mod:`bot.files`)."""
    tenants = {**load_tenants(path), tenant: settings}
    atomic_write_bytes(path, TenantsFile(tenants=dict(sorted(tenants.items()))).model_dump_json(indent=1).encode())

"""The ports of what the store keeps for the adapters, not the core: small records, the installed
workspaces and OAuth states. The core's ports live in ``bot`` (one ``ports.py`` per context)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

# A Slack enterprise, team or user id; ``None`` where there is none (no Enterprise Grid org, a bot).
SlackId = str | None


class RecordRepository(Protocol):
    """Small JSON records by kind and key (see :mod:`store.records`)."""

    async def put(self, kind: str, key: str, value: dict[str, Any], expires_at: datetime | None = None) -> None: ...
    async def get(self, kind: str, key: str) -> dict[str, Any] | None: ...
    async def take(self, kind: str, key: str) -> dict[str, Any] | None: ...
    async def delete(self, kind: str, key: str) -> None: ...
    async def list(self, kind: str) -> list[tuple[str, dict[str, Any]]]: ...


class InstallationRepository(Protocol):
    """Every workspace that installed the app, by enterprise and team id (see :mod:`store.installations`).

    Not bound to the handle's tenant: it is how a request finds its tenant. ``None`` ids are
    kept as ``""`` (a workspace outside an Enterprise Grid org; an org-wide install).
    """

    async def save_installation(
        self, enterprise_id: SlackId, team_id: SlackId, user_id: SlackId, installed_at: datetime, data: dict[str, Any]
    ) -> None: ...
    async def find_installation(
        self, enterprise_id: SlackId, team_id: SlackId, user_id: SlackId = None
    ) -> dict[str, Any] | None: ...
    async def delete_installations(self, enterprise_id: SlackId, team_id: SlackId, user_id: SlackId = None) -> None: ...
    async def save_bot(
        self, enterprise_id: SlackId, team_id: SlackId, installed_at: datetime, data: dict[str, Any]
    ) -> None: ...
    async def find_bot(self, enterprise_id: SlackId, team_id: SlackId) -> dict[str, Any] | None: ...
    async def delete_bot(self, enterprise_id: SlackId, team_id: SlackId) -> None: ...
    async def bots(self) -> list[tuple[SlackId, SlackId]]: ...


class OAuthStateRepository(Protocol):
    """One-time OAuth states: ``consume`` is true once per issued, unexpired state (any process)."""

    async def issue(self, state: str, expires_at: datetime) -> None: ...
    async def consume(self, state: str) -> bool: ...

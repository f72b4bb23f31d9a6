"""The registry of installed workspaces and one-time OAuth states, on TinyDB.

A chat platform's installation flow (Slack's OAuth, :mod:`handlers.slack.transport.oauth`) keeps here
who installed the app where: installations by enterprise, team and installing user, the bot
of each workspace by enterprise and team, and the one-time states of flows under way. The
registry belongs to no tenant (it is how a request finds its tenant, the workspace's
``team_id``), so it lives in the default tenant's main file, tables ``slack_installations``,
``slack_bots`` and ``oauth_states``; another tenant's handle refuses it. PostgreSQL:
:mod:`store.postgres.installations`.

``find_installation`` without a user gives the workspace's latest installation. An expired
state is never consumed, and expired ones are purged as new ones are issued. Installations
the first version of the OAuth flow kept in the records table (:mod:`store.records`) are
moved here the first time the registry is read or written.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tinydb import Query, TinyDB
from tinydb.queries import QueryLike

from bot.clock import Clock
from store.engine import Engine, docs
from store.errors import StoreError
from store.ports import SlackId
from store.records import RECORDS

INSTALLATIONS = "slack_installations"
BOTS = "slack_bots"
STATES = "oauth_states"
# The kinds and key format the records port held them under before (enterprise:team, "-" for none).
OLD_KINDS = {"slack_installation": INSTALLATIONS, "slack_bot": BOTS}
OLD_STATE_KIND = "slack_oauth_state"


def plain(value: str | None) -> str:
    """How a missing id is stored: ``""``."""
    return value or ""


def stored(value: str) -> str | None:
    return value or None


def _where(enterprise_id: SlackId, team_id: SlackId, user_id: SlackId = None) -> QueryLike:
    row = Query()
    query: QueryLike = (row.enterprise_id == plain(enterprise_id)) & (row.team_id == plain(team_id))
    if user_id is not None:
        query = query & (row.user_id == user_id)
    return query


class TinyInstallationRepository:
    """``usable`` is false on a tenant's own file: the registry is only in the default tenant's."""

    def __init__(self, engine: Engine, *, usable: bool) -> None:
        self.engine = engine
        self.usable = usable
        self._moved = False

    async def _db(self) -> TinyDB:
        """The main file's database, with installations from the records table moved over (call with the lock)."""
        if not self.usable:
            raise StoreError("store.registry_default_only")
        db = self.engine.main_db()
        if not self._moved and not self.engine.read_only:
            old = [d for d in docs(db, RECORDS) if d.get("kind") in OLD_KINDS or d.get("kind") == OLD_STATE_KIND]
            if old:
                await self.engine.write(db, lambda: _move(db, old))
            self._moved = True
        return db

    def _rows(self, db: TinyDB, table: str, enterprise_id: SlackId, team_id: SlackId) -> list[dict[str, Any]]:
        return [
            d for d in docs(db, table) if d["enterprise_id"] == plain(enterprise_id) and d["team_id"] == plain(team_id)
        ]

    async def save_installation(
        self, enterprise_id: SlackId, team_id: SlackId, user_id: SlackId, installed_at: datetime, data: dict[str, Any]
    ) -> None:
        doc = _doc(enterprise_id, team_id, installed_at, data, user_id=plain(user_id))
        async with self.engine.lock:
            db = await self._db()
            query = _where(enterprise_id, team_id, plain(user_id))
            await self.engine.write(db, lambda: db.table(INSTALLATIONS).upsert(doc, query))

    async def find_installation(
        self, enterprise_id: SlackId, team_id: SlackId, user_id: SlackId = None
    ) -> dict[str, Any] | None:
        async with self.engine.lock:
            rows = self._rows(await self._db(), INSTALLATIONS, enterprise_id, team_id)
        if user_id is not None:
            rows = [d for d in rows if d["user_id"] == user_id]
        return _latest(rows)

    async def delete_installations(self, enterprise_id: SlackId, team_id: SlackId, user_id: SlackId = None) -> None:
        async with self.engine.lock:
            db = await self._db()
            query = _where(enterprise_id, team_id, user_id)
            await self.engine.write(db, lambda: db.table(INSTALLATIONS).remove(query))

    async def save_bot(
        self, enterprise_id: SlackId, team_id: SlackId, installed_at: datetime, data: dict[str, Any]
    ) -> None:
        doc = _doc(enterprise_id, team_id, installed_at, data)
        async with self.engine.lock:
            db = await self._db()
            query = _where(enterprise_id, team_id)
            await self.engine.write(db, lambda: db.table(BOTS).upsert(doc, query))

    async def find_bot(self, enterprise_id: SlackId, team_id: SlackId) -> dict[str, Any] | None:
        async with self.engine.lock:
            return _latest(self._rows(await self._db(), BOTS, enterprise_id, team_id))

    async def delete_bot(self, enterprise_id: SlackId, team_id: SlackId) -> None:
        async with self.engine.lock:
            db = await self._db()
            query = _where(enterprise_id, team_id)
            await self.engine.write(db, lambda: db.table(BOTS).remove(query))

    async def bots(self) -> list[tuple[SlackId, SlackId]]:
        async with self.engine.lock:
            rows = docs(await self._db(), BOTS)
        return [(stored(e), stored(t)) for e, t in sorted((d["enterprise_id"], d["team_id"]) for d in rows)]


class TinyOAuthStateRepository:
    def __init__(self, engine: Engine, clock: Clock, *, usable: bool) -> None:
        self.engine = engine
        self.clock = clock
        self.usable = usable

    def _db(self) -> TinyDB:
        if not self.usable:
            raise StoreError("store.registry_default_only")
        return self.engine.main_db()

    async def issue(self, state: str, expires_at: datetime) -> None:
        db = self._db()
        now = self.clock()
        row = Query()

        def change() -> None:
            table = db.table(STATES)
            table.remove(row.expires_at.test(lambda at: datetime.fromisoformat(at) <= now))
            table.upsert({"state": state, "expires_at": expires_at.isoformat()}, row.state == state)

        async with self.engine.lock:
            await self.engine.write(db, change)

    async def consume(self, state: str) -> bool:
        db = self._db()
        async with self.engine.lock:
            found = next((d for d in docs(db, STATES) if d["state"] == state), None)
            if found is None:
                return False
            await self.engine.write(db, lambda: db.table(STATES).remove(Query().state == state))
        return datetime.fromisoformat(found["expires_at"]) > self.clock()


def _doc(
    enterprise_id: SlackId, team_id: SlackId, installed_at: datetime, data: dict[str, Any], **more: str
) -> dict[str, Any]:
    return {
        "enterprise_id": plain(enterprise_id),
        "team_id": plain(team_id),
        **more,
        "installed_at": installed_at.isoformat(),
        "data": data,
    }


def _latest(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not rows:
        return None
    return dict(max(rows, key=lambda d: datetime.fromisoformat(d["installed_at"]))["data"])


def _move(db: TinyDB, old: list[dict[str, Any]]) -> None:
    """Installations and bots from the records table into their own tables; old states are dropped."""
    record = Query()
    for doc in old:
        table = OLD_KINDS.get(doc["kind"])
        if table is not None:
            data = dict(doc["value"])
            installed = datetime.fromtimestamp(float(data.get("installed_at") or 0)).astimezone()
            enterprise_id, team_id = data.get("enterprise_id"), data.get("team_id")
            more = {"user_id": plain(data.get("user_id"))} if table == INSTALLATIONS else {}
            new = _doc(enterprise_id, None if data.get("is_enterprise_install") else team_id, installed, data, **more)
            query = _where(new["enterprise_id"], new["team_id"], more.get("user_id"))
            db.table(table).upsert(new, query)
        db.table(RECORDS).remove((record.kind == doc["kind"]) & (record.key == doc["key"]))

"""Copy an embedded TinyDB database into another store (PostgreSQL), idempotently.

``trygghetsbot db migrate-from-tinydb PATH`` uses it. Every nomination keeps its
id, status and history; its outbox messages keep their delivery state (a message
already posted is not posted again after the move); conversations keep their
dialog and follow-up context; the jury's scores, conflicts, decision, audit trail, reminders and
messages are copied round by round; the registry of installed workspaces (each workspace's bot and
installation) keeps its install times. Running it again copies only what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.nominations.state import ConversationState
from store import TinyStore
from store.base import Store
from store.dialogs import CONVERSATIONS
from store.engine import docs
from store.installations import BOTS, INSTALLATIONS, stored
from store.postgres import PgStore


@dataclass
class CopyReport:
    nominations_copied: int = 0
    nominations_present: int = 0
    messages_copied: int = 0
    messages_present: int = 0
    conversations_copied: int = 0
    jury_records_copied: int = 0
    installations_copied: int = 0


async def copy_tinydb(source: TinyStore, target: Store) -> CopyReport:
    report = CopyReport()
    for nomination in await source.nominations.list():
        present = await target.nominations.get(nomination.id)
        if present is None:
            await target.nominations.save(nomination)
            report.nominations_copied += 1
        else:
            report.nominations_present += 1
        for message in await source.outbox.list(nomination.id):
            if await target.outbox.get(message.id) is not None:
                report.messages_present += 1
                continue
            # Written with its nomination (as the target has it), in one transaction.
            await target.nominations.save(present or nomination, message)
            report.messages_copied += 1
    if isinstance(target, PgStore):
        for year in source.jury.round_years():
            report.jury_records_copied += await target.jury.copy_round(
                await source.jury.state(year),
                await source.jury.audit(year),
                await source.jury.reminders(year),
                await source.jury.messages(year),
            )
    main = source.engine.main_db()
    for doc in docs(main, BOTS):
        enterprise_id, team_id = stored(doc["enterprise_id"]), stored(doc["team_id"])
        if await target.installations.find_bot(enterprise_id, team_id) is None:
            at = datetime.fromisoformat(doc["installed_at"])
            await target.installations.save_bot(enterprise_id, team_id, at, doc["data"])
            report.installations_copied += 1
    for doc in docs(main, INSTALLATIONS):
        enterprise_id, team_id, user_id = stored(doc["enterprise_id"]), stored(doc["team_id"]), doc["user_id"]
        if await target.installations.find_installation(enterprise_id, team_id, user_id) is None:
            at = datetime.fromisoformat(doc["installed_at"])
            await target.installations.save_installation(enterprise_id, team_id, user_id, at, doc["data"])
    for doc in docs(main, CONVERSATIONS):
        await target.dialogs.save(ConversationState.model_validate(doc))  # insert or replace: idempotent
        report.conversations_copied += 1
    return report

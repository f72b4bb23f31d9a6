"""Copy an embedded TinyDB database into another store (PostgreSQL), idempotently.

``trygghetsbot db migrate-from-tinydb PATH`` uses it. Every nomination keeps its
id, status and history; its outbox messages keep their delivery state (a message
already posted is not posted again after the move); conversations keep their
dialog and follow-up context; the jury's scores, conflicts, decision, audit trail, reminders and
messages are copied round by round. Running it again copies only what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.nominations.state import ConversationState
from store import TinyStore
from store.base import Store
from store.dialogs import CONVERSATIONS
from store.engine import docs
from store.postgres import PgStore


@dataclass
class CopyReport:
    nominations_copied: int = 0
    nominations_present: int = 0
    messages_copied: int = 0
    messages_present: int = 0
    conversations_copied: int = 0
    jury_records_copied: int = 0


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
    for doc in docs(source.engine.main_db(), CONVERSATIONS):
        await target.dialogs.save(ConversationState.model_validate(doc))  # insert or replace: idempotent
        report.conversations_copied += 1
    return report

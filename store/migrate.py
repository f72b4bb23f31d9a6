"""Copy an embedded TinyDB database into another store (PostgreSQL), idempotently.

``trygghetsbot db migrate-from-tinydb PATH`` uses it. Every nomination keeps its
id, status and history; its outbox messages keep their delivery state (a message
already posted is not posted again after the move); conversations keep their
dialog and follow-up context. Running it again copies only what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.nominations.state import ConversationState
from store import TinyStore
from store.base import Store
from store.dialogs import CONVERSATIONS
from store.engine import docs


@dataclass
class CopyReport:
    nominations_copied: int = 0
    nominations_present: int = 0
    messages_copied: int = 0
    messages_present: int = 0
    conversations_copied: int = 0
    # The jury's records are not moved yet; the count tells the admin what stays behind.
    jury_records_left: int = 0


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
    for year in sorted({n.round_year for n in await source.nominations.list()}):
        state = await source.jury.state(year)
        report.jury_records_left += len(state.scores) + len(state.conflicts) + (1 if state.decision else 0)
    for doc in docs(source.engine.main_db(), CONVERSATIONS):
        await target.dialogs.save(ConversationState.model_validate(doc))  # insert or replace: idempotent
        report.conversations_copied += 1
    return report

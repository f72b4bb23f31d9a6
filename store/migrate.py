"""Copy an embedded TinyDB database into another store (PostgreSQL), idempotently.

``trygghetsbot db migrate-from-tinydb PATH`` uses it. Every nomination keeps its
id, status and history; its outbox messages keep their delivery state (a message
already posted is not posted again after the move); conversations keep their
dialog and follow-up context; the jury's scores, conflicts, decision, audit trail, reminders and
messages are copied round by round; the registry of installed workspaces (each workspace's bot and
installation) keeps its install times. Running it again copies only what is missing.

What PostgreSQL holds already is kept and reported, never overwritten, so the copy always
finishes and a second run changes nothing:

* a nomination with the same id, or the same submission under another id (the same idempotency
  key: one ``nominate --file`` sent to both databases), is skipped; the jury's records that name
  the TinyDB id follow it to PostgreSQL's id;
* a conversation PostgreSQL has with the same or a later ``updated_at`` is kept (the bot went on
  talking there after the switch).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from bot.jury.model import AuditEntry, JuryState, ReminderRecord
from bot.nominations.model import Nomination
from bot.nominations.state import ConversationState
from bot.outbox.model import JuryMessage
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
    conversations_kept: int = 0
    jury_records_copied: int = 0
    installations_copied: int = 0
    # TinyDB's nomination and the id PostgreSQL holds the same submission under.
    held_elsewhere: list[tuple[Nomination, str]] = field(default_factory=list)


async def copy_tinydb(source: TinyStore, target: Store) -> CopyReport:
    report = CopyReport()
    held = await target.nominations.list()
    by_id = {n.id: n for n in held}
    by_key = {n.idempotency_key: n for n in held if n.idempotency_key}
    nominations = await source.nominations.list()
    # TinyDB id -> PostgreSQL's id for the same submission.
    same = {
        n.id: twin.id
        for n in nominations
        if n.id not in by_id and n.idempotency_key and (twin := by_key.get(n.idempotency_key)) is not None
    }
    for nomination in nominations:
        if nomination.id in same:
            report.nominations_present += 1
            report.held_elsewhere.append((nomination, same[nomination.id]))
            continue  # its messages are PostgreSQL's twin's to send
        await _copy_nomination(source, target, _renamed(nomination, same), by_id.get(nomination.id), report)
    if isinstance(target, PgStore):
        for year in source.jury.round_years():
            records = _jury_renamed(
                same,
                await source.jury.state(year),
                await source.jury.audit(year),
                await source.jury.reminders(year),
                await source.jury.messages(year),
            )
            report.jury_records_copied += await target.jury.copy_round(*records)
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
        conversation = ConversationState.model_validate(doc)
        there = await target.dialogs.load(conversation.key)
        if there is not None and there.updated_at >= conversation.updated_at:
            report.conversations_kept += 1  # carried on in PostgreSQL: TinyDB's is older
            continue
        await target.dialogs.save(conversation)
        report.conversations_copied += 1
    return report


async def _copy_nomination(
    source: TinyStore, target: Store, nomination: Nomination, present: Nomination | None, report: CopyReport
) -> None:
    """The nomination unless PostgreSQL has it, then its messages PostgreSQL lacks, in one transaction."""
    missing = []
    for message in await source.outbox.list(nomination.id):
        if await target.outbox.get(message.id) is None:
            missing.append(message)
        else:
            report.messages_present += 1
    if present is not None and not missing:
        report.nominations_present += 1
        return
    # Written as the target has it, if it has it: what PostgreSQL holds is not overwritten.
    await target.nominations.save(present or nomination, missing)
    report.messages_copied += len(missing)
    if present is None:
        report.nominations_copied += 1
    else:
        report.nominations_present += 1


def _renamed(nomination: Nomination, same: Mapping[str, str]) -> Nomination:
    twin = same.get(nomination.duplicate_of) if nomination.duplicate_of else None
    return nomination.model_copy(update={"duplicate_of": twin}) if twin else nomination


def _jury_renamed(
    same: Mapping[str, str],
    state: JuryState,
    audit: list[AuditEntry],
    reminders: list[ReminderRecord],
    messages: list[JuryMessage],
) -> tuple[JuryState, list[AuditEntry], list[ReminderRecord], list[JuryMessage]]:
    """A round's jury records with TinyDB's ids of nominations PostgreSQL holds under other ids replaced."""
    if not same:
        return state, audit, reminders, messages

    def moved(ident: str | None) -> str | None:
        return same.get(ident, ident) if ident is not None else None

    state = state.model_copy(
        update={
            "scores": [s.model_copy(update={"nomination_id": moved(s.nomination_id)}) for s in state.scores],
            "conflicts": [c.model_copy(update={"nomination_id": moved(c.nomination_id)}) for c in state.conflicts],
            "decision": state.decision.model_copy(update={"nomination_id": moved(state.decision.nomination_id)})
            if state.decision
            else None,
        }
    )
    return (
        state,
        [a.model_copy(update={"nomination_id": moved(a.nomination_id)}) for a in audit],
        [r.model_copy(update={"nomination_ids": [same.get(i, i) for i in r.nomination_ids]}) for r in reminders],
        [m.model_copy(update={"nomination_id": moved(m.nomination_id)}) for m in messages],
    )

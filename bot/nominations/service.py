"""Submit, save, edit, withdraw and list nominations through the repository Protocol.

Every entry point applies the same rules (input, criteria, period), whether the
call comes from the dialog, the command line or a chat platform. Failures raise a
:class:`NominationError` carrying :class:`FieldError` items and store nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.clock import Clock, system_clock
from bot.knowledge.models import Prize, Round
from bot.nominations.model import Nomination, NominationContent, NominationStatus, Nominator
from bot.nominations.ports import NominationRepository, RepeatWindow
from bot.nominations.rounds import period_message
from bot.nominations.rules import FieldError, Rules, organisation_key
from bot.outbox.model import OutboxKind, OutboxMessage
from bot.texts import t

# How many recent edit idempotency keys a nomination remembers (replays come within minutes).
MAX_EDIT_KEYS = 20
# A submission with the same content by the same person this soon after the first is a double
# click or a client's retry, not a second nomination; later it is a deliberate resubmission
# (stored, and flagged as a possible duplicate).
REPEAT_WINDOW_SECONDS = 120.0


class NominationError(Exception):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors


class Rejected(NominationError):
    """Input or a mandatory criterion failed."""


class PeriodClosed(NominationError):
    """The nomination period is not open."""


class NotFound(NominationError):
    """No such nomination, or not the caller's own."""


class NotEditable(NominationError):
    """The nomination is withdrawn (or already in the asked state)."""


class KeyReused(NominationError):
    """The idempotency key already belongs to a nomination with other content."""


def content_fingerprint(content: NominationContent, nominator: Nominator) -> str:
    """A stable hash of what was submitted: the (cleaned) content and who submitted it."""
    payload = {"content": content.model_dump(mode="json"), "nominator": nominator.model_dump(mode="json")}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class SubmitResult:
    nomination: Nomination
    created: bool
    duplicate_of: Nomination | None


class NominationService:
    def __init__(
        self,
        repository: NominationRepository,
        prize: Prize,
        round_: Round,
        clock: Clock,
        platforms: Sequence[str] = ("slack",),
        *,
        repeat_window_seconds: float = REPEAT_WINDOW_SECONDS,
        real_clock: Clock = system_clock,
    ) -> None:
        """``platforms``: the chat platforms that tell their jury channels; each gets its own outbox message.
        ``repeat_window_seconds``: how long an identical submission by the same person is the first
        one again (0: never), measured on ``real_clock`` (a double click happens in real time, also
        when ``clock`` is pinned)."""
        self.repository = repository
        self.repeat_window_seconds = repeat_window_seconds
        self.real_clock = real_clock
        self.platforms = tuple(platforms) or ("slack",)
        self.rules = Rules(prize, round_)
        self.round = round_
        self.clock = clock

    # --- queries -------------------------------------------------------------

    def period_message(self, lang: str = "sv") -> str | None:
        return period_message(self.round, self.clock(), lang)

    async def list_own(self, nominator: Nominator, *, include_drafts: bool = True) -> list[Nomination]:
        statuses = (
            tuple(NominationStatus) if include_drafts else (NominationStatus.submitted, NominationStatus.withdrawn)
        )
        return await self.repository.list(round_year=self.round.year, nominator_key=nominator.key, statuses=statuses)

    async def get_own(self, nomination_id: str, nominator: Nominator, lang: str = "sv") -> Nomination:
        found = await self.repository.get(nomination_id.strip())
        if found is None or found.nominator.key != nominator.key:
            raise NotFound([FieldError(field="id", message=t(lang, "nom.error.not_found", id=nomination_id))])
        return found

    # --- commands ------------------------------------------------------------

    async def submit(
        self,
        content: NominationContent,
        nominator: Nominator,
        *,
        idempotency_key: str | None = None,
        draft_id: str | None = None,
        lang: str = "sv",
        notify_nominator: bool = False,
    ) -> SubmitResult:
        """``notify_nominator``: the outbox also sends the nominator a confirmation, in the same write."""
        self._ensure_open(lang)
        cleaned, person = self._validate(content, nominator, lang)
        now = self.clock()
        created_at = now
        # Only the caller's own draft is turned into the submission; any other id is ignored.
        draft = await self.repository.get(draft_id) if draft_id else None
        if draft is not None and draft.nominator.key != person.key:
            draft = None
        if draft is not None:
            if draft.status != NominationStatus.draft:
                return SubmitResult(draft, False, None)
            created_at = draft.created_at
        duplicate = await self._duplicate(cleaned, person, exclude_id=draft.id if draft else None)
        nomination = Nomination(
            **cleaned.model_dump(),
            **({"id": draft.id} if draft else {}),
            round_year=self.round.year,
            status=NominationStatus.submitted,
            nominator=person,
            created_at=created_at,
            updated_at=now,
            submitted_at=now,
            idempotency_key=idempotency_key,
            content_fingerprint=content_fingerprint(cleaned, person),
            duplicate_of=duplicate.id if duplicate else None,
        )
        event = self._event(OutboxKind.nomination_submitted, nomination, notify_nominator)
        # A draft becoming a submission is one deliberate step; only fresh submissions can repeat.
        repeat = RepeatWindow(self.real_clock(), self.repeat_window_seconds) if self._repeats(draft) else None
        stored, created = await self.repository.submit(nomination, event, repeat=repeat)
        if not created and idempotency_key and not self._same_submission(stored, nomination):
            # Nothing was written: the key is taken by another nomination.
            message = t(lang, "nom.error.key_reused", key=idempotency_key, id=stored.id)
            raise KeyReused([FieldError(field="key", message=message)])
        return SubmitResult(stored, created, duplicate if created else None)

    def _repeats(self, draft: Nomination | None) -> bool:
        return draft is None and self.repeat_window_seconds > 0

    @staticmethod
    def _same_submission(stored: Nomination, new: Nomination) -> bool:
        """Whether ``new`` repeats the submission stored under its key (a retry, not a reuse)."""
        # Records from before fingerprints were kept are compared by their current content.
        first = stored.content_fingerprint or content_fingerprint(stored.content(), stored.nominator)
        return first == new.content_fingerprint

    async def save_draft(
        self, content: NominationContent, nominator: Nominator, *, draft_id: str | None = None, lang: str = "sv"
    ) -> Nomination:
        """Keep an unfinished nomination; criteria are not required yet, input rules are."""
        self._ensure_open(lang)
        cleaned, errors = self.rules.clean_content(content, lang, partial=True)
        if errors:
            raise Rejected(errors)
        now = self.clock()
        existing = await self.repository.get(draft_id) if draft_id else None
        if existing is not None and (
            existing.nominator.key != nominator.key or existing.status != NominationStatus.draft
        ):
            existing = None
        draft = Nomination(
            **cleaned.model_dump(),
            **({"id": existing.id} if existing else {}),
            round_year=self.round.year,
            status=NominationStatus.draft,
            nominator=nominator,
            created_at=existing.created_at if existing else now,
            updated_at=now,
        )
        return await self.repository.save(draft)

    async def edit(
        self,
        nomination_id: str,
        content: NominationContent,
        nominator: Nominator,
        lang: str = "sv",
        *,
        idempotency_key: str | None = None,
        notify_nominator: bool = False,
    ) -> Nomination:
        """``idempotency_key``: the same edit delivered again (a replayed request) changes nothing."""
        self._ensure_open(lang)
        current = await self.get_own(nomination_id, nominator, lang)
        if idempotency_key and idempotency_key in current.edit_keys:
            return current
        if current.status == NominationStatus.withdrawn:
            raise NotEditable([FieldError(field="id", message=t(lang, "nom.error.withdrawn", id=current.id))])
        # Name and e-mail may be corrected; the chat identity that owns the nomination stays.
        changed_person = nominator.model_copy(update={"user_id": current.nominator.user_id})
        cleaned, person = self._validate(content, changed_person, lang)
        duplicate = await self._duplicate(cleaned, person, exclude_id=current.id)
        updated = current.model_copy(
            update={
                **cleaned.model_dump(),
                "nominator": person,
                "updated_at": self.clock(),
                "revision": current.revision + 1,
                "duplicate_of": duplicate.id if duplicate else None,
                "edit_keys": [*current.edit_keys, idempotency_key][-MAX_EDIT_KEYS:]
                if idempotency_key
                else current.edit_keys,
            }
        )
        event = (
            self._event(OutboxKind.nomination_edited, updated, notify_nominator)
            if updated.status == NominationStatus.submitted
            else None
        )
        return await self.repository.save(updated, event)

    async def withdraw(
        self, nomination_id: str, nominator: Nominator, lang: str = "sv", *, notify_nominator: bool = False
    ) -> Nomination:
        self._ensure_open(lang)
        current = await self.get_own(nomination_id, nominator, lang)
        if current.status == NominationStatus.withdrawn:
            raise NotEditable([FieldError(field="id", message=t(lang, "nom.error.withdrawn", id=current.id))])
        now = self.clock()
        updated = current.model_copy(
            update={
                "status": NominationStatus.withdrawn,
                "withdrawn_at": now,
                "updated_at": now,
                "revision": current.revision + 1,
            }
        )
        # A draft never reached the jury, so there is nothing to tell them.
        event = (
            self._event(OutboxKind.nomination_withdrawn, updated, notify_nominator)
            if current.status == NominationStatus.submitted
            else None
        )
        return await self.repository.save(updated, event)

    # --- helpers -------------------------------------------------------------

    def _ensure_open(self, lang: str) -> None:
        message = self.period_message(lang)
        if message:
            raise PeriodClosed([FieldError(field="period", message=message)])

    def _validate(
        self, content: NominationContent, nominator: Nominator, lang: str
    ) -> tuple[NominationContent, Nominator]:
        cleaned, person, errors = self.rules.nomination_errors(content, nominator, lang)
        if errors:
            raise Rejected(errors)
        return cleaned, person

    async def _duplicate(
        self, content: NominationContent, nominator: Nominator, *, exclude_id: str | None
    ) -> Nomination | None:
        effort = organisation_key(content.nominee)
        mine = await self.repository.list(
            round_year=self.round.year, nominator_key=nominator.key, statuses=(NominationStatus.submitted,)
        )
        return next((n for n in mine if n.id != exclude_id and organisation_key(n.nominee) == effort), None)

    def _event(self, kind: OutboxKind, nomination: Nomination, notify_nominator: bool = False) -> list[OutboxMessage]:
        """One outbox message per platform, so each platform's worker delivers its own exactly once."""
        now = self.clock()
        return [
            OutboxMessage(
                kind=kind,
                platform=platform,
                nomination_id=nomination.id,
                round_year=nomination.round_year,
                created_at=now,
                notify_nominator=notify_nominator,
                # Delivery is operational: it runs on real time even when TRYGGHETSBOT_NOW pins the app's date.
                next_attempt_at=system_clock(),
            )
            for platform in self.platforms
        ]

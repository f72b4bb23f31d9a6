"""The jury's rules: who may act, when, and what each action stores.

* **Jurors** are the ids in ``JURY_USER_IDS``; the chair (``JURY_CHAIR_ID``) is one of
  them. Any jury action by someone else is refused and nothing is stored.
* **Scoring** is open from the day after the round's nomination period closed until a
  winner is recorded or the jury's deadline (``TRYGGHETSBOT_JURY_DEADLINE``, its last day)
  has passed. A juror has one score set per nomination; scoring again replaces it. The chair
  may still decide after the deadline.
* **Conflict of interest (jäv)** can be declared until a winner is recorded (also while
  nominations are still coming in); it removes the juror's score on that nomination and
  blocks any further score from them on it.
* **Decision**: only the chair, only an eligible submitted nomination of the round, only
  once. It closes scoring and queues an announcement for the jury channels. A chair who
  declared jäv on a nomination may not decide it; the deputy chair (``JURY_DEPUTY_CHAIR_ID``)
  decides it instead, and decides nothing else.
* Every action is audited (who, when, what) in the same atomic write as the action.

A refusal raises :class:`JuryRefused` with one Swedish (or English) sentence.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import ValidationError

from bot.clock import Clock
from bot.jury.model import (
    ASSESSED_FIELDS,
    MANDATORY_FIELDS,
    MAX_COMMENT,
    MAX_REASON,
    AuditAction,
    AuditEntry,
    ConflictDeclaration,
    Decision,
    JuryState,
    ReminderRecord,
    ScoreSet,
    reminder_key,
)
from bot.jury.ports import JuryRepository
from bot.jury.ranking import RankedNomination, assess, candidates, missing, rank
from bot.jury.roster import Roster
from bot.knowledge.models import Round
from bot.nominations.model import Nomination, NominationStatus
from bot.nominations.ports import NominationRepository
from bot.nominations.rounds import local_day, period_state
from bot.outbox.model import JuryMessage, JuryMessageKind
from bot.texts import format_date, t, t_count

DEFAULT_DEADLINE_DAYS = 30
YES = frozenset({"yes", "ja", "j", "y", "true", "1"})
NO = frozenset({"no", "nej", "n", "false", "0"})


class JuryRefused(Exception):
    """A jury action that is not allowed; ``str(error)`` is the one-line reason for the user."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class RankingView:
    round_year: int
    winner: str | None
    ranking: list[RankedNomination]
    missing: dict[str, list[str]]
    # Decided or past the deadline: nobody scores any more (``missing`` is then empty).
    scoring_over: bool = False

    def to_json(self) -> dict[str, object]:
        """The ``jury ranking --json`` shape."""
        return {
            "round": self.round_year,
            "winner": self.winner,
            "ranking": [
                {
                    "nomination_id": r.nomination_id,
                    "nominee": r.nominee,
                    "score": r.score_float,
                    "scored_by": r.scored_by,
                    "conflicts": r.conflicts,
                    "eligible": r.eligible,
                }
                for r in self.ranking
            ],
            "missing": self.missing,
        }


@dataclass(frozen=True)
class Reminder:
    juror: str
    days_before: int
    deadline: date
    nominations: list[Nomination]

    @property
    def key(self) -> str:
        return reminder_key(self.nominations[0].round_year, self.juror, self.days_before)


def count_nominations(count: int, lang: str = "sv") -> str:
    """ "1 nominering" / "3 nomineringar"."""
    return t_count(lang, "jury.count", count)


def default_deadline(round_: Round) -> date:
    """When no ``TRYGGHETSBOT_JURY_DEADLINE`` is set: 30 days after the period closed."""
    return round_.nomination_closes + timedelta(days=DEFAULT_DEADLINE_DAYS)


def parse_yes_no(field: str, value: str | bool, lang: str = "sv") -> bool:
    if isinstance(value, bool):
        return value
    text = value.strip().casefold()
    if text in YES:
        return True
    if text in NO:
        return False
    raise JuryRefused("invalid", t(lang, "jury.error.yes_no", field=t(lang, f"jury.field.{field}"), value=value))


def parse_grade(field: str, value: str | int, lang: str = "sv") -> int:
    text = str(value).strip()
    if text.isdigit() and 1 <= int(text) <= 5:
        return int(text)
    raise JuryRefused("invalid", t(lang, "jury.error.grade", field=t(lang, f"jury.field.{field}"), value=value))


def clean_note(field: str, value: str | None, limit: int, lang: str = "sv") -> str | None:
    """A comment or reason: trimmed, ``None`` when empty; no control characters but line breaks."""
    if value is None:
        return None
    text = value.replace("\r\n", "\n").strip()
    if not text:
        return None
    label = t(lang, f"jury.field.{field}")
    if len(text) > limit:
        raise JuryRefused("invalid", t(lang, "jury.error.too_long", field=label, limit=limit))
    if any(unicodedata.category(char) == "Cc" and char not in "\n\t" for char in text):
        raise JuryRefused("invalid", t(lang, "jury.error.control", field=label))
    return text


def check_score_fields(raw: Mapping[str, str | None], lang: str = "sv") -> tuple[dict[str, Any], dict[str, str]]:
    """A score form's fields, each through its parser: the parsed values (``comment`` included)
    and, by field, the refusal of each that is wrong, so a form can show it next to its input."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    parsers: list[tuple[str, Any]] = [(field, parse_yes_no) for field in MANDATORY_FIELDS]
    parsers += [(field, parse_grade) for field in ASSESSED_FIELDS]
    for field, parse in parsers:
        try:
            values[field] = parse(field, raw.get(field) or "", lang)
        except JuryRefused as refused:
            errors[field] = refused.message
    try:
        values["comment"] = clean_note("comment", raw.get("comment"), MAX_COMMENT, lang)
    except JuryRefused as refused:
        errors["comment"] = refused.message
    return values, errors


class JuryService:
    def __init__(
        self,
        repository: JuryRepository,
        nominations: NominationRepository,
        round_: Round,
        clock: Clock,
        *,
        jurors: Sequence[str],
        chair: str | None,
        deputy: str | None = None,
        deadline: date | None = None,
        remind_days: Sequence[int] = (7, 1),
    ) -> None:
        self.repository = repository
        self.nominations = nominations
        self.round = round_
        self.clock = clock
        # ``jurors``: JURY_USER_IDS entries; a person on several platforms is one entry (bot.jury.roster).
        self.roster = Roster.parse(jurors)
        self.jurors = self.roster.jurors
        self.chair = (self.roster.juror(chair) or chair.strip()) if chair else None
        # The deputy chair decides a nomination on which the chair declared jäv, and only then.
        named_deputy = (self.roster.juror(deputy) or deputy.strip()) if deputy else None
        self.deputy = named_deputy if named_deputy != self.chair else None
        self.deadline = deadline or default_deadline(round_)
        self.remind_days = sorted(set(remind_days), reverse=True)

    # --- who and when ----------------------------------------------------------

    def is_juror(self, user: str | None) -> bool:
        return self.roster.juror(user) is not None

    def juror(self, user: str | None) -> str | None:
        """The juror a platform id belongs to (the records' name for them), or None."""
        return self.roster.juror(user)

    def is_chair(self, user: str | None) -> bool:
        return self.chair is not None and self.roster.juror(user) == self.chair

    def require_juror(self, user: str, lang: str = "sv") -> str:
        if not self.jurors:
            raise JuryRefused("no_jury", t(lang, "jury.error.no_jury"))
        juror = self.roster.juror(user)
        if juror is None:
            raise JuryRefused("not_juror", t(lang, "jury.error.not_juror", juror=user.strip()))
        return juror

    def _dates(self, lang: str) -> dict[str, object]:
        return {
            "year": self.round.year,
            "closes": format_date(self.round.nomination_closes, lang),
            "deadline": format_date(self.deadline, lang),
        }

    async def _decided(self, state: JuryState, lang: str) -> None:
        if state.decision is not None:
            winner = await self.nominations.get(state.decision.nomination_id)
            nominee = winner.nominee if winner else state.decision.nomination_id
            raise JuryRefused("decided", t(lang, "jury.error.decided", nominee=nominee, **self._dates(lang)))

    def _audit(
        self, action: AuditAction, juror: str, nomination_id: str, at: datetime, details: dict[str, Any]
    ) -> AuditEntry:
        """The audit entry of one jury action in this round: who did what to which nomination, and when."""
        return AuditEntry(
            round_year=self.round.year, action=action, juror=juror, nomination_id=nomination_id, at=at, details=details
        )

    def _ensure_period_closed(self, lang: str) -> None:
        if period_state(self.round, self.clock()) != "closed":
            raise JuryRefused("not_open", t(lang, "jury.error.not_open", **self._dates(lang)))

    async def _nomination(self, nomination_id: str, lang: str) -> Nomination:
        ident = nomination_id.strip()
        found = await self.nominations.get(ident) if ident else None
        if found is None or found.round_year != self.round.year or found.status == NominationStatus.draft:
            raise JuryRefused("not_found", t(lang, "jury.error.not_found", id=ident, year=self.round.year))
        if found.status == NominationStatus.withdrawn:
            raise JuryRefused("withdrawn", t(lang, "jury.error.withdrawn", id=found.id, nominee=found.nominee))
        return found

    def past_deadline(self) -> bool:
        """Whether the jury's last day for scoring is over (Europe/Stockholm)."""
        return local_day(self.clock()) > self.deadline

    def _ensure_before_deadline(self, lang: str) -> None:
        if self.past_deadline():
            raise JuryRefused("past_deadline", t(lang, "jury.error.past_deadline", **self._dates(lang)))

    async def scoring_closed_reason(self, lang: str = "sv") -> str | None:
        """Why scoring is not possible now, or ``None`` while it is open."""
        try:
            self._ensure_period_closed(lang)
            await self._decided(await self.repository.state(self.round.year), lang)
            self._ensure_before_deadline(lang)
        except JuryRefused as refused:
            return refused.message
        return None

    async def still_due(self, message: JuryMessage) -> bool:
        """Whether a queued message should still go out, checked when it is sent: a reminder
        queued before the decision or the deadline is not sent after it (nor one of another round)."""
        if message.kind != "jury_reminder":
            return True
        if message.round_year != self.round.year or self.past_deadline():
            return False
        return (await self.repository.state(self.round.year)).decision is None

    # --- actions ---------------------------------------------------------------

    async def score(
        self,
        nomination_id: str,
        juror: str,
        *,
        collaboration: bool | str,
        added_value: bool | str,
        innovation: int | str,
        inspiration: int | str,
        results: int | str,
        comment: str | None = None,
        lang: str = "sv",
    ) -> tuple[ScoreSet, bool]:
        """Store the juror's score set; returns it and whether it replaced an earlier one."""
        who = self.require_juror(juror, lang)
        values = {
            "collaboration": parse_yes_no("collaboration", collaboration, lang),
            "added_value": parse_yes_no("added_value", added_value, lang),
            "innovation": parse_grade("innovation", innovation, lang),
            "inspiration": parse_grade("inspiration", inspiration, lang),
            "results": parse_grade("results", results, lang),
        }
        note = clean_note("comment", comment, MAX_COMMENT, lang)
        self._ensure_period_closed(lang)
        state = await self.repository.state(self.round.year)
        await self._decided(state, lang)
        self._ensure_before_deadline(lang)
        nomination = await self._nomination(nomination_id, lang)
        if state.conflict_of(who, nomination.id) is not None:
            raise JuryRefused("conflict", t(lang, "jury.error.conflict", id=nomination.id, nominee=nomination.nominee))
        now = self.clock()
        try:
            score = ScoreSet(
                round_year=self.round.year, nomination_id=nomination.id, juror=who, comment=note, at=now, **values
            )
        except ValidationError as error:  # pragma: no cover - the parsers above already checked
            raise JuryRefused("invalid", str(error.errors()[0]["msg"])) from None
        replaced = state.score_of(who, nomination.id) is not None
        audit = self._audit(
            AuditAction.rescore if replaced else AuditAction.score, who, nomination.id, now, {**values, "comment": note}
        )
        if not await self.repository.save_score(score, audit):
            # A decision or a conflict landed between the checks above and the write.
            state = await self.repository.state(self.round.year)
            await self._decided(state, lang)
            raise JuryRefused("conflict", t(lang, "jury.error.conflict", id=nomination.id, nominee=nomination.nominee))
        return score, replaced

    async def conflict(
        self, nomination_id: str, juror: str, reason: str | None = None, lang: str = "sv"
    ) -> tuple[ConflictDeclaration, bool]:
        """Declare jäv; returns the declaration and whether a score was removed."""
        who = self.require_juror(juror, lang)
        note = clean_note("reason", reason, MAX_REASON, lang)
        state = await self.repository.state(self.round.year)
        await self._decided(state, lang)
        nomination = await self._nomination(nomination_id, lang)
        existing = state.conflict_of(who, nomination.id)
        if existing is not None:
            raise JuryRefused(
                "already_conflict", t(lang, "jury.error.already_conflict", id=nomination.id, nominee=nomination.nominee)
            )
        now = self.clock()
        removed = state.score_of(who, nomination.id) is not None
        declaration = ConflictDeclaration(
            round_year=self.round.year, nomination_id=nomination.id, juror=who, reason=note, at=now
        )
        audit = self._audit(AuditAction.conflict, who, nomination.id, now, {"reason": note, "score_removed": removed})
        if not await self.repository.declare_conflict(declaration, audit):
            await self._decided(await self.repository.state(self.round.year), lang)
            raise JuryRefused(
                "already_conflict", t(lang, "jury.error.already_conflict", id=nomination.id, nominee=nomination.nominee)
            )
        return declaration, removed

    def _ensure_may_decide(self, who: str, nomination: Nomination, state: JuryState, lang: str) -> None:
        """The chair decides, except a nomination on which the chair declared jäv: that one only the
        deputy chair decides (who decides nothing else); nobody decides a nomination they are jäviga on."""
        chair_conflict = self.chair is not None and state.conflict_of(self.chair, nomination.id) is not None
        names = {"id": nomination.id, "nominee": nomination.nominee, "chair": self.chair, "deputy": self.deputy}
        if who == self.chair and chair_conflict:
            key = "jury.error.chair_conflict" if self.deputy else "jury.error.chair_conflict_no_deputy"
            raise JuryRefused("chair_conflict", t(lang, key, **names))
        if who == self.deputy and not chair_conflict:
            raise JuryRefused("deputy_not_needed", t(lang, "jury.error.deputy_not_needed", **names))
        if state.conflict_of(who, nomination.id) is not None:
            raise JuryRefused("conflict", t(lang, "jury.error.decide_conflict", **names))

    async def decidable(self, user: str | None) -> set[str]:
        """The ids of the nominations ``user`` may pick as the winner now (for a surface's choices)."""
        who = self.roster.juror(user)
        if who is None or who not in (self.chair, self.deputy) or await self.decision_closed_reason() is not None:
            return set()
        state = await self.repository.state(self.round.year)
        found: set[str] = set()
        for nomination in candidates(await self._round_nominations(), self.round.year):
            try:
                self._ensure_may_decide(who, nomination, state, "sv")
            except JuryRefused:
                continue
            if assess(nomination, state).eligible is True:
                found.add(nomination.id)
        return found

    async def decision_closed_reason(self, lang: str = "sv") -> str | None:
        """Why no winner can be recorded now (the period still open, or already decided), or ``None``."""
        try:
            self._ensure_period_closed(lang)
            await self._decided(await self.repository.state(self.round.year), lang)
        except JuryRefused as refused:
            return refused.message
        return None

    async def decide(self, nomination_id: str, juror: str, lang: str = "sv") -> Decision:
        who = self.require_juror(juror, lang)
        if self.chair is None:
            raise JuryRefused("no_chair", t(lang, "jury.error.no_chair"))
        if who not in (self.chair, self.deputy):
            raise JuryRefused("not_chair", t(lang, "jury.error.not_chair", juror=who))
        self._ensure_period_closed(lang)
        state = await self.repository.state(self.round.year)
        await self._decided(state, lang)
        nomination = await self._nomination(nomination_id, lang)
        self._ensure_may_decide(who, nomination, state, lang)
        assessed = assess(nomination, state)
        if assessed.eligible is not True:
            key = "jury.error.unscored" if assessed.eligible is None else "jury.error.not_eligible"
            raise JuryRefused("not_eligible", t(lang, key, id=nomination.id, nominee=nomination.nominee))
        now = self.clock()
        decision = Decision(round_year=self.round.year, nomination_id=nomination.id, chair=who, at=now)
        details: dict[str, Any] = {
            "nominee": nomination.nominee,
            "score": assessed.score_float,
            "scored_by": assessed.scored_by,
        }
        if who != self.chair:
            details["deputy_for"] = self.chair  # the chair declared jäv on this nomination
        audit = self._audit(AuditAction.decision, who, nomination.id, now, details)
        announcement = JuryMessage(
            kind=JuryMessageKind.jury_decision,
            round_year=self.round.year,
            nomination_id=nomination.id,
            text=t(
                "sv",
                "jury.announcement" if who == self.chair else "jury.announcement_deputy",
                year=self.round.year,
                nominee=nomination.nominee,
                id=nomination.id,
                chair=who,
                date=format_date(local_day(now), "sv"),
            ),
            created_at=now,
        )
        if not await self.repository.record_decision(decision, audit, announcement):
            await self._decided(await self.repository.state(self.round.year), lang)
        return decision

    # --- reading (jurors only) ---------------------------------------------------

    async def _round_nominations(self) -> list[Nomination]:
        return await self.nominations.list(round_year=self.round.year, statuses=(NominationStatus.submitted,))

    async def ranking(self, juror: str, lang: str = "sv") -> RankingView:
        self.require_juror(juror, lang)
        return await self._ranking()

    async def _ranking(self) -> RankingView:
        state = await self.repository.state(self.round.year)
        nominations = await self._round_nominations()
        # Once decided or past the deadline nobody can score any more: nothing is "left to assess".
        scoring_over = state.decision is not None or self.past_deadline()
        return RankingView(
            round_year=self.round.year,
            winner=state.decision.nomination_id if state.decision else None,
            ranking=rank(nominations, state),
            missing={} if scoring_over else missing(nominations, state, self.jurors),
            scoring_over=scoring_over,
        )

    async def state(self, juror: str, lang: str = "sv") -> JuryState:
        self.require_juror(juror, lang)
        return await self.repository.state(self.round.year)

    async def audit(self, juror: str, lang: str = "sv") -> list[AuditEntry]:
        self.require_juror(juror, lang)
        return await self.repository.audit(self.round.year)

    # --- reminders ---------------------------------------------------------------

    async def due_reminders(self) -> list[Reminder]:
        """The reminders to send today: per juror with nominations missing, not sent before.

        Reminders go out ``TRYGGHETSBOT_REMIND_DAYS`` days before the deadline, while
        scoring is open and the deadline has not passed. When several reminder days have
        been reached (the bot was not run in between) only the latest one is sent.
        """
        if await self.scoring_closed_reason() is not None:  # not open, decided, or past the deadline
            return []
        today = local_day(self.clock())
        reached = [d for d in self.remind_days if today >= self.deadline - timedelta(days=d)]
        if not reached:
            return []
        days_before = min(reached)
        sent = {r.key for r in await self.repository.reminders(self.round.year)}
        nominations = await self._round_nominations()
        by_id = {n.id: n for n in nominations}
        state = await self.repository.state(self.round.year)
        due: list[Reminder] = []
        for juror, ids in missing(nominations, state, self.jurors).items():
            if reminder_key(self.round.year, juror, days_before) in sent:
                continue
            due.append(Reminder(juror, days_before, self.deadline, [by_id[i] for i in ids]))
        return due

    def reminder_text(self, reminder: Reminder, lang: str = "sv") -> str:
        items = "\n".join(t(lang, "jury.reminder.item", id=n.id, nominee=n.nominee) for n in reminder.nominations)
        return t(
            lang,
            "jury.reminder.text",
            nominations=count_nominations(len(reminder.nominations), lang),
            year=self.round.year,
            deadline=format_date(reminder.deadline, lang),
            items=items,
        )

    async def send_reminders(self) -> list[tuple[Reminder, bool]]:
        """Record each due reminder once and queue its message; ``(reminder, recorded)`` pairs."""
        done: list[tuple[Reminder, bool]] = []
        for reminder in await self.due_reminders():
            now = self.clock()
            record = ReminderRecord(
                round_year=self.round.year,
                juror=reminder.juror,
                days_before=reminder.days_before,
                nomination_ids=[n.id for n in reminder.nominations],
                at=now,
            )
            message = JuryMessage(
                kind=JuryMessageKind.jury_reminder,
                round_year=self.round.year,
                recipient=reminder.juror,
                text=self.reminder_text(reminder),
                created_at=now,
            )
            done.append((reminder, await self.repository.record_reminder(record, message)))
        return done


__all__ = [
    "JuryRefused",
    "JuryService",
    "RankingView",
    "Reminder",
    "candidates",
    "check_score_fields",
    "count_nominations",
    "default_deadline",
    "parse_grade",
    "parse_yes_no",
]

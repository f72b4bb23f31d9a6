"""The nomination dialog: a state machine over :class:`DialogState`, one message at a time.

The dialog asks one field at a time with a hint quoting the criterion, checks
each answer at once, and understands "tillbaka", "avbryt", "hoppa över"
(optional fields), "spara" (draft), "ändra N" (from the summary) and "skicka".
It never talks to a platform or to the store directly: it returns the reply
texts and the new state, which the router persists after every message, and it
submits, saves, edits and withdraws through :class:`NominationService`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from rapidfuzz import fuzz, process

from bot.nominations.model import ASSESSMENT_FIELDS, Nomination, NominationStatus, Nominator
from bot.nominations.rules import (
    FieldError,
    InvalidField,
    checklist_lines,
    clean_partners,
    clean_text,
    field_label,
    joined_names,
    split_joined,
    split_partners,
)
from bot.nominations.service import NominationError, NominationService, PeriodClosed
from bot.nominations.state import DialogState
from bot.texts import quoted, t

CONTENT_STEPS = ("nominee", "partners", "description", "added_value", *ASSESSMENT_FIELDS, "contact")
PERSON_STEPS = ("nominator.name", "nominator.email")
FIELD_STEPS = (*CONTENT_STEPS, *PERSON_STEPS)
SUMMARY = "summary"
CONFIRM_WITHDRAW = "confirm_withdraw"
ALWAYS_OPTIONAL = frozenset({*ASSESSMENT_FIELDS, "contact"})

CANCEL = frozenset({"avbryt", "cancel"})
BACK = frozenset({"tillbaka", "back", "bakåt"})
SKIP = frozenset({"hoppa över", "hoppa", "skip", "hoppa over"})
SAVE = frozenset({"spara", "spara utkast", "save"})
SUBMIT = frozenset({"skicka", "skicka in", "ja", "bekräfta", "submit", "send", "yes"})
YES = frozenset({"ja", "j", "yes", "y"})
NO = frozenset({"nej", "n", "no"})
RESUME = frozenset({"fortsätt", "continue", "resume"})
CHANGE_WORDS = ("ändra", "change")
# The commands a mistyped word is compared with ("tilbaka", "hopa över"), in their canonical form.
COMMAND_NAMES = ("tillbaka", "avbryt", "spara", "hoppa över", "skicka", "fortsätt")
_EXACT_COMMANDS = CANCEL | BACK | SKIP | SAVE | SUBMIT | YES | NO | RESUME
NEAR_MISS_SCORE = 80
# "avbryt" asks before throwing away this many answered fields.
CONFIRM_CANCEL_AFTER = 3

# What a user may write after "ändra" to pick a field (besides its number in the summary).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "nominee": ("nominerad", "insats", "insatsen", "organisation", "namnet på insatsen", "nominee"),
    "partners": ("partner", "partners", "samverkanspartner", "samverkanspartners", "samverkan", "organisationer"),
    "description": ("beskrivning", "beskrivningen", "description"),
    "added_value": ("mervärde", "mervärdet", "mervarde", "added value"),
    "innovation": ("nyskapande", "innovativ", "innovation"),
    "inspiration": ("inspiration", "inspirera", "kan inspirera andra"),
    "results": ("resultat", "resultaten", "results"),
    "contact": ("kontakt", "kontaktperson", "contact"),
    "nominator.name": ("namn", "ditt namn", "mitt namn", "name"),
    "nominator.email": ("e-post", "epost", "email", "e-mail", "mejl", "din e-post"),
}


def normalise_command(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .!")


class DialogOutcome(StrEnum):
    """What a message did in the nomination dialog: ``Reply.dialog_outcome``, for platform side effects."""

    PROMPT = "prompt"  # the next question
    STARTED = "started"
    RESUMED = "resumed"
    EDITING = "editing"
    CONFIRMING = "confirming"
    INVALID = "invalid"
    SUMMARY = "summary"
    SAVED = "saved"
    SUBMITTED = "submitted"
    EDITED = "edited"
    WITHDRAWN = "withdrawn"
    CANCELLED = "cancelled"
    CLOSED = "closed"  # the nomination period is not open
    ERROR = "error"
    # The conversation router's: the user's nominations listed, nothing to resume.
    LISTED = "listed"
    NOTHING = "nothing"


@dataclass
class Turn:
    """What one message produced: replies, and the dialog to keep (``None`` when it ended)."""

    replies: list[str]
    dialog: DialogState | None
    outcome: DialogOutcome = DialogOutcome.PROMPT
    nomination: Nomination | None = None
    errors: list[FieldError] = field(default_factory=list)


class NominationDialog:
    def __init__(self, service: NominationService) -> None:
        self.service = service

    # --- starting --------------------------------------------------------------

    async def start(self, user: Nominator, lang: str = "sv") -> Turn:
        """A new dialog, or the user's latest draft resumed; outside the period, nothing."""
        closed = self.service.period_message(lang)
        if closed:
            return Turn([closed], None, DialogOutcome.CLOSED)
        drafts = [n for n in await self.service.list_own(user) if n.status == NominationStatus.draft]
        if drafts:
            return self.resume(self._from_nomination(drafts[-1], "create", user), lang)
        dialog = DialogState(round_year=self.service.round.year, step=CONTENT_STEPS[0], nominator=user)
        round_ = self.service.round
        intro = t(lang, "nom.dialog.start", year=round_.year, theme=round_.theme)
        return Turn([intro, self.prompt(dialog, lang)], dialog, DialogOutcome.STARTED)

    def in_progress(self, dialog: DialogState, lang: str = "sv") -> Turn:
        """Where an unfinished nomination stands, and its current question (nothing is answered)."""
        if dialog.step in FIELD_STEPS:
            where = t(lang, "nom.dialog.in_progress", number=FIELD_STEPS.index(dialog.step) + 1, total=len(FIELD_STEPS))
        else:
            where = t(lang, "nom.dialog.in_progress_summary")
        return Turn([where, self.prompt(dialog, lang)], dialog, DialogOutcome.RESUMED)

    def resume(self, dialog: DialogState, lang: str = "sv") -> Turn:
        closed = self.service.period_message(lang)
        if closed:
            return Turn([closed], None, DialogOutcome.CLOSED)
        dialog = dialog.model_copy(update={"paused": False})
        return Turn([t(lang, "nom.dialog.resume"), self.prompt(dialog, lang)], dialog, DialogOutcome.RESUMED)

    async def start_edit(self, user: Nominator, nomination_id: str, lang: str = "sv") -> Turn:
        found = await self._own(user, nomination_id, lang)
        if isinstance(found, Turn):
            return found
        if found.status == NominationStatus.draft:
            return self.resume(self._from_nomination(found, "create", user), lang)
        if found.status == NominationStatus.withdrawn:
            return Turn([t(lang, "nom.error.withdrawn", id=found.id)], None, DialogOutcome.ERROR)
        dialog = self._from_nomination(found, "edit", user).model_copy(update={"step": SUMMARY})
        return Turn([self.summary(dialog, lang)], dialog, DialogOutcome.EDITING)

    async def start_withdraw(self, user: Nominator, nomination_id: str, lang: str = "sv") -> Turn:
        found = await self._own(user, nomination_id, lang)
        if isinstance(found, Turn):
            return found
        if found.status == NominationStatus.withdrawn:
            return Turn([t(lang, "nom.error.withdrawn", id=found.id)], None, DialogOutcome.ERROR)
        dialog = self._from_nomination(found, "withdraw", user).model_copy(update={"step": CONFIRM_WITHDRAW})
        return Turn(
            [t(lang, "nom.withdraw.confirm", id=found.id, nominee=found.nominee)], dialog, DialogOutcome.CONFIRMING
        )

    async def list_own(self, user: Nominator, lang: str = "sv") -> str:
        mine = await self.service.list_own(user)
        if not mine:
            return t(lang, "nom.list.none", year=self.service.round.year)
        # Edit and withdraw are offered only while they are possible.
        hint = t(lang, "nom.list.hint_closed" if self.service.period_message(lang) else "nom.list.hint")
        return "\n".join([*self._list_lines(mine, lang), hint])

    async def command_help(self, user: Nominator, command: Literal["edit", "withdraw"], lang: str = "sv") -> str:
        """ "återkalla" or "ändra nominering" without an id: how to write it, with an id of the user's
        own as the example, and the user's nominations to pick from."""
        mine = await self.service.list_own(user)
        if not mine or self.service.period_message(lang):
            return await self.list_own(user, lang)  # nothing to change: says so, or that it is too late
        example = next((n for n in mine if n.status != "withdrawn"), mine[0]).id
        return "\n".join([t(lang, f"nom.{command}.syntax", example=example), *self._list_lines(mine, lang)])

    def _list_lines(self, mine: list[Nomination], lang: str) -> list[str]:
        lines = [t(lang, "nom.list.title", year=self.service.round.year)]
        for n in mine:
            status = t(lang, f"nom.status.{n.status}")
            if n.duplicate_of:
                status += f" ({t(lang, 'nom.status.duplicate')})"
            lines.append(t(lang, "nom.list.item", id=n.id, nominee=n.nominee or "–", status=status))
        return lines

    # --- one message -----------------------------------------------------------

    async def handle(self, dialog: DialogState, text: str, lang: str = "sv") -> Turn:
        command = normalise_command(text)
        if dialog.confirming_cancel:
            if command not in SAVE:
                return self._confirm_cancel(dialog, command, lang)
            dialog = dialog.model_copy(update={"confirming_cancel": False})  # "spara" first, as offered
        literal = False
        if dialog.suggested_command is not None:
            suggested, typed = dialog.suggested_command, dialog.suggested_for or ""
            dialog = dialog.model_copy(update={"suggested_command": None, "suggested_for": None})
            if command in YES:
                command = text = suggested
            elif command in NO:
                # It was an answer after all: take what was typed, as typed.
                text, command, literal = typed, normalise_command(typed), True
        if command in CANCEL:
            return self._cancel(dialog, lang)
        if dialog.joined_partners is not None:
            names = dialog.joined_partners
            dialog = dialog.model_copy(update={"joined_partners": None})
            if command in YES or command in NO:
                return self._take_partners(dialog, split_joined(names) if command in YES else names, lang)
            # Anything else is handled as usual: a command, or a new answer instead of "ja"/"nej".
        if dialog.step == CONFIRM_WITHDRAW:
            return await self._confirm_withdraw(dialog, command, lang)
        if command in RESUME:
            return Turn([self.prompt(dialog, lang)], dialog, DialogOutcome.PROMPT)
        if command in SAVE:
            return await (self._finish(dialog, lang) if dialog.mode == "edit" else self._save(dialog, lang))
        if command in BACK:
            return self._back(dialog, lang)
        near = None if literal else self._near_command(dialog, command)
        if near is not None:
            asking = dialog.model_copy(update={"suggested_command": near, "suggested_for": text.strip()})
            return Turn(
                [t(lang, "nom.dialog.did_you_mean", command=near, text=text.strip())], asking, DialogOutcome.CONFIRMING
            )
        if dialog.step == SUMMARY:
            return await self._at_summary(dialog, command, lang)
        return self._answer(dialog, text, command, lang)

    @staticmethod
    def _near_command(dialog: DialogState, command: str) -> str | None:
        """The command a short answer most likely mistypes ("tilbaka" -> "tillbaka"), if any."""
        if command in _EXACT_COMMANDS or len(command) < 4 or len(command.split()) > 2:
            return None
        choices = [name for name in COMMAND_NAMES if name != "skicka" or dialog.step == SUMMARY]
        found = process.extractOne(command, choices, scorer=fuzz.ratio, score_cutoff=NEAR_MISS_SCORE)
        return found[0] if found else None

    # --- prompts ---------------------------------------------------------------

    def prompt(self, dialog: DialogState, lang: str = "sv") -> str:
        if dialog.step == SUMMARY:
            return self.summary(dialog, lang)
        if dialog.step == CONFIRM_WITHDRAW:
            return t(lang, "nom.withdraw.confirm", id=dialog.nomination_id, nominee=dialog.content.nominee)
        if dialog.joined_partners is not None:
            return self._joined_question(dialog.joined_partners, lang)
        key = f"nom.ask.{dialog.step}"
        if dialog.step == "nominator.email" and dialog.nominator.user_id:
            key = "nom.ask.nominator.email_optional"
        criterion = {"partners": "collaboration"}.get(dialog.step, dialog.step)
        text = t(lang, key, criterion=self._criterion_text(criterion))
        current = self._value_text(dialog, dialog.step, lang, empty="")
        if dialog.return_to_summary and current:
            text += "\n" + t(lang, "nom.dialog.current", value=current)
        return text

    def summary(self, dialog: DialogState, lang: str = "sv") -> str:
        lines = [t(lang, "nom.summary.title")]
        for number, step in enumerate(FIELD_STEPS, start=1):
            value = self._value_text(dialog, step, lang, empty=t(lang, "nom.summary.empty"))
            lines.append(t(lang, "nom.summary.line", number=number, label=field_label(step, lang), value=value))
        lines.append("")
        lines.append(t(lang, "nom.summary.checklist"))
        lines.extend(checklist_lines(self.service.rules.checklist(dialog.content), lang))
        lines.append("")
        lines.append(t(lang, "nom.summary.actions_edit" if dialog.mode == "edit" else "nom.summary.actions"))
        return "\n".join(lines)

    # --- steps -----------------------------------------------------------------

    def _answer(self, dialog: DialogState, text: str, command: str, lang: str) -> Turn:
        step = dialog.step
        if command in SKIP:
            if not self._optional(dialog, step):
                message = t(lang, "nom.error.skip_required", field=field_label(step, lang))
                return Turn([message, self.prompt(dialog, lang)], dialog, DialogOutcome.INVALID)
            return self._advance(self._set(dialog, step, None), lang)
        if step == "partners":
            names = split_partners(text)
            if any(len(joined_names(name)) > 1 for name in names):
                # "Polisen och Fältgruppen": two organisations, or one with "och" in its name? Ask.
                asking = dialog.model_copy(update={"joined_partners": names})
                return Turn([self._joined_question(names, lang)], asking, DialogOutcome.CONFIRMING)
            return self._take_partners(dialog, names, lang)
        try:
            value = self._validate(dialog, step, text, lang)
        except InvalidField as invalid:
            retry = t(lang, "nom.dialog.retry", prompt=self.prompt(dialog, lang))
            return Turn([invalid.error.message, retry], dialog, DialogOutcome.INVALID, errors=[invalid.error])
        return self._advance(self._set(dialog, step, value), lang)

    def _take_partners(self, dialog: DialogState, names: list[str], lang: str) -> Turn:
        """The organisations as the answer to "partners": checked against samverkan, the effort's own
        name not counted, then the next question (or the same one again, with the reason)."""
        try:
            partners = clean_partners(names, lang)
            error = self.service.rules.collaboration_error(partners, dialog.content.nominee, lang)
            if error:
                raise InvalidField(error)
        except InvalidField as invalid:
            retry = t(lang, "nom.dialog.retry", prompt=self.prompt(dialog, lang))
            return Turn([invalid.error.message, retry], dialog, DialogOutcome.INVALID, errors=[invalid.error])
        return self._advance(self._set(dialog, "partners", partners), lang)

    @staticmethod
    def _joined_question(names: list[str], lang: str) -> str:
        joined = [name for name in names if len(joined_names(name)) > 1]
        return t(
            lang,
            "nom.dialog.joined_partners",
            names=", ".join(quoted(name, lang) for name in joined),
            parts=", ".join(quoted(part, lang) for part in split_joined(joined)),
        )

    def _validate(self, dialog: DialogState, step: str, text: str, lang: str) -> str | list[str] | None:
        rules = self.service.rules
        value = clean_text(step, text, lang, required=not self._optional(dialog, step))
        error = None
        if step == "added_value":
            error = rules.added_value_error(value, lang)
        elif step == "description":
            error = rules.description_error(value, lang)
        if error:
            raise InvalidField(error)
        return value

    def _advance(self, dialog: DialogState, lang: str) -> Turn:
        if dialog.return_to_summary:
            moved = dialog.model_copy(update={"step": SUMMARY, "return_to_summary": False})
            return Turn([self.summary(moved, lang)], moved, DialogOutcome.SUMMARY)
        next_step = self._next_step(dialog, dialog.step)
        moved = dialog.model_copy(update={"step": next_step, "history": [*dialog.history, dialog.step]})
        return Turn(
            [self.prompt(moved, lang)], moved, DialogOutcome.SUMMARY if next_step == SUMMARY else DialogOutcome.PROMPT
        )

    def _next_step(self, dialog: DialogState, step: str) -> str:
        index = FIELD_STEPS.index(step) + 1
        while index < len(FIELD_STEPS):
            candidate = FIELD_STEPS[index]
            # A name the platform already knows is not asked again (it can still be changed).
            if not (candidate == "nominator.name" and dialog.nominator.name):
                return candidate
            index += 1
        return SUMMARY

    def _back(self, dialog: DialogState, lang: str) -> Turn:
        if dialog.return_to_summary:
            moved = dialog.model_copy(update={"step": SUMMARY, "return_to_summary": False})
            return Turn([self.summary(moved, lang)], moved, DialogOutcome.SUMMARY)
        if not dialog.history:
            return Turn([t(lang, "nom.error.first_step"), self.prompt(dialog, lang)], dialog, DialogOutcome.PROMPT)
        moved = dialog.model_copy(update={"step": dialog.history[-1], "history": dialog.history[:-1]})
        text = self.prompt(moved, lang)
        previous = self._value_text(moved, moved.step, lang, empty="")
        if previous:
            text += "\n" + t(lang, "nom.dialog.previous", value=previous)
        return Turn([text], moved, DialogOutcome.PROMPT)

    async def _at_summary(self, dialog: DialogState, command: str, lang: str) -> Turn:
        if command in SUBMIT:
            return await self._finish(dialog, lang)
        first, _, rest = command.partition(" ")
        if first in CHANGE_WORDS:
            step = self._field_from(rest)
            if step is None:
                message = t(lang, "nom.error.unknown_field", value=rest)
                return Turn([message, t(lang, "nom.summary.actions")], dialog, DialogOutcome.SUMMARY)
            moved = dialog.model_copy(update={"step": step, "return_to_summary": True})
            return Turn([self.prompt(moved, lang)], moved, DialogOutcome.PROMPT)
        actions = "nom.summary.actions_edit" if dialog.mode == "edit" else "nom.summary.actions"
        return Turn([t(lang, actions)], dialog, DialogOutcome.SUMMARY)

    async def _finish(self, dialog: DialogState, lang: str) -> Turn:
        try:
            if dialog.mode == "edit":
                assert dialog.nomination_id is not None
                edited = await self.service.edit(dialog.nomination_id, dialog.content, dialog.nominator, lang)
                return Turn([t(lang, "nom.edited", id=edited.id)], None, DialogOutcome.EDITED, edited)
            result = await self.service.submit(
                dialog.content,
                dialog.nominator,
                idempotency_key=dialog.session_key,
                draft_id=dialog.nomination_id,
                lang=lang,
            )
        except PeriodClosed as closed:
            return Turn([e.message for e in closed.errors], None, DialogOutcome.CLOSED, errors=closed.errors)
        except NominationError as refused:
            replies = [t(lang, "nom.summary.not_ready"), *(e.message for e in refused.errors)]
            fixable = next((e.field for e in refused.errors if e.field in FIELD_STEPS), None)
            if fixable is not None:
                number = FIELD_STEPS.index(fixable) + 1
                replies.append(t(lang, "nom.summary.fix_hint", number=number, field=field_label(fixable, lang)))
            back_to_summary = dialog.model_copy(update={"step": SUMMARY})
            return Turn(replies, back_to_summary, DialogOutcome.INVALID, errors=refused.errors)
        n = result.nomination
        key = "nom.submitted" if result.created else "nom.submitted_again"
        replies = [t(lang, key, nominee=n.nominee, year=n.round_year, id=n.id)]
        if result.duplicate_of:
            replies.append(t(lang, "nom.duplicate", nominee=n.nominee, other=result.duplicate_of.id))
        return Turn(replies, None, DialogOutcome.SUBMITTED, n)

    async def _save(self, dialog: DialogState, lang: str) -> Turn:
        try:
            draft = await self.service.save_draft(
                dialog.content, dialog.nominator, draft_id=dialog.nomination_id, lang=lang
            )
        except PeriodClosed as closed:
            return Turn([e.message for e in closed.errors], None, DialogOutcome.CLOSED, errors=closed.errors)
        except NominationError as refused:
            return Turn(
                [e.message for e in refused.errors] + [self.prompt(dialog, lang)], dialog, DialogOutcome.INVALID
            )
        saved = dialog.model_copy(update={"nomination_id": draft.id, "paused": True, "unsaved": False})
        return Turn([t(lang, "nom.dialog.saved", id=draft.id)], saved, DialogOutcome.SAVED, draft)

    def _cancel(self, dialog: DialogState, lang: str, *, confirmed: bool = False) -> Turn:
        if dialog.mode == "withdraw":
            return Turn([t(lang, "nom.withdraw.kept", id=dialog.nomination_id)], None, DialogOutcome.CANCELLED)
        if dialog.mode == "edit":
            # The nomination itself stays submitted: only these changes are dropped.
            return Turn([t(lang, "nom.dialog.cancelled_edit", id=dialog.nomination_id)], None, DialogOutcome.CANCELLED)
        answered = self._answered_fields(dialog)
        if not confirmed and dialog.unsaved and answered >= CONFIRM_CANCEL_AFTER:
            asking = dialog.model_copy(update={"confirming_cancel": True})
            return Turn([t(lang, "nom.dialog.confirm_cancel", count=answered)], asking, DialogOutcome.CONFIRMING)
        if dialog.nomination_id:
            key = "nom.dialog.cancelled_draft_unsaved" if dialog.unsaved else "nom.dialog.cancelled_draft"
            return Turn([t(lang, key, id=dialog.nomination_id)], None, DialogOutcome.CANCELLED)
        return Turn([t(lang, "nom.dialog.cancelled")], None, DialogOutcome.CANCELLED)

    def _confirm_cancel(self, dialog: DialogState, command: str, lang: str) -> Turn:
        if command in YES or command in CANCEL:
            return self._cancel(dialog, lang, confirmed=True)
        going_on = dialog.model_copy(update={"confirming_cancel": False})
        if command in NO:
            return Turn(
                [t(lang, "nom.dialog.cancel_declined"), self.prompt(going_on, lang)], going_on, DialogOutcome.PROMPT
            )
        return Turn(
            [t(lang, "nom.dialog.confirm_cancel", count=self._answered_fields(dialog))],
            dialog,
            DialogOutcome.CONFIRMING,
        )

    def _answered_fields(self, dialog: DialogState) -> int:
        return sum(1 for step in FIELD_STEPS if self._value_text(dialog, step, "sv", empty=""))

    async def _confirm_withdraw(self, dialog: DialogState, command: str, lang: str) -> Turn:
        assert dialog.nomination_id is not None
        if command in NO:
            return Turn([t(lang, "nom.withdraw.kept", id=dialog.nomination_id)], None, DialogOutcome.CANCELLED)
        if command not in YES:
            return Turn([self.prompt(dialog, lang)], dialog, DialogOutcome.CONFIRMING)
        try:
            withdrawn = await self.service.withdraw(dialog.nomination_id, dialog.nominator, lang)
        except NominationError as refused:
            return Turn([e.message for e in refused.errors], None, DialogOutcome.ERROR, errors=refused.errors)
        return Turn([t(lang, "nom.withdraw.done", id=withdrawn.id)], None, DialogOutcome.WITHDRAWN, withdrawn)

    # --- helpers ---------------------------------------------------------------

    async def _own(self, user: Nominator, nomination_id: str, lang: str) -> Nomination | Turn:
        closed = self.service.period_message(lang)
        if closed:
            return Turn([closed], None, DialogOutcome.CLOSED)
        try:
            return await self.service.get_own(nomination_id, user, lang)
        except NominationError as missing:
            return Turn([e.message for e in missing.errors], None, DialogOutcome.ERROR, errors=missing.errors)

    def _from_nomination(self, n: Nomination, mode: str, user: Nominator) -> DialogState:
        content = n.content()
        step = next((s for s in CONTENT_STEPS[:4] if not getattr(content, s)), SUMMARY)
        return DialogState.model_validate(
            {
                "mode": mode,
                "round_year": n.round_year,
                "step": step,
                "content": content,
                "nominator": n.nominator if n.nominator.name else user,
                "nomination_id": n.id,
            }
        )

    def _optional(self, dialog: DialogState, step: str) -> bool:
        return step in ALWAYS_OPTIONAL or (step == "nominator.email" and bool(dialog.nominator.user_id))

    @staticmethod
    def _set(dialog: DialogState, step: str, value: str | list[str] | None) -> DialogState:
        if step.startswith("nominator."):
            person = dialog.nominator.model_copy(update={step.removeprefix("nominator."): value})
            return dialog.model_copy(update={"nominator": person, "unsaved": True})
        if step == "partners" and value is None:
            value = []
        content = dialog.content.model_copy(update={step: value})
        return dialog.model_copy(update={"content": content, "unsaved": True})

    @staticmethod
    def _value_text(dialog: DialogState, step: str, lang: str, *, empty: str) -> str:
        if step.startswith("nominator."):
            value: object = getattr(dialog.nominator, step.removeprefix("nominator."))
        else:
            value = getattr(dialog.content, step)
        if isinstance(value, list):
            value = ", ".join(value)
        return str(value) if value else empty

    def _criterion_text(self, key: str) -> str:
        try:
            return self.service.rules.criterion(key).text
        except KeyError:
            return ""

    @staticmethod
    def _field_from(text: str) -> str | None:
        wanted = text.strip()
        if wanted.isdigit() and 1 <= int(wanted) <= len(FIELD_STEPS):
            return FIELD_STEPS[int(wanted) - 1]
        for step, aliases in FIELD_ALIASES.items():
            if wanted in aliases:
                return step
        return None

"""The conversation router every chat surface calls: the console, Slack and Teams.

``await ConversationRouter.handle(key, user, text)`` takes one message in one conversation and
returns a :class:`bot.answering.Reply` (for a question, the answerer's own). It drives the
nomination dialog when one is active or being started ("nominera", "/nominera", "jag vill
nominera"), lists, edits and withdraws the user's own nominations, and otherwise asks the question
answerer. A question in the middle of a dialog ("vem vann 2019?") is answered and the dialog's
current question is asked again.

The conversation's state (the answerer's context and the dialog) is loaded and
saved through the :class:`DialogRepository` Protocol on every message, so a
restart continues where the user was. Nothing here knows about any platform.

While the store cannot be reached (:class:`StoreUnavailable`), a question is still answered
(answering needs no store; its follow-up context is saved when it can be) and anything that
would change a nomination or the dialog gets "try again in a minute", with nothing half done.
``ask`` answers a question outside any dialog (a channel, a thread), with the follow-up context
kept in the store too, so a follow-up that reaches another process keeps its subject.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import defaultdict
from collections.abc import MutableMapping
from typing import Any, Literal, Protocol

from pydantic import ValidationError

from bot.answering import ConversationContext, Intent, Reply
from bot.clock import Clock
from bot.nominations.dialog import CANCEL, DialogOutcome, NominationDialog, Turn, normalise_command
from bot.nominations.model import Nominator
from bot.nominations.ports import DialogRepository
from bot.nominations.state import ConversationState, DialogState
from bot.ports import StoreUnavailable
from bot.texts import t

log = logging.getLogger(__name__)

_START = re.compile(r"^(/nominera|/nominate|(jag )?vill nominera|nominera|ny nominering|i want to nominate|nominate)\b")
_RESUME = re.compile(r"^(fortsätt|fortsätt nominera|fortsätt nomineringen|/fortsätt|continue|resume)$")
_LIST = re.compile(r"^(/mina|mina nomineringar|visa mina nomineringar|lista mina nomineringar|my nominations)$")
_EDIT = re.compile(r"^(?:ändra|redigera|edit) (?:nominering(?:en)?|nomination) (\S+)$")
_WITHDRAW = re.compile(r"^(?:återkalla|dra tillbaka|withdraw)(?: (?:nominering(?:en)?|nomination))? (\S+)$")
# The same commands without their id: answered with how to write them, not taken for a question.
_EDIT_WITHOUT_ID = re.compile(r"^(?:ändra|redigera|edit) (?:nominering(?:en)?|nomination)$")
_WITHDRAW_WITHOUT_ID = re.compile(r"^(?:återkalla|dra tillbaka|withdraw)(?: (?:nominering(?:en)?|nomination))?$")
_ENGLISH_START = ("i want to nominate", "nominate", "/nominate")
# Longer than this, a text ending in "?" is an answer to the dialog, not a question to the bot.
_MAX_QUESTION_WORDS = 25


class QuestionAnswerer(Protocol):
    def answer(self, question: str, context: ConversationContext | None = None) -> Reply: ...


def starts_nomination(text: str) -> bool:
    """Whether ``text`` asks to start a nomination ("nominera", "/nominera", "jag vill nominera")."""
    return bool(_START.match(normalise_command(text))) and not looks_like_question(text)


def edit_command(text: str) -> str | None:
    """The nomination id in "ändra nominering ID" / "edit nomination ID", or None for other text."""
    found = _EDIT.match(normalise_command(text))
    return found.group(1) if found else None


def nomination_lang(text: str, default: Literal["sv", "en"] = "sv") -> Literal["sv", "en"]:
    """The language a nomination command asks in: English for "nominate", else ``default``."""
    return "en" if normalise_command(text).startswith(_ENGLISH_START) else default


# Commands name their language: "avbryt" after an English question is answered in Swedish.
_SWEDISH_COMMANDS = re.compile(
    r"^(/?nominera|(jag )?vill nominera|ny nominering|/?mina( nomineringar)?|visa mina|lista mina|avbryt|/?fortsätt"
    r"|tillbaka|bakåt|hoppa( över| over)?|spara|skicka|ändra|redigera|återkalla|dra tillbaka)\b"
)
_ENGLISH_COMMANDS = re.compile(
    r"^(/?nominate|i want to nominate|my nominations|cancel|continue|resume|back|skip|save|send|submit|edit|withdraw)\b"
)


def command_lang(command: str, default: Literal["sv", "en"]) -> Literal["sv", "en"]:
    """The language a command is written in, or ``default`` for any other text."""
    if _SWEDISH_COMMANDS.match(command):
        return "sv"
    return "en" if _ENGLISH_COMMANDS.match(command) else default


def _is_command(command: str) -> bool:
    """A dialog or nomination command ("fortsätt", "mina nomineringar", "ändra nominering ID", …)."""
    return bool(
        _RESUME.match(command)
        or _LIST.match(command)
        or _EDIT.match(command)
        or _WITHDRAW.match(command)
        or command in CANCEL
    )


def _follow_up_context(saved: dict[str, Any] | None, key: str) -> ConversationContext | None:
    """The stored follow-up context, or None where it no longer reads (saved by another version
    of the bot, with an intent it does not know): the question is then answered on its own."""
    if not saved:
        return None
    try:
        return ConversationContext.model_validate(saved)
    except ValidationError as error:
        log.warning("the follow-up context of %s was dropped: %s", key, error.errors()[0]["msg"])
        return None


def looks_like_question(text: str) -> bool:
    stripped = text.strip()
    return stripped.endswith("?") and len(stripped.split()) <= _MAX_QUESTION_WORDS


class ConversationRouter:
    def __init__(
        self,
        answerer: QuestionAnswerer,
        dialog: NominationDialog,
        conversations: DialogRepository,
        clock: Clock,
        answer_contexts: MutableMapping[str, dict[str, Any]] | None = None,
    ) -> None:
        """``answer_contexts``: where follow-up context lives when it should stay in this process
        (two console chats of one user must not answer each other's "och 2024?"); by default it
        is saved with the conversation."""
        self.answerer = answerer
        self.dialog = dialog
        self.conversations = conversations
        self.clock = clock
        self.answer_contexts = answer_contexts
        # One message at a time per conversation: two at once would both start from the
        # same saved state and the later save would lose the earlier answer.
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def greeting(self, key: str, session: str) -> Reply | None:
        """What a new chat session says first: the unfinished nomination and where it stands, if any."""
        async with self._locks[key]:
            state = await self.conversations.load(key)
            if state is None or state.dialog is None or state.dialog.paused:
                return None
            reply, state = self._dialog_reply(state, self.dialog.in_progress(state.dialog, state.lang))
            await self._save(state, session, None)
            return reply

    async def handle(self, key: str, user: Nominator, text: str, *, session: str | None = None) -> Reply:
        """Answer one message from ``user`` in conversation ``key`` and persist the new state.

        ``session``: the chat session the message comes from, where a surface has sessions that
        end (a console run). A dialog question that was not shown in this session is shown first
        instead of taking the message as its answer; "fortsätt" is always the command.
        """
        async with self._locks[key]:
            try:
                loaded = await self.conversations.load(key)
            except StoreUnavailable as error:
                log.warning("conversation %s without its state: %s", key, error)
                return self._without_store(text)
            state = loaded or ConversationState(key=key, user_id=user.user_id or key, updated_at=self.clock())
            try:
                reply, state = await self._route(state, user, text, session)
            except StoreUnavailable as error:
                log.warning("conversation %s: the store went away in the middle: %s", key, error)
                return self._unavailable(state.lang)
            try:
                await self._save(state, session, loaded)
            except StoreUnavailable as error:
                if reply.intent == Intent.NOMINATION_DIALOG:
                    # The dialog's step was not kept: say so rather than pretend it was.
                    return self._unavailable(state.lang)
                log.warning("the follow-up context of %s was not saved: %s", key, error)
            return reply

    async def ask(self, key: str, user_id: str, text: str) -> Reply:
        """Answer a question outside any dialog; its follow-up context is loaded and saved under
        ``key`` when the store can be reached (best effort: an answer never waits for an outage)."""
        async with self._locks[key]:
            try:
                loaded = await self.conversations.load(key)
            except StoreUnavailable as error:
                log.warning("question in %s without its follow-up context: %s", key, error)
                loaded = None
            state = loaded or ConversationState(key=key, user_id=user_id, updated_at=self.clock())
            reply, state = self._answer(state, text, resume=None)
            try:
                await self.conversations.save(state.model_copy(update={"updated_at": self.clock()}), durable=False)
            except StoreUnavailable as error:
                log.warning("the follow-up context of %s was not saved: %s", key, error)
            return reply

    def _without_store(self, text: str) -> Reply:
        """What can be said without the conversation's state: a question's answer (without its
        follow-up context), else "try again in a minute"."""
        answer = self.answerer.answer(text.strip(), None)
        command = starts_nomination(text) or _is_command(normalise_command(text))
        # Not a question (likely an answer to the dialog's question, which is not at hand): no guess.
        if command or not (answer.answered or looks_like_question(text)):
            return self._unavailable(answer.lang)
        return answer

    @staticmethod
    def _unavailable(lang: Literal["sv", "en"]) -> Reply:
        return Reply(texts=[t(lang, "chat.unavailable")], intent=Intent.STORE_UNAVAILABLE, lang=lang, answered=False)

    async def _save(self, state: ConversationState, session: str | None, loaded: ConversationState | None) -> None:
        dialog = state.dialog
        if session is not None and dialog is not None and not dialog.paused:
            # Every reply in an active dialog ends with its current question: now shown in this session.
            state = state.model_copy(update={"dialog": dialog.model_copy(update={"shown_in": session})})
        # A question's follow-up context (and language) may reach the disk a moment later; a dialog
        # step may not.
        only_context = loaded is not None and state.dialog == loaded.dialog
        await self.conversations.save(state.model_copy(update={"updated_at": self.clock()}), durable=not only_context)

    async def _route(
        self, state: ConversationState, user: Nominator, text: str, session: str | None
    ) -> tuple[Reply, ConversationState]:
        command = normalise_command(text)
        if not looks_like_question(text):  # each message in its own language: a command names it
            state = state.model_copy(update={"lang": command_lang(command, state.lang)})
        active = state.dialog if state.dialog and not state.dialog.paused else None
        at_summary_or_start = active is None or active.step in ("summary",)
        unseen = session is not None and active is not None and active.shown_in != session
        if unseen and active is not None and not self._passes_unseen(command, text):
            return self._dialog_reply(state, self.dialog.in_progress(active, state.lang))

        if starts_nomination(text):
            lang = nomination_lang(text, state.lang)
            state = state.model_copy(update={"lang": lang})
            if state.dialog is not None:
                return self._dialog_reply(state, self.dialog.resume(state.dialog, lang))
            return self._dialog_reply(state, await self.dialog.start(user, lang))
        if _RESUME.match(command):
            if state.dialog is not None:
                return self._dialog_reply(state, self.dialog.resume(state.dialog, state.lang))
            turn = await self.dialog.start(user, state.lang)
            if turn.outcome == DialogOutcome.STARTED:
                # "fortsätt" with nothing saved does not silently begin a new nomination.
                turn = Turn([t(state.lang, "nom.dialog.nothing_to_resume")], None, DialogOutcome.NOTHING)
            return self._dialog_reply(state, turn)
        if _LIST.match(command):
            listing = await self.dialog.list_own(user, state.lang)
            return self._dialog_reply(state, Turn([listing], state.dialog, DialogOutcome.LISTED), resume=active)
        without_id: Literal["edit", "withdraw"] | None = None
        if _EDIT_WITHOUT_ID.match(command):
            without_id = "edit"
        elif _WITHDRAW_WITHOUT_ID.match(command):  # before _WITHDRAW, which reads "nominering" as an id
            without_id = "withdraw"
        if without_id and at_summary_or_start:
            text = await self.dialog.command_help(user, without_id, state.lang)
            return self._dialog_reply(state, Turn([text], state.dialog, DialogOutcome.LISTED), resume=active)
        edit = _EDIT.match(command) if at_summary_or_start else None
        if edit:
            return self._dialog_reply(state, await self.dialog.start_edit(user, edit.group(1), state.lang))
        withdraw = _WITHDRAW.match(command) if at_summary_or_start else None
        if withdraw:
            return self._dialog_reply(state, await self.dialog.start_withdraw(user, withdraw.group(1), state.lang))
        if active is not None and not looks_like_question(text):
            return self._dialog_reply(state, await self.dialog.handle(active, text, state.lang))
        return self._answer(state, text, resume=active)

    @staticmethod
    def _passes_unseen(command: str, text: str) -> bool:
        """Messages that mean the same whatever question was last shown: commands and questions."""
        return bool(_RESUME.match(command) or _LIST.match(command) or command in CANCEL or looks_like_question(text))

    def _dialog_reply(
        self, state: ConversationState, turn: Turn, *, resume: DialogState | None = None
    ) -> tuple[Reply, ConversationState]:
        texts = list(turn.replies)
        if resume is not None:
            texts.append(t(state.lang, "nom.dialog.back_to_dialog", prompt=self.dialog.prompt(resume, state.lang)))
        reply = Reply(
            texts=texts,
            intent=Intent.NOMINATION_DIALOG,
            lang=state.lang,
            dialog_outcome=turn.outcome,
            nomination_id=turn.nomination.id if turn.nomination else None,
        )
        return reply, state.model_copy(update={"dialog": turn.dialog})

    def _answer(
        self, state: ConversationState, text: str, *, resume: DialogState | None
    ) -> tuple[Reply, ConversationState]:
        saved = state.answer_context if self.answer_contexts is None else self.answer_contexts.get(state.key)
        context = _follow_up_context(saved, state.key)
        reply = self.answerer.answer(text.strip(), context)
        if resume is not None:  # the answer, then the dialog's question again as a message of its own
            back = t(reply.lang, "nom.dialog.back_to_dialog", prompt=self.dialog.prompt(resume, reply.lang))
            reply = reply.model_copy(update={"texts": [*reply.texts, back]})
        context_json = (reply.context or ConversationContext()).model_dump(mode="json")
        if self.answer_contexts is not None:
            self.answer_contexts[state.key] = context_json
            return reply, state.model_copy(update={"lang": reply.lang})
        return reply, state.model_copy(update={"answer_context": context_json, "lang": reply.lang})

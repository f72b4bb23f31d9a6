"""``trygghetsbot chat [--json]``: a console conversation through the conversation router.

Reads stdin line by line (works with piped input and ends at EOF), prints the
prompt "> " only on a terminal. Questions and the nomination dialog mix freely;
the conversation is stored under the console user's key, so a restart continues
an unfinished nomination. "avsluta", "quit", "exit", Ctrl-D and Ctrl-C end it
(Ctrl-C with exit code 130); an unfinished nomination stays saved.

``--json`` is for scripts: exactly one JSON object per input line with at least
"answer", "intent", "lang" and "sources", and every line is a message (a quit
word too). Its conversation is its own and lives only as long as the run, so a
nomination left unfinished in an interactive chat does not take a script's
lines as its answers (and a script's dialog does not wait for the next run).

The database is opened for each message and closed after it, so several console
chats (and `nominate`) can run side by side: a writer holds the store's lock for
the milliseconds a message takes, and the others wait their turn. While another
process holds it for longer (a running `serve` on TinyDB), a question is still
answered from a read-only view: answering writes nothing but the follow-up
context, which this process keeps itself. A message that must write (a dialog
step) waits ``TRYGGHETSBOT_LOCK_WAIT`` for the lock and otherwise gets the one
clear line, and the chat goes on.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys
import uuid
from typing import Any

from bot.answering import Reply
from bot.config import Settings
from bot.nominations.dialog import normalise_command
from bot.nominations.model import Nominator
from bot.nominations.ports import DialogRepository
from bot.nominations.rounds import UnknownRoundError, round_error_text
from bot.nominations.state import ConversationState, DialogState
from bot.texts import t
from store import StoreError, StoreLockedError
from trygghetsbot.cli.output import print_text_or_json
from trygghetsbot.compose import build_router, open_settings_store

log = logging.getLogger(__name__)

QUIT = frozenset({"avsluta", "quit", "exit"})
# The shell's code for a program ended by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("chat", help="Samtala med boten i konsolen (standard utan Slack).")
    parser.add_argument(
        "--json", action="store_true", help="Ett JSON-objekt per rad, för skript (varje rad är en fråga)."
    )
    parser.add_argument("--user", help="Användar-id i konsolen (standard: inloggad användare).")
    parser.set_defaults(func=run)


def console_user(args: argparse.Namespace) -> Nominator:
    try:
        name = args.user or getpass.getuser()
    except (KeyError, OSError):
        name = "console"
    return Nominator(user_id=f"console:{name}")


class RunConversations:
    """The conversation of one ``--json`` run, in memory: nothing before the run reaches it,
    nothing of it outlives the run."""

    def __init__(self) -> None:
        self.states: dict[str, ConversationState] = {}

    async def load(self, key: str) -> ConversationState | None:
        return self.states.get(key)

    async def save(self, state: ConversationState, *, durable: bool = True) -> None:
        self.states[state.key] = state

    async def delete(self, key: str) -> None:
        self.states.pop(key, None)


class NeedsWriting(Exception):
    """A message answered from the read-only view wanted to change the conversation."""


class ReadOnlyConversations:
    """The stored conversations while another process holds the database: read as they are; a
    save that changes nothing but the follow-up context (kept by this process) and the language is
    let go, anything else raises :class:`NeedsWriting`."""

    def __init__(self, stored: DialogRepository) -> None:
        self.stored = stored
        self.loaded: dict[str, ConversationState | None] = {}

    async def load(self, key: str) -> ConversationState | None:
        state = await self.stored.load(key)
        self.loaded[key] = state
        return state

    async def save(self, state: ConversationState, *, durable: bool = True) -> None:
        before = self.loaded.get(state.key)
        if _unfinished(state.dialog) != _unfinished(before.dialog if before else None):
            raise NeedsWriting

    async def delete(self, key: str) -> None:
        raise NeedsWriting


def _unfinished(dialog: DialogState | None) -> DialogState | None:
    """The nomination's own state, without the session that last showed its question: a question
    answered beside a dialog records that it showed the dialog's question again, which may be lost."""
    return dialog.model_copy(update={"shown_in": None}) if dialog else None


class Console:
    def __init__(self, args: argparse.Namespace, settings: Settings) -> None:
        self.settings = settings
        self.as_json: bool = args.json
        self.user = console_user(args)
        self.key = self.user.user_id or "console"
        self.contexts: dict[str, dict[str, Any]] = {}  # follow-up context belongs to this session only
        self.session = uuid.uuid4().hex  # a question asked in an earlier run was not seen in this one
        self.run_conversations = RunConversations() if self.as_json else None

    async def check_store(self) -> None:
        """A broken database is reported before the first question (a held one is not broken)."""
        try:
            store = await open_settings_store(self.settings, lock_wait=0)
        except StoreLockedError:
            store = await open_settings_store(self.settings, read_only=True)
        await store.aclose()

    async def handle(self, message: str) -> Reply:
        """One message: with the lock if it is free at once, else from the read-only view, and only
        when the message must write, after waiting for the lock like every writer."""
        try:
            store = await open_settings_store(self.settings, lock_wait=0)
        except StoreLockedError:
            try:
                return await self._handle_read_only(message)
            except (NeedsWriting, StoreError):  # a read-only store refuses writes with a StoreError
                store = await open_settings_store(self.settings)
        try:
            router = build_router(store, self.settings, self.contexts, conversations=self.run_conversations)
            return await router.handle(self.key, self.user, message, session=self.session)
        finally:
            await store.aclose()

    async def _handle_read_only(self, message: str) -> Reply:
        store = await open_settings_store(self.settings, read_only=True)
        try:
            conversations = self.run_conversations or ReadOnlyConversations(store.dialogs)
            router = build_router(store, self.settings, self.contexts, conversations=conversations)
            return await router.handle(self.key, self.user, message, session=self.session)
        finally:
            await store.aclose()

    async def greet(self) -> Reply | None:
        """The unfinished nomination, if any; said only when the database can be written now."""
        try:
            store = await open_settings_store(self.settings, lock_wait=0)
        except StoreLockedError:
            return None  # the first message that needs the dialog says what is going on
        try:
            return await build_router(store, self.settings).greeting(self.key, self.session)
        finally:
            await store.aclose()

    def converse(self, runner: asyncio.Runner) -> int:
        """The loop. Reading stdin happens outside the event loop, so Ctrl-C at the prompt ends
        the chat at once instead of after the next line."""
        try:
            runner.run(self.check_store())
        except StoreError as error:
            print(t("sv", "nom.cli.store_error", error=error), file=sys.stderr)
            return 2
        interactive = sys.stdin.isatty()
        if interactive and not self.as_json:
            print(t("sv", "cli.chat_welcome"))
            greeting = runner.run(self.greet())
            if greeting is not None:
                print_text_or_json(greeting, self.as_json, explained=False)
        while True:
            if interactive:
                print("> ", end="", flush=True)
            line = sys.stdin.readline()
            if not line:
                return 0
            message = line.strip()
            if not message:
                continue
            if not self.as_json and normalise_command(message) in QUIT:
                print(t("sv", "cli.chat_goodbye"), flush=True)
                return 0
            try:
                reply = runner.run(self.handle(message))
            except StoreLockedError as error:  # the message must write and the lock stayed taken
                print(t("sv", "nom.cli.store_error", error=error), file=sys.stderr, flush=True)
                continue
            except StoreError as error:
                print(t("sv", "nom.cli.store_error", error=error), file=sys.stderr)
                return 2
            except Exception as error:  # a bug must not end the conversation: one line, then the next message
                log.error("could not answer %r: %s: %s", message, type(error).__name__, error)
                print(t("sv", "chat.error"), flush=True)
                continue
            print_text_or_json(reply, self.as_json, explained=False)


def run(args: argparse.Namespace, settings: Settings) -> int:
    console = Console(args, settings)
    try:
        with asyncio.Runner() as runner:
            return console.converse(runner)
    except UnknownRoundError as error:
        print(round_error_text(error), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Ctrl-C: what was saved stays saved (a message cut short wrote all of its change or none).
        if sys.stdin.isatty():
            print()  # off the prompt's line
        print(t("sv", "cli.chat_goodbye"), file=sys.stderr if console.as_json else sys.stdout, flush=True)
        return EXIT_INTERRUPTED

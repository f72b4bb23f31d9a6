"""``trygghetsbot chat [--json]``: a console conversation through the conversation router.

Reads stdin line by line (works with piped input and ends at EOF), prints the
prompt "> " only on a terminal. Questions and the nomination dialog mix freely;
the conversation is stored under the console user's key, so a restart continues
an unfinished nomination. ``--json`` prints exactly one JSON object per input
line with at least "answer", "intent", "lang" and "sources".

The database is opened for each message and closed after it, so several console
chats (and `nominate`) can run side by side: a writer holds the store's lock for
the milliseconds a message takes, and the others wait their turn.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys
import uuid
from typing import Any

from bot.assistant import Reply
from bot.config import Settings
from bot.nominations.model import Nominator
from bot.nominations.rounds import UnknownRoundError, round_error_text
from bot.texts import t
from store import Store, StoreError
from trygghetsbot.cli.output import print_text_or_json
from trygghetsbot.compose import build_assistant, open_settings_store

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("chat", help="Samtala med boten i konsolen (standard utan Slack).")
    parser.add_argument("--json", action="store_true", help="Ett JSON-objekt per svar, för skript.")
    parser.add_argument("--user", help="Användar-id i konsolen (standard: inloggad användare).")
    parser.set_defaults(func=run)


def console_user(args: argparse.Namespace) -> Nominator:
    try:
        name = args.user or getpass.getuser()
    except (KeyError, OSError):
        name = "console"
    return Nominator(user_id=f"console:{name}")


async def open_when_free(settings: Settings) -> Store:
    """The store, waiting (``TRYGGHETSBOT_LOCK_WAIT``) while another process holds it for a moment."""
    return await open_settings_store(settings)


async def handle(
    settings: Settings, key: str, user: Nominator, message: str, contexts: dict[str, dict[str, Any]], session: str
) -> Reply:
    store = await open_when_free(settings)
    try:
        return await build_assistant(store, settings, contexts).handle(key, user, message, session=session)
    finally:
        await store.aclose()


async def greet(settings: Settings, key: str, session: str) -> Reply | None:
    store = await open_when_free(settings)
    try:
        return await build_assistant(store, settings).greeting(key, session)
    finally:
        await store.aclose()


async def converse(args: argparse.Namespace, settings: Settings) -> int:
    try:
        await (await open_when_free(settings)).aclose()  # a broken database is reported before the first question
    except StoreError as error:
        print(t("sv", "nom.cli.store_error", error=error), file=sys.stderr)
        return 2
    user = console_user(args)
    key = user.user_id or "console"
    contexts: dict[str, dict[str, Any]] = {}  # follow-up context belongs to this session only
    session = uuid.uuid4().hex  # a question asked in an earlier run was not seen in this one
    interactive = sys.stdin.isatty()
    if interactive and not args.json:
        print(t("sv", "cli.chat_welcome"))
        greeting = await greet(settings, key, session)
        if greeting is not None:
            print_text_or_json(greeting, args.json)
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            return 0
        message = line.strip()
        if not message:
            continue
        try:
            reply = await handle(settings, key, user, message, contexts, session)
        except StoreError as error:
            print(t("sv", "nom.cli.store_error", error=error), file=sys.stderr)
            return 2
        except Exception as error:  # a bug must not end the conversation: one line, then the next message
            log.error("could not answer %r: %s: %s", message, type(error).__name__, error)
            print(t("sv", "chat.error"), flush=True)
            continue
        print_text_or_json(reply, args.json)


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        return asyncio.run(converse(args, settings))
    except UnknownRoundError as error:
        print(round_error_text(error), file=sys.stderr)
        return 2

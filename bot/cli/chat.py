"""``trygghetsbot chat [--json]``: a console conversation through the conversation router.

Reads stdin line by line (works with piped input and ends at EOF), prints the
prompt "> " only on a terminal. Questions and the nomination dialog mix freely;
the conversation is stored under the console user's key, so a restart continues
an unfinished nomination. ``--json`` prints exactly one JSON object per input
line with at least "answer", "intent", "lang" and "sources".
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from typing import Any

from bot.assistant import Reply
from bot.cli.compose import build_assistant, open_settings_store
from bot.config import Settings
from bot.nominations.model import Nominator
from bot.nominations.rounds import UnknownRoundError
from bot.texts import t
from store import StoreError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("chat", help="Samtala med boten i konsolen (standard utan Slack).")
    parser.add_argument("--json", action="store_true", help="Ett JSON-objekt per svar, för skript.")
    parser.add_argument("--user", help="Användar-id i konsolen (standard: inloggad användare).")
    parser.set_defaults(func=run)


def print_reply(reply: Reply, as_json: bool) -> None:
    if as_json:
        print(json.dumps(reply.to_json_dict(), ensure_ascii=False), flush=True)
    else:
        print(reply.text, flush=True)


def console_user(args: argparse.Namespace) -> Nominator:
    try:
        name = args.user or getpass.getuser()
    except (KeyError, OSError):
        name = "console"
    return Nominator(user_id=f"console:{name}")


async def converse(args: argparse.Namespace, settings: Settings) -> int:
    try:
        store = open_settings_store(settings)
    except StoreError as error:
        print(t("sv", "nom.cli.store_error", error=error), file=sys.stderr)
        return 2
    try:
        assistant = build_assistant(store, settings)
        user = console_user(args)
        key = user.user_id or "console"
        interactive = sys.stdin.isatty()
        if interactive and not args.json:
            print(t("sv", "cli.chat_welcome"))
        while True:
            if interactive:
                print("> ", end="", flush=True)
            line = sys.stdin.readline()
            if not line:
                return 0
            message = line.strip()
            if not message:
                continue
            print_reply(await assistant.handle(key, user, message), args.json)
    finally:
        store.close()


def run(args: argparse.Namespace, settings: Settings) -> int:
    try:
        return asyncio.run(converse(args, settings))
    except UnknownRoundError as error:
        print(t("sv", "nom.cli.round_error", error=error), file=sys.stderr)
        return 2

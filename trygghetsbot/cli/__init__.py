"""Command line and composition root: wires settings, knowledge, store and adapters.

Each subcommand lives in its own module with a ``register(subparsers)`` function;
heavy imports (slack_bolt, aiohttp) happen inside the commands that need them so
that ``trygghetsbot ask`` starts fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from bot import __version__
from bot.config import Settings, SettingsError, load_settings, settings_warnings
from bot.knowledge import KnowledgeError
from bot.texts import t
from trygghetsbot.cli.output import has_surrogates, printable
from trygghetsbot.cli.parser import SwedishArgumentParser

SUBCOMMANDS = ("ask", "chat", "nominate", "nominations", "jury", "serve", "socket", "db", "knowledge", "tenant")


def build_parser() -> argparse.ArgumentParser:
    parser = SwedishArgumentParser(
        prog="trygghetsbot",
        description="Trygghetsbot: frågor om Trygghetspriset och Trygghetspaketet, och nomineringar.",
    )
    parser.add_argument(
        "--version", action="version", version=f"trygghetsbot {__version__}", help=t("sv", "cli.argparse.version")
    )
    subparsers = parser.add_subparsers(dest="command", metavar="KOMMANDO")
    for name in SUBCOMMANDS:
        try:
            module = import_module(f"trygghetsbot.cli.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"trygghetsbot.cli.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    for argument in arguments:
        # Bytes that are not UTF-8 reach Python as lone surrogates, which nothing can print or store.
        if has_surrogates(argument):
            print(t("sv", "cli.bad_argument", argument=printable(argument)), file=sys.stderr)
            return 2
    parser = build_parser()
    args = parser.parse_args(arguments)
    for warning in settings_warnings():
        print(warning, file=sys.stderr)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(t("sv", "cli.settings_error", error=error), file=sys.stderr)
        return 2
    if args.command is None:
        # The embedded default: with Slack or Teams configured serve them, otherwise chat in the console.
        default = "serve" if settings.slack_configured or settings.teams_configured else "chat"
        args = parser.parse_args([default])
    try:
        refused = _unknown_round(settings, args.command)
        if refused:
            print(t("sv", "cli.settings_error", error=refused), file=sys.stderr)
            return 2
        result: int = args.func(args, settings)
    except KnowledgeError as error:  # an imported document's file that no longer loads: one line, no traceback
        print(t("sv", "cli.knowledge.broken", error=error), file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`trygghetsbot ask … | head -1`): nothing more to say, and no traceback
        # when Python flushes stdout on exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return result


def _unknown_round(settings: Settings, command: str) -> str | None:
    """Why ``TRYGGHETSBOT_ROUND`` cannot be used, or None: a year the knowledge has no round for stops
    every command at start-up like any other bad setting. ``knowledge`` is the exception: importing
    the direction that has the round is how to fix it."""
    if settings.round_year is None or command == "knowledge":
        return None
    from bot.nominations.rounds import UnknownRoundError
    from trygghetsbot.compose import settings_round

    try:
        settings_round(settings)
    except UnknownRoundError as error:
        known = ", ".join(str(year) for year in error.known)
        reason = t("sv", "settings.unknown_round", year=error.year, known=known)
        return t("sv", "settings.invalid", name="TRYGGHETSBOT_ROUND", message=reason)
    return None

"""``trygghetsbot ask [--json] QUESTION...``: one question, one answer."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from bot.answering import Answerer
from bot.config import Settings
from bot.texts import t
from trygghetsbot.cli.output import print_text_or_json
from trygghetsbot.compose import settings_knowledge

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("ask", help="Ställ en fråga och få ett svar.")
    parser.add_argument("--json", action="store_true", help="Skriv svaret som ett JSON-objekt.")
    parser.add_argument("question", nargs="*", help="Frågan.")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    question = " ".join(args.question).strip()
    if not question:
        print(t("sv", "cli.empty_question"), file=sys.stderr)
        return 2
    answerer = Answerer(settings_knowledge(settings), settings.clock())
    try:
        answer = answerer.answer(question)
    except Exception as error:  # a bug: one polite line for the reader and one log line, no traceback
        log.error("could not answer %r: %s: %s", question, type(error).__name__, error)
        print(t("sv", "chat.error"), flush=True)
        return 1
    print_text_or_json(answer, args.json)
    return 0

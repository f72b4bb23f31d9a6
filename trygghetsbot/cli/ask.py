"""``trygghetsbot ask [--json] QUESTION...``: one question, one answer."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.answering import Answer, Answerer
from bot.config import Settings
from bot.texts import t
from trygghetsbot.compose import settings_knowledge


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("ask", help="Ställ en fråga och få ett svar.")
    parser.add_argument("--json", action="store_true", help="Skriv svaret som ett JSON-objekt.")
    parser.add_argument("question", nargs="*", help="Frågan.")
    parser.set_defaults(func=run)


def print_answer(answer: Answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_json_dict(), ensure_ascii=False), flush=True)
    else:
        print(answer.text, flush=True)


def run(args: argparse.Namespace, settings: Settings) -> int:
    question = " ".join(args.question).strip()
    if not question:
        print(t("sv", "cli.empty_question"), file=sys.stderr)
        return 2
    print_answer(Answerer(settings_knowledge(settings), settings.clock()).answer(question), args.json)
    return 0

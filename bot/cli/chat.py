"""``trygghetsbot chat [--json]``: a console conversation, context kept between lines."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.answering import Answerer, ConversationContext
from bot.cli.ask import print_answer
from bot.config import Settings
from bot.knowledge import default_knowledge
from bot.texts import t


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("chat", help="Samtala med boten i konsolen (standard utan Slack).")
    parser.add_argument("--json", action="store_true", help="Ett JSON-objekt per svar, för skript.")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    interactive = sys.stdin.isatty()
    answerer = Answerer(default_knowledge())
    context = ConversationContext()
    if interactive and not args.json:
        print(t("sv", "cli.chat_welcome"))
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            return 0
        question = line.strip()
        if not question:
            continue
        answer = answerer.answer(question, context)
        context = answer.context
        print_answer(answer, args.json)

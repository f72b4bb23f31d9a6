"""``trygghetsbot socket``: Slack over Socket Mode, for workspaces without a public URL."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from typing import Any

from bot.config import Settings
from trygghetsbot.cli.slack_startup import check_for_slack


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("socket", help="Kör Slack-boten i Socket Mode (kräver SLACK_APP_TOKEN).")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not check_for_slack(settings, "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"):
        return 2
    from handlers.slack.transport.socket_mode import run_socket_mode
    from trygghetsbot.compose import core_factory, store_opener

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_socket_mode(settings, core_factory(settings), store_opener(settings)))
    return 0

"""``trygghetsbot serve``: Slack over HTTP (events, commands, interactivity) with /healthz."""

from __future__ import annotations

import argparse
from typing import Any

from bot.config import Settings
from trygghetsbot.cli.slack_startup import check_for_slack


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("serve", help="Kör Slack-boten över HTTP (POST /slack/events).")
    parser.add_argument("--host", help="Adress att lyssna på (standard TRYGGHETSBOT_HOST).")
    parser.add_argument("--port", type=int, help="Port (standard PORT).")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not check_for_slack(settings, "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        return 2
    from aiohttp import web

    from handlers.slack.server import create_web_app
    from trygghetsbot.compose import core_factory

    web.run_app(
        create_web_app(settings, make_core=core_factory(settings)),
        host=args.host or settings.host,
        port=args.port or settings.port,
        access_log=None,
    )
    return 0

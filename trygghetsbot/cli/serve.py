"""``trygghetsbot serve``: every configured chat platform on one aiohttp app, with /healthz.

Slack (``SLACK_BOT_TOKEN``) at ``POST /slack/events``, Teams (``TEAMS_APP_ID`` or
``TEAMS_ALLOW_ANONYMOUS``) at ``POST /api/messages``; with neither, one line says what to set.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.config import Settings
from bot.texts import t
from trygghetsbot.cli.slack_startup import check_for_slack, check_for_teams


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve", help="Kör boten över HTTP: Slack (POST /slack/events) och/eller Teams (POST /api/messages)."
    )
    parser.add_argument("--host", help="Adress att lyssna på (standard TRYGGHETSBOT_HOST).")
    parser.add_argument("--port", type=int, help="Port (standard PORT).")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.slack_configured and not settings.teams_configured:
        print(t("sv", "cli.no_platform"), file=sys.stderr)
        return 2
    if settings.slack_configured and not check_for_slack(settings, "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        return 2
    if settings.teams_configured and not check_for_teams(settings):
        return 2
    from aiohttp import web

    from trygghetsbot.compose import serve_app

    app = serve_app(settings)
    web.run_app(app, host=args.host or settings.host, port=args.port or settings.port, access_log=None)
    return 0

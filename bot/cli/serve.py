"""``trygghetsbot serve``: Slack over HTTP (events, commands, interactivity) with /healthz."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from bot.config import Settings, SettingsError
from bot.texts import t
from store import StoreError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("serve", help="Kör Slack-boten över HTTP (POST /slack/events).")
    parser.add_argument("--host", help="Adress att lyssna på (standard TRYGGHETSBOT_HOST).")
    parser.add_argument("--port", type=int, help="Port (standard PORT).")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    # Imported here so that `trygghetsbot ask` never pays for slack_bolt and aiohttp.
    from aiohttp import web

    from handlers.slack.app import require_settings
    from handlers.slack.server import create_web_app
    from store import open_store

    try:
        require_settings(settings, "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET")
        store = open_store(settings.db_path)
    except (SettingsError, StoreError) as error:
        print(t("sv", "cli.settings_error", error=error), file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    web.run_app(
        create_web_app(settings, store=store),
        host=args.host or settings.host,
        port=args.port or settings.port,
        access_log=None,
    )
    return 0

"""``trygghetsbot socket``: Slack over Socket Mode, for workspaces without a public URL."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from typing import Any

from bot.config import Settings, SettingsError
from bot.texts import t
from store import StoreError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("socket", help="Kör Slack-boten i Socket Mode (kräver SLACK_APP_TOKEN).")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from handlers.slack.app import require_settings
    from handlers.slack.socket_mode import run_socket_mode
    from store import open_store

    try:
        require_settings(settings, "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN")
        store = open_store(settings.db_path)
    except (SettingsError, StoreError) as error:
        print(t("sv", "cli.settings_error", error=error), file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_socket_mode(settings, store))
    return 0

"""What `serve` and `socket` share before Slack starts: settings checked, store checked, logging on."""

from __future__ import annotations

import asyncio
import logging
import sys

from bot.config import Settings, SettingsError
from bot.texts import t
from store import StoreError
from trygghetsbot.compose import open_settings_store


async def _check_store(settings: Settings) -> None:
    await (await open_settings_store(settings)).aclose()


def check_for_slack(settings: Settings, *required: str) -> bool:
    """True when Slack can start: the settings are there and the store opens; else one line on stderr.

    The store itself is opened again inside the server's event loop (a PostgreSQL
    pool belongs to the loop that opened it).
    """
    # Imported here so that `trygghetsbot ask` never pays for slack_bolt.
    from handlers.slack.app import require_settings

    try:
        require_settings(settings, *required)
        asyncio.run(_check_store(settings))
    except (SettingsError, StoreError) as error:
        print(t("sv", "cli.settings_error", error=error), file=sys.stderr)
        return False
    if not settings.jury_channel_ids:
        # Nominations are still stored (and the jury can export them), but nobody is told of them.
        print(t("sv", "cli.no_jury_channels"), file=sys.stderr)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return True

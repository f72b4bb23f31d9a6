"""What `serve` and `socket` share before Slack starts: settings checked, store opened, logging on."""

from __future__ import annotations

import logging
import sys

from bot.config import Settings, SettingsError
from bot.texts import t
from store import Store, StoreError, open_store


def open_for_slack(settings: Settings, *required: str) -> Store | None:
    """The store, or None after one line on stderr naming what is wrong."""
    # Imported here so that `trygghetsbot ask` never pays for slack_bolt.
    from handlers.slack.app import require_settings

    try:
        require_settings(settings, *required)
        store = open_store(settings.db_path)
    except (SettingsError, StoreError) as error:
        print(t("sv", "cli.settings_error", error=error), file=sys.stderr)
        return None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return store

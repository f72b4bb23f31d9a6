"""What `serve` and `socket` check before a platform starts: settings checked, store checked, logging on."""

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
    _log_setup()
    return True


def check_for_teams(settings: Settings) -> bool:
    """True when Teams can start: with an app id its password too, a trusted service URL, the store opens."""
    from handlers.teams.urls import TrustedServiceUrls

    if settings.teams_app_id and not settings.teams_app_password:
        print(
            t("sv", "cli.settings_error", error=t("sv", "cli.teams_missing", name="TEAMS_APP_PASSWORD")),
            file=sys.stderr,
        )
        return False
    service_url = settings.teams_service_url
    if service_url and not TrustedServiceUrls(settings.teams_trusted_service_urls)(service_url):
        print(t("sv", "cli.settings_error", error=t("sv", "cli.teams_untrusted", url=service_url)), file=sys.stderr)
        return False
    try:
        asyncio.run(_check_store(settings))
    except StoreError as error:
        print(t("sv", "cli.settings_error", error=error), file=sys.stderr)
        return False
    if not settings.teams_jury_channel_ids or not settings.teams_service_url:
        print(t("sv", "cli.no_teams_jury_channels"), file=sys.stderr)
    _log_setup()
    return True


def _log_setup() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

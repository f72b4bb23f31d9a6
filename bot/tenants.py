"""Each workspace's own settings when one installation serves many (Slack OAuth installs).

A tenant (a workspace; Slack's ``team_id``) sets its jury channels, jurors, chair, deputy chair and round
for itself (``trygghetsbot tenant set``); they are kept in the tenant's own part of the
database (:mod:`store.tenant_settings`). :func:`tenant_view` gives the settings a tenant is
served with. What a tenant has not set falls back to the environment (``JURY_CHANNEL_IDS``,
``JURY_USER_IDS``, ``JURY_CHAIR_ID``) for the default tenant only, the one of the single-token
setup, the console and the command line: another workspace's jury is never the server's.
The round falls back to ``TRYGGHETSBOT_ROUND`` (or the newest in the data) for every tenant.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.config import Settings

DEFAULT_TENANT = "default"
# A server serving many workspaces looks at a workspace's installation and settings again after
# this many seconds: how soon it serves a changed token or settings.
RECHECK_SECONDS = 30.0


class TenantSettings(BaseModel):
    """What one tenant set for itself; ``None`` is "not set" (an empty list or ``""`` is "none")."""

    model_config = ConfigDict(extra="forbid")

    jury_channel_ids: list[str] | None = None
    jury_user_ids: list[str] | None = None
    jury_chair_id: str | None = None
    jury_deputy_chair_id: str | None = None
    round_year: int | None = None

    def is_empty(self) -> bool:
        return self == TenantSettings()


def tenant_view(settings: Settings, tenant: str, own: TenantSettings | None) -> Settings:
    """``settings`` as ``tenant`` is served: its own jury settings, else the fallbacks above.

    A chair who is not one of the tenant's jurors is no chair (nobody may record a winner). For a
    tenant other than the default, the server's own Slack token and Teams app are not its.
    """
    own = own or TenantSettings()
    default = tenant == DEFAULT_TENANT
    channels = own.jury_channel_ids
    if channels is None:
        channels = list(settings.jury_channel_ids) if default else []
    jurors = own.jury_user_ids
    if jurors is None:
        jurors = list(settings.jury_user_ids) if default else []
    chair = settings.jury_chair_id if default else None
    if own.jury_chair_id is not None:
        chair = own.jury_chair_id or None
    if chair not in jurors:
        chair = None
    deputy = settings.jury_deputy_chair_id if default else None
    if own.jury_deputy_chair_id is not None:
        deputy = own.jury_deputy_chair_id or None
    if deputy not in jurors or deputy == chair:
        deputy = None
    round_year = own.round_year if own.round_year is not None else settings.round_year
    update: dict[str, object] = {
        "jury_channel_ids": channels,
        "jury_user_ids": jurors,
        "jury_chair_id": chair,
        "jury_deputy_chair_id": deputy,
        "round_year": round_year,
    }
    if not default:
        # The server's Slack bot and its Teams app serve the default workspace: another workspace
        # posts with its own token (set by its runtime) and writes no messages for Teams' jury.
        update |= {
            "slack_bot_token": None,
            "slack_bot_user_id": None,
            "teams_app_id": None,
            "teams_allow_anonymous": False,
            "teams_jury_channel_ids": [],
        }
    return settings.model_copy(update=update)

"""``trygghetsbot tenant set|show``: each Slack workspace's own jury settings (many-workspace installs).

``set TEAM_ID`` replaces the fields given and keeps the others; ``show`` lists every
workspace's settings. The file is :mod:`bot.tenants`' (``TRYGGHETSBOT_TENANTS_FILE``). A running
server reads a workspace's settings when it starts serving it: restart it after a change.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.config import Settings
from bot.tenants import TenantsError, TenantSettings, load_tenants, save_tenant
from bot.texts import t
from store.base import check_tenant
from store.errors import StoreError

LANG = "sv"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("tenant", help="Inställningar per Slack-arbetsyta (installation via OAuth).")
    actions = parser.add_subparsers(dest="action", metavar="ÅTGÄRD", required=True)
    setting = actions.add_parser("set", help="Sätt en arbetsytas jurykanaler, jurymedlemmar, ordförande, omgång.")
    setting.add_argument("team", metavar="TEAM_ID", help="Arbetsytans id i Slack (T…).")
    setting.add_argument("--jury-channels", metavar="KANALER", help="Kommaseparerade kanal-id:n (C…).")
    setting.add_argument("--jury-users", metavar="ANVÄNDARE", help="Kommaseparerade användar-id:n (U…).")
    setting.add_argument("--chair", metavar="ANVÄNDARE", help="Juryns ordförande (U…).")
    setting.add_argument("--round", type=int, metavar="ÅR", help="Nomineringsomgången (år).")
    setting.set_defaults(func=run_set)
    showing = actions.add_parser("show", help="Visa arbetsytornas inställningar.")
    showing.set_defaults(func=run_show)


def run_set(args: argparse.Namespace, settings: Settings) -> int:
    try:
        team = check_tenant(args.team)
        current = load_tenants(settings.tenants_path).get(team, TenantSettings())
        changes: dict[str, Any] = {}
        if args.jury_channels is not None:
            changes["jury_channel_ids"] = _ids(args.jury_channels)
        if args.jury_users is not None:
            changes["jury_user_ids"] = _ids(args.jury_users)
        if args.chair is not None:
            changes["jury_chair_id"] = args.chair or None
        if args.round is not None:
            changes["round_year"] = args.round
        updated = TenantSettings.model_validate({**current.model_dump(), **changes})
        save_tenant(settings.tenants_path, team, updated)
    except (StoreError, TenantsError, OSError) as error:
        print(t(LANG, "cli.tenant.error", error=error), file=sys.stderr)
        return 2
    print(t(LANG, "cli.tenant.saved", team=team, path=settings.tenants_path))
    _print(team, updated)
    return 0


def run_show(args: argparse.Namespace, settings: Settings) -> int:
    try:
        tenants = load_tenants(settings.tenants_path)
    except TenantsError as error:
        print(t(LANG, "cli.tenant.error", error=error), file=sys.stderr)
        return 2
    if not tenants:
        print(t(LANG, "cli.tenant.none", path=settings.tenants_path))
    for team, own in tenants.items():
        _print(team, own)
    return 0


def _print(team: str, own: TenantSettings) -> None:
    none = t(LANG, "cli.tenant.unset")
    print(
        t(
            LANG,
            "cli.tenant.line",
            team=team,
            channels=", ".join(own.jury_channel_ids) or none,
            users=", ".join(own.jury_user_ids) or none,
            chair=own.jury_chair_id or none,
            round=own.round_year or none,
        )
    )


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]

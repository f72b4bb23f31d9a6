"""``trygghetsbot tenant set|show``: each Slack workspace's own jury settings (many-workspace installs).

``set TEAM_ID`` replaces the fields given and keeps the others (``--clear`` first removes all
of them); ``show [TEAM_ID]`` shows a workspace's settings as it is served, or those of the
default workspace and every installed one. The settings are kept in the workspace's own part
of the database (:mod:`store.tenant_settings`); what a workspace has not set falls back to
the environment for the default workspace only (:func:`bot.tenants.tenant_view`). A server
serving many workspaces picks a change up within half a minute; a single-token server reads
the default workspace's settings when it starts. On TinyDB a running server holds the
database's lock, so ``set`` waits for it (``TRYGGHETSBOT_LOCK_WAIT``): stop the server first.

Exit codes: 0 done; 1 refused (a chair who is not a juror, an unknown round: nothing saved);
2 the database cannot be used.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from bot.config import Settings
from bot.nominations.rounds import UnknownRoundError
from bot.tenants import DEFAULT_TENANT, RECHECK_SECONDS, TenantSettings, tenant_view
from bot.texts import t
from store import StoreError
from store.base import check_tenant
from store.tenant_settings import load_tenant_settings, save_tenant_settings
from trygghetsbot.compose import open_settings_store, settings_round

LANG = "sv"
EXIT_REFUSED = 1
EXIT_UNUSABLE = 2


class Refused(Exception):
    """The settings cannot be saved as given (the message says why)."""


def tenant_argument(parser: argparse.ArgumentParser) -> None:
    """``--tenant TEAM_ID`` for the commands that read or write one workspace's data."""
    parser.add_argument(
        "--tenant", default=DEFAULT_TENANT, metavar="TEAM_ID", help="Arbetsytans id (T…); standard: default."
    )


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("tenant", help="Inställningar per Slack-arbetsyta (installation via OAuth).")
    actions = parser.add_subparsers(dest="action", metavar="ÅTGÄRD", required=True)
    setting = actions.add_parser("set", help="Sätt en arbetsytas jurykanaler, jurymedlemmar, ordförande, omgång.")
    setting.add_argument("team", metavar="TEAM_ID", help="Arbetsytans id i Slack (T…), eller default.")
    setting.add_argument("--jury-channels", metavar="KANALER", help="Kommaseparerade kanal-id:n (C…); tomt: inga.")
    setting.add_argument("--jury-users", metavar="ANVÄNDARE", help="Kommaseparerade användar-id:n (U…); tomt: inga.")
    setting.add_argument("--chair", metavar="ANVÄNDARE", help="Juryns ordförande (U…), en av jurymedlemmarna.")
    setting.add_argument(
        "--deputy-chair",
        metavar="ANVÄNDARE",
        help="Vice ordförande (U…), en annan jurymedlem: utser vinnaren där ordföranden har jäv; tomt: ingen.",
    )
    setting.add_argument("--round", type=int, metavar="ÅR", help="Nomineringsomgången (år).")
    setting.add_argument("--clear", action="store_true", help="Ta först bort arbetsytans egna inställningar.")
    setting.set_defaults(func=run_set)
    showing = actions.add_parser("show", help="Visa en arbetsytas inställningar, eller alla installerades.")
    showing.add_argument("team", metavar="TEAM_ID", nargs="?", help="Arbetsytans id (standard: alla).")
    showing.set_defaults(func=run_show)


def run_set(args: argparse.Namespace, settings: Settings) -> int:
    try:
        team = check_tenant(args.team)
        own, installed = asyncio.run(_set(args, settings, team))
    except Refused as refused:
        print(str(refused), file=sys.stderr)
        return EXIT_REFUSED
    except StoreError as error:
        print(t(LANG, "cli.tenant.error", error=error), file=sys.stderr)
        return EXIT_UNUSABLE
    print(t(LANG, "cli.tenant.saved", team=team))
    print(_line(settings, team, own))
    if not installed:
        print(t(LANG, "cli.tenant.not_installed", team=team))
    print(t(LANG, "cli.tenant.pickup", seconds=f"{RECHECK_SECONDS:g}"))
    return 0


async def _set(args: argparse.Namespace, settings: Settings, team: str) -> tuple[TenantSettings | None, bool]:
    store = await open_settings_store(settings, tenant=team)
    try:
        current = TenantSettings() if args.clear else (await load_tenant_settings(store) or TenantSettings())
        changes: dict[str, Any] = {}
        if args.jury_channels is not None:
            changes["jury_channel_ids"] = _ids(args.jury_channels)
        if args.jury_users is not None:
            changes["jury_user_ids"] = _ids(args.jury_users)
        if args.chair is not None:
            changes["jury_chair_id"] = args.chair.strip()
        if args.deputy_chair is not None:
            changes["jury_deputy_chair_id"] = args.deputy_chair.strip()
        if args.round is not None:
            changes["round_year"] = args.round
        own = current.model_copy(update=changes)
        _check(settings, team, own)
        await save_tenant_settings(store, own)
    finally:
        await store.aclose()
    return (None if own.is_empty() else own), await _installed(settings, team)


def _check(settings: Settings, team: str, own: TenantSettings) -> None:
    view = tenant_view(settings, team, own)
    chair = own.jury_chair_id
    if chair and chair not in view.jury_user_ids:
        jurors = ", ".join(view.jury_user_ids) or t(LANG, "cli.tenant.unset")
        raise Refused(t(LANG, "cli.tenant.chair_not_juror", chair=chair, jurors=jurors))
    deputy = own.jury_deputy_chair_id
    if deputy and (deputy not in view.jury_user_ids or deputy == view.jury_chair_id):
        jurors = ", ".join(view.jury_user_ids) or t(LANG, "cli.tenant.unset")
        raise Refused(t(LANG, "cli.tenant.deputy_not_juror", deputy=deputy, jurors=jurors))
    try:
        settings_round(view)
    except UnknownRoundError as error:
        raise Refused(t(LANG, "cli.tenant.bad_round", error=error)) from None


async def _installed(settings: Settings, team: str) -> bool:
    """Whether a workspace is one the app serves: the default one, or one with the app installed."""
    if team == DEFAULT_TENANT or not settings.slack_many_workspaces:
        return True
    registry = await open_settings_store(settings, read_only=True)
    try:
        return await registry.installations.find_bot(None, team) is not None
    finally:
        await registry.aclose()


def run_show(args: argparse.Namespace, settings: Settings) -> int:
    try:
        teams = [check_tenant(args.team)] if args.team else None
        shown = asyncio.run(_show(settings, teams))
    except StoreError as error:
        print(t(LANG, "cli.tenant.error", error=error), file=sys.stderr)
        return EXIT_UNUSABLE
    for team, own in shown:
        print(_line(settings, team, own))
    return 0


async def _show(settings: Settings, teams: list[str] | None) -> list[tuple[str, TenantSettings | None]]:
    if teams is None:
        teams = [DEFAULT_TENANT]
        if settings.slack_many_workspaces:
            registry = await open_settings_store(settings, read_only=True)
            try:
                teams += [team for _, team in await registry.installations.bots() if team]
            finally:
                await registry.aclose()
    shown = []
    for team in teams:
        # Read-only: no lock, so this works beside a running TinyDB server too.
        store = await open_settings_store(settings, tenant=team, read_only=True)
        try:
            shown.append((team, await load_tenant_settings(store)))
        finally:
            await store.aclose()
    return shown


def _line(settings: Settings, team: str, own: TenantSettings | None) -> str:
    """The workspace's settings as it is served, each fallback to the environment marked."""
    own = own or TenantSettings()
    view = tenant_view(settings, team, own)
    none = t(LANG, "cli.tenant.unset")
    default = team == DEFAULT_TENANT

    def shown(value: str, own_value: object, env_name: str) -> str:
        if own_value is None and default and value != none:
            return t(LANG, "cli.tenant.from_env", value=value, name=env_name)
        return value

    try:
        year = str(settings_round(view).year)
    except UnknownRoundError:
        year = str(view.round_year)
    if own.round_year is None:
        year = (
            t(LANG, "cli.tenant.from_env", value=year, name="TRYGGHETSBOT_ROUND")
            if settings.round_year
            else t(LANG, "cli.tenant.latest_round", year=year)
        )
    line = t(
        LANG,
        "cli.tenant.line",
        team=team,
        channels=shown(", ".join(view.jury_channel_ids) or none, own.jury_channel_ids, "JURY_CHANNEL_IDS"),
        users=shown(", ".join(view.jury_user_ids) or none, own.jury_user_ids, "JURY_USER_IDS"),
        chair=shown(view.jury_chair_id or none, own.jury_chair_id, "JURY_CHAIR_ID"),
        round=year,
    )
    if view.jury_deputy_chair_id:
        deputy = shown(view.jury_deputy_chair_id, own.jury_deputy_chair_id, "JURY_DEPUTY_CHAIR_ID")
        line += t(LANG, "cli.tenant.deputy", deputy=deputy)
    return line


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]

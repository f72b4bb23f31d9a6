"""``trygghetsbot tenant set|show``: each workspace's jury settings in its own part of the database.

Run on both backends (TinyDB, then PostgreSQL).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.config import load_settings
from bot.tenants import TenantSettings, tenant_view
from store import open_store_async
from store.tenant_settings import load_tenant_settings
from trygghetsbot.cli import main


@pytest.fixture(params=["tinydb", "postgres"])
def backend(request: pytest.FixtureRequest, env: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "postgres":
        monkeypatch.setenv("TRYGGHETSBOT_DATABASE_URL", request.getfixturevalue("postgres_url"))
    for name in (
        "JURY_CHANNEL_IDS",
        "JURY_USER_IDS",
        "JURY_CHAIR_ID",
        "JURY_DEPUTY_CHAIR_ID",
        "SLACK_CLIENT_ID",
        "SLACK_CLIENT_SECRET",
    ):
        monkeypatch.delenv(name, raising=False)
    return str(request.param)


def own(team: str) -> TenantSettings | None:
    async def read() -> TenantSettings | None:
        store = await open_store_async(load_settings(_env_file=None), tenant=team, read_only=True)
        try:
            return await load_tenant_settings(store)
        finally:
            await store.aclose()

    return asyncio.run(read())


def test_set_keeps_a_workspaces_settings_in_its_own_part_of_the_database(
    backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tenant", "set", "T123", "--jury-channels", "C1, C2", "--jury-users", "U1,U2", "--chair", "U1"]) == 0
    out = capsys.readouterr().out
    assert "Sparat för arbetsytan T123." in out
    assert "T123: jurykanaler C1, C2; jurymedlemmar U1, U2; ordförande U1; omgång 2023 (den som gäller i dag)" in out
    assert own("T123") == TenantSettings(jury_channel_ids=["C1", "C2"], jury_user_ids=["U1", "U2"], jury_chair_id="U1")
    assert own("T999") is None and own("default") is None  # no other workspace has them

    assert main(["tenant", "set", "T123", "--jury-channels", "C3", "--round", "2023"]) == 0  # the rest is kept
    assert own("T123") == TenantSettings(
        jury_channel_ids=["C3"], jury_user_ids=["U1", "U2"], jury_chair_id="U1", round_year=2023
    )
    capsys.readouterr()
    assert main(["tenant", "show", "T123"]) == 0
    assert capsys.readouterr().out == "T123: jurykanaler C3; jurymedlemmar U1, U2; ordförande U1; omgång 2023\n"

    assert main(["tenant", "set", "T123", "--clear", "--jury-channels", "C4"]) == 0
    assert own("T123") == TenantSettings(jury_channel_ids=["C4"])
    assert main(["tenant", "set", "T123", "--clear"]) == 0
    assert own("T123") is None


def test_a_workspace_sets_its_deputy_chair(backend: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tenant", "set", "T123", "--jury-users", "U1,U2", "--chair", "U1", "--deputy-chair", "U2"]) == 0
    assert "ordförande U1; omgång 2023 (den som gäller i dag); vice ordförande U2" in capsys.readouterr().out
    assert own("T123") == TenantSettings(jury_user_ids=["U1", "U2"], jury_chair_id="U1", jury_deputy_chair_id="U2")
    view = tenant_view(load_settings(_env_file=None), "T123", own("T123"))
    assert view.jury_deputy_chair_id == "U2"
    for deputy in ("U9", "U1"):  # not a juror; the chair
        assert main(["tenant", "set", "T123", "--deputy-chair", deputy]) == 1
        assert f"Vice ordföranden {deputy} måste vara en annan" in capsys.readouterr().err
    assert own("T123") == TenantSettings(jury_user_ids=["U1", "U2"], jury_chair_id="U1", jury_deputy_chair_id="U2")


def test_a_chair_who_is_no_juror_and_an_unknown_round_are_refused_and_nothing_is_saved(
    backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tenant", "set", "T123", "--jury-users", "U1", "--chair", "U9"]) == 1
    assert capsys.readouterr().err == (
        "Ordföranden U9 måste vara en av arbetsytans jurymedlemmar (U1); inget sparades.\n"
    )
    assert main(["tenant", "set", "T123", "--round", "1999"]) == 1
    err = capsys.readouterr().err
    assert "ingen omgång 1999" in err and err.endswith("Inget sparades.\n")
    assert own("T123") is None
    assert main(["tenant", "set", "bad tenant!", "--jury-users", "U1"]) == 2
    assert "ogiltig arbetsyta" in capsys.readouterr().err


def test_the_default_workspace_falls_back_to_the_environment(
    backend: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JURY_CHANNEL_IDS", "CENV")
    monkeypatch.setenv("JURY_USER_IDS", "UENV1,UENV2")
    monkeypatch.setenv("JURY_CHAIR_ID", "UENV1")
    assert main(["tenant", "show"]) == 0
    assert capsys.readouterr().out == (
        "default: jurykanaler CENV (från JURY_CHANNEL_IDS); jurymedlemmar UENV1, UENV2 (från JURY_USER_IDS); "
        "ordförande UENV1 (från JURY_CHAIR_ID); omgång 2023 (den som gäller i dag)\n"
    )
    assert main(["tenant", "set", "default", "--jury-channels", "CDB", "--chair", "UENV2"]) == 0
    capsys.readouterr()
    assert main(["tenant", "show", "default"]) == 0
    assert capsys.readouterr().out == (
        "default: jurykanaler CDB; jurymedlemmar UENV1, UENV2 (från JURY_USER_IDS); "
        "ordförande UENV2; omgång 2023 (den som gäller i dag)\n"
    )
    # Another workspace never gets the server's jury.
    assert main(["tenant", "show", "T123"]) == 0
    assert capsys.readouterr().out == (
        "T123: jurykanaler –; jurymedlemmar –; ordförande –; omgång 2023 (den som gäller i dag)\n"
    )


def test_show_lists_the_default_and_every_installed_workspace(
    backend: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    monkeypatch.setenv("SLACK_CLIENT_ID", "1.2")
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "s")

    async def install(team: str) -> None:
        store = await open_store_async(load_settings(_env_file=None))
        try:
            await store.installations.save_bot(None, team, datetime.now(UTC), {"bot_token": f"xoxb-{team}"})
        finally:
            await store.aclose()

    asyncio.run(install("TB"))
    asyncio.run(install("TA"))
    assert main(["tenant", "set", "TA", "--jury-channels", "CA"]) == 0
    assert "har inte installerat" not in capsys.readouterr().out
    assert main(["tenant", "set", "TX", "--jury-channels", "CX"]) == 0
    assert "Obs: arbetsytan TX har inte installerat appen (ännu)" in capsys.readouterr().out
    assert main(["tenant", "show"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["default", "TA", "TB"]
    assert "jurykanaler CA;" in lines[1] and "jurykanaler –;" in lines[2]


def test_tenant_view_gives_no_workspace_the_servers_jury() -> None:
    settings = load_settings(
        _env_file=None, JURY_CHANNEL_IDS="CENV", JURY_USER_IDS="U1,U2", JURY_CHAIR_ID="U1", TRYGGHETSBOT_ROUND="2023"
    )
    settings = settings.model_copy(
        update={"slack_bot_token": "xoxb-default", "teams_allow_anonymous": True, "teams_jury_channel_ids": ["19:x"]}
    )
    other = tenant_view(settings, "T1", None)
    assert (other.jury_channel_ids, other.jury_user_ids, other.jury_chair_id) == ([], [], None)
    # Nor its bot token or its Teams jury: posts in T1 use T1's token, and only Slack's.
    assert other.slack_bot_token is None and other.platforms == ["slack"] and other.teams_jury_channel_ids == []
    assert other.round_year == 2023  # the round is the installation's unless the workspace sets one
    assert tenant_view(settings, "default", None) == settings
    mine = tenant_view(settings, "T1", TenantSettings(jury_user_ids=["UA"], jury_chair_id="UA", round_year=2024))
    assert (mine.jury_user_ids, mine.jury_chair_id, mine.round_year) == (["UA"], "UA", 2024)
    # A chair who is not among the jurors (the environment's jurors changed) is no chair.
    assert tenant_view(settings, "default", TenantSettings(jury_chair_id="U9")).jury_chair_id is None
    assert tenant_view(settings, "default", TenantSettings(jury_chair_id="")).jury_chair_id is None


def test_the_jury_and_nominations_commands_work_on_one_workspace_with_its_own_jurors(
    backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.store.conftest import event, nomination

    async def submit(team: str, nominee: str) -> None:
        store = await open_store_async(load_settings(_env_file=None), tenant=team)
        try:
            n = nomination(1).model_copy(update={"nominee": nominee})
            await store.nominations.submit(n, event(n))
        finally:
            await store.aclose()

    asyncio.run(submit("T123", "Insats i T123"))
    assert main(["tenant", "set", "T123", "--jury-users", "UA"]) == 0
    capsys.readouterr()
    assert main(["nominations", "list", "--tenant", "T123"]) == 0
    assert "Insats i T123" in capsys.readouterr().out
    assert main(["nominations", "list"]) == 0
    assert "Insats i T123" not in capsys.readouterr().out
    assert main(["jury", "ranking", "--juror", "UA", "--tenant", "T123", "--json"]) == 0
    assert "Insats i T123" in capsys.readouterr().out
    assert main(["jury", "ranking", "--juror", "UA", "--json"]) == 1  # not a juror of the default workspace
    capsys.readouterr()
    assert main(["jury", "ranking", "--juror", "UA", "--tenant", "no such!"]) == 2

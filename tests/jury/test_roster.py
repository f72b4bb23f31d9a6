"""One person is one juror whichever platform they use (JURY_USER_IDS entries joined by "=")."""

from __future__ import annotations

import pytest

from bot.clock import fixed_clock
from bot.config import Settings, SettingsError, load_settings
from bot.jury.roster import Roster, is_entra_id
from bot.jury.service import JuryRefused, JuryService
from store import Store
from tests.jury.conftest import round_2023

ANNA_TEAMS = "3F2504E0-4F89-11D3-9A0C-0305E82C3301"


def test_an_entry_with_a_slack_and_a_teams_id_is_one_juror() -> None:
    roster = Roster.parse(["UANNA=" + ANNA_TEAMS, "UBO", "0a1b2c3d-0000-4000-8000-000000000001"])
    assert roster.jurors == ["UANNA", "UBO", "0a1b2c3d-0000-4000-8000-000000000001"]
    assert roster.juror(ANNA_TEAMS.lower()) == "UANNA" == roster.juror("UANNA")
    assert roster.teams_ids("UANNA") == [ANNA_TEAMS] and roster.slack_ids("UANNA") == ["UANNA"]
    assert roster.juror("UEVE") is None and roster.juror("") is None and roster.juror(None) is None
    assert is_entra_id(ANNA_TEAMS) and not is_entra_id("U0123ABC") and not is_entra_id("aad-anna")


async def test_a_score_from_either_platform_is_the_same_jurors(store: Store) -> None:
    from datetime import date

    jury = JuryService(
        store.jury,
        store.nominations,
        round_2023(),
        fixed_clock(date(2023, 9, 15)),
        jurors=["UANNA=" + ANNA_TEAMS, "UBO"],
        chair=ANNA_TEAMS,
    )
    assert jury.chair == "UANNA" and jury.is_chair("UANNA") and jury.is_chair(ANNA_TEAMS.lower())
    assert jury.require_juror(ANNA_TEAMS) == "UANNA"
    with pytest.raises(JuryRefused) as refused:
        jury.require_juror("UEVE")
    assert refused.value.reason == "not_juror"


def test_the_chair_may_be_named_by_any_of_their_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JURY_USER_IDS", f"UANNA={ANNA_TEAMS},UBO")
    monkeypatch.setenv("JURY_CHAIR_ID", ANNA_TEAMS)
    settings: Settings = load_settings(_env_file=None)
    assert settings.jury_chair_id == ANNA_TEAMS
    monkeypatch.setenv("JURY_CHAIR_ID", "UEVE")
    with pytest.raises(SettingsError):
        load_settings(_env_file=None)

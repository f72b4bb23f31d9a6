"""The jury settings and the confidentiality helpers."""

from __future__ import annotations

from datetime import date

import pytest

from bot.config import SettingsError, load_settings
from bot.jury.confidentiality import JURY_ONLY_FIELDS, can_see_jury_data, nominator_view, nominator_views
from bot.knowledge import default_knowledge
from bot.nominations.export import export_bytes
from bot.nominations.model import Nominator
from bot.nominations.rules import Rules
from tests.jury.conftest import make_nomination

JURY_ENV = (
    "JURY_USER_IDS",
    "JURY_CHAIR_ID",
    "JURY_DEPUTY_CHAIR_ID",
    "TRYGGHETSBOT_JURY_DEADLINE",
    "TRYGGHETSBOT_REMIND_DAYS",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    for name in JURY_ENV:
        monkeypatch.delenv(name, raising=False)


def test_defaults() -> None:
    settings = load_settings()
    assert settings.jury_chair_id is None and settings.jury_deadline is None and settings.remind_days == [7, 1]


def test_the_chair_must_be_a_juror(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JURY_USER_IDS", "U1, U2")
    monkeypatch.setenv("JURY_CHAIR_ID", "U2")
    assert load_settings().jury_chair_id == "U2"
    monkeypatch.setenv("JURY_CHAIR_ID", "U9")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value).startswith("Ogiltig inställning JURY_CHAIR_ID: U9 finns inte i JURY_USER_IDS")
    monkeypatch.delenv("JURY_USER_IDS")
    with pytest.raises(SettingsError, match="JURY_CHAIR_ID"):
        load_settings()


def test_the_deputy_chair_is_another_juror(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JURY_USER_IDS", "U1, U2")
    monkeypatch.setenv("JURY_CHAIR_ID", "U1")
    assert load_settings().jury_deputy_chair_id is None
    monkeypatch.setenv("JURY_DEPUTY_CHAIR_ID", "U2")
    assert load_settings().jury_deputy_chair_id == "U2"
    for value, words in (("U9", "finns inte i JURY_USER_IDS"), ("U1", "redan ordförande")):
        monkeypatch.setenv("JURY_DEPUTY_CHAIR_ID", value)
        with pytest.raises(SettingsError) as caught:
            load_settings()
        assert str(caught.value).startswith(f"Ogiltig inställning JURY_DEPUTY_CHAIR_ID: {value} ") and words in str(
            caught.value
        )


def test_deadline_and_reminder_days(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRYGGHETSBOT_JURY_DEADLINE", "2023-10-20")
    monkeypatch.setenv("TRYGGHETSBOT_REMIND_DAYS", "1, 14,7")
    settings = load_settings()
    assert settings.jury_deadline == date(2023, 10, 20) and settings.remind_days == [14, 7, 1]
    monkeypatch.setenv("TRYGGHETSBOT_REMIND_DAYS", "sju")
    with pytest.raises(SettingsError, match="TRYGGHETSBOT_REMIND_DAYS"):
        load_settings()
    monkeypatch.setenv("TRYGGHETSBOT_REMIND_DAYS", "7")
    monkeypatch.setenv("TRYGGHETSBOT_JURY_DEADLINE", "den 20 oktober")
    with pytest.raises(SettingsError, match="TRYGGHETSBOT_JURY_DEADLINE"):
        load_settings()


def test_only_jurors_see_jury_data() -> None:
    assert can_see_jury_data("J1", ["J1", "J2"])
    assert not can_see_jury_data("U5", ["J1", "J2"]) and not can_see_jury_data(None, ["J1"])


def test_a_nominator_sees_only_the_status_of_their_own() -> None:
    mine, theirs = make_nomination(1), make_nomination(2)
    me = mine.nominator
    assert nominator_view(mine, me) == {"id": mine.id, "nominee": mine.nominee, "status": "submitted"}
    assert nominator_view(theirs, me) is None
    assert nominator_views([mine, theirs], Nominator(name="X", email="x@example.se")) == []
    assert not JURY_ONLY_FIELDS & set(nominator_views([mine], me)[0])


def test_the_nominators_export_has_no_jury_fields() -> None:
    rules = Rules(default_knowledge().prize)
    for fmt in ("json", "csv"):
        payload = export_bytes([make_nomination(1)], fmt, rules).decode()  # type: ignore[arg-type]
        for name in ("score", "conflict", "eligible", "audit", "juror", "jäv", "poäng"):
            assert name not in payload.casefold()


def test_blank_reminder_days_mean_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRYGGHETSBOT_REMIND_DAYS", " ")
    monkeypatch.setenv("TRYGGHETSBOT_JURY_DEADLINE", "")
    monkeypatch.setenv("JURY_CHAIR_ID", "")
    settings = load_settings()
    assert settings.remind_days == [7, 1] and settings.jury_deadline is None and settings.jury_chair_id is None

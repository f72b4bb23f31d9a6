"""No English inside Swedish messages: argparse, pydantic, JSON errors, rounds, export failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.config import SettingsError, load_settings
from tests.cli.test_nominate import GOOD, run, write
from trygghetsbot.cli import main

ENGLISH = (
    "usage:",
    "options",
    "positional arguments",
    "show this help",
    "error:",
    "the following arguments",
    "invalid choice",
    "Input should",
    "Field required",
    "Extra inputs",
    "not valid JSON",
    "Expecting",
    "no nomination round",
    "Errno",
    "No such file",
    "must start",
)


def assert_no_english(text: str) -> None:
    for phrase in ENGLISH:
        assert phrase not in text, (phrase, text)


def test_help_is_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--help"], ["nominate", "--help"], ["nominations", "export", "--help"]):
        with pytest.raises(SystemExit) as done:
            main(args)
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("användning: trygghetsbot") and "visa den här hjälpen och avsluta" in out
        assert "flaggor:" in out
        assert_no_english(out)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["nominate"], "följande argument krävs: --file"),
        (["nominations", "export", "--format", "xml"], "ogiltigt val 'xml'"),
        (["nominations", "list", "--round", "x"], "ogiltigt värde 'x'"),
        (["ask", "--nope"], "okända argument: --nope"),
        (["nominations"], "följande argument krävs: ÅTGÄRD"),
    ],
)
def test_argument_errors_are_swedish(capsys: pytest.CaptureFixture[str], args: list[str], words: str) -> None:
    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("användning: ") and ": fel: " in err and words in err
    assert_no_english(err)


def test_pydantic_messages_are_translated_by_type(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = {**GOOD, "nominee": 1, "partners": "Polisen", "nominator": "Anna", "extra": True}
    del data["description"]
    code, out, _ = run(capsys, "nominate", "--file", write(env, data), "--json")
    assert code == 1
    messages = {e["field"]: e["message"] for e in json.loads(out)["errors"]}
    assert messages["nominee"] == "Fältet ”nominerad insats eller organisation”: ska vara text"
    assert messages["partners"] == "Fältet ”samverkande organisationer”: ska vara en lista ([…])"
    assert messages["nominator"] == "Fältet ”nominator”: ska vara ett JSON-objekt ({…})"
    assert messages["description"] == "Fältet ”beskrivning” får inte vara tomt."
    assert messages["extra"] == "Fältet ”extra”: är inget känt fält"
    code, out, _ = run(capsys, "nominate", "--file", write(env, {**GOOD, "partners": ["Polisen", 7]}), "--json")
    assert json.loads(out)["errors"][0]["message"] == "Fältet ”samverkande organisationer nr 2”: ska vara text"
    code, _, err = run(capsys, "nominate", "--file", write(env, [GOOD]))
    assert err.strip() == "Fältet ”fil”: ska vara ett JSON-objekt ({…})"


def test_settings_errors_are_swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value, words in [
        ("PORT", "nope", "ska vara ett heltal"),
        ("PORT", "70000", "får vara högst 65535"),
        ("TRYGGHETSBOT_NOW", "igår", "ska vara ett datum"),
        ("SLACK_API_URL", "ftp://x", "ska börja med http://"),
    ]:
        monkeypatch.setenv(name, value)
        with pytest.raises(SettingsError) as refused:
            load_settings(_env_file=None)
        message = str(refused.value)
        assert message.startswith(f"Ogiltig inställning {name}: ") and words in message
        assert_no_english(message)
        monkeypatch.delenv(name)


def test_bad_json_and_unknown_round_are_swedish(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (env / "bad.json").write_text('{"nominee": "x",\n nope}', "utf-8")
    code, _, err = run(capsys, "nominate", "--file", str(env / "bad.json"))
    assert code == 2 and "inte giltig JSON (fel på rad 2, kolumn 2)" in err
    assert_no_english(err)
    monkeypatch.setenv("TRYGGHETSBOT_ROUND", "2031")
    code, _, err = run(capsys, "nominate", "--file", write(env, GOOD))
    assert code == 2 and "det finns ingen omgång 2031" in err
    assert_no_english(err)


def test_export_to_a_missing_folder_says_it_cannot_write(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = env / "saknas" / "ut.csv"
    code, _, err = run(capsys, "nominations", "export", "--format", "csv", "--out", str(target))
    assert code == 2
    assert err.strip() == f"Kan inte skriva filen {target}: filen eller mappen finns inte."
    assert_no_english(err)


@pytest.mark.parametrize(("name", "words"), [("saknas.pdf", "finns inte"), (".", "är en mapp")])
def test_an_unreadable_document_to_import_is_named_in_swedish(
    env: Path, capsys: pytest.CaptureFixture[str], name: str, words: str
) -> None:
    code, _, err = run(capsys, "knowledge", "import", str(env / name), "--dry-run")
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1, err
    assert_no_english(err)
    assert "Is a directory" not in err


def test_a_broken_imported_file_is_named_in_swedish(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = env / "data" / "knowledge"
    (folder / "mapp.json").mkdir(parents=True)
    code, _, err = run(capsys, "ask", "vem vann 2019?")
    assert code == 2 and "mapp.json" in err and "är en mapp" in err, err
    assert "Is a directory" not in err and len(err.strip().splitlines()) == 1


def test_a_database_url_of_another_kind_is_refused_in_swedish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRYGGHETSBOT_DATABASE_URL", "mysql://db/trygghet")
    with pytest.raises(SettingsError) as refused:
        load_settings(_env_file=None)
    assert "ska börja med postgresql://" in str(refused.value)
    assert_no_english(str(refused.value))


def test_a_line_of_dot_env_that_cannot_be_read_is_named_in_swedish(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / ".env").write_text("TRYGGHETSBOT_NOW=2023-06-15\ndet här är ingen inställning\n", "utf-8")
    code, out, err = run(capsys, "ask", "vem vann 2019?")
    assert code == 0 and "Process Kedjan" in out
    assert err.strip() == (
        "Varning: rad 2 i .env kan inte läsas (en inställning skrivs NAMN=värde), så den används inte."
    ), err


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("TRYGGHETSBOT_DBB", "TRYGGHETSBOT_DB"),
        ("JURY_CHANNELS", "JURY_CHANNEL_IDS"),
        ("SLACK_BOT_TOKN", "SLACK_BOT_TOKEN"),
        ("TEAMS_APPID", "TEAMS_APP_ID"),
        ("trygghetsbot_lock_wiat", "TRYGGHETSBOT_LOCK_WAIT"),
    ],
)
def test_a_misspelt_setting_in_the_environment_names_the_real_one(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, meant: str
) -> None:
    monkeypatch.setenv(name, "x")
    code, _, err = run(capsys, "ask", "vem vann 2019?")
    assert code == 0
    assert err.strip() == f"Varning: {name} (i miljön) är ingen inställning för Trygghetsbot. Menade du {meant}?"


def test_a_misspelt_setting_in_dot_env_names_the_real_one(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (env / ".env").write_text("TRYGGHETSBOT_NOW=2023-06-15\nTRYGGHETSBOT_ROUDN=2023\n", "utf-8")
    code, _, err = run(capsys, "ask", "vem vann 2019?")
    assert code == 0
    assert err.strip() == (
        "Varning: TRYGGHETSBOT_ROUDN (i .env) är ingen inställning för Trygghetsbot. Menade du TRYGGHETSBOT_ROUND?"
    )


def test_real_and_unrelated_names_get_no_warning(
    env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("TRYGGHETSBOT_TEST_DATABASE_URL", "SLACK_SCOPES", "SLACK_WEBHOOK_URL", "JURY_ROOM", "PORT"):
        monkeypatch.setenv(name, "1")
    code, _, err = run(capsys, "ask", "vem vann 2019?")
    assert code == 0 and err == ""


def test_a_dot_env_that_is_not_utf8_stops_start_up_in_one_swedish_line(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / ".env").write_bytes(b"TRYGGHETSBOT_NOW=\xff\n")
    code, out, err = run(capsys, "ask", "vem vann 2019?")
    assert code == 2 and out == ""
    assert err.strip() == "Kan inte starta: .env är inte text i UTF-8. Spara filen som UTF-8 och försök igen."

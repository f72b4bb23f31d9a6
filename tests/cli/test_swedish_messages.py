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

"""``trygghetsbot ask`` as a user runs it: a real process, its output and exit code."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trygghetsbot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_ask_prints_the_answer_with_its_source() -> None:
    result = run_cli("ask", "vem", "vann", "2019?")
    assert result.returncode == 0
    assert "Process Kedjan" in result.stdout
    assert "Källa" in result.stdout


def test_ask_json_has_the_documented_fields() -> None:
    result = run_cli("ask", "--json", "how much did SSPF get in 2024?")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert {"answer", "intent", "lang", "sources"} <= data.keys()
    assert data["lang"] == "en" and data["intent"] == "budget_line"
    assert data["sources"][0]["title"] == "Trygghetspaketet 2025"


def test_empty_question_and_unknown_flag_fail_clearly() -> None:
    empty = run_cli("ask", "  ")
    assert empty.returncode != 0 and "Skriv en fråga" in empty.stderr
    unknown = run_cli("ask", "--bogus", "x")
    assert unknown.returncode != 0 and "--bogus" in unknown.stderr


def test_malformed_setting_stops_with_one_line_naming_it() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "trygghetsbot", "ask", "hej"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "TRYGGHETSBOT_NOW": "igår"},
    )
    assert result.returncode == 2
    assert "TRYGGHETSBOT_NOW" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    """`trygghetsbot ask … | head -c 5`: the pipe closes before the answer is written."""
    command = f"{sys.executable} -m trygghetsbot ask 'vem vann 2019?' | head -c 5"
    done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=60, check=False)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


def test_a_question_that_fails_gets_one_polite_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.answering import Answerer
    from bot.texts import t
    from trygghetsbot.cli import main

    def broken(self: Answerer, question: str, context: object = None) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(Answerer, "answer", broken)
    assert main(["ask", "vem vann 2019?"]) == 1
    captured = capsys.readouterr()
    assert captured.out.strip() == t("sv", "chat.error")
    assert "Traceback" not in captured.err

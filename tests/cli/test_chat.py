"""``trygghetsbot chat`` as a script runs it: a real process with piped stdin."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import open_store
from tests.texts import ADDED_VALUE, DESCRIPTION


def chat(tmp_path: Path, lines: list[str], *args: str, now: str = "2023-06-15") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "TRYGGHETSBOT_DB": str(tmp_path / "data" / "db.json"),
        "TRYGGHETSBOT_NOW": now,
        "SLACK_BOT_TOKEN": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "trygghetsbot", "chat", "--user", "anna", *args],
        input="".join(line + "\n" for line in lines),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        cwd=tmp_path,
    )


def test_json_mode_prints_one_object_per_message_through_a_whole_nomination(tmp_path: Path) -> None:
    lines = [
        "nominera",
        "Trygga Tensta",
        "vem vann 2019?",
        "Polisen, Skolan",
        "",
        DESCRIPTION,
        ADDED_VALUE,
        *["hoppa över"] * 4,
        "Anna",
        "hoppa över",
        "skicka",
    ]
    result = chat(tmp_path, lines, "--json")
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(replies) == len([line for line in lines if line])
    assert all({"answer", "intent", "lang", "sources"} <= reply.keys() for reply in replies)
    assert replies[0]["intent"] == "nomination_dialog"
    assert replies[2]["intent"] != "nomination_dialog" and "Process Kedjan" in replies[2]["answer"]
    assert "Tillbaka till nomineringen" in replies[2]["answer"]
    assert "är inskickad" in replies[-1]["answer"]

    listed = subprocess.run(
        [sys.executable, "-m", "trygghetsbot", "nominations", "list", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "TRYGGHETSBOT_DB": str(tmp_path / "data" / "db.json")},
        cwd=tmp_path,
    )
    (stored,) = json.loads(listed.stdout)
    assert stored["nominee"] == "Trygga Tensta" and stored["nominator"]["user_id"] == "console:anna"


def test_text_mode_without_a_terminal_has_no_prompt_and_resumes_after_restart(tmp_path: Path) -> None:
    first = chat(tmp_path, ["nominera", "Trygga Tensta"])
    assert first.returncode == 0 and "> " not in first.stdout
    assert first.stdout.rstrip().endswith(
        "Kriteriet: ”insatsen ska ske i samverkan mellan flera verksamheter/organisationer”."
    )
    # What a new run gets before it has shown the question is not taken as its answer ...
    second = chat(tmp_path, ["Polisen, Skolan"])
    assert second.returncode == 0
    assert second.stdout.startswith("Du har en påbörjad nominering (fråga 2 av 10). Vi fortsätter här:")
    # ... "fortsätt" shows it, and then the answer is taken.
    third = chat(tmp_path, ["fortsätt", "Polisen, Skolan"])
    assert third.returncode == 0
    assert third.stdout.strip().endswith("Beskriv insatsen: vad görs, var och för vem?")
    listed = subprocess.run(
        [sys.executable, "-m", "trygghetsbot", "chat", "--json", "--user", "anna"],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "TRYGGHETSBOT_DB": str(tmp_path / "data" / "db.json"), "TRYGGHETSBOT_NOW": "2023-06-15"},
        cwd=tmp_path,
    )
    assert listed.stdout == ""  # no greeting in JSON mode: one object per input line


def test_outside_the_period_the_chat_says_when_and_stores_nothing(tmp_path: Path) -> None:
    result = chat(tmp_path, ["nominera", "Trygga Tensta"], "--json", now="2023-05-20")
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(replies) == 2
    assert "har inte öppnat än" in replies[0]["answer"] and "1 juni 2023" in replies[0]["answer"]
    assert replies[1]["intent"] != "nomination_dialog"
    assert not (tmp_path / "data" / "db.shards").exists()


def test_parallel_chats_of_one_user_keep_their_own_follow_ups(tmp_path: Path) -> None:
    """Two scripts chatting at once share the database but not each other's "och 2024?"."""
    env = {**os.environ, "TRYGGHETSBOT_DB": str(tmp_path / "db.json"), "SLACK_BOT_TOKEN": ""}
    conversations = {
        "budget": ["vad fick trygghetsvärdar 2025?", "och 2024?"] * 5,
        "winners": ["vem vann 2019?", "och året innan?"] * 5,
    }
    processes = {name: start_chat(tmp_path, "--json", env=env) for name in conversations}
    outputs = {
        name: process.communicate("".join(line + "\n" for line in conversations[name]), timeout=60)
        for name, process in processes.items()
    }
    for name, (stdout, stderr) in outputs.items():
        assert processes[name].returncode == 0, stderr
        answers = [json.loads(line)["answer"] for line in stdout.splitlines()]
        assert len(answers) == 10
        follow_ups = answers[1::2]
        if name == "budget":
            assert all("1,4 mkr" in answer and "1,6 mkr" in answer for answer in follow_ups)
        else:
            assert all("Östberga" in answer for answer in follow_ups)


def test_a_message_that_fails_gets_a_polite_line_and_the_chat_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from trygghetsbot.cli import chat as chat_module
    from trygghetsbot.cli import main

    real = chat_module.Console.handle
    calls = []

    async def flaky(self: chat_module.Console, message: str) -> object:
        calls.append(message)
        if len(calls) == 1:
            raise RuntimeError("a bug")
        return await real(self, message)

    monkeypatch.setattr(chat_module.Console, "handle", flaky)
    monkeypatch.setenv("TRYGGHETSBOT_DB", str(tmp_path / "db.json"))
    monkeypatch.setattr("sys.stdin", io.StringIO("första\nvem vann 2019?\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "Något gick fel hos mig" in out and "Process Kedjan" in out


@pytest.mark.parametrize("word", ["avsluta", "Quit", "exit."])
def test_a_quit_word_ends_the_chat_with_a_goodbye(tmp_path: Path, word: str) -> None:
    result = chat(tmp_path, ["vem vann 2019?", word, "vem vann 2020?"])
    assert result.returncode == 0, result.stderr
    assert "Process Kedjan" in result.stdout and "Storasyster" not in result.stdout
    assert result.stdout.rstrip().splitlines()[-1] == "Hej då! Välkommen tillbaka."
    assert result.stderr == ""


def start_chat(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``trygghetsbot chat`` as user anna in ``tmp_path`` (default: its own database, a fixed day)."""
    if env is None:
        env = {**os.environ, "TRYGGHETSBOT_DB": str(tmp_path / "data" / "db.json"), "TRYGGHETSBOT_NOW": "2023-06-15"}
    return subprocess.Popen(
        [sys.executable, "-m", "trygghetsbot", "chat", "--user", "anna", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )


def test_ctrl_c_says_goodbye_without_a_traceback_and_keeps_the_dialog(tmp_path: Path) -> None:
    process = start_chat(tmp_path)
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("nominera\nTrygga Tensta\n")
    process.stdin.flush()
    while "Kriteriet:" not in process.stdout.readline():  # the partners question: the name is saved
        pass
    process.send_signal(signal.SIGINT)  # waiting for the next line, as at the prompt
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stdout.strip() == "Hej då! Välkommen tillbaka."
    assert stderr == ""
    again = chat(tmp_path, ["fortsätt"])
    assert "Vilka organisationer genomför insatsen" in again.stdout


def test_json_mode_answers_every_line_as_a_question_despite_a_dialog_in_progress(tmp_path: Path) -> None:
    chat(tmp_path, ["nominera", "Trygga Tensta"])  # an interactive session left a nomination at question 2
    result = chat(tmp_path, ["vem vann 2019?", "Polisen, Skolan", "avsluta"], "--json")
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(replies) == 3
    assert [reply["intent"] for reply in replies].count("nomination_dialog") == 0
    assert "Process Kedjan" in replies[0]["answer"]
    # The dialog is where it was: the lines were not taken as its answers.
    again = chat(tmp_path, ["fortsätt"])
    assert "Vi fortsätter där du var" in again.stdout and "Vilka organisationer genomför insatsen" in again.stdout


@pytest.fixture
def held_database(tmp_path: Path) -> Iterator[Path]:
    """The database as a running ``serve`` holds it: open for writing in another process."""
    path = tmp_path / "data" / "db.json"
    store = open_store(path)
    try:
        yield path
    finally:
        store.close()


def test_questions_are_answered_while_another_process_holds_the_database(tmp_path: Path, held_database: Path) -> None:
    env = {**os.environ, "TRYGGHETSBOT_DB": str(held_database), "TRYGGHETSBOT_LOCK_WAIT": "1"}
    started = time.monotonic()
    result = chat(tmp_path, ["vem vann 2019?", "och året innan?"], "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    answers = [json.loads(line)["answer"] for line in result.stdout.splitlines()]
    assert "Process Kedjan" in answers[0] and "Östberga" in answers[1]  # the follow-up context too
    assert time.monotonic() - started < 20  # no wait for the lock per question
    text = chat(tmp_path, ["vem vann 2019?"])
    assert text.returncode == 0 and "Process Kedjan" in text.stdout and text.stderr == ""
    asked = subprocess.run(
        [sys.executable, "-m", "trygghetsbot", "ask", "vem vann 2019?"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        cwd=tmp_path,
    )
    assert asked.returncode == 0 and "Process Kedjan" in asked.stdout and asked.stderr == ""


def test_a_dialog_step_while_another_process_holds_the_database_gets_the_clear_line(
    tmp_path: Path, held_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRYGGHETSBOT_LOCK_WAIT", "0.2")
    result = chat(tmp_path, ["nominera", "vem vann 2019?"])
    assert "en annan Trygghetsbot-process skriver i databasen" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "Process Kedjan" in result.stdout  # the chat goes on: the question after it is answered
    assert result.returncode == 0


def test_a_question_beside_an_unfinished_nomination_is_answered_while_the_database_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat(tmp_path, ["nominera", "Trygga Tensta"])
    monkeypatch.setenv("TRYGGHETSBOT_LOCK_WAIT", "0.2")
    store = open_store(tmp_path / "data" / "db.json")
    try:
        result = chat(tmp_path, ["vem vann 2019?"])
    finally:
        store.close()
    assert result.returncode == 0 and result.stderr == ""
    assert "Process Kedjan" in result.stdout and "Tillbaka till nomineringen" in result.stdout

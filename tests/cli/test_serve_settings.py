"""serve and socket refuse to start without their settings: one line naming the setting, no traceback;
serve runs the platforms that are configured."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    base = {"PATH": "/usr/bin:/bin", "TRYGGHETSBOT_DB": str(cwd / "db.json")}
    return subprocess.run(
        [sys.executable, "-m", "trygghetsbot", *args],
        env=base | env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "env", "missing"),
    [
        (["serve"], {}, "SLACK_BOT_TOKEN"),
        (["serve"], {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
        (["socket"], {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN"),
        (["socket"], {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-wrong"}, "SLACK_APP_TOKEN"),
        (["serve"], {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "PORT": "nope"}, "PORT"),
        (["serve"], {"SLACK_API_URL": "ftp://x"}, "SLACK_API_URL"),
    ],
)
def test_missing_or_malformed_setting(args: list[str], env: dict[str, str], missing: str, tmp_path: Path) -> None:
    result = run(args, env, tmp_path)
    assert result.returncode == 2
    assert missing in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_without_jury_channels_warns_at_start_up(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "TRYGGHETSBOT_DB": str(tmp_path / "db.json"),
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_SIGNING_SECRET": "s",
        "SLACK_API_URL": "http://127.0.0.1:9/api/",  # nothing listens: the identity check fails quietly
        "TRYGGHETSBOT_HOST": "127.0.0.1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "trygghetsbot", "serve", "--port", "0"],
        env=env,
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline()
        assert first.startswith("Varning: JURY_CHANNEL_IDS är inte satt")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_without_any_platform_says_what_to_set(tmp_path: Path) -> None:
    result = run(["serve"], {}, tmp_path)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "SLACK_BOT_TOKEN" in result.stderr and "TEAMS_APP_ID" in result.stderr


def test_teams_anonymous_mode_is_refused_with_an_app_id(tmp_path: Path) -> None:
    result = run(["serve"], {"TEAMS_APP_ID": "app", "TEAMS_ALLOW_ANONYMOUS": "true"}, tmp_path)
    assert result.returncode == 2 and "TEAMS_ALLOW_ANONYMOUS" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_untrusted_teams_service_url_is_refused(tmp_path: Path) -> None:
    result = run(["serve"], {"TEAMS_ALLOW_ANONYMOUS": "true", "TEAMS_SERVICE_URL": "http://127.0.0.1:9/"}, tmp_path)
    assert result.returncode == 2 and "TEAMS_TRUSTED_SERVICE_URLS" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_serve_with_only_teams_serves_only_teams(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        "PATH": "/usr/bin:/bin",
        "TRYGGHETSBOT_DB": str(tmp_path / "db.json"),
        "TEAMS_ALLOW_ANONYMOUS": "true",
        "TRYGGHETSBOT_HOST": "127.0.0.1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "trygghetsbot", "serve", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stderr=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
    )

    def status(method: str, path: str, body: bytes | None = None) -> int:
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method)
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code

    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert status("GET", "/healthz") == 200
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
        assert status("POST", "/api/messages", b"not json") == 400
        assert status("POST", "/slack/events", b"x") in (404, 405)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("args", [["serve"], ["chat"], ["ask", "vem vann 2019?"], ["nominations", "list"]])
def test_a_round_the_data_does_not_have_is_refused_at_start_up(args: list[str], tmp_path: Path) -> None:
    env = {"TRYGGHETSBOT_ROUND": "2019", "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "PORT": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "trygghetsbot", *args],
        env={"PATH": "/usr/bin:/bin", "TRYGGHETSBOT_DB": str(tmp_path / "db.json")} | env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        input="nominera\n",
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "Kan inte starta: Ogiltig inställning TRYGGHETSBOT_ROUND: "
        "det finns ingen omgång 2019 i kunskapsdatan (kända omgångar: 2023)."
    )
    assert result.stdout == ""

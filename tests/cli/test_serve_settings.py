"""Slack modes refuse to start without their settings: one line naming the setting, no traceback."""

from __future__ import annotations

import subprocess
import sys
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

"""``cp .env.example .env`` must not stop any command: an empty value means "not set"."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import DEFAULT_SLACK_API_URL, load_settings
from tests.texts import ADDED_VALUE, DESCRIPTION

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / ".env.example"
NOMINATION = {
    "nominee": "Trygga Tensta",
    "partners": ["Polisen", "Fältassistenterna"],
    "description": DESCRIPTION,
    "added_value": ADDED_VALUE,
    "nominator": {"name": "Anna Andersson", "email": "anna@example.se"},
}


def blanked(text: str) -> str:
    """Every ``NAME=value`` line of the example as ``NAME=``."""
    lines = [
        line.split("=", 1)[0] + "=" if "=" in line and not line.startswith("#") else line for line in text.splitlines()
    ]
    return "\n".join(lines) + "\n"


def run(
    cwd: Path, *args: str, stdin: str = "", extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trygghetsbot", *args],
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **(extra or {})},
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(params=["as_is", "all_blank"])
def env_dir(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    text = EXAMPLE.read_text("utf-8")
    (tmp_path / ".env").write_text(text if request.param == "as_is" else blanked(text), "utf-8")
    (tmp_path / "n.json").write_text(json.dumps(NOMINATION, ensure_ascii=False), "utf-8")
    return tmp_path


def test_every_command_runs_with_the_example_env(env_dir: Path) -> None:
    ask = run(env_dir, "ask", "vem vann 2019?")
    assert ask.returncode == 0, ask.stderr
    assert "2019" in ask.stdout
    chat = run(env_dir, "chat", stdin="vem vann 2019?\n")
    assert chat.returncode == 0, chat.stderr
    nominate = run(env_dir, "nominate", "--file", "n.json", extra={"TRYGGHETSBOT_NOW": "2023-06-15"})
    assert nominate.returncode == 0, nominate.stderr
    listing = run(env_dir, "nominations", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    assert [n["nominee"] for n in json.loads(listing.stdout)] == ["Trygga Tensta"]
    export = run(env_dir, "nominations", "export", "--format", "json")
    assert export.returncode == 0, export.stderr
    # The default database path applies when TRYGGHETSBOT_DB is empty.
    assert (env_dir / "data" / "trygghetsbot.json").exists()
    serve = run(env_dir, "serve")  # no Slack tokens: refused for the token, not for a blank setting
    assert "Ogiltig inställning" not in serve.stderr and "Traceback" not in serve.stderr
    assert "SLACK_BOT_TOKEN" in serve.stderr


def test_blank_values_mean_the_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "TRYGGHETSBOT_DB",
        "TRYGGHETSBOT_ROUND",
        "TRYGGHETSBOT_NOW",
        "PORT",
        "SLACK_API_URL",
        "TRYGGHETSBOT_OUTBOX_LEASE_SECONDS",
    ):
        monkeypatch.delenv(name, raising=False)
    env_file = tmp_path / ".env"
    env_file.write_text(blanked(EXAMPLE.read_text("utf-8")) + 'TRYGGHETSBOT_HOST="  "\n', "utf-8")
    settings = load_settings(_env_file=env_file)
    assert settings.round_year is None and settings.now is None
    assert settings.port == 3000 and settings.host == "0.0.0.0"
    assert settings.db_path == Path("data") / "trygghetsbot.json"
    assert settings.slack_api_url == DEFAULT_SLACK_API_URL
    assert settings.outbox_lease_seconds == 15  # short: renewed while its worker lives
    assert settings.slack_bot_token is None and settings.jury_channel_ids == []


def test_an_empty_environment_variable_falls_back_to_the_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("PORT=4000\n", "utf-8")
    monkeypatch.setenv("PORT", "")
    monkeypatch.setenv("TRYGGHETSBOT_ROUND", "")
    settings = load_settings(_env_file=env_file)
    assert settings.port == 4000 and settings.round_year is None

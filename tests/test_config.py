"""Settings: every empty value means unset, so a copied .env.example works as it is."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_left_empty_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        names = [alias] if isinstance(alias, str) else list(getattr(alias, "choices", []))
        for name in names:
            monkeypatch.setenv(str(name), "")
    settings = load_settings(_env_file=None)
    assert settings.round_year is None and settings.port == 3000 and settings.now is None
    assert settings.jury_channel_ids == [] and settings.slack_bot_token is None


def test_a_copied_env_example_runs_every_command(tmp_path: Path) -> None:
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRYGGHETSBOT_", "SLACK_", "JURY_", "PORT"))}
    for args in (["ask", "vem vann 2019?"], ["nominations", "list"]):
        done = subprocess.run(
            [sys.executable, "-m", "bot", *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert "Ogiltig inställning" not in done.stderr

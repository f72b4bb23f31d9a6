from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated working directory with the database and clock pinned to an open period."""
    monkeypatch.chdir(tmp_path)
    for name in (
        "TRYGGHETSBOT_DB",
        "TRYGGHETSBOT_DATABASE_URL",
        "TRYGGHETSBOT_NOW",
        "TRYGGHETSBOT_ROUND",
        "SLACK_BOT_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TRYGGHETSBOT_DB", str(tmp_path / "data" / "db.json"))
    monkeypatch.setenv("TRYGGHETSBOT_NOW", "2023-06-15")
    return tmp_path

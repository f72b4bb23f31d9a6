"""The Teams app package: a manifest with the three scopes and the commands, and its two icons."""

from __future__ import annotations

import json
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
APP = ROOT / "teams-app"


def test_manifest_scopes_and_commands() -> None:
    manifest = json.loads((APP / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["$schema"].endswith(f"/v{manifest['manifestVersion']}/MicrosoftTeams.schema.json")
    [bot] = manifest["bots"]
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    titles = [command["title"] for lists in bot["commandLists"] for command in lists["commands"]]
    assert {"nominera", "mina nomineringar"} <= set(titles)
    assert any(title.endswith("?") for title in titles)  # example questions
    assert all(len(title) <= 32 for title in titles)


def test_icons_are_pngs_of_the_sizes_teams_asks_for() -> None:
    for name, size in (("color.png", 192), ("outline.png", 32)):
        data = (APP / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert struct.unpack(">II", data[16:24]) == (size, size)

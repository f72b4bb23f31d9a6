"""The OAuth install asks for exactly the manifest's bot scopes."""

from __future__ import annotations

import re
from pathlib import Path

from handlers.slack.transport.oauth import BOT_SCOPES

MANIFEST = Path(__file__).resolve().parents[3] / "slack-manifest.yml"


def manifest_bot_scopes() -> list[str]:
    """The list under ``oauth_config: scopes: bot:`` (read without a YAML library: one item per line)."""
    block = MANIFEST.read_text("utf-8").split("    bot:\n", 1)[1]
    scopes = []
    for line in block.splitlines():
        item = re.match(r"\s+- ([\w:.]+)", line)
        if item is None:
            break
        scopes.append(item.group(1))
    return scopes


def test_the_install_asks_for_the_manifests_bot_scopes() -> None:
    assert manifest_bot_scopes()
    assert sorted(BOT_SCOPES) == sorted(manifest_bot_scopes())

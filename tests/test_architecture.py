"""The arrows run one way: trygghetsbot -> handlers -> bot, store -> bot; the core imports no platform.

Checked on the source (every import statement, also inside functions), so a lazy import cannot
sneak a platform into the core.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# package -> packages it must never import
FORBIDDEN = {
    "bot": {"handlers", "store", "trygghetsbot", "slack_bolt", "slack_sdk", "aiohttp", "tinydb", "psycopg"},
    "store": {"handlers", "trygghetsbot"},
    "handlers": {"trygghetsbot"},
}


def imported_packages(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_runs_against_the_arrows(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


# What opens a store or builds the core: only the composition root (trygghetsbot/compose.py) may call
# these; an adapter receives the core factory and the store opener it hands out.
WIRING = {"open_store", "open_store_async", "build_router", "build_assistant", "build_service", "build_jury_service"}


def imported_names(path: Path) -> set[str]:
    return {
        alias.name
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_only_the_composition_root_opens_stores_and_builds_the_core() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_names(path) & WIRING)
        for package in ("handlers", "bot")
        for path in (ROOT / package).rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}

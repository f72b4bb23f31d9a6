"""CI runs exactly the README's test command, and that command lints, checks formatting and types."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("Run the checks and tests", 1)[1]
    match = re.search(r"```sh\n(.+?)\n```", section, re.S)
    assert match, "no test command in the README"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command() -> None:
    assert readme_test_command() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_test_command_lints_formats_and_type_checks() -> None:
    command = readme_test_command()
    for step in ("ruff check .", "ruff format --check .", "mypy", "pytest"):
        assert step in command

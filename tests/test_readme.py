"""The README shows how to try nominating: its TRYGGHETSBOT_NOW date lies in the round's period."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from bot.knowledge import default_knowledge

ROOT = Path(__file__).resolve().parents[1]


def test_the_quick_start_date_is_inside_the_nomination_period() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"TRYGGHETSBOT_NOW=(\d{4}-\d{2}-\d{2}) \S*trygghetsbot chat", quick_start)
    assert match, "the quick start shows no dated chat"
    day = date.fromisoformat(match.group(1))
    current = default_knowledge().prize.latest_round
    assert current.nomination_opens <= day <= current.nomination_closes

from __future__ import annotations

from bot.texts.sv.jury import TEXTS as SV


def test_refusals_are_one_line() -> None:
    assert all("\n" not in text for key, text in SV.items() if key.startswith("jury.error."))

from __future__ import annotations

from handlers.logtext import one_line


def test_a_reason_from_outside_becomes_one_log_line() -> None:
    assert one_line("malformed payload at a\nb:\r\n  type") == "malformed payload at a b: type"
    assert one_line("x\x1b[31mred\x00") == "x\\x1b[31mred\\x00"
    assert one_line("\u2028".join(["a", "b"])) == "a b"
    long = one_line("ord " * 200)
    assert len(long) == 300 and long.endswith("…")

"""Kill -9 a process while it writes nominations in a loop; every acknowledged write survives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from store import open_store

WRITER = textwrap.dedent(
    """
    import asyncio, sys
    from datetime import datetime
    from zoneinfo import ZoneInfo
    from bot.nominations.model import Nomination, Nominator
    from bot.outbox.model import OutboxMessage
    from store import open_store

    NOW = datetime(2023, 6, 15, tzinfo=ZoneInfo("Europe/Stockholm"))

    async def main() -> None:
        db = open_store(sys.argv[1])
        i = 0
        while True:
            n = Nomination(
                nominee=f"Insats {i} " + "x" * 500, partners=["Polisen", "Skolan"],
                description="d" * 800, added_value="Ett mervärde utöver det ordinarie uppdraget.",
                round_year=2023, status="submitted", nominator=Nominator(name="A", email="a@example.se"),
                created_at=NOW, updated_at=NOW, submitted_at=NOW,
            )
            event = OutboxMessage(kind="nomination_submitted", nomination_id=n.id, round_year=2023,
                                  created_at=NOW, next_attempt_at=NOW)
            await db.nominations.submit(n, event)
            # Acknowledged only after submit returned, i.e. after fsync and rename.
            print(n.id, flush=True)
            i += 1

    asyncio.run(main())
    """
)


def run_and_kill(db: Path, acks_before_kill: int) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.stdout is not None
    acked: list[str] = []
    try:
        while len(acked) < acks_before_kill:
            line = child.stdout.readline()
            assert line, "writer died early"
            acked.append(line.strip())
        # The child keeps writing: the kill lands at an arbitrary point of a write.
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        acked.extend(line.strip() for line in child.stdout.read().splitlines() if line.strip())
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return acked


async def test_sigkill_mid_write_loses_no_acknowledged_nomination(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    acked: list[str] = []
    for acks in (25, 40, 60):
        acked += run_and_kill(db, acks)
        with open_store(db) as store:
            stored = {n.id for n in await store.nominations.list()}
            outbox = {m.nomination_id for m in await store.outbox.list()}
        missing = set(acked) - stored
        assert not missing, f"{len(missing)} acknowledged nominations lost"
        # Nomination and outbox message were one write: neither exists without the other.
        assert outbox == stored
        assert not list(tmp_path.rglob("*.tmp")), "stale temporary files are cleaned up on open"

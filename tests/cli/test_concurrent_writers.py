"""Writers wait (bounded) for each other's database lock instead of failing at once."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from store import StoreLockedError, open_store
from tests.cli.cli_process import ROOT
from tests.texts import ADDED_VALUE, DESCRIPTION

GOOD = {
    "partners": ["Polisen", "Fältassistenterna"],
    "description": DESCRIPTION,
    "added_value": ADDED_VALUE,
    "nominator": {"name": "Anna Andersson", "email": "anna@example.se"},
}


def child_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "TRYGGHETSBOT_DB": str(tmp_path / "data" / "db.json"),
        "TRYGGHETSBOT_NOW": "2023-06-15",
        **extra,
    }


@pytest.fixture(params=["tinydb", "postgres"])
def backend_env(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    """The environment of the child processes: the TinyDB file, or a fresh PostgreSQL database."""
    if request.param == "postgres":
        return child_env(tmp_path, TRYGGHETSBOT_DATABASE_URL=str(request.getfixturevalue("postgres_url")))
    return child_env(tmp_path)


def test_eight_nominate_processes_at_once_all_succeed(tmp_path: Path, backend_env: dict[str, str]) -> None:
    files = []
    for number in range(8):
        path = tmp_path / f"n{number}.json"
        path.write_text(json.dumps({**GOOD, "nominee": f"Trygga kvarteret {number}"}, ensure_ascii=False), "utf-8")
        files.append(path)
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "trygghetsbot", "nominate", "--file", str(path), "--json"],
            env=backend_env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files
    ]
    results = [
        (p.wait(timeout=120), p.stdout.read() if p.stdout else "", p.stderr.read() if p.stderr else "")
        for p in processes
    ]
    for code, _, err in results:
        assert code == 0, err
    ids = {json.loads(out)["id"] for _, out, _ in results}
    listing = subprocess.run(
        [sys.executable, "-m", "trygghetsbot", "nominations", "list", "--json"],
        env=backend_env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    stored = json.loads(listing.stdout)
    assert {n["id"] for n in stored} == ids and len(ids) == 8
    # On PostgreSQL no TinyDB file is touched at all.
    assert (tmp_path / "data" / "db.json").exists() == ("TRYGGHETSBOT_DATABASE_URL" not in backend_env)


def hold_lock(db: Path) -> int:
    db.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(db.with_name(db.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def test_a_writer_gives_up_after_the_wait_with_one_swedish_line(tmp_path: Path) -> None:
    (tmp_path / "n.json").write_text(json.dumps({**GOOD, "nominee": "Trygga Tensta"}, ensure_ascii=False), "utf-8")
    fd = hold_lock(tmp_path / "data" / "db.json")
    try:
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "trygghetsbot", "nominate", "--file", "n.json"],
            env=child_env(tmp_path, TRYGGHETSBOT_LOCK_WAIT="0.5"),
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        elapsed = time.monotonic() - started
    finally:
        os.close(fd)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "en annan Trygghetsbot-process" in lines[0] and "0.5 sekunder" in lines[0]
    assert elapsed >= 0.5


def test_open_store_waits_for_the_lock_to_be_released(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    fd = hold_lock(db)
    threading.Timer(0.3, os.close, args=(fd,)).start()
    started = time.monotonic()
    with open_store(db, lock_wait=5):
        pass
    assert 0.2 < time.monotonic() - started < 5


def test_without_a_wait_a_held_lock_is_refused_at_once(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    fd = hold_lock(db)
    try:
        with pytest.raises(StoreLockedError):
            open_store(db, lock_wait=0)
    finally:
        os.close(fd)

"""Run ``trygghetsbot`` in a subprocess, optionally as an unprivileged user.

Permission checks are only real for a user without root's rights. When the tests
run as root, the child imports everything it needs first (the interpreter lives
under /root, which ``nobody`` cannot read), then drops to ``nobody`` and runs the
command, so ``open()`` on a mode-000 file really fails.
"""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CHILD = """
import asyncio, hashlib, json, os, re, sys, unicodedata, zoneinfo
import encodings.utf_8_sig, encodings.latin_1, concurrent.futures.thread, asyncio.threads
import trygghetsbot.cli
from trygghetsbot.cli import build_parser, main
from bot.knowledge import default_knowledge
build_parser()
default_knowledge()
zoneinfo.ZoneInfo("Europe/Stockholm")
uid = int(os.environ.pop("RUN_AS_UID", "-1"))
if uid >= 0 and os.geteuid() == 0:
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)
sys.exit(main(sys.argv[1:]))
"""


def unprivileged_uid() -> int:
    """``nobody`` when running as root, otherwise the current user (already unprivileged)."""
    return pwd.getpwnam("nobody").pw_uid if os.geteuid() == 0 else os.geteuid()


def give_to_runner(path: Path) -> None:
    """Make ``path`` (recursively) the unprivileged runner's own."""
    if os.geteuid() != 0:
        return
    uid = unprivileged_uid()
    for item in [path, *path.rglob("*")]:
        os.chown(item, uid, uid, follow_symlinks=False)


def run_cli(
    cwd: Path,
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str = "",
    unprivileged: bool = False,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    child_env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8", **(env or {})}
    if unprivileged:
        child_env["RUN_AS_UID"] = str(unprivileged_uid())
    return subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        env=child_env,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )

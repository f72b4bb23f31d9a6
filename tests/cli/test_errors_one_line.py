"""Unusable databases and hostile input files: one Swedish line on stderr, a non-zero exit, no traceback.

The permission cases run the command as an unprivileged user (see ``cli_process``),
so a mode-000 file really cannot be opened.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cli.cli_process import give_to_runner, run_cli
from tests.texts import ADDED_VALUE, DESCRIPTION

GOOD: dict[str, Any] = {
    "nominee": "Trygga Tensta",
    "partners": ["Polisen", "Fältassistenterna"],
    "description": DESCRIPTION,
    "added_value": ADDED_VALUE,
    "nominator": {"name": "Anna Andersson", "email": "anna@example.se"},
}
ENGLISH = ("Traceback", "Errno", "denied", "Error", "not valid", "No such", "Is a directory", "surrogate")


@pytest.fixture
def work() -> Iterator[Path]:
    """A folder the unprivileged runner owns (pytest's own tmp folders are root-only)."""
    base = Path(tempfile.mkdtemp(prefix="trygghetsbot-"))
    base.chmod(0o755)
    (base / "n.json").write_text(json.dumps(GOOD, ensure_ascii=False), "utf-8")
    try:
        yield base
    finally:
        shutil.rmtree(base, ignore_errors=True)


def env_for(work: Path, db: Path | None = None) -> dict[str, str]:
    return {"TRYGGHETSBOT_DB": str(db or work / "data" / "db.json"), "TRYGGHETSBOT_NOW": "2023-06-15"}


def assert_one_swedish_line(result: Any, *words: str) -> None:
    assert result.returncode != 0, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for english in ENGLISH:
        assert english not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def submit_one(work: Path) -> None:
    result = run_cli(work, "nominate", "--file", "n.json", env=env_for(work))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("args", "stdin"),
    [(("nominate", "--file", "n.json"), ""), (("nominations", "list"), ""), (("chat",), "vem vann 2019?\n")],
)
def test_database_path_is_a_folder(work: Path, args: tuple[str, ...], stdin: str) -> None:
    (work / "data" / "db.json").mkdir(parents=True)
    result = run_cli(work, *args, env=env_for(work), stdin=stdin)
    assert_one_swedish_line(result, "Databasen kan inte användas", "db.json", "mapp")


@pytest.mark.parametrize("args", [("nominate", "--file", "n.json"), ("nominations", "list")])
def test_permission_denied_on_the_database_file(work: Path, args: tuple[str, ...]) -> None:
    submit_one(work)
    give_to_runner(work)
    (work / "data" / "db.json").chmod(0)
    result = run_cli(work, *args, env=env_for(work), unprivileged=True)
    assert_one_swedish_line(result, "db.json", "åtkomst nekad")


def test_permission_denied_on_the_lock_file(work: Path) -> None:
    submit_one(work)
    give_to_runner(work)
    (work / "data" / "db.json.lock").chmod(0)
    result = run_cli(work, "nominate", "--file", "n.json", env=env_for(work), unprivileged=True)
    assert_one_swedish_line(result, "db.json.lock", "åtkomst nekad")


@pytest.mark.parametrize("args", [("nominate", "--file", "n.json"), ("nominations", "list")])
def test_permission_denied_on_a_shard(work: Path, args: tuple[str, ...]) -> None:
    submit_one(work)
    give_to_runner(work)
    shard = next((work / "data" / "db.shards").rglob("*.json"))
    shard.chmod(0)
    result = run_cli(work, *args, env=env_for(work), unprivileged=True)
    assert_one_swedish_line(result, shard.name, "åtkomst nekad")


def test_permission_denied_on_the_shard_folder_when_writing(work: Path) -> None:
    submit_one(work)
    (folder,) = (work / "data" / "db.shards").iterdir()
    for shard in folder.iterdir():
        shard.unlink()  # every new nomination now needs a new file in the folder
    give_to_runner(work)
    folder.chmod(0o555)
    result = run_cli(work, "nominate", "--file", "n.json", env=env_for(work), unprivileged=True)
    assert_one_swedish_line(result, folder.name, "kan inte skrivas", "åtkomst nekad")


@pytest.mark.parametrize("args", [("nominate", "--file", "n.json"), ("nominations", "list")])
def test_stored_record_that_fails_validation_names_its_file(work: Path, args: tuple[str, ...]) -> None:
    submit_one(work)
    shard = next((work / "data" / "db.shards").rglob("*.json"))
    data = json.loads(shard.read_text("utf-8"))
    for doc in data["nominations"].values():
        doc["created_at"] = "igår"
    shard.write_text(json.dumps(data), "utf-8")
    before = shard.read_bytes()
    result = run_cli(work, *args, env=env_for(work))
    assert_one_swedish_line(result, "Databasen kan inte användas", shard.name, "created_at")
    assert shard.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (json.dumps({**GOOD, "nominee": "Trygga\ud800Tensta"}), ("nominerad insats",)),
        (json.dumps({**GOOD, "nominator": {"name": "Anna\udfff", "email": "anna@example.se"}}), ("ditt namn",)),
        ("[" * 100_000 + "]" * 100_000, ("för djupt nästlad",)),
        ('{"nominee": ' + "9" * 5000 + "}", ("för långt tal",)),
        ("{nope", ("inte giltig JSON", "rad 1")),
        (b"\xff\xfe{}".decode("latin-1"), ("UTF-8",)),
    ],
)
def test_hostile_nomination_files(work: Path, content: str, words: tuple[str, ...]) -> None:
    encoding = "latin-1" if content.startswith("\xff") else "utf-8"
    (work / "bad.json").write_text(content, encoding)
    result = run_cli(work, "nominate", "--file", "bad.json", env=env_for(work))
    assert_one_swedish_line(result, *words)
    listing = run_cli(work, "nominations", "list", "--json", env=env_for(work))
    assert listing.returncode == 0 and json.loads(listing.stdout) == []


@pytest.mark.parametrize(
    "args",
    [
        ("ask", "\udcff"),  # the shell's $'\xff': Python hands it over as a lone surrogate
        ("chat", "--user", "anna\udcff"),
        ("nominate", "--file", "n.json", "--key", "k\udce4"),
    ],
)
def test_an_argument_that_is_not_utf8_is_refused_in_one_line(work: Path, args: tuple[str, ...]) -> None:
    result = run_cli(work, *args, env=env_for(work), stdin="vem vann 2019?\n")
    assert_one_swedish_line(result, "UTF-8", "\ufffd")
    assert result.returncode == 2
    assert result.stdout == ""


def test_a_nomination_file_without_end_is_refused_before_it_is_read(work: Path) -> None:
    result = run_cli(work, "nominate", "--file", "/dev/zero", env=env_for(work), timeout=20)
    assert_one_swedish_line(result, "/dev/zero", "för stor")
    assert result.returncode == 2


def test_a_nomination_file_over_the_limit_is_refused(work: Path) -> None:
    (work / "big.json").write_text(json.dumps({**GOOD, "description": "ord " * 300_000}), "utf-8")
    result = run_cli(work, "nominate", "--file", "big.json", env=env_for(work))
    assert_one_swedish_line(result, "big.json", "för stor", "1 MB")

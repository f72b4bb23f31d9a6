"""TinyDB-only store behaviour: files, atomic writes, locking, corruption (the contract: test_contract.py)."""

from __future__ import annotations

import asyncio
import errno
import json
from pathlib import Path

import pytest

import store.atomic
import store.engine
from bot.nominations.state import ConversationState
from store import SchemaVersionError, StoreCorruptError, StoreError, StoreLockedError, open_store
from tests.store.conftest import NOW, event, nomination


async def test_nomination_and_its_outbox_message_share_one_file(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.json") as db:
        n = nomination()
        message = event(n)
        await db.nominations.submit(n, message)
        files = list((tmp_path / "db.shards").rglob("*.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text("utf-8"))
    assert [d["id"] for d in data["nominations"].values()] == [n.id]
    assert [d["id"] for d in data["outbox"].values()] == [message.id]
    assert next(iter(data["_meta"].values()))["schema_version"] == 1


async def test_failed_write_leaves_the_old_file_and_memory_consistent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.json"
    with open_store(path) as db:
        kept = nomination(1)
        await db.nominations.save(kept)
        shard = next((tmp_path / "db.shards").rglob("*.json"))
        before = shard.read_bytes()

        def broken(*_: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(store.atomic, "atomic_write_bytes", broken)
        changed = kept.model_copy(update={"nominee": "Ändrad"})
        with pytest.raises(StoreError, match="disken är full"):
            await db.nominations.save(changed, event(changed))
        assert shard.read_bytes() == before
        stored = await db.nominations.get(kept.id)
        assert stored is not None and stored.nominee == kept.nominee
        assert await db.outbox.list() == []


def test_corrupt_file_is_reported_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_text('{"_meta": {"1": {"app": "trygghetsbot", "schema_version": 1}}, "nomin', "utf-8")
    before = path.read_bytes()
    with pytest.raises(StoreCorruptError, match="inte giltig JSON"):
        open_store(path)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    ['{"users": {"1": {"name": "x"}}}', "[1, 2, 3]", '{"_meta": {"1": {"app": "other"}}}', "", "   "],
)
def test_foreign_or_empty_file_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "db.json"
    path.write_text(content, "utf-8")
    with pytest.raises(StoreCorruptError):
        open_store(path)
    assert path.read_text("utf-8") == content


def test_other_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_text('{"_meta": {"1": {"app": "trygghetsbot", "schema_version": 99}}}', "utf-8")
    with pytest.raises(SchemaVersionError, match="99"):
        open_store(path)


async def test_corrupt_shard_is_refused_too(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.json") as db:
        await db.nominations.save(nomination())
    shard = next((tmp_path / "db.shards").rglob("*.json"))
    shard.write_text("{broken", "utf-8")
    with open_store(tmp_path / "db.json") as db, pytest.raises(StoreCorruptError, match=shard.name):
        await db.nominations.list()  # shards are opened when first needed, and checked then
    assert shard.read_text("utf-8") == "{broken"


async def test_a_command_that_reads_no_nominations_opens_no_shard(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.json") as db:
        for number in range(20):
            await db.nominations.save(nomination(number))
    assert len(list((tmp_path / "db.shards").rglob("*.json"))) > 1
    with open_store(tmp_path / "db.json") as db:
        await db.dialogs.load("console:anna")  # a question or a dialog step
        await db.jury.state(2023)  # one round's jury file
        assert [path.name for path in db.engine.shards] == ["jury.json"]
        assert len(await db.nominations.list()) == 20  # and everything is there when asked for


def test_one_writing_process_at_a_time_but_readers_are_welcome(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with open_store(path):
        with pytest.raises(StoreLockedError):
            open_store(path)
        with open_store(path, read_only=True):
            pass
    open_store(path).close()


async def test_read_only_store_refuses_writes_and_creates_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.json", read_only=True) as db:
        assert await db.nominations.list() == []
        with pytest.raises(StoreError):
            await db.nominations.save(nomination())
    assert not (tmp_path / "db.json").exists()


async def test_follow_up_context_is_written_soon_and_on_close(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    state = ConversationState(key="teams:c1", user_id="teams:u1", answer_context={"intent": "x"}, updated_at=NOW)
    with open_store(path) as db:
        await db.dialogs.save(state, durable=False)
        assert await db.dialogs.load("teams:c1") == state  # at once for this process
        assert "teams:c1" not in path.read_text("utf-8")  # the caller did not wait for the disk
        await asyncio.sleep(store.engine.WRITE_SOON_SECONDS + 0.3)
        assert "teams:c1" in path.read_text("utf-8")
        later = state.model_copy(update={"answer_context": {"intent": "y"}})
        await db.dialogs.save(later, durable=False)
    # Closing writes what was still waiting.
    with open_store(path, read_only=True) as reopened:
        assert await reopened.dialogs.load("teams:c1") == later


async def test_a_durable_write_carries_the_waiting_context_with_it(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    with open_store(path) as db:
        await db.dialogs.save(
            ConversationState(key="a", user_id="a", answer_context={"n": 1}, updated_at=NOW), durable=False
        )
        await db.dialogs.save(ConversationState(key="b", user_id="b", updated_at=NOW))  # durable
        text = path.read_text("utf-8")
        assert '"a"' in text and '"b"' in text

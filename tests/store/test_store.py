from __future__ import annotations

import asyncio
import errno
import json
from datetime import timedelta
from pathlib import Path

import pytest

import store.atomic
from bot.nominations.model import Nominator
from bot.nominations.state import ConversationState, DialogState
from store import SchemaVersionError, StoreCorruptError, StoreError, StoreLockedError, open_store
from tests.store.conftest import NOW, event, nomination


async def test_nominations_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "data" / "db.json"
    with open_store(path) as db:
        first = nomination(1)
        await db.nominations.submit(first, event(first))
        await db.nominations.save(nomination(2, year=2024))
    with open_store(path) as db:
        assert (await db.nominations.get(first.id)) == first
        assert sorted(n.round_year for n in await db.nominations.list()) == [2023, 2024]
        assert len(await db.nominations.list(round_year=2024)) == 1
        assert len(await db.nominations.list(statuses=["draft"])) == 0
        assert len(await db.nominations.list(nominator_key=first.nominator.key)) == 1


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


async def test_submit_is_idempotent_on_the_key(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.json") as db:
        first = nomination(1, key="k")
        _, created = await db.nominations.submit(first, event(first))
        retry = nomination(1, key="k")
        again, created_again = await db.nominations.submit(retry, event(retry))
        assert created and not created_again and again.id == first.id
        assert len(await db.nominations.list()) == 1 and len(await db.outbox.list()) == 1
    with open_store(tmp_path / "db.json") as db:
        retry = nomination(1, key="k")
        _, created = await db.nominations.submit(retry, event(retry))
        assert not created


async def test_concurrent_writers_are_serialised(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.json") as db:
        items = [nomination(i) for i in range(60)]
        await asyncio.gather(*(db.nominations.submit(n, event(n)) for n in items))
        same_key = [nomination(99, key="same") for _ in range(10)]
        results = await asyncio.gather(*(db.nominations.submit(n, event(n)) for n in same_key))
        assert sum(created for _, created in results) == 1
    with open_store(tmp_path / "db.json") as db:
        assert {n.id for n in await db.nominations.list()} == {n.id for n in items} | {results[0][0].id}
        assert len(await db.outbox.list()) == 61


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
    with pytest.raises(StoreCorruptError, match=shard.name):
        open_store(tmp_path / "db.json")
    assert shard.read_text("utf-8") == "{broken"


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


async def test_conversation_state_round_trip(tmp_path: Path) -> None:
    state = ConversationState(
        key="console:anna",
        user_id="console:anna",
        answer_context={"intent": "winner", "years": [2021]},
        dialog=DialogState(round_year=2023, step="partners", nominator=Nominator(name="Anna", user_id="u")),
        updated_at=NOW,
    )
    with open_store(tmp_path / "db.json") as db:
        await db.dialogs.save(state)
        await db.dialogs.save(state.model_copy(update={"lang": "en"}))
    with open_store(tmp_path / "db.json") as db:
        loaded = await db.dialogs.load("console:anna")
        assert loaded == state.model_copy(update={"lang": "en"})
        await db.dialogs.delete("console:anna")
        assert await db.dialogs.load("console:anna") is None


async def test_outbox_delivery_api(tmp_path: Path) -> None:
    with open_store(tmp_path / "db.json") as db:
        n = nomination()
        first = event(n)
        await db.nominations.submit(n, first)
        assert [m.id for m in await db.outbox.due(NOW)] == [first.id]
        assert await db.outbox.due(NOW - timedelta(seconds=1)) == []

        later = NOW + timedelta(minutes=5)
        retried = await db.outbox.schedule_retry(first.id, "ratelimited", later)
        assert (retried.attempts, retried.last_error, retried.status) == (1, "ratelimited", "pending")
        assert await db.outbox.due(NOW) == []
        partial = await db.outbox.record_delivery(first.id, "C1", "111.1", later)
        assert partial.status == "pending" and partial.deliveries["C1"].ts == "111.1"

        sent = await db.outbox.mark_sent(first.id, later, {"C2": "222.2"})
        assert sent.status == "sent" and sent.sent_at == later and sent.attempts == 2
        assert set(sent.deliveries) == {"C1", "C2"}
        assert await db.outbox.due(later) == []

        edit = event(n).model_copy(update={"kind": "nomination_edited"})
        await db.nominations.save(n.model_copy(update={"revision": 1}), edit)
        assert [m.kind for m in await db.outbox.due(later)] == ["nomination_edited"]
        await db.outbox.mark_sent(edit.id, later, {"C1": "333.3"})
        # The edit's jury copy lives where the submission was posted first.
        assert {c: d.ts for c, d in (await db.outbox.deliveries_for(n.id)).items()} == {"C1": "111.1", "C2": "222.2"}
        with pytest.raises(StoreError):
            await db.outbox.mark_sent("missing", later)
    with open_store(tmp_path / "db.json") as db:
        stored = await db.outbox.get(first.id)
        assert stored is not None and stored.status == "sent" and stored.deliveries["C2"].ts == "222.2"

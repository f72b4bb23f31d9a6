"""TinyDB: a command opens only the shard files it needs, found through the shard index.

``trygghetsbot nominate`` does what :meth:`NominationService.submit` does: list the nominator's
submitted nominations of the round (to flag a duplicate), then submit with an idempotency key.
With the shard index that opens the nominator's files and the new nomination's file, not the
round's other files; the index is a cache, so a stale, broken or missing one costs a rebuild,
never a wrong answer.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.nominations.model import Nomination, Nominator
from store import StoreCorruptError, TinyStore, open_store
from store.engine import SHARD_NAME
from tests.store.conftest import event, nomination

FILLED = 60


def keyed(number: int, *, email: str | None = None) -> Nomination:
    n = nomination(number, key=f"key-{number}")
    return n if email is None else n.model_copy(update={"nominator": Nominator(name="Ny", email=email)})


async def fill(path: Path) -> list[Nomination]:
    items = [keyed(i) for i in range(FILLED)]
    with open_store(path) as db:
        for n in items:
            await db.nominations.submit(n, event(n))
    return items


def opened_shards(db: TinyStore) -> set[Path]:
    return {file for file in db.engine.shards if file.match(SHARD_NAME)}


async def nominate(db: TinyStore, new: Nomination) -> tuple[Nomination, bool]:
    """The store calls of ``NominationService.submit`` (``trygghetsbot nominate``)."""
    await db.nominations.list(round_year=new.round_year, nominator_key=new.nominator.key, statuses=("submitted",))
    return await db.nominations.submit(new, event(new))


async def test_a_nominate_style_insert_opens_only_the_shards_it_needs(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    items = await fill(path)
    shards = set((tmp_path / "db.shards").rglob(SHARD_NAME))
    assert len(shards) > 30 and (tmp_path / "db.shard-index.json").exists()

    with open_store(path) as db:
        new = keyed(1000, email="ny@example.se")  # a nominator with nothing stored yet
        assert await nominate(db, new) == (new, True)
        assert opened_shards(db) == {db.engine.shard_path(2023, new.id)}

    with open_store(path) as db:
        again = keyed(2000)  # anna5: eight earlier nominations of hers, in files of their own
        mine = {db.engine.shard_path(2023, n.id) for n in items if n.nominator.key == again.nominator.key}
        assert await nominate(db, again) == (again, True)
        assert opened_shards(db) == mine | {db.engine.shard_path(2023, again.id)}
        assert len(opened_shards(db)) < len(shards) // 3

    with open_store(path) as db:
        retried = keyed(17).model_copy(update={"id": "another-id"})  # the same key, submitted again
        assert await db.nominations.submit(retried, event(retried)) == (items[17], False)
        assert opened_shards(db) == {db.engine.shard_path(2023, items[17].id)}
        assert await db.nominations.get(items[3].id) == items[3]
        assert len(opened_shards(db)) <= 2
        assert len(await db.nominations.list(round_year=2023)) == FILLED + 2  # a round: every file


async def test_an_unrelated_shard_is_not_even_read(tmp_path: Path) -> None:
    """Garbage in a shard the insert does not need (its inode, size and time kept, so the index
    still describes it) does not stop the insert; reading the round finds it and refuses it."""
    path = tmp_path / "db.json"
    items = await fill(path)
    new = keyed(1000, email="ny@example.se")
    with open_store(path) as db:
        target = db.engine.shard_path(2023, new.id)
        unrelated = next(file for file in (db.engine.shard_path(2023, n.id) for n in items) if file != target)
    stat = unrelated.stat()
    with open(unrelated, "r+b") as handle:
        handle.write(b"{" * stat.st_size)
    os.utime(unrelated, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    with open_store(path) as db:
        assert await nominate(db, new) == (new, True)
        with pytest.raises(StoreCorruptError, match=unrelated.name):
            await db.nominations.list(round_year=2023)


async def test_a_shard_changed_behind_the_index_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    await fill(path)
    index = tmp_path / "db.shard-index.json"
    stale = index.read_bytes()
    later = keyed(500)
    with open_store(path) as db:
        await db.nominations.submit(later, event(later))
    index.write_bytes(stale)  # as if the index had not been saved after that write

    with open_store(path) as db:
        retried = keyed(500).model_copy(update={"id": "another-id"})
        assert await db.nominations.submit(retried, event(retried)) == (later, False)
        mine = await db.nominations.list(round_year=2023, nominator_key=later.nominator.key)
        assert later in mine


async def test_a_crash_after_a_write_leaves_no_index_to_trust(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    await fill(path)
    index = tmp_path / "db.shard-index.json"
    db = open_store(path)
    later = keyed(500)
    await db.nominations.submit(later, event(later))
    assert not index.exists()  # removed before the first change
    db.engine.close()  # a crash: the store is never closed, the index never saved

    with open_store(path) as db:
        assert await db.nominations.get(later.id) == later
        assert len(await db.nominations.list(round_year=2023)) == FILLED + 1
    assert index.exists()


@pytest.mark.parametrize("content", [b"{broken", b'{"app": "other"}', b"[]"])
async def test_a_broken_index_is_rebuilt(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "db.json"
    items = await fill(path)
    index = tmp_path / "db.shard-index.json"
    index.write_bytes(content)
    with open_store(path) as db:
        assert await db.nominations.get(items[5].id) == items[5]
    assert index.read_bytes() != content
    with open_store(path) as db:
        assert await db.nominations.get(items[5].id) == items[5]
        assert len(opened_shards(db)) == 1


async def test_a_reader_uses_the_index_but_never_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    items = await fill(path)
    index = tmp_path / "db.shard-index.json"
    index.unlink()
    with open_store(path, read_only=True) as db:
        assert len(await db.nominations.list(round_year=2023)) == FILLED
    assert not index.exists()
    with open_store(path):
        pass  # a writer that looked nothing up has nothing to save either
    assert not index.exists()
    with open_store(path) as db:
        assert await db.nominations.get(items[0].id) == items[0]
    with open_store(path, read_only=True) as db:
        assert await db.nominations.get(items[1].id) == items[1]
        assert len(opened_shards(db)) == 1

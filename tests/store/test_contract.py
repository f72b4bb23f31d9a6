"""The store contract: one set of tests, run against both backends (``backend`` is TinyDB, then PostgreSQL)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.nominations.model import Nomination, NominationStatus, Nominator
from bot.nominations.ports import RepeatWindow
from bot.nominations.state import ConversationState, DialogState
from bot.outbox.model import OutboxKind
from store import StoreError
from tests.store.conftest import NOW, Backend, FakeClock, event, nomination


async def test_nominations_survive_reopening(backend: Backend) -> None:
    db = await backend.open()
    first = nomination(1)
    await db.nominations.submit(first, event(first))
    await db.nominations.save(nomination(2, year=2024))
    await db.aclose()
    db = await backend.open()
    assert (await db.nominations.get(first.id)) == first
    assert await db.nominations.get("missing") is None
    assert sorted(n.round_year for n in await db.nominations.list()) == [2023, 2024]
    assert len(await db.nominations.list(round_year=2024)) == 1
    assert len(await db.nominations.list(statuses=["draft"])) == 0
    assert len(await db.nominations.list(statuses=["draft", "submitted"])) == 2
    assert len(await db.nominations.list(nominator_key=first.nominator.key)) == 1


async def test_list_is_oldest_first_and_save_replaces_by_id(backend: Backend) -> None:
    db = await backend.open()
    later = nomination(1).model_copy(update={"created_at": NOW + timedelta(minutes=1)})
    earlier = nomination(2)
    await db.nominations.save(later)
    await db.nominations.save(earlier)
    assert [n.id for n in await db.nominations.list()] == [earlier.id, later.id]
    withdrawn = later.model_copy(update={"status": NominationStatus.withdrawn, "withdrawn_at": NOW, "revision": 2})
    await db.nominations.save(withdrawn)
    assert await db.nominations.get(later.id) == withdrawn
    assert [n.id for n in await db.nominations.list(statuses=["withdrawn"])] == [later.id]


async def test_every_combination_of_list_filters(backend: Backend) -> None:
    """Each filter alone and with the others, each run six times (PostgreSQL prepares a statement
    on its fifth run, and a prepared statement may get a plan of its own)."""
    db = await backend.open()
    statuses = (NominationStatus.submitted, NominationStatus.draft, NominationStatus.withdrawn)
    items = [
        nomination(i, year=2023 + i % 2).model_copy(
            update={"created_at": NOW + timedelta(minutes=i), "status": statuses[i % 3]}
        )
        for i in range(15)
    ]
    for n in reversed(items):
        await db.nominations.save(n)
    key = items[0].nominator.key
    for round_year in (None, 2023):
        for nominator_key in (None, key):
            for wanted in (None, [], ["submitted"], ["draft", "withdrawn"]):
                expected = [
                    n.id
                    for n in items
                    if (round_year is None or n.round_year == round_year)
                    and (nominator_key is None or n.nominator.key == nominator_key)
                    and (wanted is None or n.status in wanted)
                ]
                for _ in range(6):
                    found = await db.nominations.list(
                        round_year=round_year, nominator_key=nominator_key, statuses=wanted
                    )
                    assert [n.id for n in found] == expected, (round_year, nominator_key, wanted)


async def test_submit_is_idempotent_on_the_key(backend: Backend) -> None:
    db = await backend.open()
    first = nomination(1, key="k")
    _, created = await db.nominations.submit(first, event(first))
    retry = nomination(1, key="k")
    again, created_again = await db.nominations.submit(retry, event(retry))
    assert created and not created_again and again.id == first.id
    assert len(await db.nominations.list()) == 1 and len(await db.outbox.list()) == 1
    await db.aclose()
    db = await backend.open()
    retry = nomination(1, key="k")
    _, created = await db.nominations.submit(retry, event(retry))
    assert not created


async def test_a_draft_is_submitted_under_its_id(backend: Backend) -> None:
    db = await backend.open()
    draft = nomination(1).model_copy(update={"status": NominationStatus.draft, "submitted_at": None})
    await db.nominations.save(draft)
    submitted = draft.model_copy(
        update={"status": NominationStatus.submitted, "submitted_at": NOW, "idempotency_key": "d"}
    )
    stored, created = await db.nominations.submit(submitted, event(submitted))
    assert created and stored == submitted
    assert [n.status for n in await db.nominations.list()] == ["submitted"]
    _, again = await db.nominations.submit(submitted, event(submitted))
    assert not again and len(await db.outbox.list()) == 1


async def test_concurrent_submits_store_each_once(backend: Backend) -> None:
    db = await backend.open()
    items = [nomination(i) for i in range(60)]
    await asyncio.gather(*(db.nominations.submit(n, event(n)) for n in items))
    same_key = [nomination(99, key="same") for _ in range(10)]
    results = await asyncio.gather(*(db.nominations.submit(n, event(n)) for n in same_key))
    assert sum(created for _, created in results) == 1
    await db.aclose()
    db = await backend.open()
    winner = next(stored for stored, created in results if created)
    assert {n.id for n in await db.nominations.list()} == {n.id for n in items} | {winner.id}
    assert len(await db.outbox.list()) == 61


def clicked(number: int, key: str, fingerprint: str = "same-content") -> Nomination:
    """A submission of the same content (one fingerprint) under its own key: one click of several."""
    same = nomination(0)
    return nomination(number, key=key).model_copy(
        update={"content_fingerprint": fingerprint, "nominator": same.nominator, "nominee": same.nominee}
    )


async def test_a_repeat_within_the_window_is_the_first_submission(backend: Backend) -> None:
    db = await backend.open()
    first = clicked(1, "click-1")
    _, created = await db.nominations.submit(first, event(first), repeat=RepeatWindow(NOW, 60))
    second = clicked(2, "click-2")
    stored, created_again = await db.nominations.submit(
        second, event(second), repeat=RepeatWindow(NOW + timedelta(seconds=2), 60)
    )
    assert created and not created_again and stored.id == first.id
    assert len(await db.nominations.list()) == 1 and len(await db.outbox.list()) == 1
    # Other content, or no window asked for, is a nomination of its own.
    other = clicked(3, "click-3", fingerprint="other-content")
    assert (await db.nominations.submit(other, event(other), repeat=RepeatWindow(NOW, 60)))[1]
    # After the window the same content is a deliberate resubmission: stored.
    later = clicked(4, "click-4")
    stored, created = await db.nominations.submit(
        later, event(later), repeat=RepeatWindow(NOW + timedelta(seconds=61), 60)
    )
    assert created and stored.id == later.id
    assert len(await db.nominations.list()) == 3


async def test_concurrent_repeats_store_one(backend: Backend) -> None:
    db = await backend.open()
    clicks = [clicked(i, f"click-{i}") for i in range(10)]
    results = await asyncio.gather(*(db.nominations.submit(n, event(n), repeat=RepeatWindow(NOW, 60)) for n in clicks))
    assert sum(created for _, created in results) == 1
    assert len({stored.id for stored, _ in results}) == 1
    assert len(await db.nominations.list()) == 1 and len(await db.outbox.list()) == 1


async def test_conversation_state_round_trip(backend: Backend) -> None:
    state = ConversationState(
        key="console:anna",
        user_id="console:anna",
        answer_context={"intent": "winner", "years": [2021]},
        dialog=DialogState(round_year=2023, step="partners", nominator=Nominator(name="Anna", user_id="u")),
        updated_at=NOW,
    )
    db = await backend.open()
    await db.dialogs.save(state)
    await db.dialogs.save(state.model_copy(update={"lang": "en"}))
    await db.aclose()
    db = await backend.open()
    loaded = await db.dialogs.load("console:anna")
    assert loaded == state.model_copy(update={"lang": "en"})
    await db.dialogs.delete("console:anna")
    assert await db.dialogs.load("console:anna") is None


async def test_outbox_delivery_api(backend: Backend) -> None:
    db = await backend.open()
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

    edit = event(n).model_copy(update={"kind": OutboxKind.nomination_edited})
    await db.nominations.save(n.model_copy(update={"revision": 1}), edit)
    assert [m.kind for m in await db.outbox.due(later)] == ["nomination_edited"]
    assert [m.kind for m in await db.outbox.list(n.id)] == ["nomination_submitted", "nomination_edited"]
    await db.outbox.mark_sent(edit.id, later, {"C1": "333.3"})
    # The edit's jury copy lives where the submission was posted first.
    assert {c: d.ts for c, d in (await db.outbox.deliveries_for(n.id)).items()} == {"C1": "111.1", "C2": "222.2"}
    with pytest.raises(StoreError):
        await db.outbox.mark_sent("missing", later)
    await db.aclose()
    db = await backend.open()
    stored = await db.outbox.get(first.id)
    assert stored is not None and stored.status == "sent" and stored.deliveries["C2"].ts == "222.2"


async def test_claim_due_leases_each_message_to_one_worker(backend: Backend) -> None:
    db = await backend.open()
    items = [nomination(i) for i in range(5)]
    for n in items:
        await db.nominations.submit(n, event(n))
    first = await db.outbox.claim_due("w1", NOW, lease_seconds=30, limit=3)
    assert len(first) == 3 and all(m.claimed_by == "w1" and m.lease_until == NOW + timedelta(seconds=30) for m in first)
    second = await db.outbox.claim_due("w2", NOW, lease_seconds=30)
    assert len(second) == 2 and {m.id for m in first}.isdisjoint(m.id for m in second)
    assert await db.outbox.claim_due("w3", NOW + timedelta(seconds=10), lease_seconds=30) == []
    assert await db.outbox.due(NOW) == []  # every due message is leased

    done = await db.outbox.mark_sent(first[0].id, NOW, {"C1": "1.1"})
    assert done.claimed_by is None and done.lease_until is None
    retried = await db.outbox.schedule_retry(first[1].id, "boom", NOW)
    assert retried.claimed_by is None
    await db.outbox.release(first[2].id, "someone-else")  # only the holder may release
    assert (await db.outbox.get(first[2].id)).claimed_by == "w1"  # type: ignore[union-attr]
    await db.outbox.release(first[2].id, "w1")
    again = await db.outbox.claim_due("w3", NOW, lease_seconds=30)
    assert {m.id for m in again} == {first[1].id, first[2].id}


async def test_each_platform_claims_only_its_own_messages(backend: Backend) -> None:
    db = await backend.open()
    n = nomination()
    slack, teams = event(n), event(n).model_copy(update={"platform": "teams", "id": "teams-message"})
    _, created = await db.nominations.submit(n, [slack, teams])  # one write, one message per platform
    assert created and {m.platform for m in await db.outbox.list(n.id)} == {"slack", "teams"}
    assert [m.id for m in await db.outbox.due(NOW, platform="teams")] == [teams.id]
    assert [m.id for m in await db.outbox.claim_due("t", NOW, lease_seconds=30, platform="teams")] == [teams.id]
    assert await db.outbox.claim_due("t2", NOW, lease_seconds=30, platform="teams") == []
    [claimed] = await db.outbox.claim_due("s", NOW, lease_seconds=30, platform="slack")
    assert claimed.id == slack.id and claimed.platform == "slack"
    assert await db.outbox.claim_due("any", NOW, lease_seconds=30) == []  # both leased
    await db.outbox.release(teams.id, "t")
    assert [m.id for m in await db.outbox.claim_due("any", NOW, lease_seconds=30)] == [teams.id]
    await db.aclose()
    db2 = await backend.open()  # the platform survives a reopen
    assert {m.platform for m in await db2.outbox.list(n.id)} == {"slack", "teams"}


async def test_an_expired_lease_is_claimed_again(backend: Backend) -> None:
    db = await backend.open()
    n = nomination()
    await db.nominations.submit(n, event(n))
    [claimed] = await db.outbox.claim_due("dead-worker", NOW, lease_seconds=60)
    assert await db.outbox.claim_due("w2", NOW + timedelta(seconds=59), lease_seconds=60) == []
    [reclaimed] = await db.outbox.claim_due("w2", NOW + timedelta(seconds=60), lease_seconds=60)
    assert reclaimed.id == claimed.id and reclaimed.claimed_by == "w2"
    # The dead worker's late release no longer touches w2's lease.
    await db.outbox.release(claimed.id, "dead-worker")
    assert (await db.outbox.get(claimed.id)).claimed_by == "w2"  # type: ignore[union-attr]


async def test_a_renewed_lease_is_not_taken_over_and_renewal_says_what_is_still_held(backend: Backend) -> None:
    db = await backend.open()
    items = [nomination(i) for i in range(4)]
    for n in items:
        await db.nominations.submit(n, event(n))
    held = await db.outbox.claim_due("owner", NOW, lease_seconds=15)
    ids = [m.id for m in held]
    later = NOW + timedelta(seconds=10)
    assert await db.outbox.renew("owner", ids, later, lease_seconds=15) == set(ids)
    # Past the first lease but within the renewed one: nobody else gets them.
    assert await db.outbox.claim_due("other", NOW + timedelta(seconds=20), lease_seconds=15) == []
    assert (await db.outbox.get(ids[0])).lease_until == later + timedelta(seconds=15)  # type: ignore[union-attr]
    assert await db.outbox.renew("other", ids, later, lease_seconds=15) == set()  # only the holder renews

    # A finished, a released and a taken-over message are no longer the owner's to renew.
    await db.outbox.mark_sent(ids[0], later)
    await db.outbox.release(ids[1], "owner")
    expired = later + timedelta(seconds=15)
    taken = await db.outbox.claim_due("other", expired, lease_seconds=15, limit=1)
    assert [m.id for m in taken] == [ids[1]]
    await db.outbox.renew("owner", ids[3:], expired - timedelta(seconds=1), lease_seconds=15)
    [taken_over] = await db.outbox.claim_due("other", expired, lease_seconds=15)
    assert taken_over.id == ids[2]
    assert await db.outbox.renew("owner", ids, expired, lease_seconds=15) == {ids[3]}
    assert await db.outbox.renew("owner", [], expired, lease_seconds=15) == set()


async def test_dedupe_is_first_time_once_until_it_expires(backend: Backend) -> None:
    clock = FakeClock()
    db = await backend.open(clock=clock)
    assert await db.dedupe.first_time("event:Ev1", 60)
    assert not await db.dedupe.first_time("event:Ev1", 60)
    assert await db.dedupe.first_time("event:Ev2", 60)
    clock.advance(59)
    assert not await db.dedupe.first_time("event:Ev1", 60)
    clock.advance(1)
    assert await db.dedupe.first_time("event:Ev1", 60)  # expired: the key is new again
    assert not await db.dedupe.first_time("event:Ev1", 60)
    await db.aclose()
    db = await backend.open(clock=clock)
    assert not await db.dedupe.first_time("event:Ev1", 60)  # survives reopening
    results = await asyncio.gather(*(db.dedupe.first_time("event:Ev3", 60) for _ in range(20)))
    assert results.count(True) == 1


async def test_tenants_never_see_each_other(backend: Backend) -> None:
    clock = FakeClock()
    a = await backend.open(tenant="T_A", clock=clock)
    b = await backend.open(tenant="T_B", clock=clock)
    n = nomination(1, key="same-key")
    await a.nominations.submit(n, event(n))
    # The same id and key in another tenant is another nomination, not a retry.
    stored, created = await b.nominations.submit(n, event(n).model_copy(update={"id": "other-message"}))
    assert created and stored == n
    await b.nominations.save(nomination(2))
    assert len(await a.nominations.list()) == 1 and len(await b.nominations.list()) == 2
    assert await a.nominations.get(n.id) == n
    await a.dialogs.save(ConversationState(key="k", user_id="u", updated_at=NOW))
    assert await b.dialogs.load("k") is None
    await b.dialogs.delete("k")
    assert await a.dialogs.load("k") is not None
    assert len(await a.outbox.claim_due("w", NOW, 30)) == 1
    assert [m.id for m in await b.outbox.claim_due("w", NOW, 30)] == ["other-message"]
    assert await a.dedupe.first_time("event:1", 60) and await b.dedupe.first_time("event:1", 60)
    with pytest.raises(StoreError):
        await a.outbox.mark_sent("other-message", NOW)  # b's message does not exist for a
    default = await backend.open(clock=clock)
    assert await default.nominations.list() == [] and await default.outbox.list() == []


async def test_a_tenant_opened_on_another_handles_connections_is_still_its_own(backend: Backend) -> None:
    default = await backend.open()
    sibling = await default.open_for("T_A")
    if backend.name == "tinydb":
        assert sibling is None  # a file per tenant: nothing to share
        return
    assert sibling is not None and sibling.tenant == "T_A"
    n = nomination(1)
    await sibling.nominations.submit(n, event(n))
    assert await default.nominations.list() == []
    assert [x.id for x in await (await backend.open(tenant="T_A")).nominations.list()] == [n.id]
    await sibling.aclose()  # the pool is the default handle's: it stays open
    assert await default.nominations.get(n.id) is None
    with pytest.raises(StoreError):
        await default.open_for("not a tenant!")


async def test_sends_in_flight_and_confirmations_survive_reopening(backend: Backend) -> None:
    db = await backend.open()
    n = nomination().model_copy(update={"edit_keys": ["slack-view:V1"]})
    message = event(n).model_copy(update={"notify_nominator": True})
    await db.nominations.submit(n, message)
    started = await db.outbox.record_attempt(message.id, "C1", NOW)
    again = await db.outbox.record_attempt(message.id, "C1", NOW + timedelta(minutes=1))
    assert started.in_flight == again.in_flight == {"C1": NOW}  # the first start counts
    await db.outbox.record_attempt(message.id, "dm:slack:U1", NOW)
    await db.aclose()
    db = await backend.open()
    stored = await db.outbox.get(message.id)
    assert stored is not None and stored.notify_nominator and set(stored.in_flight) == {"C1", "dm:slack:U1"}
    assert (await db.nominations.get(n.id)).edit_keys == ["slack-view:V1"]  # type: ignore[union-attr]
    delivered = await db.outbox.record_delivery(message.id, "C1", "111.1", NOW)
    assert set(delivered.in_flight) == {"dm:slack:U1"} and delivered.deliveries["C1"].ts == "111.1"


async def test_count_pending_counts_without_reading_rows(backend: Backend) -> None:
    db = await backend.open()
    assert await db.outbox.count_pending() == 0
    items = [nomination(i) for i in range(4)]
    for n in items:
        await db.nominations.submit(n, event(n))
    [leased] = await db.outbox.claim_due("w", NOW, lease_seconds=30, limit=1)
    assert await db.outbox.count_pending() == 4  # a leased message is still pending
    await db.outbox.mark_sent(leased.id, NOW)
    assert await db.outbox.count_pending() == 3
    other = await backend.open(tenant="T_OTHER")
    assert await other.outbox.count_pending() == 0  # another workspace's outbox is not counted
    await db.aclose()
    db = await backend.open()
    assert await db.outbox.count_pending() == 3


async def test_purge_removes_only_sent_messages_older_than_the_cutoff(backend: Backend) -> None:
    db = await backend.open()
    old, young, waiting = nomination(1), nomination(2), nomination(3)
    messages = {n.id: event(n) for n in (old, young, waiting)}
    for n in (old, young, waiting):
        await db.nominations.submit(n, messages[n.id])
    sent_old = await db.outbox.mark_sent(messages[old.id].id, NOW - timedelta(days=40), {"C1": "1.1"})
    edit_old = event(old).model_copy(update={"kind": OutboxKind.nomination_edited})
    await db.nominations.save(old.model_copy(update={"revision": 1}), edit_old)
    await db.outbox.mark_sent(edit_old.id, NOW - timedelta(days=35), {"C1": "1.1"})
    await db.outbox.mark_sent(messages[young.id].id, NOW - timedelta(days=29), {"C1": "2.2"})
    # A message pending for long (created 40 days ago, still failing) and one in flight are never purged.
    await db.outbox.schedule_retry(messages[waiting.id].id, "503", NOW)
    await db.outbox.record_attempt(messages[waiting.id].id, "C1", NOW - timedelta(days=40))

    cutoff = NOW - timedelta(days=30)
    assert await db.outbox.purge_sent(cutoff) == 2
    remaining = {m.id for m in await db.outbox.list()}
    assert remaining == {messages[young.id].id, messages[waiting.id].id}
    assert await db.outbox.get(sent_old.id) is None and await db.outbox.deliveries_for(old.id) == {}
    # What is left keeps its delivery records (the exactly-once checks) and its place in the queue.
    assert (await db.outbox.deliveries_for(young.id))["C1"].ts == "2.2"
    assert [m.id for m in await db.outbox.claim_due("w", NOW, 30)] == [messages[waiting.id].id]
    assert await db.outbox.purge_sent(cutoff) == 0
    await db.aclose()
    db = await backend.open()  # the purge is on disk
    assert {m.id for m in await db.outbox.list()} == remaining
    other = await backend.open(tenant="T_OTHER")
    n = nomination(9)
    theirs = event(n)
    await other.nominations.submit(n, theirs)
    await other.outbox.mark_sent(theirs.id, NOW - timedelta(days=40))
    assert await db.outbox.purge_sent(cutoff) == 0  # one workspace's purge never reaches another's outbox


async def test_purge_keeps_where_the_jury_copy_of_a_changeable_nomination_lives(backend: Backend) -> None:
    """An edit updates the jury's post found through the submission's delivery: in a round whose
    nominations may still change, that record outlives the retention (the edits after it do not)."""
    db = await backend.open()
    n = nomination(1)
    submitted = event(n)
    await db.nominations.submit(n, submitted)
    await db.outbox.mark_sent(submitted.id, NOW - timedelta(days=60), {"C1": "1.1", "dm:slack:U1": "9.9"})
    edit = event(n).model_copy(update={"kind": OutboxKind.nomination_edited})
    await db.nominations.save(n.model_copy(update={"revision": 1}), edit)
    await db.outbox.mark_sent(edit.id, NOW - timedelta(days=50), {"C1": "1.1", "C2": "2.2"})
    other_round = nomination(2, year=2022)
    old_round = event(other_round)
    await db.nominations.submit(other_round, old_round)
    await db.outbox.mark_sent(old_round.id, NOW - timedelta(days=60), {"C1": "3.3"})

    assert await db.outbox.purge_sent(NOW - timedelta(days=30), live_rounds=[2023]) == 1  # the 2022 one
    # The edit's message is kept too: it holds the first delivery to C2.
    assert {m.id for m in await db.outbox.list()} == {submitted.id, edit.id}
    assert {c: d.ts for c, d in (await db.outbox.deliveries_for(n.id)).items()} == {
        "C1": "1.1",
        "dm:slack:U1": "9.9",
        "C2": "2.2",
    }
    later = event(n).model_copy(update={"kind": OutboxKind.nomination_withdrawn})
    await db.nominations.save(n.model_copy(update={"revision": 2}), later)
    await db.outbox.mark_sent(later.id, NOW - timedelta(days=40), {"C1": "1.1", "C2": "2.2"})
    assert await db.outbox.purge_sent(NOW - timedelta(days=30), live_rounds=[2023]) == 1  # only the withdrawal
    assert await db.outbox.purge_sent(NOW - timedelta(days=30)) == 2  # the round is over: all of it

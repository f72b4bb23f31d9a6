from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from bot.clock import STOCKHOLM, fixed_clock
from bot.knowledge.models import Prize
from bot.nominations.model import Nominator
from bot.nominations.service import (
    REPEAT_WINDOW_SECONDS,
    KeyReused,
    NominationService,
    NotEditable,
    NotFound,
    PeriodClosed,
    Rejected,
)
from store import Store
from tests.nominations.conftest import ANNA, BERT, good_content
from tests.texts import DESCRIPTION


async def test_submit_stores_the_nomination_and_one_outbox_message(service: NominationService, store: Store) -> None:
    result = await service.submit(good_content(), ANNA)
    assert result.created and result.duplicate_of is None
    stored = await store.nominations.get(result.nomination.id)
    assert stored is not None and stored.status == "submitted" and stored.round_year == 2023
    assert stored.submitted_at is not None and stored.nominator == ANNA
    messages = await store.outbox.list()
    assert [(m.kind, m.nomination_id, m.status) for m in messages] == [("nomination_submitted", stored.id, "pending")]


async def test_rejected_submission_stores_nothing(service: NominationService, store: Store) -> None:
    with pytest.raises(Rejected) as caught:
        await service.submit(good_content(partners=["TRYGGA TENSTA"], added_value="bra"), ANNA)
    assert {e.criterion for e in caught.value.errors} == {"collaboration", "added_value"}
    with pytest.raises(Rejected) as caught:
        await service.submit(good_content(), Nominator(name="Anna", email="anna.example.se"))
    assert [e.field for e in caught.value.errors] == ["nominator.email"]
    assert await store.nominations.list() == []
    assert await store.outbox.list() == []


@pytest.mark.parametrize("day", [date(2023, 5, 31), date(2023, 9, 2)])
async def test_outside_the_period_nothing_is_stored(store: Store, prize: Prize, day: date) -> None:
    closed = NominationService(store.nominations, prize, prize.latest_round, fixed_clock(day))
    assert closed.period_message() is not None
    with pytest.raises(PeriodClosed) as caught:
        await closed.submit(good_content(), ANNA)
    assert "1 juni 2023" in caught.value.errors[0].message
    with pytest.raises(PeriodClosed):
        await closed.save_draft(good_content(), ANNA)
    assert await store.nominations.list() == []


@pytest.mark.parametrize(
    ("nominee", "partners"),
    [
        ("Trygga Gatan", ["Trygga Gatan", "Polisen"]),
        ("Nattvandring Tensta", ["Föreningen Nattvandrarna", "Nattvandring Tensta"]),
    ],
)
async def test_the_efforts_own_name_is_refused_as_a_partner_in_submit_and_edit(
    service: NominationService, store: Store, nominee: str, partners: list[str]
) -> None:
    """The file, the Slack modal and the Teams card all submit and edit through the service."""
    with pytest.raises(Rejected) as caught:
        await service.submit(good_content(nominee=nominee, partners=partners), ANNA)
    assert [(e.field, e.criterion) for e in caught.value.errors] == [("partners", "collaboration")]
    assert "namnet på den nominerade insatsen" in caught.value.errors[0].message
    assert await store.nominations.list() == [] and await store.outbox.list() == []
    stored = (await service.submit(good_content(nominee=nominee), ANNA)).nomination
    with pytest.raises(Rejected):
        await service.edit(stored.id, good_content(nominee=nominee, partners=partners), ANNA)
    assert (await store.nominations.get(stored.id)) == stored


async def test_submit_is_idempotent_per_key(service: NominationService, store: Store) -> None:
    first = await service.submit(good_content(), ANNA, idempotency_key="retry-1")
    again = await service.submit(good_content(), ANNA, idempotency_key="retry-1")
    assert again.nomination.id == first.nomination.id and not again.created
    assert len(await store.nominations.list()) == 1
    assert len(await store.outbox.list()) == 1


async def test_a_key_reused_for_other_content_is_refused(service: NominationService, store: Store) -> None:
    first = await service.submit(good_content(), ANNA, idempotency_key="k")
    with pytest.raises(KeyReused) as refused:
        await service.submit(
            good_content(description="Något helt annat som görs i området: " + DESCRIPTION), ANNA, idempotency_key="k"
        )
    assert first.nomination.id in refused.value.errors[0].message
    with pytest.raises(KeyReused):
        await service.submit(good_content(), BERT, idempotency_key="k")  # another nominator is other content
    # Spacing the rules clean away is the same content: a retry.
    again = await service.submit(good_content(nominee="  " + first.nomination.nominee), ANNA, idempotency_key="k")
    assert again.nomination.id == first.nomination.id and not again.created
    assert len(await store.nominations.list()) == 1


async def test_same_effort_by_same_person_is_flagged_not_duplicated(service: NominationService) -> None:
    first = await service.submit(good_content(), ANNA, idempotency_key="a")
    second = await service.submit(good_content(nominee=" trygga  TENSTA"), ANNA, idempotency_key="b")
    assert second.created
    assert second.duplicate_of is not None and second.duplicate_of.id == first.nomination.id
    assert second.nomination.duplicate_of == first.nomination.id
    other_person = await service.submit(good_content(), BERT, idempotency_key="c")
    assert other_person.nomination.duplicate_of is None


async def test_draft_then_submit_keeps_the_id(service: NominationService, store: Store) -> None:
    draft = await service.save_draft(good_content(added_value="", description=""), ANNA)
    assert draft.status == "draft"
    again = await service.save_draft(good_content(added_value="kort"), ANNA, draft_id=draft.id)
    assert again.id == draft.id
    assert [n.status for n in await service.list_own(ANNA)] == ["draft"]
    assert await store.outbox.list() == []
    submitted = await service.submit(good_content(), ANNA, draft_id=draft.id, idempotency_key="d")
    assert submitted.nomination.id == draft.id
    assert [n.status for n in await store.nominations.list()] == ["submitted"]


async def test_draft_still_checks_input(service: NominationService) -> None:
    with pytest.raises(Rejected) as caught:
        await service.save_draft(good_content(nominee="x\x00"), ANNA)
    assert caught.value.errors[0].field == "nominee"


async def test_edit_own_nomination_enqueues_an_edit(service: NominationService, store: Store) -> None:
    created = (await service.submit(good_content(), ANNA)).nomination
    edited = await service.edit(created.id, good_content(results="Färre larm"), ANNA)
    assert edited.results == "Färre larm" and edited.revision == 1 and edited.status == "submitted"
    assert [m.kind for m in await store.outbox.list(created.id)] == ["nomination_submitted", "nomination_edited"]
    with pytest.raises(Rejected):
        await service.edit(created.id, good_content(added_value="nej"), ANNA)
    with pytest.raises(NotFound):
        await service.edit(created.id, good_content(), BERT)
    with pytest.raises(NotFound):
        await service.edit("missing", good_content(), ANNA)


async def test_withdraw_own_nomination(service: NominationService, store: Store) -> None:
    created = (await service.submit(good_content(), ANNA)).nomination
    with pytest.raises(NotFound):
        await service.withdraw(created.id, BERT)
    withdrawn = await service.withdraw(created.id, ANNA)
    assert withdrawn.status == "withdrawn" and withdrawn.withdrawn_at is not None
    assert [m.kind for m in await store.outbox.list(created.id)][-1] == "nomination_withdrawn"
    with pytest.raises(NotEditable):
        await service.withdraw(created.id, ANNA)
    with pytest.raises(NotEditable):
        await service.edit(created.id, good_content(), ANNA)


async def test_no_edit_or_withdraw_after_the_period(store: Store, prize: Prize, service: NominationService) -> None:
    created = (await service.submit(good_content(), ANNA)).nomination
    later = NominationService(store.nominations, prize, prize.latest_round, fixed_clock(date(2023, 9, 2)))
    with pytest.raises(PeriodClosed):
        await later.edit(created.id, good_content(results="x"), ANNA)
    with pytest.raises(PeriodClosed):
        await later.withdraw(created.id, ANNA)
    stored = await store.nominations.get(created.id)
    assert stored is not None and stored.status == "submitted" and stored.revision == 0


async def test_someone_elses_draft_id_is_never_overwritten(service: NominationService, store: Store) -> None:
    draft = await service.save_draft(good_content(description=""), BERT)
    result = await service.submit(good_content(), ANNA, draft_id=draft.id)
    assert result.nomination.id != draft.id
    kept = await store.nominations.get(draft.id)
    assert kept is not None and kept.status == "draft" and kept.nominator == BERT


async def test_edit_may_correct_the_nominators_name(service: NominationService) -> None:
    chat_user = Nominator(name="Ana", user_id="slack:U1")
    created = (await service.submit(good_content(), chat_user)).nomination
    edited = await service.edit(created.id, good_content(), Nominator(name="Anna", user_id="slack:U1"))
    assert edited.nominator == Nominator(name="Anna", user_id="slack:U1")


async def test_a_double_click_is_stored_once_and_a_later_resubmission_is_flagged(store: Store, prize: Prize) -> None:
    real = [datetime(2026, 11, 30, 10, 0, tzinfo=STOCKHOLM)]
    round_2023 = prize.round_for(2023)
    assert round_2023 is not None
    service = NominationService(
        store.nominations, prize, round_2023, fixed_clock(date(2023, 6, 15)), real_clock=lambda: real[0]
    )
    first = await service.submit(good_content(), ANNA, idempotency_key="click-1")
    real[0] += timedelta(seconds=1)
    second = await service.submit(good_content(), ANNA, idempotency_key="click-2")
    assert first.created and not second.created and second.nomination.id == first.nomination.id
    assert second.duplicate_of is None
    assert len(await store.nominations.list()) == 1 and len(await store.outbox.list()) == 1
    # Someone else sending the same text is not a repeat.
    assert (await service.submit(good_content(), BERT, idempotency_key="bert")).created
    # Minutes later the same content is a deliberate resubmission: stored and flagged, as before.
    real[0] += timedelta(seconds=REPEAT_WINDOW_SECONDS)
    later = await service.submit(good_content(), ANNA, idempotency_key="click-3")
    assert later.created and later.duplicate_of is not None and later.duplicate_of.id == first.nomination.id

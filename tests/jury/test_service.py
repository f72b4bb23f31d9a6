"""Every jury rule through JuryService on the real store."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from bot.jury.model import JuryState
from bot.jury.service import JuryRefused, JuryService, default_deadline
from bot.nominations.model import Nomination
from store import Store
from tests.jury.conftest import JURORS, MutableClock, grades, round_2023


async def refused(reason: str, action: object) -> JuryRefused:
    with pytest.raises(JuryRefused) as caught:
        await action  # type: ignore[misc]
    assert caught.value.reason == reason, caught.value.message
    assert "\n" not in caught.value.message
    return caught.value


# --- who ---------------------------------------------------------------------------


async def test_someone_outside_the_jury_is_refused_and_nothing_is_stored(
    jury: JuryService, store: Store, nominations: list[Nomination]
) -> None:
    n = nominations[0]
    error = await refused("not_juror", jury.score(n.id, "U999", **grades()))  # type: ignore[arg-type]
    assert "inte med i juryn" in error.message
    await refused("not_juror", jury.conflict(n.id, "U999"))
    await refused("not_juror", jury.decide(n.id, "U999"))
    await refused("not_juror", jury.ranking("U999"))
    assert await store.jury.audit(2023) == [] and (await store.jury.state(2023)).scores == []


async def test_without_jurors_every_action_is_refused(
    store: Store, clock: MutableClock, nominations: list[Nomination]
) -> None:
    empty = JuryService(store.jury, store.nominations, round_2023(), clock, jurors=[], chair=None)
    await refused("no_jury", empty.score(nominations[0].id, "J1", **grades()))  # type: ignore[arg-type]


# --- when ----------------------------------------------------------------------------


async def test_scoring_opens_the_day_after_the_period_closes(
    jury: JuryService, clock: MutableClock, nominations: list[Nomination]
) -> None:
    n = nominations[0]
    clock.set(date(2023, 9, 1))
    error = await refused("not_open", jury.score(n.id, "J1", **grades()))  # type: ignore[arg-type]
    assert "1 september 2023" in error.message and "har inte öppnat" in error.message
    clock.set(date(2023, 9, 2))
    await jury.score(n.id, "J1", **grades())  # type: ignore[arg-type]


async def test_a_conflict_can_be_declared_while_nominations_are_open(
    jury: JuryService, clock: MutableClock, nominations: list[Nomination]
) -> None:
    clock.set(date(2023, 8, 1))
    await jury.conflict(nominations[0].id, "J2", "Min kollega")
    assert (await jury.state("J2")).conflict_of("J2", nominations[0].id) is not None


async def test_the_decision_closes_scoring_and_conflicts(
    jury: JuryService, store: Store, nominations: list[Nomination]
) -> None:
    n = nominations[0]
    await jury.score(n.id, "J1", **grades(4))  # type: ignore[arg-type]
    await jury.decide(n.id, "J1")
    error = await refused("decided", jury.score(n.id, "J2", **grades()))  # type: ignore[arg-type]
    assert "redan utsedd" in error.message and n.nominee in error.message
    await refused("decided", jury.conflict(n.id, "J2"))
    await refused("decided", jury.decide(n.id, "J1"))
    assert len(await store.jury.audit(2023)) == 2


# --- what ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"innovation": 0},
        {"inspiration": 6},
        {"results": "tre"},
        {"innovation": "2.5"},
        {"collaboration": "kanske"},
        {"added_value": ""},
        {"comment": "x" * 2001},
        {"comment": "bra\x00"},
    ],
)
async def test_invalid_scores_are_refused(
    jury: JuryService, store: Store, nominations: list[Nomination], changes: dict[str, object]
) -> None:
    comment = changes.pop("comment", None)
    await refused("invalid", jury.score(nominations[0].id, "J1", comment=comment, **grades(**changes)))  # type: ignore[arg-type]
    assert await store.jury.audit(2023) == []


async def test_text_answers_are_accepted(jury: JuryService, nominations: list[Nomination]) -> None:
    score, _ = await jury.score(
        nominations[0].id,
        " J1 ",
        collaboration="ja",
        added_value="no",
        innovation="5",
        inspiration=" 1",
        results=3,
        comment="  Bra samverkan.\n  ",
    )
    assert (score.juror, score.collaboration, score.added_value, score.innovation, score.inspiration) == (
        "J1",
        True,
        False,
        5,
        1,
    )
    assert score.comment == "Bra samverkan." and score.value == 3


@pytest.mark.parametrize("which", [3, 4, 5, "okänd", ""])
async def test_only_submitted_nominations_of_the_round_can_be_scored(
    jury: JuryService, nominations: list[Nomination], which: int | str
) -> None:
    ident = nominations[which].id if isinstance(which, int) else which
    reason = "withdrawn" if which == 3 else "not_found"
    await refused(reason, jury.score(ident, "J1", **grades()))  # type: ignore[arg-type]


async def test_scoring_again_replaces_the_earlier_set(
    jury: JuryService, store: Store, nominations: list[Nomination]
) -> None:
    n = nominations[0]
    _, replaced = await jury.score(n.id, "J1", **grades(2))  # type: ignore[arg-type]
    assert not replaced
    _, replaced = await jury.score(n.id, "J1", **grades(5), comment="Ändrat")  # type: ignore[arg-type]
    assert replaced
    state = await jury.state("J1")
    assert [(s.juror, s.innovation, s.comment) for s in state.scores] == [("J1", 5, "Ändrat")]
    log = await store.jury.audit(2023)
    assert [(a.action, a.juror, a.details["innovation"]) for a in log] == [("score", "J1", 2), ("rescore", "J1", 5)]
    assert all(a.at is not None for a in log)


async def test_a_conflict_removes_the_score_and_blocks_scoring(
    jury: JuryService, store: Store, nominations: list[Nomination]
) -> None:
    n = nominations[0]
    await jury.score(n.id, "J2", **grades(5))  # type: ignore[arg-type]
    _, removed = await jury.conflict(n.id, "J2", "Jag sitter i styrelsen")
    assert removed
    state = await jury.state("J2")
    assert state.score_of("J2", n.id) is None
    error = await refused("conflict", jury.score(n.id, "J2", **grades()))  # type: ignore[arg-type]
    assert "jäv" in error.message
    await refused("already_conflict", jury.conflict(n.id, "J2"))
    log = await store.jury.audit(2023)
    assert [(a.action, a.details.get("reason"), a.details.get("score_removed")) for a in log][1] == (
        "conflict",
        "Jag sitter i styrelsen",
        True,
    )
    # Other nominations are still open to J2.
    await jury.score(nominations[1].id, "J2", **grades())  # type: ignore[arg-type]


# --- ranking --------------------------------------------------------------------------


async def test_score_is_the_mean_of_juror_means_and_eligibility_is_a_majority(
    jury: JuryService, nominations: list[Nomination]
) -> None:
    a, b, c = nominations[:3]
    await jury.score(a.id, "J1", **grades(innovation=5, inspiration=4, results=3))  # type: ignore[arg-type]
    await jury.score(a.id, "J2", **grades(2))  # type: ignore[arg-type]
    await jury.score(a.id, "J3", **grades(2, yes=False))  # type: ignore[arg-type]
    await jury.score(b.id, "J1", **grades(5))  # type: ignore[arg-type]
    await jury.score(b.id, "J2", **grades(5, added_value=False))  # type: ignore[arg-type]
    await jury.conflict(b.id, "J3")
    view = await jury.ranking("J1")
    by_id = {r.nomination_id: r for r in view.ranking}
    assert by_id[a.id].score == Fraction(4 + 2 + 2, 3) and by_id[a.id].scored_by == 3
    assert by_id[a.id].eligible is True  # two of three said yes to both
    assert by_id[b.id].score == 5 and by_id[b.id].eligible is False  # one of two is not a majority
    assert by_id[b.id].conflicts == 1
    assert by_id[c.id].score is None and by_id[c.id].eligible is None and by_id[c.id].scored_by == 0
    # Eligible first even with a lower score, then by score, unscored last.
    assert [r.nomination_id for r in view.ranking] == [a.id, b.id, c.id]
    assert view.winner is None
    assert view.missing == {"J1": [c.id], "J2": [c.id], "J3": [c.id]}
    assert nominations[3].id not in by_id  # withdrawn


async def test_ties_on_score_go_to_the_nomination_more_jurors_scored(
    jury: JuryService, nominations: list[Nomination]
) -> None:
    a, b, _ = nominations[:3]
    await jury.score(a.id, "J1", **grades(4))  # type: ignore[arg-type]
    await jury.score(b.id, "J1", **grades(4))  # type: ignore[arg-type]
    await jury.score(b.id, "J2", **grades(4))  # type: ignore[arg-type]
    view = await jury.ranking("J2")
    assert [r.nomination_id for r in view.ranking][:2] == [b.id, a.id]
    assert view.to_json()["ranking"][0] == {  # type: ignore[index]
        "nomination_id": b.id,
        "nominee": b.nominee,
        "score": 4.0,
        "scored_by": 2,
        "conflicts": 0,
        "eligible": True,
    }


async def test_jurors_with_nothing_missing_are_left_out(jury: JuryService, nominations: list[Nomination]) -> None:
    for n in nominations[:3]:
        await jury.score(n.id, "J1", **grades())  # type: ignore[arg-type]
    await jury.conflict(nominations[0].id, "J2")
    missing = (await jury.ranking("J3")).missing
    assert "J1" not in missing and missing["J2"] == [n.id for n in nominations[1:3]]
    assert missing["J3"] == [n.id for n in nominations[:3]]


# --- decision --------------------------------------------------------------------------


async def test_only_the_chair_decides_and_only_an_eligible_nomination(
    jury: JuryService, store: Store, clock: MutableClock, nominations: list[Nomination]
) -> None:
    a, b, c = nominations[:3]
    await jury.score(a.id, "J2", **grades(3))  # type: ignore[arg-type]
    await jury.score(b.id, "J2", **grades(5, yes=False))  # type: ignore[arg-type]
    error = await refused("not_chair", jury.decide(a.id, "J2"))
    assert "ordförande" in error.message
    await refused("not_eligible", jury.decide(b.id, "J1"))
    error = await refused("not_eligible", jury.decide(c.id, "J1"))
    assert "ingen i juryn har bedömt" in error.message
    await refused("withdrawn", jury.decide(nominations[3].id, "J1"))
    await refused("not_found", jury.decide(nominations[5].id, "J1"))
    assert await store.jury.messages() == []

    decision = await jury.decide(a.id, "J1")
    assert decision.chair == "J1" and decision.nomination_id == a.id
    view = await jury.ranking("J3")
    assert view.winner == a.id
    [announcement] = await store.jury.messages(2023, pending_only=True)
    assert announcement.kind == "jury_decision" and announcement.recipient is None
    assert a.nominee in announcement.text and "J1" in announcement.text
    assert [e.action for e in await store.jury.audit(2023)][-1] == "decision"


async def test_no_chair_means_no_decision(store: Store, clock: MutableClock, nominations: list[Nomination]) -> None:
    jury = JuryService(store.jury, store.nominations, round_2023(), clock, jurors=JURORS, chair=None)
    await jury.score(nominations[0].id, "J1", **grades())  # type: ignore[arg-type]
    await refused("no_chair", jury.decide(nominations[0].id, "J1"))


async def test_a_chair_with_jav_may_not_decide_that_nomination(
    jury: JuryService, store: Store, nominations: list[Nomination]
) -> None:
    """Without a deputy chair nobody can decide it, and the refusal says so."""
    a, b = nominations[:2]
    for n in (a, b):
        await jury.score(n.id, "J2", **grades(4))  # type: ignore[arg-type]
    await jury.conflict(a.id, "J1", "Min kollega leder insatsen")
    error = await refused("chair_conflict", jury.decide(a.id, "J1"))
    assert "jäv" in error.message and a.nominee in error.message and "JURY_DEPUTY_CHAIR_ID" in error.message
    assert (await store.jury.state(2023)).decision is None and await store.jury.messages() == []
    assert await jury.decidable("J1") == {b.id}
    await jury.decide(b.id, "J1")  # a nomination without the chair's jäv: the chair decides


@pytest.fixture
def with_deputy(store: Store, clock: MutableClock) -> JuryService:
    return JuryService(store.jury, store.nominations, round_2023(), clock, jurors=JURORS, chair="J1", deputy="J2")


async def test_the_deputy_chair_decides_only_where_the_chair_declared_jav(
    with_deputy: JuryService, store: Store, nominations: list[Nomination]
) -> None:
    jury = with_deputy
    a, b = nominations[:2]
    for n in (a, b):
        await jury.score(n.id, "J3", **grades(4))  # type: ignore[arg-type]
    await jury.conflict(a.id, "J1")
    error = await refused("chair_conflict", jury.decide(a.id, "J1"))
    assert "vice ordföranden J2" in error.message
    error = await refused("deputy_not_needed", jury.decide(b.id, "J2"))
    assert "bara när ordföranden har anmält jäv" in error.message
    for forged in ("U999", "J3", "J22"):
        await refused("not_juror" if forged != "J3" else "not_chair", jury.decide(a.id, forged))
    assert await jury.decidable("J1") == {b.id} and await jury.decidable("J2") == {a.id}
    assert await jury.decidable("J3") == set() and await jury.decidable("U999") == set()
    assert (await store.jury.state(2023)).decision is None

    decision = await jury.decide(a.id, "J2")
    assert decision.chair == "J2" and decision.nomination_id == a.id
    [entry] = [e for e in await store.jury.audit(2023) if e.action == "decision"]
    assert entry.juror == "J2" and entry.details["deputy_for"] == "J1"
    [announcement] = await store.jury.messages(2023, pending_only=True)
    assert "vice ordföranden J2" in announcement.text and "ordföranden har anmält jäv" in announcement.text
    assert await jury.decidable("J2") == set()


async def test_a_deputy_with_jav_too_may_not_decide(with_deputy: JuryService, nominations: list[Nomination]) -> None:
    a = nominations[0]
    await with_deputy.score(a.id, "J3", **grades(4))  # type: ignore[arg-type]
    await with_deputy.conflict(a.id, "J1")
    await with_deputy.conflict(a.id, "J2")
    error = await refused("conflict", with_deputy.decide(a.id, "J2"))
    assert "jäv" in error.message


async def test_deciding_before_the_period_closed_is_refused(
    jury: JuryService, clock: MutableClock, nominations: list[Nomination]
) -> None:
    clock.set(date(2023, 8, 31))
    await refused("not_open", jury.decide(nominations[0].id, "J1"))


# --- the deadline ------------------------------------------------------------------------


async def test_scoring_closes_after_the_deadline_and_the_chair_still_decides(
    jury: JuryService, store: Store, clock: MutableClock, nominations: list[Nomination]
) -> None:
    a, b = nominations[:2]
    clock.set(date(2023, 10, 1))  # the last day (default: 30 days after the period) still counts
    await jury.score(a.id, "J2", **grades(4))  # type: ignore[arg-type]
    for late in (date(2023, 10, 2), date(2026, 10, 1)):  # the next day, and three years later
        clock.set(late)
        error = await refused("past_deadline", jury.score(b.id, "J2", **grades(4)))  # type: ignore[arg-type]
        assert "Sista dag för juryns bedömning av Trygghetspriset 2023 var 1 oktober 2023" in error.message
        await refused("past_deadline", jury.score(a.id, "J2", **grades(5)))  # type: ignore[arg-type]
        assert await jury.scoring_closed_reason() == error.message
    assert [s.innovation for s in (await store.jury.state(2023)).scores] == [4]
    assert await jury.decidable("J1") == {a.id}
    decision = await jury.decide(a.id, "J1")
    assert decision.nomination_id == a.id


async def test_the_ranking_lists_nothing_left_to_assess_once_scoring_is_over(
    jury: JuryService, clock: MutableClock, nominations: list[Nomination]
) -> None:
    a = nominations[0]
    await jury.score(a.id, "J2", **grades(4))  # type: ignore[arg-type]
    assert set((await jury.ranking("J1")).missing) == {"J1", "J2", "J3"}
    clock.set(date(2023, 10, 2))
    assert (await jury.ranking("J1")).missing == {}
    clock.set(date(2023, 9, 20))
    await jury.decide(a.id, "J1")
    view = await jury.ranking("J1")
    assert view.missing == {} and view.to_json()["missing"] == {} and view.scoring_over


async def test_reminders_queued_before_the_decision_or_the_deadline_are_not_sent_after_it(
    jury: JuryService, store: Store, clock: MutableClock, nominations: list[Nomination]
) -> None:
    await jury.score(nominations[0].id, "J2", **grades(4))  # type: ignore[arg-type]
    clock.set(date(2023, 9, 30))
    await jury.send_reminders()
    queued = await store.jury.messages(2023, pending_only=True)
    assert [m.kind for m in queued] == ["jury_reminder"] * 3
    assert [await jury.still_due(m) for m in queued] == [True] * 3
    clock.set(date(2023, 10, 2))  # past the deadline
    assert [await jury.still_due(m) for m in queued] == [False] * 3
    clock.set(date(2023, 9, 30))
    await jury.decide(nominations[0].id, "J1")
    assert [await jury.still_due(m) for m in queued] == [False] * 3
    [announcement] = [m for m in await store.jury.messages(2023, pending_only=True) if m.kind == "jury_decision"]
    assert await jury.still_due(announcement)


# --- reminders -------------------------------------------------------------------------


def test_the_default_deadline_is_thirty_days_after_the_period() -> None:
    assert default_deadline(round_2023()) == date(2023, 10, 1)


async def test_reminders_go_out_once_per_reminder_day(
    jury: JuryService, store: Store, clock: MutableClock, nominations: list[Nomination]
) -> None:
    for n in nominations[:3]:
        await jury.score(n.id, "J1", **grades())  # type: ignore[arg-type]
    clock.set(date(2023, 9, 23))  # 8 days before 1 October
    assert await jury.due_reminders() == []
    clock.set(date(2023, 9, 24))
    due = await jury.due_reminders()
    assert [(r.juror, r.days_before, len(r.nominations)) for r in due] == [("J2", 7, 3), ("J3", 7, 3)]
    assert [ok for _, ok in await jury.send_reminders()] == [True, True]
    assert await jury.due_reminders() == [] and await jury.send_reminders() == []
    messages = await store.jury.messages(pending_only=True)
    assert [(m.kind, m.recipient) for m in messages] == [("jury_reminder", "J2"), ("jury_reminder", "J3")]
    assert nominations[0].nominee in messages[0].text and "1 oktober 2023" in messages[0].text

    await jury.conflict(nominations[0].id, "J2")
    for n in nominations[1:3]:
        await jury.score(n.id, "J2", **grades())  # type: ignore[arg-type]
    clock.set(date(2023, 9, 30))
    assert [(r.juror, r.days_before) for r in await jury.due_reminders()] == [("J3", 1)]
    await jury.send_reminders()
    clock.set(date(2023, 10, 2))
    assert await jury.due_reminders() == []


async def test_a_late_run_sends_only_the_latest_reminder(
    jury: JuryService, clock: MutableClock, nominations: list[Nomination]
) -> None:
    clock.set(date(2023, 9, 30))
    assert {r.days_before for r in await jury.due_reminders()} == {1}


async def test_no_reminders_before_scoring_opens_or_after_the_decision(
    store: Store, clock: MutableClock, nominations: list[Nomination]
) -> None:
    early = JuryService(
        store.jury,
        store.nominations,
        round_2023(),
        clock,
        jurors=JURORS,
        chair="J1",
        deadline=date(2023, 9, 5),
        remind_days=[7],
    )
    clock.set(date(2023, 9, 1))
    assert await early.due_reminders() == []
    clock.set(date(2023, 9, 2))
    assert len(await early.due_reminders()) == 3
    await early.score(nominations[0].id, "J1", **grades())  # type: ignore[arg-type]
    await early.decide(nominations[0].id, "J1")
    assert await early.due_reminders() == []


async def test_a_decision_landing_between_check_and_write_refuses_the_score(
    jury: JuryService, store: Store, nominations: list[Nomination]
) -> None:
    a = nominations[0]
    await jury.score(a.id, "J1", **grades())  # type: ignore[arg-type]
    real_state = store.jury.state
    calls = 0

    async def stale_state(round_year: int) -> JuryState:
        # The first read sees no decision; meanwhile the chair decides.
        nonlocal calls
        calls += 1
        state = await real_state(round_year)
        return state.model_copy(update={"decision": None}) if calls == 1 else state

    await jury.decide(a.id, "J1")
    store.jury.state = stale_state  # type: ignore[method-assign]
    await refused("decided", jury.score(a.id, "J2", **grades()))  # type: ignore[arg-type]
    store.jury.state = real_state  # type: ignore[method-assign]
    assert [s.juror for s in (await store.jury.state(2023)).scores] == ["J1"]

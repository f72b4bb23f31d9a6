"""Any order of score / re-score / conflict operations ranks like the final state applied at once."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.jury.model import ConflictDeclaration, JuryState, ScoreSet
from bot.jury.ranking import missing, rank
from bot.jury.service import JuryRefused, JuryService
from tests.jury.conftest import AFTER, JURORS, FakeNominations, MemoryJury, MutableClock, make_nomination, round_2023

NOMINATIONS = [make_nomination(i) for i in range(4)] + [make_nomination(9, status="withdrawn")]


@dataclass(frozen=True)
class Op:
    kind: str  # "score" or "conflict"
    juror: str
    nomination: int
    collaboration: bool = True
    added_value: bool = True
    grades: tuple[int, int, int] = (3, 3, 3)


GRADE = st.integers(min_value=1, max_value=5)
OPS = st.one_of(
    st.builds(
        Op,
        kind=st.just("score"),
        juror=st.sampled_from(JURORS),
        nomination=st.integers(0, len(NOMINATIONS) - 1),
        collaboration=st.booleans(),
        added_value=st.booleans(),
        grades=st.tuples(GRADE, GRADE, GRADE),
    ),
    st.builds(
        Op, kind=st.just("conflict"), juror=st.sampled_from(JURORS), nomination=st.integers(0, len(NOMINATIONS) - 1)
    ),
)


async def apply(ops: list[Op]) -> tuple[JuryService, MemoryJury]:
    repository = MemoryJury()
    clock = MutableClock(AFTER)
    jury = JuryService(repository, FakeNominations(NOMINATIONS), round_2023(), clock, jurors=JURORS, chair="J1")
    for op in ops:
        clock.tick()
        n = NOMINATIONS[op.nomination]
        try:
            if op.kind == "score":
                innovation, inspiration, results = op.grades
                await jury.score(
                    n.id,
                    op.juror,
                    collaboration=op.collaboration,
                    added_value=op.added_value,
                    innovation=innovation,
                    inspiration=inspiration,
                    results=results,
                )
            else:
                await jury.conflict(n.id, op.juror)
        except JuryRefused as refused:
            # Allowed refusals only: scoring after jäv, jäv twice, anything on a withdrawn nomination.
            assert refused.reason in {"conflict", "already_conflict", "withdrawn"}
    return jury, repository


def final_state(ops: list[Op]) -> JuryState:
    """The end result written down directly: jäv wins, otherwise the last score counts."""
    conflicts = {(op.juror, op.nomination) for op in ops if op.kind == "conflict"}
    last: dict[tuple[str, int], Op] = {}
    for op in ops:
        if op.kind == "score" and (op.juror, op.nomination) not in conflicts:
            last[(op.juror, op.nomination)] = op
    return JuryState(
        round_year=2023,
        scores=[
            ScoreSet(
                round_year=2023,
                nomination_id=NOMINATIONS[i].id,
                juror=juror,
                collaboration=op.collaboration,
                added_value=op.added_value,
                innovation=op.grades[0],
                inspiration=op.grades[1],
                results=op.grades[2],
                at=AFTER,
            )
            for (juror, i), op in last.items()
        ],
        conflicts=[
            ConflictDeclaration(round_year=2023, nomination_id=NOMINATIONS[i].id, juror=juror, at=AFTER)
            for juror, i in sorted(conflicts)
            if NOMINATIONS[i].status == "submitted"
        ],
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(OPS, max_size=30))
def test_any_order_gives_the_ranking_of_the_final_state(ops: list[Op]) -> None:
    jury, _ = asyncio.run(apply(ops))
    view = asyncio.run(jury.ranking("J1"))
    expected = final_state(ops)
    submitted = [n for n in NOMINATIONS if n.status == "submitted"]
    assert view.ranking == rank(submitted, expected)
    assert view.missing == missing(submitted, expected, JURORS)


@settings(max_examples=100, deadline=None)
@given(st.lists(OPS, max_size=25).flatmap(lambda ops: st.tuples(st.just(ops), st.permutations(ops))))
def test_reordering_operations_on_different_pairs_does_not_change_the_ranking(
    pair: tuple[list[Op], list[Op]],
) -> None:
    ops, shuffled = pair
    # Keep each (juror, nomination)'s own operations in their original order: only their final state matters.
    by_pair: dict[tuple[str, int], list[Op]] = {}
    for op in ops:
        by_pair.setdefault((op.juror, op.nomination), []).append(op)
    reordered = [by_pair[(op.juror, op.nomination)].pop(0) for op in shuffled]
    first, _ = asyncio.run(apply(ops))
    second, _ = asyncio.run(apply(reordered))
    assert asyncio.run(first.ranking("J1")).to_json() == asyncio.run(second.ranking("J2")).to_json()

"""The ranking: pure functions from nominations and the jury's records.

* A juror's value for a nomination is the mean of their three assessment numbers;
  the nomination's score is the mean of those values over the jurors who scored it
  (``None`` when nobody has).
* It is eligible when a majority (more than half) of those jurors said yes to both
  mandatory criteria (``None`` when nobody has scored it).
* Order: eligible first, then score (highest first, unscored last), then the number
  of jurors who scored it (most first); ties keep submission order.
* Only submitted nominations of the round take part (withdrawn ones are left out).

Means are computed with fractions, so the result does not depend on the order in
which scores were given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from bot.jury.model import JuryState
from bot.nominations.model import Nomination, NominationStatus


@dataclass(frozen=True)
class RankedNomination:
    nomination_id: str
    nominee: str
    score: Fraction | None
    scored_by: int
    conflicts: int
    eligible: bool | None
    yes_votes: int = 0

    @property
    def score_float(self) -> float | None:
        return None if self.score is None else float(self.score)


def candidates(nominations: Sequence[Nomination], round_year: int) -> list[Nomination]:
    """The nominations the jury assesses: submitted in the round, in submission order."""
    found = [n for n in nominations if n.round_year == round_year and n.status == NominationStatus.submitted]
    return sorted(found, key=lambda n: (n.submitted_at or n.created_at, n.id))


def assess(nomination: Nomination, state: JuryState) -> RankedNomination:
    scores = [s for s in state.scores if s.nomination_id == nomination.id]
    conflicts = {c.juror for c in state.conflicts if c.nomination_id == nomination.id}
    # A conflict removes the score; guard here too so a ranking never counts one.
    scores = [s for s in scores if s.juror not in conflicts]
    if not scores:
        return RankedNomination(nomination.id, nomination.nominee, None, 0, len(conflicts), None)
    score = sum((s.value for s in scores), Fraction(0)) / len(scores)
    yes = sum(1 for s in scores if s.mandatory_met)
    return RankedNomination(
        nomination.id, nomination.nominee, score, len(scores), len(conflicts), 2 * yes > len(scores), yes
    )


def rank(nominations: Sequence[Nomination], state: JuryState) -> list[RankedNomination]:
    assessed = [assess(n, state) for n in candidates(nominations, state.round_year)]
    # sorted() is stable: equal keys keep submission order.
    return sorted(
        assessed,
        key=lambda r: (
            0 if r.eligible is True else 1,
            r.score is None,
            -(r.score or 0),
            -r.scored_by,
        ),
    )


def missing(nominations: Sequence[Nomination], state: JuryState, jurors: Sequence[str]) -> dict[str, list[str]]:
    """Per juror, the nominations they have neither scored nor declared a conflict on.

    Jurors with nothing missing are left out.
    """
    done = {(s.juror, s.nomination_id) for s in state.scores} | {(c.juror, c.nomination_id) for c in state.conflicts}
    found: dict[str, list[str]] = {}
    for juror in jurors:
        ids = [n.id for n in candidates(nominations, state.round_year) if (juror, n.id) not in done]
        if ids:
            found[juror] = ids
    return found

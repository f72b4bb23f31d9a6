"""What jurors see and what nominators see.

Scores, comments, conflicts, the ranking and the audit trail are for jurors only.
A nominator sees only their own nominations and, of those, only the status (and,
once the winner is decided and announced by the city, nothing more from the jury).
Surfaces (Slack, the command line) go through these helpers instead of deciding
on their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nominations.model import Nomination, Nominator

# Keys of jury data that must never reach a nominator's view or the nominators' export.
JURY_ONLY_FIELDS = frozenset(
    {"scores", "score", "scored_by", "conflicts", "eligible", "ranking", "comment", "audit", "decision", "missing"}
)


def can_see_jury_data(user: str | None, jurors: Sequence[str]) -> bool:
    """Only a juror (an id in ``JURY_USER_IDS``) sees scores, conflicts and the ranking."""
    return user is not None and user.strip() in jurors


def nominator_view(nomination: Nomination, nominator: Nominator) -> dict[str, str] | None:
    """A nominator's view of one nomination: their own only, and only its status."""
    if nomination.nominator.key != nominator.key:
        return None
    return {"id": nomination.id, "nominee": nomination.nominee, "status": nomination.status}


def nominator_views(nominations: Sequence[Nomination], nominator: Nominator) -> list[dict[str, str]]:
    return [view for n in nominations if (view := nominator_view(n, nominator)) is not None]

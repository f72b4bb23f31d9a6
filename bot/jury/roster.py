"""Who the jurors are, whichever chat platform they use.

``JURY_USER_IDS`` names each juror by platform id: a Slack user id (``U0123ABC``) or, for
Teams, the Entra object id (``from.aadObjectId``, a GUID). A person who uses both is one
entry with both ids joined by ``=`` (``U0123ABC=3f2a…-…``): they are one juror, with one
score per nomination and one reminder, whichever platform they act on. The entry's first id
is the juror's name in the records (scores, audit, reminders); ``JURY_CHAIR_ID`` may name
the chair by any of their ids.

Which id belongs to which platform is read from its form: an Entra object id is a GUID,
which no Slack id ever is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

ALIAS_SEPARATOR = "="
_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


def entry_ids(entry: str) -> list[str]:
    """The ids of one ``JURY_USER_IDS`` entry, in order, without blanks."""
    return [part.strip() for part in entry.split(ALIAS_SEPARATOR) if part.strip()]


def is_entra_id(user_id: str) -> bool:
    """True for an Entra object id (what Teams names a user by), False for a Slack id."""
    return _GUID.fullmatch(user_id.strip()) is not None


@dataclass(frozen=True)
class Roster:
    """The jurors (each by their first id) and every id each of them is known by."""

    jurors: list[str] = field(default_factory=list)
    _by_id: dict[str, str] = field(default_factory=dict)  # casefolded id -> juror
    _ids: dict[str, list[str]] = field(default_factory=dict)  # juror -> their ids as written

    @classmethod
    def parse(cls, entries: Iterable[str]) -> Roster:
        jurors: list[str] = []
        by_id: dict[str, str] = {}
        ids_of: dict[str, list[str]] = {}
        for entry in entries:
            ids = list(dict.fromkeys(one for one in entry_ids(entry) if one.casefold() not in by_id))
            if not ids:
                continue
            juror = ids[0]
            jurors.append(juror)
            ids_of[juror] = ids
            # Entra object ids are GUIDs, written in either case: matched without it.
            by_id.update({one.casefold(): juror for one in ids})
        return cls(jurors, by_id, ids_of)

    def juror(self, user_id: str | None) -> str | None:
        """The juror ``user_id`` is (by any of their ids), or None for someone not on the jury."""
        return self._by_id.get(user_id.strip().casefold()) if user_id else None

    def ids(self, juror: str) -> list[str]:
        """Every id ``juror`` is known by (theirs first)."""
        return list(self._ids.get(juror, [juror]))

    def teams_ids(self, juror: str) -> list[str]:
        return [one for one in self.ids(juror) if is_entra_id(one)]

    def slack_ids(self, juror: str) -> list[str]:
        return [one for one in self.ids(juror) if not is_entra_id(one)]

"""Reassigning families: the supervisor moves one family or many to another caseworker of the
team, with a handover note the new caseworker reads, and the history of responsible specialists
kept in the household's `specialists` (who, from, until, the note given at the handover).

The change is an ordinary household update (`caseworker_id` and `specialists`); the server
checks that the author is a supervisor and the new caseworker is in her team
(sync.server.review.check_caseworker), moves the family's scope and evicts it from the laptop
of the caseworker who lost it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from casework.handover import NOTE_MAX, handed_over
from fieldapp.store.transaction import Transaction

__all__ = ["NOTE_MAX", "handed_over", "reassign"]


def reassign(tx: Transaction, household_ids: Iterable[str], user_id: str, name: str, note: str,
             today: dt.date) -> int:
    """Give each household to `user_id` (named `name`), with the handover `note`; returns how
    many moved (a family already theirs is left as it is). All in the caller's transaction."""
    moved = 0
    for hid in household_ids:
        household = tx.get("households", hid)
        if household is None or household.get("deleted") or household.get("caseworker_id") == user_id:
            continue
        tx.update("households", hid, {
            "caseworker_id": user_id,
            "specialists": handed_over(household.get("specialists") or [], user_id, name, note, today),
        })
        moved += 1
    return moved


def handover_note(household: Mapping[str, Any], user_id: str | None) -> str | None:
    """The note left for `user_id` when the family was handed to them (the latest), if any."""
    for s in reversed(list(household.get("specialists") or [])):
        if isinstance(s, Mapping) and s.get("user_id") == user_id and s.get("until") in (None, ""):
            note = str(s.get("handover_note") or "").strip()
            return note or None
    return None


def handed_to(store: Any, user_id: str | None, since: dt.date) -> list[tuple[str, str, str, str]]:
    """Families handed to `user_id` from `since` on, with a note: (household id, family name,
    case number, note), newest first — what the new caseworker reads on her Returned tab."""
    if not user_id:
        return []
    out = []
    for h in store.records("households"):
        mine = [s for s in h.get("specialists") or [] if isinstance(s, Mapping) and s.get("user_id") == user_id
                and s.get("until") in (None, "") and str(s.get("from") or "") >= since.isoformat()]
        note = handover_note(h, user_id)
        if mine and note and h.get("caseworker_id") == user_id:
            out.append((str(mine[-1].get("from")), h["id"], str(h.get("family_name") or ""),
                        str(h.get("case_number") or ""), note))
    return [(hid, name, number, note) for _day, hid, name, number, note in sorted(out, reverse=True)]

"""The history of the specialists responsible for a case, kept in the household's `specialists`:
one rule for the supervisor's reassignment on a laptop (fieldapp/store/handover.py) and the
server's `fieldapp-server assign` (sync/server/admin.py), so both write the same history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

NOTE_MAX = 4000


def handed_over(specialists: Iterable[Mapping[str, Any]], user_id: str, name: str, note: str,
                today: dt.date) -> list[dict[str, Any]]:
    """The specialists list after a handover: whoever was responsible until now gets `until`,
    and the new caseworker an entry from today with the note."""
    out: list[dict[str, Any]] = []
    for s in specialists:
        entry = dict(s)
        if entry.get("until") in (None, "") and entry.get("user_id") != user_id:
            entry["until"] = today.isoformat()
        out.append(entry)
    out.append({"name": name, "user_id": user_id, "from": today.isoformat(), "until": None,
                "role": "caseworker", "handover_note": note.strip()[:NOTE_MAX]})
    return out

"""`fieldapp-server assign`: give families to a caseworker by household id or case number, or
every active family of one caseworker to another (when a worker leaves). Each family moves as
`admin.assign` moves one: in the new caseworker's team, evicted from the laptops that lose it."""

from __future__ import annotations

import json

import sqlalchemy as sa

from sync.server.admin import AdminError, _user, assign
from sync.server.db import households, reading, records


def resolve(engine: sa.Engine, refs: list[str]) -> list[str]:
    """Household ids for `refs`, each a household id or a case number (like 2026/1-0001)."""
    wanted = [r.strip() for r in refs if r.strip()]
    with reading(engine) as conn:
        rows = conn.execute(sa.select(records.c.id, records.c.data).where(
            records.c.collection == "households", records.c.deleted.is_(False))).all()
    by_number: dict[str, str] = {}
    ids = set()
    for rid, data in rows:
        ids.add(rid)
        number = json.loads(data).get("case_number")
        if number:
            by_number[str(number)] = rid
    out = []
    for ref in wanted:
        hid = ref if ref in ids else by_number.get(ref)
        if hid is None:
            raise AdminError(f"No family with the id or case number {ref!r} on this server; nothing was assigned.")
        out.append(hid)
    return list(dict.fromkeys(out))


def families_of(engine: sa.Engine, username: str) -> list[str]:
    """The household ids assigned to `username` that are not closed."""
    with reading(engine) as conn:
        user = _user(conn, username)
        return [hid for (hid,) in conn.execute(
            sa.select(households.c.household_id).where(households.c.caseworker_id == user.id,
                                                       households.c.status != "closed")
            .order_by(households.c.household_id))]


def assign_families(engine: sa.Engine, refs: list[str], to_username: str, *,
                    from_username: str | None = None) -> int:
    """Assign the families named by `refs` (and, with `from_username`, all of that caseworker's
    active families) to `to_username`; returns how many. Every reference is checked before
    the first family moves."""
    ids = resolve(engine, refs)
    if from_username:
        ids = list(dict.fromkeys([*ids, *families_of(engine, from_username)]))
    if not ids:
        raise AdminError("No family to assign: give case numbers or household ids, or --from USER.")
    for hid in ids:
        assign(engine, hid, to_username)
    return len(ids)

"""Where families belong: assignment to a caseworker and team (evictions for those who lose a
family, the whole subtree for those who gain it), retention, and forgetting old deletions."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from casework.deadlines import closure_follow_up_due
from casework.handover import handed_over
from sync.server.audit import audit_row, now_iso, write_audit
from sync.server.db import households, records, scope_events, sync_state, users
from sync.server.feed import Feed, dump, load_record, lock_household, lock_households
from sync.server.scope import Actor


def _supervisors(conn: sa.Connection, team_id: str | None) -> set[str]:
    if team_id is None:
        return set()
    return set(conn.execute(sa.select(users.c.id).where(
        users.c.team_id == team_id, users.c.role == "supervisor")).scalars())


def renumber_subtree(conn: sa.Connection, feed: Feed, hh_id: str) -> None:
    """Give every record of a household a new sequence number: new holders receive the subtree.

    The caller holds the household's lock, and every writer of a record under
    it takes that lock first, so these rows are free to renumber.
    """
    ids = list(conn.execute(sa.select(records.c.id).where(records.c.household_id == hh_id)
                            .order_by(records.c.seq)).scalars())
    for rid in ids:
        feed.touch(rid)


def move_household(conn: sa.Connection, feed: Feed, hh_id: str, caseworker_id: str | None,
                   team_id: str | None, now: str, *, update_record: bool = True,
                   actor: Actor | None = None, handover: tuple[str, str] | None = None) -> None:
    """Assign a household to `caseworker_id` in `team_id`: evictions for those who lose it,
    the whole subtree for those who gain it. With `handover` (the new caseworker's name, a
    note) the household's history of responsible specialists gains the move."""
    hh = lock_household(conn, hh_id)
    losing: set[str] = set()
    if hh.caseworker_id and hh.caseworker_id != caseworker_id:
        losing.add(hh.caseworker_id)
    if hh.team_id != team_id:
        losing |= _supervisors(conn, hh.team_id) - _supervisors(conn, team_id)
    for user_id in sorted(losing):
        feed.evict(user_id, hh_id, now)
    conn.execute(sa.update(households).where(households.c.household_id == hh_id)
                 .values(caseworker_id=caseworker_id, team_id=team_id))
    if update_record:
        row = load_record(conn, hh_id)
        data = json.loads(row.data)
        data.update(caseworker_id=caseworker_id, team_id=team_id)
        if handover is not None and caseworker_id is not None:
            name, note = handover
            data["specialists"] = handed_over(data.get("specialists") or [], caseworker_id, name, note,
                                              datetime.fromisoformat(now).date())
        conn.execute(sa.update(records).where(records.c.id == hh_id).values(
            version=row.version + 1, updated_at=now, data=dump(data),
            updated_by=actor.user_id if actor else None, device_id=None))
    renumber_subtree(conn, feed, hh_id)
    write_audit(conn, [audit_row(actor, "assign", "households", hh_id, hh_id, None, now)])


def _follow_up_pending(conn: sa.Connection, household_id: str) -> bool:
    # A follow-up after closure keeps the family on the laptop until it is done (docs/case-model.md).
    data = conn.execute(sa.select(records.c.data).where(records.c.id == household_id)).scalar()
    return data is not None and closure_follow_up_due(json.loads(data)) is not None


def retire_closed(engine: sa.Engine, days: int) -> int:
    """Closed households past the retention period leave caseworkers' laptops (evictions)."""
    limit = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="milliseconds")
    now = now_iso()
    with engine.begin() as conn:
        feed = Feed(conn)
        due = conn.execute(sa.select(households).where(
            households.c.status == "closed", households.c.retired.is_(False),
            households.c.closed_at <= limit).order_by(households.c.household_id)
            .with_for_update()).all()
        due = [hh for hh in due if not _follow_up_pending(conn, hh.household_id)]
        for hh in due:
            if hh.caseworker_id:
                feed.evict(hh.caseworker_id, hh.household_id, now)
            conn.execute(sa.update(households).where(households.c.household_id == hh.household_id)
                         .values(retired=True))
        feed.close()
    return len(due)


def purge_tombstones(engine: sa.Engine, days: int) -> int:
    """Forget deleted records (and evictions) older than `days`; older cursors then answer 410."""
    limit = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="milliseconds")
    with engine.begin() as conn:
        families = conn.execute(sa.select(records.c.household_id).where(
            records.c.deleted.is_(True), records.c.updated_at <= limit)).scalars()
        lock_households(conn, [f for f in families if f])
        conn.execute(sa.update(sync_state).where(sync_state.c.id == 1)
                     .values(seq=sync_state.c.seq))  # the feed's lock, last, as every writer
        top = conn.execute(sa.select(sa.func.max(records.c.seq)).where(
            records.c.deleted.is_(True), records.c.updated_at <= limit)).scalar()
        top_ev = conn.execute(sa.select(sa.func.max(scope_events.c.seq)).where(
            scope_events.c.at <= limit)).scalar()
        gone = conn.execute(records.delete().where(
            records.c.deleted.is_(True), records.c.updated_at <= limit)).rowcount
        conn.execute(scope_events.delete().where(scope_events.c.at <= limit))
        floor = max(top or 0, top_ev or 0)
        if floor:
            conn.execute(sa.update(sync_state).where(sync_state.c.id == 1).values(
                min_cursor=sa.func.max(sync_state.c.min_cursor, floor)
                if conn.dialect.name == "sqlite" else sa.func.greatest(sync_state.c.min_cursor, floor)))
    return int(gone or 0)

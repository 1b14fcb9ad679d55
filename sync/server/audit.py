"""The audit log: who read or changed which record, when, from which laptop (append-only).

A change is one row. A pull's ordinary reads are one row per page (`page_read_row`): action
`read`, the page's record ids and their families' ids as a JSON list in `read_ids`; a read of
protected content stays one `read_protected` row per record. `read_filter` finds a record in
either form, so `who_read` (``fieldapp-server audit who-read RECORD``) and `audit --record`
answer "who read record X, when" from both.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from sync.server.db import audit, reading, users
from sync.server.feed import insert_many, unnest_source
from sync.server.scope import Actor

# Who acts when no signed-in user does: the command line's login (set by sync/server/cli.py for
# every command but `serve`), so that IT's changes carry a name in the audit log too.
_command_line_actor: str | None = None

# A change of review_status is a decision, and the audit log names it as one (not "update").
REVIEW_ACTIONS = {"approved": "approve", "returned": "return", "submitted": "submit"}


def set_command_line_actor(label: str | None) -> None:
    """Name the person behind this process's audit rows that have no user (e.g. "cli:root")."""
    global _command_line_actor
    _command_line_actor = label[:120] if label else None


def change_action(before: dict[str, Any], applied: dict[str, Any]) -> str:
    """The audit action of an applied update: approve, return, submit, or update."""
    status = applied.get("review_status")
    if status is not None and status != before.get("review_status"):
        return REVIEW_ACTIONS.get(str(status), "update")
    return "update"


def now_iso() -> str:
    """Now, as the server writes times: UTC ISO 8601 to the millisecond."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def write_audit(conn: sa.Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Append `rows` (made by `audit_row`) in the caller's transaction."""
    insert_many(conn, audit, list(rows))


# The columns an audit row has (`audit_row`, `page_read_row`), in `seen_and_audited`'s order.
_COLUMNS = ("at", "user_id", "device_id", "action", "collection", "record_id", "household_id",
            "detail", "actor", "read_ids")


def seen_and_audited(conn: sa.Connection, device_id: str, now: str,
                     rows: Sequence[dict[str, Any]]) -> str | None:
    """PostgreSQL, one statement (one round trip, no transaction block around it: run it in
    autocommit): mark the device seen at `now` and append `rows` unless the device is revoked.

    Answers the device's `revoked_at` (None: not revoked, or no such device); a revoked
    device's rows are not written (the caller writes its own entry for that).
    """
    source, params = unnest_source(conn, audit, _COLUMNS,
                                   [tuple(row.get(n) for n in _COLUMNS) for row in rows])
    names = ", ".join(f'"{n}"' for n in _COLUMNS)
    found = conn.exec_driver_sql(
        "WITH seen AS (UPDATE devices SET last_seen_at = %s WHERE device_id = %s "
        "RETURNING revoked_at), "
        f"written AS (INSERT INTO audit ({names}) SELECT * FROM {source} "
        "WHERE NOT EXISTS (SELECT 1 FROM seen WHERE revoked_at IS NOT NULL)) "
        "SELECT revoked_at FROM seen", (now, device_id, *params)).first()
    return found[0] if found is not None else None


def audit_row(actor: Actor | None, action: str, collection: str | None = None,
              record_id: str | None = None, household_id: str | None = None,
              detail: str | None = None, at: str | None = None) -> dict[str, Any]:
    """One entry of the audit log: ids and an action, never a record's content."""
    return {"at": at or now_iso(), "user_id": actor.user_id if actor else None,
            "device_id": actor.device_id if actor else None, "action": action,
            "collection": collection, "record_id": record_id, "household_id": household_id,
            "detail": detail, "actor": None if actor else _command_line_actor}




def page_read_row(actor: Actor, read: Sequence[tuple[str, str | None]], at: str) -> dict[str, Any]:
    """One audit row for a pull's page: `read` holds (record id, household id) of each record sent."""
    ids = list(dict.fromkeys([rid for rid, _hh in read] + [hh for _rid, hh in read if hh]))
    return {**audit_row(actor, "read", detail=f"pull page of {len(read)} records", at=at),
            "read_ids": json.dumps(ids, ensure_ascii=False, separators=(",", ":"))}


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def read_filter(record: str) -> sa.ColumnElement[bool]:
    """Audit rows about `record` (a record or a household id): its own rows and the pull pages
    that held it (the JSON list holds it as `"record"`, quotes included, so no other id matches)."""
    token = json.dumps(record, ensure_ascii=False)
    return sa.or_(audit.c.record_id == record, audit.c.household_id == record,
                  audit.c.read_ids.like(f"%{_like_escape(token)}%", escape="\\"))


def who_read(engine: sa.Engine, record: str, limit: int = 1000) -> list[dict[str, Any]]:
    """Every read of `record` (or of a record of the household `record`), oldest first:
    when, who (user id and name), from which laptop, and whether it was protected content."""
    with reading(engine) as conn:
        rows = conn.execute(
            sa.select(audit.c.id, audit.c.at, audit.c.user_id, users.c.username, audit.c.device_id,
                      audit.c.action, audit.c.record_id, audit.c.read_ids)
            .select_from(audit.outerjoin(users, users.c.id == audit.c.user_id))
            .where(audit.c.action.in_(("read", "read_protected")), read_filter(record))
            .order_by(audit.c.id.desc()).limit(limit)).all()
    out = []
    for row in reversed(rows):
        if row.read_ids is not None and record not in json.loads(row.read_ids):
            continue  # the text matched inside another id (it cannot, but the list is the truth)
        out.append({"id": row.id, "at": row.at, "user_id": row.user_id, "username": row.username,
                    "device_id": row.device_id, "action": row.action, "record_id": record})
    return out

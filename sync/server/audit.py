"""The audit log: who read or changed which record, when, from which laptop (append-only)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from sync.server.db import audit
from sync.server.feed import insert_many
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


def audit_row(actor: Actor | None, action: str, collection: str | None = None,
              record_id: str | None = None, household_id: str | None = None,
              detail: str | None = None, at: str | None = None) -> dict[str, Any]:
    """One entry of the audit log: ids and an action, never a record's content."""
    return {"at": at or now_iso(), "user_id": actor.user_id if actor else None,
            "device_id": actor.device_id if actor else None, "action": action,
            "collection": collection, "record_id": record_id, "household_id": household_id,
            "detail": detail, "actor": None if actor else _command_line_actor}



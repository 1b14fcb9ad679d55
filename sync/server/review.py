"""The rules a change must pass besides scope: valid values, the review workflow, the lock on
approved records, and who may assign a family.

Each check raises `Rejected` (a stable code and a sentence) and changes nothing;
the push answers it as that change's `rejected` result.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa

from casework import records as schemas
from sync.protocol import LOCKED_STATES, REVIEWED_COLLECTIONS
from sync.server.db import records, users
from sync.server.scope import Actor


class Rejected(Exception):
    """A change the rules refuse: `code` is a stable protocol error code."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code
        self.detail = detail


def _validation_problems(collection: str, record: dict[str, Any],
                         today: dt.date | None) -> set[tuple[str, str]]:
    # casework.records is the schema both ends validate with.
    return {(p.field, p.message.render()) for p in schemas.validate(collection, record, today)}


def check_valid(collection: str, before: dict[str, Any] | None, after: dict[str, Any],
                today: dt.date | None = None) -> None:
    """Refuse a change that brings a new problem into the record (old ones are not its fault).

    `today` (the server's local date) is taken once per push by its caller: `date.today()`
    was 4 % of a push's CPU, asked afresh for each of its 500 changes."""
    new = _validation_problems(collection, after, today)
    if before is not None and new:
        new -= _validation_problems(collection, before, today)
    if new:
        field_name, sentence = sorted(new)[0]
        raise Rejected("invalid_payload", f"Field '{field_name}': {sentence}")


def check_locked(collection: str, current: dict[str, Any], touched: set[str], delete: bool) -> None:
    """An approved (locked) record changes only by its review status (a supervisor reopening it)."""
    if (collection in REVIEWED_COLLECTIONS and current.get("review_status") in LOCKED_STATES
            and (delete or not schemas.lock_allows(collection, touched))):
        raise Rejected("record_locked", "This record was approved by a supervisor and is locked; "
                                        "a supervisor must reopen it before it can change.")


def _is_author(actor: Actor, row: Any, hh: Any) -> bool:
    if row is not None and row.created_by == actor.user_id:
        return True
    return actor.role == "caseworker" and hh is not None and hh.caseworker_id == actor.user_id


def wrote_it(actor: Actor, row: Any) -> bool:
    """Whether the actor wrote the record's content: created it, or made its latest change."""
    return row is not None and actor.user_id in (row.created_by, row.updated_by)


def check_review(actor: Actor, old: str | None, new: Any, row: Any, hh: Any) -> None:
    """Refuse a review-status move the actor's role may not make (casework's review workflow);
    nobody approves what they wrote themselves (four eyes)."""
    if not isinstance(new, str):
        return  # validation names the field
    roles = []
    if _is_author(actor, row, hh) or row is None:
        roles.append("author")
    if actor.role == "supervisor" and hh is not None and hh.team_id == actor.team_id:
        roles.append("supervisor")
    if new == "approved" and old != new and wrote_it(actor, row):
        raise Rejected("forbidden", "Nobody approves a record they wrote themselves; another "
                                    "supervisor of the team approves it.")
    if not any(schemas.review_transition_allowed(old, new, role) for role in roles):
        who = "a supervisor of the team" if new in ("approved", "returned") else "the author"
        raise Rejected("forbidden", f"A record cannot go from '{old or 'new'}' to '{new}' "
                                    f"this way; only {who} can do that.")


REVIEW_RECORDS = "reviews"  # the collection of supervisors' verdicts (who, when, what)


def check_review_record(conn: sa.Connection, actor: Actor, data: dict[str, Any], hh: Any,
                        now: str) -> dict[str, Any]:
    """A new review record, as the server keeps it: written only by a supervisor of the family's
    team, about a record of that family already in the state it records, never by its own
    author; `reviewer_id` and `reviewed_at` are the server's (the caller and now)."""
    if actor.role != "supervisor" or hh is None or hh.team_id != actor.team_id:
        raise Rejected("forbidden", "Only a supervisor of the family's team records a review.")
    subject = None
    collection, record_id = data.get("record_collection"), data.get("record_id")
    if collection in schemas.REVIEWED_COLLECTIONS and isinstance(record_id, str):
        subject = conn.execute(sa.select(records).where(records.c.id == record_id,
                                                        records.c.collection == collection)).first()
    if subject is None or subject.household_id != hh.household_id or subject.deleted:
        raise Rejected("invalid_payload", "A review names a record of the same family "
                                          "('record_collection', 'record_id').")
    status = data.get("status")
    if json.loads(subject.data).get("review_status") != status:
        raise Rejected("forbidden", f"The record is not '{status}': a review records a decision "
                                    "the record itself carries (push the record's change first).")
    if actor.user_id == subject.created_by:
        raise Rejected("forbidden", "Nobody reviews a record they wrote themselves; another "
                                    "supervisor of the team reviews it.")
    return {**data, "reviewer_id": actor.user_id, "reviewed_at": now}


def check_caseworker(conn: sa.Connection, actor: Actor, user_id: Any) -> None:
    """Only a supervisor assigns, and only to an active caseworker of their own team."""
    if actor.role != "supervisor":
        raise Rejected("forbidden", "Only a supervisor (or IT) can assign a family to a caseworker.")
    if user_id is None:
        return
    target = conn.execute(sa.select(users).where(users.c.id == str(user_id))).first()
    if target is None or target.role != "caseworker" or target.team_id != actor.team_id or target.disabled:
        raise Rejected("invalid_payload", "'caseworker_id' must be an active caseworker of your team.")

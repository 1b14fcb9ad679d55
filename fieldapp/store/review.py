"""Read queries for reviewing: the supervisor's queue, a record's review history, and what was
returned to the caseworker with a comment."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldapp.store import records
from fieldapp.store.driver import sqlite_utils

if TYPE_CHECKING:  # decisions.py imports this module inside the store's transaction code
    from fieldapp.store.database import Store

# Which field dates a reviewed record, per collection.
_DATED_BY = {"visits": "started_at", "assessments": "started_on", "plans": "drawn_up_on", "households": "closed_on"}


def decision_changes(collection: str, decision: str) -> dict[str, Any]:
    """The fields a review decision writes, in the same change as the review status.

    A household's review is its closure (docs/case-model.md, "Closure"): the case closes when
    the supervisor approves the report on the results, and a return (or reopening) leaves it
    active, so a closed household is always an approved one on both ends.
    """
    changes: dict[str, Any] = {"review_status": decision}
    if collection == "households":
        changes["status"] = "closed" if decision == "approved" else "active"
    return changes


def wrote_it(db: sqlite_utils.Database, collection: str, record: Mapping[str, Any],
             reviewer_id: str | None) -> bool:
    """Whether the reviewer is the record's author, who may not approve it herself.

    She is, when the server names her as the last to change it, or when this laptop holds
    typing of the record not yet synced (never sent, or changes still to push): on a
    supervisor's laptop, only she types.
    """
    if reviewer_id is None:  # the enrolled user of this laptop (fieldapp.sync.device.enrolled_user)
        try:
            user = json.loads(records.get_meta(db, "user") or "{}")
        except ValueError:
            user = {}
        reviewer_id = user.get("id") if isinstance(user, dict) else None
    if reviewer_id is not None and record.get("updated_by") == reviewer_id:
        return True
    if not record.get("version"):
        return True
    row = db.execute("SELECT 1 FROM outbox WHERE collection = ? AND record_id = ? AND state = 'pending' LIMIT 1",
                     [collection, record["id"]]).fetchone()
    return row is not None


@dataclass(frozen=True)
class ReviewItem:
    collection: str
    record_id: str
    household_id: str
    family_name: str
    case_number: str
    date: str  # ISO date (or date-time) of what was recorded
    safety_concern: bool
    status: str
    comment: str | None = None  # the latest review comment, for returned records
    version: int | None = None  # the server's version when read: a decision is for this version only
    updated_at: str = ""
    caseworker_id: str = ""  # the family's responsible caseworker
    returned_at: str = ""  # when it was last returned (the returned-and-waiting list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.collection, self.record_id)


def _items(store: Store, status: str) -> list[ReviewItem]:
    db = store.read()
    out = []
    for collection, date_field in _DATED_BY.items():
        rows = db.execute(
            f"SELECT r.id, r.household_id, r.data, h.data, r.version, r.updated_at FROM [{collection}] r "
            "JOIN households h ON h.id = r.household_id "
            "WHERE r.deleted = 0 AND json_extract(r.data, '$.review_status') = ?",
            [status],
        ).fetchall()
        for rid, hid, data, hdata, version, updated_at in rows:
            record, household = json.loads(data), json.loads(hdata)
            out.append(ReviewItem(
                collection=collection, record_id=rid, household_id=hid,
                family_name=household.get("family_name", ""), case_number=household.get("case_number", ""),
                date=str(record.get(date_field) or ""), safety_concern=record.get("safety_concern") is True,
                status=status, version=version, updated_at=str(updated_at or ""),
                caseworker_id=str(household.get("caseworker_id") or ""),
            ))
    return out


def review_queue(store: Store) -> list[ReviewItem]:
    """Submitted visits, assessments, plans and closures: safety concerns first, then the oldest."""
    return sorted(_items(store, "submitted"), key=lambda i: (not i.safety_concern, i.date, i.record_id))


def approved(store: Store) -> list[ReviewItem]:
    """Approved (locked) records, newest first: what a supervisor may reopen."""
    return sorted(_items(store, "approved"), key=lambda i: (i.date, i.record_id), reverse=True)


def history(store: Store, collection: str, record_id: str) -> list[dict[str, Any]]:
    """The `reviews` records of one record, oldest first."""
    rows = store.read().execute(
        "SELECT data FROM reviews WHERE deleted = 0 AND json_extract(data, '$.record_collection') = ? "
        "AND json_extract(data, '$.record_id') = ?", [collection, record_id]).fetchall()
    return sorted((json.loads(r[0]) for r in rows), key=lambda r: r.get("reviewed_at") or "")


def returned(store: Store) -> list[ReviewItem]:
    """Records a supervisor returned, each with the latest comment: what the caseworker must correct."""
    out = []
    for item in _items(store, "returned"):
        reviews = history(store, item.collection, item.record_id)
        last: dict[str, Any] = next((r for r in reversed(reviews) if r.get("status") == "returned"), {})
        out.append(ReviewItem(**{**item.__dict__, "comment": last.get("comment"),
                                 "returned_at": str(last.get("reviewed_at") or "")}))
    return sorted(out, key=lambda i: (i.date, i.record_id))


def changed_since(current: Mapping[str, Any] | None, item: ReviewItem) -> bool:
    """Whether the record is no longer the one the supervisor read: another version came
    (a sync brought the caseworker's correction), or its review status moved on."""
    if current is None or current.get("deleted"):
        return True
    return (current.get("version") != item.version or str(current.get("updated_at") or "") != item.updated_at
            or current.get("review_status") != item.status)

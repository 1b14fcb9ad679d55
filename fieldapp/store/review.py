"""Read queries for reviewing: the supervisor's queue, a record's review history, and what was
returned to the caseworker with a comment."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casework.i18n import QT_TRANSLATE_NOOP
from fieldapp.store.errors import StoreError

if TYPE_CHECKING:
    from fieldapp.store.database import Store


class OwnRecordReview(StoreError):
    """A supervisor approving what she wrote herself: the server refuses it too (four eyes)."""

    code = "forbidden"
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "You wrote this record yourself, so another supervisor of the team must approve it.",
    )


def wrote_it(record: Mapping[str, Any], user_id: str | None) -> bool:
    """Whether `user_id` wrote the record's current content, as far as this laptop knows: the
    server names them as its last writer, or it was never sent (written here, by this laptop's
    user). The server's rule is the same (creator or last writer; sync.server.review)."""
    if not user_id:
        return False
    return record.get("updated_by") == user_id or not record.get("version")

# Which field dates a reviewed record, per collection.
_DATED_BY = {"visits": "started_at", "assessments": "started_on", "plans": "drawn_up_on", "households": "closed_on"}


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


def _items(store: Store, status: str) -> list[ReviewItem]:
    db = store.read()
    out = []
    for collection, date_field in _DATED_BY.items():
        rows = db.execute(
            f"SELECT r.id, r.household_id, r.data, h.data FROM [{collection}] r "
            "JOIN households h ON h.id = r.household_id "
            "WHERE r.deleted = 0 AND json_extract(r.data, '$.review_status') = ?",
            [status],
        ).fetchall()
        for rid, hid, data, hdata in rows:
            record, household = json.loads(data), json.loads(hdata)
            out.append(ReviewItem(
                collection=collection, record_id=rid, household_id=hid,
                family_name=household.get("family_name", ""), case_number=household.get("case_number", ""),
                date=str(record.get(date_field) or ""), safety_concern=record.get("safety_concern") is True,
                status=status,
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
        comment = next((r.get("comment") for r in reversed(reviews) if r.get("status") == "returned"), None)
        out.append(ReviewItem(**{**item.__dict__, "comment": comment}))
    return sorted(out, key=lambda i: (i.date, i.record_id))

"""Decisions on records that are more than an edit: a supervisor's review, the settling of a
conflict, and sending a rejected change again. Each runs inside the caller's transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from casework import records as domain
from casework.i18n import QT_TRANSLATE_NOOP, Message
from fieldapp.store import outbox, records, search
from fieldapp.store.errors import OwnRecordReview, RecordNotFound, ReviewNotAllowed
from fieldapp.store.review import decision_changes, wrote_it

if TYPE_CHECKING:
    from fieldapp.store.transaction import Transaction

COMMENT_NEEDED = QT_TRANSLATE_NOOP("Validation", "Say what needs correcting, so the caseworker knows.")


def review(tx: Transaction, collection: str, record_id: str, decision: str, comment: str = "",
           reviewer_id: str | None = None) -> dict[str, Any]:
    """Approve a submitted record (it locks), return it with a comment, or reopen an approved
    one (a return, with the reason as the comment). Writes the record's new review status and a
    `reviews` record, both synced; the server checks the reviewer's role again."""
    record = tx.get(collection, record_id)
    if record is None or record["deleted"]:
        raise RecordNotFound(collection)
    current = record.get("review_status") or "draft"
    if decision not in ("approved", "returned") or current == decision or not domain.review_transition_allowed(
        current, decision, "supervisor"
    ):
        raise ReviewNotAllowed(decision=decision, current=current)
    if decision == "returned" and not comment.strip():
        raise domain.InvalidRecord("reviews", [domain.Problem("comment", Message.of(COMMENT_NEEDED))])
    if decision == "approved" and wrote_it(tx.db, collection, record, reviewer_id):
        raise OwnRecordReview()
    tx.update(collection, record_id, decision_changes(collection, decision))
    return tx.create("reviews", {
        "household_id": record["household_id"], "record_collection": collection, "record_id": record_id,
        "status": decision, "comment": comment.strip() or None, "reviewer_id": reviewer_id,
        "reviewed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    })


def resolve_conflict(tx: Transaction, conflict_id: str, choices: Mapping[str, Any]) -> None:
    """Settle a conflict: apply the value chosen for each field, then mark it resolved.

    `choices` maps each clashing field to the value kept (usually the
    conflict's "mine" or "theirs"). The chosen values travel as an
    ordinary change to the record; the conflict's `resolved` flag and the
    choices travel as a change to the conflict, the one thing of a
    conflict a device may write (sync-protocol.md, Push).
    """
    conflict = tx.get("conflicts", conflict_id)
    if conflict is None:
        raise RecordNotFound("conflicts")
    collection, record_id = conflict.get("record_collection"), conflict.get("record_id")
    record = None
    if isinstance(collection, str) and collection in domain.SCHEMAS and isinstance(record_id, str):
        record = tx.get(collection, record_id)
    clashing = {f.get("field") for f in conflict.get("fields") or [] if isinstance(f, Mapping)}
    unknown = set(choices) - clashing
    if unknown:
        raise ValueError(f"not fields of this conflict: {sorted(unknown)}")
    if record is not None and not record["deleted"]:
        changes = {k: v for k, v in choices.items() if record.get(k) != v}
        if changes:
            tx.update(record["collection"], record["id"], changes)
    resolution = [{"field": k, "value": v} for k, v in sorted(choices.items())]
    data = records.own_fields(conflict)
    before = {"resolved": data.get("resolved"), "resolution": data.get("resolution")}
    data.update(resolved=True, resolution=resolution)
    records.set_data(tx.db, "conflicts", conflict_id, data, tx.now)
    outbox.add(tx.db, tx.now, "conflicts", conflict_id, conflict.get("household_id"), conflict["version"],
               {"resolved": True, "resolution": resolution}, before, False)


def retry_rejected(tx: Transaction, seq: int) -> None:
    """Send a rejected change again, as a new change (the server remembers every change id's
    first answer), rebased on what this laptop now knows of the record.

    The values are the ones the caseworker typed: a pull may have put the
    server's values back in the record meanwhile (a rejected change is not
    kept on top), but the typing lives on in the entry until it is sent
    or deliberately discarded.
    """
    entry = outbox.entry(tx.db, seq, outbox.REJECTED)
    if entry is None:
        raise RecordNotFound("outbox")
    collection, record_id, household_id = entry.collection, entry.record_id, entry.household_id
    current = tx.get(collection, record_id)
    if current is None:
        raise RecordNotFound(collection)
    typed = entry.fields
    outbox.remove(tx.db, seq)
    if entry.base_version is None and current["version"] == 0:  # the create itself was refused
        data = records.own_fields(current)
        if collection == "households":
            data.pop("household_id", None)
        outbox.add(tx.db, tx.now, collection, record_id, household_id, None, {**data, **typed}, {},
                   entry.is_delete)
        return
    base = {k: current.get(k) for k in typed}
    outbox.add(tx.db, tx.now, collection, record_id, household_id, current["version"], typed, base,
               entry.is_delete)
    shown = {k: v for k, v in {**records.own_fields(current), **typed}.items() if v is not None}
    if collection == "households":
        shown.pop("household_id", None)
    records.set_data(tx.db, collection, record_id, shown, tx.now)  # the record shows what will be sent
    search.index(tx.db, collection, record_id, household_id, shown)

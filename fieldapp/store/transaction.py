"""What a write may do: the records API inside one transaction on the store's writer thread.

Every change of a record writes its outbox entry and its search-index row in
the same transaction, so none is ever without the others. The device's sync
engine writes only through these methods too (apply a pulled record, evict,
settle pushed changes), never with SQL of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casework import records as domain
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.ids import case_number, new_id
from fieldapp.store import (
    attachments,
    authorship,
    bulk,
    decisions,
    drafts,
    first_sync,
    outbox,
    records,
    search,
)
from fieldapp.store.driver import sqlite_utils
from fieldapp.store.errors import NotAuthor, RecordDeleted, RecordLocked, RecordNotFound

if TYPE_CHECKING:
    from fieldapp.store.database import Store

# Messages of the store's own checks (the domain's are in casework/records.py).
FAMILY_MISSING = QT_TRANSLATE_NOOP("Validation", "This family is not on this laptop.")
CANNOT_MOVE = QT_TRANSLATE_NOOP("Validation", "A record cannot move to another family.")

# A record that left this device's scope while it still had changes to push waits under this key.
DEFERRED_EVICT_PREFIX = "evict_after_push:"


def utcnow() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _writable(collection: str) -> None:
    if collection not in domain.SCHEMAS or collection == "conflicts":
        raise ValueError(f"records of {collection!r} are not written on a device")


def locked(collection: str, record: Mapping[str, Any]) -> bool:
    """Whether review locks the record: a reviewed collection, submitted or approved."""
    return collection in domain.REVIEWED_COLLECTIONS and record.get("review_status") in domain.LOCKED_STATES


def _attachment_locked(db: sqlite_utils.Database, collection: str, record: Mapping[str, Any]) -> bool:
    # An attachment is locked with the record it belongs to (the server's rule too).
    return collection == "attachments" and attachments.subject_locked(db, dict(record))


@dataclass(frozen=True)
class RemoteRow:
    """A pulled record as it is stored: its envelope (`record`), family, and fields (dict and JSON)."""

    collection: str
    id: str
    record: Mapping[str, Any]
    household_id: str | None
    deleted: int
    data: dict[str, Any]
    data_json: str


class Transaction:
    """What a write may do, inside one transaction on the writer thread."""

    def __init__(self, store: Store, db: sqlite_utils.Database):
        self.store = store
        self.db = db
        self.now = utcnow()

    # -- meta ---------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        return records.get_meta(self.db, key, default)

    def set_meta(self, key: str, value: str | None) -> None:
        """Set a setting of the profile (device id, cursor, ...); None removes it."""
        records.set_meta(self.db, key, value)

    def next_case_number(self, today: dt.date | None = None) -> str:
        """The next readable case number of this device (see casework/ids.py)."""
        year = (today or dt.date.today()).year
        key = f"case_seq:{year}"
        seq = int(self.get_meta(key, "0") or 0) + 1
        self.set_meta(key, str(seq))
        return case_number(year, self.store.device_code(self.db), seq)

    # -- records ------------------------------------------------------------

    def get(self, collection: str, record_id: str) -> dict[str, Any] | None:
        return records.get(self.db, collection, record_id)

    def _must_get(self, collection: str, record_id: str) -> dict[str, Any]:
        record = self.get(collection, record_id)
        if record is None:
            raise RecordNotFound(collection)
        return record

    def create(
        self, collection: str, fields: Mapping[str, Any], *, record_id: str | None = None
    ) -> dict[str, Any]:
        """Create a record and its outbox entry; InvalidRecord (nothing written) when invalid."""
        _writable(collection)
        data = {k: v for k, v in fields.items() if k not in domain.ENVELOPE or k == "household_id"}
        if collection == "households":
            data.pop("household_id", None)
            data.setdefault("status", "active")
            if not data.get("case_number"):
                data["case_number"] = self.next_case_number()
        review = domain.field_spec(collection, "review_status")
        if collection in domain.REVIEWED_COLLECTIONS and review is not None and review.required:
            data.setdefault("review_status", "draft")  # a household is reviewed only at closure
        data = {k: v for k, v in data.items() if v is not None}
        problems = domain.validate(collection, data)
        rid = record_id or new_id()
        household_id = rid if collection == "households" else data.get("household_id")
        if collection != "households" and not problems and (
                not isinstance(household_id, str) or self.get("households", household_id) is None):
            problems.append(domain.Problem("household_id", Message.of(FAMILY_MISSING)))
        if problems:
            raise domain.InvalidRecord(collection, problems)
        if _attachment_locked(self.db, collection, data):
            raise RecordLocked(collection)
        records.insert_new(self.db, collection, rid, household_id, data, self.now, self.store.device_id)
        outbox.add(self.db, self.now, collection, rid, household_id, None, data, {}, False)
        search.index(self.db, collection, rid, household_id, data)
        return self._must_get(collection, rid)

    def update(self, collection: str, record_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Change some fields of a record; writes an outbox entry with the fields' previous values.

        The entry's base values are the values the fields had on this laptop
        just before the change (the server's, or those of an earlier pending
        change of this device, which the server applies first). A record
        that review locks refuses every change but its review status
        (RecordLocked, the server's rule and reason), and another specialist's
        visit, assessment or plan refuses every change (NotAuthor, likewise).
        """
        _writable(collection)
        current = self._must_get(collection, record_id)
        if current["deleted"]:
            raise RecordDeleted(collection)
        old = records.own_fields(current)
        if "household_id" in changes and changes["household_id"] != old.get("household_id"):
            raise domain.InvalidRecord(
                collection, [domain.Problem("household_id", Message.of(CANNOT_MOVE))]
            )
        changed = {k: v for k, v in changes.items() if k not in domain.ENVELOPE and old.get(k) != v}
        if not changed:
            return current
        if (locked(collection, old) and not domain.lock_allows(collection, set(changed))
                or _attachment_locked(self.db, collection, old)):
            raise RecordLocked(collection)
        if not authorship.may_change(self.db, collection, current):
            raise NotAuthor(collection)  # another specialist's record (the server's rule too)
        new = {k: v for k, v in {**old, **changed}.items() if v is not None}
        domain.check_change(collection, {k: v for k, v in old.items() if v is not None}, new)
        base = {k: old.get(k) for k in changed}
        records.set_data(self.db, collection, record_id, new, self.now)
        outbox.add(self.db, self.now, collection, record_id, current["household_id"], current["version"],
                   changed, base, False)
        search.index(self.db, collection, record_id, current["household_id"], new)
        return self._must_get(collection, record_id)

    def delete(self, collection: str, record_id: str) -> None:
        """Mark a record deleted (a tombstone that syncs) and drop it from search."""
        _writable(collection)
        current = self._must_get(collection, record_id)
        if current["deleted"]:
            return
        if locked(collection, current) or _attachment_locked(self.db, collection, current):
            raise RecordLocked(collection)
        if not authorship.may_change(self.db, collection, current):
            raise NotAuthor(collection)
        records.mark_deleted(self.db, collection, record_id, self.now)
        outbox.add(self.db, self.now, collection, record_id, current["household_id"], current["version"],
                   {}, {}, True)
        search.unindex(self.db, collection, record_id)

    # -- what the sync engine writes ------------------------------------------

    def apply_remote(self, record: Mapping[str, Any]) -> None:
        """Store a record as the server sent it (a pulled upsert), without an outbox entry.

        Fields that this laptop changed and has not pushed yet stay on top of
        the server's values: the pending outbox entries are pushed later and
        merged by the server, so nothing typed here is lost.
        """
        self.apply_remote_many([record])
        # Nothing returned: on a first sync this runs for every record, and a re-read would double it.

    def apply_remote_many(self, pulled: Sequence[Mapping[str, Any]]) -> None:
        """`apply_remote` of many records (a pulled page, each record once): one statement per
        collection, the pending changes read in one query, the search index in bulk; from
        `bulk.BULK_FROM` records on, the due triggers set aside for the call (bulk.py)."""
        if len(pulled) >= bulk.BULK_FROM:
            bulk.load(self, pulled)
        else:
            self.write_remote(self.remote_rows(pulled))

    def remote_rows(self, pulled: Sequence[Mapping[str, Any]]) -> list[RemoteRow]:
        """The rows that storing `pulled` writes: the server's fields with this laptop's pending
        ones on top (the pending changes of all of them read in one query)."""
        keys = [(str(r["collection"]), str(r["id"])) for r in pulled]
        for collection in {c for c, _r in keys}:
            records.known(collection)
        pending = outbox.pending_fields_many(self.db, keys)
        rows = []
        for record, key in zip(pulled, keys, strict=True):
            collection, rid = key
            data = records.own_fields(record)
            if collection == "households":
                data.pop("household_id", None)
            household_id = rid if collection == "households" else record.get("household_id")
            for fields in pending.get(key, ()):
                data.update(fields)
            data = {k: v for k, v in data.items() if v is not None}
            rows.append(RemoteRow(collection, rid, record, household_id, int(bool(record.get("deleted"))),
                                  data, outbox.dumps(data)))
        return rows

    def write_remote(self, rows: Sequence[RemoteRow]) -> None:
        """Write `remote_rows`: one executemany per collection, then the search index in one pass."""
        by_collection: dict[str, list[RemoteRow]] = {}
        for row in rows:
            by_collection.setdefault(row.collection, []).append(row)
        for collection, group in by_collection.items():
            records.upsert_remote_many(self.db, collection,
                                       [(r.record, r.household_id, r.data_json) for r in group], self.now)
        search.index_many(self.db, [(r.collection, r.id, r.household_id, None if r.deleted else r.data)
                                    for r in rows])

    def first_sync_wanted(self, cursor: int) -> bool:
        """Whether a pull from `cursor` takes the first-sync path (first_sync.py): a first sync
        already begun, or a pull from 0 onto a laptop holding nothing acknowledged."""
        return first_sync.marked(self.db) or (cursor == 0 and first_sync.eligible(self.db))

    def apply_first_sync(self, pulled: Sequence[Mapping[str, Any]]) -> None:
        """`apply_remote_many` on the first-sync path: the indexes, the search index and the due
        and caseload summaries wait for `finish_first_sync` (the first call sets them aside)."""
        if not first_sync.marked(self.db):
            first_sync.begin(self.db)
        first_sync.write_page(self, pulled)

    def finish_first_sync(self) -> bool:
        """Build what the first sync set aside and the caseworker needs at once (indexes, due items,
        the caseload); whether there was anything to build. The search indexes come after, in steps."""
        return first_sync.finish_if_marked(self)

    def build_search_step(self) -> bool:
        """One step of a first sync's search build (first_sync.build_step); whether steps are left."""
        return first_sync.build_step(self.db)

    def store_reference(self, record: Mapping[str, Any]) -> None:
        """Keep a form definition or a piece of reference data sent by the server."""
        records.store_reference(self.db, record)

    def remove_local(self, collection: str, record_id: str) -> None:
        """Remove a record from this laptop (not a deletion: nothing is pushed).

        For a household, everything under it goes too. Its drafts stay: they
        are typing not yet saved, and nothing typed is thrown away.
        """
        records.known(collection)
        if collection == "households":
            for name in domain.CASE_COLLECTIONS:
                for rid in records.ids_of_household(self.db, name, record_id):
                    search.unindex(self.db, name, rid)
                    records.remove(self.db, name, rid)
        search.unindex(self.db, collection, record_id)
        records.remove(self.db, collection, record_id)
        attachments.drop_orphans(self.db)  # content of the records gone leaves with them

    def evict(self, collection: str, record_id: str) -> bool:
        """Remove a record that left this device's scope (a household with everything under it).

        A record with changes still to push stays until they are pushed and
        is remembered (`deferred_evictions`); returns whether it was removed now.
        """
        key = f"{DEFERRED_EVICT_PREFIX}{collection}:{record_id}"
        if outbox.has_pending(self.db, collection, record_id):
            self.set_meta(key, "1")
            return False
        self.remove_local(collection, record_id)
        self.set_meta(key, None)
        return True

    def synced_ids(self, collection: str) -> list[str]:
        """Ids of the records of `collection` the server has acknowledged."""
        return records.synced_ids(self.db, collection)

    def push_taken(self, entry: outbox.Sent, version: int | None) -> None:
        """The server took a pushed change (applied, merged or as a conflict): it leaves the outbox,
        and the record's base becomes `version` (the pull brings its full content)."""
        outbox.remove(self.db, entry.seq)
        if version is not None and entry.collection in domain.CASE_COLLECTIONS:
            records.raise_version(self.db, entry.collection, entry.record_id, version)

    def push_taken_many(self, taken: Sequence[tuple[outbox.Sent, int | None]]) -> None:
        """`push_taken` of a whole pushed batch, in a statement per table."""
        outbox.remove_many(self.db, [entry.seq for entry, _v in taken])
        versions: dict[str, list[tuple[str, int]]] = {}
        for entry, version in taken:
            if version is not None and entry.collection in domain.CASE_COLLECTIONS:
                versions.setdefault(entry.collection, []).append((entry.record_id, version))
        for collection, pairs in versions.items():
            records.raise_versions(self.db, collection, pairs)

    def push_rejected(self, entry: outbox.Sent, error: Mapping[str, Any]) -> None:
        """The server refused a pushed change: it stays, marked, with the server's reason."""
        outbox.mark_rejected(self.db, entry.seq, error)

    # -- decisions on records (decisions.py) -------------------------------------

    def review(self, collection: str, record_id: str, decision: str, comment: str = "",
               reviewer_id: str | None = None) -> dict[str, Any]:
        """A supervisor's review (see decisions.review)."""
        return decisions.review(self, collection, record_id, decision, comment, reviewer_id)

    def resolve_conflict(self, conflict_id: str, choices: Mapping[str, Any]) -> None:
        """Settle a conflict with the values chosen (see decisions.resolve_conflict)."""
        decisions.resolve_conflict(self, conflict_id, choices)

    def retry_rejected(self, seq: int) -> None:
        """Send a rejected change again (see decisions.retry_rejected)."""
        decisions.retry_rejected(self, seq)

    def discard_rejected(self, seq: int) -> None:
        """Drop a rejected change on the caseworker's explicit word: the one deliberate loss."""
        outbox.remove(self.db, seq, outbox.REJECTED)

    # -- drafts (local only, never synced) ------------------------------------

    def save_draft(
        self,
        kind: str,
        data: Mapping[str, Any],
        *,
        draft_id: str | None = None,
        record_collection: str | None = None,
        record_id: str | None = None,
        household_id: str | None = None,
    ) -> str:
        """Keep what is typed into a form (`kind`, e.g. "home_visit"); returns the draft's id.

        Drafts stay on this laptop (no outbox entry): they are the safety net
        for a form not yet saved, offered back after a crash, and removed with
        `discard_draft` once the form is saved as a record.
        """
        did = draft_id or new_id()
        drafts.save(self.db, did, kind, data, self.now, record_collection=record_collection,
                    record_id=record_id, household_id=household_id)
        return did

    def discard_draft(self, draft_id: str) -> None:
        drafts.discard(self.db, draft_id)

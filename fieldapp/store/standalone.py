"""Records made on a profile before it ever connected to a server, at the moment it connects.

A standalone profile ("Start without a server") records families like any other: each write
queues its outbox entry. When it enrols later, the caseworker chooses what becomes of them:

- SEND: every live record enters the outbox afresh, once, as a new record (the server has never
  seen any of them, so the history of edits and deletions made offline is not replayed), oldest
  first so that a family arrives before its members and a plan before its updates. Case numbers
  made with the trial code (``T`` + a digest of the device id, casework/ids.py) take the
  server's device code instead, keeping year and sequence: the server's code is unique to this
  laptop, so no other laptop's number can equal them, and families recorded later continue the
  same counter.
- KEEP_LOCAL: the records stay on this laptop only, in an encrypted backup of the profile made
  first (``backups/fieldapp-kept-before-connecting-*.db``, re-keyed with the passphrase), and
  leave the connected profile, which starts empty and fills from the server.

Both run inside the enrolment's own transaction (fieldapp/sync/device.py), so a crash leaves
either the standalone profile as it was or the connected one with its choice applied.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from casework import records as domain
from casework.ids import case_number, parse_case_number, trial_device_code
from fieldapp.store import attachments, outbox, records, search

if TYPE_CHECKING:
    from fieldapp.store.database import Store
    from fieldapp.store.transaction import Transaction

SEND = "send"
KEEP_LOCAL = "keep_local"
CHOICES = (SEND, KEEP_LOCAL)
KEPT_REASON = "kept-before-connecting"
# Made only by a server (a review, a conflict): a profile that never synced has none to send.
_SERVER_MADE = ("reviews", "conflicts")


def is_standalone(store: Store) -> bool:
    """Whether the profile never connected to a server (and is not a demo): its records are its own."""
    return store.meta("demo") != "1" and not store.meta("server_url") and not store.meta("device_token")


def families_held(store: Store) -> int:
    """How many families (live households) the profile holds: what the caseworker is asked about."""
    return store.count("households")


def records_held(store: Store) -> int:
    """How many live records of any kind the profile holds."""
    return sum(store.count(c) for c in domain.CASE_COLLECTIONS if c not in _SERVER_MADE)


def send_all(tx: Transaction, device_code: str) -> int:
    """SEND (above): the outbox holds each live record once, as new; returns how many records.

    Trial-coded case numbers are renumbered to `device_code` first, so that what is queued
    already carries the number the server keeps.
    """
    renumber(tx, device_code)
    tx.db.execute("DELETE FROM outbox")
    queued: list[tuple[int, str, str, str | None, dict[str, Any]]] = []
    for collection in domain.CASE_COLLECTIONS:
        if collection in _SERVER_MADE:
            continue
        rows = tx.db.execute(f"SELECT id, household_id, data FROM [{collection}] WHERE deleted = 0").fetchall()
        first = 0 if collection == "households" else 1
        for rid, household_id, data in rows:
            # Record ids are UUIDv7, ordered by when they were made: a record comes after what it points at.
            queued.append((first, str(rid), collection, household_id, json.loads(data)))
    queued.sort(key=lambda q: (q[0], q[1]))
    for _first, rid, collection, household_id, data in queued:
        outbox.add(tx.db, tx.now, collection, rid, household_id, None, data, {}, False)
    return len(queued)


def renumber(tx: Transaction, device_code: str) -> int:
    """Give each household numbered with this profile's trial code the server's `device_code`
    (same year, same sequence); returns how many changed."""
    trial = trial_device_code(tx.store.device_id or "")
    changed = 0
    for rid, data in tx.db.execute("SELECT id, data FROM households").fetchall():
        fields = json.loads(data)
        parsed = parse_case_number(str(fields.get("case_number") or ""))
        if parsed is None or parsed[1] != trial:
            continue  # a number typed by hand, or already the server's: kept as it is
        year, _code, seq = parsed
        fields["case_number"] = case_number(year, device_code, seq)
        records.set_data(tx.db, "households", str(rid), fields, tx.now)
        search.index(tx.db, "households", str(rid), str(rid), fields)
        changed += 1
    return changed


def remove_all(tx: Transaction) -> int:
    """KEEP_LOCAL's second half (the backup is made first): every record leaves this profile,
    tombstones included, and nothing is queued; returns how many records went. Drafts stay
    (typing not yet saved is never thrown away)."""
    removed = 0
    for collection in domain.CASE_COLLECTIONS:
        for (rid,) in tx.db.execute(f"SELECT id FROM [{collection}]").fetchall():
            search.unindex(tx.db, collection, str(rid))
            records.remove(tx.db, collection, str(rid))
            removed += 1
    tx.db.execute("DELETE FROM outbox")
    attachments.drop_orphans(tx.db)
    return removed

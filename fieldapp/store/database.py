"""The encrypted local store of one profile.

A profile is a folder::

    fieldapp.db        the SQLCipher database (and its -wal, -shm)
    key.json           salt and Argon2id parameters of the key (not secret)
    backups/           encrypted copies made before each migration
    lock               held while a FieldApp process has the profile open

All writes go through one writer thread (`Store.write`), each in one
transaction that writes the record and its outbox entry together, so a sync
round and a keystroke never race and a crash never leaves one without the
other. Reads use a connection per thread; in WAL mode they never wait for
the writer. Commits are durable (`synchronous=FULL`): once `write` returns,
the change survives a power cut.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from casework import records as domain
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.ids import case_number, new_id, trial_device_code
from fieldapp.store import crypto, schema
from fieldapp.store.driver import DatabaseError, connect, dbapi, sqlite_utils
from fieldapp.store.errors import (
    DatabaseDamaged,
    DiskFull,
    KeySettingsDamaged,
    NotAProfile,
    ProfileBusy,
    ProfileExists,
    RecordDeleted,
    RecordLocked,
    RecordNotFound,
    ReviewNotAllowed,
    SchemaTooNew,
    StoreError,
    WrongPassphrase,
)
from fieldapp.store.lock import ProfileInUse, ProfileLock

DB_FILE = "fieldapp.db"
BACKUPS = "backups"

T = TypeVar("T")

_APOSTROPHES = re.compile(r"[\u02bc\u2019\u2018'`\u00b4]")
_WORD = re.compile(r"\w+")


def utcnow() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def search_text(text: str) -> str:
    """Text as the search index keeps it: apostrophes dropped (Мар'яна, Марʼяна and Маряна match)."""
    return _APOSTROPHES.sub("", text)


def fts_query(text: str) -> str | None:
    """An FTS5 query in which every word the person typed is a prefix; None when nothing to search."""
    words = _WORD.findall(search_text(text))
    return " ".join(f'"{w}"*' for w in words) if words else None


def _translate_error(exc: Exception) -> StoreError:
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(type(exc).__name__)
    if "disk i/o error" in text:
        return DiskFull(type(exc).__name__)
    return DatabaseDamaged(f"{type(exc).__name__}: {exc}")


@dataclass(frozen=True)
class SearchHit:
    collection: str
    record_id: str
    household_id: str | None


@dataclass(frozen=True)
class Draft:
    id: str
    kind: str
    record_collection: str | None
    record_id: str | None
    household_id: str | None
    data: dict[str, Any]
    updated_at: str


@dataclass(frozen=True)
class OutboxEntry:
    seq: int
    change_id: str
    collection: str
    record_id: str
    household_id: str | None
    base_version: int | None
    fields: dict[str, Any]
    base: dict[str, Any]
    is_delete: bool
    created_at: str
    state: str
    error: dict[str, Any] | None


def _row_to_record(collection: str, row: Mapping[str, Any]) -> dict[str, Any]:
    record = json.loads(row["data"])
    record.update(
        id=row["id"],
        collection=collection,
        version=row["version"],
        deleted=bool(row["deleted"]),
        household_id=row["household_id"],
        schema=row["schema"],
        updated_at=row["updated_at"],
        updated_by=row["updated_by"],
        device_id=row["device_id"],
    )
    return record


def own_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's own fields: everything but the envelope (household_id stays for child records)."""
    out = {k: v for k, v in record.items() if k not in domain.ENVELOPE}
    if record.get("collection") != "households" and "household_id" in record:
        out["household_id"] = record["household_id"]
    return out


class Transaction:
    """What a write may do, inside one transaction on the writer thread."""

    def __init__(self, store: Store, db: sqlite_utils.Database):
        self.store = store
        self.db = db
        self.now = utcnow()

    # -- meta ---------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        return self.store._get_meta(self.db, key, default)

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.db.execute("DELETE FROM meta WHERE key = ?", [key])
        else:
            self.db.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    def next_case_number(self, today: dt.date | None = None) -> str:
        """The next readable case number of this device (see domain/ids.py)."""
        year = (today or dt.date.today()).year
        key = f"case_seq:{year}"
        seq = int(self.get_meta(key, "0") or 0) + 1
        self.set_meta(key, str(seq))
        return case_number(year, self.store.device_code(self.db), seq)

    # -- records ------------------------------------------------------------

    def get(self, collection: str, record_id: str) -> dict[str, Any] | None:
        return self.store._get(self.db, collection, record_id)

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
        if collection != "households" and not problems and self.get("households", household_id) is None:
            problems.append(domain.Problem("household_id", Message.of(FAMILY_MISSING)))
        if problems:
            raise domain.InvalidRecord(collection, problems)
        self.db.execute(
            f"INSERT INTO [{collection}] (id, household_id, version, deleted, schema, data, "
            "local_updated_at, device_id) VALUES (?, ?, 0, 0, ?, ?, ?, ?)",
            [rid, household_id, domain.RECORD_SCHEMA, _dumps(data), self.now, self.store.device_id],
        )
        self._outbox(collection, rid, household_id, None, data, {}, False)
        self._index(collection, rid, household_id, data)
        return self.get(collection, rid)  # type: ignore[return-value]

    def update(self, collection: str, record_id: str, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Change some fields of a record; writes an outbox entry with the fields' previous values.

        The entry's base values are the values the fields had on this laptop
        just before the change (the server's, or those of an earlier pending
        change of this device, which the server applies first).
        """
        _writable(collection)
        current = self.get(collection, record_id)
        if current is None:
            raise RecordNotFound(collection)
        if current["deleted"]:
            raise RecordDeleted(collection)
        old = own_fields(current)
        if "household_id" in changes and changes["household_id"] != old.get("household_id"):
            raise domain.InvalidRecord(
                collection, [domain.Problem("household_id", Message.of(CANNOT_MOVE))]
            )
        changed = {k: v for k, v in changes.items() if k not in domain.ENVELOPE and old.get(k) != v}
        if not changed:
            return current
        if (
            old.get("review_status") in domain.LOCKED_STATES
            and collection in domain.REVIEWED_COLLECTIONS
            and set(changed) - {"review_status"}
        ):
            raise RecordLocked(collection)
        new = {k: v for k, v in {**old, **changed}.items() if v is not None}
        domain.check(collection, new)
        base = {k: old.get(k) for k in changed}
        self.db.execute(
            f"UPDATE [{collection}] SET data = ?, local_updated_at = ? WHERE id = ?",
            [_dumps(new), self.now, record_id],
        )
        self._outbox(
            collection, record_id, current["household_id"], current["version"], changed, base, False
        )
        self._index(collection, record_id, current["household_id"], new)
        return self.get(collection, record_id)  # type: ignore[return-value]

    def delete(self, collection: str, record_id: str) -> None:
        """Mark a record deleted (a tombstone that syncs) and drop it from search."""
        _writable(collection)
        current = self.get(collection, record_id)
        if current is None:
            raise RecordNotFound(collection)
        if current["deleted"]:
            return
        if current.get("review_status") in domain.LOCKED_STATES and collection in domain.REVIEWED_COLLECTIONS:
            raise RecordLocked(collection)
        self.db.execute(
            f"UPDATE [{collection}] SET deleted = 1, local_updated_at = ? WHERE id = ?",
            [self.now, record_id],
        )
        self._outbox(collection, record_id, current["household_id"], current["version"], {}, {}, True)
        self._unindex(collection, record_id)

    def apply_remote(self, record: Mapping[str, Any]) -> None:
        """Store a record as the server sent it (a pulled upsert), without an outbox entry.

        Fields that this laptop changed and has not pushed yet stay on top of
        the server's values: the pending outbox entries are pushed later and
        merged by the server, so nothing typed here is lost.
        """
        collection = record["collection"]
        if collection not in domain.SCHEMAS:
            raise ValueError(f"unknown collection {collection!r}")
        rid = record["id"]
        data = own_fields(record)
        if collection == "households":
            data.pop("household_id", None)
        household_id = rid if collection == "households" else record.get("household_id")
        pending = self.db.execute(
            "SELECT fields FROM outbox WHERE collection = ? AND record_id = ? AND state = 'pending' "
            "ORDER BY seq",
            [collection, rid],
        ).fetchall()
        for (fields,) in pending:
            data.update(json.loads(fields))
        data = {k: v for k, v in data.items() if v is not None}
        deleted = bool(record.get("deleted"))
        self.db.execute(
            f"INSERT INTO [{collection}] (id, household_id, version, deleted, schema, updated_at, "
            "updated_by, device_id, data, local_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET household_id = excluded.household_id, "
            "version = excluded.version, deleted = excluded.deleted, schema = excluded.schema, "
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
            "device_id = excluded.device_id, data = excluded.data",
            [rid, household_id, int(record.get("version") or 0), int(deleted),
             record.get("schema") or domain.RECORD_SCHEMA, record.get("updated_at"),
             record.get("updated_by"), record.get("device_id"), _dumps(data), self.now],
        )
        if deleted:
            self._unindex(collection, rid)
        else:
            self._index(collection, rid, household_id, data)
        # Nothing returned: on a first sync this runs for every record, and a re-read would double it.

    def remove_local(self, collection: str, record_id: str) -> None:
        """Remove a record from this laptop (not a deletion: nothing is pushed).

        For a household, everything under it goes too. Its drafts stay: they
        are typing not yet saved, and nothing typed is thrown away.
        """
        if collection == "households":
            for name in domain.CASE_COLLECTIONS:
                for (rid,) in self.db.execute(
                    f"SELECT id FROM [{name}] WHERE household_id = ?", [record_id]
                ).fetchall():
                    self._unindex(name, rid)
                self.db.execute(f"DELETE FROM [{name}] WHERE household_id = ?", [record_id])
        self._unindex(collection, record_id)
        self.db.execute(f"DELETE FROM [{collection}] WHERE id = ?", [record_id])

    def store_reference(self, record: Mapping[str, Any]) -> None:
        """Keep a form definition or a piece of reference data sent by the server."""
        data = {k: v for k, v in record.items() if k not in domain.ENVELOPE}
        self.db.execute(
            "INSERT INTO reference (collection, id, version, deleted, data) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(collection, id) DO UPDATE SET version = excluded.version, "
            "deleted = excluded.deleted, data = excluded.data",
            [record["collection"], record["id"], int(record.get("version") or 0),
             int(bool(record.get("deleted"))), _dumps(data)],
        )

    # -- a supervisor's review ----------------------------------------------------

    def review(self, collection: str, record_id: str, decision: str, comment: str = "",
               reviewer_id: str | None = None) -> dict[str, Any]:
        """Approve a submitted record (it locks), return it with a comment, or reopen an approved
        one (a return, with the reason as the comment). Writes the record's new review status and a
        `reviews` record, both synced; the server checks the reviewer's role again."""
        record = self.get(collection, record_id)
        if record is None or record["deleted"]:
            raise RecordNotFound(collection)
        current = record.get("review_status") or "draft"
        if decision not in ("approved", "returned") or current == decision or not domain.review_transition_allowed(
            current, decision, "supervisor"
        ):
            raise ReviewNotAllowed(decision=decision, current=current)
        if decision == "returned" and not comment.strip():
            raise domain.InvalidRecord("reviews", [domain.Problem("comment", Message.of(COMMENT_NEEDED))])
        self.update(collection, record_id, {"review_status": decision})
        return self.create("reviews", {
            "household_id": record["household_id"], "record_collection": collection, "record_id": record_id,
            "status": decision, "comment": comment.strip() or None, "reviewer_id": reviewer_id,
            "reviewed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        })

    # -- conflicts and rejected changes -----------------------------------------

    def resolve_conflict(self, conflict_id: str, choices: Mapping[str, Any]) -> None:
        """Settle a conflict: apply the value chosen for each field, then mark it resolved.

        `choices` maps each clashing field to the value kept (usually the
        conflict's "mine" or "theirs"). The chosen values travel as an
        ordinary change to the record; the conflict's `resolved` flag and the
        choices travel as a change to the conflict, the one thing of a
        conflict a device may write (sync-protocol.md, Push).
        """
        conflict = self.get("conflicts", conflict_id)
        if conflict is None:
            raise RecordNotFound("conflicts")
        collection, record_id = conflict.get("record_collection"), conflict.get("record_id")
        record = self.get(collection, record_id) if collection in domain.SCHEMAS else None
        clashing = {f.get("field") for f in conflict.get("fields") or [] if isinstance(f, Mapping)}
        unknown = set(choices) - clashing
        if unknown:
            raise ValueError(f"not fields of this conflict: {sorted(unknown)}")
        if record is not None and not record["deleted"]:
            changes = {k: v for k, v in choices.items() if record.get(k) != v}
            if changes:
                self.update(collection, record_id, changes)
        resolution = [{"field": k, "value": v} for k, v in sorted(choices.items())]
        data = own_fields(conflict)
        before = {"resolved": data.get("resolved"), "resolution": data.get("resolution")}
        data.update(resolved=True, resolution=resolution)
        self.db.execute("UPDATE conflicts SET data = ?, local_updated_at = ? WHERE id = ?",
                        [_dumps(data), self.now, conflict_id])
        self._outbox("conflicts", conflict_id, conflict.get("household_id"), conflict["version"],
                     {"resolved": True, "resolution": resolution}, before, False)

    def retry_rejected(self, seq: int) -> None:
        """Send a rejected change again, as a new change (the server remembers every change id's
        first answer), rebased on what this laptop now knows of the record.

        The values are the ones the caseworker typed: a pull may have put the
        server's values back in the record meanwhile (a rejected change is not
        kept on top), but the typing lives on in the entry until it is sent
        or deliberately discarded.
        """
        row = self.db.execute(
            "SELECT collection, record_id, household_id, base_version, fields, is_delete FROM outbox "
            "WHERE seq = ? AND state = 'rejected'", [seq]
        ).fetchone()
        if row is None:
            raise RecordNotFound("outbox")
        collection, record_id, household_id, base_version, fields, is_delete = row
        current = self.get(collection, record_id)
        if current is None:
            raise RecordNotFound(collection)
        typed = json.loads(fields)
        self.db.execute("DELETE FROM outbox WHERE seq = ?", [seq])
        if base_version is None and current["version"] == 0:  # the create itself was refused
            data = own_fields(current)
            if collection == "households":
                data.pop("household_id", None)
            self._outbox(collection, record_id, household_id, None, {**data, **typed}, {}, bool(is_delete))
            return
        base = {k: current.get(k) for k in typed}
        self._outbox(collection, record_id, household_id, current["version"], typed, base, bool(is_delete))
        shown = {k: v for k, v in {**own_fields(current), **typed}.items() if v is not None}
        if collection == "households":
            shown.pop("household_id", None)
        self.db.execute(f"UPDATE [{collection}] SET data = ?, local_updated_at = ? WHERE id = ?",
                        [_dumps(shown), self.now, record_id])  # the record shows what will be sent
        self._index(collection, record_id, household_id, shown)

    def discard_rejected(self, seq: int) -> None:
        """Drop a rejected change on the caseworker's explicit word: the one deliberate loss."""
        self.db.execute("DELETE FROM outbox WHERE seq = ? AND state = 'rejected'", [seq])

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
        self.db.execute(
            "INSERT INTO drafts (id, kind, record_collection, record_id, household_id, data, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, "
            "updated_at = excluded.updated_at, record_id = excluded.record_id",
            [did, kind, record_collection, record_id, household_id, _dumps(dict(data)), self.now],
        )
        return did

    def discard_draft(self, draft_id: str) -> None:
        self.db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])

    # -- internals ----------------------------------------------------------

    def _outbox(
        self,
        collection: str,
        record_id: str,
        household_id: str | None,
        base_version: int | None,
        fields: Mapping[str, Any],
        base: Mapping[str, Any],
        is_delete: bool,
    ) -> None:
        self.db.execute(
            "INSERT INTO outbox (change_id, collection, record_id, household_id, base_version, "
            "fields, base, is_delete, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
            [new_id(), collection, record_id, household_id, base_version, _dumps(fields),
             _dumps(base), int(is_delete), self.now],
        )

    def _index(self, collection: str, record_id: str, household_id: str | None, data: Mapping[str, Any]) -> None:
        names = domain.SEARCHABLE.get(collection)
        if not names:
            return
        body = search_text(" ".join(str(data[n]) for n in names if data.get(n)))
        self._unindex(collection, record_id)
        if not body.strip():
            return
        cur = self.db.execute(
            "INSERT INTO search_docs (collection, record_id, household_id) VALUES (?, ?, ?)",
            [collection, record_id, household_id],
        )
        self.db.execute("INSERT INTO search (rowid, body) VALUES (?, ?)", [cur.lastrowid, body])

    def _unindex(self, collection: str, record_id: str) -> None:
        row = self.db.execute(
            "SELECT rowid FROM search_docs WHERE collection = ? AND record_id = ?", [collection, record_id]
        ).fetchone()
        if row:
            self.db.execute("DELETE FROM search WHERE rowid = ?", [row[0]])
            self.db.execute("DELETE FROM search_docs WHERE rowid = ?", [row[0]])


def _writable(collection: str) -> None:
    if collection not in domain.SCHEMAS or collection == "conflicts":
        raise ValueError(f"records of {collection!r} are not written on a device")


# Messages of the store's own checks (the domain's are in records.py).
FAMILY_MISSING = QT_TRANSLATE_NOOP("Validation", "This family is not on this laptop.")
CANNOT_MOVE = QT_TRANSLATE_NOOP("Validation", "A record cannot move to another family.")
COMMENT_NEEDED = QT_TRANSLATE_NOOP("Validation", "Say what needs correcting, so the caseworker knows.")


class Store:
    """An open profile. Make one with `Store.create` or `Store.open`; `close` it when done."""

    def __init__(self, folder: Path, raw_key: bytes, lock: ProfileLock):
        self.folder = folder
        self.path = folder / DB_FILE
        self._key = raw_key
        self._lock = lock
        self._local = threading.local()
        self._connections: list[dbapi.Connection] = []
        self._connections_lock = threading.Lock()
        self._writer_thread: threading.Thread | None = None
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="fieldapp-writer", initializer=self._mark_writer
        )
        self._closed = False
        self.device_id: str = ""

    # -- opening ------------------------------------------------------------

    @classmethod
    def create(cls, folder: Path | str, passphrase: str, *, schema_version: int | None = None) -> Store:
        """Make a new profile in `folder` (created owner-only) and open it."""
        folder = Path(folder)
        if (folder / DB_FILE).exists() or (folder / crypto.KEY_FILE).exists():
            raise ProfileExists(folder=str(folder))
        old_umask = os.umask(0o077)
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(folder, 0o700)
            lock = _lock(folder)
            params = crypto.KdfParams.fresh()
            crypto.write_params(folder / crypto.KEY_FILE, params)
            key = crypto.derive_key(passphrase, params)
            store = cls(folder, key, lock)
            try:
                store._prepare(schema_version, new=True)
            except BaseException:
                store.close()
                raise
        finally:
            os.umask(old_umask)
        return store

    @classmethod
    def open(cls, folder: Path | str, passphrase: str, *, schema_version: int | None = None) -> Store:
        """Unlock an existing profile. Raises WrongPassphrase, SchemaTooNew, ProfileBusy, ..."""
        folder = Path(folder)
        if not (folder / DB_FILE).exists():
            raise NotAProfile(folder=str(folder))
        key_files = crypto.candidates(folder)
        if not key_files:
            raise KeySettingsDamaged("key.json missing")
        lock = _lock(folder)
        try:
            key, used = _unlock(folder, passphrase, key_files)
            if used.name == crypto.KEY_FILE_NEW:  # a re-key finished but its rename did not
                os.replace(used, folder / crypto.KEY_FILE)
            elif (folder / crypto.KEY_FILE_NEW).exists():  # a re-key that never happened
                (folder / crypto.KEY_FILE_NEW).unlink()
            store = cls(folder, key, lock)
        except BaseException:
            lock.release()
            raise
        try:
            store._prepare(schema_version, new=False)
        except BaseException:
            store.close()
            raise
        return store

    def _prepare(self, target: int | None, *, new: bool) -> None:
        target = schema.SCHEMA_VERSION if target is None else target
        db = self.read()
        db.execute("PRAGMA journal_mode = WAL")
        found = db.execute("PRAGMA user_version").fetchone()[0]
        if found > schema.SCHEMA_VERSION:
            raise SchemaTooNew(found=found, known=schema.SCHEMA_VERSION)
        if found < target:
            if found > 0:
                self.backup(reason=f"schema{found}")
            self.write(lambda tx: self._migrate(tx, found, target))
        if new:
            self.write(self._first_meta)
        self.device_id = self._get_meta(self.read(), "device_id") or ""
        self._tighten_permissions()

    @staticmethod
    def _migrate(tx: Transaction, found: int, target: int) -> None:
        for version in range(found, target):
            schema.MIGRATIONS[version](tx.db)
            tx.db.execute(f"PRAGMA user_version = {version + 1}")

    @staticmethod
    def _first_meta(tx: Transaction) -> None:
        tx.set_meta("device_id", new_id())
        tx.set_meta("created_at", tx.now)

    def _tighten_permissions(self) -> None:
        if os.name != "posix":
            return
        for path in self.folder.iterdir():
            if path.is_file():
                os.chmod(path, 0o600)

    # -- connections --------------------------------------------------------

    def _mark_writer(self) -> None:
        self._writer_thread = threading.current_thread()

    def read(self) -> sqlite_utils.Database:
        """This thread's connection (the writer thread's is the writer's)."""
        if self._closed:
            raise RuntimeError("the store is closed")
        db = getattr(self._local, "db", None)
        if db is None:
            conn = connect(str(self.path), self._key)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except DatabaseError as exc:
                conn.close()
                raise WrongPassphrase() from exc
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA busy_timeout = 30000")
            db = sqlite_utils.Database(conn)
            self._local.db = db
            with self._connections_lock:
                self._connections.append(conn)
        return db

    def write(self, fn: Callable[[Transaction], T]) -> T:
        """Run `fn(transaction)` on the writer thread in one transaction; its result or its error.

        Environmental failures come back as StoreError (DiskFull, ...); the
        transaction is rolled back, so nothing half-written remains.
        """
        if threading.current_thread() is self._writer_thread:
            return self._run_write(fn)
        return self._executor.submit(self._run_write, fn).result()

    def _run_write(self, fn: Callable[[Transaction], T]) -> T:
        db = self.read()
        if db.conn.in_transaction:  # a write inside a write: join it
            return fn(Transaction(self, db))
        try:
            db.execute("BEGIN IMMEDIATE")
        except DatabaseError as exc:
            raise _translate_error(exc) from exc
        try:
            result = fn(Transaction(self, db))
            db.execute("COMMIT")
        except BaseException as exc:
            if db.conn.in_transaction:
                try:
                    db.execute("ROLLBACK")
                except DatabaseError:
                    pass
            if isinstance(exc, DatabaseError):
                raise _translate_error(exc) from exc
            raise
        return result

    def close(self) -> None:
        """Close every connection and release the profile. Safe to call twice."""
        if self._closed:
            return
        self._executor.shutdown(wait=True)
        self._closed = True
        with self._connections_lock:
            for conn in self._connections:
                try:
                    conn.close()
                except DatabaseError:
                    pass
            self._connections.clear()
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ------------------------------------------------------------

    @staticmethod
    def _get_meta(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
        row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def meta(self, key: str, default: str | None = None) -> str | None:
        return self._get_meta(self.read(), key, default)

    def device_code(self, db: sqlite_utils.Database | None = None) -> str:
        """The code in this device's case numbers: the server's once enrolled, a trial code before."""
        code = self._get_meta(db or self.read(), "device_code")
        return code or trial_device_code(self.device_id or "")

    @staticmethod
    def _get(db: sqlite_utils.Database, collection: str, record_id: str) -> dict[str, Any] | None:
        if collection not in domain.SCHEMAS:
            raise ValueError(f"unknown collection {collection!r}")
        cur = db.execute(f"SELECT * FROM [{collection}] WHERE id = ?", [record_id])
        row = cur.fetchone()
        if row is None:
            return None
        names = [d[0] for d in cur.description]
        return _row_to_record(collection, dict(zip(names, row, strict=True)))

    def get(self, collection: str, record_id: str) -> dict[str, Any] | None:
        """The record with its envelope, tombstones included; None when absent."""
        return self._get(self.read(), collection, record_id)

    def records(
        self,
        collection: str,
        *,
        household_id: str | None = None,
        include_deleted: bool = False,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Records of a collection, optionally of one household, oldest id first."""
        if collection not in domain.SCHEMAS:
            raise ValueError(f"unknown collection {collection!r}")
        where, args = [], []
        if household_id is not None:
            where.append("household_id = ?")
            args.append(household_id)
        if not include_deleted:
            where.append("deleted = 0")
        table = self.read()[collection]
        for row in table.rows_where(" AND ".join(where) or None, args, order_by="id", limit=limit):
            yield _row_to_record(collection, row)

    def count(self, collection: str, *, include_deleted: bool = False) -> int:
        sql = f"SELECT count(*) FROM [{collection}]" + ("" if include_deleted else " WHERE deleted = 0")
        return int(self.read().execute(sql).fetchone()[0])

    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Records whose names, address or notes contain words starting as typed, latest changed first.

        Recency, not relevance: ranking by bm25 must score every match, which
        took ~250 ms for a common prefix over 100,000 visits; walking the index
        backwards stops after `limit` rows (benchmarks/bench_store.py).
        """
        query = fts_query(text)
        if query is None:
            return []
        rows = self.read().execute(
            "SELECT d.collection, d.record_id, d.household_id FROM search "
            "JOIN search_docs d ON d.rowid = search.rowid "
            "WHERE search MATCH ? ORDER BY search.rowid DESC LIMIT ?",
            [query, limit],
        ).fetchall()
        return [SearchHit(*row) for row in rows]

    def outbox(self, *, state: str | None = "pending", limit: int | None = None) -> list[OutboxEntry]:
        """Outbox entries in the order they were written."""
        sql = "SELECT * FROM outbox" + (" WHERE state = ?" if state else "") + " ORDER BY seq"
        args: list[Any] = [state] if state else []
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        cur = self.read().execute(sql, args)
        names = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            r = dict(zip(names, row, strict=True))
            out.append(
                OutboxEntry(
                    seq=r["seq"], change_id=r["change_id"], collection=r["collection"],
                    record_id=r["record_id"], household_id=r["household_id"],
                    base_version=r["base_version"], fields=json.loads(r["fields"]),
                    base=json.loads(r["base"]), is_delete=bool(r["is_delete"]),
                    created_at=r["created_at"], state=r["state"],
                    error=json.loads(r["error"]) if r["error"] else None,
                )
            )
        return out

    def drafts(self, *, household_id: str | None = None) -> list[Draft]:
        """Unsaved form drafts, newest first."""
        sql = "SELECT * FROM drafts" + (" WHERE household_id = ?" if household_id else "")
        cur = self.read().execute(sql + " ORDER BY updated_at DESC", [household_id] if household_id else [])
        names = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            r = dict(zip(names, row, strict=True))
            out.append(Draft(r["id"], r["kind"], r["record_collection"], r["record_id"], r["household_id"],
                             json.loads(r["data"]), r["updated_at"]))
        return out

    def draft(self, draft_id: str) -> Draft | None:
        return next((d for d in self.drafts() if d.id == draft_id), None)

    def reference(self, collection: str) -> list[dict[str, Any]]:
        """Form definitions ("forms") or reference data ("reference") sent by the server."""
        rows = self.read().execute(
            "SELECT id, version, data FROM reference WHERE collection = ? AND deleted = 0 ORDER BY id",
            [collection],
        ).fetchall()
        return [{**json.loads(data), "id": rid, "version": version} for rid, version, data in rows]

    def pending_count(self) -> int:
        return int(self.read().execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0])

    def schema_version(self) -> int:
        return int(self.read().execute("PRAGMA user_version").fetchone()[0])

    # -- whole-file operations ----------------------------------------------

    def backup(self, *, reason: str = "manual") -> Path:
        """An encrypted copy of the database in backups/, with the key settings it needs."""
        target_dir = self.folder / BACKUPS
        target_dir.mkdir(mode=0o700, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = target_dir / f"fieldapp-{reason}-{stamp}.db"
        db = self.read()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(self.path, target)
        shutil.copy2(self.folder / crypto.KEY_FILE, target.with_suffix(".key.json"))
        for path in (target, target.with_suffix(".key.json")):
            if os.name == "posix":
                os.chmod(path, 0o600)
        crypto.fsync_dir(target_dir)
        return target

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-key the database under a new passphrase (and a new salt)."""
        current = crypto.read_params(self.folder / crypto.KEY_FILE)
        if crypto.derive_key(old, current) != self._key:
            raise WrongPassphrase()
        params = crypto.KdfParams.fresh()
        new_key = crypto.derive_key(new, params)
        crypto.write_params(self.folder / crypto.KEY_FILE_NEW, params)

        def rekey() -> None:  # on the writer thread, so no write runs meanwhile
            self.read().execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")

        self._executor.submit(rekey).result()
        os.replace(self.folder / crypto.KEY_FILE_NEW, self.folder / crypto.KEY_FILE)
        crypto.fsync_dir(self.folder)
        # Every connection holds the old key: close them all; each thread reopens on demand.
        self._key = new_key
        with self._connections_lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()


def _lock(folder: Path) -> ProfileLock:
    lock = ProfileLock(folder)
    try:
        lock.acquire()
    except ProfileInUse as exc:
        raise ProfileBusy(str(exc)) from exc
    return lock


def _unlock(folder: Path, passphrase: str, key_files: list[Path]) -> tuple[bytes, Path]:
    """The key that opens the database, and the key file it came from."""
    damaged = 0
    for path in key_files:
        try:
            params = crypto.read_params(path)
        except crypto.KeyFileError:
            damaged += 1
            continue
        key = crypto.derive_key(passphrase, params)
        conn = connect(str(folder / DB_FILE), key)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return key, path
        except DatabaseError:
            continue
        finally:
            conn.close()
    if damaged == len(key_files):
        raise KeySettingsDamaged("no readable key file")
    raise WrongPassphrase()

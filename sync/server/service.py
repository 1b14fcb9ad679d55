"""Push and pull, independent of HTTP (a sync parcel on a USB stick will use them too).

**The feed's order.** Every record carries `seq`, the server sequence number
of its latest change; evictions carry one too (`scope_events`). A pull
answers what is in the caller's scope with `seq` above its cursor. For that
never to skip a change, sequence numbers must be handed out in *commit*
order. A write transaction does its work first (rows written with a
placeholder), then numbers its rows under the lock of the single row of
`sync_state` and commits with that lock held (`Feed`): the next writer
numbers its rows only after this one is visible. A pull reads the horizon
(`sync_state.seq`) and the page in one snapshot (REPEATABLE READ on
PostgreSQL, a read transaction on SQLite), so everything up to the horizon
is already committed when it is read. Readers never wait; writers wait for
one another only for the numbering and the commit, and for the households
they both touch (row locks, taken households first, then records, then the
feed's lock, each in a fixed order, so that no two writers wait in a circle).

**Scope.** A caseworker holds the households assigned to them (not closed
past retention) and every record under them; a supervisor every household
of their team; an administrator none. `protected` records need the
permission. `conflicts` go to their author, to the caseworker they were
assigned to, and to the supervisors of the household's team. `forms` and
`reference` go to everyone.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from casework.ids import new_id
from casework.merge import Clash, MergeResult, merge, same
from sync.protocol import (
    LOCKED_STATES,
    READ_ONLY_COLLECTIONS,
    REVIEWED_COLLECTIONS,
    SERVER_FIELDS,
    Change,
    ProtocolError,
    is_uuid_text,
    parse_change,
)
from sync.server.db import (
    audit,
    change_results,
    devices,
    households,
    reading,
    records,
    scope_events,
    sync_state,
    users,
)

log = logging.getLogger("fieldapp.server")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Actor:
    """Who is calling: the user behind an enrolled device."""

    user_id: str
    role: str
    team_id: str | None
    protected_access: bool
    device_id: str | None = None
    device_number: int | None = None


class Rejected(Exception):
    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code
        self.detail = detail


class CursorExpired(ProtocolError):
    def __init__(self, detail: str):
        super().__init__("cursor_expired", detail)


# ---------------------------------------------------------------- the feed

PENDING = -1  # the seq of a row written by a transaction that has not numbered it yet


class Feed:
    """Sequence numbers for one write transaction, handed out at its end, in commit order.

    While it works, a transaction writes its rows with seq PENDING (invisible to
    pulls: uncommitted) and notes them here. `close()` then takes the
    `sync_state` row lock, numbers the rows in the order they were touched, and
    the transaction commits with the lock still held: the next writer numbers
    its rows only after this one is visible. The lock is always the last one a
    writer takes (after its household and record row locks), so no deadlock
    can form around it, and it is held only for the numbering and the commit.
    """

    def __init__(self, conn: sa.Connection):
        self.conn = conn
        # ("r", record_id) -> None, or ("e", n) -> (user_id, household_id, at); in touch order.
        self._items: dict[tuple[str, Any], Any] = {}
        self._events = 0

    def touch(self, record_id: str) -> int:
        """Note that `record_id` changed (it moves to the end: its newest position counts)."""
        key = ("r", record_id)
        self._items.pop(key, None)
        self._items[key] = None
        return PENDING

    def evict(self, user_id: str, household_id: str, at: str) -> None:
        """Note that `household_id` left `user_id`'s scope (an eviction in the feed)."""
        self._events += 1
        self._items[("e", self._events)] = (user_id, household_id, at)

    def mark(self) -> dict[tuple[str, Any], Any]:
        return dict(self._items)

    def reset(self, mark: dict[tuple[str, Any], Any]) -> None:
        """Forget what was noted since `mark` (its savepoint was rolled back)."""
        self._items = dict(mark)

    def close(self) -> None:
        """Number what was noted, under the feed's lock, just before the commit."""
        if not self._items:
            return
        conn = self.conn
        conn.execute(sa.update(sync_state).where(sync_state.c.id == 1)
                     .values(seq=sync_state.c.seq))  # the lock, held until the commit
        seq = int(conn.execute(sa.select(sync_state.c.seq).where(sync_state.c.id == 1)).scalar_one())
        numbered, events = [], []
        for (kind, key), value in self._items.items():
            seq += 1
            if kind == "r":
                numbered.append({"rid": key, "seq": seq})
            else:
                user_id, household_id, at = value
                events.append({"seq": seq, "user_id": user_id, "household_id": household_id, "at": at})
        if numbered:
            conn.execute(_NUMBER_RECORD, numbered)
        if events:
            conn.execute(scope_events.insert(), events)
        conn.execute(sa.update(sync_state).where(sync_state.c.id == 1).values(seq=seq))
        self._items = {}


def lock_households(conn: sa.Connection, household_ids: Iterable[str]) -> None:
    """Row-lock households in a fixed order (PostgreSQL; SQLite's writers already take turns).

    Every writer of a record under a household holds that household's lock,
    so a household's subtree can be renumbered without waiting for anyone.
    """
    ids = sorted({h for h in household_ids if _safe_key(h)})
    if ids and conn.dialect.name != "sqlite":
        conn.execute(sa.select(households.c.household_id)
                     .where(households.c.household_id.in_(ids))
                     .order_by(households.c.household_id).with_for_update()).all()


def lock_records(conn: sa.Connection, record_ids: Iterable[str]) -> None:
    ids = sorted({r for r in record_ids if _safe_key(r)})
    if ids and conn.dialect.name != "sqlite":
        conn.execute(sa.select(records.c.id).where(records.c.id.in_(ids))
                     .order_by(records.c.id).with_for_update()).all()


def _safe_key(value: object) -> bool:
    """A string that can be a key in a query (not one the parser will refuse later)."""
    if not isinstance(value, str) or not value or len(value) > 64 or "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# ---------------------------------------------------------------- records

def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def flat_record(row: Any) -> dict[str, Any]:
    """The record as it travels: its own fields and the envelope, side by side."""
    rec: dict[str, Any] = json.loads(row.data)
    rec.update(id=row.id, collection=row.collection, version=row.version, deleted=row.deleted,
               household_id=row.household_id, updated_at=row.updated_at,
               updated_by=row.updated_by, device_id=row.device_id)
    return rec


# Statements built once: the hot paths of a push only bind values (SQLAlchemy caches them).
_SELECT_RECORD = sa.select(records).where(records.c.id == sa.bindparam("rid"))
_SELECT_HOUSEHOLD = sa.select(households).where(households.c.household_id == sa.bindparam("hid"))
_LOCK_HOUSEHOLD = _SELECT_HOUSEHOLD.with_for_update()
_LOCK_RECORD = sa.select(records).where(records.c.id == sa.bindparam("rid")).with_for_update()
_INSERT_RECORD = records.insert()
_INSERT_RESULT = change_results.insert()
_NUMBER_RECORD = sa.update(records).where(records.c.id == sa.bindparam("rid")).values(
    seq=sa.bindparam("seq"))
_UPDATE_RECORD = sa.update(records).where(records.c.id == sa.bindparam("rid")).values(
    version=sa.bindparam("version"), deleted=sa.bindparam("deleted"), seq=sa.bindparam("seq"),
    updated_at=sa.bindparam("updated_at"), updated_by=sa.bindparam("updated_by"),
    device_id=sa.bindparam("device_id"), data=sa.bindparam("data"))


def load_record(conn: sa.Connection, record_id: str) -> Any:
    return conn.execute(_SELECT_RECORD, {"rid": record_id}).first()


def load_household(conn: sa.Connection, household_id: str) -> Any:
    return conn.execute(_SELECT_HOUSEHOLD, {"hid": household_id}).first()


def lock_household(conn: sa.Connection, household_id: str) -> Any:
    """The household's row, locked until the commit (a no-op when this transaction holds it)."""
    return conn.execute(_LOCK_HOUSEHOLD, {"hid": household_id}).first()


def in_scope(actor: Actor, hh: Any) -> bool:
    """Whether the household `hh` (a `households` row) is in the actor's case scope."""
    if hh is None:
        return False
    if actor.role == "caseworker":
        return bool(hh.caseworker_id == actor.user_id and not hh.retired)
    if actor.role == "supervisor":
        return actor.team_id is not None and hh.team_id == actor.team_id
    return False


def conflict_visible(actor: Actor, row: Any, hh: Any) -> bool:
    if actor.user_id in (row.author_id, row.assignee_id):
        return True
    return bool(actor.role == "supervisor" and hh is not None and actor.team_id is not None
                and hh.team_id == actor.team_id)


def write_audit(conn: sa.Connection, rows: Iterable[dict[str, Any]]) -> None:
    batch = list(rows)
    if batch:
        conn.execute(audit.insert(), batch)


def _audit_row(actor: Actor | None, action: str, collection: str | None = None,
               record_id: str | None = None, household_id: str | None = None,
               detail: str | None = None, at: str | None = None) -> dict[str, Any]:
    return {"at": at or now_iso(), "user_id": actor.user_id if actor else None,
            "device_id": actor.device_id if actor else None, "action": action,
            "collection": collection, "record_id": record_id, "household_id": household_id,
            "detail": detail}


# ---------------------------------------------------------------- push

@dataclass
class PushContext:
    conn: sa.Connection
    feed: Feed
    actor: Actor
    now: str
    validate: bool = True
    pending_audit: list[dict[str, Any]] = field(default_factory=list)  # of the change under way

    def audit(self, action: str, collection: str | None, record_id: str | None,
              household_id: str | None, detail: str | None = None) -> None:
        self.pending_audit.append(_audit_row(self.actor, action, collection, record_id,
                                             household_id, detail, self.now))


def push(engine: sa.Engine, actor: Actor, raw_changes: list[Any], *,
         validate: bool = True, commit_delay: float = 0.0) -> list[dict[str, Any]]:
    """Apply a batch of changes in order; one result per change (sync-protocol.md, "Push").

    The batch is one transaction and each change a savepoint in it, so each
    change is atomic on its own and the batch's answers are stored with it:
    a retried batch gets its first answers back.
    """
    results: list[dict[str, Any]] = []
    with engine.begin() as conn:
        feed = Feed(conn)
        ctx = PushContext(conn, feed, actor, now_iso(), validate)
        audit_rows: list[dict[str, Any]] = []
        new_results: list[dict[str, Any]] = []
        # The first answers to the change ids of this batch, in one query.
        ids = [raw["change_id"].lower() for raw in raw_changes
               if isinstance(raw, dict) and is_uuid_text(raw.get("change_id"))]
        known = {row.change_id: row for row in conn.execute(
            sa.select(change_results).where(change_results.c.change_id.in_(ids)))} if ids else {}
        _lock_batch(conn, raw_changes)
        for index, raw in enumerate(raw_changes):
            change_id = raw.get("change_id") if isinstance(raw, dict) else None
            try:
                change = parse_change(raw, index)
            except ProtocolError as exc:
                results.append({"change_id": change_id if isinstance(change_id, str) else None,
                                "status": "rejected",
                                "error": {"code": exc.code, "detail": exc.detail}})
                continue
            prior = known.get(change.change_id)
            if prior is not None:
                if prior.device_id != (actor.device_id or ""):
                    results.append(_rejection(change, "invalid_payload",
                                              "This change id was already used by another device; "
                                              "make a new change id."))
                else:
                    results.append(json.loads(prior.result))
                continue
            mark = feed.mark()
            savepoint = conn.begin_nested()
            try:
                result = apply_change(ctx, change)
                savepoint.commit()
                audit_rows += ctx.pending_audit
            except Rejected as exc:
                savepoint.rollback()
                feed.reset(mark)
                result = _rejection(change, exc.code, exc.detail)
                audit_rows.append(_audit_row(actor, "reject", change.collection, change.id,
                                             None, exc.code, ctx.now))
            except Exception as exc:
                # A bug or a database hiccup in this one change: the rest of the batch goes on,
                # and this answer is not remembered, so the device's next round retries it.
                savepoint.rollback()
                feed.reset(mark)
                ctx.pending_audit = []
                log.error("change failed", extra={"fields": {"error": type(exc).__name__}},
                          exc_info=exc)
                results.append(_rejection(change, "internal_error",
                                          "The server could not apply this change; it will be "
                                          "tried again at the next sync. Tell IT if it persists."))
                continue
            ctx.pending_audit = []
            stored = {"change_id": change.change_id, "device_id": actor.device_id or "",
                      "result": _dump(result), "at": ctx.now}
            known[change.change_id] = _StoredResult(stored["device_id"], stored["result"])
            new_results.append(stored)
            results.append(result)
        if new_results:
            conn.execute(_INSERT_RESULT, new_results)
        write_audit(conn, audit_rows)
        if actor.device_id:
            conn.execute(sa.update(devices).where(devices.c.device_id == actor.device_id)
                         .values(last_seen_at=ctx.now))
        feed.close()
        if commit_delay:
            # Tests widen the window between numbering and commit, at random, so that
            # a later-numbered push would often commit first if numbers were not in commit order.
            time.sleep(random.uniform(0, commit_delay))
    return results


def _lock_batch(conn: sa.Connection, raw_changes: list[Any]) -> None:
    """Lock the households, then the records, a batch will touch: always in that order and
    sorted, so two batches never wait for each other in a circle."""
    ids = [raw.get("id") for raw in raw_changes if isinstance(raw, dict)]
    ids = [i for i in ids if _safe_key(i)]
    if not ids or conn.dialect.name == "sqlite":
        return
    families = set(conn.execute(sa.select(records.c.household_id)
                                .where(records.c.id.in_(sorted(set(ids))))).scalars())
    for raw in raw_changes:
        if not isinstance(raw, dict):
            continue
        candidates = [raw.get("id")] if raw.get("collection") == "households" else []
        fields = raw.get("fields")
        if isinstance(fields, dict):
            candidates.append(fields.get("household_id"))
        families.update(c for c in candidates if _safe_key(c))
    lock_households(conn, [f for f in families if f])
    lock_records(conn, ids)


@dataclass(frozen=True)
class _StoredResult:
    device_id: str
    result: str


def _rejection(change: Change, code: str, detail: str) -> dict[str, Any]:
    return {"change_id": change.change_id, "status": "rejected",
            "error": {"code": code, "detail": detail}}


def _household_of(ctx: PushContext, change: Change, row: Any) -> str:
    if change.collection == "households":
        return change.id
    if row is not None:
        return str(row.household_id)
    hh_id = change.fields.get("household_id")
    if not isinstance(hh_id, str) or not hh_id:
        raise Rejected("invalid_payload",
                       f"A new {change.collection} record needs 'household_id': "
                       "the family it belongs to.")
    return hh_id


def apply_change(ctx: PushContext, change: Change) -> dict[str, Any]:
    """Apply one change; raise `Rejected` to refuse it (its savepoint is rolled back)."""
    actor, conn = ctx.actor, ctx.conn
    if change.collection in READ_ONLY_COLLECTIONS:
        raise Rejected("forbidden", f"{change.collection.capitalize()} are managed on the server; "
                                    "a device cannot change them.")
    if actor.role == "admin":
        raise Rejected("forbidden", "An administrator's account has no access to case records; "
                                    "sign in as a caseworker or a supervisor.")
    if change.collection == "protected" and not actor.protected_access:
        raise Rejected("forbidden", "This account may not record protected (trafficking or "
                                    "gender-based violence) details; ask a supervisor.")
    server_set = sorted(SERVER_FIELDS & set(change.fields))
    if server_set:
        raise Rejected("invalid_payload", f"Field '{server_set[0]}' is set by the server; "
                                          "leave it out of 'fields'.")
    row = conn.execute(_LOCK_RECORD, {"rid": change.id}).first()
    if row is not None and row.collection != change.collection:
        raise Rejected("invalid_payload", f"Record {change.id} is in '{row.collection}', "
                                          f"not in '{change.collection}'.")
    if row is None and change.base_version is not None:
        raise Rejected("invalid_payload", f"The server has no record {change.id}; send its "
                                          "creation first (base_version null).")
    if change.collection == "conflicts":
        return _change_conflict(ctx, change, row)
    hh_id = _household_of(ctx, change, row)
    if row is not None and "household_id" in change.fields and change.fields["household_id"] != hh_id:
        raise Rejected("invalid_payload", "A record cannot move to another family "
                                          "('household_id' differs from the server's).")
    hh = lock_household(conn, hh_id)
    creating_household = row is None and change.collection == "households"
    if not creating_household:
        if hh is None:
            raise Rejected("invalid_payload", f"The server has no family {hh_id}; "
                                              "push the family before its records.")
        if not in_scope(actor, hh):
            return _out_of_scope(ctx, change, hh)
    if row is None:
        return _create(ctx, change, hh_id)
    return _update(ctx, change, row, hh)


def _validation_problems(collection: str, record: dict[str, Any]) -> set[tuple[str, str]]:
    # casework.records is the schema both ends validate with; this is its one use here.
    from casework import records as schemas

    return {(p.field, p.message.render()) for p in schemas.validate(collection, record)}


def _check_valid(ctx: PushContext, collection: str, before: dict[str, Any] | None,
                 after: dict[str, Any]) -> None:
    """Refuse a change that brings a new problem into the record (old ones are not its fault)."""
    if not ctx.validate:
        return
    new = _validation_problems(collection, after)
    if before is not None and new:
        new -= _validation_problems(collection, before)
    if new:
        field_name, sentence = sorted(new)[0]
        raise Rejected("invalid_payload", f"Field '{field_name}': {sentence}")


def _is_author(actor: Actor, row: Any, hh: Any) -> bool:
    if row is not None and row.created_by == actor.user_id:
        return True
    return actor.role == "caseworker" and hh is not None and hh.caseworker_id == actor.user_id


def _check_review(actor: Actor, old: str | None, new: Any, row: Any, hh: Any) -> None:
    from casework.records import review_transition_allowed

    if not isinstance(new, str):
        return  # validation names the field
    roles = []
    if _is_author(actor, row, hh) or row is None:
        roles.append("author")
    if actor.role == "supervisor" and hh is not None and hh.team_id == actor.team_id:
        roles.append("supervisor")
    if not any(review_transition_allowed(old, new, role) for role in roles):
        who = "a supervisor of the team" if new in ("approved", "returned") else "the author"
        raise Rejected("forbidden", f"A record cannot go from '{old or 'new'}' to '{new}' "
                                    f"this way; only {who} can do that.")


def _own_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k != "household_id"}


def _create(ctx: PushContext, change: Change, hh_id: str) -> dict[str, Any]:
    actor, conn = ctx.actor, ctx.conn
    if change.delete:
        raise Rejected("invalid_payload", f"The server has no record {change.id} to delete.")
    data = _own_fields(change.fields)
    hh = load_household(conn, hh_id) if change.collection != "households" else None
    if change.collection == "households":
        data["team_id"] = actor.team_id
        wanted = data.get("caseworker_id")
        if actor.role == "caseworker" or wanted is None:
            data["caseworker_id"] = actor.user_id if actor.role == "caseworker" else None
        else:
            _check_caseworker(conn, actor, wanted)
    if change.collection in REVIEWED_COLLECTIONS and "review_status" in data:
        _check_review(actor, None, data["review_status"], None, hh)
    _check_valid(ctx, change.collection, None, {**data, "household_id": hh_id, "id": change.id})
    seq = ctx.feed.touch(change.id)
    conn.execute(_INSERT_RECORD, {
        "id": change.id, "collection": change.collection, "household_id": hh_id, "version": 1,
        "deleted": False, "seq": seq, "updated_at": ctx.now, "updated_by": actor.user_id,
        "device_id": actor.device_id, "created_by": actor.user_id, "author_id": None,
        "assignee_id": None, "data": _dump(data)})
    if change.collection == "households":
        status = data.get("status") if isinstance(data.get("status"), str) else "active"
        conn.execute(households.insert(), {
            "household_id": change.id, "team_id": data["team_id"],
            "caseworker_id": data["caseworker_id"], "status": status,
            "closed_at": ctx.now if status == "closed" else None, "retired": False})
    ctx.audit("create", change.collection, change.id, hh_id)
    return {"change_id": change.change_id, "status": "applied", "version": 1}


def _check_caseworker(conn: sa.Connection, actor: Actor, user_id: Any) -> None:
    if actor.role != "supervisor":
        raise Rejected("forbidden", "Only a supervisor (or IT) can assign a family to a caseworker.")
    if user_id is None:
        return
    target = conn.execute(sa.select(users).where(users.c.id == str(user_id))).first()
    if target is None or target.role != "caseworker" or target.team_id != actor.team_id or target.disabled:
        raise Rejected("invalid_payload", "'caseworker_id' must be an active caseworker of your team.")


def _update(ctx: PushContext, change: Change, row: Any, hh: Any) -> dict[str, Any]:
    actor, conn = ctx.actor, ctx.conn
    current: dict[str, Any] = json.loads(row.data)
    fields = _own_fields(change.fields)
    if row.deleted:
        if change.delete and not fields:
            return {"change_id": change.change_id, "status": "merged", "version": row.version}
        clashes = [Clash(k, change.base.get(k), v, current.get(k)) for k, v in fields.items()]
        return _conflict(ctx, change, row.household_id, clashes, row.version, "deleted",
                         assignee=hh.caseworker_id if hh is not None else None)
    if change.base_version is not None and change.base_version > row.version:
        raise Rejected("invalid_payload", f"'base_version' {change.base_version} is newer than the "
                                          f"server's version {row.version} of this record.")
    fast_forward = change.base_version == row.version
    result: MergeResult = merge(current, current if fast_forward else change.base, fields)
    touched = set(result.applied) | set(result.clashing_fields)
    if (row.collection in REVIEWED_COLLECTIONS and current.get("review_status") in LOCKED_STATES
            and (change.delete or touched - {"review_status"})):
        raise Rejected("record_locked", "This record was approved by a supervisor and is locked; "
                                        "a supervisor must reopen it before it can change.")
    if row.collection in REVIEWED_COLLECTIONS and "review_status" in result.applied:
        _check_review(actor, current.get("review_status"), result.applied["review_status"], row, hh)
    if row.collection == "households":
        if "team_id" in result.applied:
            raise Rejected("forbidden", "A family moves to another team only through IT "
                                        "(fieldapp-server assign).")
        if "caseworker_id" in result.applied:
            _check_caseworker(conn, actor, result.applied["caseworker_id"])
    new_data = {**current, **result.applied}
    if result.applied:
        _check_valid(ctx, row.collection, {**current, "household_id": row.household_id, "id": row.id},
                     {**new_data, "household_id": row.household_id, "id": row.id})
    version = row.version
    if result.applied or change.delete:
        version += 1
        conn.execute(_UPDATE_RECORD, {
            "rid": row.id, "version": version, "deleted": bool(change.delete),
            "seq": ctx.feed.touch(row.id), "updated_at": ctx.now, "updated_by": actor.user_id,
            "device_id": actor.device_id, "data": _dump(new_data)})
        action = "delete" if change.delete else "update"
        ctx.audit(action, row.collection, row.id, row.household_id)
        if row.collection == "households":
            _household_changed(ctx, row.id, current, new_data)
    if result.clashes:
        return _conflict(ctx, change, row.household_id, result.clashes, version, "clash",
                         assignee=None)
    status = "applied" if fast_forward else "merged"
    return {"change_id": change.change_id, "status": status, "version": version}


def _household_changed(ctx: PushContext, hh_id: str, old: dict[str, Any], new: dict[str, Any]) -> None:
    """Keep the scope table in step with a household record; move the scope when assigned anew."""
    conn = ctx.conn
    hh = load_household(conn, hh_id)
    status = new.get("status") if isinstance(new.get("status"), str) else hh.status
    values: dict[str, Any] = {"status": status}
    if status == "closed" and hh.status != "closed":
        values["closed_at"] = ctx.now
    reopened = status != "closed" and hh.retired
    if status != "closed":
        values["closed_at"] = None
        values["retired"] = False
    conn.execute(sa.update(households).where(households.c.household_id == hh_id).values(**values))
    if not same(old.get("caseworker_id"), new.get("caseworker_id")):
        move_household(conn, ctx.feed, hh_id, new.get("caseworker_id"), hh.team_id, ctx.now,
                       update_record=False)
    elif reopened:
        _renumber_subtree(conn, ctx.feed, hh_id)


def _supervisors(conn: sa.Connection, team_id: str | None) -> set[str]:
    if team_id is None:
        return set()
    return set(conn.execute(sa.select(users.c.id).where(
        users.c.team_id == team_id, users.c.role == "supervisor")).scalars())


def _renumber_subtree(conn: sa.Connection, feed: Feed, hh_id: str) -> int:
    """Give every record of a household a new sequence number: new holders receive the subtree.

    The caller holds the household's lock, and every writer of a record under
    it takes that lock first, so these rows are free to renumber.
    """
    ids = list(conn.execute(sa.select(records.c.id).where(records.c.household_id == hh_id)
                            .order_by(records.c.seq)).scalars())
    for rid in ids:
        feed.touch(rid)
    return len(ids)


def move_household(conn: sa.Connection, feed: Feed, hh_id: str, caseworker_id: str | None,
                   team_id: str | None, now: str, *, update_record: bool = True,
                   actor: Actor | None = None) -> None:
    """Assign a household to `caseworker_id` in `team_id`: evictions for those who lose it,
    the whole subtree for those who gain it."""
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
        conn.execute(sa.update(records).where(records.c.id == hh_id).values(
            version=row.version + 1, updated_at=now, data=_dump(data),
            updated_by=actor.user_id if actor else None, device_id=None))
    _renumber_subtree(conn, feed, hh_id)
    write_audit(conn, [_audit_row(actor, "assign", "households", hh_id, hh_id, None, now)])


def _conflict(ctx: PushContext, change: Change, hh_id: str | None, clashes: list[Clash],
              version: int | None, reason: str, *, assignee: str | None) -> dict[str, Any]:
    """Keep what the device sent in a `conflicts` record; answer `conflict`."""
    actor = ctx.actor
    conflict_id = new_id()
    hide_theirs = reason == "out_of_scope"
    data = {
        "record_collection": change.collection,
        "record_id": change.id,
        "fields": [{"field": c.field, "base": c.base, "mine": c.mine,
                    "theirs": None if hide_theirs else c.theirs} for c in clashes],
        "delete": change.delete,
        "by": actor.user_id,
        "device": actor.device_id,
        "at": ctx.now,
        "change_id": change.change_id,
        "reason": reason,
        "resolved": False,
    }
    ctx.conn.execute(_INSERT_RECORD, {
        "id": conflict_id, "collection": "conflicts", "household_id": hh_id, "version": 1,
        "deleted": False, "seq": ctx.feed.touch(conflict_id), "updated_at": ctx.now,
        "updated_by": actor.user_id, "device_id": actor.device_id, "created_by": actor.user_id,
        "author_id": actor.user_id, "assignee_id": assignee, "data": _dump(data)})
    ctx.audit("conflict", change.collection, change.id, hh_id, reason)
    return {"change_id": change.change_id, "status": "conflict", "version": version,
            "conflict_id": conflict_id, "fields": [c.field for c in clashes]}


def _out_of_scope(ctx: PushContext, change: Change, hh: Any) -> dict[str, Any]:
    fields = _own_fields(change.fields)
    clashes = [Clash(k, change.base.get(k), v, None) for k, v in fields.items()]
    return _conflict(ctx, change, hh.household_id, clashes, None, "out_of_scope",
                     assignee=hh.caseworker_id)


_CONFLICT_WRITABLE = {"resolved", "resolution"}


def _change_conflict(ctx: PushContext, change: Change, row: Any) -> dict[str, Any]:
    if row is None:
        raise Rejected("forbidden", "Conflicts are made by the server; a device only resolves them.")
    hh = load_household(ctx.conn, row.household_id) if row.household_id else None
    if not conflict_visible(ctx.actor, row, hh):
        raise Rejected("forbidden", "This conflict is not yours to resolve.")
    extra = sorted(set(change.fields) - _CONFLICT_WRITABLE)
    if extra or change.delete:
        raise Rejected("forbidden", "Only 'resolved' and 'resolution' of a conflict can change.")
    return _update(ctx, change, row, hh)


# ---------------------------------------------------------------- pull

@dataclass
class Page:
    changes: list[dict[str, Any]]
    cursor: int
    more: bool
    read: list[tuple[str, str, str | None]]  # (collection, id, household_id) of case records sent


def _scope_filter(actor: Actor) -> Any:
    r, h = records.c, households.c
    conds: list[Any] = [r.collection.in_(READ_ONLY_COLLECTIONS)]
    if actor.role == "caseworker":
        case_scope = sa.and_(h.caseworker_id == actor.user_id, h.retired.is_(False))
    elif actor.role == "supervisor" and actor.team_id is not None:
        case_scope = h.team_id == actor.team_id
    else:
        return conds[0]
    conds.append(sa.and_(r.collection.notin_(("conflicts", "protected")), case_scope))
    if actor.protected_access:
        conds.append(sa.and_(r.collection == "protected", case_scope))
    mine: Any = sa.or_(r.author_id == actor.user_id, r.assignee_id == actor.user_id)
    if actor.role == "supervisor":
        mine = sa.or_(mine, h.team_id == actor.team_id)
    conds.append(sa.and_(r.collection == "conflicts", mine))
    return sa.or_(*conds)


def pull_page(engine: sa.Engine, actor: Actor, cursor: int, limit: int) -> Page:
    """The changes in the actor's scope after `cursor`, oldest first (sync-protocol.md, "Pull")."""
    with reading(engine) as conn, conn.begin():
        state = conn.execute(sa.select(sync_state).where(sync_state.c.id == 1)).one()
        horizon = int(state.seq)
        if cursor > horizon:
            raise CursorExpired("This cursor is ahead of the server (was it restored from a "
                                "backup?); pull everything again from cursor 0.")
        if 0 < cursor < state.min_cursor:
            raise CursorExpired("This cursor is older than the deletions the server keeps; "
                                "pull everything again from cursor 0.")
        join = records.outerjoin(households, households.c.household_id == records.c.household_id)
        rows = conn.execute(
            sa.select(records).select_from(join)
            .where(records.c.seq > cursor, records.c.seq <= horizon, _scope_filter(actor))
            .order_by(records.c.seq).limit(limit + 1)).all()
        evicts: list[Any] = []
        if cursor > 0:
            evicts = conn.execute(
                sa.select(scope_events)
                .where(scope_events.c.user_id == actor.user_id, scope_events.c.seq > cursor,
                       scope_events.c.seq <= horizon)
                .order_by(scope_events.c.seq).limit(limit + 1)).all()
    items: list[tuple[int, dict[str, Any], Any]] = []
    for row in rows:
        items.append((int(row.seq), {"op": "upsert", "collection": row.collection, "id": row.id,
                                     "version": row.version, "record": flat_record(row)}, row))
    for ev in evicts:
        items.append((int(ev.seq), {"op": "evict", "collection": "households",
                                    "id": ev.household_id}, None))
    items.sort(key=lambda item: item[0])
    more = len(items) > limit
    page = items[:limit]
    new_cursor = page[-1][0] if more else horizon
    read = [(row.collection, row.id, row.household_id) for _s, _c, row in page
            if row is not None and row.collection not in READ_ONLY_COLLECTIONS]
    return Page([c for _s, c, _r in page], max(new_cursor, cursor), more, read)


def finish_pull(engine: sa.Engine, actor: Actor, page: Page) -> Page:
    """Audit what was read; answer `wipe` instead if the device was revoked meanwhile."""
    now = now_iso()
    with engine.begin() as conn:
        revoked = None
        if actor.device_id:
            revoked = conn.execute(sa.select(devices.c.revoked_at)
                                   .where(devices.c.device_id == actor.device_id)).scalar()
            conn.execute(sa.update(devices).where(devices.c.device_id == actor.device_id)
                         .values(last_seen_at=now))
        if revoked:
            write_audit(conn, [_audit_row(actor, "wipe", detail="revoked during a pull", at=now)])
            return Page([{"op": "wipe"}], page.cursor, False, [])
        write_audit(conn, (_audit_row(actor, "read_protected" if coll == "protected" else "read",
                                      coll, rid, hh, None, now) for coll, rid, hh in page.read))
    return page


def pull(engine: sa.Engine, actor: Actor, cursor: int, limit: int) -> Page:
    return finish_pull(engine, actor, pull_page(engine, actor, cursor, limit))


# ---------------------------------------------------------------- housekeeping

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

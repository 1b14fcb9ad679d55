"""The write side of sync: a push batch and the rules of each change (sync-protocol.md, "Push").

The batch is one transaction, applied set-based (`sync.server.push_context`)
or, when the database refuses a write, change by change in savepoints; the
rules a change must pass are in `sync.server.review` and `sync.server.scope`,
the numbering in `sync.server.feed`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from casework.ids import new_id
from casework.merge import Clash, MergeResult, merge, same
from sync.protocol import (
    READ_ONLY_COLLECTIONS,
    REVIEWED_COLLECTIONS,
    SERVER_FIELDS,
    Change,
    ProtocolError,
    is_uuid_text,
    parse_change,
)
from sync.server import attachments
from sync.server.audit import audit_row, change_action, now_iso, write_audit
from sync.server.authorship import check_author
from sync.server.db import change_results, devices
from sync.server.feed import Feed, dump, insert_many, later
from sync.server.households import move_household, renumber_subtree
from sync.server.push_context import BatchContext, PushContext, id_list
from sync.server.review import (
    REVIEW_RECORDS,
    Rejected,
    check_caseworker,
    check_locked,
    check_review,
    check_review_record,
    check_valid,
)
from sync.server.scope import Actor, conflict_visible, in_scope, is_protected, row_protected

log = logging.getLogger("fieldapp.server")


class _FallBack(Exception):
    """The set-based path met a database error or a bug: redo the batch change by change."""


def push(engine: sa.Engine, actor: Actor, raw_changes: list[Any], *,
         numbered: Callable[[], None] | None = None) -> list[dict[str, Any]]:
    """Apply a batch of changes in order; one result per change (sync-protocol.md, "Push").

    The batch is one transaction, so its answers are stored with it: a retried
    batch gets its first answers back. It is applied set-based first
    (`sync.server.push_context.BatchContext`): a change the rules refuse is
    refused before anything of it is written. If the database refuses a write
    (or a change fails for a reason of its own), the transaction is rolled back
    and the batch applied again change by change, each in a savepoint, so that
    one bad change never blocks the rest. `numbered` runs after the feed has
    numbered the batch and before the commit (tests widen that window).
    """
    try:
        return _push(engine, actor, raw_changes, numbered, batch=True)
    except _FallBack as exc:
        log.warning("push batch applied change by change",
                    extra={"fields": {"error": type(exc.__cause__).__name__}})
        return _push(engine, actor, raw_changes, numbered, batch=False)


def _push(engine: sa.Engine, actor: Actor, raw_changes: list[Any],
          numbered: Callable[[], None] | None, *, batch: bool) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    with engine.begin() as conn:
        feed = Feed(conn)
        now = now_iso()
        ctx = BatchContext(conn, feed, actor, now) if batch else PushContext(conn, feed, actor, now)
        audit_rows: list[dict[str, Any]] = []
        new_results: list[dict[str, Any]] = []
        # The first answers to the change ids of this batch, in one query.
        ids = [raw["change_id"].lower() for raw in raw_changes
               if isinstance(raw, dict) and is_uuid_text(raw.get("change_id"))]
        known: dict[str, Any] = {}
        if ids:
            where, param = id_list(conn, ids)
            known = {row.change_id: row for row in conn.exec_driver_sql(
                f"SELECT change_id, device_id, result FROM change_results WHERE change_id {where}",
                (param,))}
        try:
            ctx.load(raw_changes)
        except sa.exc.DBAPIError as exc:
            if batch:
                raise _FallBack() from exc
            raise
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
            result = (_apply_in_batch(ctx, change, audit_rows) if batch
                      else _apply_in_savepoint(ctx, change, audit_rows))
            if result is None:
                results.append(_rejection(change, "internal_error",
                                          "The server could not apply this change; it will be "
                                          "tried again at the next sync. Tell IT if it persists."))
                continue
            ctx.pending_audit = []
            stored = {"change_id": change.change_id, "device_id": actor.device_id or "",
                      "result": _result_json(result), "at": ctx.now}
            known[change.change_id] = _StoredResult(stored["device_id"], stored["result"])
            new_results.append(stored)
            results.append(result)
        feed.defer()  # PostgreSQL: the answers, audit and last-seen go out with the COMMIT
        insert_many(conn, change_results, new_results)
        write_audit(conn, audit_rows)
        if actor.device_id:
            if conn.dialect.name == "sqlite":
                conn.execute(_SEEN, {"device": actor.device_id, "now": ctx.now})
            else:
                later(conn, _SEEN_PG, (ctx.now, actor.device_id))
        try:
            ctx.close(before_commit=numbered)  # commits too on PostgreSQL (one round trip)
        except sa.exc.DBAPIError as exc:
            if batch:
                raise _FallBack() from exc
            raise
    return results


def _apply_in_batch(ctx: PushContext, change: Change,
                    audit_rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One change of the set-based path; anything but a refusal redoes the batch change by change."""
    kept = ctx.kept()
    try:
        result = apply_change(ctx, change)
    except Rejected as exc:
        if ctx.kept() != kept or ctx.pending_audit:
            raise _FallBack() from exc  # refused after writing: only a savepoint can undo it
        audit_rows.append(audit_row(ctx.actor, "reject", change.collection, change.id,
                                    None, exc.code, ctx.now))
        return _rejection(change, exc.code, exc.detail)
    except Exception as exc:
        raise _FallBack() from exc
    audit_rows += ctx.pending_audit
    return result


def _apply_in_savepoint(ctx: PushContext, change: Change,
                        audit_rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """One change in its own savepoint; None when it failed inside the server (not remembered)."""
    mark = ctx.feed.mark()
    savepoint = ctx.conn.begin_nested()
    try:
        result = apply_change(ctx, change)
        savepoint.commit()
        audit_rows += ctx.pending_audit
        return result
    except Rejected as exc:
        savepoint.rollback()
        ctx.feed.reset(mark)
        ctx.pending_audit = []
        audit_rows.append(audit_row(ctx.actor, "reject", change.collection, change.id,
                                    None, exc.code, ctx.now))
        return _rejection(change, exc.code, exc.detail)
    except Exception as exc:
        # A bug or a database hiccup in this one change: the rest of the batch goes on,
        # and this answer is not remembered, so the device's next round retries it.
        savepoint.rollback()
        ctx.feed.reset(mark)
        ctx.pending_audit = []
        log.error("change failed", extra={"fields": {"error": type(exc).__name__}}, exc_info=exc)
        return None


# Built once (building and keying it per push cost more than running it).
_SEEN = (sa.update(devices).where(devices.c.device_id == sa.bindparam("device"))
         .values(last_seen_at=sa.bindparam("now")))
_SEEN_PG = "UPDATE devices SET last_seen_at = %s WHERE device_id = %s"  # (now, device)


@dataclass(frozen=True)
class _StoredResult:
    device_id: str
    result: str


def _result_json(result: dict[str, Any]) -> str:
    """A change's answer as stored: the common short answer written directly, the rest by `dump`.

    A batch stores one answer per change; the three-key answer (applied or merged) is most of
    them, and its values need no escaping (a change id is a UUID `parse_change` checked).
    """
    version = result.get("version")
    if len(result) == 3 and type(version) is int:
        return (f'{{"change_id":"{result["change_id"]}","status":"{result["status"]}",'
                f'"version":{version}}}')
    return dump(result)


def _rejection(change: Change, code: str, detail: str) -> dict[str, Any]:
    return {"change_id": change.change_id, "status": "rejected",
            "error": {"code": code, "detail": detail}}


def _household_of(change: Change, row: Any) -> str:
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
    """Apply one change; raise `Rejected` to refuse it (before anything of it is written)."""
    actor = ctx.actor
    if change.collection in READ_ONLY_COLLECTIONS:
        raise Rejected("forbidden", f"{change.collection.capitalize()} are managed on the server; "
                                    "a device cannot change them.")
    if actor.role == "admin":
        raise Rejected("forbidden", "An administrator's account has no access to case records; "
                                    "sign in as a caseworker or a supervisor.")
    if not actor.protected_access and is_protected(change.collection, change.fields):
        raise Rejected("forbidden", _NO_PROTECTED_ACCESS)
    server_set = sorted(SERVER_FIELDS & set(change.fields))
    if server_set:
        raise Rejected("invalid_payload", f"Field '{server_set[0]}' is set by the server; "
                                          "leave it out of 'fields'.")
    row = ctx.record(change.id)
    if row is not None and row.collection != change.collection:
        raise Rejected("invalid_payload", f"Record {change.id} is in '{row.collection}', "
                                          f"not in '{change.collection}'.")
    if row is not None and not actor.protected_access and row_protected(row):
        raise Rejected("forbidden", _NO_PROTECTED_ACCESS)
    if row is None and change.base_version is not None:
        raise Rejected("invalid_payload", f"The server has no record {change.id}; send its "
                                          "creation first (base_version null).")
    if change.collection == "conflicts":
        return _change_conflict(ctx, change, row)
    hh_id = _household_of(change, row)
    if row is not None and "household_id" in change.fields and change.fields["household_id"] != hh_id:
        raise Rejected("invalid_payload", "A record cannot move to another family "
                                          "('household_id' differs from the server's).")
    hh = ctx.household(hh_id)
    creating_household = row is None and change.collection == "households"
    if not creating_household:
        if hh is None:
            raise Rejected("invalid_payload", f"The server has no family {hh_id}; "
                                              "push the family before its records.")
        if not in_scope(actor, hh):
            return _out_of_scope(ctx, change, hh)
    if row is None:
        return _create(ctx, change, hh_id)
    if row.collection == REVIEW_RECORDS:
        return _change_review(ctx, change, row)
    return _update(ctx, change, row, hh)


_NO_PROTECTED_ACCESS = ("This account may not record or read protected (trafficking or "
                        "gender-based violence) details; ask a supervisor.")


def _change_review(ctx: PushContext, change: Change, row: Any) -> dict[str, Any]:
    """A review is kept as it was recorded: a repeat of it (a retried create) changes nothing,
    anything else is refused (the supervisor records a new review instead)."""
    current: dict[str, Any] = json.loads(row.data)
    typed = {k: v for k, v in _own_fields(change.fields).items() if k not in _STAMPED}
    if not change.delete and not row.deleted and all(same(current.get(k), v) for k, v in typed.items()):
        return {"change_id": change.change_id, "status": "merged", "version": row.version}
    raise Rejected("forbidden", "A review is kept as it was recorded; record a new review instead.")


_STAMPED = {"reviewer_id", "reviewed_at"}  # set by the server from the caller and the time


def _own_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if k != "household_id"}


def _create(ctx: PushContext, change: Change, hh_id: str) -> dict[str, Any]:
    actor, conn = ctx.actor, ctx.conn
    if change.delete:
        raise Rejected("invalid_payload", f"The server has no record {change.id} to delete.")
    data = _own_fields(change.fields)
    hh = ctx.household(hh_id, lock=False) if change.collection != "households" else None
    if change.collection == "households":
        data["team_id"] = actor.team_id
        wanted = data.get("caseworker_id")
        if actor.role == "caseworker" or wanted is None:
            data["caseworker_id"] = actor.user_id if actor.role == "caseworker" else None
        else:
            check_caseworker(conn, actor, wanted)
    if change.collection in REVIEWED_COLLECTIONS and "review_status" in data:
        check_review(actor, None, data["review_status"], None, hh)
    if change.collection == REVIEW_RECORDS:
        data = check_review_record(ctx.direct(), actor, data, hh, ctx.now)
    check_valid(change.collection, None, {**data, "household_id": hh_id, "id": change.id}, ctx.today)
    if change.collection == "attachments":  # its rules read the database: the batch's records first
        attachments.check_write(ctx.direct(), change.collection, None, {**data, "household_id": hh_id}, False)
    seq = ctx.feed.touch(change.id)
    ctx.insert_record({
        "id": change.id, "collection": change.collection, "household_id": hh_id, "version": 1,
        "deleted": False, "seq": seq, "updated_at": ctx.now, "updated_by": actor.user_id,
        "device_id": actor.device_id, "created_by": actor.user_id, "author_id": None,
        "assignee_id": None, "data": dump(data)})
    if change.collection == "attachments":
        attachments.record_written(ctx.direct(), change.collection, change.id, data)
    if change.collection == "households":
        status = data.get("status") if isinstance(data.get("status"), str) else "active"
        ctx.insert_household({
            "household_id": change.id, "team_id": data["team_id"],
            "caseworker_id": data["caseworker_id"], "status": status,
            "closed_at": ctx.now if status == "closed" else None, "retired": False})
    ctx.audit("create", change.collection, change.id, hh_id)
    return {"change_id": change.change_id, "status": "applied", "version": 1}


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
    check_locked(row.collection, current, touched, change.delete)
    check_author(actor, row, touched, change.delete)  # desk: another specialist's record
    if row.collection == "attachments":
        attachments.check_write(ctx.direct(), row.collection, current, fields, change.delete)
    if row.collection in REVIEWED_COLLECTIONS and "review_status" in result.applied:
        check_review(actor, current.get("review_status"), result.applied["review_status"], row, hh)
    if row.collection == "households":
        if "team_id" in result.applied:
            raise Rejected("forbidden", "A family moves to another team only through IT "
                                        "(fieldapp-server assign).")
        if "caseworker_id" in result.applied:
            check_caseworker(conn, actor, result.applied["caseworker_id"])
    new_data = {**current, **result.applied}
    if result.applied:
        check_valid(row.collection, {**current, "household_id": row.household_id, "id": row.id},
                    {**new_data, "household_id": row.household_id, "id": row.id}, ctx.today)
    version = row.version
    if result.applied or change.delete:
        version += 1
        ctx.update_record({
            "rid": row.id, "version": version, "deleted": bool(change.delete),
            "seq": ctx.feed.touch(row.id), "updated_at": ctx.now, "updated_by": actor.user_id,
            "device_id": actor.device_id, "data": dump(new_data)})
        action = "delete" if change.delete else change_action(current, result.applied)
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
    hh = ctx.household(hh_id)
    status = new.get("status") if isinstance(new.get("status"), str) else hh.status
    values: dict[str, Any] = {"status": status}
    if status == "closed" and hh.status != "closed":
        values["closed_at"] = ctx.now
    reopened = status != "closed" and hh.retired
    if status != "closed":
        values["closed_at"] = None
        values["retired"] = False
    if any(getattr(hh, name) != value for name, value in values.items()):
        ctx.update_household(hh_id, values)  # an edit of the notes leaves the scope row as it is
    if not same(old.get("caseworker_id"), new.get("caseworker_id")):
        move_household(ctx.direct(), ctx.feed, hh_id, new.get("caseworker_id"), hh.team_id,
                       ctx.now, update_record=False)
        ctx.forget_household(hh_id)
    elif reopened:
        renumber_subtree(ctx.direct(), ctx.feed, hh_id)


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
    ctx.insert_record({
        "id": conflict_id, "collection": "conflicts", "household_id": hh_id, "version": 1,
        "deleted": False, "seq": ctx.feed.touch(conflict_id), "updated_at": ctx.now,
        "updated_by": actor.user_id, "device_id": actor.device_id, "created_by": actor.user_id,
        "author_id": actor.user_id, "assignee_id": assignee, "data": dump(data)})
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
    hh = ctx.household(row.household_id, lock=False) if row.household_id else None
    if not conflict_visible(ctx.actor, row, hh):
        raise Rejected("forbidden", "This conflict is not yours to resolve.")
    extra = sorted(set(change.fields) - _CONFLICT_WRITABLE)
    if extra or change.delete:
        raise Rejected("forbidden", "Only 'resolved' and 'resolution' of a conflict can change.")
    return _update(ctx, change, row, hh)



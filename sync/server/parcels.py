"""Sync parcels at the server: the keys, and a laptop's parcel imported with the push and pull of
a network round (sync/parcel.py has the format; docs/sync-protocol.md, "Parcels").

`import_parcel` verifies the parcel with the key its laptop gave at enrolment, applies its
changes with `sync.server.push.push` (idempotent, per-change results, merge, conflicts) and
pulls the laptop's scope from its cursor with `sync.server.pull.pull`, then writes the return
parcel, encrypted to that laptop and signed by the server. A revoked laptop's parcel applies
nothing: its return parcel carries the wipe. A parcel older than one already imported from the
same laptop is refused (the newer one held every change still pending in it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from casework.ids import device_code
from sync import parcel as pc
from sync import protocol as p
from sync.server.audit import audit_row, now_iso, write_audit
from sync.server.db import device_keys, devices, meta, reading, users
from sync.server.pull import CursorExpired, pull
from sync.server.push import push
from sync.server.scope import Actor

log = logging.getLogger("fieldapp.server")


def server_keys(conn: sa.Connection) -> pc.KeyPair:
    """The server's parcel keys (made once by migration 0008)."""
    rows = dict(conn.execute(sa.select(meta.c.key, meta.c.value).where(
        meta.c.key.in_(("parcel_box_secret", "parcel_sign_secret")))).all())
    return pc.KeyPair.from_hex(rows["parcel_box_secret"], rows["parcel_sign_secret"])


def remember_device_keys(conn: sa.Connection, device_id: str, keys: Any) -> dict[str, str] | None:
    """At enrolment: keep the laptop's public keys (a re-enrolment rotates them) and answer the
    server's public keys, which the laptop pins. Nothing is kept when the laptop sent none."""
    checked = pc.check_public_keys(keys)
    if checked is None:
        return None
    now = now_iso()
    done = conn.execute(sa.update(device_keys).where(device_keys.c.device_id == device_id)
                        .values(box_key=checked["box"], sign_key=checked["sign"], updated_at=now))
    if done.rowcount == 0:
        conn.execute(device_keys.insert().values(device_id=device_id, box_key=checked["box"],
                                                 sign_key=checked["sign"], in_seq=0, out_seq=0,
                                                 updated_at=now))
    return server_keys(conn).public()


@dataclass
class Imported:
    """What an import did: the return parcel to carry back, and counts for the operator."""

    reply: bytes
    file_name: str
    device_number: int
    results: dict[str, int] = field(default_factory=dict)  # status -> count
    pulled: int = 0
    wipe: bool = False


def _refuse(code: str, detail: str) -> pc.ParcelError:
    return pc.ParcelError(code, detail)


def import_parcel(engine: sa.Engine, data: bytes, *, server_id: str,
                  courier: Actor | None = None) -> Imported:
    """Apply a laptop's parcel and write its return parcel; ParcelError (nothing applied) when refused.

    `courier` is the supervisor whose laptop uploaded it (the upload endpoint): the parcel's
    laptop must be of her team. She only carries it: she can read neither parcel.
    """
    if len(data) > pc.MAX_PARCEL_BYTES:
        raise _refuse("too_large", "This parcel is too large.")
    header = pc.read_header(data)
    if header.kind != pc.TO_SERVER:
        raise _refuse("wrong_direction", "This is a return parcel for a laptop, not a parcel "
                                         "for the server: carry it to its laptop.")
    if header.recipient != server_id:
        raise _refuse("not_for_you", "This parcel was written for another server.")
    with reading(engine) as conn:
        keys = server_keys(conn)
        row = conn.execute(
            sa.select(devices.c.device_id, devices.c.number, devices.c.revoked_at, users.c.id,
                      users.c.role, users.c.team_id, users.c.protected_access, users.c.disabled,
                      device_keys.c.box_key, device_keys.c.sign_key, device_keys.c.in_seq)
            .select_from(devices.join(users, users.c.id == devices.c.user_id)
                         .join(device_keys, device_keys.c.device_id == devices.c.device_id))
            .where(devices.c.device_id == header.sender.lower())).first()
    if row is None:
        raise _refuse("unknown_laptop", "This parcel comes from a laptop this server does not "
                                        "know, or one enrolled before parcels existed (enrol it "
                                        "again to give it parcel keys).")
    if courier is not None and (courier.role != "supervisor" or courier.team_id != row.team_id):
        raise _refuse("not_your_team", "Only a supervisor of this laptop's team can bring its "
                                       "parcel.")
    _header, payload = pc.open_parcel(data, row.sign_key, keys)
    actor = Actor(row.id, row.role, row.team_id, bool(row.protected_access), row.device_id,
                  row.number)
    if header.seq <= row.in_seq:
        raise _refuse("already_imported", f"This parcel (number {header.seq}) was imported "
                                          "already, or a newer one from the same laptop was; "
                                          "nothing was applied again.")
    _claim(engine, row.device_id, header.seq)
    try:
        return _apply(engine, keys, server_id, header, row, payload, actor)
    except BaseException:
        _release(engine, row.device_id, header.seq, row.in_seq)  # not imported: it may come again
        raise


def _claim(engine: sa.Engine, device_id: str, seq: int) -> None:
    """Take the parcel's number before applying it, so that the same parcel brought twice at the
    same moment (the CLI and a courier's upload) is applied once: the second is refused."""
    with engine.begin() as conn:
        claimed = conn.execute(sa.update(device_keys)
                               .where(device_keys.c.device_id == device_id, device_keys.c.in_seq < seq)
                               .values(in_seq=seq, updated_at=now_iso()))
    if claimed.rowcount != 1:
        raise _refuse("already_imported", f"This parcel (number {seq}) was imported already, or a "
                                          "newer one from the same laptop was; nothing was applied again.")


def _release(engine: sa.Engine, device_id: str, seq: int, before: int) -> None:
    with engine.begin() as conn:
        conn.execute(sa.update(device_keys)
                     .where(device_keys.c.device_id == device_id, device_keys.c.in_seq == seq)
                     .values(in_seq=before))


def _apply(engine: sa.Engine, keys: pc.KeyPair, server_id: str, header: pc.Header, row: Any,
           payload: dict[str, Any], actor: Actor) -> Imported:
    if row.revoked_at:
        return _reply(engine, keys, server_id, header, row, payload={
            "answers": header.seq, "results": [], "pages": [
                {"changes": [{"op": "wipe"}], "cursor": 0, "more": False}],
            "from_cursor": 0, "full": False}, actor=actor, wipe=True)
    if row.disabled:
        raise _refuse("account_disabled", "The account of this laptop is disabled; ask IT.")
    changes = payload.get("changes")
    cursor = payload.get("cursor")
    if (not isinstance(changes, list) or not isinstance(cursor, int) or isinstance(cursor, bool)
            or cursor < 0):
        raise _refuse("damaged", "This parcel's content is damaged.")
    results: list[dict[str, Any]] = []
    for start in range(0, len(changes), p.MAX_PUSH_CHANGES):
        results += push(engine, actor, changes[start:start + p.MAX_PUSH_CHANGES])
    pages, full, start_cursor = _pull_all(engine, actor, cursor)
    wipe = any(c.get("op") == "wipe" for page in pages for c in page["changes"])
    return _reply(engine, keys, server_id, header, row, payload={
        "answers": header.seq, "results": results, "pages": pages, "from_cursor": start_cursor,
        "full": full}, actor=actor, wipe=wipe)


def _pull_all(engine: sa.Engine, actor: Actor, cursor: int) -> tuple[list[dict[str, Any]], bool, int]:
    """Every page of the actor's scope after `cursor` (from 0 when it expired)."""
    full = False
    try:
        pages = _pages(engine, actor, cursor)
    except CursorExpired:
        full, cursor = True, 0
        pages = _pages(engine, actor, 0)
    return pages, full, cursor


def _pages(engine: sa.Engine, actor: Actor, cursor: int) -> list[dict[str, Any]]:
    pages: list[dict[str, Any]] = []
    while True:
        page = pull(engine, actor, cursor, p.DEFAULT_PULL_LIMIT)
        pages.append({"changes": page.changes, "cursor": page.cursor, "more": page.more})
        cursor = page.cursor
        if not page.more:
            return pages


def _reply(engine: sa.Engine, keys: pc.KeyPair, server_id: str, header: pc.Header, row: Any, *,
           payload: dict[str, Any], actor: Actor, wipe: bool) -> Imported:
    """Number the return parcel and seal it."""
    with engine.begin() as conn:
        conn.execute(sa.update(device_keys).where(device_keys.c.device_id == row.device_id)
                     .values(out_seq=device_keys.c.out_seq + 1, updated_at=now_iso()))
        out_seq = int(conn.execute(sa.select(device_keys.c.out_seq)
                                   .where(device_keys.c.device_id == row.device_id)).scalar_one())
        write_audit(conn, [audit_row(actor, "parcel_wipe" if wipe else "parcel",
                                     detail=f"parcel {header.seq}, return {out_seq}")])
    back = pc.Header.new(pc.TO_DEVICE, server_id, row.device_id, out_seq)
    reply = pc.seal(back, payload, row.box_key, keys)
    counts: dict[str, int] = {}
    for result in payload["results"]:
        status = str(result.get("status"))
        counts[status] = counts.get(status, 0) + 1
    pulled = sum(1 for page in payload["pages"] for c in page["changes"] if c.get("op") == "upsert")
    return Imported(reply, pc.file_name(pc.TO_DEVICE, device_code(row.number), out_seq), row.number,
                    counts, pulled, wipe)

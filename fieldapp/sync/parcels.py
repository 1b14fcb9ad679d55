"""Sync parcels on the laptop: a round of sync carried on a USB stick (sync/parcel.py, the format).

`export_parcel` writes everything not yet acknowledged (the whole pending outbox and the
cursor), encrypted to the server and signed by this laptop; the outbox stays as it is until a
return parcel (or a network round) settles it. `import_parcel` opens a return parcel with the
server's key pinned at enrolment and applies it with the engine of a network round
(`fieldapp.sync.engine`): the push results through `apply_push_results`, matched to the outbox by
change id (entries a network round settled meanwhile are gone and skipped), and the pulled pages
through `pull_all`, fed by a Transport that serves the parcel's pages. A parcel imported twice,
out of order, for another laptop, truncated or tampered with is refused before anything changes.

Keys: `remember_parcel_keys` keeps this laptop's secret keys and pins the server's public keys
inside the encrypted store at enrolment; a wipe destroys them with the profile.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casework.i18n import QT_TRANSLATE_NOOP, Message
from fieldapp.store.database import Store, Transaction
from fieldapp.sync.engine import (
    CURSOR_KEY,
    RESYNC_KEY,
    RoundReport,
    _check_results,
    apply_push_results,
    change_of,
    finish_deferred_evictions,
    pull_all,
)
from sync import parcel as pc
from sync.errors import BadAnswer, CursorExpired, SyncFailure

OUT_SEQ_KEY = "parcel_out_seq"  # the number of the last parcel written for the server
IN_SEQ_KEY = "parcel_in_seq"  # the number of the last return parcel imported
_KEYS = ("parcel_box_secret", "parcel_sign_secret", "server_box_key", "server_sign_key")


def remember_parcel_keys(tx: Transaction, keys: pc.KeyPair, server_keys: Any) -> None:
    """At enrolment: keep this laptop's secret parcel keys and pin the server's public ones.

    A server that answered no keys (older than parcels) leaves the laptop without parcels.
    """
    checked = pc.check_public_keys(server_keys)
    if checked is None:
        for key in _KEYS:
            tx.set_meta(key, None)
        return
    box, sign = keys.secret_hex()
    tx.set_meta("parcel_box_secret", box)
    tx.set_meta("parcel_sign_secret", sign)
    tx.set_meta("server_box_key", checked["box"])
    tx.set_meta("server_sign_key", checked["sign"])


def has_parcel_keys(store: Store) -> bool:
    """Whether this laptop can write and read parcels (enrolled with a server that gave keys)."""
    return all(store.meta(key) for key in _KEYS) and bool(store.meta("server_id"))


def _own_keys(store: Store) -> pc.KeyPair:
    return pc.KeyPair.from_hex(store.meta("parcel_box_secret") or "", store.meta("parcel_sign_secret") or "")


@dataclass
class Exported:
    """A parcel written for the server: its bytes, its file name (no personal data), what it holds."""

    data: bytes
    file_name: str
    seq: int
    changes: int


def _require_keys(store: Store) -> None:
    """A parcel needs the keys enrolment gave: a standalone profile has none, and never had a server."""
    if not has_parcel_keys(store):
        if not store.meta("server_url"):
            raise pc.ParcelError("not_connected", "This profile is standalone: it has no server to write parcels for.")
        raise pc.ParcelError("no_keys", "This laptop has no parcel keys: enrol it again.")


def export_parcel(store: Store) -> Exported:
    """Everything this laptop has not had acknowledged, as a parcel for the server.

    The outbox is not touched: a parcel lost on the way loses nothing, and the next parcel
    (or network round) carries the same changes under the same change ids.
    """
    _require_keys(store)

    def number(tx: Transaction) -> int:
        seq = int(tx.get_meta(OUT_SEQ_KEY) or 0) + 1
        tx.set_meta(OUT_SEQ_KEY, str(seq))
        return seq

    seq = store.write(number)  # a number is never used twice, even if this file is never written
    changes = [change_of(entry) for entry in store.outbox(state="pending")]
    cursor = 0 if store.meta(RESYNC_KEY) == "1" else int(store.meta(CURSOR_KEY) or 0)
    header = pc.Header.new(pc.TO_SERVER, store.device_id, store.meta("server_id") or "", seq)
    # "attachments": the hook for attachment content (issue 16), empty until they exist.
    payload = {"changes": changes, "cursor": cursor, "attachments": []}
    data = pc.seal(header, payload, store.meta("server_box_key") or "", _own_keys(store))
    return Exported(data, pc.file_name(pc.TO_SERVER, store.device_code() or "laptop", seq), seq, len(changes))


def save_parcel(target: Path, data: bytes) -> None:
    """Write a parcel whole or not at all (a stick pulled out mid-write leaves no half parcel)."""
    temporary = target.with_name(target.name + ".partial")
    try:
        with open(temporary, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


@dataclass
class ImportReport:
    """What a return parcel did: the round's figures, and whether the pull was already newer."""

    seq: int
    round: RoundReport
    pull_skipped: bool = False


class _ParcelPages:
    """A Transport that answers the engine's pulls with the pages a return parcel carries."""

    def __init__(self, pages: list[Any], start: int, full: bool):
        self.pages = pages
        self.start = start
        self.full = full
        self.next = 0

    def push(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        raise BadAnswer("a return parcel answers no new push")

    def pull(self, cursor: int, limit: int) -> dict[str, Any]:
        if self.next == 0 and self.full and cursor != 0:
            raise CursorExpired()  # the engine marks the resync and asks again from 0
        if self.next >= len(self.pages):
            raise BadAnswer("the return parcel's pages end too early")
        page = self.pages[self.next]
        self.next += 1
        if not isinstance(page, dict):
            raise BadAnswer("a return parcel's page is not an object")
        return page


def classify(data: bytes, store: Store) -> str:
    """What a file is for this laptop: "return" (to import), "for_server" (another laptop's
    parcel: carry it, a supervisor may upload it), or ParcelError."""
    header = pc.read_header(data)
    if header.kind == pc.TO_SERVER:
        if header.sender == store.device_id:
            raise pc.ParcelError("own_parcel", "This is the parcel this laptop wrote for the server.")
        return "for_server"
    if header.recipient != store.device_id:
        raise pc.ParcelError("not_for_this_laptop", "This return parcel is for another laptop.")
    return "return"


def import_parcel(store: Store, data: bytes) -> ImportReport:
    """Apply a return parcel from the server exactly as a network round would.

    Raises ParcelError (nothing changed) when the parcel is refused, DeviceRevoked when it
    carries the wipe of this laptop (the caller wipes, as after a network round).
    """
    _require_keys(store)
    if classify(data, store) != "return":
        raise pc.ParcelError("own_parcel", "This parcel is for the server, not for this laptop.")
    header = pc.read_header(data)
    if header.sender != store.meta("server_id"):
        raise pc.ParcelError("other_server", "This return parcel comes from another server.")
    header, payload = pc.open_parcel(data, store.meta("server_sign_key") or "", _own_keys(store))
    if header.seq <= int(store.meta(IN_SEQ_KEY) or 0):
        raise pc.ParcelError("already_imported", "This return parcel was imported already, or a newer one was.")
    results, pages = payload.get("results"), payload.get("pages")
    start, full = payload.get("from_cursor"), payload.get("full")
    if (not isinstance(results, list) or not isinstance(pages, list) or not pages
            or not isinstance(start, int) or not isinstance(full, bool)):
        raise pc.ParcelError("damaged", "This parcel's content is damaged.")
    report = RoundReport()
    _settle(store, results, report)
    horizon = pages[-1].get("cursor") if isinstance(pages[-1], dict) else None
    if not isinstance(horizon, int):
        raise BadAnswer("a return parcel without a cursor")
    local = 0 if store.meta(RESYNC_KEY) == "1" else int(store.meta(CURSOR_KEY) or 0)
    wipe = any(isinstance(p, dict) and any(c.get("op") == "wipe" for c in p.get("changes", [])
                                           if isinstance(c, dict)) for p in pages)
    # Already newer by the network (or resyncing from 0 while these pages start later): the
    # parcel's pages would bring nothing, or not enough; the next round does it.
    skip = not wipe and not full and (local >= horizon or local < start)
    if not skip:
        pull_all(store, _ParcelPages(pages, start, full), report)
        finish_deferred_evictions(store, report)

    def done(tx: Transaction) -> None:
        tx.set_meta(IN_SEQ_KEY, str(header.seq))
        tx.set_meta("last_sync_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))

    store.write(done)
    return ImportReport(header.seq, report, skip)


def hand_in(store: Store, data: bytes, *, transport: Any = None) -> tuple[bytes, str]:
    """A supervisor's laptop, online, hands in a team laptop's parcel it carried (it cannot read
    it) and gets that laptop's return parcel (which it cannot read either): (bytes, file name)."""
    if classify(data, store) != "for_server":
        raise pc.ParcelError("not_for_this_laptop", "This is not another laptop's parcel for the server.")
    if not (store.meta("device_token") and store.meta("server_url")):
        raise SyncFailure("not_enrolled")
    if transport is None:
        from fieldapp.sync.device import http_transport

        transport = http_transport
    link = transport(store.meta("server_url") or "", store.meta("device_token"))
    try:
        answer: tuple[bytes, str] = link.hand_in_parcel(data)
    finally:
        link.close()
    return answer


def _settle(store: Store, results: list[Any], report: RoundReport) -> None:
    """The push results of the parcel, applied to the outbox entries still pending under those ids."""
    by_id = {r.get("change_id"): r for r in results if isinstance(r, dict)}
    entries = [e for e in store.outbox(state="pending") if e.change_id in by_id]
    if not entries:
        return
    checked = _check_results(entries, [by_id[e.change_id] for e in entries])
    store.write(lambda tx: apply_push_results(tx, entries, checked, report))


_MESSAGES = {
    "not_a_parcel": QT_TRANSLATE_NOOP("Parcel", "This file is not a FieldApp parcel."),
    "truncated": QT_TRANSLATE_NOOP("Parcel", "This parcel is incomplete: it was copied only in part. Copy it again from the stick; nothing was changed."),
    "damaged": QT_TRANSLATE_NOOP("Parcel", "This parcel is damaged and cannot be read. Ask for it again; nothing was changed."),
    "unknown_format": QT_TRANSLATE_NOOP("Parcel", "This parcel was written by another version of FieldApp. Update FieldApp; nothing was changed."),
    "tampered": QT_TRANSLATE_NOOP("Parcel", "This parcel was altered after it was written, or it does not come from the organisation's server. It was refused; nothing was changed."),
    "not_for_you": QT_TRANSLATE_NOOP("Parcel", "This parcel was not written for this laptop. Nothing was changed."),
    "not_for_this_laptop": QT_TRANSLATE_NOOP("Parcel", "This return parcel is for another laptop: carry it to that laptop. Nothing was changed here."),
    "own_parcel": QT_TRANSLATE_NOOP("Parcel", "This is the parcel this laptop wrote for the server: carry it to the office. Nothing was changed."),
    "other_server": QT_TRANSLATE_NOOP("Parcel", "This parcel comes from another server than the one this laptop is enrolled with. Nothing was changed."),
    "already_imported": QT_TRANSLATE_NOOP("Parcel", "This parcel was imported already, or a newer one was. Nothing was changed."),
    "no_keys": QT_TRANSLATE_NOOP("Parcel", "This laptop cannot use parcels yet: it was enrolled before parcels existed. Ask IT to enrol it again."),
    "not_connected": QT_TRANSLATE_NOOP("Parcel", "Parcels carry records to the organisation's server, and this laptop is not connected to one: its records stay on this laptop. To connect it: Sync → Connect to a server…"),
    "too_large": QT_TRANSLATE_NOOP("Parcel", "This parcel is too large to open. Nothing was changed."),
    "for_server": QT_TRANSLATE_NOOP("Parcel", "This parcel is another laptop's parcel for the server. Carry it to the office, or send it from a supervisor's laptop."),
}


def parcel_message(error: pc.ParcelError) -> Message:
    """The sentence to show for a refused parcel."""
    return Message.of(_MESSAGES.get(error.code, _MESSAGES["damaged"]))

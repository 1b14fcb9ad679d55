"""The laptop's side of sync: enrolment, a sync round, and the wipe of a revoked laptop.

What the laptop knows of its server lives in the encrypted store's `meta`
table (server address, device token, user, device code), never in a plain
settings file: a lost laptop gives nothing away.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.store import crypto, overwrite, shred, standalone
from fieldapp.store.database import Store, Transaction
from fieldapp.sync.attachments import prefetch_budget
from fieldapp.sync.engine import Progress, RoundReport, sync_round
from fieldapp.sync.parcels import remember_parcel_keys
from sync import address
from sync.client import HttpTransport
from sync.errors import DeviceRevoked, SyncFailure
from sync.parcel import KeyPair

WIPED_MARKER = "wiped.json"
log = logging.getLogger("fieldapp.sync")
TransportFactory = Callable[[str, str | None], Any]


def http_transport(server_url: str, token: str | None) -> HttpTransport:
    """The production transport: verifies the server with IT's CA certificate when one is provisioned."""
    from fieldapp.provisioning import load_provisioning

    ca = load_provisioning().ca_certificate
    from fieldapp import __version__

    return HttpTransport(server_url, token, verify=str(ca) if ca else True, app_version=__version__)


def enrolled_user(store: Store) -> dict[str, Any]:
    """The user the server named at enrolment (id, role, team_id, protected_access, ...); {} before."""
    try:
        user = json.loads(store.meta("user") or "{}")
    except ValueError:
        return {}
    return user if isinstance(user, dict) else {}


def is_enrolled(store: Store) -> bool:
    return bool(store.meta("device_token") and store.meta("server_url"))


def enrol(store: Store, server_url: str, username: str = "", password: str = "", *, code: str | None = None,
          device_name: str | None = None, transport: TransportFactory = http_transport,
          existing: str = standalone.SEND) -> dict[str, Any]:
    """Enrol this laptop with the server, by user name and password or by IT's one-time `code`;
    the token is kept inside the encrypted store.

    `existing`: what becomes of the records of a profile that never connected before
    (fieldapp/store/standalone.py): SEND them as the caseworker's own, or KEEP_LOCAL (an encrypted
    backup keeps them; the connected profile starts empty). Applied in the transaction that keeps
    the token, so a crash leaves one state or the other.
    """
    if store.meta("demo") == "1":
        raise SyncFailure("demo_profile")
    if existing not in standalone.CHOICES:
        raise ValueError(f"existing must be one of {standalone.CHOICES}")
    address.require(server_url)  # before any transport, an injected one too: never plain http elsewhere
    first_time = standalone.is_standalone(store)
    # The copy first: a full disk stops here, before the server hands out a token.
    kept = (store.backup(reason=standalone.KEPT_REASON)
            if first_time and existing == standalone.KEEP_LOCAL and standalone.records_held(store) else None)
    if code is not None:
        from casework.ids import normalise_enrolment_code

        code = normalise_enrolment_code(code)
        if code is None:
            raise SyncFailure("code_typo")
    # Re-enrolling with the same server, the laptop proves it is the laptop enrolled under its
    # device id with its current token (never sent to another server).
    proof = store.meta("device_token") if store.meta("server_url") == server_url else None
    keys = KeyPair.generate()  # sync parcels: a re-enrolment rotates them
    try:
        link = transport(server_url, proof)
        try:
            answer: dict[str, Any] = link.enrol(username, password, store.device_id, device_name or _device_name(),
                                                code=code, parcel_keys=keys.public())
        finally:
            link.close()
    except BaseException:
        if kept is not None:  # not connected: the records are still in the profile itself
            overwrite.destroy(kept)
            overwrite.destroy(kept.with_suffix(".key.json"))
        raise
    user = answer.get("user") if isinstance(answer.get("user"), dict) else {}

    def remember(tx: Transaction) -> None:
        tx.set_meta("server_url", server_url)
        tx.set_meta("device_token", answer["device_token"])
        tx.set_meta("server_id", str(answer.get("server_id", "")))
        tx.set_meta("user", json.dumps(user, ensure_ascii=False))
        if answer.get("device_code"):
            tx.set_meta("device_code", str(answer["device_code"]))
        remember_parcel_keys(tx, keys, answer.get("parcel_keys"))
        if first_time and existing == standalone.KEEP_LOCAL:
            standalone.remove_all(tx)
        elif first_time:
            standalone.send_all(tx, store.device_code(tx.db))

    store.write(remember)
    return answer


def _device_name() -> str:
    import platform

    return f"{platform.node() or 'laptop'} ({platform.system()})"


def sync_once(store: Store, *, progress: Progress | None = None,
              transport: TransportFactory = http_transport, attachment_budget: int | None = None,
              build_search: bool = True) -> RoundReport:
    """One round against the enrolled server. A revoked laptop raises DeviceRevoked (wipe it).

    Attachments are fetched ahead within `attachment_budget` bytes; None: IT's
    `attachment_prefetch_mb` in fieldapp.toml (fieldapp/sync/attachments.py `prefetch_budget`).
    `build_search`: build the search indexes a first sync leaves for after it before returning
    (fieldapp/store/first_sync.py); the program passes False and builds them in the background.
    """
    if not is_enrolled(store):
        raise SyncFailure("not_enrolled")
    budget = prefetch_budget() if attachment_budget is None else attachment_budget
    link = transport(store.meta("server_url") or "", store.meta("device_token"))
    try:
        report = sync_round(store, link, progress=progress, attachment_budget=budget)
    finally:
        link.close()
    store.write(lambda tx: tx.set_meta("last_sync_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
    if build_search:
        store.build_search()
    return report


def days_since_sync(store: Store, now: dt.datetime | None = None) -> float | None:
    """Days since the last successful sync round; None if the laptop never synced."""
    last = store.meta("last_sync_at")
    if not last:
        return None
    try:
        then = dt.datetime.fromisoformat(last)
    except ValueError:
        return None
    return ((now or dt.datetime.now(dt.UTC)) - then).total_seconds() / 86400


def checkin_due(store: Store, max_days: int | None, now: dt.datetime | None = None) -> bool:
    """Whether IT's rule "call home every `max_days` days" asks for a check-in before the records show.

    Off when `max_days` is None or 0, and for a profile that is not enrolled.
    A remote wipe only reaches a laptop that calls home; this makes it call.
    """
    if not max_days or not is_enrolled(store):
        return False
    days = days_since_sync(store, now)
    return days is None or days >= max_days


def checkin(store: Store, *, transport: TransportFactory = http_transport) -> None:
    """Ask the server who we are (GET /me): proves the device is still enrolled and not revoked.

    Raises DeviceRevoked (then wipe) or SyncFailure (offline, ...); on success
    the check-in counts as contact, like a sync round.
    """
    link = transport(store.meta("server_url") or "", store.meta("device_token"))
    try:
        link.me()
    finally:
        link.close()
    store.write(lambda tx: tx.set_meta("last_sync_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))


def wipe_profile(store: Store, reason: str = "device_revoked", *, confirmed: bool | None = None,
                 transport: TransportFactory = http_transport) -> Path:
    """Destroy a revoked laptop's records (the key settings first: see store/shred.py) and leave a
    small marker that says why, so the next start can tell the caseworker. Returns the profile folder.

    A revoked laptop first confirms the wipe to its server (the one call its token is still
    good for), so that IT sees which revoked laptops are wiped; the token dies with the
    profile, so it is now or never. Offline or refused, the wipe goes on all the same: the
    marker says whether the server heard of it. A caller on the GUI thread confirms first on a
    worker (`confirm_wipe`) and passes `confirmed`, so that the window never waits on the network.
    """
    if confirmed is None:
        confirmed = reason == "device_revoked" and is_enrolled(store) and confirm_wipe(store, transport)
    folder = shred.destroy(store)
    marker = folder / WIPED_MARKER
    marker.write_text(json.dumps({"reason": reason, "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                                  "confirmed": confirmed}))
    crypto.fsync_dir(folder)
    return folder


def confirm_wipe(store: Store, transport: TransportFactory = http_transport) -> bool:
    """Tell the server this revoked laptop is about to wipe itself; False when offline or refused."""
    try:
        link = transport(store.meta("server_url") or "", store.meta("device_token"))
        try:
            link.confirm_wipe()
        finally:
            link.close()
    except SyncFailure as exc:
        log.info("wipe not confirmed to the server: %s", exc.code)  # a code: no personal data
        return False
    return True


def wiped_reason(folder: Path) -> dict[str, Any] | None:
    """What `wipe_profile` left in `folder`, for the next start to explain; None if nothing."""
    try:
        found = json.loads((folder / WIPED_MARKER).read_text())
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) else None


__all__ = ["DeviceRevoked", "checkin", "checkin_due", "days_since_sync", "enrol", "is_enrolled", "sync_once",
           "wipe_profile", "wiped_reason"]

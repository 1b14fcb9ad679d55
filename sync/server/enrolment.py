"""Enrolment: a laptop trades a username and password (or a one-time code from IT) for its
device token, under a rate limit on failed attempts per user and per address."""

from __future__ import annotations

import hmac
from typing import Any

import sqlalchemy as sa

from casework.ids import device_code
from sync import protocol as p
from sync.server import security
from sync.server.audit import audit_row, now_iso, write_audit
from sync.server.db import devices, enrolment_codes, reading, users
from sync.server.parcels import remember_device_keys
from sync.server.scope import Actor
from sync.server.settings import Settings


def user_info(user: Any) -> dict[str, Any]:
    """A `users` row as it travels (models.UserInfo): never the password hash."""
    return {"id": user.id, "username": user.username, "display_name": user.display_name,
            "role": user.role, "team_id": user.team_id, "protected_access": bool(user.protected_access)}


RateLimited = security.RateLimited  # raised by security.reserve_attempt; answered 429


def enrol(engine: sa.Engine, settings: Settings, passwords: security.Passwords,
          enrolment: p.Enrolment, address: str, server_id: str,
          proof: str | None = None) -> dict[str, Any]:
    """The answer to POST /devices (models.EnrolAnswer), or ProtocolError; failures are counted.

    `proof` is the device token the request carried (``Authorization: Bearer``), if any: what
    lets a laptop already enrolled re-enrol under its own device id (see `_register_device`).
    """
    try:
        if enrolment.code is not None:
            return _enrol_with_code(engine, settings, enrolment, address, server_id)
        return _enrol_with_password(engine, settings, passwords, enrolment, address, server_id,
                                    proof)
    except DeviceTaken as exc:
        with engine.begin() as conn:  # kept although the enrolment is refused
            write_audit(conn, [{**audit_row(None, "enrol_refused", detail=exc.reason),
                                "user_id": exc.user_id, "device_id": enrolment.device_id}])
        raise


def _enrol_with_password(engine: sa.Engine, settings: Settings, passwords: security.Passwords,
                         enrolment: p.Enrolment, address: str, server_id: str,
                         proof: str | None) -> dict[str, Any]:
    username = enrolment.username.lower()
    attempt = security.reserve_attempt(engine, security.sign_in_budgets(settings, username, address))
    with reading(engine) as conn:
        user = conn.execute(sa.select(users).where(users.c.username == username)).first()
    ok = passwords.verify(user.password_hash if user else None, enrolment.password)
    if not ok or user is None:
        with engine.begin() as conn:  # the reserved attempt stays counted as a failure
            write_audit(conn, [audit_row(None, "enrol_failed", detail="wrong credentials")])
        raise p.ProtocolError("unauthorized", "The username or the password is wrong.")
    if user.disabled:  # only after the right password: a guess never learns the account exists
        with engine.begin() as conn:  # counted as a failure too: a disabled account never enrols
            write_audit(conn, [{**audit_row(None, "enrol_failed", detail="account disabled"),
                                "user_id": user.id}])
        raise p.ProtocolError("account_disabled", "This account is disabled: ask IT.")
    with engine.begin() as conn:  # the password was right: the attempt is given back, whatever follows
        security.attempt_succeeded(conn, attempt)
    with engine.begin() as conn:
        return _register_device(conn, user, enrolment, server_id, proof=proof)


def _enrol_with_code(engine: sa.Engine, settings: Settings, enrolment: p.Enrolment, address: str,
                     server_id: str) -> dict[str, Any]:
    """A one-time code from `fieldapp-server device enrol-code`: used once, before it expires."""
    attempt = security.reserve_attempt(engine, security.sign_in_budgets(settings, None, address))
    digest = security.token_hash(enrolment.code or "")
    now = now_iso()
    with engine.begin() as conn:
        row = conn.execute(sa.select(enrolment_codes).where(enrolment_codes.c.code_hash == digest)).first()
        user = conn.execute(sa.select(users).where(users.c.id == row.user_id)).first() if row else None
        refusal = _code_refusal(row, user, now)
        if refusal is None:
            done = conn.execute(sa.update(enrolment_codes)
                                .where(enrolment_codes.c.code_hash == digest, enrolment_codes.c.used_at.is_(None))
                                .values(used_at=now, device_id=enrolment.device_id))
            if done.rowcount == 1:  # not taken by another laptop at the same moment
                security.attempt_succeeded(conn, attempt)
                # IT's code vouches for this laptop: it may re-enrol its own device id.
                return _register_device(conn, user, enrolment, server_id, vouched=True)
            refusal = _CODE_USED
    code, detail, audit_detail = refusal
    with engine.begin() as conn:  # the reserved attempt stays counted as a failure
        write_audit(conn, [audit_row(None, "enrol_failed", detail=audit_detail)])
    raise p.ProtocolError(code, detail)


# Whoever holds a code (a long random secret) may learn what became of it; a guess learns "unknown".
_CODE_UNKNOWN = ("unauthorized", "This enrolment code is not known. Check it, or ask IT for a new one.",
                 "bad enrolment code")
_CODE_USED = ("code_used", "This enrolment code was used already: each code enrols one laptop once. "
                           "Ask IT for a new one.", "enrolment code used")
_CODE_EXPIRED = ("code_expired", "This enrolment code has expired. Ask IT for a new one.",
                 "enrolment code expired")
_CODE_DISABLED = ("account_disabled", "This account is disabled: ask IT.", "account disabled")


def _code_refusal(row: Any, user: Any, now: str) -> tuple[str, str, str] | None:
    """Why an enrolment code cannot enrol (code, detail, audit detail), or None when it can."""
    if row is None or user is None:
        return _CODE_UNKNOWN
    if row.used_at:
        return _CODE_USED
    if row.expires_at <= now:
        return _CODE_EXPIRED
    if user.disabled:
        return _CODE_DISABLED
    return None


class DeviceTaken(p.ProtocolError):
    """An enrolment that would take over a device id already enrolled (403 forbidden)."""

    def __init__(self, detail: str, reason: str, user_id: str):
        super().__init__("forbidden", detail)
        self.reason = reason
        self.user_id = user_id


def _register_device(conn: sa.Connection, user: Any, enrolment: p.Enrolment, server_id: str, *,
                     proof: str | None = None, vouched: bool = False) -> dict[str, Any]:
    """Give the laptop its token (new, or again after a re-enrolment) in the caller's transaction.

    A device id is not a secret (it travels in records and conflicts), so it proves nothing:
    an enrolled device id is never rebound to another user, and its own user re-enrols it
    only with proof that this is that laptop (its current token, or IT's one-time code), or
    while the server has never heard from it (the answer to its first enrolment was lost).
    """
    token = security.new_token()
    now = now_iso()
    existing = conn.execute(sa.select(devices).where(devices.c.device_id == enrolment.device_id)
                            .with_for_update()).first()
    if existing is not None and existing.revoked_at:
        raise p.ProtocolError("device_revoked", "This laptop was revoked; after its wipe the "
                                                "app enrols it under a new device id.")
    if existing is not None and existing.user_id != user.id:
        raise DeviceTaken("This laptop's id is enrolled to another account. IT revokes that "
                          "enrolment first (the laptop then wipes itself and starts anew).",
                          "device of another user", user.id)
    proven = vouched or (proof is not None and hmac.compare_digest(
        security.token_hash(proof), existing.token_hash if existing is not None else ""))
    if existing is not None and not proven and existing.last_seen_at is not None:
        raise DeviceTaken("This laptop is enrolled already and did not prove it is the same "
                          "laptop. Ask IT for a one-time enrolment code to enrol it again.",
                          "no proof of the device", user.id)
    if existing is not None:
        conn.execute(sa.update(devices).where(devices.c.number == existing.number)
                     .values(name=enrolment.device_name, token_hash=security.token_hash(token),
                             enrolled_at=now))
        number = existing.number
    else:
        number = conn.execute(devices.insert().values(
            device_id=enrolment.device_id, user_id=user.id, name=enrolment.device_name,
            token_hash=security.token_hash(token), enrolled_at=now)
            .returning(devices.c.number)).scalar_one()
    actor = Actor(user.id, user.role, user.team_id, bool(user.protected_access), enrolment.device_id, number)
    write_audit(conn, [audit_row(actor, "enrol", at=now)])
    answer = {"device_token": token, "user": user_info(user), "server_id": server_id,
              "device_number": number, "device_code": device_code(number)}
    server_keys = remember_device_keys(conn, enrolment.device_id, enrolment.parcel_keys)
    if server_keys is not None:  # sync parcels (sync/server/parcels.py)
        answer["parcel_keys"] = server_keys
    return answer




def confirm_wipe(engine: sa.Engine, token: str | None) -> dict[str, Any]:
    """POST /devices/wipe-confirmed: a revoked laptop says it wiped itself (accepted once).

    The one call a revoked device's token is still good for; answering it spends the token
    (its hash is replaced), so a second confirmation is unknown (401). The confirmation is kept
    in the audit log (`wipe_confirmed`), where `fieldapp-server device list` shows it to IT.
    """
    if not token:
        raise p.ProtocolError("unauthorized", "Sign in first: send the device token as "
                                              "'Authorization: Bearer <token>'.")
    digest, now = security.token_hash(token), now_iso()
    with engine.begin() as conn:
        row = conn.execute(sa.select(devices.c.number, devices.c.device_id, devices.c.user_id,
                                     devices.c.revoked_at)
                           .where(devices.c.token_hash == digest).with_for_update()).first()
        if row is None:
            raise p.ProtocolError("unauthorized", "This device token is not known (or its wipe "
                                                  "was confirmed already).")
        if not row.revoked_at:
            raise p.ProtocolError("forbidden", "This laptop is not revoked: there is no wipe "
                                               "to confirm.")
        spent = conn.execute(sa.update(devices).where(devices.c.token_hash == digest)
                             .values(token_hash=security.token_hash(security.new_token())))
        if spent.rowcount != 1:  # confirmed by a parallel request a moment ago
            raise p.ProtocolError("unauthorized", "The wipe of this laptop was confirmed already.")
        write_audit(conn, [{**audit_row(None, "wipe_confirmed", detail=f"device {row.number}", at=now),
                            "user_id": row.user_id, "device_id": row.device_id}])
    return {"device_number": row.number, "confirmed_at": now}

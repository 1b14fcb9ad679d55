"""Enrolment: a laptop trades a username and password (or a one-time code from IT) for its
device token, under a rate limit on failed attempts per user and per address."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from casework.ids import device_code
from sync import protocol as p
from sync.server import security
from sync.server.audit import audit_row, now_iso, write_audit
from sync.server.db import devices, enrolment_codes, reading, users
from sync.server.scope import Actor
from sync.server.settings import Settings


def user_info(user: Any) -> dict[str, Any]:
    """A `users` row as it travels (models.UserInfo): never the password hash."""
    return {"id": user.id, "username": user.username, "display_name": user.display_name,
            "role": user.role, "team_id": user.team_id, "protected_access": bool(user.protected_access)}


RateLimited = security.RateLimited  # raised by security.reserve_attempt; answered 429


def enrol(engine: sa.Engine, settings: Settings, passwords: security.Passwords,
          enrolment: p.Enrolment, address: str, server_id: str) -> dict[str, Any]:
    """The answer to POST /devices (models.EnrolAnswer), or ProtocolError; failures are counted."""
    if enrolment.code is not None:
        return _enrol_with_code(engine, settings, enrolment, address, server_id)
    username = enrolment.username.lower()
    attempt = security.reserve_attempt(engine, security.sign_in_budgets(settings, username, address))
    with reading(engine) as conn:
        user = conn.execute(sa.select(users).where(users.c.username == username)).first()
    ok = passwords.verify(user.password_hash if user else None, enrolment.password)
    if not ok or user is None or user.disabled:
        with engine.begin() as conn:  # the reserved attempt stays counted as a failure
            write_audit(conn, [audit_row(None, "enrol_failed", detail="wrong credentials")])
        raise p.ProtocolError("unauthorized", "The username or the password is wrong, "
                                              "or the account is disabled.")
    with engine.begin() as conn:
        security.attempt_succeeded(conn, attempt)
        return _register_device(conn, user, enrolment, server_id)


def _enrol_with_code(engine: sa.Engine, settings: Settings, enrolment: p.Enrolment, address: str,
                     server_id: str) -> dict[str, Any]:
    """A one-time code from `fieldapp-server device enrol-code`: used once, before it expires."""
    attempt = security.reserve_attempt(engine, security.sign_in_budgets(settings, None, address))
    digest = security.token_hash(enrolment.code or "")
    now = now_iso()
    with engine.begin() as conn:
        row = conn.execute(sa.select(enrolment_codes).where(enrolment_codes.c.code_hash == digest)).first()
        user = conn.execute(sa.select(users).where(users.c.id == row.user_id)).first() if row else None
        if not (row is None or row.used_at or row.expires_at <= now or user is None or user.disabled):
            done = conn.execute(sa.update(enrolment_codes)
                                .where(enrolment_codes.c.code_hash == digest, enrolment_codes.c.used_at.is_(None))
                                .values(used_at=now, device_id=enrolment.device_id))
            if done.rowcount == 1:  # not taken by another laptop at the same moment
                security.attempt_succeeded(conn, attempt)
                return _register_device(conn, user, enrolment, server_id)
    with engine.begin() as conn:  # the reserved attempt stays counted as a failure
        write_audit(conn, [audit_row(None, "enrol_failed", detail="bad enrolment code")])
    raise p.ProtocolError("unauthorized", "This enrolment code is not valid: it is unknown, already "
                                          "used or expired. Ask IT for a new one.")


def _register_device(conn: sa.Connection, user: Any, enrolment: p.Enrolment, server_id: str) -> dict[str, Any]:
    """Give the laptop its token (new, or again after a re-enrolment) in the caller's transaction."""
    token = security.new_token()
    now = now_iso()
    existing = conn.execute(sa.select(devices).where(devices.c.device_id == enrolment.device_id)).first()
    if existing is not None and existing.revoked_at:
        raise p.ProtocolError("device_revoked", "This laptop was revoked; after its wipe the "
                                                "app enrols it under a new device id.")
    if existing is not None:
        conn.execute(sa.update(devices).where(devices.c.device_id == enrolment.device_id)
                     .values(user_id=user.id, name=enrolment.device_name,
                             token_hash=security.token_hash(token), enrolled_at=now))
        number = existing.number
    else:
        number = conn.execute(devices.insert().values(
            device_id=enrolment.device_id, user_id=user.id, name=enrolment.device_name,
            token_hash=security.token_hash(token), enrolled_at=now)
            .returning(devices.c.number)).scalar_one()
    actor = Actor(user.id, user.role, user.team_id, bool(user.protected_access), enrolment.device_id, number)
    write_audit(conn, [audit_row(actor, "enrol", at=now)])
    return {"device_token": token, "user": user_info(user), "server_id": server_id,
            "device_number": number, "device_code": device_code(number)}



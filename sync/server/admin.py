"""What IT does to the server: accounts, teams, assignments, devices, forms, audit, backup.

Used by `fieldapp-server` (sync.server.cli) and by the tests; every function
takes an engine and changes the database in one transaction.
"""

from __future__ import annotations

import csv
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from sync.protocol import MAX_ID_LENGTH, ROLES, check_json_value
from sync.server import security
from sync.server.audit import audit_row, now_iso, read_filter, write_audit
from sync.server.db import audit, devices, households, reading, records, teams, users
from sync.server.feed import Feed, dump
from sync.server.households import move_household


class AdminError(Exception):
    """A request IT can fix (an unknown user, a weak password, ...): its message says how."""


def _id() -> str:
    return str(uuid.uuid4())


def add_team(engine: sa.Engine, name: str) -> str:
    name = name.strip()
    if not name:
        raise AdminError("A team needs a name.")
    with engine.begin() as conn:
        if conn.execute(sa.select(teams.c.id).where(teams.c.name == name)).first():
            raise AdminError(f"There is already a team called {name!r}.")
        team_id = _id()
        conn.execute(teams.insert().values(id=team_id, name=name, created_at=now_iso()))
    return team_id


def team_id_of(conn: sa.Connection, team: str) -> str:
    row = conn.execute(sa.select(teams.c.id).where(sa.or_(teams.c.name == team, teams.c.id == team))).first()
    if row is None:
        raise AdminError(f"No team {team!r}; see `fieldapp-server team list`.")
    return str(row.id)


def list_teams(engine: sa.Engine) -> list[dict[str, Any]]:
    with reading(engine) as conn:
        return [dict(r._mapping) for r in conn.execute(sa.select(teams).order_by(teams.c.name))]


def check_password(password: str) -> None:
    if len(password) < security.MIN_PASSWORD_LENGTH:
        raise AdminError(f"A password needs at least {security.MIN_PASSWORD_LENGTH} characters.")


def add_user(engine: sa.Engine, username: str, password: str, *, role: str = "caseworker",
             team: str | None = None, display_name: str | None = None,
             protected_access: bool = False, passwords: security.Passwords = security.ARGON2) -> str:
    username = username.strip().lower()
    if not username or len(username) > 100 or any(c.isspace() for c in username):
        raise AdminError("A username is one word of at most 100 characters.")
    if role not in ROLES:
        raise AdminError(f"The role must be one of {', '.join(ROLES)}.")
    if role != "admin" and team is None:
        raise AdminError("A caseworker or a supervisor belongs to a team: give --team.")
    check_password(password)
    with engine.begin() as conn:
        if conn.execute(sa.select(users.c.id).where(users.c.username == username)).first():
            raise AdminError(f"There is already a user {username!r}.")
        team_id = team_id_of(conn, team) if team else None
        user_id = _id()
        conn.execute(users.insert().values(
            id=user_id, username=username, display_name=(display_name or username).strip(),
            password_hash=passwords.hash(password), role=role, team_id=team_id,
            protected_access=protected_access, disabled=False, created_at=now_iso()))
        write_audit(conn, [audit_row(None, "user_add", detail=f"user {user_id} role {role}")])
    return user_id


def _user(conn: sa.Connection, username: str) -> Any:
    row = conn.execute(sa.select(users).where(sa.or_(users.c.username == username.strip().lower(),
                                                     users.c.id == username))).first()
    if row is None:
        raise AdminError(f"No user {username!r}; see `fieldapp-server user list`.")
    return row


def list_users(engine: sa.Engine) -> list[dict[str, Any]]:
    with reading(engine) as conn:
        rows = conn.execute(sa.select(users.c.id, users.c.username, users.c.display_name,
                                      users.c.role, teams.c.name.label("team"),
                                      users.c.protected_access, users.c.disabled)
                            .select_from(users.outerjoin(teams, teams.c.id == users.c.team_id))
                            .order_by(users.c.username))
        return [dict(r._mapping) for r in rows]


def set_disabled(engine: sa.Engine, username: str, disabled: bool = True) -> None:
    with engine.begin() as conn:
        user = _user(conn, username)
        conn.execute(sa.update(users).where(users.c.id == user.id).values(disabled=disabled))
        write_audit(conn, [audit_row(None, "user_disable" if disabled else "user_enable",
                                      detail=f"user {user.id}")])


def set_password(engine: sa.Engine, username: str, password: str, *,
                 passwords: security.Passwords = security.ARGON2) -> None:
    check_password(password)
    with engine.begin() as conn:
        user = _user(conn, username)
        conn.execute(sa.update(users).where(users.c.id == user.id)
                     .values(password_hash=passwords.hash(password)))
        write_audit(conn, [audit_row(None, "user_passwd", detail=f"user {user.id}")])


def assign(engine: sa.Engine, household_id: str, username: str) -> None:
    """Give a household (and everything under it) to a caseworker, in the caseworker's team."""
    with engine.begin() as conn:
        feed = Feed(conn)
        user = _user(conn, username)
        if user.role != "caseworker" or user.disabled:
            raise AdminError(f"{username!r} is not an active caseworker.")
        hh = conn.execute(sa.select(households).where(households.c.household_id == household_id)
                          .with_for_update()).first()
        if hh is None:
            raise AdminError(f"No household {household_id!r} on this server.")
        if hh.caseworker_id != user.id or hh.team_id != user.team_id:
            move_household(conn, feed, household_id, user.id, user.team_id, now_iso(),
                           handover=(user.display_name, ""))
        feed.close()


def assign_csv(engine: sa.Engine, path: Path) -> int:
    """Assign in bulk from a CSV with the columns `household` and `user` (a header line first)."""
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"household", "user"} <= set(reader.fieldnames):
            raise AdminError("The CSV needs a header line with the columns household,user.")
        pairs = [(row["household"].strip(), row["user"].strip()) for row in reader]
    for number, (household_id, username) in enumerate(pairs, start=2):
        try:
            assign(engine, household_id, username)
        except AdminError as exc:
            raise AdminError(f"Line {number}: {exc} (the lines before it were assigned)") from None
    return len(pairs)


def list_devices(engine: sa.Engine) -> list[dict[str, Any]]:
    """Every enrolled laptop, with when it was revoked and when it confirmed its wipe (if it did)."""
    wiped = (sa.select(audit.c.device_id, sa.func.min(audit.c.at).label("wipe_confirmed_at"))
             .where(audit.c.action == "wipe_confirmed").group_by(audit.c.device_id).subquery())
    with reading(engine) as conn:
        rows = conn.execute(sa.select(devices.c.number, devices.c.device_id, devices.c.name,
                                      users.c.username, devices.c.app_version, devices.c.enrolled_at,
                                      devices.c.last_seen_at, devices.c.revoked_at,
                                      wiped.c.wipe_confirmed_at)
                            .select_from(devices.join(users, users.c.id == devices.c.user_id)
                                         .outerjoin(wiped, wiped.c.device_id == devices.c.device_id))
                            .order_by(devices.c.number))
        return [dict(r._mapping) for r in rows]


def make_enrolment_code(engine: sa.Engine, username: str, hours: int = 72) -> tuple[str, str]:
    """A one-time enrolment code for `username`, valid `hours`; returns (code, expires_at).

    Only the code's hash is stored: the code itself is shown once, to IT.
    """
    import datetime as dt

    from casework.ids import make_enrolment_code as new_code
    from casework.ids import normalise_enrolment_code
    from sync.server import security
    from sync.server.db import enrolment_codes

    if not 1 <= hours <= 24 * 30:
        raise AdminError("A code is valid from 1 hour to 30 days (--hours).")
    with engine.begin() as conn:
        user = _user(conn, username)
        if user.disabled:
            raise AdminError(f"The account {username!r} is disabled.")
        code = new_code()
        now = dt.datetime.now(dt.UTC)
        expires = (now + dt.timedelta(hours=hours)).isoformat(timespec="milliseconds")
        conn.execute(enrolment_codes.insert().values(
            code_hash=security.token_hash(normalise_enrolment_code(code) or ""), user_id=user.id,
            created_at=now.isoformat(timespec="milliseconds"), expires_at=expires))
        write_audit(conn, [audit_row(None, "enrol_code", detail=f"for {username}")])
    return code, expires


def revoke_device(engine: sa.Engine, device: str) -> str:
    """Revoke a device by its number or its id; its next call answers device_revoked."""
    with engine.begin() as conn:
        cond = devices.c.device_id == device.lower()
        if device.isdigit():
            cond = sa.or_(cond, devices.c.number == int(device))
        row = conn.execute(sa.select(devices).where(cond)).first()
        if row is None:
            raise AdminError(f"No device {device!r}; see `fieldapp-server device list`.")
        conn.execute(sa.update(devices).where(devices.c.number == row.number)
                     .values(revoked_at=now_iso()))
        write_audit(conn, [{**audit_row(None, "device_revoke", detail=f"device {row.number}"),
                            "device_id": row.device_id}])
        return str(row.device_id)


def query_audit(engine: sa.Engine, *, user: str | None = None, record: str | None = None,
                action: str | None = None, since: str | None = None,
                limit: int = 100) -> list[dict[str, Any]]:
    with reading(engine) as conn:
        q = sa.select(audit, users.c.username).select_from(
            audit.outerjoin(users, users.c.id == audit.c.user_id))
        if user:
            q = q.where(audit.c.user_id == _user(conn, user).id)
        if record:
            q = q.where(read_filter(record))  # its own rows and the pull pages that held it
        if action:
            q = q.where(audit.c.action == action)
        if since:
            q = q.where(audit.c.at >= since)
        rows = conn.execute(q.order_by(audit.c.id.desc()).limit(limit)).all()
    out = []
    for r in reversed(rows):
        row = dict(r._mapping)
        if row.pop("read_ids", None) is not None:  # a pull page: name what it held, not every id
            row["record_id"] = record
        out.append(row)
    return out


# ---- forms and reference data: read-only records every device receives

@dataclass(frozen=True)
class Published:
    id: str
    version: int
    created: bool


def _publish(engine: sa.Engine, collection: str, record_id: str, data: dict[str, Any],
             replace: bool) -> Published:
    if not record_id or len(record_id) > MAX_ID_LENGTH:
        raise AdminError(f"An id must have 1 to {MAX_ID_LENGTH} characters.")
    try:
        check_json_value(data, "the file")
    except ValueError as exc:
        raise AdminError(str(exc)) from None
    now = now_iso()
    with engine.begin() as conn:
        feed = Feed(conn)
        row = conn.execute(sa.select(records).where(records.c.id == record_id)
                           .with_for_update()).first()
        if row is not None and not replace:
            raise AdminError(f"{record_id} is already published; give --replace to change it "
                             "(records made with it keep rendering with the new text).")
        if row is None:
            conn.execute(records.insert().values(
                id=record_id, collection=collection, household_id=None, version=1, deleted=False,
                seq=feed.touch(record_id), updated_at=now, updated_by=None, device_id=None,
                created_by=None, data=dump(data)))
            version, created = 1, True
        else:
            version, created = row.version + 1, False
            conn.execute(sa.update(records).where(records.c.id == record_id).values(
                version=version, seq=feed.touch(record_id), updated_at=now, data=dump(data),
                deleted=False))
        write_audit(conn, [audit_row(None, "publish", collection, record_id)])
        feed.close()
    return Published(record_id, version, created)


def publish_form(engine: sa.Engine, definition: dict[str, Any], *, replace: bool = False) -> Published:
    """Publish a form definition: a JSON object with `id` (the form's id) and `version` (a whole number).

    Each version is its own record, ``<id>@<version>``, so a visit filled with
    version 2 renders with version 2 after version 3 is out.
    """
    form_id, version = definition.get("id"), definition.get("version")
    if not isinstance(form_id, str) or not form_id.strip() or "@" in form_id:
        raise AdminError("A form needs an 'id': a short name without '@'.")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AdminError("A form needs a 'version': a whole number from 1.")
    data = {k: v for k, v in definition.items() if k not in ("id", "version")}
    data.update(form_id=form_id, form_version=version)
    return _publish(engine, "forms", f"{form_id}@{version}", data, replace)


def publish_reference(engine: sa.Engine, item: dict[str, Any]) -> Published:
    """Publish reference data (an enumeration, the codifier's edition): an object with `name`
    and `version`; it replaces the previous edition under the id ``reference:<name>``, with
    the file's `version` as the record's `edition`."""
    name, version = item.get("name"), item.get("version")
    if not isinstance(name, str) or not name.strip():
        raise AdminError("Reference data needs a 'name'.")
    if version is None:
        raise AdminError("Reference data needs a 'version' (its edition).")
    # The file's `version` is the edition; the record's own `version` is the envelope's.
    data = {k: v for k, v in item.items() if k not in ("id", "version")}
    data["edition"] = version
    return _publish(engine, "reference", f"reference:{name}", data, True)


def load_json_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AdminError(f"Cannot read {path}: {exc}") from None
    if not isinstance(data, dict):
        raise AdminError(f"{path} must hold one JSON object.")
    return data


def load_resources(engine: sa.Engine, resources: Path) -> list[Published]:
    """Publish the forms and enumerations shipped under `resources/` (new versions only)."""
    done: list[Published] = []
    for path in sorted((resources / "enums").glob("*.json")):
        data = load_json_file(path)
        with reading(engine) as conn:
            row = conn.execute(sa.select(records.c.data).where(
                records.c.id == f"reference:{data.get('name')}")).first()
        if row is None or json.loads(row.data).get("edition") != data.get("version"):
            done.append(publish_reference(engine, data))
    for path in sorted((resources / "forms").glob("*.json")):
        data = load_json_file(path)
        with reading(engine) as conn:
            exists = conn.execute(sa.select(records.c.id).where(
                records.c.id == f"{data.get('id')}@{data.get('version')}")).first()
        if exists is None:
            done.append(publish_form(engine, data))
    return done


# ---- backup

def backup(engine: sa.Engine, url: str, dest: Path) -> Path:
    """A consistent copy of the database, readable by its owner only (sync.server.backups)."""
    from sync.server.backups import BackupError, write_backup

    try:
        return write_backup(engine, dest)
    except BackupError as exc:
        raise AdminError(str(exc)) from None


def rows_as_table(rows: Iterable[dict[str, Any]], columns: list[str]) -> str:
    rows = list(rows)
    cells = [[("" if r.get(c) is None else str(r.get(c))) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)

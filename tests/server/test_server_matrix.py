"""The authorisation matrix, generated from the server's own routes.

Every route of the app (``app.routes``) has a row here: a probe (what a caller
does there) and the expected observation, for every caller kind x {own team,
other team} x {protected, not protected}. A route without a row, or a row
without a route, fails the test, so a new endpoint cannot ship unexamined.

The expectations are written from the rule as people state it (sync-protocol
design, "Scope" and "Enrolment"; docs/sync-protocol.md), not from the server's
code: a caseworker holds the families assigned to them, a supervisor their
team's, an administrator none; protected content (and what is derived from it:
conflicts) needs the permission; a conflict goes to its author, to the caseworker it is
assigned to, and to the team's supervisors.
One world per backend, many requests.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
import sqlalchemy as sa
from server_kit import HROMADA as NORTH_HROMADA
from server_kit import (
    OTHER_HROMADA,
    PASSWORD,
    Client,
    World,
    create,
    household_fields,
    person_fields,
    update,
    visit_fields,
)

from sync import parcel as pc
from sync.server import admin
from sync.server.audit import who_read
from sync.server.db import records

TEAMS = ("own", "other")
KINDS = ("plain", "protected")
ACTORS = ("none", "bad_token", "revoked", "caseworker", "caseworker_protected", "supervisor",
          "supervisor_protected", "admin")
USERS = {"caseworker": "anna", "caseworker_protected": "pavlo", "supervisor": "sasha",
         "supervisor_protected": "sofia", "admin": "ira", "revoked": "boris"}
HROMADA = {"North": NORTH_HROMADA, "South": OTHER_HROMADA}


@pytest.fixture
def server_settings() -> dict[str, object]:
    # The organisation's policy: exact counts, so a leak shows; the API's map is on (IT may turn
    # it on), so that its routes are in the matrix too and never carry a case's content.
    return {"report_threshold": 1, "api_docs": True}


@dataclass
class Family:
    """One household and what hangs under it: each kind of record the matrix aims at."""

    id: str
    team: str
    holder: str  # username of its caseworker
    marker: str  # a family name no other family has
    person: str = ""
    secret: str = ""  # a protected record
    # The child-safety protected records (issue 14): a risk assessment and incident data, by collection.
    safety: dict[str, str] = field(default_factory=dict)
    secret_marker: str = ""  # text only the protected record (and its conflicts) carry
    visit: str = ""
    conflict: str = ""  # a clash on the person
    secret_conflict: str = ""  # a clash on the protected record
    files: dict[str, bytes] = field(default_factory=dict)  # attachments' content by kind (plain: on the person)
    # every conflict of the family: id -> (author, assignee, protected)
    conflicts: dict[str, tuple[str, str | None, bool]] = field(default_factory=dict)

    def targets(self, kind: str) -> list[str]:
        records = [self.person] if kind == "plain" else [self.secret, *self.safety.values()]
        return records + [c for c, (_a, _s, secret) in self.conflicts.items()
                          if secret == (kind == "protected")]


@dataclass
class Matrix:
    world: World
    clients: dict[str, Client] = field(default_factory=dict)
    families: dict[str, Family] = field(default_factory=dict)  # by holder
    pulled: dict[str, Any] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return self.world.server.base

    def client(self, actor: str) -> Client:
        if actor == "none":
            return Client(self.base)
        if actor == "bad_token":
            return Client(self.base, token="not-a-token-" + uuid.uuid4().hex)
        return self.clients[actor]

    def user_id(self, actor: str) -> str | None:
        return self.world.users.get(USERS.get(actor, ""))

    def family(self, actor: str, team: str) -> Family:
        """The family a cell aims at: the actor's own (or their team's), or the other team's."""
        if team == "other":
            return self.families["olha"]
        return self.families["pavlo" if actor == "caseworker_protected" else "anna"]

    def version(self, record_id: str) -> int:
        with self.world.server.engine.connect() as conn:
            return int(conn.execute(sa.select(records.c.version).where(records.c.id == record_id)).scalar_one())


# ---- the world: three families, each with a plain and a protected record and a conflict on each

def _build(world: World) -> Matrix:
    e = world.server.engine
    pw = world.server.passwords
    for name, role, team, prot in [("sasha", "supervisor", "North", False),
                                   ("olha", "caseworker", "South", True),
                                   ("svitlana", "supervisor", "South", True)]:
        world.users[name] = admin.add_user(e, name, PASSWORD, role=role, team=team,
                                           protected_access=prot, passwords=pw)
    m = Matrix(world)
    people = {u: world.client(u) for u in ("anna", "pavlo", "sasha", "sofia", "ira", "boris",
                                           "olha", "svitlana", "petro")}
    for actor, username in USERS.items():
        m.clients[actor] = people[username]
    # Each family: (holder, team, who writes its protected record, its team's supervisor with access)
    for holder, team, secret_writer, sup in [("anna", "North", "sofia", "sofia"),
                                              ("pavlo", "North", "pavlo", "sofia"),
                                              ("olha", "South", "olha", "svitlana")]:
        c, w, s = people[holder], people[secret_writer], people[sup]
        marker = f"Family{holder.capitalize()}{uuid.uuid4().hex[:6]}"
        hh = create("households", household_fields(family_name=marker, hromada=HROMADA[team]))
        assert c.push(hh)[0]["status"] == "applied"
        f = Family(hh["id"], team, holder, marker, secret_marker=f"SECRET{uuid.uuid4().hex[:8]}")
        person = create("persons", person_fields(f.id))
        visit = create("visits", visit_fields(f.id, review_status="submitted"))
        assert [r["status"] for r in c.push(person, visit)] == ["applied", "applied"]
        secret = create("protected", {"household_id": f.id, "person_id": person["id"],
                                      "kind": "trafficking", "assistance": f.secret_marker})
        assert w.push(secret)[0]["status"] == "applied"
        f.person, f.visit, f.secret = person["id"], visit["id"], secret["id"]
        # The visit is returned by the team's supervisor: reviews of it can then be recorded.
        assert s.push(update("visits", f.visit, 1, {"review_status": "returned"},
                             {"review_status": "submitted"}))[0]["status"] == "applied"
        # A clash on the person: the holder changes it, the supervisor changes it from the old base.
        assert c.push(update("persons", f.person, 1, {"given_name": "Iryna"},
                             {"given_name": "Olena"}))[0]["status"] == "applied"
        [clash] = s.push(update("persons", f.person, 1, {"given_name": "Oksana"}, {"given_name": "Olena"}))
        assert clash["status"] == "conflict"
        f.conflict = clash["conflict_id"]
        f.conflicts[f.conflict] = (sup, None, False)
        # A clash on the protected record: base, mine and theirs all carry protected text.
        assert w.push(update("protected", f.secret, 1, {"assistance": f.secret_marker + " shelter"},
                             {"assistance": f.secret_marker}))[0]["status"] == "applied"
        [clash] = s.push(update("protected", f.secret, 1, {"assistance": f.secret_marker + " police"},
                                {"assistance": f.secret_marker}))
        assert clash["status"] == "conflict"
        f.secret_conflict = clash["conflict_id"]
        f.conflicts[f.secret_conflict] = (sup, None, True)
        for kind, writer, collection, rid in [("plain", c, "persons", f.person),
                                              ("protected", w, "protected", f.secret)]:
            f.files[kind] = _upload(writer, f"{kind} scan of {marker}".encode() * 1000)
            attached = create("attachments", {
                "household_id": f.id, "record_collection": collection, "record_id": rid,
                "sha256": hashlib.sha256(f.files[kind]).hexdigest(), "size": len(f.files[kind]),
                "media_type": "image/png", "doc_type": "other"})
            assert writer.push(attached)[0]["status"] == "applied"
        # The child-safety protected records, each with a clash whose sides carry protected text.
        for collection, fields, text_field in SAFETY_RECORDS:
            record = create(collection, {"household_id": f.id, "person_id": person["id"], **fields,
                                         text_field: f.secret_marker})
            assert w.push(record)[0]["status"] == "applied"
            f.safety[collection] = record["id"]
            assert w.push(update(collection, record["id"], 1, {text_field: f.secret_marker + " a"},
                                 {text_field: f.secret_marker}))[0]["status"] == "applied"
            [clash] = s.push(update(collection, record["id"], 1, {text_field: f.secret_marker + " b"},
                                    {text_field: f.secret_marker}))
            assert clash["status"] == "conflict"
            f.conflicts[clash["conflict_id"]] = (sup, None, True)
        m.families[holder] = f
    # An out-of-scope change to a protected record: the conflict goes to the family's holder
    # (anna, without protected access) as well as its author: the leak of issue 11, item 1.
    [oos] = people["olha"].push(update("protected", m.families["anna"].secret, 2,
                                       {"assistance": "typed by olha"}, {"assistance": "?"}))
    assert oos["status"] == "conflict"
    m.families["anna"].conflicts[oos["conflict_id"]] = ("olha", "anna", True)
    # The revoked laptop: boris's.
    admin.revoke_device(e, people["boris"].device_id)
    return m


# Protected records of child safety: (collection, required fields, a text field to carry the marker).
SAFETY_RECORDS = (
    ("dv_risk_assessments", {"assessed_on": "2026-11-20", "risk_level": "high"}, "notes"),
    ("violence_incidents", {"violence_forms": ["physical"], "reported_on": "2026-11-20",
                            "consent_to_share": False}, "notes"),
)


# ---- the rule, as stated (not as coded)

def _access(actor: str) -> bool:
    return actor in ("caseworker_protected", "supervisor_protected")


def _holds(m: Matrix, actor: str, f: Family) -> bool:
    user = USERS.get(actor)
    if actor.startswith("caseworker"):
        return f.holder == user
    if actor.startswith("supervisor"):
        return f.team == "North"  # both supervisors are North's
    return False


def _may_see(m: Matrix, actor: str, f: Family, record_id: str) -> bool:
    protected = (record_id == f.secret or record_id in f.safety.values()
                 or f.conflicts.get(record_id, ("", None, False))[2])
    if protected and not _access(actor):
        return False
    if record_id not in f.conflicts:
        return _holds(m, actor, f)
    # A conflict: its author, the team's supervisors, and the caseworker it is assigned to
    # while they hold the family (a clash is assigned to nobody: the supervisor settles it).
    author, assignee, _secret = f.conflicts[record_id]
    user = USERS.get(actor)
    return author == user or (_holds(m, actor, f) and (actor.startswith("supervisor") or assignee == user))


def _denied(actor: str) -> Any:
    """The answer to a caller that is not signed in, or whose laptop is revoked."""
    return {"none": 401, "bad_token": 401, "revoked": "device_revoked"}.get(actor)


def _status(r: requests.Response) -> Any:
    if r.status_code == 401 and r.json().get("code") == "device_revoked":
        return "device_revoked"
    return r.status_code


# ---- the rows: probe and expectation per route

Probe = Callable[[Matrix, str, str, str], Any]


def probe_health(m: Matrix, actor: str, team: str, kind: str) -> Any:
    return requests.get(f"{m.base}/health", timeout=30).status_code


def expect_health(m: Matrix, actor: str, team: str, kind: str) -> Any:
    return 200


def probe_docs(path: str) -> Probe:
    def probe(m: Matrix, actor: str, team: str, kind: str) -> Any:
        r = m.client(actor).get(path)
        f = m.family(actor, team)
        return any(s in r.text for s in (f.marker, f.secret_marker, f.person))
    return probe


def expect_no_case_content(m: Matrix, actor: str, team: str, kind: str) -> Any:
    return False  # who may read the API's description is another matter; never a case's content


def probe_me(m: Matrix, actor: str, team: str, kind: str) -> Any:
    r = m.client(actor).get("/api/v1/me")
    return (_status(r), r.json().get("user", {}).get("id") if r.ok else None)


def expect_me(m: Matrix, actor: str, team: str, kind: str) -> Any:
    return (_denied(actor), None) if _denied(actor) else (200, m.user_id(actor))


def probe_team(m: Matrix, actor: str, team: str, kind: str) -> Any:
    r = m.client(actor).get("/api/v1/team")
    if not r.ok:
        return (_status(r), None)
    return (200, m.family(actor, team).holder in {u["username"] for u in r.json()["members"]})


def expect_team(m: Matrix, actor: str, team: str, kind: str) -> Any:
    if _denied(actor):
        return (_denied(actor), None)
    if actor.startswith("supervisor"):
        return (200, team == "own")
    return (403, None)


def probe_reports(m: Matrix, actor: str, team: str, kind: str) -> Any:
    hromada = HROMADA[m.family(actor, team).team]
    # The caller asks for a threshold of its own: the organisation's policy (1) must win.
    r = m.client(actor).get("/api/v1/reports", params={"from": "2026-01-01", "to": "2026-12-31",
                                                       "hromada": hromada, "threshold": 100})
    if not r.ok:
        return (_status(r), None)
    rows = {row[0]: row[1] for s in r.json()["sections"] for row in s["rows"] if len(row) > 1}
    return (200, rows["Cases opened"])


def expect_reports(m: Matrix, actor: str, team: str, kind: str) -> Any:
    if _denied(actor):
        return (_denied(actor), None)
    if actor == "admin":  # the organisation: both North families, or South's one
        return (200, "2" if team == "own" else "1")
    if actor.startswith("supervisor"):  # her team only
        return (200, "2" if team == "own" else "0")
    return (403, None)


def _pull(m: Matrix, actor: str) -> Any:
    if actor not in m.pulled:
        c = m.client(actor)
        r = c.pull(cursor=0, limit=1000)
        m.pulled[actor] = (r, {ch["id"] for ch in r.json().get("changes", [])} if r.ok else set())
    return m.pulled[actor]


def _audited(m: Matrix, actor: str, ids: list[str]) -> dict[str, str]:
    # Reads are audited per pull page (who_read finds a record in a page's list) or, protected
    # content, per record.
    return {rid: row["action"] for rid in ids for row in who_read(m.world.server.engine, rid)
            if row["user_id"] == m.user_id(actor)}


def probe_pull(m: Matrix, actor: str, team: str, kind: str) -> Any:
    r, seen = _pull(m, actor)
    if not r.ok:
        return (_status(r), None, None, None)
    f = m.family(actor, team)
    targets = f.targets(kind)
    visible = sorted(t for t in targets if t in seen)
    leaked_text = f.secret_marker in r.text
    return (200, visible, leaked_text, _audited(m, actor, targets))


def expect_pull(m: Matrix, actor: str, team: str, kind: str) -> Any:
    if _denied(actor):
        return (_denied(actor), None, None, None)
    f = m.family(actor, team)
    visible = sorted(t for t in f.targets(kind) if _may_see(m, actor, f, t))
    # Protected text reaches only those with access who hold the family or wrote the clash.
    may_read_secret = any(_may_see(m, actor, f, t) for t in f.targets("protected"))
    action = "read_protected" if kind == "protected" else "read"
    return (200, visible, may_read_secret, {t: action for t in visible})


def _push_one(c: Client, change: dict[str, Any]) -> Any:
    r = c.push_raw([change])
    if not r.ok:
        return _status(r)
    [res] = r.json()["results"]
    if res["status"] == "rejected":
        return f"rejected:{res['error']['code']}"
    return res["status"]


def probe_push(m: Matrix, actor: str, team: str, kind: str) -> Any:
    c, f = m.client(actor), m.family(actor, team)
    if kind == "plain":
        edit = _push_one(c, update("persons", f.person, m.version(f.person), {"given_name": f"changed by {actor}"}, {}))
    else:  # every protected collection, the safety ones too
        edit = tuple(_push_one(c, update(collection, rid, m.version(rid), {name: f"changed by {actor}"}, {}))
                     for collection, rid, name in [("protected", f.secret, "assistance")]
                     + [(coll, f.safety[coll], name) for coll, _fields, name in SAFETY_RECORDS])
    forged = {"reviewer_id": m.world.users["ira"], "reviewed_at": "2020-01-01T00:00:00+00:00"}
    review = create("reviews", {"household_id": f.id, "record_collection": "visits",
                                "record_id": f.visit, "status": "returned",
                                "comment": "see the address", **forged})
    reviewed = _push_one(c, review)
    if reviewed == "applied":
        with m.world.server.engine.connect() as conn:
            data = conn.execute(sa.select(records.c.data).where(records.c.id == review["id"])).scalar_one()
        stamped = m.user_id(actor) in data and "2020-01-01" not in data
        reviewed = f"applied, stamped={stamped}"
    conflict = f.conflict if kind == "plain" else f.secret_conflict
    resolved = _push_one(c, update("conflicts", conflict, m.version(conflict), {"resolved": True},
                                   {"resolved": False}))
    return (edit, reviewed, resolved)


def expect_push(m: Matrix, actor: str, team: str, kind: str) -> Any:
    def edits(answer: Any) -> Any:  # a protected cell edits each protected collection
        return (answer,) * (1 + len(SAFETY_RECORDS)) if kind == "protected" else answer

    if _denied(actor):
        return (edits(_denied(actor)),) + (_denied(actor),) * 2
    if actor == "admin":
        return (edits("rejected:forbidden"),) + ("rejected:forbidden",) * 2
    f = m.family(actor, team)
    holds = _holds(m, actor, f)
    if kind == "protected" and not _access(actor):
        edit = "rejected:forbidden"
    else:
        edit = "applied" if holds else "conflict"  # out of scope: kept as a conflict, nothing leaks
    edit = edits(edit)
    if not holds:
        review = "conflict"
    elif actor.startswith("supervisor"):
        review = "applied, stamped=True"
    else:
        review = "rejected:forbidden"  # caseworkers never write reviews
    conflict = f.conflict if kind == "plain" else f.secret_conflict
    resolve = "applied" if _may_see(m, actor, f, conflict) else "rejected:forbidden"
    return (edit, review, resolve)


def probe_enrol(m: Matrix, actor: str, team: str, kind: str) -> Any:
    """Enrol with the device id of the laptop that holds the cell's family (a device id is no
    secret): it must never take that laptop over."""
    f = m.family(actor, team)
    victim = m.clients["caseworker_protected" if f.holder == "pavlo" else "caseworker"] \
        if f.holder != "olha" else None
    victim_id = victim.device_id if victim else _device_of(m, "olha")
    username, password = {"none": ("nobody", "wrong password 1"),
                          "bad_token": ("anna", "wrong password 2")}.get(
        actor, (USERS.get(actor, ""), PASSWORD))
    device_id = m.clients["revoked"].device_id if actor == "revoked" else victim_id
    r = requests.post(f"{m.base}/api/v1/devices", headers=Client(m.base).headers(), timeout=30,
                      json={"username": username, "password": password, "device_id": device_id,
                            "device_name": "someone else's laptop"})
    with m.world.server.engine.connect() as conn:
        owner = conn.execute(sa.text("SELECT user_id FROM devices WHERE device_id = :d"),
                             {"d": victim_id}).scalar_one()
    return (_status(r), owner == m.world.users[f.holder])


def _device_of(m: Matrix, username: str) -> str:
    with m.world.server.engine.connect() as conn:
        return str(conn.execute(sa.text("SELECT device_id FROM devices WHERE user_id = :u ORDER BY number"),
                                {"u": m.world.users[username]}).scalars().first())


def expect_enrol(m: Matrix, actor: str, team: str, kind: str) -> Any:
    if actor in ("none", "bad_token"):
        return (401, True)
    if actor == "revoked":
        return ("device_revoked", True)
    return (403, True)  # another user's laptop, or one's own without proof: never rebound


def probe_wipe(m: Matrix, actor: str, team: str, kind: str) -> Any:
    c = m.client(actor)
    if actor == "revoked":  # a laptop revoked for this cell: its token is good for this once
        c = m.world.client("boris")
        admin.revoke_device(m.world.server.engine, c.device_id)
    url = f"{m.base}/api/v1/devices/wipe-confirmed"
    first = _status(c.session.post(url, headers=c.headers(), timeout=30))
    second = _status(c.session.post(url, headers=c.headers(), timeout=30))
    listed = {d["device_id"]: d["wipe_confirmed_at"] for d in admin.list_devices(m.world.server.engine)}
    return (first, second, listed.get(c.device_id) is not None)


def expect_wipe(m: Matrix, actor: str, team: str, kind: str) -> Any:
    if actor == "revoked":
        return (200, 401, True)  # accepted once; then the token is spent
    if actor in ("none", "bad_token"):
        return (401, 401, False)
    return (403, 403, False)  # not revoked: nothing to confirm


def probe_parcels(m: Matrix, actor: str, team: str, kind: str) -> Any:
    """Hand in, as the cell's actor, a parcel from a new laptop of the family's holder: only a
    supervisor of that laptop's team may, and she gets back bytes she cannot read."""
    f = m.family(actor, team)
    keys, device_id = pc.KeyPair.generate(), str(uuid.uuid4())
    enrolled = requests.post(f"{m.base}/api/v1/devices", headers=Client(m.base).headers(), timeout=30,
                             json={"username": f.holder, "password": PASSWORD, "device_id": device_id,
                                   "device_name": "a laptop far away", "parcel_keys": keys.public()}).json()
    header = pc.Header.new(pc.TO_SERVER, device_id, enrolled["server_id"], 1)
    data = pc.seal(header, {"changes": [], "cursor": 0, "attachments": []},
                   enrolled["parcel_keys"]["box"], keys)
    c = m.client(actor)
    r = c.session.post(f"{m.base}/api/v1/parcels", data=data, timeout=60,
                       headers=c.headers(**{"Content-Type": "application/octet-stream"}))
    marker = (f.secret_marker if kind == "protected" else f.marker).encode()
    readable = marker in r.content
    holder_gets_family = None
    if r.status_code == 200:  # the laptop it is for opens it and finds its family
        _h, payload = pc.open_parcel(r.content, enrolled["parcel_keys"]["sign"], keys)
        holder_gets_family = f.id in {c.get("id") for page in payload["pages"] for c in page["changes"]}
    return (_status(r), readable, holder_gets_family)


def expect_parcels(m: Matrix, actor: str, team: str, kind: str) -> Any:
    denied = _denied(actor)
    if denied:
        return (denied, False, None)
    if actor.startswith("supervisor") and team == "own":
        return (200, False, True)
    return (403, False, None)
def _upload(c: Client, data: bytes) -> bytes:
    """Upload content whole (one chunk) as `c`; the content."""
    sha = hashlib.sha256(data).hexdigest()
    r = c.session.post(f"{c.base}/api/v1/attachments/{sha}", headers=c.headers(), timeout=30,
                       json={"size": len(data), "media_type": "image/png"})
    assert r.status_code == 200, r.text
    r = c.session.put(f"{c.base}/api/v1/attachments/{sha}/chunks/0", data=data, timeout=30,
                      headers=c.headers(**{"FieldApp-Chunk-SHA256": sha}))
    assert r.status_code == 200 and r.json()["complete"], r.text
    return data


def _attachment_readable(m: Matrix, actor: str, team: str, kind: str) -> bool:
    f = m.family(actor, team)
    return _may_see(m, actor, f, f.person if kind == "plain" else f.secret)


def probe_content_status(m: Matrix, actor: str, team: str, kind: str) -> Any:
    data = m.family(actor, team).files[kind]
    r = m.client(actor).get(f"/api/v1/attachments/{hashlib.sha256(data).hexdigest()}")
    return (_status(r), r.json().get("size") if r.ok else None)


def expect_content_status(m: Matrix, actor: str, team: str, kind: str) -> Any:
    if _denied(actor):
        return (_denied(actor), None)
    if actor == "admin":
        return (403, None)
    # A caller who may not read the record its attachment belongs to learns nothing of it.
    if not _attachment_readable(m, actor, team, kind):
        return (404, None)
    return (200, len(m.family(actor, team).files[kind]))


def probe_content_chunk(m: Matrix, actor: str, team: str, kind: str) -> Any:
    data = m.family(actor, team).files[kind]
    r = m.client(actor).get(f"/api/v1/attachments/{hashlib.sha256(data).hexdigest()}/chunks/0")
    return (_status(r), r.content == data if r.ok else None)


def expect_content_chunk(m: Matrix, actor: str, team: str, kind: str) -> Any:
    if _denied(actor):
        return (_denied(actor), None)
    if actor == "admin":
        return (403, None)
    return (200, True) if _attachment_readable(m, actor, team, kind) else (404, None)


def probe_upload(m: Matrix, actor: str, team: str, kind: str) -> Any:
    """Start an upload of new content, send its one chunk; then start one of a family's content
    (dedup: it is complete already, which tells only what the caller's own bytes say)."""
    c = m.client(actor)
    data = f"new scan by {actor} {team} {kind} {uuid.uuid4()}".encode()
    sha = hashlib.sha256(data).hexdigest()
    started = c.session.post(f"{m.base}/api/v1/attachments/{sha}", headers=c.headers(), timeout=30,
                             json={"size": len(data), "media_type": "image/jpeg"})
    sent = c.session.put(f"{m.base}/api/v1/attachments/{sha}/chunks/0", data=data, timeout=30,
                         headers=c.headers(**{"FieldApp-Chunk-SHA256": sha}))
    known = m.family(actor, team).files[kind]
    again = c.session.post(f"{m.base}/api/v1/attachments/{hashlib.sha256(known).hexdigest()}",
                           headers=c.headers(), timeout=30, json={"size": len(known), "media_type": "image/png"})
    return (_status(started), _status(sent), sent.json().get("complete") if sent.ok else None,
            _status(again), again.json().get("complete") if again.ok else None)


def expect_upload(m: Matrix, actor: str, team: str, kind: str) -> Any:
    if _denied(actor):
        return (_denied(actor), _denied(actor), None, _denied(actor), None)
    if actor == "admin":
        return (403, 403, None, 403, None)
    return (200, 200, True, 200, True)


ROWS: dict[tuple[str, str], tuple[Probe, Probe]] = {
    ("POST", "/api/v1/parcels"): (probe_parcels, expect_parcels),
    ("GET", "/health"): (probe_health, expect_health),
    ("GET", "/openapi.json"): (probe_docs("/openapi.json"), expect_no_case_content),
    ("GET", "/docs"): (probe_docs("/docs"), expect_no_case_content),
    ("GET", "/docs/oauth2-redirect"): (probe_docs("/docs/oauth2-redirect"), expect_no_case_content),
    ("POST", "/api/v1/devices"): (probe_enrol, expect_enrol),
    ("POST", "/api/v1/devices/wipe-confirmed"): (probe_wipe, expect_wipe),
    ("GET", "/api/v1/me"): (probe_me, expect_me),
    ("GET", "/api/v1/sync/pull"): (probe_pull, expect_pull),
    ("POST", "/api/v1/sync/push"): (probe_push, expect_push),
    ("GET", "/api/v1/team"): (probe_team, expect_team),
    ("GET", "/api/v1/reports"): (probe_reports, expect_reports),
    ("POST", "/api/v1/attachments/{sha256}"): (probe_upload, expect_upload),
    ("PUT", "/api/v1/attachments/{sha256}/chunks/{n}"): (probe_upload, expect_upload),
    ("GET", "/api/v1/attachments/{sha256}"): (probe_content_status, expect_content_status),
    ("GET", "/api/v1/attachments/{sha256}/chunks/{n}"): (probe_content_chunk, expect_content_chunk),
}


def app_routes(app: Any) -> set[tuple[str, str]]:
    """Every (method, path) the app answers, from its own routing table (the included routers'
    routes with their prefixes: FastAPI's `iter_route_contexts`, where this FastAPI has it)."""
    from fastapi import routing

    walk = getattr(routing, "iter_route_contexts", None)
    found = set()
    for route in (walk(app.routes) if walk else app.routes):
        for method in route.methods or ():
            if method != "HEAD":
                found.add((method, route.path))
    return found


def test_every_route_by_every_caller_on_every_kind_of_record(world: World):
    routes = app_routes(world.server.app)
    assert routes - set(ROWS) == set(), "a route without rows in the authorisation matrix"
    assert set(ROWS) - routes == set(), "rows for a route the server no longer has"
    m = _build(world)
    wrong = []
    cells = 0
    # Reads first, then writes (a push changes versions and adds conflicts, not what was read).
    order = sorted(ROWS, key=lambda k: k == ("POST", "/api/v1/sync/push"))
    for key in order:
        probe, expect = ROWS[key]
        for actor in ACTORS:
            for team in TEAMS:
                for kind in KINDS:
                    cells += 1
                    want = expect(m, actor, team, kind)
                    got = probe(m, actor, team, kind)
                    if got != want:
                        wrong.append(f"{key[0]} {key[1]} as {actor}, {team} team, {kind}: "
                                     f"expected {want}, got {got}")
    assert cells == len(ROWS) * len(ACTORS) * len(TEAMS) * len(KINDS)
    assert not wrong, "\n".join(wrong)

"""A pull is audited once per page and still answers "who read record X, when"; its pages travel
in zstd to a laptop that takes it, in gzip to one that does not, the same JSON either way.

Through real HTTP on 127.0.0.1, on SQLite and PostgreSQL (the `world` fixture).
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
import zstandard
from server_kit import World, create, new_household, person_fields

from sync.client import HttpTransport
from sync.server import admin
from sync.server.audit import who_read
from sync.server.db import audit

ROOT = Path(__file__).resolve().parents[2]


def _reads(world: World) -> list[sa.Row]:
    with world.server.engine.connect() as conn:
        return list(conn.execute(sa.select(audit).where(audit.c.action == "read").order_by(audit.c.id)))


def test_each_page_is_one_audit_row_that_names_every_record_it_held(world: World):
    anna = world.client("anna")
    hh_id, _ = new_household(anna)
    people = [create("persons", person_fields(hh_id)) for _ in range(5)]
    anna.push(*people)
    reader = world.client("anna")
    got = reader.pull_all(0, limit=2)  # the family and five people: four pages
    ids = [c["id"] for c in got if c["op"] == "upsert" and c["collection"] in ("households", "persons")]
    assert len(ids) == 6
    rows = [r for r in _reads(world) if r.device_id == reader.device_id]
    assert len(rows) == 3 and all(r.record_id is None for r in rows)  # 2 + 2 + 2 case records
    held = [json.loads(r.read_ids) for r in rows]
    assert sorted(i for page in held for i in page if i != hh_id) == sorted(p["id"] for p in people)
    for person in people:
        [seen] = [r for r in who_read(world.server.engine, person["id"]) if r["device_id"] == reader.device_id]
        assert (seen["user_id"], seen["action"]) == (world.users["anna"], "read")
    # The family's id finds every page that held one of its records.
    family = [r for r in who_read(world.server.engine, hh_id) if r["device_id"] == reader.device_id]
    assert len(family) == 3
    # Another user's pull does not name anna, and an id that is only part of another is not found.
    assert who_read(world.server.engine, people[0]["id"][:-1]) == []
    listed = admin.query_audit(world.server.engine, record=people[0]["id"], action="read")
    assert {r["device_id"] for r in listed} >= {reader.device_id}
    assert all(r["record_id"] == people[0]["id"] and "read_ids" not in r for r in listed)


def test_an_id_with_like_wildcards_matches_only_itself(world: World):
    anna = world.client("anna")
    hh_id, _ = new_household(anna)
    odd = create("persons", person_fields(hh_id), record_id="a%b_c")
    plain = create("persons", person_fields(hh_id), record_id="aXbYc")
    anna.push(odd, plain)
    world.client("anna").pull_all(0)
    assert len(who_read(world.server.engine, "a%b_c")) == 1
    assert len(who_read(world.server.engine, "aXbYc")) == 1
    assert who_read(world.server.engine, "a%") == []


def test_who_read_on_the_command_line(world: World, tmp_path: Path):
    if not world.server.database_url.startswith("sqlite"):
        return  # the same query on PostgreSQL is the test above
    anna = world.client("anna")
    hh_id, _ = new_household(anna)
    reader = world.client("anna")
    reader.pull_all(0)
    out = subprocess.run([sys.executable, "-m", "sync.server.cli", "audit", "who-read", hh_id,
                          "--database-url", world.server.database_url],
                         cwd=ROOT, capture_output=True, text=True, timeout=120, check=True).stdout
    assert reader.device_id in out and "anna" in out and "read" in out
    missing = subprocess.run([sys.executable, "-m", "sync.server.cli", "audit", "who-read",
                              "--database-url", world.server.database_url],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert missing.returncode != 0 and "Traceback" not in missing.stderr and "RECORD" in missing.stderr


def test_pages_travel_in_zstd_when_taken_and_in_gzip_otherwise(world: World):
    anna = world.client("anna")
    hh_id, _ = new_household(anna, notes="Нотатки " * 300)
    anna.push(*[create("persons", person_fields(hh_id)) for _ in range(5)])
    bodies = {}
    for accept in ("zstd", "gzip, zstd;q=0", "gzip"):
        r = anna.session.get(f"{anna.base}/api/v1/sync/pull", params={"cursor": 0},
                             headers={**anna.headers(), "Accept-Encoding": accept}, stream=True, timeout=60)
        assert r.status_code == 200
        packed = r.raw.read()  # as it came off the wire
        coding = r.headers.get("Content-Encoding")
        bodies[accept] = (coding, zstandard.ZstdDecompressor().stream_reader(packed).read()
                          if coding == "zstd" else gzip.decompress(packed))
    assert bodies["zstd"][0] == "zstd"
    assert bodies["gzip, zstd;q=0"][0] == bodies["gzip"][0] == "gzip"
    answers = [json.loads(b) for _c, b in bodies.values()]
    assert answers[0]["changes"] and all(a["changes"] == answers[0]["changes"] for a in answers)
    # The laptop's own client asks for zstd and reads it.
    transport = HttpTransport(world.server.base, anna.token)
    page = transport.pull(0, 1000)
    assert [c["id"] for c in page["changes"]] == [c["id"] for c in answers[0]["changes"]]
    assert transport.raw_received > transport.bytes_received  # inflated JSON > the zstd on the wire

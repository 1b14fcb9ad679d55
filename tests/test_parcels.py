"""Sync parcels end to end: real encrypted profiles, a real server on 127.0.0.1, real parcel files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from factories import household, person, visit
from kit import enrolled_laptop

sys.path.insert(0, str(Path(__file__).parent / "server"))

from fieldapp.sync.device import sync_once  # noqa: E402
from fieldapp.sync.parcels import export_parcel, import_parcel  # noqa: E402
from sync import parcel as pc  # noqa: E402
from sync.server import admin  # noqa: E402
from sync.server.parcels import import_parcel as server_import  # noqa: E402


@pytest.fixture
def server(live_server):
    return live_server


def server_id(live) -> str:
    return str(live.app.state.server_id)


def carry(live, store):
    """A parcel from the laptop to the server and its return parcel back: the two imports."""
    out = export_parcel(store)
    back = server_import(live.engine, out.data, server_id=server_id(live))
    return out, back


def test_a_parcel_round_trip_pushes_and_pulls_like_a_network_round(server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", server.base, "anna")
    boris = enrolled_laptop(tmp_path, "boris", server.base, "boris")
    h = anna.write(lambda tx: tx.create("households", household(family_name="Олійник")))
    anna.write(lambda tx: tx.create("persons", person(h["id"], given_name="Марія")))
    anna.write(lambda tx: tx.create("visits", visit(h["id"], notes="Дитина здорова")))
    out, back = carry(server, anna)
    assert out.changes == 3
    assert anna.pending_count() == 3  # nothing settles before the return parcel
    report = import_parcel(anna, back.reply)
    assert (report.round.pushed, report.round.applied, report.round.rejected) == (3, 3, 0)
    assert anna.pending_count() == 0
    assert anna.get("households", h["id"])["version"] == 1
    # a colleague's network round sees what travelled by parcel
    sync_once(sofia := enrolled_laptop(tmp_path, "sofia", server.base, "sofia"))
    assert sofia.get("households", h["id"]) is not None
    for s in (anna, boris, sofia):
        s.close()

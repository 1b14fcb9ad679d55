"""Conflicts written from outside the team are counted apart from the caseworker's own, and the
sync-issues screen does not call them "your change"; on a real encrypted store."""

from __future__ import annotations

import datetime as dt

from factories import household

from casework.ids import new_id
from fieldapp.store.team import OUTSIDE, remember_names, team_figures, writer_name, written_here

TEAM = [{"id": "u-anna", "display_name": "Анна Коваль", "role": "caseworker"},
        {"id": "u-boris", "display_name": "Борис Ткач", "role": "caseworker"},
        {"id": "u-sofia", "display_name": "Софія Мороз", "role": "supervisor"}]


def pulled(store, collection, fields, rid=None):
    rid = rid or new_id()
    record = {**fields, "id": rid, "collection": collection, "version": 1, "deleted": False,
              "household_id": fields.get("household_id", rid), "updated_by": "u-anna",
              "updated_at": "2026-10-01T10:00:00+00:00"}
    store.write(lambda tx: tx.apply_remote(record))
    return store.get(collection, rid)


def conflict(store, hid, by):
    return pulled(store, "conflicts", {"household_id": hid, "record_collection": "visits", "record_id": new_id(),
                                       "fields": [], "reason": "out_of_scope", "by": by, "resolved": False})


def test_outside_writers_are_counted_apart(store):
    remember_names(store, TEAM)
    h = pulled(store, "households", household(caseworker_id="u-boris", status="active"))
    mine = conflict(store, h["id"], "u-anna")  # a colleague's late change: the caseworker's to read
    theirs = conflict(store, h["id"], "u-petro-of-south")  # a caseworker of another team
    figures = team_figures(store, dt.date(2026, 11, 2))
    assert figures["u-boris"].families["conflicts"] == [h["id"]]
    assert figures[OUTSIDE].families["conflicts"] == [h["id"]]
    assert figures["u-boris"].name == "Борис Ткач"  # names, not laptop numbers
    assert writer_name(store, mine) == "Анна Коваль" and writer_name(store, theirs) == "u-petro-"
    assert not written_here(store, theirs)  # no user enrolled here: nobody's "your change"

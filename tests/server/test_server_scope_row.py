"""A household's scope row (`households`: status, closed_at, retired) follows its record through
a real server (SQLite and PostgreSQL): left alone by an edit of other fields, closed with the
approved closure, open again when the supervisor returns it, and a retired family comes back to
its caseworker's laptop when reopened."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from server_kit import World, new_household, update

from sync.server import households as scope_rows
from sync.server.db import households


def _scope(world: World, hh_id: str) -> dict[str, Any]:
    with world.server.engine.connect() as conn:
        row = conn.execute(sa.select(households.c.status, households.c.closed_at, households.c.retired)
                           .where(households.c.household_id == hh_id)).one()
    return {"status": row.status, "closed_at": row.closed_at, "retired": bool(row.retired)}


def _applied(results: list[dict[str, Any]]) -> None:
    assert [r["status"] for r in results] == ["applied"] * len(results), results


def test_the_scope_row_follows_closure_return_and_reopening(world: World):
    anna, sofia = world.client("anna"), world.client("sofia")
    hh_id, _ = new_household(anna)
    opened = {"status": "active", "closed_at": None, "retired": False}
    assert _scope(world, hh_id) == opened
    _applied(anna.push(update("households", hh_id, 1, {"notes": "нова адреса"}, {"notes": None})))
    assert _scope(world, hh_id) == opened

    closure = {"closure_reason": "goals_achieved", "closed_on": "2026-03-01", "closure_outcome": "OVR"}
    _applied(anna.push(update("households", hh_id, 2, {**closure, "review_status": "submitted"},
                              {k: None for k in (*closure, "review_status")})))
    assert _scope(world, hh_id) == opened
    _applied(sofia.push(update("households", hh_id, 3, {"review_status": "approved", "status": "closed"},
                               {"review_status": "submitted", "status": "active"})))
    closed = _scope(world, hh_id)
    assert closed["status"] == "closed" and closed["closed_at"] and not closed["retired"]

    # Past retention the family leaves Anna's laptop ...
    anna.pull_all(0)
    assert scope_rows.retire_closed(world.server.engine, 0) == 1
    assert _scope(world, hh_id)["retired"] is True
    assert {"op": "evict", "collection": "households", "id": hh_id} in anna.pull_all()
    # ... and the supervisor's return reopens it: open, not retired, and back on Anna's laptop.
    _applied(sofia.push(update("households", hh_id, 4, {"review_status": "returned", "status": "active"},
                               {"review_status": "approved", "status": "closed"})))
    assert _scope(world, hh_id) == opened
    back = [c for c in anna.pull_all() if c.get("id") == hh_id]
    assert back and back[-1]["op"] == "upsert" and back[-1]["record"]["status"] == "active"

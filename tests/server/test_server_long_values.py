"""Too-long values through the batch write (sync/server/feed.py insert_many: on PostgreSQL one
INSERT of `unnest` over arrays cast to each column's type without its length, 901cb8c).

A field over its schema maximum is refused by validation before any write; a value over a
column's own length (record ids are String(64), collections String(40), change ids String(36))
gets the protocol's answer, never a 500, and the rest of the batch is judged on its own. On
SQLite and on PostgreSQL (./test.sh), through real HTTP.
"""

from __future__ import annotations

import sqlalchemy as sa
from server_kit import World, create, household_fields

from casework.schemas import SCHEMAS
from sync.server.db import records


def _stored(world: World, *ids: str) -> set[str]:
    with world.server.engine.connect() as conn:
        return set(conn.execute(sa.select(records.c.id).where(records.c.id.in_(ids))).scalars())


def _max_len(collection: str, name: str) -> int:
    [field] = [f for f in SCHEMAS[collection] if f.name == name]
    assert field.max_len, f"{collection}.{name} has no maximum"
    return int(field.max_len)


def test_a_field_over_its_schema_maximum_is_refused_before_the_write(world: World):
    anna = world.client("anna")
    limit = _max_len("households", "family_name")
    at_limit = create("households", household_fields(family_name="Б" * limit, case_number="2026/1-0101"))
    over = create("households", household_fields(family_name="Б" * (limit + 1), case_number="2026/1-0102"))
    after = create("households", household_fields(family_name="Коваль", case_number="2026/1-0103"))
    results = anna.push(at_limit, over, after)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["error"]["code"] == "invalid_payload" and "family_name" in results[1]["error"]["detail"]
    assert _stored(world, at_limit["id"], over["id"], after["id"]) == {at_limit["id"], after["id"]}
    with world.server.engine.connect() as conn:  # the value at the limit is stored whole, not cut
        kept = conn.execute(sa.select(records.c.data).where(records.c.id == at_limit["id"])).scalar_one()
    assert "Б" * limit in kept


def test_a_value_over_a_column_s_length_gets_the_protocol_s_answer_not_a_500(world: World):
    anna = world.client("anna")
    good = create("households", household_fields(case_number="2026/1-0201"))
    long_id = create("households", household_fields(case_number="2026/1-0202"), record_id="7" * 100)
    long_collection = create("x" * 100, household_fields(case_number="2026/1-0203"))
    long_change = create("households", household_fields(case_number="2026/1-0204"))
    long_change["change_id"] = "c" * 100
    for change in (long_id, long_collection, long_change):
        r = anna.push_raw([good, change])
        assert r.status_code < 500, f"{change['id'][:12]}…: {r.status_code} {r.text[:300]}"
        if r.status_code == 200:  # judged change by change: the long one refused, the good one applied
            by_id = {res["id"]: res for res in r.json()["results"] if "id" in res}
            statuses = [res["status"] for res in r.json()["results"]]
            assert statuses[0] == "applied" and statuses[1] == "rejected", r.text[:300]
            assert change["id"] not in by_id or by_id[change["id"]]["status"] == "rejected"
        else:  # the whole request refused in the protocol's words
            assert "error" in r.json(), r.text[:300]
    assert _stored(world, long_id["id"], long_collection["id"], long_change["id"]) == set()


def test_the_array_write_refuses_a_too_long_value_instead_of_cutting_it(world: World):
    """Below validation, insert_many itself: PostgreSQL's cast of an array to varchar(40)[] would
    cut each value to 40 characters without a word; cast to the type without its length, the
    column refuses the value as a plain INSERT does (SQLite does not enforce lengths)."""
    import pytest

    from sync.server.db import audit
    from sync.server.feed import insert_many

    engine = world.server.engine
    if engine.dialect.name == "sqlite":
        pytest.skip("SQLite does not enforce a column's length")
    action = "a" * 41  # audit.action is String(40)
    with pytest.raises(sa.exc.DataError), engine.begin() as conn:
        insert_many(conn, audit, [{"at": "2026-12-02T00:00:00Z", "action": "create"},
                                  {"at": "2026-12-02T00:00:00Z", "action": action}])
    with engine.connect() as conn:
        cut = conn.execute(sa.select(sa.func.count()).select_from(audit)
                           .where(audit.c.action.like("aaaa%"))).scalar_one()
    assert cut == 0  # nothing stored, cut or whole

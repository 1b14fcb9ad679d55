"""PostgreSQL's side of the server's database: the pool's pings and the feed's lock.

A pooled connection is pinged only after it has been idle (`db.PING_AFTER_IDLE_S`), and the
feed's numbers are taken in the statement that writes the batch's rows (`feed.Feed.close`): a
second writer waits for the first one's commit and numbers after it.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
import sqlalchemy as sa

from sync.server.db import make_engine, records, sync_state
from sync.server.feed import Feed, dump, insert_many


@pytest.fixture
def pg_url(database_url: str) -> str:
    if database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL only: SQLite's pool has no server to lose and its writers take turns")
    return database_url


def _kill_backends(url: str) -> int:
    """Terminate every other session of the database (as a restart of PostgreSQL would)."""
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin.connect() as conn:
        killed = conn.exec_driver_sql(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()").scalar_one()
    admin.dispose()
    return int(killed)


def _backend(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def test_an_idle_connection_is_pinged_and_replaced_when_the_server_dropped_it(pg_url: str):
    engine = make_engine(pg_url, pool_size=2, ping_after_idle_s=0)  # every checkout counts as idle
    first = _backend(engine)
    assert _kill_backends(pg_url) >= 1
    # The ping finds the connection dead: the pool opens another and the request never sees it.
    assert _backend(engine) != first
    engine.dispose()


def test_a_busy_connection_is_not_pinged_and_one_failure_renews_the_pool(pg_url: str):
    engine = make_engine(pg_url, pool_size=2, ping_after_idle_s=3600)
    first = _backend(engine)
    assert _backend(engine) == first  # the same connection, back within the idle time
    _kill_backends(pg_url)
    # No ping: the dead connection reaches the statement, which fails once ...
    with pytest.raises(sa.exc.OperationalError) as failed:
        _backend(engine)
    assert failed.value.connection_invalidated
    # ... and the pool has dropped it: the next request gets a live one.
    assert _backend(engine) != first
    engine.dispose()


def _row(rid: str) -> dict[str, Any]:
    return {"id": rid, "collection": "forms", "household_id": None, "version": 1, "deleted": False,
            "seq": 0, "updated_at": "2026-12-02T00:00:00.000+00:00", "updated_by": None,
            "device_id": None, "created_by": None, "author_id": None, "assignee_id": None,
            "data": dump({"title": rid})}


def _numbered_write(conn: sa.Connection, ids: list[str]) -> None:
    """A set-based writer's end: the rows written by the statement that numbers them."""
    feed = Feed(conn)
    for rid in ids:
        feed.touch(rid)

    def write(numbers: dict[str, int]) -> set[str]:
        insert_many(conn, records, [{**_row(rid), "seq": numbers[rid]} for rid in ids])
        return set(ids)

    feed.close(write=write)


def test_a_second_writer_waits_for_the_first_commit_and_numbers_after_it(pg_url: str):
    engine = make_engine(pg_url, pool_size=4)
    first = engine.connect()
    first_tx = first.begin()
    _numbered_write(first, ["form-a1", "form-a2"])  # holds the feed's lock until it commits
    done = threading.Event()

    def second_writer() -> None:
        with engine.begin() as conn:
            _numbered_write(conn, ["form-b1"])
        done.set()

    thread = threading.Thread(target=second_writer)
    thread.start()
    # Wait until the second writer is blocked on a lock (the feed's row), not merely slow.
    watch = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    deadline = time.monotonic() + 120
    while True:
        with watch.connect() as conn:
            waiting = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' "
                "AND starts_with(query, 'WITH n AS (UPDATE sync_state')").scalar_one()
        if waiting:
            break
        assert time.monotonic() < deadline, "the second writer never waited for the feed's lock"
        time.sleep(0.05)
    assert not done.is_set()
    with watch.connect() as conn:  # nothing of either is visible yet, and no number is handed out
        assert conn.execute(sa.select(sa.func.count()).select_from(records)
                            .where(records.c.id.like("form-%"))).scalar_one() == 0
        horizon_before = conn.execute(sa.select(sync_state.c.seq)).scalar_one()
    first_tx.commit()
    first.close()
    thread.join(timeout=120)
    assert done.is_set()
    with watch.connect() as conn:
        seqs = dict(conn.execute(sa.select(records.c.id, records.c.seq)
                                 .where(records.c.id.like("form-%"))).all())
        horizon = conn.execute(sa.select(sync_state.c.seq)).scalar_one()
    # In commit order, in touch order, without gaps, and the horizon is the last of them.
    assert [seqs["form-a1"], seqs["form-a2"], seqs["form-b1"]] == [horizon_before + 1,
                                                                  horizon_before + 2,
                                                                  horizon_before + 3]
    assert horizon == horizon_before + 3
    watch.dispose()
    engine.dispose()

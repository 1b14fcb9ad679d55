"""The end of a pull: the device's last-seen mark, the revocation check and the page's audit
(on PostgreSQL one statement in autocommit, `audit.seen_and_audited`; on SQLite one
transaction). Both must keep what the longer form did: a page read is audited with its record
ids and the device marked seen (a device revoked while its page was read: tests/server/
test_server_sync.py, test_a_revoked_device_gets_device_revoked_and_a_wipe_mid_pull)."""

from __future__ import annotations

import json

import sqlalchemy as sa

from sync.server.db import audit, devices
from tests.server.server_kit import LiveServer, make_world, new_household


def _reads(engine: sa.Engine, device_id: str) -> list[str]:
    with engine.connect() as conn:
        return [ids for ids, in conn.execute(
            sa.select(audit.c.read_ids).where(audit.c.device_id == device_id,
                                              audit.c.action == "read"))]


def _seen(engine: sa.Engine, device_id: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(sa.select(devices.c.last_seen_at)
                            .where(devices.c.device_id == device_id)).scalar_one()


def test_a_page_read_is_audited_and_marks_the_device_seen(database_url: str):
    server = LiveServer(database_url).start()
    try:
        world = make_world(server)
        anna = world.client("anna")
        hh_id, _fields = new_household(anna)
        before = _seen(server.engine, anna.device_id)
        assert anna.pull(0).status_code == 200
        [read_ids] = _reads(server.engine, anna.device_id)
        assert hh_id in json.loads(read_ids)
        seen = _seen(server.engine, anna.device_id)
        assert seen is not None and (before is None or seen >= before)
    finally:
        server.stop()

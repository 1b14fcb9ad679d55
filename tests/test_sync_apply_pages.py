"""The laptop's writes at sync speed (issue 19, item 4): acknowledgements and pulled pages that change
only versions note no family for the due table; a pulled page written in bulk still leaves this
laptop's unsent edits on top and clashes on the server; a kill half-way through a bulk page leaves
the store as it was before the page.

Real encrypted stores, a real server on 127.0.0.1, a real SIGKILL.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from factories import household, person, seeded, visit
from kit import PASSPHRASE, enrolled_laptop

from casework.ids import new_id
from fieldapp.store import bulk, due, records
from fieldapp.store.database import Store
from fieldapp.sync.engine import CURSOR_KEY, RoundReport, apply_pull_page, pull_all, push_all
from sync.client import HttpTransport

ROOT = Path(__file__).resolve().parent.parent
NOW = "2026-03-01T10:00:00.000+00:00"


def _remote(collection: str, fields: dict[str, Any], *, rid: str | None = None, version: int = 1) -> dict[str, Any]:
    return dict(fields, id=rid or new_id(), collection=collection, version=version, deleted=False,
                updated_at=NOW, updated_by=None, device_id=None)


def _page(records_: list[dict[str, Any]], cursor: int) -> dict[str, Any]:
    return {"changes": [{"op": "upsert", "collection": r["collection"], "id": r["id"], "version": r["version"],
                         "record": r} for r in records_], "cursor": cursor, "more": False}


def _dirty_after(store: Store, write) -> list[str]:
    """The families `write` notes for the due table, read inside its transaction (before COMMIT clears them)."""
    def run(tx):
        write(tx)
        return sorted(h for (h,) in tx.db.execute("SELECT household_id FROM due_dirty").fetchall())
    return store.write(run)


def test_a_version_only_write_notes_no_family_but_a_change_of_fields_does(store: Store) -> None:
    seeded(8)
    hid = store.write(lambda tx: tx.create("households", household())["id"])
    visits = store.write(lambda tx: [tx.create("visits", visit(hid, next_visit_on=f"2026-12-{1 + i:02d}"))["id"]
                                     for i in range(bulk.BULK_FROM + 5)])
    before = due.stored(store.read())
    assert [r for r in before if r[0] == hid]
    # The server acknowledged the pushed changes: they leave the outbox, the version alone is raised.
    entries = store.outbox()
    assert _dirty_after(store, lambda tx: tx.push_taken_many([(e, 4) for e in entries])) == []
    assert store.outbox() == []
    assert _dirty_after(store, lambda tx: records.raise_versions(tx.db, "visits", [(v, 5) for v in visits])) == []
    assert store.get("households", hid)["version"] == 4
    assert {r["version"] for r in store.records("visits")} == {5}
    # The same records pulled back with a new version, one alone (the triggers) and all at once (in bulk).
    pulled = [store.get("visits", v) for v in visits]
    again = [dict(r, version=5, updated_at=NOW) for r in pulled]
    assert _dirty_after(store, lambda tx: tx.apply_remote(again[0])) == []
    assert _dirty_after(store, lambda tx: tx.apply_remote_many(again)) == []
    assert {r["version"] for r in store.records("visits")} == {5} and store.get("visits", visits[1])["updated_at"] == NOW
    assert due.stored(store.read()) == before
    # A change of a field that decides what is due notes the family, alone and in bulk, and refreshes it.
    newest = max(pulled, key=lambda r: r["next_visit_on"])
    assert _dirty_after(store, lambda tx: tx.apply_remote(dict(newest, version=6, notes="інше"))) == [hid]
    changed = [dict(r, version=7, next_visit_on="2027-01-15") for r in again]
    assert _dirty_after(store, lambda tx: tx.apply_remote_many(changed)) == [hid]
    after = due.stored(store.read())
    assert after == sorted(due.compute(store.read())) != before
    assert ("2027-01-15" in {r[2] for r in after if r[0] == hid and r[1] == "visit"})
    # A local save still notes its family (the triggers are in place after every bulk write).
    assert _dirty_after(store, lambda tx: tx.update("visits", visits[0], {"duration_min": 75})) == [hid]


def test_a_pulled_page_written_in_bulk_keeps_an_unsent_edit_and_the_push_still_clashes(live_server,
                                                                                      tmp_path: Path) -> None:
    seeded(9)
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    other = enrolled_laptop(tmp_path, "other", live_server.base, "anna")  # her second laptop
    try:
        def link(store: Store) -> HttpTransport:
            return HttpTransport(store.meta("server_url") or "", store.meta("device_token"))

        hid = anna.write(lambda tx: tx.create("households", household())["id"])
        vids = anna.write(lambda tx: [tx.create("visits", visit(hid))["id"] for _ in range(bulk.BULK_FROM + 10)])
        for store in (anna, other):
            report = RoundReport()
            push_all(store, link(store), report)
            pull_all(store, link(store), report)
        # Anna changes every visit (a page big enough to go in bulk), one of them in the field the other laptop edits.
        anna.write(lambda tx: [tx.update("visits", v, {"notes": f"нотатка {i}"}) for i, v in enumerate(vids)])
        anna.write(lambda tx: tx.update("visits", vids[0], {"duration_min": 50}))
        push_all(anna, link(anna), RoundReport())
        other.write(lambda tx: tx.update("visits", vids[0], {"duration_min": 70}))
        report = RoundReport()
        pull_all(other, link(other), report, limit=1000)  # the page first, the unsent edit still waiting
        assert report.pulled >= bulk.BULK_FROM
        mine = other.get("visits", vids[0])
        assert mine["duration_min"] == 70 and mine["notes"] == "нотатка 0"  # this laptop's edit on top
        [entry] = other.outbox()
        assert entry.fields == {"duration_min": 70} and entry.base == {"duration_min": 60}
        push_all(other, link(other), report)
        assert report.conflicts == 1 and report.rejected == 0  # the server saw both edits of one field
    finally:
        anna.close()
        other.close()


_CHILD = """
import os, signal, sys, json
sys.path[:0] = [{tests!r}]
from fieldapp.store.database import Store
from fieldapp.sync.engine import RoundReport, apply_pull_page
store = Store.open({folder!r}, {passphrase!r})
page = json.loads(open({page!r}).read())

def kill_at(sql):
    # The visits' upsert: the page's due triggers are set aside and its first rows written.
    if sql.startswith("INSERT INTO [visits]"):
        os.kill(os.getpid(), signal.SIGKILL)

store.write(lambda tx: tx.db.conn.set_trace_callback(kill_at))
store.write(lambda tx: apply_pull_page(tx, page, RoundReport()))
print("not killed")
"""


def _state(store: Store) -> dict[str, Any]:
    db = store.read()
    return {"triggers": sorted(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()),
            "rows": {c: sorted(db.execute(f"SELECT * FROM [{c}]").fetchall()) for c in ("households", "persons", "visits")},
            "due": due.stored(db), "search": db.execute("SELECT count(*) FROM search_docs").fetchone()[0],
            "cursor": store.meta(CURSOR_KEY)}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_kill_half_way_through_a_bulk_page_leaves_the_store_as_before_the_page(store: Store,
                                                                                 tmp_path: Path) -> None:
    seeded(10)
    first = _remote("households", household(family_name="Бондаренко"))
    store.write(lambda tx: apply_pull_page(tx, _page([first, _remote("visits", visit(first["id"]), version=2)], 2),
                                           RoundReport()))
    hh = _remote("households", household(family_name="Ткаченко"), version=3)
    page = [hh, _remote("persons", person(hh["id"]), version=4),
            *[_remote("visits", visit(hh["id"], next_visit_on="2026-12-20"), version=5 + i)
              for i in range(bulk.BULK_FROM + 5)]]
    page_file = tmp_path / "page.json"
    page_file.write_text(json.dumps(_page(page, 40)))
    before = _state(store)
    folder = store.folder
    store.close()
    child = subprocess.run([sys.executable, "-c", _CHILD.format(tests=str(ROOT / "tests"), folder=str(folder),
                                                               passphrase=PASSPHRASE, page=str(page_file))],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert child.returncode == -signal.SIGKILL, child.stderr
    with Store.open(folder, PASSPHRASE) as again:
        assert _state(again) == before  # triggers, records, due table, index and cursor as before the page
        again.write(lambda tx: apply_pull_page(tx, _page(page, 40), RoundReport()))
        assert again.count("visits") == bulk.BULK_FROM + 6 and again.meta(CURSOR_KEY) == "40"
        assert due.stored(again.read()) == sorted(due.compute(again.read()))
        assert _state(again)["triggers"] == before["triggers"]
        assert again.search("Ткаченко")

"""A new laptop's first sync (issue 19, item 4): pages written without their indexes and summaries,
which are built once at the end, the search indexes after the sync in short steps; the result is
the store the ordinary path makes; a kill half-way leaves a store that opens whole and resumes
where its committed pages end; a kill during the search build resumes from its last step; a link
that drops half-way leaves the build done and the next round pulls the rest.

Real encrypted stores, a real server on 127.0.0.1, a real SIGKILL.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from factories import household, person, seeded, visit
from kit import PASSPHRASE, enrolled_laptop

from casework.records import CASE_COLLECTIONS
from fieldapp.store import caseload, due, family_search, first_sync, search
from fieldapp.store.database import Store
from fieldapp.sync.device import sync_once
from fieldapp.sync.engine import CURSOR_KEY, RoundReport, pull_all
from sync.client import HttpTransport
from sync.errors import SyncFailure

ROOT = Path(__file__).resolve().parent.parent
FAMILIES = 6


def link(store: Store) -> HttpTransport:
    return HttpTransport(store.meta("server_url") or "", store.meta("device_token"))


def _caseload(store: Store) -> None:
    """Families with people, visits due and searchable notes, pushed to the server."""
    seeded(31)

    def write(tx) -> None:
        for i in range(FAMILIES):
            h = tx.create("households", household(family_name=f"Прізвище{i}"))
            tx.create("persons", person(h["id"]))
            for k in range(4):
                tx.create("visits", visit(h["id"], next_visit_on=f"2026-12-{1 + i + k:02d}",
                                          notes=f"нотатка про ліки {i} {k}"))

    store.write(write)
    sync_once(store, transport=lambda _u, _t: link(store))


def _schema(store: Store) -> list[tuple[str, str]]:
    return sorted(store.read().execute(
        "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL").fetchall())


def _content(store: Store) -> dict[str, Any]:
    """Everything a laptop derives from its records, as comparable rows."""
    db = store.read()
    return {
        "records": {c: sorted(db.execute(f"SELECT id, household_id, version, deleted, data FROM [{c}]").fetchall())
                    for c in CASE_COLLECTIONS},
        "search": sorted(db.execute("SELECT d.collection, d.record_id, d.household_id, s.body FROM search_docs d "
                                    "JOIN search s ON s.rowid = d.rowid").fetchall()),
        "grams": sorted(db.execute("SELECT d.record_id, g.body, g.latin FROM search_docs d "
                                   "JOIN search_grams g ON g.rowid = d.rowid").fetchall()),
        "due": due.stored(db),
        "caseload": caseload.stored(db),
        # the caseload's per-family search index (family_search.py), filled by the finish's indexing
        "family": family_search.stored(db),
        "family_words": family_search.terms(db, "family_words"),
        "family_grams": family_search.terms(db, "family_grams"),
        # the FTS tables' settings: the finish's larger term buffer is set back (first_sync._hash_size)
        "fts_config": {t: sorted(db.execute(f"SELECT k, v FROM {t}_config").fetchall())
                       for t in ("search", "search_grams", "family_words", "family_grams")},
    }


def _whole(store: Store) -> None:
    """What the caseworker has when the sync says done agrees with a full recomputation: the
    indexes' build is not waiting, what is due and the caseload are right."""
    db = store.read()
    assert not first_sync.marked(db)
    assert due.stored(db) == sorted(due.compute(db))
    assert caseload.stored(db) == sorted(caseload.compute(db))


def _search_whole(store: Store) -> None:
    """The search indexes agree with a recomputation from the records, and no step is left."""
    db = store.read()
    assert not first_sync.building(db)
    indexed = sorted(db.execute("SELECT d.collection, d.record_id, d.household_id, s.body FROM search_docs d "
                                "JOIN search s ON s.rowid = d.rowid").fetchall())
    wanted = sorted((c, r["id"], r["household_id"], search.body_of(c, r)) for c in CASE_COLLECTIONS
                    for r in store.records(c) if search.body_of(c, r).strip())
    assert indexed == wanted
    assert family_search.stored(db) == {hid: texts for hid, (_w, _g, texts) in family_search.compute(db).items()}
    for table in ("family_words", "family_grams"):
        assert family_search.terms(db, table) == family_search.computed_terms(db, table)


def _build(store: Store, **sizes: int) -> int:
    """The search build's steps (small ones, so that there are many) until none is left; how many ran."""
    steps = 1
    while store.write(lambda tx: first_sync.build_step(tx.db, **sizes)):
        steps += 1
    return steps


def test_a_first_sync_builds_what_the_ordinary_path_keeps(live_server, tmp_path: Path) -> None:
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    new = enrolled_laptop(tmp_path, "new", live_server.base, "anna")  # her second laptop
    try:
        _caseload(anna)
        schema_before = _schema(new)
        assert first_sync.eligible(new.read())
        report = RoundReport()
        seen: list[bool] = []
        # Small pages, so that a family's visits arrive in several of them.
        pull_all(new, link(new), report, limit=7,
                 progress=lambda _p, _n: seen.append(first_sync.marked(new.read())))
        assert report.pulled == FAMILIES * 6 and len(seen) > 3
        assert all(seen)  # every page went by the first-sync path
        assert _schema(new) == schema_before == _schema(anna)  # every index and trigger back, as defined
        _whole(new)  # at "done": what is due and the caseload
        assert first_sync.building(new.read()) and not new.search("Прізвище3")  # the search comes after
        assert _build(new, records=5, families=2) > 5
        _search_whole(new)
        assert _content(new) == _content(anna)  # what anna's laptop built record by record
        assert [h.household_id for h in new.search("Прізвище3")]
        assert not first_sync.eligible(new.read())
        # From now on the ordinary path: an edit on anna's laptop comes over as before.
        vid = next(anna.records("visits", limit=1))["id"]
        anna.write(lambda tx: tx.update("visits", vid, {"notes": "зовсім нова нотатка"}))
        sync_once(anna, transport=lambda _u, _t: link(anna))
        later = RoundReport()
        pull_all(new, link(new), later)
        assert later.pulled == 1 and new.get("visits", vid)["notes"] == "зовсім нова нотатка"
        assert _content(new) == _content(anna)
    finally:
        anna.close()
        new.close()


class DropsAfter(HttpTransport):
    """The real transport, whose link drops after `pages` pages (a failure the engine must survive)."""

    def __init__(self, url: str, token: str | None, pages: int):
        super().__init__(url, token)
        self.left = pages

    def pull(self, cursor: int, limit: int) -> dict[str, Any]:
        if self.left <= 0:
            raise SyncFailure("offline")
        self.left -= 1
        return super().pull(cursor, limit)


def test_a_link_that_drops_half_way_leaves_the_build_done_and_the_next_round_pulls_the_rest(
        live_server, tmp_path: Path) -> None:
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    new = enrolled_laptop(tmp_path, "new", live_server.base, "anna")
    try:
        _caseload(anna)
        report = RoundReport()
        with pytest.raises(SyncFailure):
            pull_all(new, DropsAfter(new.meta("server_url") or "", new.meta("device_token"), 2), report, limit=5)
        held = sum(new.count(c) for c in CASE_COLLECTIONS)
        assert held == report.pulled == 10  # the two pages, committed with their cursor
        _whole(new)  # indexes, due and caseload built for what came
        assert _schema(new) == _schema(anna)
        new.build_search()  # as the program does after a failed round (SyncController._build_search)
        _search_whole(new)
        pull_all(new, link(new), RoundReport(), limit=5)  # the ordinary path from the stored cursor
        _whole(new)
        _search_whole(new)
        assert _content(new) == _content(anna)
    finally:
        anna.close()
        new.close()


_CHILD = """
import os, signal, sys
sys.path[:0] = [{tests!r}]
from fieldapp.store.database import Store
from fieldapp.sync.engine import RoundReport, pull_all
from sync.client import HttpTransport
store = Store.open({folder!r}, {passphrase!r})
visits = [0]

def kill_at(sql):
    # Half-way through the third page's visits (pages of 10: 4 visits a family after its household and person).
    if sql.startswith("INSERT INTO [visits]"):
        visits[0] += 1
        if visits[0] == 16:
            os.kill(os.getpid(), signal.SIGKILL)

store.write(lambda tx: tx.db.conn.set_trace_callback(kill_at))
pull_all(store, HttpTransport(store.meta("server_url"), store.meta("device_token")), RoundReport(), limit=10)
print("not killed")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_kill_half_way_through_a_first_sync_opens_whole_and_resumes(live_server, tmp_path: Path) -> None:
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    new = enrolled_laptop(tmp_path, "new", live_server.base, "anna")
    try:
        _caseload(anna)
        folder, schema = new.folder, _schema(new)
        new.close()
        child = subprocess.run([sys.executable, "-c", _CHILD.format(tests=str(ROOT / "tests"), folder=str(folder),
                                                                   passphrase=PASSPHRASE)],
                               cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
        new = Store.open(folder, PASSPHRASE)  # finishes the build the kill cut short
        _whole(new)
        assert _schema(new) == schema
        held = sorted((c, r["id"]) for c in CASE_COLLECTIONS for r in new.records(c, include_deleted=True))
        assert 0 < len(held) < FAMILIES * 6 and len(held) % 10 == 0  # whole pages only
        # The stored cursor is exactly where the committed records end on the server's feed.
        page = link(new).pull(0, len(held))
        assert str(page["cursor"]) == new.meta(CURSOR_KEY)
        assert sorted((c["record"]["collection"], c["record"]["id"]) for c in page["changes"]) == held
        report = RoundReport()
        pull_all(new, link(new), report, limit=10)
        assert report.pulled == FAMILIES * 6 - len(held)
        _whole(new)
        new.build_search()
        _search_whole(new)
        assert [h.household_id for h in new.search("Прізвище0")]
        assert _content(new) == _content(anna)
    finally:
        anna.close()
        new.close()


def test_writes_during_the_search_build_are_indexed_and_the_build_leaves_them_right(
        live_server, tmp_path: Path) -> None:
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    new = enrolled_laptop(tmp_path, "new", live_server.base, "anna")
    try:
        _caseload(anna)
        sync_once(new, transport=lambda _u, _t: link(new), build_search=False)
        _whole(new)
        assert new.write(lambda tx: first_sync.build_step(tx.db, records=3, families=2))  # part of the households
        visits = [v["id"] for v in new.records("visits")]
        families = [h["id"] for h in new.records("households")]
        # While the build goes on: an edit of a visit not indexed yet, one of a family already indexed,
        # a new visit, a deletion.
        new.write(lambda tx: tx.update("visits", visits[-1], {"notes": "зовсім інша розмова"}))
        new.write(lambda tx: tx.update("households", families[0], {"family_name": "Зюзькевич"}))
        new.write(lambda tx: tx.create("visits", visit(families[1], notes="нова зустріч")))
        new.write(lambda tx: tx.delete("visits", visits[0]))
        assert [h.record_id for h in new.search("розмова")] == [visits[-1]]  # a write indexes its own record
        _build(new, records=3, families=2)
        _search_whole(new)
        assert [h.household_id for h in new.search("Зюзькевич")] == [families[0]]
        assert {h.record_id for h in new.search("нотатка")} == set(visits[1:-1])
    finally:
        anna.close()
        new.close()


_BUILD_CHILD = """
import os, signal, sys
sys.path[:0] = [{tests!r}]
from fieldapp.store import first_sync
from fieldapp.store.database import Store
store = Store.open({folder!r}, {passphrase!r})
seen = [0]

def kill_at(sql):
    if sql.startswith({statement!r}):
        seen[0] += 1
        if seen[0] == {at}:
            os.kill(os.getpid(), signal.SIGKILL)

store.write(lambda tx: tx.db.conn.set_trace_callback(kill_at))
while store.write(lambda tx: first_sync.build_step(tx.db, records=4, families=2)):
    pass
print("not killed")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("statement, at", [
    ("INSERT INTO search_docs", 11),  # in the third step of the households and persons
    ("INSERT INTO family_docs", 3),  # in the second step of the families
])
def test_a_kill_during_the_search_build_resumes_from_its_last_step(live_server, tmp_path: Path, statement: str,
                                                                    at: int) -> None:
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    new = enrolled_laptop(tmp_path, "new", live_server.base, "anna")
    try:
        _caseload(anna)
        sync_once(new, transport=lambda _u, _t: link(new), build_search=False)
        folder = new.folder
        new.close()
        child = subprocess.run([sys.executable, "-c", _BUILD_CHILD.format(
            tests=str(ROOT / "tests"), folder=str(folder), passphrase=PASSPHRASE, statement=statement, at=at)],
            cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert child.returncode == -signal.SIGKILL, child.stdout + child.stderr
        new = Store.open(folder, PASSPHRASE)
        _whole(new)  # what the sync gave stands
        assert first_sync.building(new.read())
        state = new.meta(first_sync.BUILD)
        assert state != '{"records": "households", "after": 0}'  # the committed steps count
        new.build_search()  # from where the last committed step ended
        _search_whole(new)
        assert _content(new) == _content(anna)
    finally:
        anna.close()
        new.close()

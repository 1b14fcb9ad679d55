"""The search indexes' segments are merged in the background by the open program (issue 13: a search
walks every segment): after a sync round that pulled many records, and by the window's own timer for a
profile that never syncs; closing the program stops the merging between two steps. Real window, real
encrypted profiles, a real server on 127.0.0.1."""

from __future__ import annotations

from factories import household, person, visit
from kit import enrolled_laptop, quick_transport

from fieldapp.store import search
from fieldapp.sync.device import sync_once
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.sync.controller import SyncController


def _fragment(store, transactions: int = 8) -> None:
    """One small segment per transaction in every full-text index."""
    for n in range(transactions):
        def write(tx, n=n):
            h = tx.create("households", household(family_name=f"Шаповал{n}"))
            tx.create("persons", person(h["id"], surname="Шаповал", given_name="Олена"))
            tx.create("visits", visit(h["id"], notes="Бабуся забезпечена ліками"))
        store.write(write)


def test_a_standalone_profile_has_its_indexes_merged_by_the_window(qtbot, store):
    _fragment(store)
    db = store.read()
    before = search.search(db, "shapoval", 50)
    fragmented = search.untidy(db)
    assert "search" in fragmented and "family_words" in fragmented
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.tidier.tidy_now()  # what its timer calls a minute after the window opens
    qtbot.waitUntil(lambda: not window.tidier.busy, timeout=30_000)
    assert window.tidier.steps >= len(fragmented)
    assert search.untidy(db) == [] and all(search.segments(db, t) == 1 for t in fragmented)
    assert search.search(db, "shapoval", 50) == before
    window.close()


def test_a_sync_round_that_pulled_records_is_followed_by_a_merge(qtbot, live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    _fragment(anna)
    sync_once(anna, transport=quick_transport)
    other = enrolled_laptop(tmp_path, "other", live_server.base, "anna")  # the same caseworker's new laptop
    _fragment(other, 6)  # its own records, written before its first round
    window = MainWindow(other, sync=SyncController(other, transport=quick_transport))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sync.finished, timeout=30_000):
        window.show()  # the first round starts by itself
    assert window.tidier.steps == 0
    qtbot.waitUntil(lambda: window.tidier.steps > 0 and not window.tidier.busy, timeout=30_000)
    db = other.read()
    assert search.untidy(db) == []
    assert len({h.household_id for h in search.search(db, "shapoval", 50)}) == 14
    window.close()


def test_a_closed_window_merges_nothing_more(qtbot, store):
    _fragment(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.close()
    window.tidier.tidy_now()  # its timer, had it still been running
    assert not window.tidier.busy
    assert search.untidy(store.read())

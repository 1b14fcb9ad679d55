"""A standalone profile says what it is: not "all synced · last sync: never", F5 answers, rows do
not say "synced" (issue 13)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.ui.caseload_model import COL_SYNC
from fieldapp.ui.main_window import MainWindow
from tests.factories import household


def test_a_standalone_profile_says_its_records_stay_on_the_laptop(qtbot, store):
    store.write(lambda tx: tx.create("households", household()))
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    assert "Not connected to a server" in w.sync_label.text() and "synced" not in w.sync_label.text().lower()
    assert w.caseload.index(0, COL_SYNC).data() == "this laptop only"
    qtbot.keyClick(w, Qt.Key.Key_F5)
    assert "not connected to the organisation's server" in w.statusBar().currentMessage()
    w.close()


def test_an_enrolled_laptop_counts_what_waits_and_f5_starts_a_round(qtbot, store):
    store.write(lambda tx: (tx.set_meta("server_url", "https://127.0.0.1:1"), tx.set_meta("device_token", "t")))
    store.write(lambda tx: tx.create("households", household()))
    w = MainWindow(store)
    qtbot.addWidget(w)
    assert "waiting to sync" in w.sync_label.text()
    assert w.caseload.index(0, COL_SYNC).data() != "this laptop only"
    started = []
    w.sync.started.connect(lambda: started.append(True))
    w.sync_now()
    assert started == [True]
    w.sync.stop()
    w.close()

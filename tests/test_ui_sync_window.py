"""The main window with sync: a first round by itself, the supervisor's and caseworker's tabs,
and a revoked laptop wiping itself (real server on 127.0.0.1, real encrypted profiles)."""

from __future__ import annotations

from factories import household, visit
from kit import enrolled_laptop, quick_transport
from PySide6.QtWidgets import QMessageBox

from fieldapp.store.database import DB_FILE
from fieldapp.sync.device import sync_once, wiped_reason
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.sync.controller import SyncController
from sync.server import admin


def window_for(qtbot, store):
    window = MainWindow(store, sync=SyncController(store, transport=quick_transport))  # no waits between retries
    qtbot.addWidget(window)
    return window


def tab_titles(window):
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_supervisor_reviews_and_the_caseworker_sees_the_return(qtbot, live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    h = anna.write(lambda tx: tx.create("households", household(family_name="Петренко")))
    v = anna.write(lambda tx: tx.create("visits", visit(h["id"], review_status="submitted")))
    sync_once(anna, transport=quick_transport)

    boss = window_for(qtbot, sofia)
    assert "Review" in tab_titles(boss)
    with qtbot.waitSignal(boss.sync.finished, timeout=30_000):  # the first round starts by itself
        boss.show()
    qtbot.waitUntil(lambda: boss.review_view.model.rowCount() == 1)  # the queue is read off the GUI thread
    boss.review_view.table.selectRow(0)
    sofia.write(lambda tx: tx.review("visits", v["id"], "returned", "Уточніть тривалість візиту."))
    with qtbot.waitSignal(boss.sync.finished, timeout=30_000):
        boss.sync.sync_now()
    assert sofia.pending_count() == 0

    worker = window_for(qtbot, anna)
    assert "Review" not in tab_titles(worker)
    with qtbot.waitSignal(worker.sync.finished, timeout=30_000):
        worker.show()
    assert "Returned (1)" in tab_titles(worker)
    assert "Уточніть тривалість візиту." in worker.returned_view.list.item(0).text()
    assert "Synced" in worker.statusBar().currentMessage()
    boss.close()
    worker.close()


def test_revoked_laptop_wipes_itself_and_says_why(qtbot, live_server, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args[2]))
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    anna.write(lambda tx: tx.create("households", household()))
    window = window_for(qtbot, anna)
    with qtbot.waitSignal(window.sync.finished, timeout=30_000):
        window.show()
    admin.revoke_device(live_server.engine, anna.device_id)
    with qtbot.waitSignal(window.sync.revoked, timeout=30_000):
        window.sync.sync_now()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert said and "revoked this laptop" in said[0]
    assert not (tmp_path / "anna" / DB_FILE).exists()
    assert wiped_reason(tmp_path / "anna")["reason"] == "device_revoked"


def test_warning_when_the_caseload_grows_past_the_threshold(qtbot, live_server, tmp_path):
    from fieldapp.provisioning import Provisioning
    from fieldapp.settings import Settings

    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    settings = Settings(tmp_path / "config", Provisioning())
    settings.set("caseload_warning", 10)
    anna.write(lambda tx: [tx.create("households", household()) for _ in range(11)])
    window = MainWindow(anna, settings=settings, sync=SyncController(anna, transport=quick_transport))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sync.finished, timeout=30_000):
        window.show()
    assert window.caseload_warning.isVisible()
    assert "11 families on this laptop (more than 10)" in window.caseload_warning.text()
    window.close()

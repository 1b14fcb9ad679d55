"""The conflicts and rejected-changes screens, driven with real widgets over a real server."""

from __future__ import annotations

from factories import household, visit
from kit import enrolled_laptop, quick_transport
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.sync.device import sync_once
from fieldapp.ui.sync.issues import SyncIssuesDialog


def sync(store):
    return sync_once(store, transport=quick_transport)


def clash(live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    h = anna.write(lambda tx: tx.create("households", household(family_name="Ковальчук")))
    sync(anna)
    sync(sofia)
    anna.write(lambda tx: tx.update("households", h["id"], {"address": "вул. Миру 2", "phone": "+380 50 000 0001"}))
    sofia.write(lambda tx: tx.update("households", h["id"], {"address": "вул. Миру 4", "phone": "+380 50 000 0002"}))
    sync(anna)
    sync(sofia)
    return anna, sofia, h


def test_choose_per_field_and_the_choice_syncs_back(qtbot, live_server, tmp_path):
    anna, sofia, h = clash(live_server, tmp_path)
    dialog = SyncIssuesDialog(sofia)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.conflicts
    assert page.list.count() == 1 and "Ковальчук" in page.list.item(0).text()
    assert dialog.tabs.tabText(0) == "Conflicts (1)"
    rows = {page.table.item(r, 0).text(): [page.table.item(r, c).text() for c in (2, 3)]
            for r in range(page.table.rowCount())}
    assert rows == {"Address": ["вул. Миру 4", "вул. Миру 2"], "Phone": ["+380 50 000 0002", "+380 50 000 0001"]}
    page.choose("address", "mine")  # Sofia's address, Anna's phone
    qtbot.mouseClick(page.apply, Qt.MouseButton.LeftButton)
    assert page.list.count() == 0 and page.empty.isVisibleTo(page)
    assert dialog.tabs.tabText(0) == "Conflicts (0)"
    sync(sofia)
    sync(anna)
    for store in (anna, sofia):
        got = store.get("households", h["id"])
        assert (got["address"], got["phone"]) == ("вул. Миру 4", "+380 50 000 0001")
    dialog.grab().save(str(tmp_path / "conflicts.png"))


def test_rejected_change_shows_why_and_sends_again(qtbot, live_server, tmp_path, monkeypatch):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    h = anna.write(lambda tx: tx.create("households", household(family_name="Гнатюк")))
    v = anna.write(lambda tx: tx.create("visits", visit(h["id"], review_status="submitted")))
    sync(anna)
    sync(sofia)
    sofia.write(lambda tx: tx.update("visits", v["id"], {"review_status": "approved"}))
    sync(sofia)
    anna.write(lambda tx: tx.update("visits", v["id"], {"notes": "додано після затвердження"}))
    sync(anna)

    dialog = SyncIssuesDialog(anna)
    qtbot.addWidget(dialog)
    dialog.show()
    page = dialog.refused
    assert dialog.tabs.tabText(1) == "Not accepted (1)"
    assert "Visit of Гнатюк" in page.list.item(0).text()
    assert "approved this record" in page.details.text() and "додано після затвердження" in page.details.text()
    # Discarding asks first; saying no keeps it.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.discard, Qt.MouseButton.LeftButton)
    assert page.list.count() == 1
    sofia.write(lambda tx: tx.update("visits", v["id"], {"review_status": "returned"}))
    sync(sofia)
    qtbot.mouseClick(page.send, Qt.MouseButton.LeftButton)
    assert page.list.count() == 0 and dialog.tabs.tabText(1) == "Not accepted (0)"
    assert sync(anna).rejected == 0
    sync(sofia)
    assert sofia.get("visits", v["id"])["notes"] == "додано після затвердження"


def test_empty_states(qtbot, store):
    dialog = SyncIssuesDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.conflicts.empty.isVisible() and not dialog.conflicts.splitter.isVisible()
    assert dialog.refused.empty.isVisibleTo(dialog.refused)

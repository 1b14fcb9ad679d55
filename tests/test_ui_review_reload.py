"""The review queue decides the record the supervisor saw, while syncs reload it underneath:
a real server on 127.0.0.1, a caseworker's laptop and a supervisor's, real widgets."""

from __future__ import annotations

import pytest
from factories import household, visit
from kit import enrolled_laptop, quick_transport
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp.store.review import history
from fieldapp.sync.device import sync_once
from fieldapp.ui import background
from fieldapp.ui.supervisor.review_queue import ReturnDialog, ReviewQueueView


def sync(store):
    sync_once(store, transport=quick_transport)


@pytest.fixture
def team(live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    h1 = anna.write(lambda tx: tx.create("households", household(family_name="Савчук")))
    h2 = anna.write(lambda tx: tx.create("households", household(family_name="Мельник")))
    visits = [anna.write(lambda tx, h=h, d=d: tx.create("visits", visit(
        h["id"], review_status="submitted", started_at=f"2026-10-0{d}T10:00:00+00:00")))
        for h, d in ((h1, 1), (h2, 2))]
    sync(anna)
    sync(sofia)
    yield anna, sofia, visits, h1
    background.wait()
    anna.close()
    sofia.close()


def dialog_open():
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, ReturnDialog) and w.isVisible()), None)


def test_the_returned_record_is_the_one_selected_though_a_sync_reloads_the_queue(qtbot, team):
    anna, sofia, (first, second), h1 = team
    view = ReviewQueueView(sofia)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert view.bar.count.text().startswith("2 record")  # the count (English plural from the .ts file)
    view.table.selectRow(1)  # the supervisor reads the second family's visit
    assert [i.record_id for i in view.selected()] == [second["id"]]
    comment = "Опишіть, як дитина пояснила синці."

    def answer():
        dialog = dialog_open()
        assert "Мельник" in dialog.about.text()
        # Meanwhile the caseworker submits a visit with a safety concern, and a sync round
        # brings it: the queue reloads with it on top, under the open dialog.
        anna.write(lambda tx: tx.create("visits", visit(
            h1["id"], review_status="submitted", safety_concern=True, safety_details="страх",
            started_at="2026-10-03T10:00:00+00:00")))
        sync(anna)
        sync(sofia)
        view.reload()  # as the main window does after every round
        qtbot.waitUntil(lambda: view.model.rowCount() == 3)
        assert view.model.items[0].safety_concern  # the new record is on top
        assert dialog.isVisible()
        assert [i.record_id for i in view.selected()] == [second["id"]]  # the selection stayed
        dialog.comment.setFocus()
        dialog.comment.insertPlainText(comment)  # typed into the comment box
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(view.reviewed, timeout=20_000):
        qtbot.mouseClick(view.send_back, Qt.MouseButton.LeftButton)
    # On the laptop: exactly the selected record went back, with the comment.
    assert sofia.get("visits", second["id"])["review_status"] == "returned"
    assert sofia.get("visits", first["id"])["review_status"] == "submitted"
    assert [r["comment"] for r in history(sofia, "visits", second["id"])] == [comment]
    assert history(sofia, "visits", first["id"]) == []
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    # On the server: the caseworker's laptop receives the return of that record only.
    sync(sofia)
    sync(anna)
    assert anna.get("visits", second["id"])["review_status"] == "returned"
    assert anna.get("visits", first["id"])["review_status"] == "submitted"
    assert [r["comment"] for r in history(anna, "visits", second["id"])] == [comment]


def test_a_record_changed_while_deciding_is_shown_anew_not_decided(qtbot, team, monkeypatch):
    anna, sofia, (first, second), _h1 = team
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[1]))  # Qt's box, not ours
    view = ReviewQueueView(sofia)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    view.table.selectRow(0)
    assert [i.record_id for i in view.selected()] == [first["id"]]

    def answer():
        dialog = dialog_open()
        # The caseworker corrects the visit; the supervisor's laptop receives the new version,
        # but the queue has not reloaded yet when she confirms.
        anna.write(lambda tx: tx.update("visits", first["id"], {"notes": "Уточнено: мати була вдома."}))
        sync(anna)
        sync(sofia)
        dialog.comment.setPlainText("Додайте, хто був присутній.")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(view.send_back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said))
    assert said == ["Changed while you were reading"]
    assert sofia.get("visits", first["id"])["review_status"] == "submitted"  # nothing decided
    assert history(sofia, "visits", first["id"]) == []
    # The same record stays selected and shows its new version, marked as such.
    qtbot.waitUntil(lambda: "Уточнено" in view.details.toPlainText())
    assert [i.record_id for i in view.selected()] == [first["id"]]
    assert "this is the new version" in view.details.toPlainText()

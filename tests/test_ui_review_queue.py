"""The supervisor's review queue, driven with real widgets on a real encrypted store."""

from __future__ import annotations

import pytest
from factories import household, visit
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from casework.ids import new_id
from fieldapp.store.errors import DiskFull
from fieldapp.store.review import history
from fieldapp.ui import background
from fieldapp.ui.supervisor.review_queue import ReturnDialog, ReviewQueueView


@pytest.fixture(autouse=True)
def background_done(store):
    """The views read off the GUI thread: no reading may outlive the test's store."""
    yield
    background.wait()


def _pulled(store, collection, fields):
    """A record as a supervisor's laptop has it: pulled from the server, written by a caseworker
    (a supervisor may not approve what she wrote herself)."""
    rid = new_id()
    record = {**fields, "id": rid, "collection": collection, "version": 1, "deleted": False,
              "household_id": rid if collection == "households" else fields["household_id"],
              "updated_by": "caseworker-anna", "updated_at": "2026-10-01T10:00:00+00:00"}
    store.write(lambda tx: tx.apply_remote(record))
    return store.get(collection, rid)


def submitted(store, n=3, concern_at=None):
    h = _pulled(store, "households", household(family_name="Савчук"))
    made = []
    for i in range(n):
        extra = {"safety_concern": True, "safety_details": "дитина налякана"} if i == concern_at else {}
        made.append(_pulled(store, "visits", visit(
            h["id"], review_status="submitted", started_at=f"2026-10-0{i + 1}T10:00:00+00:00", **extra)))
    return made


def test_model_passes_the_model_tester(qtbot, qtmodeltester, store):
    submitted(store, concern_at=2)
    view = ReviewQueueView(store)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)  # read off the GUI thread
    qtmodeltester.check(view.model)


def test_concern_first_approve_several_return_one(qtbot, store):
    visits = submitted(store, n=3, concern_at=2)
    view = ReviewQueueView(store)
    qtbot.addWidget(view)
    view.show()
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert [i.record_id for i in model.items] == [visits[2]["id"], visits[0]["id"], visits[1]["id"]]
    assert "⚠" in model.index(0, 0).data()
    assert "дитина налякана" in view.details.toPlainText()

    selection = view.table.selectionModel()
    selection.clearSelection()
    for row in (1, 2):
        selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    assert view.approve.text() == "&Approve 2"
    with qtbot.waitSignal(view.reviewed):
        qtbot.mouseClick(view.approve, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert [i.record_id for i in model.items] == [visits[2]["id"]]
    assert store.get("visits", visits[0]["id"])["review_status"] == "approved"

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReturnDialog) and w.isVisible())
        assert not dialog.ok.isEnabled()  # a return must say why
        dialog.comment.setPlainText("Опишіть, що саме налякало дитину.")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    view.table.selectRow(0)
    QTimer.singleShot(0, answer)
    qtbot.mouseClick(view.send_back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 0 and view.empty.isVisibleTo(view))
    assert store.get("visits", visits[2]["id"])["review_status"] == "returned"
    assert history(store, "visits", visits[2]["id"])[0]["comment"] == "Опишіть, що саме налякало дитину."
    # Three review decisions and three status changes, all waiting to sync.
    assert sum(1 for e in store.outbox() if e.collection == "reviews") == 3


def test_reopen_an_approved_record_with_a_reason(qtbot, store):
    (v,) = submitted(store, n=1)
    store.write(lambda tx: tx.review("visits", v["id"], "approved"))
    view = ReviewQueueView(store)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.busy)
    assert view.model.rowCount() == 0
    view.bar.mode.setCurrentIndex(view.bar.mode.findData("approved"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert not view.approve.isVisible()
    assert view.send_back.text() == "&Reopen with a reason…"

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReturnDialog) and w.isVisible())
        assert dialog.windowTitle() == "Reopen an approved record"
        dialog.comment.setPlainText("Дата візиту помилкова.")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    view.table.selectRow(0)
    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(view.reviewed):
        qtbot.mouseClick(view.send_back, Qt.MouseButton.LeftButton)
    assert store.get("visits", v["id"])["review_status"] == "returned"
    assert [r.get("comment") for r in history(store, "visits", v["id"])][-1] == "Дата візиту помилкова."
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)


def test_a_full_disk_says_why_and_the_queue_stays(qtbot, store, monkeypatch):
    made = submitted(store, n=2)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))  # Qt's box, not ours
    view = ReviewQueueView(store)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    # A real SQLITE_FULL: the file may not grow, and a long comment needs new pages.
    pages = store.read().execute("PRAGMA page_count").fetchone()[0]
    store.write(lambda tx: tx.db.execute(f"PRAGMA max_page_count = {pages}"))
    comment = "Уточніть, що саме сталося під час візиту. " * 400  # under the 20,000 a comment may have

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReturnDialog) and w.isVisible())
        dialog.comment.setPlainText(comment)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    view.table.selectAll()
    QTimer.singleShot(0, answer)
    qtbot.mouseClick(view.send_back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said))
    assert said == [DiskFull.text[1]]
    assert view.model.rowCount() == 2 and view.send_back.isEnabled()
    assert {store.get("visits", v["id"])["review_status"] for v in made} == {"submitted"}
    assert not history(store, "visits", made[0]["id"])


def test_filters_count_caseworker_column_returned_list_and_next_after_a_decision(qtbot, store):
    from fieldapp.store.team import remember_names

    remember_names(store, [{"id": "u-anna", "display_name": "Анна Коваль", "role": "caseworker"},
                           {"id": "u-bohdan", "display_name": "Богдан Ткач", "role": "caseworker"}])
    mine = _pulled(store, "households", household(family_name="Савчук", caseworker_id="u-anna"))
    theirs = _pulled(store, "households", household(family_name="Мельник", caseworker_id="u-bohdan"))
    a1, a2 = (_pulled(store, "visits", visit(mine["id"], review_status="submitted",
                                             started_at=f"2026-10-0{d}T10:00:00+00:00")) for d in (1, 2))
    b1 = _pulled(store, "visits", visit(theirs["id"], review_status="submitted", safety_concern=True,
                                        safety_details="синці", started_at="2026-10-03T10:00:00+00:00"))
    view = ReviewQueueView(store)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    assert view.model.index(0, 3).data() == "Богдан Ткач" and view.model.index(1, 3).data() == "Анна Коваль"
    bar = view.bar
    bar.caseworker.setCurrentIndex(bar.caseworker.findData("u-anna"))
    assert [i.record_id for i in view.model.items] == [a1["id"], a2["id"]]
    assert bar.count.text().startswith("2 of 3")
    bar.caseworker.setCurrentIndex(0)
    bar.concern.setChecked(True)
    assert [i.record_id for i in view.model.items] == [b1["id"]]
    bar.concern.setChecked(False)
    bar.kind.setCurrentIndex(bar.kind.findData("plans"))
    assert view.model.rowCount() == 0 and view.empty.isVisibleTo(view)
    bar.kind.setCurrentIndex(0)
    # Keyboard review: approve with the mnemonic; the next record is selected, ready to read.
    view.table.selectRow(1)
    view.table.setFocus()
    with qtbot.waitSignal(view.reviewed):
        qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert store.get("visits", a1["id"])["review_status"] == "approved"
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert [i.record_id for i in view.selected()] == [a2["id"]]
    # The returned-and-waiting list: what went back and still waits for the caseworker's fix.
    store.write(lambda tx: tx.review("visits", b1["id"], "returned", "Опишіть синці докладно."))
    bar.mode.setCurrentIndex(bar.mode.findData("returned"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.items[0].record_id == b1["id"] and view.model.items[0].comment == "Опишіть синці докладно."
    assert not view.approve.isVisible() and not view.send_back.isVisible()

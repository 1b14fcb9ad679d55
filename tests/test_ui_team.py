"""The supervisor's team overview: numbers from the synced records, laptops from the server."""

from __future__ import annotations

import datetime as dt

import pytest
from factories import household, visit
from kit import enrolled_laptop, quick_transport
from PySide6.QtCore import Qt

from fieldapp.sync.device import sync_once
from fieldapp.ui import background
from fieldapp.ui.supervisor.team_view import COLUMNS, FamiliesDialog, TeamView


@pytest.fixture(autouse=True)
def background_done():
    """The views read off the GUI thread: no reading may outlive the test's store."""
    yield
    background.wait()


def test_team_numbers_and_the_families_behind_them(qtbot, live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    late = anna.write(lambda tx: tx.create("households", household(family_name="Запізненко",
                                                                   identified_on="2026-11-02")))
    anna.write(lambda tx: tx.create("visits", visit(late["id"], started_at="2026-11-03T10:00:00+00:00",
                                                    next_visit_on="2026-11-10")))
    fine = anna.write(lambda tx: tx.create("households", household(family_name="Вчасненко",
                                                                   identified_on="2026-11-19")))
    anna.write(lambda tx: tx.create("assessments", {"household_id": fine["id"], "started_on": "2026-11-19",
                                                    "review_status": "draft"}))
    sync_once(anna, transport=quick_transport)
    sync_once(sofia, transport=quick_transport)

    view = TeamView(sofia, today=dt.date(2026, 11, 20), transport=quick_transport)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: any(view.table.item(r, 0).text() == "anna" for r in range(view.table.rowCount())),
                    timeout=20_000)
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == "anna")
    numbers = {key: view.table.item(row, col).text() for col, key in enumerate(COLUMNS, start=1)}
    assert numbers == {"caseload": "2", "visits_month": "1", "overdue": "1", "assessments_late": "1",
                       "conflicts": "0"}
    assert view.families_behind(row, "overdue") == [late["id"]]
    assert "never" not in view.table.item(row, len(COLUMNS) + 1).text()  # anna's laptop has synced

    # A number opens the families behind it, their names read off the GUI thread.
    col = 1 + COLUMNS.index("overdue")
    view.table.setCurrentCell(row, col)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.findChild(FamiliesDialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    assert dialog.list.item(0).text() == f"Запізненко ({late['case_number']})"
    with qtbot.waitSignal(view.open_household) as opened:
        dialog.list.itemActivated.emit(dialog.list.item(0))
    assert opened.args == [late["id"]]

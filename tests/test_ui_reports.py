"""The reports screen on a laptop's own records (real store, generated data)."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from factories import household, person, visit
from PySide6.QtCore import Qt

from fieldapp.ui import background
from fieldapp.ui.supervisor.reports_view import ReportsView, last_month


@pytest.fixture(autouse=True)
def background_done(store):
    """The views read off the GUI thread: no reading may outlive the test's store."""
    yield
    background.wait()


def test_last_month():
    p = last_month(dt.date(2026, 3, 15))
    assert (p.start, p.end) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))


def test_report_from_the_laptops_records_and_its_export(qtbot, store, tmp_path):
    names = []
    for i in range(6):
        h = store.write(lambda tx: tx.create("households", household(identified_on="2026-09-01")))
        kid = store.write(lambda tx, h=h: tx.create("persons", person(h["id"], birth_date="2018-01-01")))
        store.write(lambda tx, h=h, i=i: tx.create("visits", visit(h["id"], started_at=f"2026-10-1{i}T10:00:00+00:00")))
        names += [h["family_name"], h["address"], kid["surname"], kid["given_name"]]
    view = ReportsView(store, lang="en", organisation="Громадська організація «Поруч»")
    qtbot.addWidget(view)
    view.start.set_value("2026-10-01")
    view.end.set_value("2026-10-31")
    view.threshold.setValue(5)
    qtbot.mouseClick(view.make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "6 children from 6 families" in view.preview.toPlainText())  # made off the GUI thread
    text = view.preview.toPlainText()
    assert view.report.headline["visits"] == 6
    view.export("csv", tmp_path / "r.csv")
    exported = (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert ["Families monitored", "6"] in list(csv.reader(exported.splitlines()))
    for name in names:
        assert name not in exported and name not in text
    view.threshold.setValue(10)
    qtbot.mouseClick(view.make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "x children from x families" in view.preview.toPlainText())


def test_period_backwards_is_explained(qtbot, store):
    view = ReportsView(store, lang="en")
    qtbot.addWidget(view)
    view.start.set_value("2026-10-31")
    view.end.set_value("2026-10-01")
    qtbot.mouseClick(view.make, Qt.MouseButton.LeftButton)
    assert "ends before it starts" in view.preview.toPlainText()
    assert not any(b.isEnabled() for b in view.export_buttons)


def test_charts_hide_small_counts(qtbot, store):
    for i in range(7):
        h = store.write(lambda tx: tx.create("households", household(identified_on="2026-09-01")))
        store.write(lambda tx, h=h: tx.create("persons", person(h["id"], birth_date="2020-01-01")))
        store.write(lambda tx, h=h, i=i: tx.create("visits", visit(
            h["id"], type="crisis" if i == 0 else "monitoring", started_at=f"2026-10-1{i}T10:00:00+00:00")))
    view = ReportsView(store, lang="en")
    qtbot.addWidget(view)
    view.start.set_value("2026-10-01")
    view.end.set_value("2026-10-31")
    qtbot.mouseClick(view.make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy)  # made off the GUI thread
    visits = {label: (value, shown) for label, value, shown in view.charts[0].rows}
    assert visits["Crisis"] == (0, "x")  # one crisis visit: hidden, no bar
    # ... and the 6 beside it too: with the 7 visits the report shows, 6 would give the 1 away.
    assert visits["Scheduled monitoring"] == (0, "x")
    children = {label: shown for label, _v, shown in view.charts[1].rows}
    assert children["5-11"] == "7"
    view.resize(1000, 700)
    view.show()
    view.grab()  # the charts paint without a warning

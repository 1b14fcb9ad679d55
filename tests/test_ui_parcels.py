"""Sync → Export a parcel… / Import a parcel… in the real main window (real server on 127.0.0.1,
real encrypted profiles, real parcel files; the file dialogs are replaced by the chosen path)."""

from __future__ import annotations

import pytest
from factories import household, visit
from kit import enrolled_laptop, quick_transport
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from fieldapp.store.database import DB_FILE
from fieldapp.sync.device import wiped_reason
from fieldapp.ui import background
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.sync.controller import SyncController
from sync.server import admin
from sync.server.parcels import import_parcel as server_import


@pytest.fixture(autouse=True)
def synchronous():
    background.set_synchronous(True)
    yield
    background.set_synchronous(False)


def opened(qtbot, store):
    window = MainWindow(store, sync=SyncController(store, transport=quick_transport))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sync.finished, timeout=30_000):  # the first round, by network
        window.show()
    return window


def trigger(window, name: str) -> None:
    window.findChild(QAction, name).trigger()


def said(window) -> str:
    return window.parcels.message.text()


def test_export_then_import_settles_the_outbox_and_says_so(qtbot, live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    window = opened(qtbot, anna)
    h = anna.write(lambda tx: tx.create("households", household(family_name="Шевчук")))
    anna.write(lambda tx: tx.create("visits", visit(h["id"])))
    stick = tmp_path / "stick"
    stick.mkdir()
    window.parcels.choose_save = lambda parent, title, suggested: str(stick / suggested.rsplit("/", 1)[-1])
    trigger(window, "exportParcel")
    [parcel] = list(stick.iterdir())
    assert parcel.name.startswith("fieldapp-to-server-") and "Шевчук" not in parcel.name
    assert "(2 change" in said(window) and anna.pending_count() == 2
    back = server_import(live_server.engine, parcel.read_bytes(), server_id=live_server.app.state.server_id)
    reply = stick / back.file_name
    reply.write_bytes(back.reply)
    window.parcels.choose_open = lambda parent, title, suggested: str(reply)
    trigger(window, "importParcel")
    assert "2 change" in said(window) and "settled" in said(window)
    assert anna.pending_count() == 0
    assert "Nothing waiting to sync" in window.sync_label.text()
    trigger(window, "importParcel")  # the same file again
    assert "imported already" in said(window) and window.parcels.message.icon() == QMessageBox.Icon.Warning
    cut = stick / "cut.parcel"
    cut.write_bytes(back.reply[:100])
    window.parcels.choose_open = lambda parent, title, suggested: str(cut)
    trigger(window, "importParcel")
    assert "incomplete" in said(window)
    window.close()


def test_a_supervisor_hands_in_a_team_laptop_s_parcel_and_saves_its_answer(qtbot, live_server, tmp_path):
    from fieldapp.sync.parcels import export_parcel, import_parcel

    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    anna.write(lambda tx: tx.create("households", household()))
    out = export_parcel(anna)
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / out.file_name).write_bytes(out.data)
    window = opened(qtbot, sofia)
    window.parcels.transport = quick_transport
    asked = []
    window.parcels.confirm = lambda parent, question: asked.append(question) or True
    window.parcels.choose_open = lambda parent, title, suggested: str(stick / out.file_name)
    trigger(window, "importParcel")
    assert asked and "neither" in asked[0]
    [reply] = [p for p in stick.iterdir() if p.name.startswith("fieldapp-to-laptop-")]
    assert reply.name in said(window)
    assert import_parcel(anna, reply.read_bytes()).round.applied == 1
    window.close()


def test_a_return_parcel_that_revokes_the_laptop_wipes_it(qtbot, live_server, tmp_path, monkeypatch):
    from fieldapp.sync.parcels import export_parcel

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    window = opened(qtbot, anna)
    window.sync.stop()
    anna.write(lambda tx: tx.create("households", household()))
    out = export_parcel(anna)
    admin.revoke_device(live_server.engine, anna.device_id)
    back = server_import(live_server.engine, out.data, server_id=live_server.app.state.server_id)
    reply = tmp_path / back.file_name
    reply.write_bytes(back.reply)
    window.parcels.choose_open = lambda parent, title, suggested: str(reply)
    trigger(window, "importParcel")
    assert shown and "revoked" in shown[0]
    assert not (tmp_path / "anna" / DB_FILE).exists()
    assert wiped_reason(tmp_path / "anna")["reason"] == "device_revoked"

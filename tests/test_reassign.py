"""Reassignment by a supervisor, in the program: one or all families of a caseworker to another
of the team, with a handover note the new caseworker reads, the history of specialists kept;
on a real server with three laptops, and through the Team tab's dialog."""

from __future__ import annotations

import datetime as dt

from factories import household
from kit import enrolled_laptop, quick_transport
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.store.handover import handover_note, reassign
from fieldapp.store.team import remember_names
from fieldapp.sync.device import sync_once
from fieldapp.ui import background
from fieldapp.ui.supervisor.returned_view import ReturnedView
from fieldapp.ui.supervisor.team_view import TeamView

TODAY = dt.date.today()


def sync(store):
    sync_once(store, transport=quick_transport)


def test_all_of_annas_families_move_to_boris_with_the_note(qtbot, live_server, tmp_path):
    users = live_server.world.users
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    boris = enrolled_laptop(tmp_path, "boris", live_server.base, "boris")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    families = [anna.write(lambda tx, n=n: tx.create("households", household(
        family_name=n, specialists=[{"name": "Анна", "user_id": users["anna"], "from": "2026-03-02", "until": None}])))
        for n in ("Савчук", "Мельник", "Бондар")]
    sync(anna)
    sync(sofia)
    # The names the Team tab keeps from the server (GET /team), as it does when it is shown.
    from sync.client import HttpTransport
    link = HttpTransport(sofia.meta("server_url"), sofia.meta("device_token"))
    remember_names(sofia, link.team())
    link.close()

    view = TeamView(sofia, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: any(m.user_id == users["anna"] for m in view.members))
    row = next(r for r, m in enumerate(view.members) if m.user_id == users["anna"])
    assert view.table.item(row, 0).text() == "anna"  # a name (server_kit's display name is the username)
    view.table.selectRow(row)
    dialog = view.open_reassign()
    assert dialog.list.count() == 3 and dialog.every.isChecked()
    offered = {dialog.target.itemData(i) for i in range(dialog.target.count())}
    assert offered == {users["boris"], users["pavlo"]}  # the team's other caseworkers, not petro of South
    dialog.target.setCurrentIndex(dialog.target.findData(users["boris"]))
    note = "Мати працює до 17:00; наступний візит погоджено на 5 листопада."
    dialog.note.setPlainText(note)
    with qtbot.waitSignal(dialog.done, timeout=10_000) as moved:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert moved.args == [3]
    background.wait()
    sync(sofia)
    sync(boris)
    sync(anna)
    for f in families:
        on_boris = boris.get("households", f["id"])
        assert on_boris is not None and on_boris["caseworker_id"] == users["boris"]
        assert handover_note(on_boris, users["boris"]) == note  # the new caseworker reads the note
        history = on_boris["specialists"]
        assert [s.get("user_id") for s in history] == [users["anna"], users["boris"]]
        assert history[0]["until"] == TODAY.isoformat() and history[1]["from"] == TODAY.isoformat()
        assert anna.get("households", f["id"]) is None  # gone from the laptop of the one who left
    # Boris's Returned tab puts the families handed to him, with the note, on top.
    returned = ReturnedView(boris)
    qtbot.addWidget(returned)
    assert returned.handed.isVisibleTo(returned) and note in returned.handed.text()
    assert "Савчук" in returned.handed.text()
    other = ReturnedView(anna)
    qtbot.addWidget(other)
    assert other.handed.isHidden()  # anna's laptop no longer holds them
    for _ in range(3):  # the Team tab's reload after the move, and its question to the server
        background.wait()
        QApplication.processEvents()
    for s in (anna, boris, sofia):
        s.close()


def test_one_family_and_a_caseworker_of_another_team_is_refused(live_server, tmp_path):
    users = live_server.world.users
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    one, two = (anna.write(lambda tx: tx.create("households", household())) for _ in range(2))
    sync(anna)
    sync(sofia)
    assert sofia.write(lambda tx: reassign(tx, [one["id"]], users["boris"], "boris", "", TODAY)) == 1
    assert sofia.write(lambda tx: reassign(tx, [two["id"]], users["petro"], "petro", "", TODAY)) == 1
    report = sync_once(sofia, transport=quick_transport)
    assert report.rejected == 1  # petro is of the South team: the server refuses, and says so
    assert sofia.get("households", one["id"])["caseworker_id"] == users["boris"]
    sync(anna)
    assert anna.get("households", one["id"]) is None and anna.get("households", two["id"]) is not None
    anna.close()
    sofia.close()

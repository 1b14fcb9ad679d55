"""The app's sync controller: rounds off the GUI thread, outcomes as signals, typing goes on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from factories import household, visit
from kit import FAST_KDF, PASSPHRASE, no_retry_transport
from PySide6.QtWidgets import QLineEdit

sys.path.insert(0, str(Path(__file__).parent / "server"))
from server_kit import PASSWORD  # noqa: E402

from fieldapp.store.database import Store  # noqa: E402
from fieldapp.sync.device import enrol  # noqa: E402
from fieldapp.ui.sync.controller import SyncController  # noqa: E402
from sync.server import admin  # noqa: E402


@pytest.fixture
def enrolled(live_server, tmp_path):
    store = Store.create(tmp_path / "anna", PASSPHRASE, kdf=FAST_KDF)
    enrol(store, live_server.base, "anna", PASSWORD)
    yield store
    store.close()


def test_a_round_runs_off_the_gui_thread_while_typing_goes_on(qtbot, enrolled):
    def write(tx):
        for _ in range(150):
            h = tx.create("households", household())
            for _ in range(4):
                tx.create("visits", visit(h["id"]))
    enrolled.write(write)
    controller = SyncController(enrolled, transport=no_retry_transport)
    field = QLineEdit()
    qtbot.addWidget(field)
    phases = []
    controller.progress.connect(lambda phase, n: phases.append(phase))
    with qtbot.waitSignal(controller.finished, timeout=60_000) as done:
        controller.sync_now()
        assert controller.running
        qtbot.keyClicks(field, "still typing")  # the event loop is free while the round runs
        enrolled.write(lambda tx: tx.create("households", household()))  # and so is the writer
    assert field.text() == "still typing"
    report = done.args[0]
    assert report.pushed >= 750 and "push" in phases
    assert not controller.running
    # The household saved during the round is pushed by the next one.
    with qtbot.waitSignal(controller.finished, timeout=60_000):
        controller.sync_now()
    assert enrolled.pending_count() == 0
    controller.stop()


def test_offline_is_a_sentence_and_a_later_retry(qtbot, tmp_path):
    store = Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF)
    store.write(lambda tx: [tx.set_meta("server_url", "http://127.0.0.1:9"), tx.set_meta("device_token", "x")])
    controller = SyncController(store, transport=no_retry_transport)
    with qtbot.waitSignal(controller.failed, timeout=30_000) as failed:
        controller.sync_now()
    code, sentence = failed.args
    assert code == "offline" and "will be sent when the connection returns" in sentence
    assert controller.next_round_scheduled, "a failed round schedules another"
    controller.stop()
    store.close()


def test_revoked_laptop_is_reported(qtbot, live_server, enrolled):
    admin.revoke_device(live_server.engine, enrolled.device_id)
    controller = SyncController(enrolled, transport=no_retry_transport)
    with qtbot.waitSignal(controller.revoked, timeout=30_000) as revoked:
        controller.sync_now()
    controller.stop()
    # The sync worker told the server before the window wipes (the GUI never waits on the network).
    assert revoked.args == [True]
    (device,) = [d for d in admin.list_devices(live_server.engine) if d["device_id"] == enrolled.device_id]
    assert device["wipe_confirmed_at"] is not None


def test_not_enrolled_says_so(qtbot, store):
    controller = SyncController(store, transport=no_retry_transport)
    with qtbot.waitSignal(controller.failed, timeout=5_000) as failed:
        controller.sync_now()
    assert failed.args[0] == "not_enrolled"
    controller.stop()

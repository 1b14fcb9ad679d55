"""The application object: IT's check-in in the background with a calm progress screen, and a close that
never waits for the server (real server on 127.0.0.1, a real silent server, real encrypted profiles)."""

from __future__ import annotations

import socket
import time

import pytest
from factories import household
from kit import FAST_KDF, PASSPHRASE, enrolled_laptop, no_retry_transport, quick_transport
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from fieldapp.store.database import DB_FILE, Store
from fieldapp.sync.device import sync_once, wiped_reason
from fieldapp.ui.application import Application
from sync.client import HttpTransport
from sync.server import admin

LONG_AGO = "2020-01-01T00:00:00+00:00"


@pytest.fixture
def silent_server():
    """A server that accepts connections and never answers (a laptop on a dead hotel Wi-Fi)."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.listen(16)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


def to(base: str):
    """A transport factory that talks to `base` whatever the profile says (no retries)."""
    return lambda _url, token: HttpTransport(base, token, retries=0)


def not_synced_for_long(store: Store) -> None:
    store.write(lambda tx: tx.set_meta("last_sync_at", LONG_AGO))


def test_no_check_in_due_opens_the_window_at_once(qtbot, store):
    application = Application(store, checkin_days=7, transport=no_retry_transport)
    application.start()  # not enrolled: IT's rule does not apply
    qtbot.addWidget(application.window)
    assert application.window.isVisible() and application.checkin_screen is None
    application.window.close()
    application.close()


def test_check_in_with_the_server_then_the_records(qtbot, live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    not_synced_for_long(anna)
    application = Application(anna, checkin_days=7, transport=quick_transport)
    with qtbot.waitSignal(application.window_opened, timeout=30_000):
        application.start()
        assert application.window is None  # the GUI thread did not wait for the server
    qtbot.addWidget(application.window)
    assert application.window.isVisible()
    assert anna.meta("last_sync_at") != LONG_AGO  # the check-in counts as contact
    application.window.close()
    application.close()


def test_a_revoked_laptop_is_wiped_before_its_records_show(qtbot, live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    not_synced_for_long(anna)
    admin.revoke_device(live_server.engine, anna.device_id)
    application = Application(anna, checkin_days=7, transport=quick_transport)
    application.start()
    qtbot.waitUntil(lambda: application.message is not None, timeout=30_000)
    assert application.window is None
    assert "revoked this laptop" in application.message.text()
    assert not (tmp_path / "anna" / DB_FILE).exists()
    assert wiped_reason(tmp_path / "anna")["reason"] == "device_revoked"
    with qtbot.waitSignal(application.ended, timeout=5_000):
        application.message.close()
    application.close()


def test_offline_past_the_limit_says_so_and_keeps_the_records_closed(qtbot, tmp_path):
    store = Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF)
    store.write(lambda tx: [tx.set_meta("server_url", "http://127.0.0.1:9"), tx.set_meta("device_token", "x")])
    not_synced_for_long(store)
    application = Application(store, checkin_days=5, transport=no_retry_transport)
    application.start()
    qtbot.waitUntil(lambda: application.message is not None, timeout=30_000)
    said = application.message.text()
    assert "at least every 5 days" in said and "Connect to the internet" in said
    assert application.window is None
    with qtbot.waitSignal(application.ended, timeout=5_000):
        application.message.close()
    application.close()


def test_a_slow_check_in_shows_a_calm_screen_and_cancel_does_not_wait(qtbot, tmp_path, silent_server):
    store = Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF)
    store.write(lambda tx: [tx.set_meta("server_url", silent_server), tx.set_meta("device_token", "x")])
    not_synced_for_long(store)
    application = Application(store, checkin_days=5, transport=to(silent_server), show_progress_after_ms=600)
    application.start()
    screen = application.checkin_screen
    assert not screen.isVisible()  # not at once: a quick check-in shows nothing
    qtbot.waitUntil(screen.isVisible, timeout=5_000)
    assert any("Checking in with the server" in label.text() for label in screen.findChildren(QLabel))
    cancel = screen.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    began = time.monotonic()
    with qtbot.waitSignal(application.ended, timeout=2_000):
        cancel.click()
    application.close()  # the worker still waits for the silent server: closing does not
    assert time.monotonic() - began < 3
    assert application.window is None


def test_closing_during_a_round_does_not_wait_for_the_server_and_loses_nothing(qtbot, live_server, tmp_path,
                                                                                silent_server):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    anna.write(lambda tx: [tx.create("households", household()) for _ in range(5)])
    application = Application(anna, transport=to(silent_server))
    application.start()
    window = application.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: application.sync.running, timeout=5_000)  # the first round, stuck on the network
    began = time.monotonic()
    window.close()
    application.close()
    assert time.monotonic() - began < 3
    again = Store.open(tmp_path / "anna", PASSPHRASE)
    try:
        assert again.pending_count() == 5
        report = sync_once(again, transport=quick_transport)
        assert report.pushed == 5 and again.pending_count() == 0
    finally:
        again.close()

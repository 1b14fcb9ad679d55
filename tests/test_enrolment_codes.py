"""One-time enrolment codes: IT prints one, a caseworker's laptop enrols with it once (real server)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from kit import FAST_KDF, PASSPHRASE, cli_env
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from server_kit import Client

from fieldapp.store.database import Store
from fieldapp.sync.device import enrol
from fieldapp.ui.profile_dialog import ProfileDialog
from sync.errors import SyncFailure
from sync.server import admin

ROOT = Path(__file__).resolve().parent.parent


def test_code_from_the_command_line_enrols_once(live_server, tmp_path):
    done = subprocess.run([sys.executable, "-m", "sync.server", "device", "enrol-code", "anna",
                           "--database-url", live_server.database_url],
                          capture_output=True, text=True, cwd=ROOT, env=cli_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    code = done.stdout.split(": ", 1)[1].split()[0]
    assert len(code) == 13

    store = Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF)
    answer = enrol(store, live_server.base, code=code.lower().replace("-", " "))  # as a person might type it
    assert answer["user"]["username"] == "anna" and store.meta("device_token")
    store.close()

    again = Client(live_server.base)
    r = again.session.post(f"{live_server.base}/api/v1/devices", headers=again.headers(), json={
        "enrolment_code": code, "device_id": again.device_id, "device_name": "another"}, timeout=30)
    assert r.status_code == 401 and r.json()["code"] == "code_used"


def test_expired_unknown_and_mistyped_codes(live_server, tmp_path):
    import datetime as dt

    import sqlalchemy as sa

    from sync.server.db import enrolment_codes

    code, _ = admin.make_enrolment_code(live_server.engine, "boris", hours=1)
    with live_server.engine.begin() as conn:  # an hour has passed
        conn.execute(sa.update(enrolment_codes).values(
            expires_at=(dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).isoformat(timespec="milliseconds")))
    store = Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF)
    with pytest.raises(SyncFailure) as info:
        enrol(store, live_server.base, code=code)
    assert info.value.code == "code_expired"
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(SyncFailure) as info:
        enrol(store, live_server.base, code=wrong)  # caught on the laptop, before any network
    assert info.value.code == "code_typo"
    with pytest.raises(admin.AdminError):
        admin.make_enrolment_code(live_server.engine, "nobody")
    store.close()


def test_first_run_with_a_code(qtbot, live_server, tmp_path):
    code, _ = admin.make_enrolment_code(live_server.engine, "anna")
    dialog = ProfileDialog(tmp_path / "p", create=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    dialog.server.setText(live_server.base)
    dialog.code.setText(code[:-1] + ("0" if code[-1] != "0" else "1"))
    qtbot.mouseClick(dialog.connect_ok, Qt.MouseButton.LeftButton)
    assert "typo" in dialog.enrol_error.text() and dialog.pages.currentIndex() == dialog.PAGE_ENROL
    dialog.code.setText(code)
    qtbot.mouseClick(dialog.connect_ok, Qt.MouseButton.LeftButton)
    dialog.new_passphrase.passphrase.setText(PASSPHRASE)
    dialog.new_passphrase.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert dialog.store.meta("device_code")
    dialog.store.close()


def test_headless_enrol_with_a_code(live_server, tmp_path):
    code, _ = admin.make_enrolment_code(live_server.engine, "anna")
    Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF).close()
    done = subprocess.run([sys.executable, "-m", "fieldapp", "enrol", "--profile", str(tmp_path / "p"),
                           "--server", live_server.base, "--code"], input=f"{PASSPHRASE}\n{code}\n",
                          capture_output=True, text=True, cwd=ROOT, env=cli_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Enrolled as anna" in done.stdout

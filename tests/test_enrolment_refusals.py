"""Each refusal of an enrolment has its own sentence, on a real server, in the CLI and the window.

A disabled account is named only to whoever gave its right password; a wrong password answers the
same whether the user exists or not. Enrolment codes tell unknown, used and expired apart (a code
is a long random secret: whoever holds it may learn what became of it).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from kit import FAST_KDF, PASSPHRASE, cli_env
from PySide6.QtCore import Qt
from server_kit import PASSWORD, Client

from fieldapp import headless
from fieldapp.store.database import Store
from fieldapp.ui.profile_dialog import ProfileDialog
from sync.server import admin
from sync.server.db import enrolment_codes

ROOT = Path(__file__).resolve().parent.parent
DISABLED = "This account is disabled: ask IT."


def fieldapp(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=cli_env(), timeout=120)


def post_enrol(server, body: dict) -> tuple[int, dict]:
    client = Client(server.base)
    r = client.session.post(f"{server.base}/api/v1/devices", headers=client.headers(),
                            json={"device_id": client.device_id, "device_name": "x", **body}, timeout=30)
    return r.status_code, r.json()


def expire(engine, code_hash_owner: str) -> None:
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).isoformat(timespec="milliseconds")
    with engine.begin() as conn:
        conn.execute(sa.update(enrolment_codes).where(enrolment_codes.c.user_id == code_hash_owner)
                     .values(expires_at=past))


def unknown_code(server) -> str:
    """A well-formed code the server does not hold (IT made it, then it was deleted)."""
    code, _ = admin.make_enrolment_code(server.engine, "ira")
    with server.engine.begin() as conn:
        conn.execute(sa.delete(enrolment_codes).where(enrolment_codes.c.user_id == server.world.users["ira"]))
    return code


def test_the_server_names_a_disabled_account_only_after_the_right_password(live_server):
    admin.set_disabled(live_server.engine, "boris")
    status, body = post_enrol(live_server, {"username": "boris", "password": PASSWORD})
    assert (status, body["code"], body["detail"]) == (403, "account_disabled", DISABLED)
    wrong_disabled = post_enrol(live_server, {"username": "boris", "password": "not it"})
    wrong_enabled = post_enrol(live_server, {"username": "anna", "password": "not it"})
    nobody = post_enrol(live_server, {"username": "nobody", "password": "not it"})
    assert wrong_disabled == wrong_enabled == nobody  # nothing tells these three apart
    assert nobody[0] == 401 and nobody[1]["code"] == "unauthorized" and "disabled" not in nobody[1]["detail"]


def test_a_disabled_account_cannot_sync_and_is_told_why(live_server):
    client = Client(live_server.base)
    assert client.enrol("anna").status_code == 201
    admin.set_disabled(live_server.engine, "anna")
    r = client.session.get(f"{live_server.base}/api/v1/me", headers=client.headers(), timeout=30)
    assert r.status_code == 403 and r.json()["code"] == "account_disabled"


def test_each_code_refusal_has_its_own_answer(live_server):
    used, _ = admin.make_enrolment_code(live_server.engine, "anna")
    assert post_enrol(live_server, {"enrolment_code": used})[0] == 201
    expired, _ = admin.make_enrolment_code(live_server.engine, "petro")
    expire(live_server.engine, live_server.world.users["petro"])
    of_disabled, _ = admin.make_enrolment_code(live_server.engine, "stepan")
    admin.set_disabled(live_server.engine, "stepan")
    unknown = unknown_code(live_server)
    answers = {name: post_enrol(live_server, {"enrolment_code": code})
               for name, code in [("used", used), ("expired", expired), ("disabled", of_disabled),
                                  ("unknown", unknown)]}
    assert {name: (status, body["code"]) for name, (status, body) in answers.items()} == {
        "used": (401, "code_used"), "expired": (401, "code_expired"),
        "disabled": (403, "account_disabled"), "unknown": (401, "unauthorized")}
    details = [body["detail"] for _, body in answers.values()]
    assert len(set(details)) == 4, details


def test_the_cli_says_each_refusal_in_its_own_sentence(live_server, tmp_path):
    admin.set_disabled(live_server.engine, "boris")
    used, _ = admin.make_enrolment_code(live_server.engine, "anna")
    assert post_enrol(live_server, {"enrolment_code": used})[0] == 201
    expired, _ = admin.make_enrolment_code(live_server.engine, "petro")
    expire(live_server.engine, live_server.world.users["petro"])
    Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF).close()
    profile = ("--profile", str(tmp_path / "p"), "--server", live_server.base)
    cases = [
        (("--user", "boris"), f"{PASSPHRASE}\n{PASSWORD}\n", f"fieldapp enrol: {DISABLED} Nothing was enrolled."),
        (("--user", "boris"), f"{PASSPHRASE}\nwrong\n", "did not accept the user name or the password"),
        (("--code",), f"{PASSPHRASE}\n{used}\n", "This enrolment code was used already"),
        (("--code",), f"{PASSPHRASE}\n{expired}\n", "This enrolment code has expired."),
        (("--code",), f"{PASSPHRASE}\n{unknown_code(live_server)}\n", "The server does not know this enrolment code."),
    ]
    for extra, stdin, sentence in cases:
        done = fieldapp("enrol", *profile, *extra, stdin=stdin)
        assert done.returncode == headless.REFUSED, (extra, done.stderr)
        assert sentence in done.stderr and "Traceback" not in done.stderr, (extra, done.stderr)
    wrong = fieldapp("enrol", *profile, "--user", "boris", stdin=f"{PASSPHRASE}\nwrong\n")
    assert "disabled" not in wrong.stderr


def test_the_first_run_window_says_the_account_is_disabled(qtbot, live_server, tmp_path):
    admin.set_disabled(live_server.engine, "anna")
    dialog = ProfileDialog(tmp_path / "p", create=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    dialog.server.setText(live_server.base)
    dialog.username.setText("anna")
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.connect_ok, Qt.MouseButton.LeftButton)
    dialog.new_passphrase.passphrase.setText(PASSPHRASE)
    dialog.new_passphrase.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.enrol_error.isVisible(), timeout=20_000)
    assert DISABLED in dialog.enrol_error.text(), dialog.enrol_error.text()
    assert dialog.pages.currentIndex() == dialog.PAGE_ENROL
    dialog.store.close()

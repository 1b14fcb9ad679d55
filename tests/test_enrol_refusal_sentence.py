"""One refusal sentence for both ways of enrolling (issue 13): the first run's enrolment page and
"Connect to a server…" say the same thing for an unknown code and for a wrong password, because
one form (EnrolForm.refusal) words them. A real server, real widgets, real encrypted profiles."""

from __future__ import annotations

from kit import FAST_KDF, PASSPHRASE, quick_transport
from PySide6.QtCore import Qt
from test_connect_later import standalone_profile
from test_enrolment_refusals import unknown_code

from fieldapp.sync.device import is_enrolled
from fieldapp.ui.connect_dialog import ConnectDialog
from fieldapp.ui.profile_dialog import ProfileDialog

UNKNOWN = "The server does not know this enrolment code. Check it, or ask IT for a new one."
PASSWORD = "The server did not accept this user name and password. Check them, or ask IT."


def _fill(dialog, server: str, code: str, password: str) -> None:
    """The enrolment form both dialogs show (EnrolForm): a code, or anna's user name and password."""
    dialog.server.setText(server)
    if code:
        dialog.code.setText(code)
    else:
        dialog.username.setText("anna")
        dialog.password.setText(password)


def first_run_refusal(qtbot, folder, server: str, *, code: str = "", password: str = "") -> str:
    dialog = ProfileDialog(folder, create=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    _fill(dialog, server, code, password)
    qtbot.mouseClick(dialog.connect_ok, Qt.MouseButton.LeftButton)
    dialog.new_passphrase.passphrase.setText(PASSPHRASE)
    dialog.new_passphrase.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.enrol_error.isVisible(), timeout=20_000)
    sentence = dialog.enrol_error.text()
    assert dialog.pages.currentIndex() == dialog.PAGE_ENROL
    dialog.store.close()
    return sentence


def connect_later_refusal(qtbot, folder, server: str, *, code: str = "", password: str = "") -> str:
    store = standalone_profile(folder, kdf=FAST_KDF)
    dialog = ConnectDialog(store, transport=quick_transport)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, server, code, password)
    dialog.send.click()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    sentence = dialog.error.text()
    assert not is_enrolled(store) and store.count("households") == 3  # nothing changed
    store.close()
    return sentence


def test_an_unknown_code_is_worded_once_in_both_dialogs(qtbot, live_server, tmp_path):
    code = unknown_code(live_server)
    first = first_run_refusal(qtbot, tmp_path / "first", live_server.base, code=code)
    later = connect_later_refusal(qtbot, tmp_path / "later", live_server.base, code=code)
    assert first.startswith(UNKNOWN) and later.startswith(UNKNOWN), (first, later)
    assert first.endswith("Your passphrase is set; press Connect to try again.")
    assert later.endswith("Nothing was changed on this laptop.")


def test_a_wrong_password_is_worded_once_in_both_dialogs(qtbot, live_server, tmp_path):
    first = first_run_refusal(qtbot, tmp_path / "first", live_server.base, password="not hers")
    later = connect_later_refusal(qtbot, tmp_path / "later", live_server.base, password="not hers")
    assert first.startswith(PASSWORD) and later.startswith(PASSWORD), (first, later)

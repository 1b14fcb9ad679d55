"""An enrolment that fails on a bug of the program itself (issue 13): the first run and "Connect to a
server…" say «FieldApp could not connect because of an error of its own.», never the exception's
class name or text, keep everything typed, and send the exception to the crash report. The
enrolment is injected (ProfileDialog's `enrol`, ConnectDialog's `transport`); the widgets and the
encrypted profiles are real."""

from __future__ import annotations

from kit import FAST_KDF, PASSPHRASE
from PySide6.QtCore import Qt
from test_connect_later import standalone_profile

from fieldapp.sync.device import is_enrolled
from fieldapp.ui.connect_dialog import ConnectDialog
from fieldapp.ui.profile_dialog import ProfileDialog

OWN = "FieldApp could not connect because of an error of its own."
SERVER = "https://fieldapp.example.org"


class Bug(KeyError):
    """What a slip in the program raises: its name and text must not reach the caseworker."""


def _typed(dialog) -> tuple[str, str, str]:
    return dialog.server.text(), dialog.username.text(), dialog.password.text()


def test_the_first_run_tells_its_own_error_in_a_sentence_and_keeps_what_was_typed(qtbot, tmp_path):
    calls: list[tuple] = []

    def enrol(store, url, user, password, *, code=None):
        calls.append((url, user, password, code))
        if len(calls) == 1:
            raise Bug("device_token")
        return {"user": {"username": user}}

    dialog = ProfileDialog(tmp_path / "profile", create=True, enrol=enrol)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    dialog.server.setText(SERVER)
    dialog.username.setText("anna")
    dialog.password.setText("her password")
    qtbot.mouseClick(dialog.connect_ok, Qt.MouseButton.LeftButton)
    dialog.new_passphrase.passphrase.setText(PASSPHRASE)
    dialog.new_passphrase.repeat.setText(PASSPHRASE)
    with qtbot.capture_exceptions() as reported:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.enrol_error.isVisible(), timeout=20_000)
    sentence = dialog.enrol_error.text()
    assert sentence == OWN + " Your passphrase is set; press Connect to try again."
    assert "Bug" not in sentence and "KeyError" not in sentence and "device_token" not in sentence
    assert [type(exc) for _t, exc, _tb in reported] == [Bug]  # the bug itself goes to the crash report
    assert dialog.pages.currentIndex() == dialog.PAGE_ENROL
    assert _typed(dialog) == (SERVER, "anna", "her password")  # nothing typed is lost
    assert calls == [(SERVER, "anna", "her password", None)]
    # Connect tries again with the passphrase already set, and this time the laptop is enrolled.
    qtbot.mouseClick(dialog.connect_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=20_000)
    assert len(calls) == 2
    dialog.store.close()


def test_connecting_later_tells_its_own_error_too_and_changes_nothing(qtbot, tmp_path):
    store = standalone_profile(tmp_path / "later", kdf=FAST_KDF)

    def transport(url, token):
        raise Bug("device_token")

    dialog = ConnectDialog(store, transport=transport)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setText(SERVER)
    dialog.username.setText("anna")
    dialog.password.setText("her password")
    dialog.send.click()
    with qtbot.capture_exceptions() as reported:
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=20_000)
    assert dialog.error.text() == OWN  # it said nothing at all before
    assert [type(exc) for _t, exc, _tb in reported] == [Bug]
    assert _typed(dialog) == (SERVER, "anna", "her password")
    assert dialog.connect_button.isEnabled() and dialog.isVisible()  # Connect can be pressed again
    assert not is_enrolled(store) and store.count("households") == 3
    store.close()

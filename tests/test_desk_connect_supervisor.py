"""A supervisor who connects a standalone profile sees her Review and Team tabs at once (no restart):
the application makes the window again from its state, as a language switch does. Real widgets, a
real encrypted profile, the real server on 127.0.0.1."""

from __future__ import annotations

from kit import FAST_KDF, PASSPHRASE
from PySide6.QtCore import Qt
from test_connect_later import PASSWORD

from fieldapp.provisioning import Provisioning
from fieldapp.settings import Settings
from fieldapp.store.database import Store
from fieldapp.sync.device import is_enrolled
from fieldapp.ui.application import Application
from tests.test_language_switch import compiled  # noqa: F401 - the translations compiled


def test_a_supervisor_connecting_later_gets_review_and_team_without_a_restart(qtbot, live_server, tmp_path):
    store = Store.create(tmp_path / "sofia", PASSPHRASE, kdf=FAST_KDF)
    application = Application(store, Settings(tmp_path / "config", Provisioning()))
    application.start()
    old = application.window  # not handed to qtbot: the rebuild deletes it
    titles = [old.tabs.tabText(i) for i in range(old.tabs.count())]
    assert "Review" not in titles and "Team" not in titles
    dialog = old.connect_entry.open()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.server, live_server.base)
    qtbot.keyClick(dialog.server, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)  # no code: Enter moves on to the user name
    assert dialog.focusWidget() is dialog.username
    qtbot.keyClicks(dialog.username, "sofia")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: application.window is not old, timeout=30_000)
    window = application.window
    qtbot.addWidget(window)
    assert is_enrolled(store)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[2:4] == ["Review", "Team"] and titles[-1] == "Reports"
    assert window.review_view is not None and window.team_view is not None
    assert window.caseload.supervising  # her caseload shows whose each family is
    window.close()
    application.close()


def test_the_choice_for_one_family_says_it_and_for_several_them(qtbot, tmp_path, compiled):  # noqa: F811
    from factories import household

    from fieldapp.ui import language
    from fieldapp.ui.connect_dialog import ConnectDialog

    store = Store.create(tmp_path / "one", PASSPHRASE, kdf=FAST_KDF)
    store.write(lambda tx: tx.create("households", household()))
    language.apply("uk")
    one = ConnectDialog(store)
    qtbot.addWidget(one)
    assert one.send.text() == "Надіслати її на сервер як мою сімʼю"
    assert one.keep.text() == "Залишити її лише на цьому ноутбуці й підʼєднатися без неї"
    store.write(lambda tx: tx.create("households", household()))
    two = ConnectDialog(store)
    qtbot.addWidget(two)
    assert two.send.text() == "Надіслати їх на сервер як мої сімʼї"
    language.apply("en")
    assert ConnectDialog(store).send.text() == "Send them to the server as my families"
    store.close()

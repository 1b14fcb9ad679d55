"""The language is chosen on the first screens and in settings and switches the running program at once,
with nothing typed lost (issue 13). Real widgets, a real encrypted profile, the real translations
(compiled by scripts/translations.py, as run.sh and test.sh do)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers.form_typist import type_text
from kit import FAST_KDF, PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from fieldapp.provisioning import Locations, Provisioning, load_provisioning
from fieldapp.settings import Settings
from fieldapp.store.database import Store
from fieldapp.ui import background, language
from fieldapp.ui.application import Application
from fieldapp.ui.forms import FormDialog
from fieldapp.ui.profile_dialog import ProfileDialog
from fieldapp.ui.settings_dialog import SettingsDialog
from tests.test_forms_ui import family  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parents[1]
NOTES = "Мама працює з понеділка"


@pytest.fixture(scope="module", autouse=True)
def compiled():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "compile"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def english(qapp):
    """The program starts in English for the test (the conftest puts it back afterwards)."""
    language.apply("en")


@pytest.fixture
def synchronous():
    background.set_synchronous(True)
    yield
    background.set_synchronous(False)


def choose(choice: language.LanguageChoice, qtbot, lang: str) -> None:
    """Pick `lang` with the keyboard, as a person would: focus the box, arrow to the entry."""
    combo = choice.combo
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.findData(lang) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentData() != lang:
        qtbot.keyClick(combo, key)


def test_switch_on_the_unlock_screen_keeps_the_typing_and_the_caseload_follows(qtbot, tmp_path, english,
                                                                               synchronous):
    folder = tmp_path / "profile"
    Store.create(folder, PASSPHRASE, kdf=FAST_KDF).close()
    settings = Settings(tmp_path / "config", Provisioning())
    dialog = ProfileDialog(folder, create=False, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.unlock_button.text() == "Unlock"
    assert dialog.language_choice.combo.currentData() == "en"
    type_text(dialog.passphrase, PASSPHRASE[:6])
    choose(dialog.language_choice, qtbot, "uk")
    assert language.current() == "uk"
    assert dialog.unlock_button.text() == "Розблокувати"  # the same screen, now in Ukrainian
    assert dialog.pages.currentIndex() == dialog.PAGE_UNLOCK
    assert dialog.passphrase.text() == PASSPHRASE[:6]  # what was typed is still there
    assert settings.get("language") == "uk"  # and the next start speaks it too
    type_text(dialog.passphrase, PASSPHRASE[6:])
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.store is not None
    application = Application(dialog.store, settings)
    application.start()
    window = application.window
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "Мої сімʼї"
    assert "Не підключено до сервера" in window.sync_label.text()
    window.close()
    application.close()


def test_switch_on_the_first_run_keeps_the_page_and_both_passphrases(qtbot, tmp_path, english):
    dialog = ProfileDialog(tmp_path / "new", create=True, settings=Settings(tmp_path / "config", Provisioning()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.new_passphrase.passphrase, "Blue kettle on 4 stoves")
    qtbot.keyClicks(dialog.new_passphrase.repeat, "Blue kettle")
    choose(dialog.language_choice, qtbot, "uk")
    assert dialog.pages.currentIndex() == dialog.PAGE_CREATE
    assert "без сервера" in dialog.create_title.text()
    assert dialog.new_passphrase.passphrase.text() == "Blue kettle on 4 stoves"
    assert dialog.new_passphrase.repeat.text() == "Blue kettle"
    assert dialog.new_passphrase.strength.text() == "надійна"  # the strength is said in Ukrainian too
    choose(dialog.language_choice, qtbot, "en")
    assert dialog.create_button.text() == "Create"


def test_a_language_it_locked_is_shown_read_only_with_the_reason(qtbot, tmp_path, english):
    system = tmp_path / "etc"
    system.mkdir()
    (system / "fieldapp.toml").write_text('language = "uk"\nlocked = ["language"]\n', encoding="utf-8")
    prov = load_provisioning(Locations(system=system, beside_executable=None))
    dialog = ProfileDialog(tmp_path / "new", create=True, settings=Settings(tmp_path / "config", prov))
    qtbot.addWidget(dialog)
    dialog.show()
    choice = dialog.language_choice
    assert not choice.combo.isEnabled()
    assert choice.reason.isVisible() and "organisation" in choice.reason.text()


def test_switch_in_settings_with_a_form_open_keeps_the_form_and_the_family(qtbot, store, family, tmp_path,  # noqa: F811
                                                                          english):
    hid, _ = family
    settings = Settings(tmp_path / "config", Provisioning())
    application = Application(store, settings)
    application.start()
    old = application.window
    old.open_family(hid)
    form = old.open_form("home_visit", hid)
    qtbot.waitExposed(form)
    notes = form.view.editor("notes").focus_target()  # on the last section
    notes.setFocus()
    type_text(notes, NOTES)  # typed less than a second ago: not kept by the timer yet
    old.findChild(type(old.sync_now_action), "settingsAction").trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible())
    choose(dialog.language_choice, qtbot, "uk")
    qtbot.keyClick(dialog.language, Qt.Key.Key_Return)  # OK
    qtbot.waitUntil(lambda: application.window is not old, timeout=5000)
    window = application.window
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "Мої сімʼї" and window.menuBar().actions()[0].text() == "&Файл"
    assert window.family_tab(hid) is window.tabs.currentWidget()  # the family file is open and shown
    (again,) = [d for d in window.dialogs if isinstance(d, FormDialog)]
    assert again.isVisible() and again.lang == "uk"
    assert again.view.sections.currentRow() == len(again.view.pages) - 1  # on the section it was on
    assert again.view.editor("notes").value() == NOTES  # nothing typed was lost
    assert again.submit_button.text() == "Подати"
    assert not form.isVisible()  # the old one is gone, without asking "keep or throw away"
    again.confirm_discard = lambda: True
    again.reject()
    window.close()
    application.close()


def test_switch_waits_while_a_dialog_without_a_draft_is_open(qtbot, store, tmp_path, english):
    settings = Settings(tmp_path / "config", Provisioning())
    application = Application(store, settings)
    application.start()
    old = application.window
    new_family = old.new_household()
    language.apply("uk")
    qtbot.waitUntil(lambda: bool(old.statusBar().currentMessage()), timeout=5000)
    assert application.window is old and new_family.isVisible()  # nothing it holds is thrown away
    new_family.reject()
    qtbot.waitUntil(lambda: application.window is not old, timeout=5000)
    qtbot.addWidget(application.window)
    assert application.window.tabs.tabText(0) == "Мої сімʼї"
    application.window.close()
    application.close()


def test_settings_language_entry_names_each_language_in_its_own_words(qtbot, tmp_path, english):
    dialog = SettingsDialog(Settings(tmp_path / "config", Provisioning()))
    qtbot.addWidget(dialog)
    items = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert items[1:] == ["Українська", "English"]
    assert dialog.findChild(QLabel, "restartNote") is None  # no restart is needed any more

"""Each key of IT's fieldapp.toml honoured by the running program's windows, and a locked key
read-only there (issue 18, item 5). The toml is a real file read the way the program reads it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from fieldapp.settings import SettingLocked, Settings
from fieldapp.ui import app as ui_app
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.settings_dialog import SettingsDialog
from tests.factories import household
from tests.test_ui_settings import provisioned


def _window(qtbot, store, settings):
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_language_locked_beats_the_command_line_and_the_caseworkers_choice(tmp_path):
    folder = tmp_path / "config"
    Settings(folder, provisioned(tmp_path, "")).set("language", "en")
    settings = Settings(folder, provisioned(tmp_path, 'language = "uk"\nlocked = ["language"]\n'))
    assert ui_app.choose_language("en", settings) == "uk"
    assert ui_app.choose_language(None, settings) == "uk"
    unlocked = Settings(folder, provisioned(tmp_path, 'language = "uk"\n'))
    assert ui_app.choose_language(None, unlocked) == "en"  # provisioned only: the caseworker's choice stands
    assert ui_app.choose_language("uk", unlocked) == "uk"


def test_language_locked_is_shown_and_cannot_be_changed_in_settings(qtbot, tmp_path):
    settings = Settings(tmp_path / "config", provisioned(tmp_path, 'language = "uk"\nlocked = ["language"]\n'))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "uk" and not dialog.language.isEnabled()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))  # even forced, it is not saved
    dialog.save()
    assert settings.get("language") == "uk"
    with pytest.raises(SettingLocked):
        settings.set("language", "en")


def test_auto_lock_minutes_runs_the_windows_lock_and_a_lock_keeps_it(qtbot, store, tmp_path):
    settings = Settings(tmp_path / "config", provisioned(
        tmp_path, 'auto_lock_minutes = 5\nlocked = ["auto_lock_minutes"]\n'))
    window = _window(qtbot, store, settings)
    assert window.locker.minutes == 5
    dialog = window.show_settings()
    assert dialog is not None and not dialog.lock_minutes.isEnabled()
    assert dialog.findChild(QLabel, "lockedNote").isVisible()
    dialog.lock_minutes.setValue(13)  # what the caseworker did in the report
    dialog.save()
    assert window.locker.minutes == 5 and settings.get("auto_lock_minutes") == 5


def test_auto_lock_minutes_provisioned_but_not_locked_is_the_caseworkers_to_change(qtbot, store, tmp_path):
    settings = Settings(tmp_path / "config", provisioned(tmp_path, "auto_lock_minutes = 5\n"))
    window = _window(qtbot, store, settings)
    assert window.locker.minutes == 5
    dialog = window.show_settings()
    assert dialog.lock_minutes.isEnabled()
    dialog.lock_minutes.setValue(13)
    dialog.save()
    assert window.locker.minutes == 13


def test_caseload_warning_shows_in_the_status_bar_above_its_limit(qtbot, store, tmp_path):
    store.write(lambda tx: [tx.create("households", household()) for _ in range(11)])
    settings = Settings(tmp_path / "config", provisioned(tmp_path, "caseload_warning = 10\n"))
    window = _window(qtbot, store, settings)
    window.check_caseload_size()
    assert window.caseload_warning.isVisible() and "10" in window.caseload_warning.text()
    roomy = _window(qtbot, store, Settings(tmp_path / "config2", provisioned(tmp_path, "caseload_warning = 20\n")))
    roomy.check_caseload_size()
    assert not roomy.caseload_warning.isVisible()


def test_organisation_is_on_the_reports_and_read_only_when_locked(qtbot, store, tmp_path):
    settings = Settings(tmp_path / "config", provisioned(
        tmp_path, 'organisation = "Фонд «Приклад»"\nlocked = ["organisation"]\n'))
    window = _window(qtbot, store, settings)
    window.tabs.setCurrentIndex(window.reports_index)
    assert window.reports_view is not None
    assert window.reports_view.organisation.text() == "Фонд «Приклад»"
    assert window.reports_view.organisation.isReadOnly()

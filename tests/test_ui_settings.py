"""Settings declared once with type and default; a corrupt file loses nothing; the settings dialog."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from fieldapp.settings import OPTIONS, Settings
from fieldapp.ui import app as ui_app
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.settings_dialog import SettingsDialog, problem_text


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "config"


def test_defaults_and_saving(folder):
    s = Settings(folder, admin=[])
    assert s.get("auto_lock_minutes") == OPTIONS["auto_lock_minutes"].default
    assert s.get("language") == ""
    s.set("auto_lock_minutes", 5)
    s.set("language", "uk")
    again = Settings(folder, admin=[])
    assert again.get("auto_lock_minutes") == 5 and again.get("language") == "uk"
    with pytest.raises(ValueError):
        s.set("auto_lock_minutes", "five")
    with pytest.raises(ValueError):
        s.set("language", "fr")
    with pytest.raises(KeyError):
        s.get("colour")


def test_corrupt_file_falls_back_to_defaults_and_keeps_the_file(folder):
    folder.mkdir()
    (folder / "settings.json").write_text('{"auto_lock_minutes": 5,', encoding="utf-8")
    s = Settings(folder, admin=[])
    assert s.problem is not None
    assert s.get("auto_lock_minutes") == OPTIONS["auto_lock_minutes"].default
    kept = s.problem.kept_as
    assert kept is not None and kept.read_text(encoding="utf-8") == '{"auto_lock_minutes": 5,'
    assert str(kept) in problem_text(s.problem)
    s.set("language", "en")  # saving afterwards writes a fresh, readable file
    assert json.loads((folder / "settings.json").read_text())["language"] == "en"


def test_wrong_types_and_unknown_keys(folder):
    folder.mkdir()
    (folder / "settings.json").write_text(json.dumps({"auto_lock_minutes": "x", "language": "en",
                                                      "from_a_newer_version": [1, 2]}))
    s = Settings(folder, admin=[])
    assert s.problem is None
    assert s.get("auto_lock_minutes") == OPTIONS["auto_lock_minutes"].default  # that one value only
    assert s.get("language") == "en"
    s.set("auto_lock_minutes", 3)
    assert json.loads((folder / "settings.json").read_text())["from_a_newer_version"] == [1, 2]


def test_it_provided_defaults(folder, tmp_path):
    admin = tmp_path / "admin.json"
    admin.write_text(json.dumps({"auto_lock_minutes": 2, "server_url": "https://fieldapp.example.org"}))
    s = Settings(folder, admin=[admin])
    assert s.get("auto_lock_minutes") == 2 and s.get("server_url") == "https://fieldapp.example.org"
    s.set("auto_lock_minutes", 7)
    assert Settings(folder, admin=[admin]).get("auto_lock_minutes") == 7


def test_window_state_is_kept_apart(folder):
    s = Settings(folder, admin=[])
    s.set_state("main_window_geometry", "abc")
    assert not (folder / "settings.json").exists()
    assert Settings(folder, admin=[]).state("main_window_geometry") == "abc"


def test_language_choice(folder, monkeypatch):
    s = Settings(folder, admin=[])
    monkeypatch.setattr(ui_app, "default_language", lambda: "uk")
    assert ui_app.choose_language(None, s) == "uk"  # a Ukrainian system
    s.set("language", "en")
    assert ui_app.choose_language(None, s) == "en"
    assert ui_app.choose_language("uk", s) == "uk"  # --lang wins


def test_default_language_follows_the_system(monkeypatch):
    monkeypatch.setattr(QLocale, "system", lambda: QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine))
    assert ui_app.default_language() == "uk"
    monkeypatch.setattr(QLocale, "system", lambda: QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert ui_app.default_language() == "en"


def test_settings_dialog_saves_and_applies_the_lock_time(qtbot, store, folder):
    settings = Settings(folder, admin=[])
    w = MainWindow(store, settings=settings)
    qtbot.addWidget(w)
    assert w.locker.timer.isActive()  # 10 minutes by default
    dialog = w.show_settings()
    assert isinstance(dialog, SettingsDialog)
    assert "next start" in dialog.findChild(QLabel, "restartNote").text()  # a restart is needed, and said
    dialog.language.setCurrentIndex(dialog.language.findData("uk"))
    dialog.lock_minutes.setValue(0)
    dialog.save()
    assert settings.get("language") == "uk" and settings.get("auto_lock_minutes") == 0
    assert not w.locker.timer.isActive()  # 0: never
    w.close()
    assert settings.state("main_window_geometry")

"""Settings declared once; IT's provisioning under the caseworker's choices; a corrupt file loses nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from fieldapp.options import OPTIONS
from fieldapp.paths import PROVISIONING_FILE
from fieldapp.provisioning import Locations, Provisioning, load_provisioning
from fieldapp.settings import SettingLocked, Settings
from fieldapp.ui import app as ui_app
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.settings_dialog import SettingsDialog, problem_text

ROOT = Path(__file__).resolve().parents[1]
NOTHING = Provisioning()


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "config"


def provisioned(tmp_path: Path, toml: str) -> Provisioning:
    """IT's fieldapp.toml in a system folder of its own, read the way the program reads it."""
    system = tmp_path / "etc-xdg-FieldApp"
    system.mkdir(exist_ok=True)
    (system / PROVISIONING_FILE).write_text(toml, encoding="utf-8")
    prov = load_provisioning(Locations(system=system, beside_executable=None))
    assert prov.problems == ()
    return prov


def test_defaults_and_saving(folder):
    s = Settings(folder, NOTHING)
    assert s.get("auto_lock_minutes") == OPTIONS["auto_lock_minutes"].default
    assert s.get("language") == ""
    s.set("auto_lock_minutes", 5)
    s.set("language", "uk")
    again = Settings(folder, NOTHING)
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
    s = Settings(folder, NOTHING)
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
    s = Settings(folder, NOTHING)
    assert s.problem is None
    assert s.get("auto_lock_minutes") == OPTIONS["auto_lock_minutes"].default  # that one value only
    assert s.get("language") == "en"
    s.set("auto_lock_minutes", 3)
    assert json.loads((folder / "settings.json").read_text())["from_a_newer_version"] == [1, 2]


def test_what_it_provisions_is_the_default_and_the_caseworker_may_change_it(folder, tmp_path):
    prov = provisioned(tmp_path, 'auto_lock_minutes = 2\nserver_url = "https://fieldapp.example.org"\n')
    s = Settings(folder, prov)
    assert s.get("auto_lock_minutes") == 2 and s.get("server_url") == "https://fieldapp.example.org"
    assert not s.is_locked("auto_lock_minutes")
    s.set("auto_lock_minutes", 7)
    assert Settings(folder, prov).get("auto_lock_minutes") == 7
    with pytest.raises(KeyError):
        s.set("server_url", "https://elsewhere.example.org")  # IT's alone, never the caseworker's file


def test_a_locked_key_overrides_the_caseworkers_choice_until_it_is_unlocked(folder, tmp_path):
    Settings(folder, NOTHING).set("auto_lock_minutes", 30)
    Settings(folder, NOTHING).set("language", "en")
    prov = provisioned(tmp_path, 'auto_lock_minutes = 5\nlocked = ["auto_lock_minutes", "language"]\n')
    s = Settings(folder, prov)
    assert s.is_locked("auto_lock_minutes") and s.get("auto_lock_minutes") == 5
    assert s.is_locked("language") and s.get("language") == ""  # locked at the built-in default
    with pytest.raises(SettingLocked):
        s.set("auto_lock_minutes", 60)
    assert ui_app.choose_language(None, s) == ui_app.default_language()  # not the caseworker's "en"
    assert Settings(folder, NOTHING).get("auto_lock_minutes") == 30  # kept for when IT unlocks it


def test_a_caseworker_setting_is_not_it_s_to_provision(tmp_path):
    system = tmp_path / "etc"
    system.mkdir()
    (system / PROVISIONING_FILE).write_text('caseload_status = "closed"\n', encoding="utf-8")
    [problem] = load_provisioning(Locations(system, None)).problems
    assert problem.key == "caseload_status" and "not a FieldApp setting IT can set" in problem.message


def test_window_state_is_kept_apart(folder):
    s = Settings(folder, NOTHING)
    s.set_state("main_window_geometry", "abc")
    assert not (folder / "settings.json").exists()
    assert Settings(folder, NOTHING).state("main_window_geometry") == "abc"


@pytest.mark.parametrize("system_lang, expected", [("uk_UA.UTF-8", "uk"), ("de_DE.UTF-8", "en")])
def test_without_a_choice_the_language_is_the_systems(folder, system_lang, expected):
    """A real system locale: a fresh program started with that LANG (Qt reads it once, at start)."""
    code = ("import sys; from pathlib import Path; from fieldapp.provisioning import Provisioning; "
            "from fieldapp.settings import Settings; from fieldapp.ui.app import choose_language; "
            "print(choose_language(None, Settings(Path(sys.argv[1]), Provisioning())))")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    done = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={**env, "LANG": system_lang})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected


def test_a_chosen_language_wins_over_the_system_and_lang_over_both(folder):
    s = Settings(folder, NOTHING)
    s.set("language", "en")
    assert ui_app.choose_language(None, s) == "en"
    assert ui_app.choose_language("uk", s) == "uk"  # --lang wins


def test_settings_dialog_saves_and_applies_the_lock_time(qtbot, store, folder):
    settings = Settings(folder, NOTHING)
    w = MainWindow(store, settings=settings)
    qtbot.addWidget(w)
    assert w.locker.timer.isActive()  # 10 minutes by default
    dialog = w.show_settings()
    assert isinstance(dialog, SettingsDialog)
    assert dialog.findChild(QLabel, "restartNote") is None  # the language switches at once (test_language_switch.py)
    assert dialog.locked_note.isHidden()  # nothing is IT's here
    dialog.language.setCurrentIndex(dialog.language.findData("uk"))
    dialog.lock_minutes.setValue(0)
    dialog.save()
    assert settings.get("language") == "uk" and settings.get("auto_lock_minutes") == 0
    assert not w.locker.timer.isActive()  # 0: never
    w.close()
    assert settings.state("main_window_geometry")


def test_settings_dialog_shows_what_it_locked_and_leaves_it(qtbot, folder, tmp_path):
    prov = provisioned(tmp_path, 'auto_lock_minutes = 5\nlanguage = "uk"\nlocked = ["auto_lock_minutes"]\n')
    settings = Settings(folder, prov)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.lock_minutes.isEnabled() and dialog.lock_minutes.value() == 5
    assert dialog.language.isEnabled() and dialog.language.currentData() == "uk"  # IT's default, not locked
    assert dialog.locked_note.isVisible() and dialog.lock_minutes.toolTip() == dialog.locked_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.save()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    saved = json.loads((folder / "settings.json").read_text(encoding="utf-8"))
    assert saved == {"language": "en"}  # the locked value is IT's, not written as the caseworker's

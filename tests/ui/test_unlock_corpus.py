"""The corruption corpus through the real unlock page: each damage's own sentence on screen, in
English and Ukrainian, never a traceback, and no file of the profile changed (tests/store/corpus.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from corpus import CASES, CRASHED_COMMITS, WAL, fingerprint, make_templates, passphrase_for, prepare  # noqa: E402
from kit import PASSPHRASE  # noqa: E402

from fieldapp.store.connection import has_profile  # noqa: E402
from fieldapp.store.database import Store  # noqa: E402
from fieldapp.store.errors import JournalDamaged, JournalMissing, StoreError, WrongPassphrase  # noqa: E402
from fieldapp.ui import text  # noqa: E402
from fieldapp.ui.app import install_translators  # noqa: E402
from fieldapp.ui.profile_dialog import ProfileDialog  # noqa: E402


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    return make_templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(params=["en", "uk"])
def lang(request, qapp):
    before, locale = qapp.property("fieldapp_lang"), QLocale()
    translators = install_translators(qapp, request.param)
    qapp.setProperty("fieldapp_lang", request.param)
    yield request.param
    for t in translators:
        QApplication.removeTranslator(t)
    qapp.setProperty("fieldapp_lang", before)
    QLocale.setDefault(locale)


def _unlock(qtbot, folder: Path, passphrase: str) -> ProfileDialog:
    """The start's own choice of page (app.run_gui), then the passphrase typed and Enter."""
    dialog = ProfileDialog(folder, create=not has_profile(folder))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentIndex() == dialog.PAGE_UNLOCK  # never the first run over a damaged profile
    dialog.passphrase.setText(passphrase)  # keyClicks types ASCII only; the passphrase is Ukrainian
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.unlock_error.isVisible() or dialog.store is not None, timeout=30_000)
    return dialog


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_damage_shows_its_own_sentence_and_changes_nothing(qtbot, templates, tmp_path, case, lang):
    folder = prepare(case, templates, tmp_path / "profile")
    before = fingerprint(folder)
    dialog = _unlock(qtbot, folder, passphrase_for(case))
    assert dialog.store is None and dialog.isVisible()
    with pytest.raises(StoreError) as info:  # what the store says about these files, unchanged
        Store.open(folder, passphrase_for(case))
    assert type(info.value) is case.expected
    shown = dialog.unlock_error.text()
    assert shown == text.message(info.value.message)
    assert "Traceback" not in shown and "sqlite" not in shown.lower()
    if case.expected is not WrongPassphrase:
        assert shown != text.message(WrongPassphrase().message)
    if lang == "uk":  # translated, not the English source
        assert shown != info.value.message.render() and any("а" <= ch <= "я" for ch in shown.lower())
    assert dialog.open_anyway.isVisible() == (case.expected in (JournalMissing, JournalDamaged))
    assert fingerprint(folder) == before
    dialog.reject()


def test_opening_without_the_lost_journal_is_a_choice_on_screen(qtbot, templates, tmp_path):
    folder = tmp_path / "profile"
    shutil.copytree(templates.crashed, folder)
    (folder / WAL).unlink()
    dialog = _unlock(qtbot, folder, PASSPHRASE)
    assert dialog.open_anyway.isVisible() and dialog.store is None
    qtbot.mouseClick(dialog.open_anyway, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=30_000)
    assert dialog.store is not None
    assert dialog.store.count("households") < CRASHED_COMMITS
    dialog.store.close()

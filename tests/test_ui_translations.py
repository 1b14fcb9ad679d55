"""Ukrainian and English: every string translated (all areas), and the screens really switch language."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from fieldapp.ui import text
from fieldapp.ui.app import install_translators
from fieldapp.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


def test_translations_check_passes_over_every_area():
    """`scripts/translations.py check`, the command a translator runs, finds nothing missing in any area."""
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "check"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.fixture
def ukrainian(qapp):
    """The application in Ukrainian for one test, then back to the source language."""
    before = qapp.property("fieldapp_lang")
    locale = QLocale()
    translators = install_translators(qapp, "uk")
    qapp.setProperty("fieldapp_lang", "uk")
    yield
    for t in translators:
        QApplication.removeTranslator(t)
    qapp.setProperty("fieldapp_lang", before)
    QLocale.setDefault(locale)


def test_main_window_in_ukrainian(qtbot, store, ukrainian):
    w = MainWindow(store)
    qtbot.addWidget(w)
    assert w.tabs.tabText(0) == "Мої сімʼї"
    assert w.caseload.headerData(0, w.caseload_view.table.horizontalHeader().orientation()) == "Номер справи"
    assert "Не підключено до сервера" in w.sync_label.text()  # a standalone profile says so
    assert w.caseload_view.category.itemText(1) == "Сімʼя з дітьми"  # enumeration labels follow
    w.close()


def test_dates_numbers_and_plurals_follow_the_language(ukrainian):
    assert text.date("2026-03-05") == "05.03.2026"
    assert text.number(12345) in ("12 345", "12\u00a0345")
    today = dt.date(2026, 11, 18)
    assert text.age("2025-07-18", today) == "1 рік 4 місяці"
    assert text.age("2021-01-01", today) == "5 років"
    assert text.age("2026-09-01", today) == "2 місяці"
    assert text.age("2026-11-06", today) == "12 днів"  # a newborn, not "0 місяців"
    assert text.age("2026-11-17", today) == "1 день"
    assert text.age("2026-11-15", today) == "3 дні"

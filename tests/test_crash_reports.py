"""Bugs are visible and private: the log file and the crash dialog name the exception and its frames,
never a family's name, address or note (read from the log file's bytes and the real dialog's text)."""

from __future__ import annotations

import logging
import os
import stat
import sys
import threading

import pytest
from faker import Faker
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from fieldapp import logs
from fieldapp.ui import background
from fieldapp.ui.crash import CrashReporter


class FamilySaveBug(Exception):
    """Stands for a bug whose message quotes what was typed (as real bugs' messages do)."""


@pytest.fixture
def family():
    fake = Faker("uk_UA")
    fake.seed_instance(10)
    return {"name": fake.name(), "address": fake.address().replace("\n", ", "), "note": fake.sentence(nb_words=8)}


@pytest.fixture
def log_file(tmp_path):
    path = logs.configure(tmp_path / "profile" / logs.LOG_DIR)
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def reporter(qtbot):
    hooks = sys.excepthook, threading.excepthook
    crashes = CrashReporter()
    crashes.install()
    yield crashes
    crashes.uninstall()
    sys.excepthook, threading.excepthook = hooks
    if crashes.dialog is not None:
        crashes.dialog.close()


def personal(family) -> list[str]:
    """Every piece of the family's data, and its words, that must appear nowhere."""
    pieces = list(family.values())
    return pieces + [word for value in pieces for word in value.replace(",", " ").split() if len(word) > 3]


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_background_job_and_in_a_slot_reaches_log_and_dialog_without_personal_data(
        qtbot, family, log_file, reporter):
    def save_family_in_background():
        typed_name, typed_address, typed_note = family["name"], family["address"], family["note"]
        raise FamilySaveBug(f"could not save {typed_name} at {typed_address}: {typed_note}")

    background.run_task(save_family_in_background, lambda _result: None)  # no `failed`: a bug
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=10_000)

    def on_save_clicked():
        held = dict(family)
        raise KeyError(f"{held['name']} / {held['note']}")

    button = QPushButton("save")
    qtbot.addWidget(button)
    button.clicked.connect(on_save_clicked)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "KeyError" in reporter.dialog.report.toPlainText(), timeout=10_000)

    shown = reporter.dialog.report.toPlainText()
    written = log_file.read_bytes().decode("utf-8")
    for where in (shown, written):
        assert "FamilySaveBug" in where and "save_family_in_background" in where
        assert "KeyError" in where and "on_save_clicked" in where
        assert "tests/test_crash_reports.py:" in where or "test_crash_reports.py:" in where
        for piece in personal(family):
            assert piece not in where
    assert "FieldApp " in shown  # the version, for IT
    qtbot.mouseClick(reporter.dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == shown


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_another_thread_reaches_the_dialog_on_the_gui_thread(qtbot, family, log_file, reporter):
    def worker():
        raise FamilySaveBug(family["note"])

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=10_000)
    assert "FamilySaveBug" in reporter.dialog.report.toPlainText()
    assert family["note"] not in log_file.read_bytes().decode("utf-8")


def test_any_logger_is_screened(family, log_file):
    logging.getLogger("fieldapp.sync").info("round failed: %s after %d tries", "offline", 3)
    logging.getLogger("urllib3.connectionpool").warning("family %s at %s", family["name"], family["address"])
    logging.getLogger("somebody").error("note: %r", {"note": family["note"]})
    written = log_file.read_text(encoding="utf-8")
    assert "round failed: offline after 3 tries" in written
    assert "urllib3.connectionpool: family <str> at <str>" in written
    assert "somebody: note: <dict>" in written
    for piece in personal(family):
        assert piece not in written


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_the_log_is_owner_only_and_rotates(tmp_path):
    path = logs.configure(tmp_path / "logs")
    try:
        big = logging.getLogger("fieldapp.test")
        for i in range(30_000):
            big.info("line %d of a long day of work, counted", i)
        files = sorted(p.name for p in path.parent.iterdir())
        assert files == ["fieldapp.log", "fieldapp.log.1", "fieldapp.log.2"]
        for name in files:
            assert stat.S_IMODE((path.parent / name).stat().st_mode) == 0o600
            assert (path.parent / name).stat().st_size <= logs.MAX_BYTES + 200
    finally:
        for handler in list(logging.getLogger().handlers):
            if isinstance(handler, logging.handlers.RotatingFileHandler):
                logging.getLogger().removeHandler(handler)
                handler.close()


def test_qt_messages_keep_only_the_qt_function_that_spoke(family, log_file):
    from PySide6.QtCore import QtMsgType

    from fieldapp.ui.app import _qt_message

    _qt_message(QtMsgType.QtWarningMsg, None, f"QLabel::setText: cannot show {family['name']}")
    _qt_message(QtMsgType.QtCriticalMsg, None, f"{family['note']}: and more")
    written = log_file.read_text(encoding="utf-8")
    assert "WARNING fieldapp.qt: Qt QLabel::setText" in written
    assert "ERROR fieldapp.qt: Qt message" in written
    for piece in personal(family):
        assert piece not in written

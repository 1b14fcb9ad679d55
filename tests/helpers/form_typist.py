"""Typing Ukrainian into real widgets, and a program that types into the home-visit form until killed.

`type_text(widget, text)` sends key events one character at a time, as a
keyboard does (QTest.keyClicks accepts only ASCII: it asserts on "ї").

As a program (run by tests/test_forms_kill.py, which kills it with SIGKILL):
``python form_typist.py PROFILE HOUSEHOLD_ID TEXT`` (the passphrase on
standard input) opens the real form offscreen, prints "ready", types TEXT
into the visit's notes and then goes on typing it again, slowly, forever;
it prints "draft <id> <n>" each time a draft was saved with n characters typed.
"""

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` into `widget` through key events (any alphabet)."""
    for ch in text:
        if ch.isascii() and ch != "\n":
            QTest.keyClick(widget, ch)
        elif ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from fieldapp.store.database import Store
    from fieldapp.ui.forms import open_form

    profile, household_id, text = sys.argv[1], sys.argv[2], sys.argv[3]  # then "--each" optionally
    app = QApplication(sys.argv[:1])
    store = Store.open(profile, sys.stdin.readline().rstrip("\n"))
    dialog = open_form(None, store, "home_visit", household_id, lang="uk")
    each = sys.argv[4:5] == ["--each"]  # say every keystroke; the form's own autosave as it ships
    if not each:
        dialog.timer.setInterval(200)  # the test should not wait 3 s for each draft
    dialog.show()
    notes = dialog.view.editor("notes").focus_target()
    notes.setFocus()
    typed = 0

    def saved(draft_id: str) -> None:
        print("draft", draft_id, typed, flush=True)

    def type_one() -> None:
        nonlocal typed
        type_text(notes, text[typed % len(text)])
        typed += 1
        if each:
            print("typed", typed, flush=True)
        if typed == len(text):
            timer.setInterval(150 if each else 40)  # then slowly (a brisk person: 7 keys a second)

    dialog.draft_saved.connect(saved)
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(type_one)
    timer.start()
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()

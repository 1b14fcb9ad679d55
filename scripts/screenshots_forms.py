"""Render every built-in form offscreen to PNG, in Ukrainian and English.

    python scripts/screenshots_forms.py [OUT] [SCREEN]    # default /tmp/fieldapp-shots 1366x768

Each form is shown for a made-up family (a mother, a father, two children) in
a window on a 1366x768 screen (or SCREEN, e.g. 1280x720), page by page, and once more after pressing Submit on the
empty form (messages next to their fields); a page taller than the window is also saved
whole, in Ukrainian ("-full"). Look at every picture: clipped or
overflowing labels, ugly empty states.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from casework import forms  # noqa: E402
from fieldapp.store.database import Store  # noqa: E402
from fieldapp.ui.app import install_translators  # noqa: E402
from fieldapp.ui.forms.repeat_editor import RepeatEditor  # noqa: E402

TASKBAR = 28  # what the system takes of the screen's height
SIZE = (1366, 768 - TASKBAR)
PART = 1400  # height of each part of a whole long page

FAMILY = {
    "family_name": "Коваленко", "hromada": "UA59080270000073662", "settlement": "UA59080270010036634",
    "address": "вул. Шкільна, 12", "identified_on": "2026-03-02", "categories": ["with_children", "idp"],
}
MEMBERS = (
    {"role": "mother", "surname": "Коваленко", "given_name": "Оксана", "patronymic": "Петрівна", "birth_date": "1988-04-11", "sex": "female"},
    {"role": "father", "surname": "Коваленко", "given_name": "Андрій", "patronymic": "Іванович", "birth_date": "1985-09-30", "sex": "male"},
    {"role": "child", "surname": "Коваленко", "given_name": "Марʼяна", "patronymic": "Андріївна", "birth_date": "2015-02-14", "sex": "female"},
    {"role": "child", "surname": "Коваленко", "given_name": "Богдан", "patronymic": "Андрійович", "birth_date": "2019-07-03", "sex": "male"},
)


def make_family(store: Store) -> str:
    household = store.write(lambda tx: tx.create("households", FAMILY))
    for person in MEMBERS:
        store.write(lambda tx, p=person: tx.create("persons", {**p, "household_id": household["id"]}))
    return household["id"]


def render(out: Path, store: Store, household_id: str, lang: str, *, pages: bool = True) -> list[Path]:
    from fieldapp.ui.forms import open_form

    written = []
    for form_id in forms.available_forms():
        dialog = open_form(None, store, form_id, household_id, lang=lang)
        dialog.timer.stop()
        dialog.resize(*SIZE)
        dialog.show()
        count = len(dialog.view.pages) if pages else 1
        seen: set[str] = set()
        for n in range(count):
            dialog.view.show_page(n)
            for box in list(dialog.view._boxes.values()):
                if isinstance(box.editor, RepeatEditor) and not box.editor.rows and box.isVisible():
                    box.editor.add_button.click()  # a row in sight, to see how rows look
                    QApplication.processEvents()
            QApplication.processEvents()  # twice: a page shown sizes itself on the next round
            QApplication.processEvents()
            path = out / f"{form_id}-{lang}-{n + 1:02d}.png"
            dialog.grab().save(str(path))
            written.append(path)
            scroll = dialog.view.stack.currentWidget()
            content = scroll.widget()
            section = dialog.view.pages[n].section.id
            if lang == "uk" and content.height() > scroll.viewport().height() and section not in seen:
                # The whole page, below the fold too (Ukrainian: the longer labels), in
                # parts a screen can show; a section repeated per child once.
                seen.add(section)
                whole = content.grab()
                # (the last part gets the remainder when it would be a thin strip)
                tops = [t for t in range(0, whole.height(), PART) if t == 0 or whole.height() - t > 120]
                for part, top in enumerate(tops):
                    bottom = tops[part + 1] if part + 1 < len(tops) else whole.height()
                    path = out / f"{form_id}-{lang}-{n + 1:02d}-full{part + 1}.png"
                    whole.copy(0, top, whole.width(), bottom - top).save(str(path))
                    written.append(path)
        dialog.save(submit=True)  # refused: the empty form shows its messages
        QApplication.processEvents()
        path = out / f"{form_id}-{lang}-problems.png"
        dialog.grab().save(str(path))
        written.append(path)
        dialog.confirm_discard = lambda: True
        dialog.reject()
        dialog.deleteLater()
        QApplication.processEvents()
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path("/tmp/fieldapp-shots")
    out.mkdir(parents=True, exist_ok=True)
    if len(argv) > 2:
        global SIZE
        width, _, height = argv[2].partition("x")
        SIZE = (int(width), int(height) - TASKBAR)
    app = QApplication.instance() or QApplication(argv)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.create(Path(tmp) / "profile", "screenshots only")
        try:
            household_id = make_family(store)
            for lang in ("uk", "en"):
                for t in getattr(app, "_form_translators", []):
                    app.removeTranslator(t)
                app.setProperty("fieldapp_lang", lang)
                app._form_translators = install_translators(app, lang)  # type: ignore[attr-defined]
                for path in render(out, store, household_id, lang):
                    print(path)
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Render the caseload (list, a mid-word search, a Latin search) at 1366x768 and 1280x720, in one language.

    python scripts/caseload_screens.py LANG OUT_DIR

Generated demo families only (fieldapp.demo). A screen's window is the screen minus a 40-px taskbar.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSPHRASE = "липовий цвіт у червні 2026"


def main(lang: str, out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from casework.translit import latin
    from fieldapp import demo
    from fieldapp.store import queries
    from fieldapp.store.database import Store
    from fieldapp.ui import background
    from fieldapp.ui.app import create_application
    from fieldapp.ui.main_window import MainWindow

    app = create_application([sys.argv[0]], lang)
    background.set_synchronous(True)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="fieldapp-caseload-shots-") as tmp:
        with Store.create(Path(tmp) / "p", PASSPHRASE) as s:
            demo.fill(s, 60, seed=11)
        store = Store.open(Path(tmp) / "p", PASSPHRASE)
        try:
            window = MainWindow(store)
            family = queries.caseload_rows(store, queries.caseload_ids(store))[7].family_name
            for width, height in ((1366, 768), (1280, 720)):
                window.resize(width, height - 40)
                window.show()
                for name, typed in (("list", ""), ("mid-word", family[1:5]), ("latin", latin(family)[:6].lower())):
                    window.caseload_view.search.setText(typed)
                    window.caseload_view.apply_filter()
                    for _ in range(5):
                        app.processEvents()
                    window.grab().save(str(out / f"{lang}-{width}x{height}-caseload-{name}.png"), "PNG")
        finally:
            window.close()
            store.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))

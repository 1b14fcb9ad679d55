"""Render the plan form with 20 actions (its actions page: closed rows, one opened) as PNGs.

    python scripts/shots_plan.py OUT_DIR

Each language in its own process (Qt's translators are per process); sizes are 1366×768 and
1280×720 less a 40-pixel taskbar, as fieldapp/ui/screen.py fits a dialog to them. Made-up data.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCREENS = ((1366, 768), (1280, 720))
TASKBAR = 40


def _render(lang: str, out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRect

    from casework.ids import new_id
    from fieldapp.store.crypto import KdfCost
    from fieldapp.store.database import Store
    from fieldapp.ui import screen
    from fieldapp.ui.app import create_application
    from fieldapp.ui.forms import open_form

    app = create_application([sys.argv[0]], lang)
    with tempfile.TemporaryDirectory(prefix="fieldapp-shots-plan-") as tmp:
        store = Store.create(Path(tmp) / "p", "shots passphrase plan", kdf=KdfCost(time_cost=1, memory_kib=8192, parallelism=1))
        hid = store.write(lambda tx: tx.create("households", {
            "family_name": "Коваленко", "hromada": "UA59080270000073662", "identified_on": "2026-03-02"}))["id"]
        actions = [{"id": new_id(), "text": f"Захід плану № {n + 1}: консультація й супровід до установи",
                    "result": "Документи оформлено" if n % 3 == 0 else "",
                    "responsible": "Фахівець Петренко О. В.", "due": f"2027-0{1 + n % 9}-15", "provider": "ЦНАП громади"}
                   for n in range(20)]
        pid = store.write(lambda tx: tx.create("plans", {
            "household_id": hid, "drawn_up_on": "2026-10-01", "goals": "Діти відвідують школу.", "goal_codes": ["safety"],
            "actions": [{k: v for k, v in a.items() if v} for a in actions], "term_from": "2026-10-01",
            "term_until": "2027-04-01", "next_review_on": "2027-01-01", "form_id": "case_plan", "form_version": 2,
            "review_status": "draft"}))["id"]
        for w, h in SCREENS:
            dialog = open_form(None, store, "case_plan", hid, pid)
            dialog.timer.stop()
            screen.fit(dialog, 1180, 820, area=QRect(0, 0, w, h - TASKBAR))
            dialog.show()
            dialog.view.show_page(2)
            for _ in range(5):
                app.processEvents()
            dialog.grab().save(str(out / f"{lang}-plan20-closed-{w}x{h}.png"))
            dialog.view.editor("actions").rows[1].open(focus=True)
            for _ in range(5):
                app.processEvents()
            dialog.grab().save(str(out / f"{lang}-plan20-row2-open-{w}x{h}.png"))
            dialog.close()
        store.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 2:
        _render(sys.argv[2], out)
        return 0
    for lang in ("uk", "en"):
        subprocess.run([sys.executable, __file__, str(out), lang], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

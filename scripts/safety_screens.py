"""Render the child-safety screens offscreen, in Ukrainian and English, at the laptops' two sizes.

    python scripts/safety_screens.py [--out DIR]

The family file's Safety tab (with protected access), the safety assessment, a notice, the risk
assessment and incident forms, Today with an overdue concern, and the supervisor's review queue
with its concerns first. Made-up families (fieldapp.demo and test-like records), never real people.
Each language runs in its own process (Qt's translators are per process).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSPHRASE = "липовий цвіт у червні 2026"
SIZES = ((1366, 768), (1280, 720))


def _render(lang: str, out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from casework.ids import new_id
    from fieldapp import demo
    from fieldapp.store import queries
    from fieldapp.store.crypto import KdfCost
    from fieldapp.store.database import Store
    from fieldapp.ui import background
    from fieldapp.ui.app import create_application
    from fieldapp.ui.family_file import FamilyFile
    from fieldapp.ui.forms import open_form
    from fieldapp.ui.safety import starts
    from fieldapp.ui.supervisor.review_queue import ReviewQueueView
    from fieldapp.ui.today_view import TodayView

    app = create_application([sys.argv[0]], lang)
    background.set_synchronous(True)

    shown = []

    def save(widget, name: str, size: tuple[int, int] | None) -> None:
        shown.append(widget)
        if size is not None:
            widget.resize(*size)
        widget.show()
        for _ in range(8):
            app.processEvents()
        label = f"{size[0]}x{size[1]}" if size else "own"
        widget.grab().save(str(out / f"{lang}-{name}-{label}.png"), "PNG")

    with tempfile.TemporaryDirectory(prefix="fieldapp-safety-shots-") as tmp:
        store = Store.create(Path(tmp) / "p", PASSPHRASE, kdf=KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1))
        demo.fill(store, 12, seed=3, today=dt.date.today())
        queries.prepare(store)
        store.write(lambda tx: tx.set_meta("user", json.dumps({"role": "supervisor", "protected_access": True,
                                                                 "display_name": "Софія Мельник"})))
        hid = next(h["id"] for h in store.records("households") if h.get("status") == "active")
        child = next((p["id"] for p in queries.members(store, hid) if p.get("role") == "child"), None)
        now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
        visit = store.write(lambda tx: tx.create("visits", {
            "household_id": hid, "started_at": (now - dt.timedelta(hours=27)).isoformat(), "type": "monitoring",
            "place": "home", "safety_concern": True, "review_status": "submitted",
            "children_seen": [child] if child else [], "members_present": [child] if child else [],
            "safety_details": "Синці на руках дитини; дитина боїться йти додому."}))
        store.write(lambda tx: tx.create("safety_assessments", {
            "household_id": hid, "child_id": child or new_id(), "visit_id": visit["id"],
            "identified_at": visit["started_at"], "assessed_on": (now - dt.timedelta(hours=26)).date().isoformat(),
            "safety_level": "D", "immediate_measures": "Дитину з матірʼю переведено до родичів."}))
        store.write(lambda tx: tx.create("safety_notices", {
            "household_id": hid, "concern_id": visit["id"], "recipient": "police", "channel": "phone",
            "notified_by": "Анна Коваль", "notified_at": (now - dt.timedelta(hours=26)).isoformat(),
            "answer": "Прийнято, номер 1520"}))
        store.write(lambda tx: tx.create("dv_risk_assessments", {
            "household_id": hid, "person_id": child or new_id(), "assessed_on": now.date().isoformat(),
            "risk_level": "high"}))
        for size in SIZES:
            page = FamilyFile(store, hid)
            page.sections.setCurrentWidget(page.safety_panel)
            save(page, "family-safety", size)
            today = TodayView(store)
            today.reload()
            save(today, "today", size)
            queue = ReviewQueueView(store)
            save(queue, "review-queue", size)
        for name, dialog in (("assessment", starts.assessment_from_visit(None, store, visit["id"])),
                             ("notice", starts.new_notice(None, store, hid, visit["id"], "children_service")),
                             ("risk", open_form(None, store, "dv_risk_assessment", hid)),
                             ("incident", open_form(None, store, "violence_incident", hid))):
            dialog.timer.stop()
            for size in SIZES:
                save(dialog, f"form-{name}", (min(dialog.width(), size[0]), size[1] - 60))
            dialog.confirm_discard = lambda: True
            dialog.reject()
        for widget in shown:  # every screen gone before its store closes
            widget.close()
            widget.deleteLater()
        for _ in range(8):
            app.processEvents()
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("/work/wt/shots/safety"))
    parser.add_argument("--lang", action="append")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.lang and len(args.lang) == 1:
        _render(args.lang[0], args.out)
        return 0
    for lang in args.lang or ["uk", "en"]:
        subprocess.run([sys.executable, __file__, "--out", str(args.out), "--lang", lang], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

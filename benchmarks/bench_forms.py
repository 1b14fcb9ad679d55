"""The form engine: opening a form, saving a visit through it, keeping a draft.

A family of four (two adults, two children) in a fresh encrypted profile; the
store holds 2,000 visits already, so saving a visit also updates a search
index that is not empty.
"""

from __future__ import annotations

import datetime as dt
import time

from benchmarks.runner import Bench, scenario

ROUNDS = 20
PASSPHRASE = "bench passphrase forms"
MEMBERS = (
    ("mother", "Оксана", "1988-04-11"), ("father", "Андрій", "1985-09-30"),
    ("child", "Марʼяна", "2015-02-14"), ("child", "Богдан", "2019-07-03"),
)
NOTES = ("Сімʼя отримала дрова на зиму; Марʼяна знову ходить до школи, Богдан — до садочка. "
         "Мати шукає роботу, домовилися про консультацію в центрі зайнятості.")


def _profile(bench: Bench, visits: int = 2000):
    from PySide6.QtWidgets import QApplication

    from fieldapp.store.crypto import KdfCost
    from fieldapp.store.database import Store

    app = QApplication.instance() or QApplication([])
    app.setProperty("fieldapp_lang", "uk")
    cheap = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)  # the unlock is not what is measured here
    store = Store.create(bench.tmp / "profile", PASSPHRASE, kdf=cheap)
    household = store.write(lambda tx: tx.create("households", {
        "family_name": "Коваленко", "hromada": "UA59080270000073662", "identified_on": "2026-03-02"}))
    hid = household["id"]
    people = []
    for role, given, born in MEMBERS:
        person = {"household_id": hid, "role": role, "surname": "Коваленко", "given_name": given, "birth_date": born}
        people.append(store.write(lambda tx, p=person: tx.create("persons", p))["id"])

    def many(tx):
        for n in range(visits):
            tx.create("visits", {"household_id": hid, "started_at": "2026-10-05T10:30:00+03:00",
                                 "type": "monitoring", "place": "home", "notes": f"{NOTES} {n}"})

    store.write(many)
    return app, store, hid, people


def _answers(people: list[str]) -> dict:
    return {
        "started_at": dt.datetime(2026, 10, 5, 10, 30).astimezone().isoformat(), "type": "monitoring",
        "place": "home", "duration_min": 50, "members_present": people[:3], "children_seen": [people[2]],
        "housing.heating": "solid_fuel", "housing.utilities": ["electricity", "water"], "care.quality": 4,
        "safety_concern": False, "next_steps": [{"text": "Консультація в центрі зайнятості", "due": "2026-10-20"}],
        "next_visit_on": "2026-11-05", "notes": NOTES, "attest.worker": True,
    }


@scenario("forms.open_home_visit", "Forms: open the home-visit form (dialog built and shown)")
def open_home_visit(bench: Bench) -> None:
    from fieldapp.ui.forms import open_form

    app, store, hid, _people = _profile(bench, visits=0)
    try:
        for form_id, metric in (("home_visit", "home visit"), ("needs_assessment", "needs assessment, 2 children")):
            for _ in range(ROUNDS):
                with bench.measure(metric):
                    dialog = open_form(None, store, form_id, hid)
                    dialog.show()
                    app.processEvents()
                dialog.timer.stop()
                dialog.hide()
                dialog.deleteLater()
                app.processEvents()
        dialog = open_form(None, store, "needs_assessment", hid)
        dialog.show()
        for n in range(len(dialog.view.pages)):
            with bench.measure("needs assessment, each page first shown"):
                dialog.view.show_page(n)
                app.processEvents()
        dialog.timer.stop()
        dialog.deleteLater()
    finally:
        store.close()


@scenario("forms.save_visit", "Forms: submit a filled home visit (checks, record + outbox + search, draft discarded)")
def save_visit(bench: Bench) -> None:
    from casework import forms
    from fieldapp.store.database import Draft
    from fieldapp.ui.forms import FormDialog

    app, store, hid, people = _profile(bench)
    definition = forms.load_form("home_visit")
    try:
        for _ in range(ROUNDS):
            draft = Draft("", "home_visit", "visits", None, hid, {"answers": _answers(people)}, "")
            dialog = FormDialog(definition, store, hid, draft=draft)
            dialog.draft_id = None
            dialog.timer.stop()
            with bench.measure("keep a draft (every few seconds while typing)"):
                dialog._dirty = True
                dialog.save_draft_now()
            with bench.measure("submit: validate, write the visit, discard the draft"):
                ok = dialog.save(submit=True)
            assert ok, dialog.status_text()
            dialog.deleteLater()
            app.processEvents()
        bench.record("visits in the profile", store.count("visits"), "visits")
    finally:
        store.close()


@scenario("forms.open_plan", "Forms: open a plan of 20 actions (the form, and the family file's Plan tab)")
def open_plan(bench: Bench) -> None:
    """Issue 12 asks a plan with 20 actions to open in under 100 ms; the floor beside it is a new,
    empty plan form opened in the same run."""
    from casework.ids import new_id
    from fieldapp.ui.family_file import FamilyFile
    from fieldapp.ui.forms import open_form

    app, store, hid, _people = _profile(bench, visits=0)
    actions = [{"id": new_id(), "text": f"Захід плану № {n + 1}: консультація й супровід до установи",
                "responsible": "Фахівець Петренко О. В.", "due": f"2027-0{1 + n % 9}-15", "provider": "ЦНАП громади"}
               for n in range(20)]
    plan = store.write(lambda tx: tx.create("plans", {
        "household_id": hid, "drawn_up_on": "2026-10-01", "goals": "Діти відвідують школу.", "goal_codes": ["safety"],
        "actions": actions, "term_from": "2026-10-01", "term_until": "2027-04-01", "next_review_on": "2027-01-01",
        "form_id": "case_plan", "form_version": 2, "review_status": "draft"}))
    store.write(lambda tx: [tx.create("action_updates", {"household_id": hid, "plan_id": plan["id"],
                                                         "action_id": a["id"], "status": "done", "on": "2026-11-01"})
                            for a in actions[:10]])
    try:
        for metric, record_id in (("floor: a new plan form, no actions", None), ("plan of 20 actions", plan["id"])):
            for _ in range(ROUNDS):
                cpu = time.process_time()
                with bench.measure(metric):
                    dialog = open_form(None, store, "case_plan", hid, record_id)
                    dialog.show()
                    dialog.view.show_page(2)  # the actions' page, built when first shown
                    app.processEvents()
                # This process's CPU time as well: on a loaded machine it counts the work, not the waiting.
                bench.add(f"{metric}, CPU time", (time.process_time() - cpu) * 1000.0, "ms")
                dialog.timer.stop()
                dialog.hide()
                dialog.deleteLater()
                app.processEvents()
        for _ in range(ROUNDS):
            with bench.measure("family file with the plan's 20 actions and their status"):
                page = FamilyFile(store, hid)
                page.sections.setCurrentWidget(page.plan_panel)
                page.show()
                app.processEvents()
            page.hide()
            page.deleteLater()
            app.processEvents()
    finally:
        store.close()

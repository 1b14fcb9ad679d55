"""The form engine's window, driven through real widgets on a real encrypted store."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import factories
import pytest
from helpers.form_typist import type_text
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QRadioButton

from casework import forms
from casework.ids import is_uuid, new_id
from fieldapp.store.errors import DiskFull, RecordLocked
from fieldapp.ui.app import install_translators
from fieldapp.ui.forms import discard_draft, draft_title, open_form, pending_drafts, restore_draft

NOTES = "Сімʼя отримала дрова; Марʼяна ходить до школи."
# Fixed data, not Faker's: these tests leave the shared Faker sequence of other tests alone.
FAMILY = {"family_name": "Коваленко", "hromada": factories.HROMADA, "settlement": factories.SETTLEMENT,
          "address": "вул. Шкільна, 12", "identified_on": "2026-03-02", "categories": ["with_children"]}
LONELY = dict(FAMILY, family_name="Самійленко", categories=[])


@pytest.fixture
def family(store):
    household = store.write(lambda tx: tx.create("households", FAMILY))
    hid = household["id"]
    people = {}
    for role, given, born in (("mother", "Оксана", "1988-04-11"), ("child", "Марʼяна", "2015-02-14"),
                              ("child", "Богдан", "2019-07-03")):
        person = {"household_id": hid, "role": role, "surname": "Коваленко", "given_name": given, "birth_date": born}
        people[given] = store.write(lambda tx, p=person: tx.create("persons", p))["id"]
    return hid, people


@contextmanager
def language(qapp, lang):
    """The application in `lang` for a while; then as it was (other tests share the QApplication)."""
    before, locale = qapp.property("fieldapp_lang"), QLocale()
    translators = install_translators(qapp, lang)
    qapp.setProperty("fieldapp_lang", lang)
    try:
        yield
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        qapp.setProperty("fieldapp_lang", before)
        QLocale.setDefault(locale)


@pytest.fixture
def uk(qapp):
    with language(qapp, "uk"):
        yield


def show(qtbot, dialog):
    dialog.confirm_discard = lambda: True  # closing at the end of a test asks nobody
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def click(qtbot, widget):
    if isinstance(widget, (QCheckBox, QRadioButton)):  # on the box itself: the widget may be wider than its text
        pos = QPoint(min(8, widget.width() // 2), widget.height() // 2)
    else:
        pos = widget.rect().center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def choose(qtbot, dialog, key, n):
    view = dialog.view
    view.box(key)
    button = (dialog.findChild(QRadioButton, f"field:{key}:{n}") or dialog.findChild(QCheckBox, f"field:{key}:{n}")
              or (dialog.findChild(QCheckBox, f"field:{key}") if n == 0 else None))  # a confirmation: one box
    assert button is not None, key
    click(qtbot, button)


def pick_in_list(qtbot, dialog, key, text):
    combo = dialog.view.editor(key).focus_target()
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    if " " not in text:
        type_text(combo, text)  # a closed list jumps to the entry typed, as on a keyboard
    for _ in range(combo.count()):  # (a space would open the list): down the list instead
        if combo.currentText().startswith(text):
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText().startswith(text)


def fill_visit(qtbot, dialog, *, notes=NOTES):
    view = dialog.view
    pick_in_list(qtbot, dialog, "type", "Плановий")
    duration = view.editor("duration_min").focus_target()
    type_text(duration, "45")
    choose(qtbot, dialog, "members_present", 0)
    choose(qtbot, dialog, "members_present", 1)
    choose(qtbot, dialog, "children_seen", 0)
    choose(qtbot, dialog, "safety_concern", 1)  # no
    choose(qtbot, dialog, "care.quality", 3)  # 4 of 5
    if notes:
        type_text(view.editor("notes").focus_target(), notes)
    choose(qtbot, dialog, "attest.worker", 0)  # yes


def test_every_built_in_form_renders_in_both_languages(qtbot, qapp, store, family):
    hid, _ = family
    lonely = store.write(lambda tx: tx.create("households", LONELY))["id"]
    for lang in ("uk", "en"):
        with language(qapp, lang):
            for household in (hid, lonely):
                for form_id in forms.available_forms():
                    dialog = show(qtbot, open_form(None, store, form_id, household, lang=lang))
                    dialog.timer.stop()
                    for n in range(len(dialog.view.pages)):
                        dialog.view.show_page(n)
                    QApplication.processEvents()
                    labels = [w.text() for w in dialog.findChildren(QLabel) if w.isVisibleTo(dialog)]
                    assert dialog.definition.title[lang] in dialog.windowTitle()
                    assert all("{" not in t for t in labels)
                    if lang == "uk":
                        assert dialog.cancel_button.text() == "Скасувати"
                    dialog.close()
                    dialog.deleteLater()
    assert pending_drafts(store) == []


def test_needs_assessment_has_a_page_per_child_and_says_when_there_are_none(qtbot, store, family, uk):
    hid, people = family
    dialog = show(qtbot, open_form(None, store, "needs_assessment", hid))
    titles = [dialog.view.sections.item(n).text() for n in range(dialog.view.sections.count())]
    assert any("Марʼяна" in t for t in titles) and any("Богдан" in t for t in titles)
    key = f"child.{people['Марʼяна']}.health.finding"
    assert dialog.view.is_shown(key)
    lonely = store.write(lambda tx: tx.create("households", LONELY))["id"]
    empty = show(qtbot, open_form(None, store, "needs_assessment", lonely))
    empty.view.show_page(1)
    note = empty.findChild(QLabel, "emptySection")
    assert note is not None and "немає дітей" in note.text()
    for d in (dialog, empty):
        d.timer.stop()


def test_fill_a_home_visit_save_find_and_reopen(qtbot, store, family, uk):
    hid, people = family
    dialog = show(qtbot, open_form(None, store, "home_visit", hid))
    fill_visit(qtbot, dialog)
    click(qtbot, dialog.submit_button)
    assert dialog.outcome == "submitted", dialog.status_text()
    visit = dialog.record
    assert visit["notes"] == NOTES and visit["type"] == "monitoring" and visit["duration_min"] == 45
    assert visit["review_status"] == "submitted" and visit["form_id"] == "home_visit"
    assert visit["safety_concern"] is False and visit["care.quality"] == 4
    assert set(visit["members_present"]) == {people["Оксана"], people["Марʼяна"]}
    assert visit["children_seen"] == [people["Марʼяна"]]
    assert [h.record_id for h in store.search("дрова")] == [visit["id"]]
    assert pending_drafts(store) == []  # saving discarded the draft

    again = show(qtbot, open_form(None, store, "home_visit", hid, record_id=visit["id"]))
    view = again.view
    assert view.editor("notes").value() == NOTES
    assert view.editor("type").focus_target().currentText() == "Плановий моніторинговий"
    assert view.editor("duration_min").value() == 45
    assert view.editor("started_at").value() == visit["started_at"]
    assert set(view.editor("members_present").value()) == set(visit["members_present"])
    assert view.editor("care.quality").value() == 4
    assert not again.draft_button.isVisible()  # submitted: no going back to a draft
    again.timer.stop()


def test_a_required_answer_left_empty_blocks_submission_but_not_a_draft(qtbot, store, family, uk):
    hid, _ = family
    dialog = show(qtbot, open_form(None, store, "home_visit", hid))
    fill_visit(qtbot, dialog, notes="")
    click(qtbot, dialog.submit_button)
    assert dialog.outcome is None and dialog.isVisible()
    box = dialog.view.box("notes")
    assert box.message.isVisible() and box.message.text() == "Це поле обовʼязкове."
    assert dialog.view.sections.currentRow() == 6  # taken to the question
    assert "⚠" in dialog.view.sections.item(6).text()
    assert store.count("visits") == 0
    click(qtbot, dialog.draft_button)
    assert dialog.outcome == "saved"
    (visit,) = store.records("visits")
    assert visit["review_status"] == "draft" and "notes" not in visit
    assert pending_drafts(store) == []


def test_a_draft_missing_the_records_own_fields_stays_a_local_draft(qtbot, store, family, uk):
    hid, _ = family
    dialog = show(qtbot, open_form(None, store, "home_visit", hid))
    type_text(dialog.view.editor("notes").focus_target(), NOTES)  # no type of visit yet
    click(qtbot, dialog.draft_button)
    assert dialog.outcome == "draft_kept"
    assert store.count("visits") == 0
    (draft,) = pending_drafts(store)
    assert draft.data["answers"]["notes"] == NOTES
    assert draft_title(draft, "uk") == "Візит до сімʼї"


def test_relevance_hides_and_shows_live(qtbot, store, family, uk):
    hid, _ = family
    dialog = show(qtbot, open_form(None, store, "home_visit", hid))
    view = dialog.view
    assert not view.is_shown("safety_details")
    choose(qtbot, dialog, "safety_concern", 0)  # yes
    assert view.is_shown("safety_details") and view.is_shown("safety_escalated")
    type_text(view.editor("safety_details").focus_target(), "Синці на руках у дитини")
    choose(qtbot, dialog, "safety_concern", 1)  # no
    assert not view.is_shown("safety_details")
    # An irrelevant answer is neither required nor saved.
    assert "safety_details" not in {p.field for p in forms.validate_answers(
        dialog.definition, view.answers(), view.members, submit=True)}
    pick_in_list(qtbot, dialog, "housing.dwelling_type", "Інше")
    assert view.is_shown("housing.dwelling_other")
    dialog.timer.stop()


def test_typing_is_kept_as_a_draft_on_leaving_a_field_and_on_the_timer(qtbot, store, family, uk):
    hid, _ = family
    dialog = show(qtbot, open_form(None, store, "home_visit", hid))
    dialog.timer.stop()
    notes = dialog.view.editor("notes").focus_target()
    notes.setFocus()
    type_text(notes, "Перші слова")
    with qtbot.waitSignal(dialog.draft_saved, timeout=2000):
        dialog.view.editor("needs.found").focus_target().setFocus()  # leaving the field
    assert pending_drafts(store)[0].data["answers"]["notes"] == "Перші слова"
    dialog.timer.setInterval(50)
    dialog.timer.start()
    type_text(dialog.view.editor("needs.found").focus_target(), "Дрова")
    with qtbot.waitSignal(dialog.draft_saved, timeout=2000):
        pass
    (draft,) = pending_drafts(store)
    assert draft.data["answers"]["needs.found"] == "Дрова"
    assert "Чернетку збережено" in dialog.status_text()
    # Unchanged: no more saves.
    with qtbot.assertNotEmitted(dialog.draft_saved, wait=200):
        pass
    dialog.timer.stop()


def test_restore_draft_shows_what_was_typed(qtbot, store, family, uk):
    hid, _ = family
    first = show(qtbot, open_form(None, store, "home_visit", hid))
    first.timer.stop()
    type_text(first.view.editor("notes").focus_target(), NOTES)
    choose(qtbot, first, "safety_concern", 0)  # a choice: kept at once
    (draft,) = pending_drafts(store)
    first.hide()  # as if the program died here
    dialog = show(qtbot, restore_draft(None, store, draft.id))
    dialog.timer.stop()
    assert dialog.view.editor("notes").value() == NOTES
    assert dialog.view.editor("safety_concern").value() is True
    assert dialog.view.is_shown("safety_details")
    assert dialog.findChild(QLabel, "restoredNote").isVisible()
    discard_draft(store, draft.id)
    assert pending_drafts(store) == []


def test_a_locked_record_is_refused_in_a_sentence_and_nothing_typed_is_lost(qtbot, store, family, uk):
    hid, _ = family
    visit = store.write(lambda tx: tx.create("visits", {
        "household_id": hid, "started_at": "2026-10-05T10:30:00+03:00", "type": "monitoring", "place": "home",
        "notes": "Перший візит.", "review_status": "submitted"}))
    dialog = show(qtbot, open_form(None, store, "home_visit", hid, record_id=visit["id"]))
    dialog.timer.stop()
    store.write(lambda tx: tx.update("visits", visit["id"], {"review_status": "approved"}))  # meanwhile
    notes = dialog.view.editor("notes").focus_target()
    notes.selectAll()
    type_text(notes, NOTES)
    choose(qtbot, dialog, "safety_concern", 1)
    choose(qtbot, dialog, "attest.worker", 0)
    click(qtbot, dialog.submit_button)
    assert dialog.outcome is None and dialog.isVisible()
    assert dialog.status_text() == QCoreApplication.translate("StoreError", RecordLocked.text[1])
    assert dialog.view.editor("notes").value() == NOTES
    (draft,) = pending_drafts(store)
    assert draft.record_id == visit["id"] and draft.data["answers"]["notes"] == NOTES
    # Opened again: approved records are read only.
    locked = show(qtbot, open_form(None, store, "home_visit", hid, record_id=visit["id"]))
    assert locked.read_only and not locked.submit_button.isVisible()
    assert locked.view.reading_text("notes") == NOTES  # laid out for reading, not greyed-out controls


def test_a_full_disk_is_said_in_a_sentence_and_the_form_stays(qtbot, store, family, uk):
    hid, _ = family
    dialog = show(qtbot, open_form(None, store, "home_visit", hid))
    dialog.timer.stop()
    fill_visit(qtbot, dialog)
    long_notes = NOTES + " " + "нотатка " * 2400  # a record that needs new pages in the file
    dialog.view.editor("notes").focus_target().setPlainText(long_notes)  # as if pasted
    # A real SQLITE_FULL: the database file may not grow (as in test_store's full disk).
    pages = store.read().execute("PRAGMA page_count").fetchone()[0]
    store.write(lambda tx: tx.db.execute(f"PRAGMA max_page_count = {pages}"))
    click(qtbot, dialog.submit_button)
    assert dialog.outcome is None and dialog.isVisible()
    assert dialog.status_text() == QCoreApplication.translate("StoreError", DiskFull.text[1])
    assert dialog.view.editor("notes").value() == long_notes
    assert store.count("visits") == 0
    store.write(lambda tx: tx.db.execute("PRAGMA max_page_count = 1073741823"))  # space again
    click(qtbot, dialog.submit_button)
    assert dialog.outcome == "submitted"
    assert store.count("visits") == 1


def test_a_plan_with_action_rows(qtbot, store, family, uk):
    hid, _ = family
    dialog = show(qtbot, open_form(None, store, "case_plan", hid))
    dialog.timer.stop()
    view = dialog.view
    assert view.answers()["term_until"] == forms.add_months(dt.date.today(), 6).isoformat()  # the state standard's term
    choose(qtbot, dialog, "goal_codes", 0)
    type_text(view.editor("goals").focus_target(), "Діти щодня відвідують школу.")
    type_text(view.editor("next_review_on").focus_target(), "01.03.2027")
    repeat = view.editor("actions")
    click(qtbot, repeat.add_button)
    row = repeat.row_editors(0)
    type_text(row["text"].focus_target(), "Оформити допомогу ВПО")
    type_text(row["due"].focus_target(), "31.02.2027")
    click(qtbot, dialog.submit_button)
    assert dialog.outcome is None
    assert view.problem_text("actions[0].due") == "У лютому 2027 року 28 днів."
    assert view.problem_text("actions[0].responsible") == "Заповніть це в кожному рядку."
    assert repeat.rows[0].messages["due"].isVisible()
    row["due"].focus_target().clear()
    type_text(row["due"].focus_target(), "28.02.2027")
    type_text(row["responsible"].focus_target(), "Фахівець Петренко")
    type_text(row["provider"].focus_target(), "ЦНАП громади")
    click(qtbot, dialog.submit_button)
    assert dialog.outcome == "submitted", dialog.status_text()
    [action] = dialog.record["actions"]
    assert is_uuid(action.pop("id"))  # status updates point at the action by this id
    assert action == {"text": "Оформити допомогу ВПО", "due": "2027-02-28", "responsible": "Фахівець Петренко",
                      "provider": "ЦНАП громади"}
    assert dialog.record["next_review_on"] == "2027-03-01"
    assert dialog.record["goal_codes"] == [forms.load_form("case_plan").sections[1].items[1].choices[0].code]


def test_an_approved_plan_opens_read_only_and_a_revision_keeps_it_and_its_action_ids(qtbot, store, family, uk):
    from fieldapp.ui.family.starts import revise_plan

    hid, _ = family
    # The caseworker's plan as the server sends it back approved by her supervisor.
    pid = new_id()
    store.write(lambda tx: tx.apply_remote({
        "id": pid, "collection": "plans", "version": 2, "deleted": False, "household_id": hid,
        "updated_by": "supervisor-sofia", "updated_at": "2026-10-02T10:00:00+00:00",
        "drawn_up_on": "2026-10-01", "goals": "Школа.", "goal_codes": ["safety"],
        "actions": [{"id": new_id(), "text": "Оформити допомогу", "responsible": "Фахівець", "due": "2026-11-01"}],
        "next_review_on": "2027-01-01", "term_from": "2026-10-01", "term_until": "2027-04-01",
        "form_id": "case_plan", "form_version": 2, "review_status": "approved"}))
    first = store.get("plans", pid)
    dialog = show(qtbot, open_form(None, store, "case_plan", hid, first["id"]))
    assert dialog.read_only and not dialog.submit_button.isVisible() and dialog.revise_button.isVisible()
    asked = []
    dialog.revise.connect(asked.append)
    click(qtbot, dialog.revise_button)
    assert asked == [first["id"]]
    revision = show(qtbot, revise_plan(None, store, first["id"]))
    revision.timer.stop()
    assert not revision.read_only
    row = revision.view.editor("actions").row_editors(0)
    type_text(row["text"].focus_target(), " і субсидію")
    click(qtbot, revision.submit_button)
    assert revision.outcome == "submitted", revision.status_text()
    new = revision.record
    assert new["id"] != first["id"] and new["supersedes_id"] == first["id"] and new["plan_version"] == 2
    assert new["actions"][0]["id"] == first["actions"][0]["id"]
    assert new["actions"][0]["text"] == "Оформити допомогу і субсидію"
    assert store.get("plans", first["id"])["actions"] == first["actions"]  # the approved one stays as it was


def test_case_closure_goes_to_the_supervisor_and_leaves_the_case_open(qtbot, store, family, uk):
    hid, _ = family
    dialog = show(qtbot, open_form(None, store, "case_closure", hid))
    dialog.timer.stop()
    view = dialog.view
    pick_in_list(qtbot, dialog, "closure_reason", "Досягнуто")
    choose(qtbot, dialog, "closure_outcome", 2)  # not overcome: the official reason is asked for
    type_text(view.editor("closure.results").focus_target(), "Цілі плану досягнуто.")
    type_text(view.editor("closure.family_state").focus_target(), "Сімʼя справляється сама.")
    choose(qtbot, dialog, "closure.family_informed", 0)
    click(qtbot, dialog.submit_button)
    assert dialog.outcome is None
    assert view.problem_text("closure_outcome_reason") == "Це поле обовʼязкове."
    choose(qtbot, dialog, "closure_outcome", 1)
    click(qtbot, dialog.submit_button)
    assert dialog.outcome == "submitted", dialog.status_text()
    household = store.get("households", hid)
    assert household["status"] == "active" and household["review_status"] == "submitted"
    assert household["closure_outcome"] == "MIN" and "closure_outcome_reason" not in household
    assert household["closure_reason"] == "goals_achieved" and household["form.id"] == "case_closure"


def test_a_referral_saves_without_review(qtbot, store, family, uk):
    hid, people = family
    dialog = show(qtbot, open_form(None, store, "referral", hid))
    dialog.timer.stop()
    assert dialog.submit_button.text() == "Зберегти"
    view = dialog.view
    pick_in_list(qtbot, dialog, "agency_code", "Центр з надання безоплатної")
    type_text(view.editor("agency").focus_target(), "Центр безоплатної правничої допомоги")
    pick_in_list(qtbot, dialog, "person_id", "Коваленко Марʼяна")
    type_text(view.editor("reason").focus_target(), "Відновлення документів дитини.")
    choose(qtbot, dialog, "referral.consent", 0)
    click(qtbot, dialog.submit_button)
    assert dialog.outcome == "submitted", dialog.status_text()
    assert dialog.record["person_id"] == people["Марʼяна"]
    assert "review_status" not in dialog.record and dialog.record["form.version"] == 2
    assert dialog.record["direction"] == "outgoing" and dialog.record["status"] == "sent"
    assert dialog.record["agency_code"] == "free_legal_aid"  # the reference list's code, beside the name typed


def test_nothing_is_clipped_at_1366x768(qtbot, store, family, uk):
    """Every label, box and button of every page shows its whole text (Ukrainian is long)."""
    from PySide6.QtWidgets import QAbstractButton

    hid, _ = family
    for form_id in forms.available_forms():
        dialog = show(qtbot, open_form(None, store, form_id, hid))
        dialog.timer.stop()
        dialog.resize(1366, 740)
        for n in range(len(dialog.view.pages)):
            dialog.view.show_page(n)
            QApplication.processEvents()
            page = dialog.view.stack.currentWidget()
            for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
                if not w.isVisibleTo(dialog) or (isinstance(w, QLabel) and w.wordWrap()):
                    continue
                assert w.width() >= w.sizeHint().width(), f"{form_id}: {w.text()!r} clipped"
        for w in (dialog.cancel_button, dialog.draft_button, dialog.submit_button):
            assert w.width() >= w.sizeHint().width()
        titles = [dialog.view.sections.item(n) for n in range(dialog.view.sections.count())]
        assert all(dialog.view.sections.visualItemRect(t).height() > 0 for t in titles if not t.isHidden())


def test_any_definition_renders_and_round_trips_every_type(qtbot, store, family, uk):
    """Not only the built-in forms: a definition with every question type, values in and out."""
    from fieldapp.ui.forms import FormView

    hid, people = family
    label = {"uk": "Питання", "en": "Question"}
    choices = [{"code": "a", "uk": "Перший", "en": "First"}, {"code": "b", "uk": "Другий", "en": "Second"}]
    types = {
        "text": "Текст", "longtext": "Довгий\nтекст", "number": 12, "date": "2026-10-05", "time": "09:05",
        "datetime": "2026-10-05T10:30:00+03:00", "single": "b", "multiple": ["a", "b"],
        "person": people["Марʼяна"], "persons": [people["Оксана"]], "rating": 3, "checklist": ["a"],
        "yesno": False, "repeat": [{"what": "Крок", "when": "2026-10-20"}],
    }
    items = []
    for kind in types:
        item = {"key": f"all.{kind}", "type": kind, "label": label}
        if kind in ("single", "multiple", "checklist"):
            item["choices"] = choices
        if kind == "repeat":
            item["fields"] = [{"key": "what", "type": "text", "label": label},
                              {"key": "when", "type": "date", "label": label}]
        items.append(item)
    items.append({"type": "note", "label": {"uk": "Примітка", "en": "A note"}})
    definition = forms.parse_definition({
        "id": "every_type", "version": 1, "record_collection": "visits", "title": label,
        "sections": [{"id": "s", "title": label, "items": items}]})
    view = FormView(definition, store, hid, lang="uk", answers={f"all.{k}": v for k, v in types.items()})
    qtbot.addWidget(view)
    view.show()
    for kind, value in types.items():
        got = view.editor(f"all.{kind}").value()
        if kind == "datetime":  # shown in this laptop's time zone: the same moment
            assert forms.parse_datetime(got) == forms.parse_datetime(value)
        else:
            assert got == value, kind
    date = view.editor("all.date").focus_target()
    date.clear()
    type_text(date, "31.12.2026")
    assert view.answers()["all.date"] == "2026-12-31"
    time = view.editor("all.time").focus_target()
    time.clear()
    type_text(time, "25:61")
    (problem,) = forms.validate_answers(definition, view.answers(), view.members, submit=False)
    assert problem.field == "all.time"
    view.set_problems([problem])
    assert view.box("all.time").message.text() == "Введіть час у форматі ГГ:ХХ, наприклад 14:30."

"""The needs assessment reuses what the family card knows (issue 13): the address, the 5-working-day
deadline from receipt of the application (Law "On Social Services", art. 20), the members, a child's
recorded disability pre-ticked; each marked as taken from the card, and editable. Real widgets and store."""

from __future__ import annotations

import factories
from helpers.form_typist import type_text
from PySide6.QtWidgets import QLabel

from casework import forms
from fieldapp.ui.forms import open_form, restore_draft
from tests.test_forms_ui import click, show, uk  # noqa: F401 - the fixture

CARD = {"family_name": "Шаповал", "hromada": factories.HROMADA, "settlement": factories.SETTLEMENT,
        "address": "вул. Садова, 7, кв. 3", "identified_on": "2026-11-30", "received_on": "2026-11-27",
        "identified_how": "application", "categories": ["with_children"]}


def typical_family(store):
    """A mother and two children, the younger with a recorded disability (as the issue's family)."""
    hid = store.write(lambda tx: tx.create("households", CARD))["id"]
    ids = {}
    for role, given, born, disability in (("mother", "Ірина", "1990-05-02", None), ("child", "Софія", "2014-09-01", None),
                                          ("child", "Марко", "2019-03-15", True)):
        person = {"household_id": hid, "role": role, "surname": "Шаповал", "given_name": given, "birth_date": born}
        if disability:
            person["disability"] = True
        ids[given] = store.write(lambda tx, p=person: tx.create("persons", p))["id"]
    return hid, ids


def test_the_assessment_opens_with_what_the_card_knows_marked_and_editable(qtbot, store, uk):  # noqa: F811
    hid, ids = typical_family(store)
    dialog = show(qtbot, open_form(None, store, "needs_assessment", hid))
    dialog.timer.stop()
    view = dialog.view
    assert view.editor("assess.address").value() == CARD["address"]
    assert view.editor("due_on").value() == "2026-12-04"  # Friday 27.11 + 5 working days
    assert view.editor("assess.basis_date").value() == CARD["received_on"]
    assert view.editor("assess.basis").value() == "application"
    assert sorted(view.editor("assess.members_living").value()) == sorted(ids.values())
    assert "disability" in view.editor(f"child.{ids['Марко']}.health.checklist").value()
    assert "disability" not in (view.editor(f"child.{ids['Софія']}.health.checklist").value() or [])
    note = view.box("assess.address").findChild(QLabel, "fromCard")
    assert note.isVisible() and "з картки сімʼї" in note.text()
    assert not view.box("assess.general").findChild(QLabel, "fromCard").isVisible()  # only what the card gave
    address = view.editor("assess.address").focus_target()
    address.setFocus()
    address.selectAll()
    type_text(address, "вул. Нова, 1")  # the family moved: the card's answer is only a suggestion
    assert not note.isVisible() and view.answers()["assess.address"] == "вул. Нова, 1"
    assert "assess.address" not in view.from_card and "due_on" in view.from_card
    assert dialog.save_draft_now()
    again = show(qtbot, restore_draft(None, store, dialog.draft_id))
    again.timer.stop()
    assert again.view.box("due_on").findChild(QLabel, "fromCard").isVisible()  # the mark survives a draft
    assert not again.view.box("assess.address").findChild(QLabel, "fromCard").isVisible()


def test_answers_a_caseworker_still_gives_for_a_typical_family(store, capsys):
    """Count the questions to answer before the assessment can be submitted, without and with the card's
    answers, for the issue's typical family (the required findings are the caseworker's judgement)."""
    hid, _ = typical_family(store)
    form = forms.load_form("needs_assessment")
    persons = list(store.records("persons", household_id=hid))
    members = forms.members_of(persons)
    start = forms.initial_answers(form, None, members)
    card = forms.card_answers(form, store.get("households", hid), persons, members)
    required = {p.field for p in forms.validate_answers(form, start, members, submit=True)}
    # Without the card the caseworker answered the required questions and typed the card's facts again.
    before = len(required | set(card))
    after_answers = {**start, **card}
    after = len({p.field for p in forms.validate_answers(form, after_answers, members, submit=True)})
    print(f"answers to give, typical family (1 adult, 2 children): before {before}, after {after}; "
          f"taken from the card: {sorted(card)}")
    assert set(card) >= {"assess.address", "due_on", "assess.members_living", "assess.basis_date", "assess.basis"}
    assert after == len(required) < before


def test_a_prefill_that_names_no_source_is_refused_when_the_form_is_read():
    import pytest

    base = {"id": "x", "version": 1, "record_collection": "assessments", "title": {"uk": "Х", "en": "X"},
            "sections": [{"id": "s", "title": {"uk": "С", "en": "S"}, "items": [
                {"key": "assess.address", "type": "text", "label": {"uk": "А", "en": "A"}, "prefill": "card.address"}]}]}
    with pytest.raises(forms.FormDefinitionError, match="prefill"):
        forms.parse_definition(base)
    base["sections"][0]["items"][0]["prefill"] = "household.address"
    assert forms.parse_definition(base).sections[0].items[0].prefill == "household.address"

"""Codifier codes inside records (issue 18 item 7): looked up in the codifier on the laptop and the
server, each field its own sentence; a record stored before the rule still opens, syncs and takes
edits of its other fields."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from factories import HROMADA, SETTLEMENT, household
from kit import enrolled_laptop, sync
from server_kit import create, household_fields, update

from casework import codifier, records
from casework.ids import new_id
from casework.places import (
    HROMADA_UNKNOWN,
    NOT_A_HROMADA,
    NOT_A_SETTLEMENT,
    ORIGIN_UNKNOWN,
    SETTLEMENT_ELSEWHERE,
    SETTLEMENT_UNKNOWN,
)
from sync.server.db import records as server_records

MADE_UP = "UA12345678901234567"  # the form of a code, but no unit of the codifier
OTHER_HROMADA = "UA59040110000026694"  # Охтирська громада: a real hromada, not the settlement's
KYIV, KYIV_DISTRICT = "UA80000000000093317", "UA80000000000126643"  # Київ and its Голосіївський р-н
DONETSK_OBLAST = "UA14000000000091971"


def family(**over) -> dict:
    """A whole household record as the store writes it (it adds the case number and status)."""
    return {**household(), "case_number": "2026/1-0001", "status": "active", **over}


def sentences(record: dict) -> dict[str, str]:
    return {p.field: p.message.source for p in records.validate("households", record)}


@pytest.mark.parametrize("fields, field, sentence", [
    ({"hromada": MADE_UP}, "hromada", HROMADA_UNKNOWN[1]),
    ({"hromada": SETTLEMENT, "settlement": None}, "hromada", NOT_A_HROMADA[1]),  # a city, not its hromada
    ({"settlement": MADE_UP}, "settlement", SETTLEMENT_UNKNOWN[1]),
    ({"settlement": HROMADA}, "settlement", NOT_A_SETTLEMENT[1]),
    ({"hromada": OTHER_HROMADA}, "settlement", SETTLEMENT_ELSEWHERE[1]),  # Суми are not in Охтирська
    ({"idp_origin": MADE_UP}, "idp_origin", ORIGIN_UNKNOWN[1]),
])
def test_each_code_field_is_looked_up_in_the_codifier_with_its_own_sentence(fields, field, sentence):
    record = {k: v for k, v in family(**fields).items() if v is not None}
    found = sentences(record)
    assert found == {field: sentence}
    [problem] = records.validate("households", record)
    text = problem.message.render()
    assert "{" not in text  # the code or the place's name is in the sentence
    assert MADE_UP in text or codifier.display_name(record[field]) in text


def test_real_codes_pass_kyiv_included_and_a_malformed_code_keeps_its_own_sentence():
    assert sentences(family()) == {}
    assert sentences(family(idp_origin=DONETSK_OBLAST)) == {}
    # Kyiv is a community of its own (no level 3 below it); its districts are its settlements.
    assert sentences(family(hromada=KYIV, settlement=KYIV_DISTRICT)) == {}
    # A code not even of the codifier's form is casework.values' to tell, once.
    malformed = records.validate("households", family(hromada="Kyiv"))
    assert [p.field for p in malformed] == ["hromada"]
    assert malformed[0].message.source == "Choose a place from the codifier (KATOTTH)."


def test_the_laptop_refuses_a_new_bad_code_and_takes_a_real_one(store):
    with pytest.raises(records.InvalidRecord) as refused:
        store.write(lambda tx: tx.create("households", household(hromada=MADE_UP)))
    assert [p.field for p in refused.value.problems] == ["hromada"]
    hid = store.write(lambda tx: tx.create("households", household()))["id"]
    with pytest.raises(records.InvalidRecord) as moved:
        store.write(lambda tx: tx.update("households", hid, {"hromada": OTHER_HROMADA}))
    assert [p.field for p in moved.value.problems] == ["settlement"]  # Суми stay in their hromada
    store.write(lambda tx: tx.update("households", hid, {"hromada": OTHER_HROMADA, "settlement": None}))
    assert store.get("households", hid)["hromada"] == OTHER_HROMADA


def _store_before_the_rule(engine: sa.Engine, record_id: str, **fields: str) -> None:
    """What a server of an earlier release holds: a household whose codes the codifier lacks."""
    with engine.begin() as conn:
        row = conn.execute(sa.select(server_records.c.data).where(server_records.c.id == record_id)).one()
        conn.execute(server_records.update().where(server_records.c.id == record_id)
                     .values(data=json.dumps({**json.loads(row.data), **fields}, ensure_ascii=False)))


def test_a_record_stored_before_the_rule_still_opens_syncs_and_takes_other_edits(live_server, tmp_path):
    anna = live_server.world.client("anna")
    change = create("households", household_fields())
    [res] = anna.push(change)
    assert res["status"] == "applied"
    hid = change["id"]
    _store_before_the_rule(live_server.engine, hid, hromada=MADE_UP, settlement=MADE_UP)

    # The server takes an edit of another field (the old codes are not its fault) ...
    [res] = anna.push(update("households", hid, res["version"], {"phone": "+380 50 111 2233"},
                             {"phone": change["fields"].get("phone")}))
    assert res["status"] == "applied", res
    # ... and refuses a change of the code to another made-up one, naming the field.
    [bad] = anna.push(update("households", hid, res["version"], {"hromada": "UA00000000000000001"},
                             {"hromada": MADE_UP}))
    assert bad["status"] == "rejected" and bad["error"]["code"] == "invalid_payload"
    assert "hromada" in bad["error"]["detail"] and "UA00000000000000001" in bad["error"]["detail"]

    # A laptop pulls it (reading validates nothing), opens it, edits it and syncs.
    laptop = enrolled_laptop(tmp_path, "anna-laptop", live_server.base, "anna")
    try:
        sync(laptop)
        stored = laptop.get("households", hid)
        assert stored is not None and stored["hromada"] == MADE_UP
        laptop.write(lambda tx: tx.update("households", hid, {"notes": "Оновлено після візиту"}))
        report = sync(laptop)  # no change refused
        assert report.rejected == 0
        # Changing the code itself asks for a real one: made-up is refused, a real pair is taken.
        with pytest.raises(records.InvalidRecord) as refused:
            laptop.write(lambda tx: tx.update("households", hid, {"hromada": "UA00000000000000001"}))
        assert [p.field for p in refused.value.problems] == ["hromada"]
        laptop.write(lambda tx: tx.update("households", hid, {"hromada": HROMADA, "settlement": SETTLEMENT}))
        sync(laptop)
    finally:
        laptop.close()
    with live_server.engine.connect() as conn:
        data = json.loads(conn.execute(sa.select(server_records.c.data)
                                       .where(server_records.c.id == hid)).scalar_one())
    assert data["hromada"] == HROMADA and data["settlement"] == SETTLEMENT
    assert data["notes"] == "Оновлено після візиту"


def test_the_family_dialog_saves_an_edit_of_an_old_record_and_names_a_bad_new_code(qtbot, store):
    from fieldapp.ui.household_dialog import HouseholdDialog

    hid = new_id()
    # As a server of an earlier release sent it: codes the codifier lacks.
    store.write(lambda tx: tx.apply_remote({
        **family(family_name="Литвин", hromada=MADE_UP, settlement=MADE_UP), "id": hid,
        "collection": "households", "household_id": hid, "version": 3, "deleted": False,
        "updated_by": "anna", "updated_at": "2025-11-02T10:00:00+00:00"}))
    dialog = HouseholdDialog(store, hid, None)
    qtbot.addWidget(dialog)
    dialog.address.setText("вул. Садова, 12")
    assert dialog.save(), [e.text() for e in dialog.form.errors.values() if e.isVisibleTo(dialog)]
    saved = store.get("households", hid)
    assert saved["address"] == "вул. Садова, 12" and saved["hromada"] == MADE_UP

    again = HouseholdDialog(store, hid, None)
    qtbot.addWidget(again)
    again.hromada.set_code(OTHER_HROMADA)
    again.settlement.set_code(SETTLEMENT)  # Суми, which are not in Охтирська громада
    assert not again.save()
    error = again.form.errors["settlement"]
    assert error.isVisibleTo(again) and "Охтирська" in error.text()
    assert store.get("households", hid)["hromada"] == MADE_UP  # nothing written

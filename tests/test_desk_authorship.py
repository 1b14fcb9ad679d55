"""Records that are someone else's (docs/case-model.md, "Authorship"): a visit the supervisor wrote
on the caseworker's family reaches the caseworker's laptop from the real server and opens for
reading, with "write your own" instead; the store refuses to change it (the same rule and code as
the server's); her own visits stay hers to change, and the supervisor changes them on her laptop."""

from __future__ import annotations

import json

import pytest
from factories import household, visit
from kit import FAST_KDF, click, english, sync, two_laptops  # noqa: F401 - fixtures
from PySide6.QtWidgets import QApplication

from casework import records as domain
from fieldapp.store import schema
from fieldapp.store.database import Store
from fieldapp.store.errors import NotAuthor, rejection_message
from fieldapp.sync.device import enrolled_user
from fieldapp.ui.family import follow_ups
from fieldapp.ui.forms import FormDialog, open_form
from tests.test_forms_ui import show, uk  # noqa: F401 - fixture


def _family_with_two_visits(two_laptops):  # noqa: F811
    anna, sofia = two_laptops.anna, two_laptops.sofia
    hh = anna.write(lambda tx: tx.create("households", household(family_name="Шаповал")))
    own = anna.write(lambda tx: tx.create("visits", visit(hh["id"], notes="Візит Анни")))
    sync(anna)
    sync(sofia)
    theirs = sofia.write(lambda tx: tx.create("visits", visit(hh["id"], notes="Спільний візит із супервізором")))
    sync(sofia)
    sync(anna)
    return hh["id"], own["id"], theirs["id"]


def test_the_supervisors_visit_opens_for_reading_on_the_caseworkers_laptop(qtbot, two_laptops, uk):  # noqa: F811
    anna, sofia = two_laptops.anna, two_laptops.sofia
    hid, own_id, theirs_id = _family_with_two_visits(two_laptops)
    pulled = anna.get("visits", theirs_id)
    assert pulled["created_by"] == enrolled_user(sofia)["id"]  # the server names who wrote it
    opened: list[FormDialog] = []

    def keep(dialog):
        opened.append(show(qtbot, dialog))

    dialog = follow_ups.wire(open_form(None, anna, "home_visit", hid, theirs_id), anna, keep, None)
    show(qtbot, dialog)
    dialog.timer.stop()
    assert dialog.read_only and dialog.others
    note = dialog.findChild(type(dialog.status), "othersNote")
    assert note is not None and note.isVisible()
    assert note.text() == "Запис іншого фахівця — змінити може лише автор або супервізор."
    assert not dialog.submit_button.isVisible() and not dialog.draft_button.isVisible()
    assert dialog.view.reading_text("notes") == "Спільний візит із супервізором"
    assert dialog.write_own_button.isVisible()
    click(qtbot, dialog.write_own_button)  # instead: a visit of her own, for the same family
    qtbot.waitUntil(lambda: bool(opened))
    mine = opened[-1]
    mine.timer.stop()
    assert isinstance(mine, FormDialog) and mine.record is None and mine.household_id == hid
    assert not mine.read_only and mine.submit_button.isVisible()

    # The store refuses the change the screen does not offer, with the server's code and sentence.
    with pytest.raises(NotAuthor) as refused:
        anna.write(lambda tx: tx.update("visits", theirs_id, {"notes": "переписано"}))
    with pytest.raises(NotAuthor):
        anna.write(lambda tx: tx.delete("visits", theirs_id))
    assert refused.value.code == domain.NOT_AUTHOR
    assert rejection_message({"code": "not_author"}).render() == refused.value.message.render()
    assert anna.get("visits", theirs_id)["notes"] == "Спільний візит із супервізором"
    assert not anna.outbox(state="pending")  # nothing queued to push

    # Her own visit is hers: it opens to edit.
    own = show(qtbot, open_form(None, anna, "home_visit", hid, own_id))
    own.timer.stop()
    assert not own.read_only and own.submit_button.isVisible() and not own.write_own_button.isVisible()


def test_the_supervisor_changes_a_caseworkers_visit_on_her_laptop_and_the_author_keeps_it(qtbot, two_laptops, uk):  # noqa: F811
    anna, sofia = two_laptops.anna, two_laptops.sofia
    hid, own_id, _theirs = _family_with_two_visits(two_laptops)
    dialog = show(qtbot, open_form(None, sofia, "home_visit", hid, own_id))
    dialog.timer.stop()
    assert not dialog.read_only  # a supervisor may edit on her laptop
    sofia.write(lambda tx: tx.update("visits", own_id, {"notes": "Візит Анни; доповнено супервізором"}))
    sync(sofia)
    sync(anna)
    # Sofia was the last to change it; its author is still Anna, who may change it again.
    record = anna.get("visits", own_id)
    assert record["updated_by"] != record["created_by"]
    anna.write(lambda tx: tx.update("visits", own_id, {"notes": "Візит Анни, виправлено"}))
    sync(anna)


def test_the_named_author_when_the_team_is_known(qtbot, two_laptops, english):  # noqa: F811
    anna = two_laptops.anna
    hid, _own, theirs_id = _family_with_two_visits(two_laptops)
    author = anna.get("visits", theirs_id)["created_by"]
    names = json.dumps({author: {"name": "Sofia Melnyk", "role": "supervisor"}})
    anna.write(lambda tx: tx.set_meta("team_names", names))
    dialog = show(qtbot, open_form(None, anna, "home_visit", hid, theirs_id))
    dialog.timer.stop()
    note = dialog.findChild(type(dialog.status), "othersNote")
    assert note.text() == "Record of specialist Sofia Melnyk: only its author or a supervisor can change it."


# The schema just before the migration that names the authors (later migrations may follow it).
_BEFORE_AUTHORS = schema.MIGRATIONS.index(schema._v10_record_authors)


def test_schema_10_names_the_author_and_pulls_the_scope_again(tmp_path):
    folder = tmp_path / "profile"
    with Store.create(folder, "p", schema_version=_BEFORE_AUTHORS, kdf=FAST_KDF) as store:
        store.write(lambda tx: [tx.db.execute(f"ALTER TABLE [{t}] DROP COLUMN created_by")
                                for t in domain.SCHEMAS if t in tx.db.table_names()])
        store.write(lambda tx: tx.set_meta("cursor", "120"))
    with Store.open(folder, "p") as store:
        db = store.read()
        for table in domain.SCHEMAS:
            assert "created_by" in {c[1] for c in db.execute(f"PRAGMA table_info([{table}])")}, table
        assert store.meta("resync_from_zero") == "1"  # records pulled before carry no author: pulled again
    QApplication.processEvents()

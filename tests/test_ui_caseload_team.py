"""A supervisor's caseload names each family's caseworker and filters by her; a caseworker's does not."""

from __future__ import annotations

import pytest
from factories import household
from kit import enrolled_laptop, quick_transport

from fieldapp.store.team import remember_names
from fieldapp.sync.device import sync_once
from fieldapp.ui import background
from fieldapp.ui.caseload_model import COL_CASEWORKER, COL_FAMILY
from fieldapp.ui.caseload_view import CaseloadView


@pytest.fixture(autouse=True)
def background_done():
    yield
    background.wait()


def shown(view: CaseloadView) -> dict[str, str]:
    """Family name -> the caseworker column's text, for every row the view holds."""
    m = view.model
    return {m.data(m.index(r, COL_FAMILY)).split()[0]: m.data(m.index(r, COL_CASEWORKER))
            for r in range(m.rowCount())}


def test_supervisor_sees_whose_family_and_filters_by_caseworker(qtbot, live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    boris = enrolled_laptop(tmp_path, "boris", live_server.base, "boris")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    for name in ("Аннина", "Другааннина"):
        anna.write(lambda tx, name=name: tx.create("households", household(family_name=name)))
    boris.write(lambda tx: tx.create("households", household(family_name="Борисова")))
    # A family the supervisor registered herself: the server assigns it to nobody.
    sofia.write(lambda tx: tx.create("households", household(family_name="Нічия")))
    for s in (anna, boris, sofia, sofia):
        sync_once(s, transport=quick_transport)

    # Before the server has named the team to this laptop: short ids, never a blank.
    view = CaseloadView(sofia)
    qtbot.addWidget(view)
    view.show()
    ids = {n: c for n, c in shown(view).items()}
    assert len(ids) == 4 and ids["Нічия"] == "(not assigned)"
    assert ids["Аннина"] == ids["Другааннина"] != ids["Борисова"] and len(ids["Борисова"]) == 8
    assert not view.table.isColumnHidden(COL_CASEWORKER) and view.caseworker.isVisibleTo(view)

    # The names as GET /team gives them (what the Team tab keeps), then the caseload's next reload.
    link = quick_transport(live_server.base, sofia.meta("device_token"))
    remember_names(sofia, link.team())
    link.close()
    view.reload()
    assert shown(view) == {"Аннина": "anna", "Другааннина": "anna", "Борисова": "boris",
                           "Нічия": "(not assigned)"}
    choices = [view.caseworker.itemText(i) for i in range(view.caseworker.count())]
    assert choices == ["All caseworkers", "anna", "boris", "(not assigned)"]

    view.caseworker.setCurrentIndex(choices.index("boris"))
    assert shown(view) == {"Борисова": "boris"} and view.model.total == 1
    view.caseworker.setCurrentIndex(choices.index("(not assigned)"))
    assert shown(view) == {"Нічия": "(not assigned)"}
    view.caseworker.setCurrentIndex(choices.index("anna"))
    assert set(shown(view)) == {"Аннина", "Другааннина"}
    view.reload()  # a sync's reload keeps the chosen caseworker
    assert view.caseworker.currentText() == "anna" and set(shown(view)) == {"Аннина", "Другааннина"}
    view.caseworker.setCurrentIndex(0)
    assert len(shown(view)) == 4


def test_caseworker_laptop_keeps_its_columns(qtbot, live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    anna.write(lambda tx: tx.create("households", household(family_name="Аннина")))
    sync_once(anna, transport=quick_transport)
    view = CaseloadView(anna)
    qtbot.addWidget(view)
    view.show()
    assert view.table.isColumnHidden(COL_CASEWORKER)
    assert not view.caseworker.isVisibleTo(view)
    assert view.current_filter().caseworker is None  # her laptop is never filtered by caseworker
    assert view.model.rowCount() == 1

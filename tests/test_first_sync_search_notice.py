"""After a first sync the search indexes are built in the background (fieldapp/store/first_sync.py):
the caseload says so while a search may miss families, and the sync controller builds them after
its round, off the GUI thread, then says so; the caseload searches again. Real widgets, a real
encrypted store, a real server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from factories import household, person, seeded, visit
from kit import enrolled_laptop, no_retry_transport

from fieldapp.store import first_sync
from fieldapp.sync.device import sync_once
from fieldapp.ui.caseload_view import CaseloadView
from fieldapp.ui.sync.controller import SyncController
from sync.client import HttpTransport


def _families(store) -> None:
    seeded(41)

    def write(tx) -> None:
        for i in range(5):
            h = tx.create("households", household(family_name=f"Зюзькевич{i}"))
            tx.create("persons", person(h["id"]))
            tx.create("visits", visit(h["id"], notes="розмова про школу"))

    store.write(write)


def test_the_caseload_says_its_search_is_being_prepared_until_the_controller_built_it(
        qtbot, live_server, tmp_path: Path) -> None:
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    new = enrolled_laptop(tmp_path, "new", live_server.base, "anna")
    try:
        _families(anna)
        sync_once(anna, transport=lambda u, t: HttpTransport(u, t))
        sync_once(new, transport=lambda u, t: HttpTransport(u, t), build_search=False)  # done, not yet built
        assert first_sync.building(new.read())
        view = CaseloadView(new, status="")
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        qtbot.waitUntil(lambda: view.model.total == 5, timeout=10_000)  # the caseload's families are there at "done"
        assert not view.preparing.isVisible()  # nothing searched: nothing to say
        view.search.setText("Зюзькевич")  # as typed (keyClicks of Cyrillic letters aborts offscreen)
        view.apply_filter()
        assert view.preparing.isVisible()
        qtbot.waitUntil(lambda: view.model.total == 0, timeout=10_000)
        controller = SyncController(new, transport=no_retry_transport)
        controller.search_ready.connect(view.search_ready)
        with qtbot.waitSignal(controller.search_ready, timeout=60_000):
            controller.sync_now()  # a round with nothing new, then the build
        assert not first_sync.building(new.read())
        assert not view.preparing.isVisible()
        qtbot.waitUntil(lambda: view.model.total == 5, timeout=10_000)
        controller.stop()
        view.stop()
        view.close()  # before its store closes: nothing paints from a closed store
    finally:
        anna.close()
        new.close()

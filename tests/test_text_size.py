"""The text-size setting (issue 13): chosen in Settings it applies at once to every open screen
(the application font, the titles a screen made bigger, the tables' rows), Cancel takes it back,
OK keeps it; IT's fieldapp.toml sets and locks it, read the way the program reads it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from fieldapp.provisioning import Locations, load_provisioning
from fieldapp.settings import SettingLocked, Settings
from fieldapp.ui import text_size
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.text_size import TextSizeGroup
from tests.factories import household
from tests.test_ui_settings import provisioned


@pytest.fixture(autouse=True)
def back_to_the_systems_size(qapp):
    yield
    text_size.apply(100)  # the application font is shared by every test in this process


def window_with(qtbot, store, settings):
    h = store.write(lambda tx: tx.create("households", household(family_name="Шаповал")))
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    family = window.open_family(h["id"])
    return window, family


def sizes(window, family):
    return {"text": QApplication.font().pointSizeF(), "title": family.title.font().pointSizeF(),
            "label": window.sync_label.font().pointSizeF(),
            "rows": window.caseload_view.table.verticalHeader().defaultSectionSize(),
            "case column": window.caseload_view.table.horizontalHeader().sectionSize(0)}


def test_a_size_chosen_in_settings_shows_at_once_cancel_takes_it_back_ok_keeps_it(qtbot, store, tmp_path):
    settings = Settings(tmp_path / "config", provisioned(tmp_path, ""))
    window, family = window_with(qtbot, store, settings)
    before = sizes(window, family)
    assert before["title"] == pytest.approx(before["text"] * 1.5)
    dialog = window.show_settings()
    group = dialog.findChild(TextSizeGroup, "textSizeGroup")
    assert [group.size.itemData(i) for i in range(group.size.count())] == [100, 115, 130, 150]
    group.size.setCurrentIndex(group.size.findData(150))  # no restart, no OK: the screens change now
    bigger = sizes(window, family)
    assert bigger["text"] == pytest.approx(before["text"] * 1.5)
    assert bigger["label"] == pytest.approx(bigger["text"])
    assert bigger["title"] == pytest.approx(bigger["text"] * 1.5)  # the title stays 1.5× the text
    assert bigger["rows"] > before["rows"]
    assert bigger["case column"] == pytest.approx(before["case column"] * 1.5, abs=1)  # columns widen with it
    assert bigger["rows"] >= window.caseload_view.table.fontMetrics().height() + 6  # a row holds its line
    dialog.reject()
    assert sizes(window, family) == pytest.approx(before)
    assert settings.get("text_size") == 100

    dialog = window.show_settings()
    group = dialog.findChild(TextSizeGroup, "textSizeGroup")
    group.size.setCurrentIndex(group.size.findData(130))
    dialog.save()
    assert not dialog.isVisible()
    assert Settings(tmp_path / "config", provisioned(tmp_path, "")).get("text_size") == 130  # in settings.json
    assert QApplication.font().pointSizeF() == pytest.approx(before["text"] * 1.3)
    later = MainWindow(store, settings=settings)  # a screen made after the change is at the new size
    qtbot.addWidget(later)
    assert later.caseload_view.table.verticalHeader().defaultSectionSize() == sizes(window, family)["rows"]
    later.close()
    window.close()


def test_text_size_set_and_locked_by_it_is_applied_and_cannot_be_changed(qtbot, store, tmp_path):
    settings = Settings(tmp_path / "config", provisioned(tmp_path, 'text_size = 130\nlocked = ["text_size"]\n'))
    base = QApplication.font().pointSizeF()
    text_size.apply(settings.get("text_size"))  # what the program does at start (fieldapp/ui/app.py)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.3)
    window, family = window_with(qtbot, store, settings)
    dialog = window.show_settings()
    group = dialog.findChild(TextSizeGroup, "textSizeGroup")
    assert group.chosen() == 130 and not group.size.isEnabled()
    assert "Your organisation set the text size" in group.size.toolTip()
    group.size.setCurrentIndex(group.size.findData(100))  # even forced, it is not kept
    dialog.save()
    assert settings.get("text_size") == 130 and QApplication.font().pointSizeF() == pytest.approx(base * 1.3)
    with pytest.raises(SettingLocked):
        settings.set("text_size", 100)
    window.close()


def test_text_size_provisioned_but_not_locked_is_the_caseworkers_to_change(qtbot, store, tmp_path):
    settings = Settings(tmp_path / "config", provisioned(tmp_path, "text_size = 115\n"))
    assert settings.get("text_size") == 115
    window, _family = window_with(qtbot, store, settings)
    dialog = window.show_settings()
    group = dialog.findChild(TextSizeGroup, "textSizeGroup")
    assert group.size.isEnabled() and group.chosen() == 115
    group.size.setCurrentIndex(group.size.findData(150))
    dialog.save()
    assert settings.get("text_size") == 150
    window.close()


def test_a_size_it_cannot_use_is_refused_with_a_sentence_for_it(tmp_path):
    system = tmp_path / "etc"
    system.mkdir()
    (system / "fieldapp.toml").write_text("text_size = 120\n", encoding="utf-8")
    prov = load_provisioning(Locations(system=system, beside_executable=None))
    assert prov.get("text_size") is None
    (problem,) = prov.problems
    assert "text_size: must be one of 100, 115, 130, 150 (found 120)" in str(problem)

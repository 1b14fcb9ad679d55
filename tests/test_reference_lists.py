"""The agencies list ships with the program and IT extends it from the server: published reference
data reaches the laptop through a real sync and is added after the shipped items."""

from __future__ import annotations

from kit import enrolled_laptop, quick_transport

from casework.enums import enumeration
from casework.reference import extended
from fieldapp.sync.device import sync_once
from sync.server import admin


def test_it_extends_the_agencies_from_the_server(live_server, tmp_path):
    shipped = enumeration("agencies")
    assert "children_service" in shipped and "other" in shipped
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    admin.publish_reference(live_server.engine, {
        "name": "agencies", "version": "2026.3", "source": "Організація: власний перелік партнерів",
        "items": [{"code": "caritas_local", "uk": "Карітас (місцевий осередок)", "en": "Caritas (local office)"},
                  {"code": "school", "uk": "Ліцей громади", "en": "The hromada's lyceum"}]})
    sync_once(anna, transport=quick_transport)
    agencies = extended(shipped, anna.reference("reference"))
    assert agencies.codes[:len(shipped.codes)] == shipped.codes  # the shipped order is kept
    assert agencies.codes[-1] == "caritas_local"
    assert agencies.label("caritas_local", "uk") == "Карітас (місцевий осередок)"
    assert agencies.label("school", "en") == "The hromada's lyceum"  # relabelled by the organisation
    # A broken edition never breaks the shipped list.
    assert extended(shipped, [{"name": "agencies", "edition": "x", "items": [{"code": "no_labels"}]}]) == shipped
    assert extended(shipped, []) is shipped
    anna.close()

"""The donor's child-protection figures (casework/reports/safety.py), computed by hand below."""

from __future__ import annotations

import datetime as dt

from casework.reports.indicators import Period, compute
from casework.reports.tables import HIDDEN as HIDDEN_MARK
from casework.reports.tables import label

HIDDEN = HIDDEN_MARK[1]  # the mark in English (QT_TRANSLATE_NOOP keeps the context and the source)

NOV = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
H = "UA59080270000073662"


def hh(id_):
    return {"id": id_, "household_id": id_, "hromada": H, "identified_on": "2026-10-01", "status": "active",
            "family_name": f"Прізвище{id_}"}


def concern(id_, hid, at):
    return {"id": id_, "household_id": hid, "started_at": at, "type": "monitoring", "safety_concern": True,
            "safety_details": f"подробиці {id_}"}


def notice(hid, concern_id, recipient, at):
    return {"id": f"{concern_id}-{recipient}", "household_id": hid, "concern_id": concern_id,
            "recipient": recipient, "notified_at": at}


def data():
    # v1: all three told within 2 h (response 2 h); v2: all three, the centre after 30 h (late, 30 h);
    # v3: nobody told; v0: identified in October, outside the period.
    notices = [notice("h1", "v1", r, "2026-11-03T10:00:00+00:00") for r in ("police", "children_service")]
    notices += [notice("h1", "v1", "centre", "2026-11-03T12:00:00+00:00")]
    notices += [notice("h2", "v2", r, "2026-11-10T09:00:00+00:00") for r in ("police", "children_service")]
    notices += [notice("h2", "v2", "centre", "2026-11-11T14:00:00+00:00")]
    return {
        "households": [hh("h1"), hh("h2"), hh("h3")],
        "visits": [concern("v1", "h1", "2026-11-03T10:00:00+00:00"), concern("v2", "h2", "2026-11-10T08:00:00+00:00"),
                   concern("v3", "h3", "2026-11-20T08:00:00+00:00"), concern("v0", "h3", "2026-10-20T08:00:00+00:00")],
        "safety_notices": notices,
        "violence_incidents": [{"id": "i1", "household_id": "h1", "person_id": "p", "violence_forms": ["physical", "psychological"],
                                "reported_on": "2026-11-03", "consent_to_share": True}],
        "dv_risk_assessments": [{"id": "r1", "household_id": "h1", "person_id": "p", "assessed_on": "2026-11-04",
                                 "risk_level": "high"}],
    }


def test_concerns_notices_on_time_and_the_response_time():
    report = compute(data(), NOV)
    assert report.headline["safety_concerns_identified"] == 3
    assert report.headline["safety_notices_on_time"] == 1
    assert report.headline["safety_response_median_hours"] == 16.0  # the median of 2 h and 30 h
    assert report.table("violence_by_form").counts == {("physical",): 1, ("psychological",): 1}
    assert report.table("dv_risk_by_level").counts == {("high",): 1}


def _text(restricted: bool, threshold: int) -> str:
    labelled = label(compute(data(), NOV), lang="en", translate=lambda _c, s: s, threshold=threshold,
                     organisation="Org", made_at=dt.datetime(2026, 12, 1, 9, 0), restricted=restricted)
    return "\n".join(" | ".join(row) for s in labelled.sections for row in [[s.title]] + s.rows)


def test_small_counts_are_hidden_protected_tables_only_for_those_allowed_and_never_a_name():
    shown = _text(restricted=True, threshold=1)
    assert "Child-safety concerns identified | 3" in shown
    assert "Median hours from identification to the last notice | 16.0" in shown
    assert "Physical | 1" in shown and "High (a threat to life or health) | 1" in shown
    hidden = _text(restricted=True, threshold=5)
    # Every hidden count shows the report's one mark (casework/reports/tables.py HIDDEN).
    assert f"Child-safety concerns identified | {HIDDEN}" in hidden and f"Physical | {HIDDEN}" in hidden
    assert "Child-safety concerns identified | 3" not in hidden and "Physical | 1" not in hidden
    assert "Median hours from identification to the last notice | 16.0" in hidden  # not a count
    public = _text(restricted=False, threshold=1)
    assert "Form of violence" not in public and "Risk assessments" not in public
    for text in (shown, hidden, public):
        assert "Прізвище" not in text and "подробиці" not in text and "v1" not in text

"""The donor report's new tables against a dataset computed by hand, its files (JSON keys,
XLSX numbers, order of age bands, one language), and disclosure control on the real report
over a synthetic organisation."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from test_suppression import attack

from casework.reports.disclosure import hidden_figures, report_cells
from casework.reports.files import to_json, write_xlsx
from casework.reports.indicators import Period, compute
from casework.reports.language import report_translate
from casework.reports.tables import label
from fieldapp import demo
from fieldapp.ui.supervisor.reports_view import records_of

OCT = Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
H1, H2 = "UA59080270000073662", "UA63120010000021682"


def hh(id_, hromada=H1, categories=()):
    return {"id": id_, "household_id": id_, "hromada": hromada, "identified_on": "2026-09-01", "status": "active",
            "categories": list(categories)}


def kid(id_, hid, sex, born, disability=None):
    return {"id": id_, "household_id": hid, "role": "child", "sex": sex, "birth_date": born, "disability": disability}


DATA = {
    "households": [hh("h1", categories=["with_children", "idp"]), hh("h2", categories=["with_children"]),
                   hh("h3", H2, categories=["low_income"]), hh("h4", H2)],
    "persons": [
        kid("c1", "h1", "female", "2024-01-01", True),  # 2: 0-4, disability
        kid("c2", "h1", "male", "2016-05-05", False),  # 10: 5-11
        kid("c3", "h2", "male", "2012-02-02"),  # 14: 12-17, not recorded
        kid("c4", "h3", "female", "2019-09-09", False),  # 7: 5-11
        {"id": "a1", "household_id": "h3", "role": "mother", "sex": "female", "birth_date": "1991-01-01"},
        kid("c5", "h4", "male", "2020-01-01"),  # h4 not visited: not counted
    ],
    "visits": [{"id": f"v{h}", "household_id": h, "started_at": "2026-10-10T10:00:00+00:00", "type": "monitoring"}
               for h in ("h1", "h2", "h3")],
    "referrals": [
        {"id": "r1", "household_id": "h1", "referred_on": "2026-10-02", "service": "012.0", "outcome": "completed"},
        {"id": "r2", "household_id": "h2", "referred_on": "2026-10-03", "service": "012.0", "status": "sent"},
        {"id": "r3", "household_id": "h3", "referred_on": "2026-10-04", "service": "019.0", "outcome": "refused"},
        {"id": "r4", "household_id": "h3", "referred_on": "2026-09-04", "service": "019.0"},  # before the period
    ],
}


def test_new_tables_match_the_hand_count():
    r = compute(DATA, OCT)
    # Families monitored: h1, h2, h3 (h4 had no visit). h1 counts under both of its categories.
    assert r.table("families_by_category").counts == {("with_children",): 2, ("idp",): 1, ("low_income",): 1}
    assert r.table("children_by_disability").counts == {("yes",): 1, ("no",): 2, ("unknown",): 1}
    assert r.table("children_by_sex_age").counts == {("female", "0-4"): 1, ("male", "5-11"): 1,
                                                     ("male", "12-17"): 1, ("female", "5-11"): 1}
    assert r.table("families_by_hromada").counts == {(H1,): 2, (H2,): 1}
    assert r.table("children_by_hromada").counts == {(H1,): 3, (H2,): 1}
    assert r.table("referrals_by_service").counts == {("012.0",): 2, ("019.0",): 1}
    assert r.table("referrals_by_outcome").counts == {("completed",): 1, ("sent",): 1, ("refused",): 1}


def test_rows_in_order_totals_kattoth_codes_json_and_xlsx(tmp_path):
    r = compute(DATA, OCT)
    made = dt.datetime(2026, 11, 2, 9, 30)
    en = label(r, lang="en", translate=report_translate("en"), threshold=1, organisation="Org", made_at=made,
               scope="the whole organisation")
    ages = next(s for s in en.sections if s.key == "children_by_sex_age")
    assert [row[1] for row in ages.rows] == ["0-4", "5-11", "5-11", "12-17", ""]  # by sex, then age in order
    assert ages.rows[-1] == ["Total", "", "4"]
    hromadas = next(s for s in en.sections if s.key == "families_by_hromada")
    assert any(f"({H1})" in row[0] for row in hromadas.rows)  # the KATOTTH code beside the name
    assert ["Covers", "the whole organisation"] in [list(f) for f in en.facts]
    body = json.loads(to_json(en))
    assert body["headline"]["families_monitored"] == 3 and body["headline"]["referrals_made"] == 3
    assert {"disability": "unknown", "count": 1} in body["tables"]["children_by_disability"]["rows"]
    assert body["about"]["period"] == {"from": "2026-10-01", "to": "2026-10-31"}
    categories = next(s for s in en.sections if s.key == "families_by_category")
    assert "Total" not in [row[0] for row in categories.rows]  # a family may count twice: no total
    write_xlsx(en, tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    numbers = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert numbers["Families monitored"] == 3 and isinstance(numbers["Families monitored"], int)


def test_the_ukrainian_report_has_no_english_heading():
    r = compute(DATA, OCT)
    uk = label(r, lang="uk", translate=report_translate("uk"), threshold=5, organisation="Організація",
               made_at=dt.datetime(2026, 11, 2, 9, 30), scope="")
    english = label(r, lang="en", translate=report_translate("en"), threshold=5, organisation="Організація",
                    made_at=dt.datetime(2026, 11, 2, 9, 30), scope="")
    for mine, theirs in zip(uk.sections, english.sections, strict=True):
        assert mine.title != theirs.title and mine.header != theirs.header
        if mine.key.endswith("_by_hromada"):
            continue  # places keep their official (Ukrainian) names, with the code, in both
        assert not any(row == theirs_row for row, theirs_row in zip(mine.rows, theirs.rows, strict=True)
                       if row[0] and not row[0][0].isdigit())
    assert [f[0] for f in uk.facts] != [f[0] for f in english.facts]


@pytest.fixture(scope="module")
def organisation(tmp_path_factory):
    from kit import FAST_KDF, PASSPHRASE

    from fieldapp.store.database import Store

    with Store.create(tmp_path_factory.mktemp("org") / "p", PASSPHRASE, kdf=FAST_KDF) as s:
        demo.fill(s, 400, seed=17, today=dt.date(2026, 11, 1))
        yield records_of(s)


def test_no_hidden_figure_of_the_real_report_can_be_solved_for(organisation):
    checked = hidden_seen = 0
    hromadas = sorted({h.get("hromada") for h in organisation["households"] if h.get("hromada")})
    for month in range(1, 11):
        period = Period(dt.date(2026, month, 1), dt.date(2026, month + 1, 1) - dt.timedelta(days=1))
        for hromada in [None, *hromadas[:3]]:
            report = compute(organisation, period, hromada=hromada)
            cells, totals = report_cells(report, restricted=True)
            hidden = hidden_figures(report, 5, restricted=True)
            assert {k for k, v in cells.items() if 0 < v < 5} <= hidden
            assert attack(cells, totals, hidden) == {}
            # What the files show is exactly that: the JSON's numbers are the unhidden cells.
            body = json.loads(to_json(label(report, lang="en", translate=report_translate("en"), threshold=5,
                                            organisation="", made_at=dt.datetime(2026, 11, 2), restricted=True)))
            for name, value in body["headline"].items():
                if ("headline", name) in cells:
                    assert (value is None) == (("headline", name) in hidden)
            checked += 1
            hidden_seen += len(hidden)
    assert checked == 40 and hidden_seen > 100  # the generated organisation has small cells to protect


def test_visits_on_time_against_the_hand_count():
    def v(id_, hid, day, next_on=None):
        return {"id": id_, "household_id": hid, "started_at": f"{day}T10:00:00+00:00", "type": "monitoring",
                "next_visit_on": next_on}

    data = {"households": [hh("a"), hh("b"), hh("c")], "visits": [
        v("a1", "a", "2026-09-20", "2026-10-05"), v("a2", "a", "2026-10-04"),  # due 5 Oct, visited 4 Oct: on time
        v("b1", "b", "2026-10-01", "2026-10-15"), v("b2", "b", "2026-10-20"),  # due 15 Oct, visited 20 Oct: late
        v("c1", "c", "2026-10-10", "2026-11-10"),  # due in November: not this period's
    ]}
    r = compute(data, OCT)
    assert (r.headline["visits_due"], r.headline["visits_on_time"]) == (2, 1)


def test_the_organisation_and_its_teams_suppressed_together_give_nothing_away(organisation):
    """The real report over the generated organisation split into three teams (and a few families
    of no team, shown to nobody): apart, subtracting a team's report from the organisation's
    recovers hidden counts; suppressed together (casework.reports.joint), nothing."""
    import random

    from casework.reports.joint import REST, WHOLE, joint_cells, joint_hidden, split

    rng = random.Random(5)
    team = {h["id"]: rng.choice(["north", "south", "east", "east", None if rng.random() < 0.05 else "east"])
            for h in organisation["households"]}
    groups = split(organisation, team)
    apart_leaks = together_checked = 0
    for month in (3, 6, 10):
        period = Period(dt.date(2026, month, 1), dt.date(2026, month + 1, 1) - dt.timedelta(days=1))
        whole = compute(organisation, period)
        parts = {t: compute(rs, period) for t, rs in groups.items() if t is not None}
        rest = compute(groups[None], period) if None in groups else None
        cells, totals, never = joint_cells(whole, parts, restricted=True, rest=rest)
        # The relations declared hold in the data: the organisation's count is the sum of the rest.
        for t in totals:
            assert cells[t.total] == sum(cells[p] for p in t.parts), t
        small_rest = {k for k in never if 0 < cells[k] < 5}

        def leaked(hidden, never=never, cells=cells, totals=totals, small_rest=small_rest):
            found = attack(cells, totals, set(hidden) | never)
            return {k for k in found if k not in never or k in small_rest}

        apart = {(name, k) for name, r in [(WHOLE, whole), *parts.items()]
                 for k in hidden_figures(r, 5, restricted=True)}
        apart_leaks += len(leaked(apart))
        chosen = joint_hidden(whole, parts, 5, restricted=True, rest=rest)
        together = {(name, k) for name, keys in chosen.items() for k in keys}
        assert not {k for k in together if k[0] == REST}
        assert {k for k, v in cells.items() if 0 < v < 5 and k not in never} <= together
        assert leaked(together) == set()
        # Each report is still safe on its own: its share of the joint answer covers its own rule.
        for name, r in [(WHOLE, whole), *parts.items()]:
            mine, relations = report_cells(r, restricted=True)
            assert attack(mine, relations, chosen[name]) == {}
        together_checked += 1
    assert together_checked == 3 and apart_leaks > 0

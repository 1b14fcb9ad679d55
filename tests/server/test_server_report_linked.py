"""The organisation's report and each team's, as GET /reports answers them, are suppressed
together: no count hidden in one can be had by subtracting the others. SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from server_kit import create, household_fields, visit_fields

PERIOD = "from=2026-01-01&to=2026-03-31"


def figures(body: dict[str, Any]) -> dict[tuple[str, ...], int | None]:
    """Every count of an answer by machine key: headline figures and table rows (None: hidden)."""
    out: dict[tuple[str, ...], int | None] = {("headline", k): v for k, v in body["headline"].items()
                                              if v is None or isinstance(v, int)}
    for table, content in body["tables"].items():
        for row in content["rows"]:
            codes = tuple(str(v) for k, v in sorted(row.items()) if k != "count")
            out[(table, *codes)] = row["count"]
    return out


def test_team_reports_and_the_organisations_cannot_be_subtracted(world):
    for user, families in (("anna", 9), ("petro", 3)):
        worker = world.client(user)
        for n in range(families):
            change = create("households", household_fields(case_number=f"2026/{user}-{n}", identified_on="2026-01-05"))
            [res] = worker.push(change)
            assert res["status"] == "applied", res
            kind = "initial" if n % 2 else "monitoring"
            [res] = worker.push(create("visits", visit_fields(change["id"], started_at="2026-02-03T10:00:00+02:00",
                                                              type=kind)))
            assert res["status"] == "applied", res
    answers = {}
    for name, user in (("org", "ira"), ("north", "sofia"), ("south", "stepan")):
        r = world.client(user).get(f"/api/v1/reports?{PERIOD}")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["about"]["suppressed_with"].startswith("the organisation's and every team's")
        answers[name] = figures(body)
    org, north, south = answers["org"], answers["north"], answers["south"]
    assert org[("headline", "families_monitored")] == 12
    hidden_somewhere = 0
    for key, whole in org.items():
        parts = [north.get(key, 0), south.get(key, 0)]  # a row a team lacks is its 0
        unknown = [v for v in (whole, *parts) if v is None]
        hidden_somewhere += bool(unknown)
        # One unknown among org = north + south is the unknown's value: never exactly one.
        assert len(unknown) != 1, (key, whole, parts)
        if not unknown:
            assert whole == sum(parts), key
    assert hidden_somewhere  # South's three families give small counts to protect
    # South's 3 families are hidden, so North's 9 are too: 12 − 9 would give them away.
    assert south[("headline", "families_monitored")] is None and north[("headline", "families_monitored")] is None

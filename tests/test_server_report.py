"""The server computes the same indicators as a supervisor's laptop, from its own database."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

from factories import household, person, visit
from kit import cli_env, enrolled_laptop, quick_transport

from casework.reports.indicators import Period, compute
from fieldapp.sync.device import sync_once
from fieldapp.ui.supervisor.reports_view import records_of
from sync.server import reporting


def test_server_and_laptop_agree_and_export_aggregates_only(live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    names = []
    for i in range(7):
        h = anna.write(lambda tx: tx.create("households", household(identified_on="2026-10-01")))
        kid = anna.write(lambda tx, h=h, i=i: tx.create("persons", person(h["id"], sex="male" if i % 2 else "female")))
        anna.write(lambda tx, h=h, i=i, kid=kid: tx.create("visits", visit(
            h["id"], started_at=f"2026-10-{10 + i}T09:00:00+00:00",
            services=[{"code": "002.0", "quantity": 1, "recipient_id": kid["id"]}])))
        names += [h["family_name"], h["address"], kid["given_name"], kid["surname"]]
    sync_once(anna, transport=quick_transport)
    sync_once(sofia, transport=quick_transport)

    period = Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    on_server = reporting.make_report(live_server.engine, period.start, period.end)
    on_laptop = compute(records_of(sofia), period)
    assert on_server.headline == on_laptop.headline
    assert on_server.headline["families_monitored"] == 7 and on_server.headline["children_involved"] == 7
    assert [t.counts for t in on_server.tables] == [t.counts for t in on_laptop.tables]

    for fmt in reporting.FORMATS:
        path = tmp_path / f"r.{fmt}"
        reporting.write(reporting.labelled(on_server, organisation="ГО «Поруч»", threshold=5, restricted=False),
                        fmt, path)
        if fmt == "xlsx":  # a zip: read what is inside
            with zipfile.ZipFile(path) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        else:
            data = path.read_bytes()
        assert b"Families monitored" in data
        for name in names:
            assert name.encode() not in data
    assert json.loads((tmp_path / "r.json").read_text())["facts"]["Organisation"] == "ГО «Поруч»"


def test_report_command_and_endpoint(live_server, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from server_kit import Client

    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    h = anna.write(lambda tx: tx.create("households", household(identified_on="2026-10-01")))
    anna.write(lambda tx: tx.create("visits", visit(h["id"], started_at="2026-10-05T09:00:00+00:00")))
    sync_once(anna, transport=quick_transport)

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-m", "sync.server", "report", "--database-url", live_server.database_url,
                           "--from", "2026-10-01", "--to", "2026-10-31", "--threshold", "1"],
                          capture_output=True, text=True, cwd=root, env=cli_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Families monitored,1" in done.stdout and h["family_name"] not in done.stdout
    bad = subprocess.run([sys.executable, "-m", "sync.server", "report", "--database-url", live_server.database_url,
                          "--from", "2026-10-31", "--to", "2026-10-01"], capture_output=True, text=True, cwd=root,
                         env=cli_env(), timeout=120)
    assert bad.returncode == 1 and "--to comes before --from" in bad.stderr

    sofia = Client(live_server.base)
    assert sofia.enrol("sofia").status_code == 201
    # The threshold is the organisation's policy (Settings.report_threshold, 5), not the caller's.
    r = sofia.get("/api/v1/reports?from=2026-10-01&to=2026-10-31&threshold=1")
    assert r.status_code == 200, r.text
    body = r.json()
    assert ["Families monitored", "x"] in body["sections"][0]["rows"]
    assert body["headline"]["families_monitored"] is None and body["about"]["threshold"] == 5 and h["family_name"] not in r.text
    assert sofia.get("/api/v1/reports?from=2026-10-31&to=nope").status_code == 400
    worker = Client(live_server.base)
    assert worker.enrol("boris").status_code == 201
    assert worker.get("/api/v1/reports?from=2026-10-01&to=2026-10-31").json()["code"] == "forbidden"
    # The team: its people and their laptops' last contact.
    team = sofia.get("/api/v1/team").json()["members"]
    names = {m["username"]: m for m in team}
    assert {"anna", "boris", "sofia"} <= set(names) and "petro" not in names
    assert names["anna"]["devices"][0]["last_seen_at"]
    assert worker.get("/api/v1/team").json()["code"] == "forbidden"

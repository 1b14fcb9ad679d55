"""`serve`'s organisation settings reach the workers that answer (create_app_from_env): the report
threshold, given as IT gives it, hides the small counts of GET /reports in a running server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from kit import cli_env
from server_kit import (
    PASSWORD,
    Client,
    create,
    free_port,
    household_fields,
    start_serve,
    stop_serve,
    visit_fields,
)

ROOT = Path(__file__).resolve().parents[2]
PERIOD = "from=2026-01-01&to=2026-03-31"


def server_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**cli_env(), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "sync.server.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=600)


@pytest.mark.parametrize("threshold", [None, "10"])
def test_serve_report_threshold_reaches_the_workers(tmp_path, threshold):
    data = ["--data", str(tmp_path)]
    assert server_cli("init", *data).returncode == 0
    assert server_cli("team", "add", "North", *data).returncode == 0
    for user, role in (("anna", "caseworker"), ("sofia", "supervisor")):
        done = server_cli("user", "add", user, "--team", "North", "--role", role, "--password-stdin", *data,
                          stdin=PASSWORD + "\n")
        assert done.returncode == 0, done.stderr
    port = free_port()
    extra = ["--report-threshold", threshold] if threshold else []
    proc = start_serve(*data, "--workers", "2", *extra, port=port)
    try:
        base = f"http://127.0.0.1:{port}"
        anna, sofia = Client(base), Client(base)
        assert anna.enrol("anna").status_code == 201 and sofia.enrol("sofia").status_code == 201
        for n in range(7):
            family = create("households", household_fields(
                case_number=f"2026/1-{n:04d}", identified_on="2026-01-05", categories=["idp"]))
            visit = create("visits", visit_fields(family["id"], started_at="2026-02-03T10:00:00+02:00"))
            assert [res["status"] for res in anna.push(family, visit)] == ["applied", "applied"]
        r = sofia.get(f"/api/v1/reports?{PERIOD}")
        assert r.status_code == 200, r.text
        report = r.json()
    finally:
        stop_serve(proc)
    want = int(threshold) if threshold else 5
    assert report["about"]["threshold"] == want
    # Seven families: shown under the default threshold of 5, hidden (None, shown as <10) under 10.
    assert report["headline"]["families_monitored"] == (None if threshold else 7)
    assert report["headline"]["cases_opened"] == (None if threshold else 7)


def test_a_threshold_that_hides_nothing_is_refused_in_a_sentence(tmp_path):
    done = server_cli("serve", "--data", str(tmp_path), "--report-threshold", "1")
    assert done.returncode == 1
    assert done.stderr.strip() == "fieldapp-server: --report-threshold: at least 2 (a threshold of 1 hides nothing)."

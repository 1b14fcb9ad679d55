"""./test.sh stopped by a signal leaves no PostgreSQL behind.

The script's throwaway cluster runs in a session of its own (pg_ctl's doing), so a TERM to the
script's process group never reaches it; only the script's traps stop it. Each case runs the real
./test.sh with a one-test suite that connects to the cluster, reports where it lives and waits;
the test then signals the script (or its whole group) and looks for the server afterwards.
"""

from __future__ import annotations

import glob
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HANG_GUARD_S = 300  # for a hung script, not a measure of speed

WAITING_SUITE = '''
import json, os, time
import psycopg

def test_wait_for_the_signal():
    url = os.environ["FIELDAPP_TEST_PG_URL"].replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url) as conn:
        data = conn.execute("SHOW data_directory").fetchone()[0]
        port = int(conn.execute("SHOW port").fetchone()[0])
    marker = os.environ["CHORES_MARKER"]
    with open(marker + ".tmp", "w") as f:
        json.dump({"data": data, "port": port}, f)
    os.replace(marker + ".tmp", marker)
    time.sleep(3600)
'''

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="the scripts are for Linux"),
    pytest.mark.skipif(not glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reason="no PostgreSQL installed"),
]


def processes_in(folder: str) -> list[int]:
    """Pids of processes whose command line names `folder` or whose working directory is in it
    (a postgres backend's command line is only "postgres: checkpointer", but it runs in its data dir)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            cwd = os.readlink(proc / "cwd")
        except OSError:
            continue
        if folder in cmdline or cwd.startswith(folder):
            found.append(int(proc.name))
    return found


def descendants(pid: int) -> list[int]:
    """Every process started, directly or not, by `pid`."""
    parent = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                parent[int(proc.name)] = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = [], [pid]
    while frontier:
        children = [c for c, p in parent.items() if p in frontier]
        found += children
        frontier = children
    return found


def starting_cluster(pid: int) -> dict | None:
    """The data dir and port of the `pg_ctl ... start` that test.sh (`pid`) is running, if it is."""
    for child in descendants(pid):
        try:
            args = (Path("/proc") / str(child) / "cmdline").read_bytes().decode().split("\0")
        except OSError:
            continue
        if args and args[0].endswith("/pg_ctl") and "start" in args:
            options = args[args.index("-o") + 1].split()
            return {"data": args[args.index("-D") + 1], "port": int(options[options.index("-p") + 1])}
    return None


def port_answers(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def stop_leftover(data: str) -> None:
    """The test failed with a cluster still up: stop it, so the failure leaks nothing."""
    pg_ctl = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]
    runas = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    subprocess.run([*runas, pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"], capture_output=True)


def run_test_sh(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """./test.sh, in a process group of its own, running a one-test suite that reports its cluster
    (data dir, port) in the returned marker file and then waits."""
    suite = tmp_path / "suite"
    suite.mkdir()
    (suite / "test_waiting.py").write_text(WAITING_SUITE, encoding="utf-8")
    (suite / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    marker = tmp_path / "ready.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FIELDAPP_TEST_PG", "PYTEST_"))}
    env["CHORES_MARKER"] = str(marker)
    proc = subprocess.Popen(
        [str(ROOT / "test.sh"), "-n", "0", "-p", "no:cacheprovider", "-c", str(suite / "pytest.ini"),
         "--rootdir", str(suite), str(suite)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    return proc, marker


def assert_gone_after(proc: subprocess.Popen[bytes], sig: int, where: dict) -> None:
    out, _ = proc.communicate(timeout=HANG_GUARD_S)
    assert processes_in(where["data"]) == [], "a postgres process of the test cluster is still running"
    assert not port_answers(where["port"]), "the test cluster's port still answers"
    assert not Path(where["data"]).parent.exists(), "the test cluster's folder is still there"
    assert proc.returncode == 128 + sig, out.decode()  # ended as killed by that signal


def clean_up(proc: subprocess.Popen[bytes], where: dict | None) -> None:
    """Whatever the test's outcome, leave no script, test run or cluster behind."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    if where and Path(where["data"]).parent.exists():
        if Path(where["data"], "postmaster.pid").exists():
            stop_leftover(where["data"])
        subprocess.run(["rm", "-rf", str(Path(where["data"]).parent)])


@pytest.mark.parametrize(("signame", "to_group"), [
    ("SIGTERM", True), ("SIGINT", True), ("SIGTERM", False), ("SIGHUP", False),
], ids=["TERM-group", "INT-group", "TERM-script", "HUP-script"])
def test_a_signal_to_test_sh_stops_its_postgresql(tmp_path, signame, to_group):
    proc, marker = run_test_sh(tmp_path)
    where = None
    try:
        deadline = time.monotonic() + HANG_GUARD_S
        while not marker.exists():
            assert proc.poll() is None, f"./test.sh ended before its suite ran:\n{proc.stdout.read().decode()}"
            assert time.monotonic() < deadline, "the waiting suite never reported its cluster"
            time.sleep(0.1)
        where = json.loads(marker.read_text())
        assert port_answers(where["port"]) and processes_in(where["data"])  # it is up, to begin with

        sig = getattr(signal, signame)
        if to_group:
            os.killpg(proc.pid, sig)
        else:
            os.kill(proc.pid, sig)
        assert_gone_after(proc, sig, where)
    finally:
        clean_up(proc, where)


def test_a_term_while_the_cluster_starts_leaves_nothing(tmp_path):
    """The window the old EXIT trap missed: it was set after `pg_ctl start`, and the server that
    command was starting kept running on its own."""
    proc, _ = run_test_sh(tmp_path)
    where = None
    try:
        deadline = time.monotonic() + HANG_GUARD_S
        while where is None:
            assert proc.poll() is None, f"./test.sh ended:\n{proc.stdout.read().decode()}"
            assert time.monotonic() < deadline, "./test.sh never started its cluster"
            where = starting_cluster(proc.pid)
        os.killpg(proc.pid, signal.SIGTERM)
        assert_gone_after(proc, signal.SIGTERM, where)
    finally:
        clean_up(proc, where)

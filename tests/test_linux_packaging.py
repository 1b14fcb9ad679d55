"""The Linux pieces of the bundle: the server's systemd unit (checked by systemd itself), the
menu entry and its icon, and the Windows installer's publisher (set by the deploying organisation)."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
UNIT = LINUX / "fieldapp-server.service"


def unit_here(tmp_path: Path) -> Path:
    """The unit with its /opt/fieldapp programs pointed at this venv's (verify wants them to exist)."""
    server = Path(sys.prefix) / "bin" / "fieldapp-server"
    if not server.exists():
        pytest.skip("no fieldapp-server script in this environment")
    text = UNIT.read_text(encoding="utf-8").replace("/opt/fieldapp-server/fieldapp-server", str(server))
    path = tmp_path / "fieldapp-server.service"
    path.write_text(text, encoding="utf-8")
    return path


needs_systemd = pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd-analyze")


@needs_systemd
def test_the_systemd_unit_passes_systemd_analyze_verify(tmp_path):
    done = subprocess.run(["systemd-analyze", "verify", str(unit_here(tmp_path))], capture_output=True,
                          text=True, timeout=60)
    # verify exits 0 on an unknown key too: any word on stderr is a fault in the unit.
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr


@needs_systemd
def test_the_weekly_attachments_gc_timer_and_its_unit_pass_verify_and_name_a_real_command(tmp_path):
    server = unit_here(tmp_path).read_text().split("ExecStart=")[1].split()[0]  # this venv's program
    for name in ("fieldapp-server-gc.service", "fieldapp-server-gc.timer"):
        text = (LINUX / name).read_text(encoding="utf-8").replace("/opt/fieldapp-server/fieldapp-server", server)
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = subprocess.run(["systemd-analyze", "verify", str(tmp_path / "fieldapp-server-gc.service"),
                           str(tmp_path / "fieldapp-server-gc.timer")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    timer = configparser.ConfigParser(interpolation=None)
    timer.read_string((LINUX / "fieldapp-server-gc.timer").read_text(encoding="utf-8"))
    assert timer["Timer"]["OnCalendar"] == "weekly" and timer["Timer"]["Persistent"] == "true"
    # The command the unit runs exists and takes its options: `--help` of that very line.
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.read_string((tmp_path / "fieldapp-server-gc.service").read_text(encoding="utf-8"))
    command = unit["Service"]["ExecStart"].split()
    assert command[1:3] == ["attachments", "gc"]
    helped = subprocess.run([*command[:3], "--help"], capture_output=True, text=True, timeout=120)
    assert helped.returncode == 0 and "--days" in helped.stdout and "--dry-run" in helped.stdout
    # Sandboxed as the server is.
    main = UNIT.read_text(encoding="utf-8")
    sandbox = main[main.index("NoNewPrivileges"):main.index("[Install]")]
    assert sandbox.strip() in (LINUX / "fieldapp-server-gc.service").read_text(encoding="utf-8")


@needs_systemd
def test_a_broken_unit_is_told_apart(tmp_path):
    broken = unit_here(tmp_path)
    broken.write_text(broken.read_text().replace("NoNewPrivileges=yes", "NoNewPrivilege=yes"))
    done = subprocess.run(["systemd-analyze", "verify", str(broken)], capture_output=True, text=True,
                          timeout=60)
    assert "Unknown key" in done.stderr


@needs_systemd
def test_the_unit_is_sandboxed(tmp_path):
    done = subprocess.run(["systemd-analyze", "security", "--offline=true", str(unit_here(tmp_path))],
                          capture_output=True, text=True, timeout=60)
    if "--offline" in done.stderr and "unrecognized" in done.stderr:
        pytest.skip("this systemd-analyze has no --offline")
    found = re.search(r"Overall exposure level for \S+: ([0-9.]+) (\w+)", done.stdout + done.stderr)
    assert found, done.stdout + done.stderr
    # systemd rates 0-10; "OK" is its best band (below 2): the server has no capability at all.
    assert found[2] == "OK", found[0]


def test_the_unit_runs_the_server_on_loopback_as_its_own_user():
    text = UNIT.read_text(encoding="utf-8")
    assert "User=fieldapp" in text and "StateDirectoryMode=0700" in text
    assert "--host 127.0.0.1" in text and "--behind-proxy" in text
    for option in ("ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "NoNewPrivileges=yes",
                   "CapabilityBoundingSet=", "SystemCallFilter=@system-service"):
        assert f"\n{option}\n" in text, option


def test_the_menu_entry_names_the_program_and_its_icon():
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(LINUX / "fieldapp.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application" and d["Exec"] == "/opt/fieldapp/fieldapp"
    assert d["Icon"] == "fieldapp" and d["Terminal"] == "false" and d["Categories"].endswith(";")
    assert "GenericName[uk]" in d and "Comment[uk]" in d
    assert (ROOT / "resources" / "icons" / "app.svg").read_text().startswith("<svg")  # build.sh ships it
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(LINUX / "fieldapp.desktop")],
                              capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_installers_publisher_is_no_placeholder():
    iss = (ROOT / "packaging" / "fieldapp.iss").read_text(encoding="utf-8")
    assert "AppPublisher=FieldApp\n" not in iss
    assert "AppPublisher={#AppPublisher}" in iss and "/DAppPublisher=" in iss

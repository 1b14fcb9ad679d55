"""The running program keeps its memory to itself: SIGABRT with core dumps allowed writes no core file,
and another process of the same (non-root) user can neither read /proc/<pid>/mem nor ptrace it
(issue 11, item 12). The same checks against a plain Python process of that user succeed: they can fail.

Run as root, the program runs under a throwaway system user made for the test; otherwise as the
user running the tests.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
READER = Path(__file__).parent / "helpers" / "memory_reader.py"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux process hardening")


class User:
    """Who the program and the reader run as: a throwaway user when root, else ourselves."""

    def __init__(self, home: Path):
        self.home = home
        self.name: str | None = None
        if os.geteuid() == 0:
            self.name = "fa-test-" + uuid.uuid4().hex[:8]
            subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                            "--home-dir", str(home), self.name], check=True, capture_output=True)
            entry = pwd.getpwnam(self.name)
            shutil.chown(home, entry.pw_uid, entry.pw_gid)

    def command(self, argv: list[str]) -> list[str]:
        # Core dumps allowed, as a shell with `ulimit -c unlimited` would; then become the user.
        shell = "ulimit -c unlimited; exec \"$@\""
        if self.name is None:
            return ["sh", "-c", shell, "sh", *argv]
        entry = pwd.getpwnam(self.name)
        return ["sh", "-c", shell, "sh", "setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}",
                "--clear-groups", "--", *argv]

    def python(self) -> list[str]:
        # The venv's interpreter lives under /root (closed to other users): the same CPython 3.11 of the
        # system runs the same code with the venv's packages on its path.
        if self.name is None:
            return [sys.executable]
        system = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
        if not system.exists():
            pytest.skip(f"{system} is needed to run as another user")
        return [str(system)]

    def remove(self) -> None:
        if self.name:
            subprocess.run(["userdel", self.name], capture_output=True)


@pytest.fixture
def user():
    # Not under pytest's tmp_path: its parent is root's alone, and the user must reach its home.
    home = Path(tempfile.mkdtemp(prefix="fieldapp-hardening-"))
    os.chmod(home, 0o755)
    u = User(home)
    try:
        yield u
    finally:
        u.remove()
        shutil.rmtree(home, ignore_errors=True)


def environment(user: User) -> dict[str, str]:
    site = [p for p in sys.path if p.endswith("site-packages")]
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(user.home), "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(user.home),
            "PYTHONPATH": os.pathsep.join([str(ROOT), *site])}


def start(user: User, argv: list[str]) -> subprocess.Popen:
    return subprocess.Popen(user.command(argv), cwd=user.home, env=environment(user),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_until(check, what: str, proc: subprocess.Popen, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not check():
        if proc.poll() is not None:
            pytest.fail(f"{what}: the process ended ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {limit} s")
        time.sleep(0.2)


def in_event_loop(pid: int) -> bool:
    """The main thread waits in poll(). Without root, a process that is not dumpable shows its wchan
    as "0"; then Qt's second thread (started with the application) has to do."""
    wchan = Path(f"/proc/{pid}/wchan").read_text().strip()
    if wchan and wchan != "0":
        return "poll" in wchan
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("Threads:")[1].split()[0]) >= 2


def read_memory(user: User, pid: int) -> dict[str, str]:
    done = subprocess.run(user.command([*user.python(), str(READER), str(pid)]), cwd=user.home,
                          env=environment(user), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def abort_and_find_core(user: User, proc: subprocess.Popen) -> list[str]:
    for path in user.home.glob("core*"):
        path.unlink()
    os.kill(proc.pid, signal.SIGABRT)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGABRT
    return sorted(p.name for p in user.home.glob("core*"))


def core_files_possible() -> None:
    pattern = Path("/proc/sys/kernel/core_pattern").read_text().strip()
    if pattern.startswith("|"):
        pytest.skip(f"core dumps go to a program here ({pattern.split()[0]}), not to a file")


def test_a_plain_process_of_the_user_is_readable_and_dumps_core(user):
    """The control: without FieldApp's hardening the same reader reads, and the same abort dumps."""
    core_files_possible()
    proc = start(user, [*user.python(), "-c", "import time; time.sleep(600)"])
    try:
        wait_until(lambda: Path(f"/proc/{proc.pid}/cmdline").read_bytes().count(b"sleep"), "python started",
                   proc)
        assert read_memory(user, proc.pid) == {"mem": "read", "ptrace": "attached"}
        assert abort_and_find_core(user, proc), "SIGABRT wrote no core file even unprotected"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_fieldapp_cannot_be_read_and_writes_no_core_file(user):
    core_files_possible()
    profile = user.home / "profile"
    proc = start(user, [*user.python(), "-m", "fieldapp", "--profile", str(profile), "--lang", "uk"])
    try:
        # The start screen is up once the log folder exists (made after hardening, before the GUI)
        # and the main thread waits in poll(): Qt's event loop runs, the start dialog is shown.
        wait_until((profile / "logs").exists, "FieldApp started", proc)
        wait_until(lambda: in_event_loop(proc.pid), "Qt's event loop", proc)
        found = read_memory(user, proc.pid)
        assert found["mem"] in ("EACCES", "EPERM"), found
        assert found["ptrace"] == "EPERM", found
        assert abort_and_find_core(user, proc) == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

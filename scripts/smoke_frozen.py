"""Smoke-test the frozen builds in dist/fieldapp and dist/fieldapp-server, as CI and scripts/build.sh do.

    .venv/bin/python scripts/smoke_frozen.py [--dist dist/fieldapp] [--server-dist dist/fieldapp-server]

Checks, each against the frozen programs only (no Python, no checkout on their path):

0. the bundle is trimmed as build_spec.spec means: no GTK theme, Wayland or
   cairo/pango/atk, only the Qt translations FieldApp loads, no dangling
   link, under 200 MB; and (Linux) every library in it finds its
   dependencies (ldd): e.g. Qt's xcb plugin needs libxcb-icccm4, which
   offscreen runs would never notice; the server's folder holds no Qt
   (nor PySide6, shiboken6, Faker) and the laptop's none of the server's
   database stack (SQLAlchemy, psycopg), each folder's size printed;
1. `fieldapp --selftest` offscreen: exit 0, nothing on standard error;
2. `fieldapp --version` names the package's version;
3. `fieldapp-server --help` exits 0;
4. `fieldapp-server init` on a temporary data folder, then `serve` on a free
   127.0.0.1 port: GET /health answers {"status": "ok"}; then the server is stopped;
5. upgrades: the frozen `fieldapp` opens each committed older-schema profile
   (tests/fixtures/profile-schema*/) and migrates it, a backup first, and
   refuses a profile of a newer schema with the clear message (both through
   `fieldapp demo`, the passphrase on stdin);
6. IT's fieldapp.toml and portable.txt beside the executable (a linked copy
   of the build): the selftest reports the provisioned values and the
   portable profile folder, and fails naming the file and key of a mistake.

Everything runs with HOME, the XDG folders and the working folder in a
temporary directory, so the frozen program cannot touch the real profile.
Exit 0 when all pass; 1 with the failures on standard error. Prints timings.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if sys.platform == "win32" else ""
FIXTURES = ROOT / "tests" / "fixtures"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_env(home: Path) -> dict[str, str]:
    """The environment of a user who has nothing of ours: no venv, no checkout, an empty home."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("VIRTUAL_ENV", "PYTHON", "FIELDAPP_", "XDG_", "QT_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), USERPROFILE=str(home),
               LOCALAPPDATA=str(home / "AppData" / "Local"), APPDATA=str(home / "AppData" / "Roaming"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CONFIG_HOME=str(home / ".config"))
    return env


class Smoke:
    def __init__(self, dist: Path, server_dist: Path, work: Path):
        self.dist = dist
        self.server_dist = server_dist
        self.work = work
        self.env = clean_env(work / "home")
        (work / "home").mkdir()
        self.failures: list[str] = []

    def exe(self, name: str) -> str:
        return str((self.server_dist if name == "fieldapp-server" else self.dist) / f"{name}{EXE}")

    def run(self, name: str, *args: str, stdin: str = "", timeout: float = 180) -> subprocess.CompletedProcess[str]:
        return subprocess.run([self.exe(name), *args], input=stdin, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", env=self.env, cwd=self.work,
                              timeout=timeout)

    def check(self, ok: bool, what: str, done: subprocess.CompletedProcess[str] | None = None) -> bool:
        if ok:
            print(f"ok    {what}", flush=True)
        else:
            detail = f"\n  exit {done.returncode}\n  stdout: {done.stdout.strip()}\n  stderr: {done.stderr.strip()}" if done else ""
            print(f"FAIL  {what}{detail}", file=sys.stderr, flush=True)
            self.failures.append(what)
        return ok

    # -- the checks -------------------------------------------------------------------------

    def selftest(self) -> None:
        started = time.perf_counter()
        done = self.run("fieldapp", "--selftest")
        took = time.perf_counter() - started
        self.check(done.returncode == 0 and "selftest passed" in done.stdout and not done.stderr.strip(),
                   f"fieldapp --selftest offscreen, exit 0, nothing on stderr ({took:.1f} s)", done)
        # The selftest draws a page of a vector PDF with the bundled PDFium and checks its pixels.
        self.check(done.returncode == 0 and "PDF pages drawn by PDFium " in done.stdout,
                   "the bundled PDFium draws a PDF page (attachments' viewer)", done)

    def version(self) -> None:
        expected = version_of_package()
        done = self.run("fieldapp", "--version")
        self.check(done.returncode == 0 and expected in done.stdout,
                   f"fieldapp --version says {expected}", done)

    def server_help(self) -> None:
        done = self.run("fieldapp-server", "--help")
        self.check(done.returncode == 0 and "usage" in done.stdout.lower(), "fieldapp-server --help", done)

    def server_health(self) -> None:
        data = self.work / "server-data"
        done = self.run("fieldapp-server", "init", "--data", str(data))
        if not self.check(done.returncode == 0, "fieldapp-server init on an empty data folder", done):
            return
        port = free_port()
        log = (self.work / "server.log").open("w+", encoding="utf-8")
        started = time.perf_counter()
        server = subprocess.Popen([self.exe("fieldapp-server"), "serve", "--data", str(data),
                                   "--host", "127.0.0.1", "--port", str(port)],
                                  stdout=log, stderr=subprocess.STDOUT, env=self.env, cwd=self.work)
        answer, took = None, 0.0
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and server.poll() is None:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                        answer = json.loads(response.read())
                        took = time.perf_counter() - started
                        break
                except OSError:
                    time.sleep(0.2)
        finally:
            stop(server)
            log.seek(0)
            output = log.read()
            log.close()
        ok = bool(answer) and answer.get("status") == "ok" and "Traceback" not in output
        if not ok:
            print(f"  server output:\n{output}", file=sys.stderr)
        self.check(ok, f"frozen fieldapp-server answers GET /health with status ok ({took:.1f} s to answer)")

    def upgrades(self) -> None:
        fixtures = profile_fixtures()
        if not self.check(bool(fixtures), "older-schema profiles in tests/fixtures/ (make_profiles.py)"):
            return
        for folder, meta in fixtures:
            copy = self.work / folder.name
            shutil.copytree(folder, copy)
            # --add: demo refuses a profile that already has families unless told to add (issue 18)
            done = self.run("fieldapp", "demo", "--profile", str(copy), "--households", "1", "--add",
                            stdin=meta["passphrase"] + "\n")
            backups = list((copy / "backups").glob(f"fieldapp-schema{meta['schema_version']}-*.db"))
            self.check(done.returncode == 0 and len(backups) == 1,
                       f"frozen fieldapp migrates a schema-{meta['schema_version']} profile, backup first", done)

        folder, meta = fixtures[-1]
        newer = self.work / "profile-newer"
        version = make_newer_profile(folder, newer, meta["passphrase"])
        done = self.run("fieldapp", "demo", "--profile", str(newer), "--households", "1",
                        stdin=meta["passphrase"] + "\n")
        self.check(done.returncode == 1 and "newer version of FieldApp" in done.stderr
                   and "Traceback" not in done.stderr,
                   f"frozen fieldapp refuses a schema-{version} profile with a clear message", done)


    def provisioning_and_portable(self) -> None:
        """A copy of the build with IT's file and portable.txt beside the executable (a USB stick)."""
        stick = self.work / "stick" / "FieldApp"
        link_copy(self.dist, stick)
        (stick / "portable.txt").write_text("FieldApp keeps its data on this stick.\n", encoding="utf-8")
        config = stick / "fieldapp.toml"
        config.write_text('server_url = "https://fieldapp.example.org"\norganisation = "Фонд"\n'
                          'locked = ["server_url"]\n', encoding="utf-8")
        done = subprocess.run([str(stick / f"fieldapp{EXE}"), "--selftest"], capture_output=True, text=True,
                              encoding="utf-8", errors="replace", env=self.env, cwd=self.work, timeout=180)
        profile = stick.resolve() / "FieldApp-data" / "profile"
        self.check(done.returncode == 0 and f"profile folder: {profile} (portable)" in done.stdout
                   and f"IT configuration: {config.resolve()}" in done.stdout
                   and "server_url = https://fieldapp.example.org (locked)" in done.stdout,
                   "frozen fieldapp reads fieldapp.toml beside it and keeps a portable profile beside it", done)

        config.write_text('auto_lock_minutes = "ten"\n', encoding="utf-8")
        done = subprocess.run([str(stick / f"fieldapp{EXE}"), "--selftest"], capture_output=True, text=True,
                              encoding="utf-8", errors="replace", env=self.env, cwd=self.work, timeout=180)
        self.check(done.returncode == 1 and f"{config.resolve()}: auto_lock_minutes: " in done.stderr
                   and "Traceback" not in done.stderr,
                   "frozen fieldapp --selftest names the file and the key of IT's mistake", done)


    def trimmed(self) -> None:
        """What the spec leaves out stays out; what FieldApp loads is in; nothing big came back."""
        files = list(self.dist.rglob("*"))
        names = {p.name for p in files}
        back = sorted(names & {"libqgtk3.so", "libqwayland.so", "libcairo.so.2", "libpango-1.0.so.0",
                               "libatk-1.0.so.0", "qtbase_de.qm", "libQt6WaylandClient.so.6",
                               "opengl32sw.dll", "mypy", "PyInstaller"})
        self.check(not back, "the bundle leaves out what the spec trims" + "".join(f"\n  {n}" for n in back))
        self.check("qtbase_uk.qm" in names and any(n.startswith("fieldapp_") and n.endswith(".qm") for n in names),
                   "the bundle carries Qt's and FieldApp's Ukrainian translations")
        dangling = sorted(str(p.relative_to(self.dist)) for p in files if p.is_symlink() and not p.exists())
        self.check(not dangling, "no dangling links in the bundle" + "".join(f"\n  {d}" for d in dangling))
        size = sum(p.stat().st_size for p in files if p.is_file() and not p.is_symlink())
        # 185 MB with Qt's print support (papers), PyNaCl (parcels) and pypdf (attachments) this session
        self.check(size < 200_000_000, f"the bundle is {size / 1e6:.0f} MB (under 200 MB: nothing big came back)")

    def apart(self) -> None:
        """Each program carries only its own libraries: the server no Qt, the laptop no server stack."""
        server_files = [p.relative_to(self.server_dist) for p in self.server_dist.rglob("*")]
        qt = sorted({str(p) for p in server_files if p.name.startswith(("libQt6", "Qt6", "libpyside6", "pyside6"))
                     or {"PySide6", "shiboken6", "faker"} & set(p.parts)})
        self.check(not qt, "the server's bundle holds no Qt, PySide6, shiboken6 or Faker"
                   + "".join(f"\n  {n}" for n in qt[:20]))
        self.check((self.server_dist / "_internal" / "resources" / "codifier").is_dir(),
                   "the server's bundle carries the codifier and code lists it validates with")
        client_parts = {part for p in self.dist.rglob("*") for part in p.relative_to(self.dist).parts}
        server_stack = sorted(client_parts & {"sqlalchemy", "psycopg", "psycopg_binary", "uvloop", "httptools"})
        self.check(not server_stack, "the laptop's bundle holds none of the server's database stack"
                   + "".join(f"\n  {n}" for n in server_stack))
        for folder in (self.dist, self.server_dist):
            size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
            print(f"size  {folder.name}: {size / 1e6:.0f} MB unpacked", flush=True)

    def libraries_resolve(self) -> None:
        for folder in (self.dist, self.server_dist):
            self.libraries_resolve_in(folder)

    def libraries_resolve_in(self, folder: Path) -> None:
        """Linux: every library in the bundle finds what it needs, in the bundle or the system (ldd)."""
        if not sys.platform.startswith("linux") or not shutil.which("ldd"):
            return
        internal = folder / "_internal"
        env = {**self.env, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
        missing: set[str] = set()
        for path in sorted(internal.rglob("*.so*")):
            if path.is_symlink() or not path.is_file():
                continue
            done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
            missing |= {f"{path.name} needs {line.split()[0]}"
                        for line in done.stdout.splitlines() if "not found" in line}
        self.check(not missing, f"every library in {folder.name} finds its dependencies (ldd)"
                   + "".join(f"\n  {m}" for m in sorted(missing)))


def link_copy(source: Path, target: Path) -> None:
    """Copy a folder as hard links where the file system allows (fast, no space), else as copies."""
    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, symlinks=True, copy_function=link)


def profile_fixtures() -> list[tuple[Path, dict]]:
    """The committed older-schema profiles and their descriptions, oldest schema first."""
    found = []
    for meta_file in FIXTURES.glob("profile-schema*.json"):
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        found.append((meta_file.with_suffix(""), meta))
    return sorted(found, key=lambda item: item[1]["schema_version"])


def make_newer_profile(source: Path, target: Path, passphrase: str) -> int:
    """A copy of `source`, migrated by this checkout's code, then marked one schema newer."""
    sys.path.insert(0, str(ROOT))
    from fieldapp.store import schema
    from fieldapp.store.database import Store

    shutil.copytree(source, target)
    with Store.open(target, passphrase) as store:
        store.write(lambda tx: tx.db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}"))
    return schema.SCHEMA_VERSION + 1


def version_of_package() -> str:
    text = (ROOT / "fieldapp" / "__init__.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    if sys.platform == "win32":
        process.terminate()
    else:
        process.send_signal(signal.SIGINT)  # uvicorn shuts down cleanly on Ctrl+C
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / "fieldapp",
                        help="the laptop's one-folder build (default: dist/fieldapp)")
    parser.add_argument("--server-dist", type=Path, default=ROOT / "dist" / "fieldapp-server",
                        help="the server's one-folder build (default: dist/fieldapp-server)")
    args = parser.parse_args(argv)
    dist, server_dist = args.dist.resolve(), args.server_dist.resolve()
    for folder, name in ((dist, "fieldapp"), (server_dist, "fieldapp-server")):
        if not (folder / f"{name}{EXE}").exists():
            print(f"smoke_frozen: no frozen {name} in {folder}: run scripts/build.sh first", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="fieldapp-smoke-") as tmp:
        smoke = Smoke(dist, server_dist, Path(tmp))
        smoke.trimmed()
        smoke.apart()
        smoke.libraries_resolve()
        smoke.selftest()
        smoke.version()
        smoke.server_help()
        smoke.server_health()
        smoke.upgrades()
        smoke.provisioning_and_portable()
    if smoke.failures:
        print(f"smoke_frozen: {len(smoke.failures)} check(s) failed", file=sys.stderr)
        return 1
    print("smoke_frozen: the frozen build works")
    return 0


if __name__ == "__main__":
    sys.exit(main())

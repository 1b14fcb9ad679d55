"""The packaging: what build_spec.spec computes, and that the installer and workflow agree with it.

The spec is executed whole, with recording stand-ins for PyInstaller's four build steps
(Analysis, PYZ, EXE, COLLECT): everything it computes itself (version, data files, hidden
imports, the trimming rules) is then checked against this checkout, without the minute and a
half of analysis. The build itself and the frozen programs are checked by scripts/build.sh,
which runs scripts/smoke_frozen.py on them; CI runs both (.ci/run).
"""

from __future__ import annotations

import ast
import fnmatch
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import fieldapp
import sync.server.db
from casework.resources import resource_dir

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_spec.spec"
ISS = ROOT / "packaging" / "fieldapp.iss"
WORKFLOW = ROOT / "packaging" / "windows-build.yml"
# Never changes: an upgrade finds the installed FieldApp by it (packaging/fieldapp.iss).
APP_ID = "{{6C1F3E2A-8B4D-4F7A-9E25-3D0B7A51C9E4}"


@cache
def spec() -> SimpleNamespace:
    """The spec's namespace after running it, and what it handed to each build step."""
    steps: dict[str, list[Any]] = {"Analysis": [], "EXE": [], "COLLECT": []}

    class Analysis:
        def __init__(self, scripts: list[str], **options: Any) -> None:
            self.entry, self.options = scripts, options
            self.binaries: list[tuple] = []
            self.datas: list[tuple] = []
            self.pure: list[tuple] = []
            self.scripts: list[tuple] = []
            steps["Analysis"].append(self)

    def exe(pyz: Any, scripts: Any, binaries: Any, **options: Any) -> dict[str, Any]:
        steps["EXE"].append(options)
        return options

    def collect(*parts: Any, **options: Any) -> dict[str, Any]:
        steps["COLLECT"].append(options)
        return options

    namespace: dict[str, Any] = {"SPECPATH": str(ROOT), "Analysis": Analysis, "PYZ": lambda pure: pure,
                                 "EXE": exe, "COLLECT": collect}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    app, server = steps["Analysis"]
    return SimpleNamespace(rules=namespace, app=app, server=server, exes=steps["EXE"],
                           collect=steps["COLLECT"][0])


def toc(dest: str, typecode: str = "BINARY", src: str = "/x") -> tuple[str, str, str]:
    return (dest, src, typecode)


# -- the trimming rules ---------------------------------------------------------------------


@pytest.mark.parametrize("dest, kept", [
    # Linux wheel layout
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqlinuxfb.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so", True),
    ("PySide6/Qt/translations/qtbase_uk.qm", True),
    ("PySide6/Qt/translations/qtbase_en.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qt_uk.qm", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    # Windows wheel layout (back slashes as PyInstaller writes them there)
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", False),
    ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
    ("PySide6\\plugins\\imageformats\\qsvg.dll", True),
    ("PySide6\\plugins\\imageformats\\qwebp.dll", False),
    ("PySide6\\translations\\qtbase_uk.qm", True),
    ("PySide6\\translations\\qtbase_fr.qm", False),
    ("PySide6\\opengl32sw.dll", False),
    ("PySide6\\Qt6Widgets.dll", True),
    # not Qt at all
    ("resources/translations/fieldapp_ui_uk.qm", True),
    ("libpython3.11.so.1.0", True),
])
def test_which_qt_files_the_spec_keeps(dest, kept):
    assert spec().rules["keep_qt"](toc(dest)) is kept


@pytest.mark.parametrize("name, kept", [
    ("faker", True), ("faker.providers", True), ("faker.providers.person", True),
    ("faker.providers.person.uk_UA", True), ("faker.providers.person.en_US", True),
    ("faker.providers.person.en", True), ("faker.providers.person.de_DE", False),
    ("faker.providers.address.zh_CN", False), ("faker.providers.person.fil_PH", False),
])
def test_faker_keeps_ukrainian_and_its_english_fallback(name, kept):
    rules = spec().rules
    assert rules["keep_faker_module"](name) is kept
    as_file = name.replace(".", "/") + "/__init__.py"
    assert rules["keep_faker_file"](toc(as_file, "DATA")) is kept


def test_links_to_files_left_out_are_left_out_too():
    rules = spec().rules
    binaries = [toc("PySide6/Qt/lib/libQt6Core.so.6")]
    datas = [toc("libQt6Core.so.6", "SYMLINK", "PySide6/Qt/lib/libQt6Core.so.6"),
             toc("libQt6WaylandClient.so.6", "SYMLINK", "PySide6/Qt/lib/libQt6WaylandClient.so.6"),
             toc("PySide6/Qt/lib/libQt6Core.so", "SYMLINK", "libQt6Core.so.6"),
             toc("resources/icons/app.svg", "DATA")]
    kept = [e[0] for e in rules["drop_dangling_links"](datas, binaries)]
    assert kept == ["libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so", "resources/icons/app.svg"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the Linux wheel's ELF libraries")
def test_a_library_only_a_dropped_plugin_needed_goes_with_it():
    """On the real Qt libraries of the installed wheel, read by PyInstaller itself."""
    qt = Path(importlib.util.find_spec("PySide6").origin).parent / "Qt"
    entry = lambda rel: (f"PySide6/Qt/{rel}", str(qt / rel), "BINARY")  # noqa: E731
    kept = [entry("lib/libQt6Core.so.6"), entry("lib/libQt6Gui.so.6"), entry("lib/libQt6XcbQpa.so.6"),
            entry("lib/libQt6WaylandClient.so.6"), entry("plugins/platforms/libqxcb.so")]
    dropped = [entry("plugins/platforms/libqwayland.so")]
    left = {Path(e[0]).name for e in spec().rules["prune_libraries"](kept, dropped)}
    assert left == {"libQt6Core.so.6", "libQt6Gui.so.6", "libQt6XcbQpa.so.6", "libqxcb.so"}


# -- what the spec builds from this checkout ------------------------------------------------


def test_the_spec_builds_both_programs_from_this_checkout():
    built = spec()
    assert built.rules["VERSION"] == fieldapp.__version__
    assert [Path(s).relative_to(ROOT).as_posix() for s in built.app.entry] == ["fieldapp/__main__.py"]
    assert [Path(s).relative_to(ROOT).as_posix() for s in built.server.entry] == ["sync/server/__main__.py"]
    assert all(Path(s).is_file() for s in built.app.entry + built.server.entry)
    # A hidden import names a module that must exist: a rename would only show in the frozen program.
    for name in built.app.options["hiddenimports"] + built.server.options["hiddenimports"]:
        assert importlib.util.find_spec(name) is not None, name
    assert [(e["name"], e["console"]) for e in built.exes] == [("fieldapp", False), ("fieldapp-server", True)]
    assert built.collect["name"] == "fieldapp"


def test_the_data_files_land_where_the_code_looks_for_them(tmp_path, monkeypatch):
    built = spec()
    datas = built.app.options["datas"]
    for src, dest in datas:
        assert Path(src).exists() and Path(src).is_relative_to(ROOT), src
        assert not re.match(r"^(/|\\|[A-Za-z]:)", dest) and "\\" not in dest, dest  # relative, both systems
    # Every folder under resources/ is bundled, as resources/<folder> (translations: compiled only).
    bundled = {dest for _, dest in datas}
    assert bundled == {f"resources/{p.name}" for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert {Path(src).suffix for src, dest in datas if dest == "resources/translations"} == {".qm"}
    # In the bundle, the code reads resources/ in the unpacked folder: where the datas went.
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_dir() == tmp_path / "resources"
    # The server bundle (its own folder since it has no Qt) carries its migration scripts beside
    # the module that runs them, as sync/server/db.py looks for them.
    migrations = (Path(sync.server.db.__file__).resolve().parent / "migrations").relative_to(ROOT).as_posix()
    server = built.server.options["datas"]
    scripts = [(src, dest) for src, dest in server if dest == migrations or dest.startswith(migrations + "/")]
    assert {Path(src).name for src, _ in scripts} >= {"env.py", "script.py.mako"}
    assert all(Path(src).parent.relative_to(ROOT).as_posix() == dest for src, dest in scripts)
    # Besides them, the server bundle (no Qt) carries only what its validation and reports read.
    others = {dest for src, dest in server if (src, dest) not in scripts}
    assert others == {"resources/enums", "resources/codifier", "resources/forms"}
    for src, _dest in server:
        assert Path(src).exists() and Path(src).is_relative_to(ROOT), src


def _imported_modules(package: str, leave_out: str | None = None) -> set[str]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        if leave_out is not None and path.is_relative_to(ROOT / leave_out):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _excluded(module: str, excludes: list[str]) -> bool:
    return any(module == x or module.startswith(x + ".") for x in excludes)


def test_nothing_the_programs_import_is_left_out_of_them():
    built = spec()
    app_excludes = built.app.options["excludes"]
    # The laptop's bundle leaves the server out (sync/server and its stack): the rest of sync is the client's.
    for package, leave_out in (("casework", None), ("fieldapp", None), ("sync", "sync/server")):
        assert not [m for m in _imported_modules(package, leave_out) if _excluded(m, app_excludes)], package
    server_excludes = built.server.options["excludes"]
    for package in ("casework", "sync"):
        assert not [m for m in _imported_modules(package) if _excluded(m, server_excludes)], package


# -- the Windows installer and workflow agree with the spec ---------------------------------


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in ISS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return sections


def iss_entries(lines: list[str]) -> list[dict[str, str]]:
    """`Name: "x"; Flags: a b` lines as dicts."""
    entries = []
    for line in lines:
        fields = re.findall(r'(\w+):\s*("[^"]*"|[^;]*)', line)
        entries.append({k: v.strip().strip('"') for k, v in fields})
    return entries


def test_windows_installer_installs_the_build_and_never_touches_the_users_data():
    sections = iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["AppId"] == APP_ID, "a changed AppId installs beside the old FieldApp instead of upgrading it"
    app_exe = f"{spec().exes[0]['name']}.exe"
    files = iss_entries(sections["Files"])
    assert files[0]["Source"] == f"..\\dist\\{spec().collect['name']}\\*"
    assert {"recursesubdirs", "createallsubdirs"} <= set(files[0]["Flags"].split())
    assert all(e["Filename"] == f"{{app}}\\{app_exe}" for e in iss_entries(sections["Icons"]))
    assert setup["UninstallDisplayIcon"] == f"{{app}}\\{app_exe}"
    # Deletes only inside the program's folder: the data lives in %LOCALAPPDATA% and stays.
    assert "UninstallDelete" not in sections
    assert all(e["Name"].startswith("{app}\\") for e in iss_entries(sections["InstallDelete"]))
    assert not re.search(r"\{(localappdata|userappdata|commonappdata)\}", ISS.read_text(encoding="utf-8"), re.I)


def test_windows_workflow_runs_files_that_exist_and_uploads_what_the_installer_writes():
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    commands = "\n".join(step.get("run", "") for step in steps)
    named = set(re.findall(r"[\w./\\-]+\.(?:py|spec|iss)\b", commands))
    assert {"build_spec.spec", "scripts/smoke_frozen.py", "packaging\\fieldapp.iss"} <= named
    for path in named:
        assert (ROOT / path.replace("\\", "/")).is_file(), path
    # The artefact's pattern matches the file Inno Setup writes for this version.
    setup = dict(line.split("=", 1) for line in iss_sections()["Setup"])
    written = f"{setup['OutputDir']}/{setup['OutputBaseFilename']}.exe".replace("{#AppVersion}", fieldapp.__version__)
    written = (ISS.parent / written.replace("\\", "/")).resolve().relative_to(ROOT).as_posix()
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    patterns = upload["with"]["path"].split()
    assert any(fnmatch.fnmatch(written, pattern) for pattern in patterns), (written, patterns)


# -- the shell scripts ----------------------------------------------------------------------


SCRIPTS = ["run.sh", "test.sh", ".ci/run", "scripts/build.sh", "scripts/lint.sh",
           "scripts/ensure-env.sh", "scripts/test-postgres.sh"]
RUN_DIRECTLY = {"run.sh", "test.sh", "scripts/build.sh", "scripts/lint.sh"}  # README and .ci/run start these


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
@pytest.mark.parametrize("script", SCRIPTS)
def test_shell_scripts_parse(script):
    path = ROOT / script
    done = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    if script in RUN_DIRECTLY and sys.platform != "win32":
        assert os.access(path, os.X_OK), f"{script} is not executable"

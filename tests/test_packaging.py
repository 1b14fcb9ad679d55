"""The packaging files: the spec's trimming rules, the build script, the Windows installer and workflow.

Fast checks run here. The build itself (about a minute and a half) and the frozen program are
checked by `scripts/build.sh`, which runs `scripts/smoke_frozen.py`; CI runs both (.ci/run).
The tests marked slow below reuse dist/fieldapp when it is newer than the sources, and skip
otherwise (in CI, ./test.sh runs before scripts/build.sh, so there they skip and the smoke test
in build.sh does the work).
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_spec.spec"
DIST = ROOT / "dist" / "fieldapp"
EXE = ".exe" if sys.platform == "win32" else ""


def spec_rules() -> dict:
    """The spec's filter functions, without running PyInstaller (the part between two markers)."""
    text = SPEC.read_text(encoding="utf-8")
    part = text[text.index("# -- what of Qt to keep"):text.index("# -- the desktop program")]
    namespace = {"re": re, "Path": Path, "posixpath": posixpath}
    exec(compile(part, str(SPEC), "exec"), namespace)
    return namespace


def toc(dest: str, typecode: str = "BINARY", src: str = "/x") -> tuple[str, str, str]:
    return (dest, src, typecode)


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
    assert spec_rules()["keep_qt"](toc(dest)) is kept


@pytest.mark.parametrize("name, kept", [
    ("faker", True), ("faker.providers", True), ("faker.providers.person", True),
    ("faker.providers.person.uk_UA", True), ("faker.providers.person.en_US", True),
    ("faker.providers.person.en", True), ("faker.providers.person.de_DE", False),
    ("faker.providers.address.zh_CN", False), ("faker.providers.person.fil_PH", False),
])
def test_faker_keeps_ukrainian_and_its_english_fallback(name, kept):
    rules = spec_rules()
    assert rules["keep_faker_module"](name) is kept
    as_file = name.replace(".", "/") + "/__init__.py"
    assert rules["keep_faker_file"](toc(as_file, "DATA")) is kept


def test_links_to_files_left_out_are_left_out_too():
    rules = spec_rules()
    binaries = [toc("PySide6/Qt/lib/libQt6Core.so.6")]
    datas = [toc("libQt6Core.so.6", "SYMLINK", "PySide6/Qt/lib/libQt6Core.so.6"),
             toc("libQt6WaylandClient.so.6", "SYMLINK", "PySide6/Qt/lib/libQt6WaylandClient.so.6"),
             toc("PySide6/Qt/lib/libQt6Core.so", "SYMLINK", "libQt6Core.so.6"),
             toc("resources/icons/app.svg", "DATA")]
    kept = [e[0] for e in rules["drop_dangling_links"](datas, binaries)]
    assert kept == ["libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so", "resources/icons/app.svg"]


def test_the_spec_reads_the_version_from_the_package_and_has_no_linux_paths_for_windows():
    text = SPEC.read_text(encoding="utf-8")
    assert 'ROOT / "fieldapp" / "__init__.py"' in text
    assert not re.search(r"[\"'](/usr|/lib|/etc|/opt|/home|/root|/work)", text)
    assert "strip=STRIP" in text and 'STRIP = not IS_WINDOWS' in text
    # Resources once: only the app's Analysis carries them; the server's adds its migration scripts.
    assert text.count("datas=datas,") == 1 and text.count("datas=server_datas,") == 1


def test_build_script_is_valid_bash_and_does_everything_in_one_command():
    script = ROOT / "scripts" / "build.sh"
    assert os.access(script, os.X_OK)
    if shutil.which("bash"):
        subprocess.run(["bash", "-n", str(script)], check=True)
    text = script.read_text(encoding="utf-8")
    for needed in ("pyinstaller", "build_spec.spec", "smoke_frozen.py", "linux-$(uname -m)", "tar -C dist -czf"):
        assert needed in text


def test_windows_installer_keeps_the_users_data_and_offers_the_provisioning_file():
    iss = (ROOT / "packaging" / "fieldapp.iss").read_text(encoding="utf-8")
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}", iss, re.M), "a fixed AppId: upgrades replace in place"
    assert "DefaultDirName={autopf}\\FieldApp" in iss
    assert "dist\\fieldapp\\*" in iss and "recursesubdirs" in iss
    assert "fieldapp.toml" in iss and "{app}" in iss
    assert "{group}\\FieldApp" in iss
    # The data is in %LOCALAPPDATA%: never touched by install, upgrade or uninstall.
    assert "{localappdata}" not in iss.lower() and "{userappdata}" not in iss.lower()
    assert "[UninstallDelete]" not in iss
    assert 'Name: "{app}\\_internal"' in iss  # the old libraries go; fieldapp.toml stays


def test_windows_workflow_builds_smoke_tests_and_uploads():
    text = (ROOT / "packaging" / "windows-build.yml").read_text(encoding="utf-8")
    for needed in ("runs-on: windows", "python-version: \"3.11\"", "pip install -e .", "pyinstaller",
                   "build_spec.spec", "QT_QPA_PLATFORM", "--selftest", "smoke_frozen.py", "ISCC",
                   "upload-artifact"):
        assert needed in text, needed
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load(text)
    assert "build" in workflow["jobs"]


def test_the_it_guide_says_what_cannot_be_run_here():
    text = (ROOT / "docs" / "it.md").read_text(encoding="utf-8")
    for needed in ("fieldapp.toml", "locked", "portable.txt", "device revoke", "scripts/build.sh",
                   "cannot run", "%LOCALAPPDATA%"):
        assert needed in text, needed


# -- on a build that exists ----------------------------------------------------------------


def _fresh_build() -> bool:
    """A dist/fieldapp built after the last change to the program's sources (a stale one proves nothing)."""
    exe = DIST / f"fieldapp{EXE}"
    if not exe.exists():
        return False
    built = exe.stat().st_mtime
    sources = [*ROOT.glob("fieldapp/**/*.py"), *ROOT.glob("sync/**/*.py"), SPEC]
    return all(p.stat().st_mtime <= built for p in sources)


needs_build = pytest.mark.skipif(not _fresh_build(),
                                 reason="no dist/fieldapp newer than the sources: scripts/build.sh makes "
                                        "it, and CI runs it (with the smoke test) after ./test.sh")


@pytest.mark.slow
@needs_build
def test_the_build_is_trimmed():
    names = {p.name for p in DIST.rglob("*")}
    for gone in ("libqgtk3.so", "libqwayland.so", "libcairo.so.2", "libpango-1.0.so.0",
                 "libatk-1.0.so.0", "qtbase_de.qm", "libQt6WaylandClient.so.6"):
        assert gone not in names
    assert "qtbase_uk.qm" in names
    assert not [p for p in DIST.rglob("*") if p.is_symlink() and not p.exists()], "dangling links"
    size = sum(p.stat().st_size for p in DIST.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 175_000_000, f"{size / 1e6:.0f} MB: something big came back in"


@pytest.mark.slow
@needs_build
def test_the_frozen_build_passes_the_smoke_test():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "smoke_frozen.py"), "--dist", str(DIST)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr

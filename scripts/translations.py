"""Extract, compile and check FieldApp's Qt Linguist translations.

    python scripts/translations.py update    # pyside6-lupdate: refresh the .ts files from the code
    python scripts/translations.py compile   # pyside6-lrelease: .ts -> .qm (only when stale)
    python scripts/translations.py check     # exit 1 when a Ukrainian string is missing or unfinished

The .ts files in resources/translations/ are the sources kept in git; the .qm
files are build products.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("uk", "en")
SOURCES = ("fieldapp",)


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install pyside6-essentials")
    return found


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"fieldapp_{lang}.ts"


def update() -> None:
    files = sorted(str(p) for src in SOURCES for p in (ROOT / src).rglob("*.py"))
    for lang in LANGUAGES:
        subprocess.run(
            [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
             "-target-language", lang, *files, "-ts", str(ts_path(lang))],
            check=True,
        )


def compile_all(quiet: bool) -> None:
    for lang in LANGUAGES:
        ts = ts_path(lang)
        qm = ts.with_suffix(".qm")
        if not ts.exists():
            continue
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run(
            [_tool("pyside6-lrelease"), *(["-silent"] if quiet else []), str(ts), "-qm", str(qm)],
            check=True,
        )


def unfinished(lang: str) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    tree = ET.parse(ts_path(lang))
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            if message.get("numerus") == "yes":
                forms = [] if tr is None else [f.text for f in tr.iter("numerusform")]
                empty = not forms or not all(forms)
            else:
                empty = tr is None or not (tr.text or "").strip()
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or empty:
                if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                    continue
                missing.append((name, message.findtext("source", "")))
    return missing


def check() -> int:
    missing = unfinished("uk")
    for context, source in missing:
        print(f"untranslated (uk): [{context}] {source}")
    return 1 if missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("update", "compile", "check"))
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    if args.action == "update":
        update()
    elif args.action == "compile":
        compile_all(args.quiet)
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())

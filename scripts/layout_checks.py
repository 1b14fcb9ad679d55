"""Two checks of the code's shape that no linter makes (scripts/lint.sh runs them in CI).

    python scripts/layout_checks.py [--root DIR] [--max-lines 500]

1. No module under casework/, fieldapp/ or sync/ is longer than --max-lines lines:
   a file that grows past it is doing more than one job (issue 10).
2. No SQL text in a string under fieldapp/ui/: widgets call the store's query
   modules, they never hold a query. Only string literals are read (f-strings
   included, docstrings not), so a comment that names a keyword is no offence.

Prints each offender as `path:line: what` and exits 1 when there is one, else 0.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("casework", "fieldapp", "sync")
UI = Path("fieldapp") / "ui"
# SQL keywords as the store writes them (upper case), so an English sentence
# ("Select a family from the list") is not taken for a query; SQLite's JSON
# functions and catalogue in any case, since no sentence uses them.
SQL = re.compile(
    r"\bSELECT\b.*\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b|\bCREATE\s+(TABLE|INDEX|VIEW|TRIGGER)\b|\bPRAGMA\s+\w+"
    r"|(?i:\bjson_(extract|each|tree|set)\s*\(|\bsqlite_(master|schema)\b)",
    re.S,
)


def python_files(root: Path, folder: Path | str) -> list[Path]:
    return sorted(p for p in (root / folder).rglob("*.py") if "__pycache__" not in p.parts)


def long_modules(root: Path, max_lines: int) -> list[str]:
    """`path: N lines` for every module of the packages over `max_lines` lines."""
    found = []
    for package in PACKAGES:
        for path in python_files(root, package):
            n = len(path.read_text(encoding="utf-8").splitlines())
            if n > max_lines:
                found.append((n, f"{path.relative_to(root)}: {n} lines (over {max_lines})"))
    return [text for _, text in sorted(found, reverse=True)]


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of the nodes that are docstrings (of the module, classes and functions)."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _strings(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """(line, text) of every string literal; an f-string with its fields as {}."""
    skip = _docstrings(tree)
    inside_fstring = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                inside_fstring.add(id(value))
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    parts.append(value.value)
                else:
                    parts.append("{}")
            yield node.lineno, "".join(parts)
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and id(node) not in skip and id(node) not in inside_fstring):
            yield node.lineno, node.value


def sql_in_ui(root: Path) -> list[str]:
    """`path:line: the string` for every string literal under fieldapp/ui/ that holds SQL."""
    found = []
    for path in python_files(root, UI):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, text in _strings(tree):
            if SQL.search(text):
                shown = " ".join(text.split())
                found.append(f"{path.relative_to(root)}:{line}: SQL in a widget module: {shown[:80]!r}")
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout (default: this one)")
    parser.add_argument("--max-lines", type=int, default=500)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    failed = False
    for title, offenders in (
        (f"modules over {args.max_lines} lines", long_modules(root, args.max_lines)),
        ("SQL text under fieldapp/ui/", sql_in_ui(root)),
    ):
        if offenders:
            failed = True
            print(f"{title}: {len(offenders)}")
            for offender in offenders:
                print(f"  {offender}")
        else:
            print(f"{title}: none")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

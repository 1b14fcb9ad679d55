"""python -m benchmarks [NAME...] [--json PATH] [--list]: run benchmark scenarios and print a table."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
from pathlib import Path

from benchmarks.runner import SCENARIOS, run


def _load_all() -> None:
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        importlib.import_module(f"benchmarks.{path.stem}")


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", help="scenarios to run (prefixes allowed); all by default")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    args = parser.parse_args(argv)
    _load_all()
    if args.list:
        for name, (title, _f) in sorted(SCENARIOS.items()):
            print(f"{name:32} {title}")
        return 0
    chosen = [n for n in sorted(SCENARIOS) if not args.names or any(n.startswith(a) for a in args.names)]
    if not chosen:
        print(f"no scenario matches {args.names}; try --list", file=sys.stderr)
        return 2
    print(f"# {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores")
    header = f"{'scenario':30} {'metric':40} {'n':>4} {'median':>10} {'p95':>10}  unit"
    print(header)
    print("-" * len(header))
    report: dict[str, list[dict[str, object]]] = {}
    for name in chosen:
        figures = run(name)
        report[name] = []
        for f in figures:
            print(f"{name:30} {f.metric:40} {len(f.samples):>4} {_fmt(f.median):>10} {_fmt(f.p95):>10}  {f.unit}")
            report[name].append({"metric": f.metric, "unit": f.unit, "n": len(f.samples),
                                 "median": f.median, "p95": f.p95})
        sys.stdout.flush()
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

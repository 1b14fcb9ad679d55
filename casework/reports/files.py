"""Write a labelled report as CSV, XLSX or JSON (the server uses these too; PDF is in pdf.py)."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import TextIO

from casework.reports.tables import LabelledReport


def _private(path: Path) -> None:
    if os.name == "posix":
        os.chmod(path, 0o600)


def csv_rows(report: LabelledReport, stream: TextIO) -> None:
    """The report as CSV rows on `stream`: the facts, then each section after a blank line."""
    out = csv.writer(stream)
    out.writerow([report.title])
    for name, value in report.facts:
        out.writerow([name, value])
    out.writerow([])
    out.writerow([report.summary])
    for section in report.sections:
        out.writerow([])
        out.writerow([section.title])
        out.writerow(section.header)
        out.writerows(section.rows)


def write_csv(report: LabelledReport, path: Path) -> None:
    """One CSV file (UTF-8 with BOM, so that Excel reads the Cyrillic right)."""
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        csv_rows(report, fh)
    _private(path)


def write_xlsx(report: LabelledReport, path: Path) -> None:
    """One worksheet, the facts on top, each section a bold-titled block."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.create_sheet(report.title[:31], 0)  # book.active may be None by openpyxl's types
    book.remove(book.worksheets[1])  # the empty sheet a new workbook starts with
    sheet.append([report.title])
    sheet["A1"].font = Font(bold=True, size=14)
    for name, value in report.facts:
        sheet.append([name, value])
    sheet.append([])
    sheet.append([report.summary])
    for section in report.sections:
        sheet.append([])
        sheet.append([section.title])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.append(section.header)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(italic=True)
        for row in section.rows:
            sheet.append([int(v) if v.isdigit() else v for v in row])
    sheet.column_dimensions["A"].width = 48
    for col in "BCD":
        sheet.column_dimensions[col].width = 22
    book.save(path)
    _private(path)


def to_json(report: LabelledReport) -> str:
    """The report as JSON: stable machine keys beside the labels.

    ``about`` (period, scope, threshold, language, the hidden mark), ``headline`` (indicator key ->
    number, null when hidden), ``tables`` (table key -> rows of dimension codes and ``count``,
    null when hidden; the total row has "*" codes) hold numbers as numbers and codes, never
    labels; ``title``, ``facts``, ``summary`` and ``sections`` are the same report as people read it.
    """
    headline = report.sections[0].data if report.sections else []
    return json.dumps({
        "about": report.about,
        "headline": {str(row["indicator"]): row["value"] for row in headline},
        "tables": {s.key: {"rows": s.data} for s in report.sections[1:]},
        "title": report.title,
        "facts": dict(report.facts),
        "summary": report.summary,
        "sections": [{"title": s.title, "header": s.header, "rows": s.rows} for s in report.sections],
    }, ensure_ascii=False, indent=2)

"""Report exports read back: the figures are there, small counts hidden, and no name or address anywhere."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile

from test_reports import DATA, OCT

from casework.reports.files import to_json, write_csv, write_xlsx
from casework.reports.indicators import compute
from casework.reports.tables import label

MADE = dt.datetime(2026, 11, 2, 9, 30)
PERSONAL = ([h["family_name"] for h in DATA["households"]] + [h["address"] for h in DATA["households"]]
            + [p["birth_date"] for p in DATA["persons"]] + ["safety_details", "Прізвище", "вулиця"])


def labelled(threshold, restricted=False):
    return label(compute(DATA, OCT), lang="en", translate=lambda c, s: s, threshold=threshold,
                 organisation="Ліга соціальних працівників, Сумська філія", made_at=MADE, restricted=restricted)


def pdf_text(path):
    import pypdf  # a test dependency (pyproject): a missing one must fail, not skip

    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)
    return " ".join(text.split())  # pypdf puts tabs and breaks between words


def xlsx_text(path):
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))


def test_csv_and_xlsx_read_back(tmp_path):
    from openpyxl import load_workbook

    report = labelled(threshold=1)
    write_csv(report, tmp_path / "r.csv")
    write_xlsx(report, tmp_path / "r.xlsx")
    rows = list(csv.reader(open(tmp_path / "r.csv", encoding="utf-8-sig")))
    assert ["Families monitored", "3"] in rows
    assert ["Median hours until a safety concern was reviewed", "24.0"] in rows
    assert ["4 children from 3 families"] in rows
    assert ["Female", "18-59", "2"] in rows or ["female", "18-59", "2"] in [[r[0].lower(), *r[1:]] for r in rows]
    assert ["002.0 Counselling", "2"] in [r[:2] for r in rows if r and r[0].startswith("002.0")] or any(
        r and r[0].startswith("002.0") for r in rows)
    sheet = load_workbook(tmp_path / "r.xlsx").active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert ["Families monitored", 3] in values
    assert ["Organisation", "Ліга соціальних працівників, Сумська філія"] in values
    assert ["4 children from 3 families"] in values


def test_small_counts_are_hidden_in_exports(tmp_path):
    report = labelled(threshold=5)
    write_csv(report, tmp_path / "r.csv")
    rows = list(csv.reader(open(tmp_path / "r.csv", encoding="utf-8-sig")))
    assert ["Families monitored", "x"] in rows
    assert ["x children from x families"] in rows
    # A laptop's report says that its hidden counts were chosen within it alone (docs/server.md).
    assert ["Small numbers", "counts from 1 to 4 are hidden, and so are other counts wherever a hidden one "
            "could be worked out from the totals shown; every hidden count is shown as x; chosen within this "
            "report only: do not publish it beside other reports of the same families (the server's reports "
            "are chosen together)"] in rows


def test_restricted_tables_only_when_asked(tmp_path):
    plain, full = labelled(1), labelled(1, restricted=True)
    titles = {s.title for s in plain.sections}
    assert "Forms of exploitation" not in titles
    assert "Forms of exploitation" in {s.title for s in full.sections}


def test_pdf_reads_back(qapp, tmp_path):
    from fieldapp.reporting.pdf import write_pdf

    write_pdf(labelled(threshold=1), tmp_path / "r.pdf")
    text = pdf_text(tmp_path / "r.pdf")
    assert "Families monitored" in text and "4 children from 3 families" in text
    assert "Ліга соціальних працівників" in text


def test_no_name_address_or_id_in_any_export(qapp, tmp_path):
    from fieldapp.reporting.pdf import write_pdf

    report = labelled(threshold=1, restricted=True)
    write_csv(report, tmp_path / "r.csv")
    write_xlsx(report, tmp_path / "r.xlsx")
    write_pdf(report, tmp_path / "r.pdf")
    texts = {
        "csv": (tmp_path / "r.csv").read_text(encoding="utf-8-sig"),
        "xlsx": xlsx_text(tmp_path / "r.xlsx"),
        "pdf": pdf_text(tmp_path / "r.pdf"),
        "json": to_json(report),
    }
    for kind, text in texts.items():
        for secret in PERSONAL:
            assert secret not in text, f"{secret!r} found in the {kind} export"

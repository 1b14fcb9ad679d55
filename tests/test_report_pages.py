"""The donor report's PDF numbers its pages ("n / m" at the foot of each), read back with pypdf."""

from __future__ import annotations

import re

from papers_kit import pdf_pages_text

from casework.reports.tables import LabelledReport, Section


def test_report_pdf_numbers_every_page(qapp, tmp_path):
    from fieldapp.reporting.pdf import write_pdf

    rows = [[f"Громада № {n}", str(n)] for n in range(150)]
    report = LabelledReport("Звіт для донора", [("Період", "01.10.2026–31.10.2026")],
                            [Section("Сімʼї за громадами", ["Громада", "Сімей"], rows)], "150 громад")
    write_pdf(report, tmp_path / "r.pdf")
    texts = pdf_pages_text((tmp_path / "r.pdf").read_bytes())
    assert len(texts) >= 3
    found = [re.findall(r"(\d+)\s*/\s*(\d+)\s*$", t.strip()) for t in texts]
    assert [f[-1] for f in found] == [(str(n), str(len(texts))) for n in range(1, len(texts) + 1)]
    joined = " ".join(texts)
    assert all(f"Громада № {n}" in " ".join(joined.split()) for n in (0, 75, 149))

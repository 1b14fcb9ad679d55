"""Reports for donors and the hromada, from the records on this laptop: aggregates only.

A supervisor reports over the team's families; a caseworker's laptop holds
only their own caseload, so the same screen is their monthly activity report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from casework import codifier, dates
from casework.i18n import os_reason
from casework.reports.disclosure import cell_key, hidden_figures
from casework.reports.files import write_csv, write_xlsx
from casework.reports.indicators import (
    AGE_BANDS,
    DEFAULT_THRESHOLD,
    INPUT_COLLECTIONS,
    Period,
    Report,
    compute,
    suppress,
)
from casework.reports.tables import LabelledReport, code_label, label
from fieldapp.reporting.pdf import report_html, write_pdf
from fieldapp.store import queries
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.ui import background, text
from fieldapp.ui.date_edit import ERROR_STYLE, DateEdit
from fieldapp.ui.supervisor.chart import BarChart


def last_month(today: dt.date) -> Period:
    first_this = today.replace(day=1)
    end = first_this - dt.timedelta(days=1)
    return Period(end.replace(day=1), end)


def records_of(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every record a report reads (all of this laptop's): run it off the GUI thread."""
    return {c: list(store.records(c)) for c in INPUT_COLLECTIONS}


def hromadas_of(store: Store) -> list[str]:
    """The hromada codes of the caseload, in the order of their names."""
    codes = queries.caseload_hromadas(store)
    return sorted(codes, key=lambda c: codifier.display_name(c) if codifier.unit(c) else c)


class ReportsView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None, *, lang: str = "uk",
                 organisation: str = "", protected_access: bool = False, today: dt.date | None = None):
        super().__init__(parent)
        self.store = store
        self.lang = lang
        self.report: Report | None = None
        self.labelled: LabelledReport | None = None
        self.asked = 0  # the latest computation asked for: an older answer that comes late is dropped
        self.busy = False
        period = last_month(today or dt.date.today())

        self.start = DateEdit(period.start.isoformat(), "any", lang=lang, name="periodStart", today=today)
        self.end = DateEdit(period.end.isoformat(), "any", lang=lang, name="periodEnd", today=today)
        self.hromada = QComboBox()
        self.hromada.setObjectName("hromada")
        self.hromada.addItem(self.tr("All hromadas"), None)
        background.run_task(lambda: hromadas_of(store), self._hromadas_arrived, self._failed, owner=self)
        self.organisation = QLineEdit(organisation)
        self.organisation.setObjectName("organisation")
        self.threshold = QSpinBox(minimum=1, maximum=20, value=DEFAULT_THRESHOLD)
        self.threshold.setObjectName("threshold")
        self.threshold.setToolTip(self.tr("Counts below this number are shown as “<N”, so that a small "
                                          "number cannot point at a family."))
        self.restricted = QCheckBox(self.tr("Include counter-trafficking figures (restricted)"))
        self.restricted.setObjectName("restricted")
        self.restricted.setVisible(protected_access)
        self.make = QPushButton(self.tr("Make the report"))
        self.make.setObjectName("makeReport")
        self.make.clicked.connect(lambda: self.refresh())
        self.preview = QTextBrowser()
        self.preview.setObjectName("reportPreview")
        self.charts = [BarChart(), BarChart()]  # visits by type; children by age
        self.export_buttons = []
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for kind, caption in (("csv", self.tr("Save as CSV…")), ("xlsx", self.tr("Save as Excel…")),
                           ("pdf", self.tr("Save as PDF…"))):
            button = QPushButton(caption)
            button.setObjectName(f"export_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.export_dialog(k))
            buttons.addWidget(button)
            self.export_buttons.append(button)

        form = QFormLayout()
        period_row = QHBoxLayout()
        period_row.addWidget(self.start)
        period_row.addWidget(QLabel("–"))
        period_row.addWidget(self.end)
        period_row.addStretch(1)
        self.period_error = QLabel()  # both dates tell their problem here, under the row
        self.period_error.setObjectName("periodError")
        self.period_error.setStyleSheet(ERROR_STYLE)
        self.period_error.hide()
        for edit in (self.start, self.end):
            edit.show_messages_in(self.period_error)
        period_box = QVBoxLayout()
        period_box.setSpacing(2)
        period_box.addLayout(period_row)
        period_box.addWidget(self.period_error)
        form.addRow(self.tr("Period"), period_box)
        form.addRow(self.tr("Hromada"), self.hromada)
        form.addRow(self.tr("Organisation"), self.organisation)
        form.addRow(self.tr("Hide counts below"), self.threshold)
        form.addRow("", self.restricted)
        note = QLabel(self.tr("Reports carry numbers only: no names, no addresses."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.make, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(note)
        charts = QHBoxLayout()
        for chart in self.charts:
            charts.addWidget(chart, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(charts)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self.refresh()

    def _hromadas_arrived(self, codes: list[str]) -> None:
        for code in codes:
            self.hromada.addItem(codifier.display_name(code) if codifier.unit(code) else code, code)

    def period(self) -> Period | None:
        start, end = dates.parse_date(self.start.iso()), dates.parse_date(self.end.iso())
        return Period(start, end) if start and end and start <= end else None

    def _period_problem(self) -> str:
        for edit in (self.start, self.end):
            problem = edit.problem()
            if problem is not None:
                return text.message(problem)
        if self.start.iso() is None or self.end.iso() is None:
            return self.tr("Give both dates of the period.")
        return self.tr("The period ends before it starts.")

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Compute the report off the GUI thread (it reads every record); show it, then call `then`."""
        self.asked += 1  # whatever was asked before is no longer wanted
        period = self.period()
        if period is None:
            self.report = self.labelled = None
            self._set_busy(False)
            self.preview.setPlainText(self._period_problem())
            return
        ticket, store, hromada = self.asked, self.store, self.hromada.currentData()
        self._set_busy(True)
        background.run_task(lambda: compute(records_of(store), period, hromada=hromada),
                            lambda report: self._arrived(ticket, report, then), self._failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for b in self.export_buttons:  # a file says what the screen says: not while it changes
            b.setEnabled(not busy and self.report is not None)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, StoreError):
            raise exc  # a bug: for the crash report, not for a sentence
        self.preview.setPlainText(text.message(exc.message))

    def _arrived(self, ticket: int, report: Report, then: Callable[[], None] | None) -> None:
        if ticket != self.asked:
            return
        self.report = report
        self.labelled = label(
            self.report, lang=self.lang, translate=QCoreApplication.translate, threshold=self.threshold.value(),
            organisation=self.organisation.text().strip(), made_at=dt.datetime.now(),
            restricted=self.restricted.isChecked(),
            date_format=lambda d: dates.format_date(d, self.lang))
        self.preview.setHtml(report_html(self.labelled))
        self._draw_charts()
        self._set_busy(False)
        if then is not None:
            then()

    def _draw_charts(self) -> None:
        """Two pictures a supervisor reads at a glance; small counts stay hidden here too."""
        assert self.report is not None
        threshold = self.threshold.value()

        # The report's own disclosure rule: a bar is hidden when any count it adds up is hidden
        # in the report, so that the picture and the table beside it give nothing away together.
        hidden = hidden_figures(self.report, threshold, restricted=self.restricted.isChecked())
        mark = QCoreApplication.translate("Report", "x")

        def rows(table_key: str, dimension: str, codes: list[str] | None = None) -> list[tuple[str, float, str]]:
            counts: dict[str, int] = {}
            secret: set[str] = set()
            for key, n in self.report.table(table_key).counts.items():
                code = key[-1] if dimension == "age_band" else key[0]
                counts[code] = counts.get(code, 0) + n
                if cell_key(table_key, key) in hidden or suppress(counts[code], threshold).suppressed:
                    secret.add(code)
            order = codes or sorted(counts, key=lambda c: -counts[c])
            out = []
            for code in order:
                n = counts.get(code, 0)
                shown = code in secret or suppress(n, threshold).suppressed
                out.append((code_label(dimension, code, self.lang, QCoreApplication.translate),
                            0 if shown else n, mark if shown else str(n)))
            return out

        self.charts[0].set_rows(self.tr("Visits by type"), rows("visits_by_type", "visit_type"))
        self.charts[1].set_rows(self.tr("Children by age"),
                                rows("children_by_sex_age", "age_band", [b[0] for b in AGE_BANDS[:3]]))

    def export(self, kind: str, path: Path) -> None:
        """Write the report last made as `kind` (csv, xlsx, pdf) to `path`."""
        assert self.labelled is not None
        if kind == "csv":
            write_csv(self.labelled, path)
        elif kind == "xlsx":
            write_xlsx(self.labelled, path)
        else:
            write_pdf(self.labelled, path)

    def export_dialog(self, kind: str) -> None:
        filters = {"csv": self.tr("CSV (*.csv)"), "xlsx": self.tr("Excel (*.xlsx)"), "pdf": self.tr("PDF (*.pdf)")}
        name = f"fieldapp-report-{self.start.iso() or ''}-{self.end.iso() or ''}.{kind}"
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), str(Path.home() / name),
                                                filters[kind])
        if not target:
            return
        # Made again from the settings in sight, so the file says what the screen says.
        self.refresh(then=lambda: self._save(kind, Path(target)))

    def _save(self, kind: str, target: Path) -> None:
        try:
            self.export(kind, target)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The report could not be written there ({reason}). Choose another "
                                        "folder or free some space.").format(reason=text.message(os_reason(exc))))

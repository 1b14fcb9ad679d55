"""The caseload screen: search as you type, filters, and the table of families."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casework.enums import enumeration
from fieldapp.store import queries
from fieldapp.store.database import Store
from fieldapp.ui import text, text_size
from fieldapp.ui.caseload_delegate import ICON, MARGIN, CaseloadDelegate
from fieldapp.ui.caseload_model import (
    COL_ACTIONS,
    COL_CASE,
    COL_CASEWORKER,
    COL_CATEGORIES,
    COL_CHILDREN,
    COL_FAMILY,
    COL_FOUND,
    COL_SETTLEMENT,
    COL_SYNC,
    CaseloadModel,
)

SEARCH_DELAY_MS = 250  # typing pauses longer than this search
MIN_SEARCH = 2  # one letter matches nearly every family: wait for the second
# Columns whose text can be long, in pixels at the system's text size: each has its whole text as a tooltip.
# Every other column is as wide as its widest text in the language shown; the family takes the rest.
BUDGETS = {COL_CASEWORKER: 130, COL_CHILDREN: 120, COL_FOUND: 180, COL_SETTLEMENT: 120, COL_CATEGORIES: 110}
_SAMPLE_DATE = "2026-12-28"


class CaseloadView(QWidget):
    """Emits `open_household(id)` on Enter or a double click; `new_household` for the button."""

    open_household = Signal(str)
    new_household = Signal()

    def __init__(self, store: Store, parent=None, *, status: str = "active"):
        super().__init__(parent)
        self.store = store
        self.model = CaseloadModel(store, self, flt=queries.CaseloadFilter(status=status or None))

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search names, addresses and notes (Ctrl+F)"))
        self.search.setMinimumWidth(160)  # it stretches; at a large text size the filters need the room
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._search_enter)

        self.hromada = QComboBox()
        self.hromada.setObjectName("hromadaFilter")
        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.category.setMaximumWidth(230)
        self.hromada.setMaximumWidth(230)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.caseworker = QComboBox()  # a supervisor's caseload: whose families
        self.caseworker.setObjectName("caseworkerFilter")
        self.caseworker.setMaximumWidth(200)
        self.overdue = QCheckBox(self.tr("Overdue visits only"))
        self.overdue.setObjectName("overdueFilter")
        self._fill_filters(status)
        self._fill_caseworkers()
        # A supervisor's bar holds one filter more: narrower boxes keep it within 1280 px.
        shortest = 7 if self.model.supervising else 10
        if self.model.supervising:
            self.search.setMinimumWidth(200)
        for combo in (self.hromada, self.category, self.status, self.caseworker):
            combo.currentIndexChanged.connect(self.apply_filter)
            # Long names of hromadas and categories must not widen the window past the screen.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(shortest + 3 if combo is self.caseworker else shortest)
        self.overdue.toggled.connect(self.apply_filter)

        self.add = QPushButton(self.tr("New family…"))
        self.add.setObjectName("newFamily")
        self.add.clicked.connect(self.new_household.emit)

        self.table = QTableView()
        self.table.setObjectName("caseload")
        self.table.setModel(self.model)
        # Every cell painted from the model's own cells in one call (Qt's delegate asked 7 roles of each).
        self.highlight = CaseloadDelegate(self.model, self.table)
        self.table.setItemDelegate(self.highlight)
        self.table.setColumnHidden(COL_FOUND, True)  # shown while a search explains the rows
        # A caseworker's own laptop holds her families only: the column would say her name on every row.
        self.table.setColumnHidden(COL_CASEWORKER, not self.model.supervising)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        text_size.fit_rows(self.table)  # rows grow with the text size (text_size.py)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The family's names take what the other columns leave: at 1280 px its first names are not cut.
        header.setSectionResizeMode(COL_FAMILY, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self._fit_columns()
        # A profile without a server: every row would say "this laptop only" (the status bar says it once).
        self.table.setColumnHidden(COL_SYNC, self.model.local_only)
        header.setSortIndicator(COL_CASE, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.installEventFilter(self)

        self.count = QLabel()
        self.count.setObjectName("caseloadCount")
        self.empty = QLabel()
        self.empty.setObjectName("caseloadEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        # After a first sync the search indexes are built in the background (fieldapp/store/first_sync.py).
        self.preparing = QLabel(self.tr("The search is still being prepared after the first sync: some families "
                                        "may be missing from the results until it is ready."))
        self.preparing.setObjectName("searchPreparing")
        self.preparing.setWordWrap(True)
        self.preparing.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.search, 4)
        combos = [(self.tr("Hromada"), self.hromada), (self.tr("Category"), self.category),
                  (self.tr("Status"), self.status)]
        if self.model.supervising:
            combos.insert(0, (self.tr("Caseworker"), self.caseworker))
        else:
            self.caseworker.hide()
        for label, combo in combos:
            caption = QLabel(label)
            caption.setBuddy(combo)
            bar.addWidget(caption)
            bar.addWidget(combo, 1)
        bar.addWidget(self.overdue)
        bar.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.preparing)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.count)

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self.model.modelReset.connect(self._show_count)
        self.model.total_known.connect(self._show_count)
        self._show_count()

    def _fit_columns(self) -> None:
        """Each column as wide as its header and its widest text in the language and text size shown."""
        header = self.table.horizontalHeader()
        cells, heads = self.table.fontMetrics(), header.fontMetrics()
        style = header.style()
        # The header's text, its sort arrow and margins; a cell's text, its margins and an icon.
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + 4 * style.pixelMetric(
            QStyle.PixelMetric.PM_HeaderMargin, None, header) + 1
        icon = ICON + 3 * MARGIN  # as the delegate paints it: margin, icon, margin, text, margin
        model = self.model
        widest = {COL_CASE: max((cells.horizontalAdvance(model.cell(r, COL_CASE)[0]) for r in range(model.rowCount())),
                                default=0) + 2 * MARGIN,
                  COL_ACTIONS: cells.horizontalAdvance(text.number(99)) + 2 * MARGIN}
        for col, shown, with_icon in model.widest(text.date(_SAMPLE_DATE)):
            width = cells.horizontalAdvance(shown) + (icon if with_icon else 2 * MARGIN)
            widest[col] = max(widest.get(col, 0), width)
        for col, budget in BUDGETS.items():
            widest[col] = text_size.scaled(budget)
        for col, width in widest.items():
            lines = str(model.headerData(col, Qt.Orientation.Horizontal)).split("\n")
            label = max(heads.horizontalAdvance(line) for line in lines)
            header.resizeSection(col, max(width + 2, label + arrow))  # 2: Qt's rounding

    def _fill_filters(self, status: str) -> None:
        self.hromada.addItem(self.tr("All hromadas"), None)
        names = sorted((text.place(code).split(",")[0], code) for code in queries.caseload_hromadas(self.store))
        for name, code in names:
            self.hromada.addItem(name, code)
        self.category.addItem(self.tr("All categories"), None)
        for item in enumeration("household_categories").items:
            self.category.addItem(item.label(text.lang()), item.code)
        self.status.addItem(self.tr("Active"), "active")
        self.status.addItem(self.tr("Closed"), "closed")
        self.status.addItem(self.tr("All"), None)
        self.status.setCurrentIndex(max(0, self.status.findData(status or None)))

    def _fill_caseworkers(self) -> None:
        """The caseworkers whose families are on this laptop, by name; the choice survives a refill."""
        if not self.model.supervising:
            return
        chosen = self.caseworker.currentData() if self.caseworker.count() else None
        self.caseworker.blockSignals(True)
        self.caseworker.clear()
        self.caseworker.addItem(self.tr("All caseworkers"), None)
        people = sorted(((self.model.caseworker_name(uid), uid) for uid in queries.caseload_caseworkers(self.store)),
                        key=lambda p: (p[1] == "", p[0].casefold()))  # "(not assigned)" last
        for name, uid in people:
            self.caseworker.addItem(name, uid)
        self.caseworker.setCurrentIndex(max(0, self.caseworker.findData(chosen)) if chosen is not None else 0)
        self.caseworker.blockSignals(False)
        if self.caseworker.currentData() != chosen:  # her families left this laptop: show what the box says
            self.apply_filter()

    def current_filter(self) -> queries.CaseloadFilter:
        typed = self.search.text().strip()
        return queries.CaseloadFilter(
            text=typed if len(typed) >= MIN_SEARCH else "",
            hromada=self.hromada.currentData(),
            category=self.category.currentData(),
            status=self.status.currentData(),
            overdue=self.overdue.isChecked(),
            caseworker=self.caseworker.currentData() if self.model.supervising else None,
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())
        searching = bool(self.model.filter.text)
        # While a search explains the rows, its hint takes the categories' place: the row fits 1280 px.
        self.table.setColumnHidden(COL_FOUND, not searching)
        self.table.setColumnHidden(COL_CATEGORIES, searching)
        self.preparing.setVisible(searching and self.store.search_building())
        self._show_count()

    def search_ready(self) -> None:
        """The search indexes are whole now: a search shown is made again, without the notice."""
        if self.model.filter.text:
            self.model.reload()  # the same filter: set_filter alone would not ask again
            self.apply_filter()

    def reload(self) -> None:
        self.model.reload()
        self._fill_caseworkers()  # a sync may bring a new caseworker's families, or the team's names

    def stop(self) -> None:
        """No more searches (the window closes; the store may close next)."""
        self._debounce.stop()
        self.model.stop()

    def _show_count(self) -> None:
        total = self.model.total
        if self.model.counted:  # else the count comes after the first page is painted (`total_known`)
            self.count.setText(self.tr("%n families", "", total))
        if total:
            self.empty.hide()
            self.table.show()
            return
        if self.store.count("households") == 0:
            self.empty.setText(self.tr("No families on this laptop yet. Add one with “New family…”, "
                                       "or they arrive with the first sync."))
        else:
            self.empty.setText(self.tr("No family matches the search and filters."))
        self.table.hide()
        self.empty.show()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_enter(self) -> None:
        self.apply_filter()
        if self.model.total == 1:  # the family looked for: open it
            self._open(0)
        elif self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _open(self, row: int) -> None:
        hid = self.model.household_id(row)
        if hid:
            self.open_household.emit(hid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # type: ignore[attr-defined]
                index = self.table.currentIndex()
                if index.isValid():
                    self._open(index.row())
                    return True
        return super().eventFilter(watched, event)

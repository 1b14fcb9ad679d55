"""The caseload as a Qt table model: filtered and sorted in SQL, rows fetched a page at a time.

The model asks `queries.caseload_ids` for the ordered ids of every household
the filter keeps (one read of the caseload summary's index, cheap even for
10,000), then fetches the columns of PAGE at a time as the view scrolls (`canFetchMore`/`fetchMore`). Sorting asks SQL for a
new order of the whole list, never a proxy over the rows fetched so far.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon

from fieldapp.store import queries, search
from fieldapp.store.database import Store
from fieldapp.store.team import known_names
from fieldapp.sync.device import enrolled_user, is_enrolled
from fieldapp.ui import text
from fieldapp.ui.icons import icon

Index = QModelIndex | QPersistentModelIndex

(COL_CASE, COL_FAMILY, COL_CASEWORKER, COL_CHILDREN, COL_FOUND, COL_SETTLEMENT, COL_CATEGORIES,
 COL_LAST_VISIT, COL_NEXT_DUE, COL_ACTIONS, COL_SYNC) = range(11)
COLUMNS = 11
# None: the column is not sorted (the caseworker: ids would not sort by name; children's ages,
# the search's hint).
SORT_BY_COLUMN = ("case_number", "family", None, None, None, "settlement", "categories", "last_visit",
                  "next_due", "open_actions", "pending")
TWO_LINES = frozenset({COL_SETTLEMENT, COL_LAST_VISIT, COL_NEXT_DUE, COL_ACTIONS})
RecordIdRole = Qt.ItemDataRole.UserRole + 1
OverdueRole = Qt.ItemDataRole.UserRole + 2
SafetyRole = Qt.ItemDataRole.UserRole + 3
MarksRole = Qt.ItemDataRole.UserRole + 4  # (start, end) of the words the search matched in the text shown
# Rows read per fetch: a screen shows ~25. (When each row's derived columns were computed as read, ~1 ms a
# family at 10,000, 200 made a keystroke wait 240 ms; they are now read from the caseload summary.)
PAGE = 60
FOUND_BATCH = 40  # families whose "found in" is looked up at once: a screenful, as the first of them is painted
ALERT = QColor("#b71c1c")
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
# A cell as painted: (text, icon, colour, alignment, the search's marks), None where a cell has none.
Cell = tuple[str, QIcon | None, QColor | None, int | None, list[tuple[int, int]] | None]


def _two_lines(label: str) -> str:
    """A header cut at the space nearest its middle ("Last visit" over two lines)."""
    spaces = [i for i, c in enumerate(label) if c == " "]
    if not spaces:
        return label
    cut = min(spaces, key=lambda i: abs(len(label) / 2 - i))
    return label[:cut] + "\n" + label[cut + 1:]


class CaseloadModel(QAbstractTableModel):
    """Households of the profile that the filter keeps; rows arrive as the view scrolls."""

    total_known = Signal()  # a search's count, read after its first page was shown

    def __init__(self, store: Store, parent=None, *, flt: queries.CaseloadFilter | None = None):
        super().__init__(parent)
        self.store = store
        self.filter = flt or queries.CaseloadFilter()
        self.sort_key = "case_number"
        self.descending = False
        self._ids: list[str] = []  # the order of the families fetched so far, or of all of them
        self._total = 0  # how many families the filter keeps
        self._rows: list[queries.CaseloadRow] = []
        self._cells: list[list[Cell] | None] = []  # per row, per column (once shown)
        self._found: dict[str, search.Found | None] = {}  # why each shown family matched the search
        self._headers: tuple[str, ...] | None = None
        self._shown_values: dict[tuple[str, str | None], str] = {}  # see _memo
        self.today = dt.date.today()
        self.local_only = not is_enrolled(store)  # standalone or demo: no row is "synced"
        # A supervisor sees the whole team's families: whose each one is matters to her.
        self.supervising = enrolled_user(store).get("role") == "supervisor"
        self.names: dict[str, str] = {}  # caseworker id -> name, as the server last named the team
        self.counted = True  # whether `total` is the count, or (a search's first page read) a lower bound
        self._counting = QTimer(self, singleShot=True, interval=0)
        self._counting.timeout.connect(self._count)
        queries.prepare(store)
        self.reload()

    # -- what to show -----------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many households the filter keeps (fetched or not); while not `counted`, more than a page."""
        return self._total

    def set_filter(self, flt: queries.CaseloadFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()

    def reload(self) -> None:
        self.today = dt.date.today()
        if self.supervising:
            self.names = known_names(self.store)  # the Team tab may have heard them since
        self._headers = None
        self._shown_values = {}  # today may have changed: ages and "overdue" with it
        self.beginResetModel()
        self._counting.stop()
        if self.filter.text:
            # The first page's ids, and one more to know if there are more: the count of a two-letter word's
            # ~8,000 families is read after the first paint (`_count`); the whole order when scrolled past it.
            self._ids = queries.caseload_ids(self.store, self.filter, self.sort_key, self.descending, limit=PAGE + 1)
            self._total = len(self._ids)
            self.counted = self._total <= PAGE
            if not self.counted:
                self._counting.start()
        else:  # 10,000 ids read one by one cost more than the screenful: the count, and the first page's ids
            self._total = queries.caseload_count(self.store, self.filter)
            self._ids = queries.caseload_ids(self.store, self.filter, self.sort_key, self.descending, limit=PAGE)
            self.counted = True
        self._rows = []
        self._cells = []
        self._found = {}
        self.endResetModel()
        self.fetchMore()  # the first page at once: the window opens with rows

    def _count(self) -> None:
        if not self.counted:
            self._total = max(queries.caseload_count(self.store, self.filter), len(self._rows))
            self.counted = True
            self.total_known.emit()

    def stop(self) -> None:
        """No more reads (the store may close next)."""
        self._counting.stop()

    def household_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    # -- sorting in SQL ---------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < COLUMNS:
            return
        key, descending = SORT_BY_COLUMN[column], order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.reload()

    # -- lazy fetching ----------------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008,N802
        if parent.isValid():
            return
        start = len(self._rows)
        if start >= len(self._ids) - (0 if self.counted else 1) and start < self._total:
            # scrolled past the first page: the whole order now (and with it the count)
            self._ids = queries.caseload_ids(self.store, self.filter, self.sort_key, self.descending)
            self._total = len(self._ids)
            if not self.counted:
                self.counted = True
                self._counting.stop()
                self.total_known.emit()
        page = queries.caseload_rows(self.store, self._ids[start : start + PAGE])
        if not page:
            self._ids = self._ids[:start]  # deleted meanwhile: forget the rest
            self._total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self._cells.extend([None] * len(page))
        self.endInsertRows()

    # -- the table --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if self._headers is None:  # asked on every paint of the header: translated once per reload
                self._headers = (
                    self.tr("Case number"), self.tr("Family"), self.tr("Caseworker"), self.tr("Children's ages"),
                    self.tr("Found in"), self.tr("Settlement"), self.tr("Categories"),
                    self.tr("Last visit"), self.tr("Next visit due"), self.tr("Open actions"), self.tr("Sync"),
                )
                # Over two lines where the header, not the text below it, would set the column's width.
                self._headers = tuple(_two_lines(label) if col in TWO_LINES else label
                                      for col, label in enumerate(self._headers))
            return self._headers[section]

        if role == Qt.ItemDataRole.ToolTipRole and section == COL_SYNC:
            return self.tr("Changes of this family waiting to be sent to the server")
        return None

    def widest(self, date: str) -> list[tuple[int, str, bool]]:
        """The widest texts the date and sync columns can show: (column, text, whether an icon is beside it)."""
        return [(COL_LAST_VISIT, date, False), (COL_NEXT_DUE, date + " " + self.tr("overdue"), True),
                (COL_SYNC, self.tr("synced"), False), (COL_SYNC, self.tr("%n waiting", "", 99), True)]

    def caseworker_name(self, user_id: str) -> str:
        """The caseworker by name; a short id until the server has named the team to this laptop."""
        if not user_id:
            return self.tr("(not assigned)")
        return self.names.get(user_id) or user_id[:8]

    def _child_age(self, born: str) -> str:
        years = text.age_years(born, self.today)
        return text.number(years) if years else text.age(born, self.today)  # a baby: in months

    def _person_line(self, role: str, name: str, born: str | None) -> str:
        return f"{name} ({text.enum_label('person_roles', role)}, {text.age(born, self.today)})"

    def _where_found(self, collection: str) -> str:
        where = {"households": self.tr("family"), "persons": self.tr("member"), "visits": self.tr("visit"),
                 "assessments": self.tr("assessment"), "plans": self.tr("plan"), "referrals": self.tr("referral"),
                 "service_events": self.tr("service"), "action_updates": self.tr("plan action")}
        return where.get(collection, collection)

    def _overdue(self, r: queries.CaseloadRow) -> bool:
        due = text.parse_date(r.next_due)
        return due is not None and due < self.today and r.status == "active"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The table paints through CaseloadDelegate, which reads `cell` without a call per role; this
        # serves everything else (tooltips, accessibility, tests) from the same cells.
        row = index.row()
        if row < 0 or row >= len(self._rows):
            return None
        if role == _TOOLTIP:  # asked on hover only: made when asked
            r = self._rows[row]
            return self._tooltip(r, index.column(), self._overdue(r))
        if role == RecordIdRole:
            return self._rows[row].id
        if role == OverdueRole:
            return self._overdue(self._rows[row])
        if role == SafetyRole:
            return self._rows[row].safety
        cell = self.cell(row, index.column())
        if cell is None:
            return None
        shown, decoration, colour, align, marks = cell
        if role == Qt.ItemDataRole.DisplayRole:
            return shown
        if role == Qt.ItemDataRole.DecorationRole:
            return decoration
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return align
        if role == MarksRole:
            return marks
        return None

    def cell(self, row: int, column: int) -> Cell | None:
        """What a cell shows: (text, icon, colour, alignment, marks); made once per row, when first shown."""
        if row < 0 or row >= len(self._rows) or not 0 <= column < COLUMNS:
            return None
        cells = self._cells[row]
        if cells is None:
            cells = self._cells_of(row)
        return cells[column]

    def _cells_of(self, row: int) -> list[Cell]:
        """Every column of a row, computed once (and only for rows shown)."""
        r = self._rows[row]
        searching = bool(self.filter.text)
        if searching and r.id not in self._found:
            self._find_from(row)
        overdue = self._overdue(r)
        cells: list[Cell] = []
        for col in range(COLUMNS):
            shown = self._display(r, col)
            decoration = colour = align = marks = None
            if col == COL_FAMILY:
                decoration = icon("warning") if r.safety else None
                marks = search.marks(shown, self.filter.text) if searching else None
            elif col == COL_FOUND:
                marks = search.marks(shown, self.filter.text) if searching and shown else None
            elif col == COL_NEXT_DUE and overdue:
                decoration, colour = icon("overdue"), ALERT
            elif col == COL_ACTIONS:
                align = _CENTER
            elif col == COL_SYNC:
                align = _CENTER
                decoration = icon("pending") if r.pending else None
            cells.append((shown, decoration, colour, align, marks or None))
        self._cells[row] = cells
        return cells

    def _find_from(self, row: int) -> None:
        """Why the families of this row and the next few not yet asked matched: one query for the screenful."""
        ids = [r.id for r in self._rows[row:row + FOUND_BATCH] if r.id not in self._found]
        self._found.update(queries.caseload_found(self.store, ids, self.filter.text))
        for hid in ids:
            self._found.setdefault(hid, None)  # asked: no record explains it (none of its words matched one)

    def _tooltip(self, r: queries.CaseloadRow, col: int, overdue: bool) -> str | None:
        if col == COL_FAMILY and r.safety:
            return self.tr("A safety concern was recorded for this family")
        if col == COL_FAMILY and r.people:
            return "\n".join(self._person_line(role, name, born) for role, name, born in r.people)
        if col == COL_FOUND:
            found = self._found.get(r.id)
            return found.body[:2000] if found is not None else None
        if col == COL_SETTLEMENT:
            return text.place(r.settlement or r.hromada)
        if col == COL_CATEGORIES:
            return text.enum_labels("household_categories", r.categories)
        if col == COL_NEXT_DUE and overdue:
            return self.tr("The visit is overdue")
        return None

    def _memo(self, kind: str, value: str | None, make: Any) -> str:
        """A value's shown text, made once per reload (dates, ages and category names repeat across rows)."""
        key = (kind, value)
        shown = self._shown_values.get(key)
        if shown is None:
            shown = self._shown_values[key] = make(value)
        return str(shown)

    def _display(self, r: queries.CaseloadRow, col: int) -> str:
        if col == COL_CASE:
            return r.case_number
        if col == COL_FAMILY:
            closed = r.status == "closed"
            # The head of the family and the children (every member is in the tooltip): the row stays one line.
            head = [r.people[0]] if r.people and r.people[0][0] != "child" else []
            names = ", ".join(name for _role, name, _born in head + [p for p in r.people if p[0] == "child"] if name)
            shown = f"{r.family_name} {names}" if names else r.family_name
            return shown + (" " + self.tr("(closed)") if closed else "")
        if col == COL_CASEWORKER:
            return self.caseworker_name(r.caseworker_id)
        if col == COL_CHILDREN:
            return ", ".join(self._memo("age", born, self._child_age) for role, _name, born in r.people
                             if role == "child" and born)
        if col == COL_FOUND:
            found = self._found.get(r.id)
            if found is None:
                return ""
            return self._where_found(found.collection) + ": " + search.snippet(found.body, self.filter.text)
        if col == COL_SETTLEMENT:
            return text.place(r.settlement or r.hromada).split(",")[0]
        if col == COL_CATEGORIES:
            return self._memo("categories", ",".join(r.categories),
                              lambda _k: text.enum_labels("household_categories", r.categories))
        if col == COL_LAST_VISIT:
            return self._memo("date", r.last_visit, text.date)
        if col == COL_NEXT_DUE:
            shown = self._memo("date", r.next_due, text.date)
            return shown + " " + self.tr("overdue") if self._overdue(r) else shown
        if col == COL_ACTIONS:
            return text.number(r.open_actions) if r.open_actions else ""
        if col == COL_SYNC:
            if self.local_only:
                return self.tr("this laptop only")
            return self.tr("%n waiting", "", r.pending) if r.pending else self.tr("synced")
        return ""

"""Today and this week as a Qt table model: a heading row per day (overdue first), the items fetched
a page at a time as the view scrolls.

The headings' counts come from one GROUP BY (`due_list.summary`), so the first screen reads only
the rows it paints (`due_list.page`, in the list's SQL order: by day, kind, case number), and each
day's notices lead it. Sorting within a day by another column (or backwards) reads the whole list
once and sorts it here: the days stay in order either way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from fieldapp.store import due_list, queries
from fieldapp.ui import text
from fieldapp.ui.icons import icon
from fieldapp.ui.safety import texts as safety_texts

Index = QModelIndex | QPersistentModelIndex
COL_DUE, COL_WHAT, COL_PLACE, COL_FAMILY, COL_ACTION, COL_MORE = range(6)
COLUMNS = 6
ItemRole = Qt.ItemDataRole.UserRole + 1
ALERT = QColor("#b71c1c")
LINK = QColor("#0d47a1")
GROUP_BACK = QColor("#e8eaf0")
# Items read per fetch: a screen at 1366×768 shows about 25 rows.
PAGE = 60

# Reads `limit` items of the list from `offset` (all of them with None), in the list's order.
Reader = Callable[[int, int | None], Sequence[queries.DueItem]]


_ITEM_ROLES = frozenset({ItemRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.DecorationRole,
                         Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole})
_LINK_BRUSH = QBrush(LINK)
_ALERT_BRUSH = QBrush(ALERT)


@cache
def _underlined() -> QFont:
    font = QFont()  # the application's font, underlined: made once, after the application
    font.setUnderline(True)
    return font


def weekday(day: dt.date) -> str:
    """The day of the week as the program's language names it."""
    name = QLocale(QLocale.Language.Ukrainian if text.lang() == "uk" else QLocale.Language.English).dayName(
        day.isoweekday(), QLocale.FormatType.LongFormat)
    return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class Group:
    """A day's heading row: `day` None for everything overdue."""

    day: dt.date | None
    count: int


def _order(day: dt.date | None) -> dt.date:
    return day or dt.date.min  # overdue first


class TodayModel(QAbstractTableModel):
    """What is due by the end of the coming week: a heading row per day, overdue first; sortable within a day."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.today = dt.date.today()
        self.sort_column, self.sort_order = COL_DUE, Qt.SortOrder.AscendingOrder
        self._rows: list[Group | queries.DueItem] = []  # the rows fetched so far
        self._shown: dict[int, tuple[str, ...]] = {}  # a row's display texts, made once
        self._notices: list[queries.DueItem] = []
        self._counts: dict[dt.date | None, int] = {}  # items of due_items per group (notices apart)
        self._reader: Reader | None = None  # None: every item is in `_all`
        self._all: list[queries.DueItem] = []
        self._total = 0  # items the reader holds
        self._read = 0  # items read from it so far
        self._groups: list[Group] = []  # every group, in order
        self._opened = 0  # groups whose heading (and notices) are among the rows
        self._by_group: dict[dt.date | None, list[queries.DueItem]] = {}  # each group's notices

    # -- what the model lists -------------------------------------------------------------------

    def set_items(self, items: list[queries.DueItem], today: dt.date) -> None:
        """List these items (all of them at hand)."""
        self.beginResetModel()
        self.today, self._reader, self._all = today, None, list(items)
        self._notices, self._counts = [], {}
        self._layout()
        self.endResetModel()

    def set_source(self, summary: due_list.DueSummary, kinds: set[str], reader: Reader) -> None:
        """List the items of these kinds that `summary` counted; `reader` reads them a page at a time."""
        self.beginResetModel()
        self.today, self._reader, self._all = summary.today, reader, []
        self._notices = [n for n in summary.notices if "notice" in kinds]
        self._counts = {}
        for (day, kind), n in summary.counts.items():
            if kind in kinds:
                self._counts[day] = self._counts.get(day, 0) + n
        self._layout()
        self.endResetModel()

    def _group_of(self, item: queries.DueItem) -> dt.date | None:
        return None if item.overdue(self.today) else item.due

    def _layout(self) -> None:
        """The groups and the rows to show first (called inside a reset or a layout change)."""
        self._rows, self._shown, self._opened, self._read = [], {}, 0, 0
        if self._reader is not None and not self._lazy():
            # Sorted by another column: every item is needed to sort a day, read once.
            self._all, self._reader = [*self._notices, *self._reader(0, None)], None
            self._notices, self._counts = [], {}
        if self._reader is None:
            self._rows = self._grouped()
            self._groups = [r for r in self._rows if isinstance(r, Group)]
            self._opened = len(self._groups)
            return
        self._by_group = {}
        for notice in self._notices:
            self._by_group.setdefault(self._group_of(notice), []).append(notice)
        days = set(self._counts) | set(self._by_group)
        self._groups = [Group(day, self._counts.get(day, 0) + len(self._by_group.get(day, [])))
                        for day in sorted(days, key=_order)]
        self._total = sum(self._counts.values())
        self._rows.extend(self._append(self._page()))

    def _lazy(self) -> bool:
        return (self.sort_column, self.sort_order) == (COL_DUE, Qt.SortOrder.AscendingOrder)

    def _key(self, item: queries.DueItem) -> Any:
        col = self.sort_column
        if col == COL_WHAT:
            return (queries.KINDS.index(item.kind), item.detail.casefold())
        if col == COL_PLACE:
            return (self.place(item).casefold(), item.due)
        if col == COL_FAMILY:
            return ((item.head or item.family_name).casefold(), item.due)
        # A safety concern's notices lead their group, however old the rest is (a concern never waits).
        return (item.kind != "notice", item.due, queries.KINDS.index(item.kind), item.case_number)

    def _grouped(self) -> list[Group | queries.DueItem]:
        days: dict[dt.date | None, list[queries.DueItem]] = {}
        for item in self._all:
            days.setdefault(self._group_of(item), []).append(item)
        rows: list[Group | queries.DueItem] = []
        for day in sorted(days, key=_order):
            group = sorted(days[day], key=self._key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
            rows.append(Group(day, len(group)))
            rows.extend(group)
        return rows

    # -- fetching as the view scrolls -----------------------------------------------------------

    def _page(self) -> list[queries.DueItem]:
        if self._reader is None or self._read >= self._total:
            return []
        page = list(self._reader(self._read, PAGE))
        self._read += len(page)
        if len(page) < PAGE:  # written meanwhile: the list ends here
            self._total = self._read
        return page

    def _open(self, new: list[Group | queries.DueItem], upto: dt.date | None) -> None:
        """Append the headings (and notices) of the groups up to `upto`'s (all with `upto` None)."""
        while self._opened < len(self._groups):
            group = self._groups[self._opened]
            if upto is not None and _order(group.day) > upto:
                return
            new.append(group)
            # The notices lead their day (in `_key`'s order), then the table's items in SQL order.
            new.extend(sorted(self._by_group.get(group.day, []), key=self._key))
            self._opened += 1

    def _append(self, page: list[queries.DueItem]) -> list[Group | queries.DueItem]:
        new: list[Group | queries.DueItem] = []
        for item in page:
            day = self._group_of(item)
            self._open(new, _order(day))
            if self._opened == 0 or self._groups[self._opened - 1].day != day:
                # A day the counts did not know (written since): a heading of its own.
                group = Group(day, 1)
                self._groups.insert(self._opened, group)
                self._opened += 1
                new.append(group)
            new.append(item)
        if self._read >= self._total:
            self._open(new, None)  # the days that hold only notices, after the last item
        return new

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and self._reader is not None and (
            self._read < self._total or self._opened < len(self._groups))

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008,N802
        if not self.canFetchMore(parent):
            return
        start = len(self._rows)
        new = self._append(self._page())
        if not new:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
        self._rows.extend(new)
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Read the rest of the list."""
        while self.canFetchMore():
            self.fetchMore()

    @property
    def rows(self) -> list[Group | queries.DueItem]:
        """Every row (headings and items), the rest of the list read first: for a caller that reads them all."""
        self.fetch_all()
        return self._rows

    @property
    def items(self) -> list[queries.DueItem]:
        """Every item listed (no headings), the rest of the list read first."""
        return [r for r in self.rows if isinstance(r, queries.DueItem)]

    @property
    def loaded_rows(self) -> Sequence[Group | queries.DueItem]:
        """The rows read so far (what the view has been shown)."""
        return self._rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort within each day (the days stay in order): by date, kind, settlement or family."""
        if column in (COL_ACTION, COL_MORE):
            return
        self.sort_column, self.sort_order = column, order
        if self._reader is None:  # every item at hand: the same rows in a new order
            self.layoutAboutToBeChanged.emit()
            self._layout()
            self.layoutChanged.emit()
            return
        # Rows come (the whole list, read for a new order): a reset, not a move.
        self.beginResetModel()
        self._layout()
        self.endResetModel()

    def counted(self) -> tuple[int, int]:
        """(items listed, of them overdue), fetched or not."""
        if self._reader is None:
            return len(self._all), sum(1 for i in self._all if i.overdue(self.today))
        late = sum(1 for n in self._notices if n.overdue(self.today))
        return self._total + len(self._notices), self._counts.get(None, 0) + late

    def item(self, row: int) -> queries.DueItem | None:
        entry = self._rows[row] if 0 <= row < len(self._rows) else None
        return entry if isinstance(entry, queries.DueItem) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMNS:
            return (self.tr("Due"), self.tr("What"), self.tr("Settlement"), self.tr("Family"), "", "")[section]
        return None

    # -- the texts ------------------------------------------------------------------------------

    def heading(self, group: Group) -> str:
        count = text.number(group.count)
        if group.day is None:
            return self.tr("Overdue: %1").replace("%1", count)
        day = text.date(group.day)
        if group.day == self.today:
            label = self.tr("Today, %1").replace("%1", day)
        elif group.day == self.today + dt.timedelta(days=1):
            label = self.tr("Tomorrow, %1").replace("%1", day)
        else:
            label = weekday(group.day) + ", " + day
        return label + " · " + count

    def when(self, item: queries.DueItem) -> str:
        if item.kind == "notice" and item.due_at is not None:  # by the hour (fieldapp/ui/safety)
            return safety_texts.due_in(item.due_at, safety_texts.now())
        days = (item.due - self.today).days
        if days < 0:
            return self.tr("overdue by %n day(s)", "", -days)
        return text.date(item.due)

    def what(self, item: queries.DueItem) -> str:
        if item.kind == "notice":
            return self.tr("Safety concern: notices to %1").replace(
                "%1", safety_texts.recipients(item.detail.split(",")))
        if item.kind == "visit":
            return self.tr("First visit") if item.first else self.tr("Visit")
        if item.kind == "assessment":
            return self.tr("Needs assessment (5 working days from receipt)")
        if item.kind == "action":
            label = self.tr("Plan action: %1").replace("%1", item.detail)
            if item.status in ("in_progress", "postponed"):
                label += " (" + text.enum_label("action_statuses", item.status) + ")"
            return label
        if item.kind == "referral":
            return self.tr("Referral follow-up: %1").replace("%1", item.detail)
        return self.tr("Follow-up after closure")

    @staticmethod
    def place(item: queries.DueItem) -> str:
        return text.place(item.settlement).split(",")[0]

    def family(self, item: queries.DueItem) -> str:
        head = item.head or item.family_name
        if not item.children:
            return head
        kids = ", ".join(f"{name} {text.age_years(born, self.today) or 0}" if born else name
                         for name, born in item.children)
        return self.tr("%1; children: %2").replace("%1", head).replace("%2", kids)

    def _actions(self) -> dict[str, str]:
        return {
            "visit": self.tr("Record the visit"),
            "assessment": self.tr("Start the assessment"),
            "action": self.tr("Mark done…"),
            "referral": self.tr("Follow up…"),
            "follow_up": self.tr("Record the follow-up…"),
            "notice": self.tr("Record a notice…"),
        }

    def _mores(self) -> dict[str, str]:
        return {"action": self.tr("Postpone…"), "referral": self.tr("Open")}

    def action(self, item: queries.DueItem) -> str:
        return self._actions()[item.kind]

    def more(self, item: queries.DueItem) -> str:
        return self._mores().get(item.kind, "")

    def link_texts(self, col: int) -> list[str]:
        """Every text the action column (COL_ACTION) or the second one (COL_MORE) can show, as shown:
        the view sizes those columns to the widest, so no language cuts one to an ellipsis."""
        if col == COL_ACTION:
            return ["▶ " + label for label in self._actions().values()]
        return list(self._mores().values())

    def _texts(self, row: int, item: queries.DueItem) -> tuple[str, ...]:
        shown = self._shown.get(row)
        if shown is None:  # made once per row: a repaint asks for every cell again
            shown = self._shown[row] = (self.when(item), self.what(item), self.place(item), self.family(item),
                                        "▶ " + self.action(item), self.more(item))
        return shown

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        entry = self._rows[row]
        col = index.column()
        if isinstance(entry, Group):
            return self._group_data(entry, col, role)
        item = entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(row, item)[col]
        if role not in _ITEM_ROLES:  # a repaint asks each cell for a dozen roles: most have no answer
            return None
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_DUE:
                return text.date(item.due)
            if col == COL_WHAT:
                return self.what(item)
            if col == COL_PLACE:
                return text.place(item.settlement)
            if col == COL_FAMILY:
                return self.family(item) + "\n" + item.case_number
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == COL_DUE and item.overdue(self.today):
            return icon("overdue")
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (COL_ACTION, COL_MORE):
                return _LINK_BRUSH
            if col == COL_DUE and item.overdue(self.today):
                return _ALERT_BRUSH
        if role == Qt.ItemDataRole.FontRole and col in (COL_ACTION, COL_MORE):
            return _underlined()
        return None

    def _group_data(self, group: Group, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and col == 0:
            return self.heading(group)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(GROUP_BACK)
        if role == Qt.ItemDataRole.ForegroundRole and group.day is None:
            return QBrush(ALERT)
        return None

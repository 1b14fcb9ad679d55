"""The main window: the caseload, today's work, family files as tabs, the sync state in the status bar."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from fieldapp.settings import Settings
from fieldapp.store import queries
from fieldapp.store.attachments import DownloadNoSpace
from fieldapp.store.database import Store
from fieldapp.sync.attachments import fetch_now
from fieldapp.sync.device import enrolled_user, is_enrolled, wipe_profile
from fieldapp.ui import background, screen, text
from fieldapp.ui.caseload_view import CaseloadView
from fieldapp.ui.connect_dialog import ConnectEntry
from fieldapp.ui.family_file import FamilyFile
from fieldapp.ui.household_dialog import HouseholdDialog
from fieldapp.ui.icons import icon
from fieldapp.ui.lock import Locker
from fieldapp.ui.safety import urgent
from fieldapp.ui.safety.notify import ConcernNotifier, system_tray
from fieldapp.ui.supervisor.reports_view import ReportsView
from fieldapp.ui.supervisor.returned_view import ReturnedView
from fieldapp.ui.supervisor.review_queue import ReviewQueueView
from fieldapp.ui.supervisor.team_view import TeamView
from fieldapp.ui.sync.controller import SyncController
from fieldapp.ui.sync.issues import SyncIssuesDialog
from fieldapp.ui.sync.parcels import ParcelActions
from fieldapp.ui.tidy import SearchTidier
from fieldapp.ui.today_view import TodayView

STATUS_REFRESH_MS = 30_000


def forms_available() -> bool:
    try:
        from fieldapp.ui import forms  # noqa: F401
    except ImportError:
        return False
    return hasattr(forms, "open_form")


class MainWindow(QMainWindow):
    # The window should be made again from its state (fieldapp/ui/application.py): the role its tabs
    # were built for changed, as when a standalone profile connects as a supervisor (connect_dialog.py).
    rebuild_wanted = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None, *, settings: Settings | None = None,
                 sync: SyncController | None = None):
        """`sync`: the application's controller (fieldapp/ui/application.py); without it the window makes one."""
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.dialogs: list[QDialog] = []  # open non-modal dialogs, kept alive
        self.setWindowTitle(self.tr("FieldApp"))
        self.setWindowIcon(icon("app"))
        screen.fit(self, 1280, 800)  # the status bar stays on a 1366×768 or 1280×720 screen

        status = settings.get("caseload_status") if settings else "active"
        self.caseload_view = CaseloadView(store, self, status=status)
        self.caseload = self.caseload_view.model
        self.caseload_view.open_household.connect(self.open_family)
        self.caseload_view.new_household.connect(self.new_household)
        self.today_view = TodayView(store, self)
        self.today_view.start.connect(self.start_due)
        self.today_view.open_household.connect(self.open_family)
        self.today_view.changed.connect(self.data_changed)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(self.caseload_view, self.tr("Caseload"))
        self.tabs.addTab(self.today_view, self.tr("Today and this week"))
        self.role = enrolled_user(store).get("role")
        self.review_view: ReviewQueueView | None = None
        self.team_view: TeamView | None = None
        self.returned_view: ReturnedView | None = None
        if self.role == "supervisor":
            self.review_view = ReviewQueueView(store, self)
            self.review_view.reviewed.connect(self._reviewed)
            self.review_view.concerns.open_household.connect(self.open_family)
            self.tabs.addTab(self.review_view, self.tr("Review"))
            self.team_view = TeamView(store, self)
            self.team_view.open_household.connect(self.open_family)
            self.team_view.reassigned.connect(self._reviewed)  # families moved: sync soon, like a review
            self.tabs.addTab(self.team_view, self.tr("Team"))
        elif is_enrolled(store):
            self.returned_view = ReturnedView(store, self)
            self.returned_view.open_record.connect(lambda hid, form, rid: self.open_form(form, hid, rid))
            self.tabs.addTab(self.returned_view, "")
        self.reports_view: ReportsView | None = None
        self.tabs.addTab(QWidget(), self.tr("Reports"))  # made when first shown: it reads every record
        self.reports_index = self.tabs.count() - 1
        self.tabs.currentChanged.connect(self._tab_shown)
        self.fixed_tabs = self.tabs.count()
        for i in range(self.fixed_tabs):  # the main screens stay
            self.tabs.tabBar().setTabButton(i, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.setCentralWidget(self.tabs)
        self._menus()

        self.caseload_warning = QLabel()
        self.caseload_warning.setObjectName("caseloadWarning")
        self.caseload_warning.setStyleSheet("color: #8a4b00;")
        self.caseload_warning.hide()
        self.statusBar().addPermanentWidget(self.caseload_warning)
        self.sync_label = QLabel()
        self.sync_label.setObjectName("syncState")
        self.statusBar().addPermanentWidget(self.sync_label)
        self._status_timer = QTimer(self, interval=STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.refresh_status()
        minutes = settings.get("auto_lock_minutes") if settings else 0
        self.locker = Locker(store, self, minutes)

        self.sync = sync if sync is not None else SyncController(store, self)
        self.connect_entry = ConnectEntry(self, store)  # a standalone profile connects later (connect_dialog.py)
        self.sync.started.connect(self._sync_started)
        self.sync.progress.connect(self._sync_progress)
        self.sync.finished.connect(self._sync_finished)
        self.sync.failed.connect(self._sync_failed)
        self.sync.revoked.connect(self._revoked)
        self.sync.search_ready.connect(self._sync_search_ready)
        # A supervisor hears of a new or overdue safety concern after each round (fieldapp/ui/safety).
        self.concern_notifier = (ConcernNotifier(store, system_tray(self, self.windowIcon()), self)
                                 if self.role == "supervisor" else None)
        if self.concern_notifier is not None:
            self.sync.finished.connect(self.concern_notifier.check)
        # The search indexes' segments merged in the background (fieldapp/ui/tidy.py), after each round too.
        self.tidier = SearchTidier(store, self)
        self.sync.finished.connect(self.tidier.soon)
        self.sync.search_ready.connect(self.tidier.soon)
        self.refresh_returned()
        self.check_caseload_size()
        QTimer.singleShot(0, self.sync.start)  # a first round as soon as the window shows, when enrolled

    def _menus(self) -> None:
        def action(menu: Any, label: str, shortcut: Any, slot: Any, name: str) -> QAction:
            act = QAction(label, self)
            act.setObjectName(name)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        action(file_menu, self.tr("&New family…"), QKeySequence.StandardKey.New, self.new_household, "newFamilyAction")
        action(file_menu, self.tr("&Lock now"), "Ctrl+L", lambda: self.locker.lock(idle=False), "lockAction")
        action(file_menu, self.tr("&Settings…"), None, self.show_settings, "settingsAction")
        file_menu.addSeparator()
        action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close, "quitAction")
        view = self.menuBar().addMenu(self.tr("&View"))
        action(view, self.tr("&Caseload"), "Ctrl+1", lambda: self.tabs.setCurrentIndex(0), "showCaseload")
        action(view, self.tr("&Today and this week"), "Ctrl+2", lambda: self.tabs.setCurrentIndex(1), "showToday")
        action(view, self.tr("Close the family file"), "Ctrl+W", lambda: self._close_tab(self.tabs.currentIndex()),
               "closeTab")
        sync_menu = self.menuBar().addMenu(self.tr("&Sync"))
        self.sync_now_action = action(sync_menu, self.tr("Sync &now"), "F5", self.sync_now, "syncNow")
        self.issues_action = action(sync_menu, self.tr("Conflicts and refused changes…"), None, self.show_sync_issues,
                                    "syncIssues")
        sync_menu.addSeparator()  # sync parcels on a USB stick (fieldapp/ui/sync/parcels.py)
        self.parcels = ParcelActions(self.store, self, busy=lambda: self.sync.running)
        self.parcels.changed.connect(self._sync_finished_by_parcel)
        self.parcels.revoked.connect(self._revoked)
        action(sync_menu, self.tr("&Export a parcel…"), None, self.parcels.export, "exportParcel")
        action(sync_menu, self.tr("&Import a parcel…"), None, self.parcels.import_, "importParcel")

    # -- sync state -------------------------------------------------------------------------

    def refresh_status(self) -> None:
        if not is_enrolled(self.store):  # a standalone or demo profile: nothing is ever "synced"
            self.sync_label.setText(self.tr("Not connected to a server: the records stay on this laptop"))
            self.sync_label.setToolTip(self.tr("Only a laptop enrolled with the organisation's server syncs."))
            return
        pending = self.store.pending_count()
        last = queries.last_sync_at(self.store)
        waiting = (self.tr("%n changes waiting to sync", "", pending) if pending
                   else self.tr("Nothing waiting to sync"))
        synced = self.tr("last sync: %1").replace("%1", text.datetime(last) if last else self.tr("never"))
        self.sync_label.setText(f"{waiting} · {synced}")
        self.sync_label.setToolTip(self.tr("Changes made on this laptop are sent to the server at the next sync."))

    def refresh_returned(self) -> None:
        if self.returned_view is not None:
            self.returned_view.reload()
            index = self.tabs.indexOf(self.returned_view)
            self.tabs.setTabText(index, self.tr("Returned (%n)", "", self.returned_view.count()))

    def _tab_shown(self, index: int) -> None:
        if index == self.reports_index and self.reports_view is None:
            # IT's fieldapp.toml as the program's settings read it once (not a second reading).
            organisation = str(self.settings.provisioning.get("organisation") or "") if self.settings else ""
            self.reports_view = ReportsView(self.store, self, lang=text.lang(), organisation=organisation,
                                            protected_access=bool(enrolled_user(self.store).get("protected_access")))
            if self.settings is not None and self.settings.is_locked("organisation"):
                self.reports_view.organisation.setReadOnly(True)  # IT's name on every report
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, self.reports_view, self.tr("Reports"))
            self.tabs.tabBar().setTabButton(index, self.tabs.tabBar().ButtonPosition.RightSide, None)
            self.tabs.setCurrentIndex(index)
            self.tabs.blockSignals(False)

    # -- sync --------------------------------------------------------------------------------

    def _sync_started(self) -> None:
        self.sync_now_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Syncing…"))

    def _sync_progress(self, phase: str, count: int) -> None:
        if phase == "push":
            self.statusBar().showMessage(self.tr("Syncing: %n record(s) sent", "", count))
        else:
            self.statusBar().showMessage(self.tr("Syncing: %n record(s) received", "", count))

    def _sync_search_ready(self) -> None:
        self.caseload_view.search_ready()

    def _sync_finished(self, report: Any) -> None:
        self.sync_now_action.setEnabled(True)
        needs_you = report.conflicts + report.rejected
        if needs_you:
            self.statusBar().showMessage(self.tr("Synced. %n item(s) need you: see Sync → Conflicts and refused "
                                                 "changes.", "", needs_you))
        else:
            self.statusBar().showMessage(self.tr("Synced."), 10_000)
        if report.content.no_room:  # the records synced; attachments wait for room on the disk
            self.statusBar().showMessage(text.message(DownloadNoSpace().message))
        if report.pulled or report.evicted or report.pushed:
            self.data_changed()
        if self.review_view is not None:
            self.review_view.reload()
        if self.team_view is not None and (report.pulled or report.evicted):
            self.team_view.reload()
        self.refresh_returned()
        self._issue_count()
        self.check_caseload_size()

    def check_caseload_size(self) -> None:
        """A laptop should hold only its user's active caseload: say so when it grows past IT's threshold."""
        limit = self.settings.get("caseload_warning") if self.settings else 300
        held = self.store.count("households")
        self.caseload_warning.setVisible(held > limit)
        if held > limit:
            self.caseload_warning.setText(self.tr("⚠ %1 families on this laptop (more than %2)")
                                          .replace("%1", text.number(held)).replace("%2", text.number(limit)))
            self.caseload_warning.setToolTip(self.tr(
                "A lost laptop should carry as few families as possible. Ask your supervisor whether all of "
                "them are still yours; families reassigned or closed leave the laptop at the next sync."))

    def _sync_finished_by_parcel(self) -> None:
        self.data_changed()
        self.refresh_returned()
        self._issue_count()
        self.refresh_status()
    def sync_now(self) -> None:
        """F5 and Sync → Sync now: a round, or a sentence saying why there is none (never silence)."""
        if not is_enrolled(self.store):
            self.statusBar().showMessage(self.tr("Nothing to sync: this laptop is not connected to the "
                                                 "organisation's server. To connect it: Sync → Connect to a "
                                                 "server…"), 10_000)
            return
        self.sync.sync_now()

    def _sync_failed(self, code: str, sentence: str) -> None:
        self.sync_now_action.setEnabled(True)
        if code != "not_enrolled":
            self.statusBar().showMessage(sentence)
        self.refresh_status()

    def _issue_count(self) -> None:
        conflicts = sum(1 for c in self.store.records("conflicts") if not c.get("resolved"))
        refused = len(self.store.outbox(state="rejected"))
        total = conflicts + refused
        self.issues_action.setText(self.tr("Conflicts and refused changes (%n)…", "", total) if total
                                   else self.tr("Conflicts and refused changes…"))

    def show_sync_issues(self) -> QDialog:
        dialog = SyncIssuesDialog(self.store, self)
        dialog.changed.connect(self.sync.record_saved)
        dialog.changed.connect(self._issue_count)
        self._keep(dialog, None).open()
        return dialog

    def _reviewed(self) -> None:
        self.refresh_status()
        self.sync.record_saved()

    def _revoked(self, confirmed: bool = False) -> None:
        """The organisation revoked this laptop: its records are wiped, and the program says why."""
        self.sync.stop()
        self.locker.stop()
        self.tidier.stop()
        background.wait()
        for dialog in list(self.dialogs):
            dialog.reject()
        wipe_profile(self.store, confirmed=confirmed)  # the server was told on the sync worker
        QMessageBox.critical(self, self.tr("FieldApp"), self.tr(
            "The organisation revoked this laptop, so the records on it were erased. If this is a mistake, "
            "ask IT to enrol the laptop again: what was synced is safe on the server."))
        self.wiped = True
        self.close()

    def data_changed(self, household_id: str | None = None) -> None:
        """After a save: refresh what shows the data."""
        self.caseload_view.reload()
        if self.today_view.loaded or self.today_view.loading:
            self.today_view.reload()
        for i in range(self.fixed_tabs, self.tabs.count()):
            page = self.tabs.widget(i)
            if isinstance(page, FamilyFile) and (household_id is None or page.household_id == household_id):
                page.reload()
                self.tabs.setTabText(i, page.family_name)
        self.refresh_status()

    # -- family files -----------------------------------------------------------------------

    def family_tab(self, household_id: str) -> FamilyFile | None:
        for i in range(self.fixed_tabs, self.tabs.count()):
            page = self.tabs.widget(i)
            if isinstance(page, FamilyFile) and page.household_id == household_id:
                return page
        return None

    def open_family(self, household_id: str) -> FamilyFile:
        page = self.family_tab(household_id)
        if page is None:
            page = FamilyFile(self.store, household_id, self)
            page.record_visit.connect(lambda hid: self.open_form("home_visit", hid))
            page.start_assessment.connect(lambda hid: self.open_form("needs_assessment", hid))
            page.close_case.connect(lambda hid: self.open_form("case_closure", hid))
            page.edit_household.connect(self.edit_household)
            page.open_entry.connect(lambda hid, form, rid: self.open_form(form, hid, rid))
            page.show_dialog.connect(lambda d, hid=household_id: self._keep(d, hid).open())
            page.attachments.configure(self.settings, partial(fetch_now, self.store) if is_enrolled(self.store) else None)
            self.tabs.addTab(page, page.family_name)
        self.tabs.setCurrentWidget(page)
        return page

    def _close_tab(self, index: int) -> None:
        if index >= self.fixed_tabs:
            page = self.tabs.widget(index)
            self.tabs.removeTab(index)
            if page is not None:
                page.deleteLater()

    def _keep(self, dialog: QDialog, household_id: str | None) -> QDialog:
        self.dialogs.append(dialog)
        urgent.wire(dialog, self.sync)  # a saved concern or notice syncs at once

        def finished(_result: int) -> None:
            if dialog in self.dialogs:
                self.dialogs.remove(dialog)
            if getattr(self, "wiped", False):
                return
            self.data_changed(household_id)
            self.refresh_returned()
            self.sync.record_saved()  # what was saved goes to the server shortly

        dialog.finished.connect(finished)
        return dialog

    def new_household(self) -> HouseholdDialog:
        dialog = HouseholdDialog(self.store, None, self)
        dialog.accepted.connect(lambda: dialog.saved_id and self.open_family(dialog.saved_id))
        self._keep(dialog, None).open()
        return dialog

    def edit_household(self, household_id: str) -> HouseholdDialog:
        dialog = HouseholdDialog(self.store, household_id, self)
        self._keep(dialog, household_id).open()
        return dialog

    # -- forms (fieldapp/ui/forms) ----------------------------------------------------------

    def _forms_missing(self) -> None:
        QMessageBox.information(self, self.tr("FieldApp"),
                                self.tr("The forms are not part of this build yet."))

    def open_form(self, form_id: str, household_id: str, record_id: str | None = None) -> QDialog | None:
        """Open a form (home visit, assessment, ...) for a family; the screens refresh when it closes."""
        if not forms_available():
            self._forms_missing()
            return None
        from fieldapp.ui.family import follow_ups
        from fieldapp.ui.forms import open_form

        dialog = open_form(self, self.store, form_id, household_id, record_id)
        # A visit's referral and services, an assessment's plan, an approved plan's revision: offered next.
        follow_ups.wire(dialog, self.store, lambda d: self._keep(d, household_id).open(), self)
        self._keep(dialog, household_id).open()
        return dialog

    def restore_draft(self, draft_id: str) -> QDialog | None:
        if not forms_available():
            return None
        from fieldapp.ui.forms import restore_draft

        draft = self.store.draft(draft_id)
        dialog = restore_draft(self, self.store, draft_id)
        self._keep(dialog, draft.household_id if draft else None).open()
        return dialog

    def offer_drafts(self) -> QMessageBox | None:
        """At start-up: forms left unsaved (the program was closed or killed) are offered back."""
        if not forms_available():
            return None
        from fieldapp.ui import forms

        drafts = forms.pending_drafts(self.store)
        if not drafts:
            return None
        lines = []
        for d in drafts[:8]:
            h = self.store.get("households", d.household_id) if d.household_id else None
            family = h.get("family_name", "") if h else ""
            lines.append(f"• {forms.draft_title(d)} — {family}, {text.datetime(d.updated_at)}")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved forms"),
                          self.tr("%n form(s) were not saved when FieldApp last closed. Continue them now?",
                                  "", len(drafts)) + "\n\n" + "\n".join(lines), parent=self)
        box.setObjectName("draftsOffer")
        box.addButton(self.tr("Continue"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)

        def answered() -> None:
            if box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole:
                for d in drafts:
                    self.restore_draft(d.id)

        box.finished.connect(lambda _r: answered())
        box.open()
        return box

    def start_due(self, item: queries.DueItem) -> QDialog | None:
        """From "Today": one click opens the visit (or assessment) form for that family, or the referral."""
        self.open_family(item.household_id)
        if item.kind == "referral":
            return self.open_form("referral", item.household_id, item.record_id)
        return self.open_form("needs_assessment" if item.kind == "assessment" else "home_visit", item.household_id)

    # -- settings and closing ---------------------------------------------------------------

    def show_settings(self) -> QDialog | None:
        if self.settings is None:
            return None
        from fieldapp.ui.passphrase_dialog import PassphraseGroup
        from fieldapp.ui.settings_dialog import SettingsDialog
        from fieldapp.ui.text_size import TextSizeGroup

        dialog = SettingsDialog(self.settings, self)
        dialog.add_section(TextSizeGroup(self.settings, dialog))
        dialog.add_section(PassphraseGroup(self.store, dialog))
        dialog.accepted.connect(lambda: self.locker.set_minutes(self.settings.get("auto_lock_minutes")))
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.sync.stop()  # cancels a round under way: waits for its store step, never for the server
        self.locker.stop()
        self._status_timer.stop()
        self.caseload_view.stop()
        self.tidier.stop()
        background.wait()  # no query may still run when the caller closes the store
        if self.settings is not None:
            self.settings.set_state("main_window_geometry", bytes(self.saveGeometry().toBase64().data()).decode())
        super().closeEvent(event)

    def restore_geometry(self) -> None:
        from PySide6.QtCore import QByteArray

        saved = self.settings.state("main_window_geometry") if self.settings else None
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode()))

"""The program's language: chosen on the first screens and in settings, switched without a restart.

How a switch works (docs/architecture.md, "Switching the language"):

* `apply(lang)` swaps FieldApp's and Qt's translators and the default locale, sets the
  application's ``fieldapp_lang``, and `notifier().changed` tells whoever listens.
* The first screens (`ProfileDialog`) are small: they rebuild their pages and carry over what
  was typed (fields, the page shown).
* The main window sets hundreds of strings once, when it is made, so it is **rebuilt from its
  state** rather than retranslated widget by widget: `capture` keeps the geometry, the family files
  open and the tab shown, and every open form is kept as a draft (the same draft that is kept every
  second anyway) and closed without a question; `Application` makes a new window and `restore`
  reopens the families and continues each form from its draft, in the new language.

A language IT locked in fieldapp.toml wins: `LanguageChoice` shows it read-only, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QHBoxLayout, QLabel, QWidget

from casework.i18n import LANGUAGES
from fieldapp.ui import background

NATIVE_NAMES = {"uk": "Українська", "en": "English"}  # each language in its own words: never translated
BOTH_NAMES = "Мова / Language"  # the choice's name in both languages: never translated


class Notifier(QObject):
    """One per application: `changed(lang)` after `apply` switched the language."""

    changed = Signal(str)


_notifier: Notifier | None = None


def notifier() -> Notifier:
    global _notifier
    if _notifier is None:
        _notifier = Notifier(QCoreApplication.instance())
    return _notifier


def current() -> str:
    """The program's language now, "uk" or "en"."""
    app = QCoreApplication.instance()
    value = app.property("fieldapp_lang") if app is not None else None
    return value if value in LANGUAGES else "en"


def resolve(choice: str | None) -> str:
    """A setting's value as a language: "" (as the system) becomes the system's."""
    from fieldapp.ui.app import default_language

    return choice if choice in LANGUAGES else default_language()


def apply(lang: str) -> bool:
    """Switch the running program to `lang` ("" for the system's); False when it already speaks it."""
    from fieldapp.ui.app import install_translators

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    lang = resolve(lang)
    if lang == current() and getattr(app, "_fieldapp_translators", None) is not None:
        return False
    for old in getattr(app, "_fieldapp_translators", None) or []:
        QApplication.removeTranslator(old)
    app.setProperty("fieldapp_lang", lang)
    app._fieldapp_translators = install_translators(app, lang)  # type: ignore[attr-defined]
    notifier().changed.emit(lang)
    return True


class LanguageChoice(QWidget):
    """Українська / English (and, in settings, "as the system"); read-only with the reason when IT locked it.

    `chosen(value)` fires when the person picks another entry ("" for the system's language).
    """

    chosen = Signal(str)

    def __init__(self, settings: Any | None, *, with_system: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("languageChoice")
        self.settings = settings
        self.combo = QComboBox()
        self.combo.setObjectName("language")
        if with_system:
            self.combo.addItem(self.tr("As the system (Ukrainian on a Ukrainian system)"), "")
        for lang in LANGUAGES:
            self.combo.addItem(NATIVE_NAMES[lang], lang)
        saved = settings.get("language") if settings is not None else ""
        wanted = saved if with_system else current()
        self.combo.setCurrentIndex(max(0, self.combo.findData(wanted)))
        self.locked = bool(settings is not None and settings.is_locked("language"))
        self.reason = QLabel(self.tr("Set by your organisation for this laptop."))
        self.reason.setObjectName("languageLocked")
        self.reason.setStyleSheet("color: #5f6368;")  # a hint, readable (palette(mid) was too faint)
        self.reason.setVisible(self.locked)
        self.combo.setEnabled(not self.locked)
        if self.locked:
            self.combo.setToolTip(self.reason.text())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if not with_system:  # the first screens: named in both languages, for whoever cannot read the one shown
            named = QLabel(BOTH_NAMES)
            named.setBuddy(self.combo)
            layout.addWidget(named)
        self.combo.setAccessibleName(BOTH_NAMES)
        layout.addWidget(self.combo)
        layout.addWidget(self.reason)
        self.combo.activated.connect(lambda _i: self.chosen.emit(self.value()))

    def value(self) -> str:
        return str(self.combo.currentData() or "")

    def save(self) -> None:
        """Keep the choice as the caseworker's setting (never over IT's lock). OSError when the disk refuses."""
        if self.settings is not None and not self.locked:
            self.settings.set("language", self.value())


# -- rebuilding the main window ------------------------------------------------------------


@dataclass
class WindowState:
    """What a rebuilt main window shows again: where it was, its family files, its forms."""

    geometry: QByteArray
    families: list[str] = field(default_factory=list)
    current: int = 0  # the tab shown (a family file's index counts from the fixed tabs)
    current_family: str | None = None
    forms: list[tuple[str, Any, int]] = field(default_factory=list)  # ("draft", id, page) or ("record", (form, hid, rid), page)


class FormNotKept(Exception):
    """A form's draft could not be written: the window is not rebuilt (nothing typed may be lost)."""


def blocking_dialogs(window: Any) -> list[QDialog]:
    """Open dialogs that are not forms (a new family, conflicts): they have no draft to come back from."""
    from fieldapp.ui.forms import FormDialog

    return [d for d in window.dialogs if d.isVisible() and not isinstance(d, FormDialog)]


def capture(window: Any) -> WindowState:
    """The window's state; every open form is kept as a draft and closed without asking. FormNotKept
    (and nothing closed) when a draft cannot be written."""
    from fieldapp.ui.forms import FormDialog

    state = WindowState(geometry=window.saveGeometry())
    for i in range(window.fixed_tabs, window.tabs.count()):
        hid = getattr(window.tabs.widget(i), "household_id", None)
        if hid:
            state.families.append(hid)
    index = window.tabs.currentIndex()
    if index >= window.fixed_tabs:
        state.current_family = getattr(window.tabs.widget(index), "household_id", None)
    else:
        state.current = index
    forms = [d for d in window.dialogs if isinstance(d, FormDialog) and d.isVisible()]
    for dialog in forms:
        if dialog.read_only:  # nothing typed: the record opens again
            record_id = dialog.record["id"] if dialog.record else None
            state.forms.append(("record", (dialog.definition.id, dialog.household_id, record_id),
                                dialog.view.sections.currentRow()))
            continue
        dialog._dirty = True  # noqa: SLF001 - kept now, even if the last second's typing was kept already
        if not dialog.save_draft_now():
            raise FormNotKept(dialog.definition.id)
        state.forms.append(("draft", dialog.draft_id, dialog.view.sections.currentRow()))
    for dialog in forms:
        dialog._finish()  # noqa: SLF001 - no more automatic saves: the draft stands as it is
        window.dialogs.remove(dialog)
        dialog.hide()
    return state


def retire(window: Any, sync: Any) -> None:
    """Stop what the old window runs, without stopping the application's sync controller (the new
    window takes it over)."""
    window.locker.stop()
    window._status_timer.stop()  # noqa: SLF001
    window.caseload_view.stop()
    window.tidier.stop()
    background.wait()
    for name in ("started", "progress", "finished", "failed", "revoked", "search_ready"):
        slot = getattr(window, f"_sync_{name}" if name != "revoked" else "_revoked")
        try:
            getattr(sync, name).disconnect(slot)
        except (RuntimeError, TypeError):  # never connected (PySide raises either)
            pass
    notifier_ = getattr(window, "concern_notifier", None)
    if notifier_ is not None:
        try:
            sync.finished.disconnect(notifier_.check)
        except (RuntimeError, TypeError):
            pass
    if window.settings is not None:
        window.settings.set_state("main_window_geometry", bytes(window.saveGeometry().toBase64().data()).decode())


def restore(window: Any, state: WindowState) -> None:
    """Show `state` in a new window: geometry, family files, the tab, and each form from its draft."""
    window.restoreGeometry(state.geometry)
    for hid in state.families:
        if window.store.get("households", hid) is not None:
            window.open_family(hid)
    if state.current_family and window.family_tab(state.current_family) is not None:
        window.tabs.setCurrentWidget(window.family_tab(state.current_family))
    else:
        window.tabs.setCurrentIndex(state.current)
    for kind, what, page in state.forms:
        if kind == "draft":
            dialog = window.restore_draft(what)
        else:
            form_id, hid, rid = what
            dialog = window.open_form(form_id, hid, rid)
        if dialog is not None and page > 0:
            dialog.view.show_page(page)  # the section the person was on

"""FormView: renders any form definition, keeps the answers, hides what is not relevant.

Sections are listed on the left; the page of a section is built the first
time it is shown (a needs assessment for a large family has hundreds of
questions, and most sessions touch a few pages). The answers live in the
view, not in the widgets, so validation, relevance and drafts never need a
page to be built.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casework import forms
from casework.forms import FormDefinition, Item, Member, Page
from casework.i18n import Message
from casework.records import Problem
from fieldapp.ui.forms.editor_base import HINT_STYLE, Editor
from fieldapp.ui.forms.editors import make_editor
from fieldapp.ui.forms.reading import fill_page
from fieldapp.ui.forms.repeat_editor import RepeatEditor

PROBLEM_STYLE = "color: #b00020;"
READABLE_WIDTH = 860


def current_language() -> str:
    app = QCoreApplication.instance()
    lang = app.property("fieldapp_lang") if app is not None else None
    return lang if lang in forms.LANGUAGES else "uk"


def render_message(message: Message, lang: str) -> str:
    """A problem's sentence in `lang`: a definition's own text, or the translated engine's."""
    own = forms.form_text(message, lang)
    return own if own is not None else message.render(QCoreApplication.translate)


def _text(labels: dict[str, str], lang: str) -> str:
    return labels.get(lang) or labels.get("en") or ""


class FieldBox(QWidget):
    """A question: its label, hint, editor and, under it, what is wrong with the answer."""

    def __init__(self, key: str, item: Item, editor: Editor, lang: str, parent: QWidget | None = None, *,
                 from_card: bool = False):
        super().__init__(parent)
        self.key = key
        self.item = item
        self.editor = editor
        self.setObjectName(f"box:{key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)  # the message's kept line spaces the questions below
        layout.setSpacing(3)
        self.label = QLabel(_text(item.label, lang) + (" *" if item.required else ""))
        self.label.setWordWrap(True)
        bold = QFont(self.label.font())
        bold.setBold(True)
        self.label.setFont(bold)
        self.label.setBuddy(editor.focus_target())
        layout.addWidget(self.label)
        if item.type == "yesno" and item.widget == "check":
            self.label.hide()  # the statement is the box's own text
        if item.hint:
            hint = QLabel(_text(item.hint, lang))
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            layout.addWidget(hint)
        self.card_note = QLabel("↳ " + QCoreApplication.translate(
            "FormView", "Taken from the family card: check it, and change it if it is not right."))
        self.card_note.setObjectName("fromCard")
        self.card_note.setWordWrap(True)
        self.card_note.setStyleSheet("color: #0b57d0;")
        self.card_note.setVisible(from_card)
        layout.addWidget(editor, 1)  # any spare height goes below the editor, not between the texts
        layout.addWidget(self.card_note)
        self.message = QLabel()
        self.message.setObjectName("problem")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(PROBLEM_STYLE)
        # A line is kept for the message, shown or not: the form must not move under the pointer when a
        # message appears on leaving a field (the click then landed on the wrong answer).
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing())
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        self.message.hide()
        layout.addWidget(self.message)
        editor.attach_message(self.message)
        editor.focus_target().setAccessibleName(self.label.text())

    def set_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))


class FormView(QWidget):
    """Any form definition as a page per section, with a list of the sections on the left.

    `changed` fires on every edit, `committed` when a field is left or a
    choice made (the moments a draft is saved).
    """

    changed = Signal()
    committed = Signal()

    def __init__(
        self,
        definition: FormDefinition,
        store: Any,
        household_id: str,
        record: dict[str, Any] | None = None,
        lang: str | None = None,
        *,
        answers: dict[str, Any] | None = None,
        members: Sequence[Member] | None = None,
        from_card: Iterable[str] = (),
        parent: QWidget | None = None,
    ):
        """`from_card`: answers taken from the family card, marked as such until the person changes them."""
        super().__init__(parent)
        self.definition = definition
        self.store = store
        self.household_id = household_id
        self.record = record
        self.lang = lang or current_language()
        if members is None:
            members = forms.members_of(store.records("persons", household_id=household_id))
        self.members = list(members)
        if answers is not None:
            self._answers = {k: v for k, v in answers.items() if not forms.is_empty(v)}
        else:
            self._answers = forms.initial_answers(definition, record, self.members)
        self.pages: list[Page] = forms.pages(definition, self.members)
        self._built: dict[int, QScrollArea] = {}
        self._boxes: dict[str, FieldBox] = {}
        self._groups: list[tuple[Page, Item, QWidget]] = []
        self._page_of: dict[str, int] = {}
        for n, page in enumerate(self.pages):
            if forms.page_has_questions(page):
                for item in _value_items(page.section.items):
                    self._page_of[page.key(item)] = n
        self.from_card = {k for k in from_card if k in self._answers}
        self._card_values = {k: self._answers[k] for k in self.from_card}
        self._problems: dict[str, str] = {}
        self._read_only = False
        self._reading: dict[str, Any] = {}  # key -> reading.Answer, on read-only pages
        self._build()
        self._update_relevance()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- building ------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if self.definition.provisional:
            note = QLabel(QCoreApplication.translate(
                "FormView",
                "Provisional version of this form: some questions and lists are still being "
                "checked against the official form and may change.",
            ))
            note.setObjectName("provisional")
            note.setWordWrap(True)
            note.setStyleSheet("background: #fff4ce; color: #5c4400; padding: 6px; border-radius: 3px;")
            outer.addWidget(note)
        body = QHBoxLayout()
        body.setSpacing(8)
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setWordWrap(True)
        self.sections.setSpacing(3)
        self.sections.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setMinimumWidth(190)
        self.sections.setMaximumWidth(280)
        self.sections.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.stack = QStackedWidget()
        for page in self.pages:
            item = QListWidgetItem(page.title(self.lang))
            item.setData(Qt.ItemDataRole.UserRole, page.id)
            self.sections.addItem(item)
            self.stack.addWidget(QWidget())  # a placeholder until the page is first shown
        self.sections.currentRowChanged.connect(self.show_page)
        body.addWidget(self.sections)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.sections.setCurrentRow(0)

    def show_page(self, n: int) -> None:
        if n < 0 or n >= len(self.pages):
            return
        self._ensure_page(n)
        self.stack.setCurrentIndex(n)
        if self.sections.currentRow() != n:
            self.sections.setCurrentRow(n)

    def _ensure_page(self, n: int) -> QScrollArea:
        if n in self._built:
            return self._built[n]
        page = self.pages[n]
        scroll = QScrollArea()
        scroll.setObjectName(f"page:{page.id}")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(4, 0, 12, 0)
        content = QWidget()
        content.setMaximumWidth(READABLE_WIDTH)
        row.addWidget(content, 1)
        row.addStretch(0)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.setSpacing(2)  # each question keeps a line for its message below: that spaces them
        title = QLabel(page.title(self.lang))
        title.setWordWrap(True)
        big = QFont(title.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        title.setFont(big)
        layout.addWidget(title)
        if page.section.hint:
            hint = QLabel(_text(page.section.hint, self.lang))
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            layout.addWidget(hint)
        if not forms.page_has_questions(page):
            empty = QLabel(_text(page.section.empty, self.lang) or QCoreApplication.translate(
                "FormView", "There is nobody in the family file for this section."))
            empty.setObjectName("emptySection")
            empty.setWordWrap(True)
            empty.setStyleSheet("padding: 16px; " + HINT_STYLE)
            layout.addWidget(empty)
        if self._read_only:  # laid out for reading: each question's wording and its answer as text
            self._reading.update(fill_page(layout, page, self._answers, self.members, self.relevant_keys(), self.lang))
        for item in (() if self._read_only else page.section.items):
            if item.type == "group":
                box = QWidget()
                box.setObjectName(f"group:{page.id}:{item.items[0].key if item.items else ''}")
                outer_box = QVBoxLayout(box)
                outer_box.setContentsMargins(0, 10, 0, 0)
                heading = QLabel(_text(item.label, self.lang))
                heading.setWordWrap(True)
                font = QFont(heading.font())
                font.setPointSizeF(font.pointSizeF() * 1.15)
                font.setBold(True)
                heading.setFont(font)
                outer_box.addWidget(heading)
                frame = QFrame()
                frame.setFrameShape(QFrame.Shape.StyledPanel)
                outer_box.addWidget(frame)
                inner = QVBoxLayout(frame)
                inner.setSpacing(4)
                if item.hint:
                    hint = QLabel(_text(item.hint, self.lang))
                    hint.setWordWrap(True)
                    hint.setStyleSheet(HINT_STYLE)
                    inner.addWidget(hint)
                for sub in item.items:
                    self._add_item(page, sub, inner)
                self._groups.append((page, item, box))
                layout.addWidget(box)
            else:
                self._add_item(page, item, layout)
        layout.addStretch(1)
        scroll.setWidget(holder)
        old = self.stack.widget(n)
        self.stack.insertWidget(n, scroll)
        self.stack.removeWidget(old)
        old.deleteLater()
        self._built[n] = scroll
        self._update_relevance()
        return scroll

    def _add_item(self, page: Page, item: Item, layout: QVBoxLayout) -> None:
        if item.type == "note":
            note = QLabel(_text(item.label, self.lang))
            note.setWordWrap(True)
            layout.addWidget(note)
            return
        if not forms.page_has_questions(page):
            return
        key = page.key(item)
        editor = make_editor(item, self.lang, self.members)
        editor.set_value(self._answers.get(key))
        editor.edited.connect(lambda k=key: self._edited(k))
        editor.committed.connect(self.committed)
        box = FieldBox(key, item, editor, self.lang, from_card=key in self.from_card)
        self._boxes[key] = box
        layout.addWidget(box)
        self._show_problem(key)

    # -- answers -------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        """The answers so far, keyed as the record's fields (empty answers left out)."""
        return dict(self._answers)

    def _edited(self, key: str) -> None:
        value = self._boxes[key].editor.value()
        if key in self.from_card and value != self._card_values.get(key):  # changed: no longer the card's
            self.from_card.discard(key)
            self._boxes[key].card_note.hide()
        if forms.is_empty(value):
            self._answers.pop(key, None)
        else:
            self._answers[key] = value
        if key in self._problems or any(p.startswith(key + "[") for p in self._problems):
            self._problems = {k: v for k, v in self._problems.items() if not (k == key or k.startswith(key + "["))}
            self._show_problem(key)
            self._mark_sections()
        self._update_relevance()
        self.changed.emit()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        before, after = self._key_of(old), self._key_of(new)
        if before is not None and before != after:
            self.committed.emit()

    def _key_of(self, widget: QWidget | None) -> str | None:
        while widget is not None:
            if isinstance(widget, FieldBox) and self._boxes.get(widget.key) is widget:
                return widget.key
            if widget is self:
                return None
            widget = widget.parentWidget()
        return None

    def relevant_keys(self) -> set[str]:
        return forms.relevant_keys(self.definition, self.members, self._answers)

    def _update_relevance(self) -> None:
        relevant = self.relevant_keys()
        for key, box in self._boxes.items():
            box.setVisible(key in relevant)
        for page, group, widget in self._groups:
            widget.setVisible(forms.is_relevant(page, None, self._answers, group))
        for n, page in enumerate(self.pages):
            shown = page.section.relevant is None or forms.is_relevant(page, None, self._answers)
            self.sections.item(n).setHidden(not shown)

    # -- problems ------------------------------------------------------------

    def set_problems(self, problems: Iterable[Problem]) -> list[str]:
        """Show each problem next to its question; returns the sentences that belong to no question."""
        self._problems = {}
        loose = []
        for p in problems:
            text = render_message(p.message, self.lang)
            base = p.field.split("[", 1)[0]
            if base in self._page_of:
                self._problems.setdefault(p.field, text)
            else:
                loose.append(text)
        for key in self._boxes:
            self._show_problem(key)
        self._mark_sections()
        return loose

    def _show_problem(self, key: str) -> None:
        box = self._boxes.get(key)
        if box is None:
            return
        box.set_message(self._problems.get(key))
        if isinstance(box.editor, RepeatEditor):
            box.editor.clear_problems()
            for name, text in self._problems.items():
                if name.startswith(key + "["):
                    if not box.editor.set_problem(name, text):
                        box.set_message(text)

    def _mark_sections(self) -> None:
        counts: dict[int, int] = {}
        for name in self._problems:
            n = self._page_of.get(name.split("[", 1)[0])
            if n is not None:
                counts[n] = counts.get(n, 0) + 1
        for n, page in enumerate(self.pages):
            item = self.sections.item(n)
            title = page.title(self.lang)
            if counts.get(n):
                item.setText(f"{title}  ⚠ {counts[n]}")
                item.setForeground(QColor("#b00020"))
            else:
                item.setText(title)
                item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def problem_text(self, key: str) -> str | None:
        """The message shown next to `key` (None when there is none)."""
        return self._problems.get(key)

    def go_to(self, key: str) -> None:
        """Show the page of `key`, scroll to its question and focus it."""
        n = self._page_of.get(key.split("[", 1)[0])
        if n is None:
            return
        self.show_page(n)
        box = self._boxes.get(key.split("[", 1)[0])
        if box is not None:
            QTimer.singleShot(0, lambda: self._built[n].ensureWidgetVisible(box, 0, 40))
            box.editor.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def first_field(self) -> QWidget | None:
        """The first question shown on the current page that takes the keyboard: where typing starts."""
        n = self.stack.currentIndex()
        for key, box in self._boxes.items():
            if self._page_of.get(key.split("[", 1)[0]) != n or not box.isVisibleTo(self):
                continue
            target = box.editor.focus_target()
            if target.isEnabled() and target.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return target
        return None

    def go_to_first_problem(self) -> None:
        order = list(self._page_of)
        keys = sorted(self._problems, key=lambda k: order.index(k.split("[", 1)[0]) if k.split("[", 1)[0] in order else 0)
        if keys:
            self.go_to(keys[0])

    # -- for the dialog and tests ----------------------------------------------

    def box(self, key: str) -> FieldBox:
        """The question `key` (its page is built and shown)."""
        n = self._page_of[key]
        self.show_page(n)
        return self._boxes[key]

    def editor(self, key: str) -> Editor:
        return self.box(key).editor

    def is_shown(self, key: str) -> bool:
        """Whether the question is shown (relevant), building its page if need be."""
        return not self.box(key).isHidden()

    def set_read_only(self, read_only: bool) -> None:
        """Show the record for reading (label and answer text), or with its editors again."""
        if read_only == self._read_only:
            return
        self._read_only = read_only
        for n in list(self._built):  # the pages built so far are made again, the other way
            scroll = self._built.pop(n)
            self.stack.insertWidget(n, QWidget())
            self.stack.removeWidget(scroll)
            scroll.deleteLater()
        self._boxes, self._groups, self._reading = {}, [], {}
        self.show_page(max(0, self.sections.currentRow()))

    def reading_text(self, key: str) -> str | None:
        """The answer shown for `key` on a read-only page (its page is built); None when not shown."""
        n = self._page_of.get(key)
        if n is None:
            return None
        self.show_page(n)
        shown = self._reading.get(key)
        return shown.answer.text() if shown is not None else None


def _value_items(items: Iterable[Item]) -> Iterable[Item]:
    for item in items:
        if item.type == "group":
            yield from (s for s in item.items if s.has_value)
        elif item.has_value:
            yield item

"""Translatable messages without Qt.

The domain layer must not import Qt, yet its messages (validation problems,
field labels) are shown to caseworkers in Ukrainian or English. A `Message`
keeps the Qt Linguist context and the English source text; the UI renders it
with `QCoreApplication.translate`. The marker function is named
`QT_TRANSLATE_NOOP` so that `pyside6-lupdate` extracts the strings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# The languages of the program, its forms, enumerations and translations; the first is the default.
LANGUAGES: tuple[str, ...] = ("uk", "en")

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, source: str) -> tuple[str, str]:  # noqa: N802 - lupdate's name
    """Mark a string for extraction by lupdate; returns (context, source)."""
    return context, source


def _identity(context: str, source: str) -> str:
    return source


# What `str(message)` speaks in this process: English unless the command line chose a language
# (fieldapp/headless.py `speak`); the window renders with Qt's translators instead.
_spoken: Translate = _identity


def speak(translate: Translate | None) -> None:
    """Make `str(message)` render through `translate` in this process (None: English again)."""
    global _spoken
    _spoken = translate or _identity


@dataclass(frozen=True)
class Message:
    """A sentence to show a person: the Linguist context, the English source and its arguments."""

    context: str
    source: str
    args: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, marked: tuple[str, str], **args: Any) -> Message:
        context, source = marked
        return cls(context, source, dict(args))

    def render(self, translate: Translate = _identity) -> str:
        """The sentence in the language `translate` gives (English by default)."""
        text = translate(self.context, self.source)
        return text.format(**self.args) if self.args else text

    def __str__(self) -> str:
        return self.render(_spoken)

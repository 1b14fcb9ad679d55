"""Translatable messages without Qt.

The domain layer must not import Qt, yet its messages (validation problems,
field labels) are shown to caseworkers in Ukrainian or English. A `Message`
keeps the Qt Linguist context and the English source text; the UI renders it
with `QCoreApplication.translate`. The marker function is named
`QT_TRANSLATE_NOOP` so that `pyside6-lupdate` extracts the strings.
"""

from __future__ import annotations

import errno
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
        if not self.args:
            return text
        # A message inside a message (the reason a file could not be written) speaks the same language.
        return text.format(**{k: v.render(translate) if isinstance(v, Message) else v for k, v in self.args.items()})

    def __str__(self) -> str:
        return self.render(_spoken)


# Why the system refused a file, in the person's language: the system's own text (exc.strerror) is
# English whatever the program's language, and sat inside Ukrainian sentences.
_OS_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOENT: QT_TRANSLATE_NOOP("OsReason", "there is no such file or folder"),
    errno.EACCES: QT_TRANSLATE_NOOP("OsReason", "this account is not allowed to use it"),
    errno.EPERM: QT_TRANSLATE_NOOP("OsReason", "this account is not allowed to use it"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("OsReason", "the disk is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("OsReason", "the disk is full"),
    errno.EROFS: QT_TRANSLATE_NOOP("OsReason", "the disk can only be read (a locked or read-only stick?)"),
    errno.EISDIR: QT_TRANSLATE_NOOP("OsReason", "it is a folder, not a file"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("OsReason", "a part of the path is a file, not a folder"),
    errno.EIO: QT_TRANSLATE_NOOP("OsReason", "the disk could not be read or written (a damaged or removed stick?)"),
    errno.ENAMETOOLONG: QT_TRANSLATE_NOOP("OsReason", "the name is too long"),
}
OTHER_OS_REASON = QT_TRANSLATE_NOOP("OsReason", "the system refused it ({detail})")


def os_reason(exc: OSError) -> Message:
    """Why `exc` happened, as a translatable phrase (the system's error number, when it is a known one)."""
    known = _OS_REASONS.get(exc.errno or -1)
    if known is not None:
        return Message.of(known)
    return Message.of(OTHER_OS_REASON, detail=exc.strerror or type(exc).__name__)

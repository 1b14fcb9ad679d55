"""The program's icons, from resources/icons/ (SVG), loaded once."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from casework.resources import resource_dir


@cache
def icon(name: str) -> QIcon:
    """`resources/icons/<name>.svg`: warning, overdue, lock, pending, app."""
    return QIcon(str(resource_dir() / "icons" / f"{name}.svg"))

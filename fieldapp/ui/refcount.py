"""None made immortal on Python 3.11, as Python 3.12 makes it: PySide 6.12 drops a reference to None.

Measured on PySide 6.12.0 / CPython 3.11.7: each call of QPainter.setPen, setFont, setBrush,
setClipRect, fillRect, save, restore and QIcon.paint from Python takes one reference from None
without having given it (drawText and the font metrics do not). A table painted by a Python delegate
does several such calls per cell; after some tens of thousands None's count reaches zero and the
interpreter aborts ("Fatal Python error: none_dealloc"), wherever it happens to be. Python 3.12 and
later never count None's references down (PEP 683); here its count is raised once so far that no
session can take it to zero.
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = 1 << 60  # references added to None: ~10^18 leaked calls before it could reach zero


def pin_none() -> None:
    """Raise None's reference count out of reach of the leak (CPython before 3.12; once)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12) or sys.getrefcount(None) > _PINNED:
        return
    # ob_refcnt is the first field of every CPython object (Include/object.h, PyObject).
    ctypes.c_ssize_t.from_address(id(None)).value += _PINNED

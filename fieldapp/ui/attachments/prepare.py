"""What a file becomes before it is stored: checked, downscaled, stripped of its metadata, in memory.

The original is read into memory once and never written anywhere. An image (JPEG, PNG, and what
Qt reads besides) is decoded with Qt, turned upright by its EXIF orientation, downscaled so that
its longer side is at most IT's `attachment_image_side`, and encoded again into a fresh image:
what the camera wrote beside the pixels (EXIF with GPS, XMP, PNG text) is not carried over. A PDF
is parsed with pypdf in memory and written again without its document information and XMP
metadata. Anything else, a corrupt file or one over the limit is refused with a sentence
(`Refused`), and nothing is stored.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter

from casework.i18n import QT_TRANSLATE_NOOP, Message

JPEG_QUALITY = 85

TOO_LARGE = QT_TRANSLATE_NOOP("Attachments", "This file is larger than {limit} MB, the most a file may be. "
                                             "Scan it at a lower resolution, or split it.")
UNKNOWN_TYPE = QT_TRANSLATE_NOOP("Attachments", "FieldApp keeps photos and scans: JPEG, PNG or PDF. "
                                                "This file is none of them.")
CORRUPT_IMAGE = QT_TRANSLATE_NOOP("Attachments", "This image is damaged and cannot be read. "
                                                 "Take the photo or the scan again.")
CORRUPT_PDF = QT_TRANSLATE_NOOP("Attachments", "This PDF is damaged or locked with a password, so it "
                                               "cannot be read. Save or scan it again.")
EMPTY_FILE = QT_TRANSLATE_NOOP("Attachments", "This file is empty.")


class Refused(ValueError):
    """A file that is not kept; `message` says why, for the caseworker."""

    def __init__(self, marked: tuple[str, str], **args: object):
        self.message = Message.of(marked, **args)
        super().__init__(self.message.render())


@dataclass(frozen=True)
class Prepared:
    """A file ready to store: its bytes as they will travel, and what the metadata record says."""

    data: bytes
    media_type: str
    sha256: str
    width: int | None = None
    height: int | None = None
    pages: int | None = None


def prepare(raw: bytes, *, max_bytes: int, max_side: int) -> Prepared:
    """Check and clean a file's bytes; Refused with the reason when it cannot be kept."""
    if not raw:
        raise Refused(EMPTY_FILE)
    if len(raw) > max_bytes:
        raise Refused(TOO_LARGE, limit=max_bytes // (1024 * 1024))
    if raw.startswith(b"%PDF-"):
        return _pdf(raw, max_bytes)
    if raw.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")):
        return _image(raw, max_side, max_bytes)
    raise Refused(UNKNOWN_TYPE)


def _image(raw: bytes, max_side: int, max_bytes: int) -> Prepared:
    buffer = QBuffer()
    buffer.setData(QByteArray(raw))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # upright by EXIF orientation, before EXIF is dropped
    source = reader.read()
    if source.isNull():
        raise Refused(CORRUPT_IMAGE)
    if max(source.width(), source.height()) > max_side:
        source = source.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
    png = raw.startswith(b"\x89PNG")
    # A fresh image with the pixels only: no text keys, no colour-space tags carried over.
    fmt = QImage.Format.Format_ARGB32 if png and source.hasAlphaChannel() else QImage.Format.Format_RGB32
    clean = QImage(source.width(), source.height(), fmt)
    clean.fill(Qt.GlobalColor.white)
    painter = QPainter(clean)
    painter.drawImage(0, 0, source)
    painter.end()
    out = QBuffer()
    out.open(QIODevice.OpenModeFlag.WriteOnly)
    if not clean.save(out, "PNG" if png else "JPEG", -1 if png else JPEG_QUALITY):
        raise Refused(CORRUPT_IMAGE)
    data = bytes(out.data().data())
    if len(data) > max_bytes:
        raise Refused(TOO_LARGE, limit=max_bytes // (1024 * 1024))
    return Prepared(data, "image/png" if png else "image/jpeg", hashlib.sha256(data).hexdigest(),
                    clean.width(), clean.height())


def _pdf(raw: bytes, max_bytes: int) -> Prepared:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            raise Refused(CORRUPT_PDF)
        pages = len(reader.pages)
        if pages == 0:
            raise Refused(CORRUPT_PDF)
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
        # No document information (author, software) and no XMP: only the pages travel.
        writer._info = None  # noqa: SLF001 - pypdf has no public way to leave /Info out
        out = io.BytesIO()
        writer.write(out)
    except Refused:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
        raise Refused(CORRUPT_PDF) from None
    data = out.getvalue()
    if len(data) > max_bytes:
        raise Refused(TOO_LARGE, limit=max_bytes // (1024 * 1024))
    return Prepared(data, "application/pdf", hashlib.sha256(data).hexdigest(), pages=pages)
